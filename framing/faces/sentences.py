"""The sentence table: one row per sentence, with each family's sentence-level judgements.

:func:`sentences` is the base a researcher uses to audit a document's score, to sample sentences
for coding, or to train a model: every sentence of every document, once and in order, with its
character span and what each family found in it. It is built from the same evidence items
:func:`framing.analyze` returns (their stable ``code`` and ``details``, see ``docs/evidence.md``),
so a sentence's columns always agree with the evidence behind the document's scores. Each document
is segmented and judged on its own, so a row never depends on the other documents of the batch.

Columns (``docs/sentences.md`` gives each one's definition):

========================= ======== ==========================================================
column                    family   meaning
========================= ======== ==========================================================
``id``                             the document's id (its position when ``ids`` is not given)
``sentence``                       the sentence's index within its document (0, 1, …)
``start``, ``end``                 character offsets into the document's text
``text``                           the sentence (with ``text=True``)
``words``                 readab.  words in the sentence
``polysyllables``         readab.  words of three or more syllables
``duplicate_line``        repet.   the sentence lies on a line that repeats an earlier line
``restates``              repet.   index of the earlier sentence it restates in other words
``similarity``            repet.   the restatement's similarity (``restates`` not NA)
``boilerplate``           boiler.  the category of the furniture line it lies on, or ""
``attributed``            sourcing holds a reporting cue (``sourcing.attributions``)
``cues``                  sourcing the cues' text, "; "-joined
``named_sources``, …      sourcing mentions of named, anonymous and document sources
``in_quote``              sourcing overlaps a direct quotation whose speaker is given
``orphan_quote``          sourcing overlaps a direct quotation nobody is said to have said
``figures``, ``dates``    sourcing figures and dates in the sentence
``relations``             sourcing attribution relations whose cue is in the sentence
``source_classes``        sourcing their sources' resolved classes, "; "-joined
``unsourced_claim``       sourcing a specific claim with no relation in it or either neighbour
``filler_phrases``        style    template phrases, generic hedges and exhortations in it
``filler_categories``     style    their categories, "; "-joined
``faq_question``          style    the sentence is a question answered by the next paragraph
``<set>.<frame>``         framing  summed weight of the counted cues of that frame in it; for a set
                                   with a sentence model (``immigration``): the model's probability
                                   where it says the sentence carries the frame, else 0
``error``                          why a document could not be scored (its one row has no span)
========================= ======== ==========================================================

A document that cannot be scored (``None``, empty, too long) gets one row with its ``error`` and
NA elsewhere, so no document vanishes from the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config, make_config
from framing.core.evidence import Evidence
from framing.core.segment import segment
from framing.pipeline import ERROR_COLUMN
from framing.pipeline import evidence as family_evidence

__all__ = ["SENTENCE_COLUMNS", "sentence_columns", "sentences"]

#: The fixed columns by family, in order (``framing`` adds one column per frame of each lexicon).
SENTENCE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "": (("id", "object"), ("sentence", "Int64"), ("start", "Int64"), ("end", "Int64")),
    "readability": (("words", "Int64"), ("polysyllables", "Int64")),
    "repetition": (("duplicate_line", "boolean"), ("restates", "Int64"), ("similarity", "float64")),
    "boilerplate": (("boilerplate", "object"),),
    "sourcing": (
        ("attributed", "boolean"), ("cues", "object"), ("named_sources", "Int64"), ("anonymous_sources", "Int64"),
        ("document_sources", "Int64"), ("in_quote", "boolean"), ("orphan_quote", "boolean"), ("figures", "Int64"),
        ("dates", "Int64"), ("relations", "Int64"), ("source_classes", "object"), ("unsourced_claim", "boolean"),
    ),
    "style": (("filler_phrases", "Int64"), ("filler_categories", "object"), ("faq_question", "boolean")),
}  # fmt: skip


def sentence_columns(config: Config, *, text: bool = False) -> list[tuple[str, str]]:
    """``(name, dtype)`` of the sentence table's columns under ``config``, in order."""
    names = list(SENTENCE_COLUMNS[""])
    if text:
        names.append(("text", "object"))
    for family in config.signals:
        if family == "framing":
            names += [(f"{lex.name}.{frame}", "float64") for lex in config.lexicons for frame in lex.frame_names]
        else:
            names += list(SENTENCE_COLUMNS[family])
    return names + [(ERROR_COLUMN, "object")]


