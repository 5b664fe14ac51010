"""Score a PySpark DataFrame with ``mapInPandas``.

Needs the ``[spark]`` extra (``pyspark``) and a Java runtime. Spark hands each task an iterator of
pandas DataFrames (Arrow batches of ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows, 10,000 by
default); :func:`framing.score` scores each batch in the Python worker, whose module-level caches
keep the lexicons and word tables loaded across batches. Rows keep the columns named in ``keep``
(the id), since Spark does not promise an order.

The same by hand, for a pipeline of your own::

    from framing.faces.spark import output_schema
    import framing

    def score_batches(batches):
        for batch in batches:
            scores = framing.score(batch["text"]).reset_index(drop=True)
            yield pd.concat([batch[["id"]].reset_index(drop=True), scores], axis=1)

    scored = sdf.mapInPandas(score_batches, schema=output_schema(sdf.schema, keep=["id"]))

Column names hold dots (``readability.gunning_fog``): quote them with backticks in Spark SQL
(``scored.select("`readability.gunning_fog`")``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from framing.config import Config, make_config
from framing.faces import api
from framing.pipeline import ERROR_COLUMN, LANGUAGE_COLUMN, columns, has_language_column


def output_schema(input_schema: Any, keep: Sequence[str] = ("id",), signals: Any = None, *, config: Config | None = None):
    """The Spark schema of :func:`score`'s result: the ``keep`` columns, the score columns, ``error``."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    kept = [input_schema[name] for name in keep]
    config = make_config(config, signals=signals)
    scores = [StructField(name, DoubleType(), True) for name in columns(config)]
    language = [StructField(LANGUAGE_COLUMN, StringType(), True)] if has_language_column(config) else []
    return StructType([*kept, *scores, *language, StructField(ERROR_COLUMN, StringType(), True)])


def _score_batches(
    batches: Iterator[pd.DataFrame], text: str, keep: list[str], options: dict[str, Any]
) -> Iterator[pd.DataFrame]:
    for batch in batches:
        texts = batch[text].astype(object).where(batch[text].notna(), None)  # null -> "missing text"
        scores = api.score(texts.reset_index(drop=True), **options)
        yield pd.concat([batch[keep].reset_index(drop=True), scores.reset_index(drop=True)], axis=1)


def score(
    sdf: Any,
    text: str = "text",
    *,
    keep: Sequence[str] = ("id",),
    signals: Any = None,
    compat: str | None = None,
    max_chars: int | None = None,
    lexicons: Any = None,
    patterns: Any = None,
    config: Config | None = None,
):
    """Score the ``text`` column of a Spark DataFrame; lazily, like any Spark transformation.

    Parameters
    ----------
    sdf : pyspark.sql.DataFrame
        The documents, one per row.
    text : str, default "text"
        The column that holds the texts.
    keep : list of str, default ("id",)
        Columns copied to the result to identify its rows.
    signals, compat, max_chars, lexicons, patterns, config
        As in :func:`framing.score`.

    Returns
    -------
    pyspark.sql.DataFrame
        ``keep``, the columns of :func:`framing.score` (doubles) and ``error`` (string).
    """
    config = make_config(config, signals=signals, compat=compat, max_chars=max_chars, lexicons=lexicons, patterns=patterns)
    options = {"config": config}
    keep = list(keep)
    missing = [name for name in [text, *keep] if name not in sdf.columns]
    if missing:
        raise KeyError(f"no column(s) {missing} in the Spark DataFrame (columns: {sdf.columns})")
    schema = output_schema(sdf.schema, keep, config=config)
    return sdf.select(*dict.fromkeys([*keep, text])).mapInPandas(lambda batches: _score_batches(batches, text, keep, options), schema)
