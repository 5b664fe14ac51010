"""Score a ``dask.dataframe`` partition by partition, on one machine or a cluster.

Needs the ``[dask]`` extra (``dask[dataframe]`` and, for clusters, ``distributed``). Each partition
is scored by :func:`framing.score` in the worker that holds it; the configuration (lexicons,
patterns) travels with the task, and the shipped tables are loaded once per worker process.

PySpark works the same way through ``mapInPandas``: see :mod:`framing.faces.spark`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config, make_config
from framing.faces import api
from framing.pipeline import ERROR_COLUMN, columns


def meta(signals: Any = None, index: pd.Index | None = None, *, config: Config | None = None) -> pd.DataFrame:
    """An empty frame with the columns and dtypes :func:`framing.score` returns (dask's ``meta``).

    Examples
    --------
    >>> m = meta("readability")
    >>> m.dtypes["text.words"], m.dtypes["error"], len(m)
    (dtype('float64'), dtype('O'), 0)
    """
    names = columns(make_config(config, signals=signals))
    frame = pd.DataFrame({name: np.zeros(0) for name in names}, index=index[:0] if index is not None else None)
    frame[ERROR_COLUMN] = pd.Series([], dtype=object, index=frame.index)
    return frame


def _score_partition(part: pd.DataFrame | pd.Series, text: str | None, options: dict[str, Any]) -> pd.DataFrame:
    texts = part if isinstance(part, pd.Series) else part[text]
    # dask stores text as Arrow strings, where a missing value is pd.NA: make it None ("missing text")
    texts = texts.astype(object).where(texts.notna(), None)
    frame = api.score(texts, **options)  # a Series keeps its index: rows stay aligned with the partition
    frame[ERROR_COLUMN] = frame[ERROR_COLUMN].astype(object)
    return frame


def score(
    ddf: Any,
    text: str = "text",
    *,
    signals: Any = None,
    compat: str | None = None,
    max_chars: int | None = None,
    lexicons: Any = None,
    patterns: Any = None,
    config: Config | None = None,
):
    """Score the ``text`` column of a dask DataFrame (or a dask Series); lazily.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or dask.dataframe.Series
        The documents, one per row.
    text : str, default "text"
        The column that holds the texts (ignored for a Series).
    signals, compat, max_chars, lexicons, patterns, config
        As in :func:`framing.score`.

    Returns
    -------
    dask.dataframe.DataFrame
        The columns of :func:`framing.score` (``family.signal`` floats, ``error``), with the index and
        partitions of ``ddf``; join it back with ``ddf.join(result)`` or ``concat(axis=1)``.

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["A cat sat.", None]}), npartitions=2)  # doctest: +SKIP
    >>> framing.faces.dask.score(ddf, signals="readability").compute()["text.words"].tolist()  # doctest: +SKIP
    [3.0, nan]
    """
    config = make_config(config, signals=signals, compat=compat, max_chars=max_chars, lexicons=lexicons, patterns=patterns)
    options = {"config": config}
    import dask.dataframe as dd

    series_like = isinstance(ddf, dd.Series)
    if not series_like and text not in ddf.columns:
        raise KeyError(f"no column {text!r} in the dask DataFrame (columns: {list(ddf.columns)})")
    empty_index = ddf._meta.index
    return ddf.map_partitions(
        _score_partition,
        None if series_like else text,
        options,
        meta=meta(index=empty_index, config=config),
        align_dataframes=False,
    )