def _containing(starts: np.ndarray, ends: np.ndarray, position: int) -> int:
    """The index of the sentence that holds character ``position``, or -1."""
    i = int(np.searchsorted(starts, position, side="right")) - 1
    return i if i >= 0 and position < ends[i] else -1


def _overlapping(starts: np.ndarray, ends: np.ndarray, item: Evidence) -> range:
    """The sentences whose span overlaps the item's."""
    first = int(np.searchsorted(ends, item.start, side="right"))
    last = int(np.searchsorted(starts, item.end, side="left"))
    return range(first, last)


def _document_rows(doc_id: Any, text: Any, config: Config, with_text: bool) -> list[dict[str, Any]]:
    corpus = segment([text], max_chars=config.max_chars)
    if corpus.errors[0] is not None:
        return [{"id": doc_id, ERROR_COLUMN: corpus.errors[0]}]
    spans = corpus.sentences
    starts, ends = spans.start.astype(np.int64), spans.end.astype(np.int64)
    text = corpus.texts[0]
    chosen = set(config.signals)
    rows: list[dict[str, Any]] = []
    for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist())):
        row: dict[str, Any] = {"id": doc_id, "sentence": i, "start": start, "end": end}
        if with_text:
            row["text"] = text[start:end]
        if "readability" in chosen:
            row.update(words=0, polysyllables=0)
        if "repetition" in chosen:
            row.update(duplicate_line=False)
        if "boilerplate" in chosen:
            row["boilerplate"] = ""
        if "sourcing" in chosen:
            row.update(attributed=False, named_sources=0, anonymous_sources=0, document_sources=0, in_quote=False,
                       orphan_quote=False, figures=0, dates=0, relations=0, unsourced_claim=False)  # fmt: skip
        if "style" in chosen:
            row.update(filler_phrases=0, faq_question=False)
        if "framing" in chosen:
            row.update({f"{lex.name}.{frame}": 0.0 for lex in config.lexicons for frame in lex.frame_names})
        row[ERROR_COLUMN] = None
        rows.append(row)

    def add_text(row: dict[str, Any], key: str, value: str) -> None:
        row[key] = value if not row.get(key) else f"{row[key]}; {value}"

    modelled = {lex.name for lex in config.lexicons if lex.sentence_model} if "framing" in chosen else set()
    counted = {"named_source": "named_sources", "anonymous_source": "anonymous_sources",
               "document_source": "document_sources", "figure": "figures", "date": "dates",
               "polysyllable": "polysyllables"}  # fmt: skip
    for item in family_evidence(corpus, 0, config):
        code, details = item.code, item.details
        here = _containing(starts, ends, item.start)
        if code == "sentence" and here >= 0:
            rows[here]["words"] = int(details["words"])
        elif code in counted and here >= 0:
            rows[here][counted[code]] += 1
        elif code == "attribution" and here >= 0:
            rows[here]["attributed"] = True
            add_text(rows[here], "cues", item.text)
        elif code in ("quote", "orphan_quote"):
            for s in _overlapping(starts, ends, item):
                rows[s]["in_quote" if code == "quote" else "orphan_quote"] = True
        elif code == "furniture_line":
            for s in _overlapping(starts, ends, item):
                rows[s]["boilerplate"] = str(details["category"])
        elif code == "duplicate_line":
            for s in _overlapping(starts, ends, item):
                rows[s]["duplicate_line"] = True
        elif code == "restated_sentence" and here >= 0:
            earlier = _containing(starts, ends, int(details["earlier_start"]))
            rows[here]["restates"] = earlier if earlier >= 0 else None
            rows[here]["similarity"] = details["similarity"]
        elif code == "relation" and here >= 0:
            rows[here]["relations"] += 1
            add_text(rows[here], "source_classes", str(details["resolved_class"]))
        elif code == "unsourced_claim" and here >= 0:
            rows[here]["unsourced_claim"] = True
        elif code == "filler_phrase" and here >= 0:
            rows[here]["filler_phrases"] += 1
            add_text(rows[here], "filler_categories", str(details["category"]))
        elif code == "faq_question" and here >= 0:
            rows[here]["faq_question"] = True
        elif code == "frame_cue" and details["frame_set"] not in modelled:
            s = _containing(starts, ends, int(details["sentence_start"]))
            if s >= 0:
                rows[s][f"{details['frame_set']}.{details['frame']}"] += float(details["weight"])
        elif code == "frame_sentence":  # a set with a sentence model: the model's probability where it carries the frame
            s = _containing(starts, ends, int(details["sentence_start"]))
            if s >= 0:
                rows[s][f"{details['frame_set']}.{details['frame']}"] = float(details["probability"])
    return rows


def _chunk_table(job: tuple[list[Any], list[Any], Config, bool]) -> pd.DataFrame:
    ids, texts, config, with_text = job
    rows = [row for doc_id, text in zip(ids, texts) for row in _document_rows(doc_id, text, config, with_text)]
    return _frame(rows, config, with_text)


def _frame(rows: list[dict[str, Any]], config: Config, with_text: bool) -> pd.DataFrame:
    columns = sentence_columns(config, text=with_text)
    frame = pd.DataFrame(rows, columns=[name for name, _ in columns])
    for name, dtype in columns:
        if dtype == "object":
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def sentences(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    text: bool = False,
    n_jobs: int = 1,
    batch_size: int = 256,
    signals: Iterable[str] | str | None = None,
    lexicons: Any = None,
    patterns: Any = None,
    max_chars: int | None = None,
    config: Config | None = None,
) -> pd.DataFrame:
    """One row per sentence of every text, with each family's sentence-level judgements.

    Parameters
    ----------
    texts : iterable
        The documents, as in :func:`framing.score` (bad inputs give one row with ``error``).
    ids : iterable, optional
        Document ids for the ``id`` column (default: the position of each text).
    text : bool, default False
        Add the sentence's text (a ``text`` column after ``end``).
    n_jobs, batch_size : int
        Worker processes and documents per task; the table is the same for any values.
    signals, lexicons, patterns, max_chars, config
        As in :func:`framing.score`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`sentence_columns` (see the module docstring), sentences in document
        order, documents in input order.

    Examples
    --------
    >>> table = sentences(["Officials said the border will close. It was the storm of the decade.", None],
    ...                   signals=["sourcing", "framing"], lexicons="immigration", text=True)
    >>> print(table[["id", "sentence", "start", "end", "attributed", "cues", "error"]].to_string())
      id  sentence  start   end  attributed  cues         error
    0  0         0      0    37        True  said          None
    1  0         1     38    69       False  None          None
    2  1      <NA>   <NA>  <NA>        <NA>  None  missing text
    """
    config = make_config(config, signals=signals, lexicons=lexicons, patterns=patterns, max_chars=max_chars)
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of documents, not a single string")
    texts = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ValueError(f"ids has {len(ids)} items but texts has {len(texts)}")
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive integer, got {n_jobs!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    jobs = [(ids[i : i + batch_size], texts[i : i + batch_size], config, text) for i in range(0, len(texts), batch_size)]
    if n_jobs == 1 or len(jobs) <= 1:
        parts = [_chunk_table(job) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            parts = list(pool.map(_chunk_table, jobs))
    if not parts:
        return _frame([], config, text)
    return pd.concat(parts, ignore_index=True)


def _check_columns_documented(names: Sequence[str]) -> list[str]:  # used by tests/test_sentences.py
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "sentences.md").read_text(encoding="utf-8")
    return [name for name in names if f"`{name}`" not in doc]
