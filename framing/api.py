"""The public face: :func:`score` for batches, :func:`analyze` for one document."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd

from . import boilerplate, frames, readability, repetition, sourcing, style
from .norms import Norms, reference_norms
from .report import Report
from .segment import Corpus, segment

#: Signal families in output order; each module has ``NAME``, ``COLUMNS``, ``compute`` and ``evidence``.
FAMILIES: dict[str, ModuleType] = {module.NAME: module for module in (readability, repetition, boilerplate, sourcing, style, frames)}
ERROR_COLUMN = "error"
DEFAULT_BATCH_SIZE = 256  # ~1 MB of news text per pass: fits the CPU caches, ~100 MB of work arrays


def _check_signals(signals: Iterable[str] | str | None) -> list[str]:
    if signals is None:
        return list(FAMILIES)
    if isinstance(signals, str):
        signals = [signals]
    chosen = list(dict.fromkeys(signals))
    unknown = [s for s in chosen if s not in FAMILIES]
    if unknown or not chosen:
        raise ValueError(f"unknown signal families {unknown}; choose from {list(FAMILIES)}")
    return [name for name in FAMILIES if name in chosen]


def _check_compat(compat: str | None) -> str | None:
    if compat not in readability.COMPAT_MODES:
        raise ValueError(f"compat must be one of {readability.COMPAT_MODES}, got {compat!r}")
    return compat


def _options(name: str, lexicons: Any) -> dict[str, Any]:
    """Family-specific keyword arguments: only the framing family takes ``lexicons``."""
    return {"lexicons": lexicons} if name == frames.NAME and lexicons is not None else {}


def columns(signals: Iterable[str] | str | None = None, *, lexicons: Any = None) -> list[str]:
    """The score columns :func:`score` returns for ``signals``, in order (without ``error``).

    Examples
    --------
    >>> columns("readability")[:3]
    ['text.characters', 'text.letters', 'text.words']
    >>> columns("framing", lexicons="immigration")[-2:]
    ['framing.immigration.balance', 'framing.immigration.topic']
    """
    chosen = _check_signals(signals)
    return [c for name in chosen for c in (frames.columns(lexicons) if _options(name, lexicons) else FAMILIES[name].COLUMNS)]


def _score_corpus(corpus: Corpus, families: list[str], compat: str | None, lexicons: Any = None) -> dict[str, np.ndarray]:
    result: dict[str, np.ndarray] = {}
    for name in families:
        result.update(FAMILIES[name].compute(corpus, compat=compat, **_options(name, lexicons)))
    invalid = np.fromiter((e is not None for e in corpus.errors), bool, corpus.n_docs)
    if invalid.any():
        for values in result.values():
            values[invalid] = np.nan
    return result


def _score_chunk(args: tuple[list[Any], list[str], str | None, int | None, Any]) -> tuple[dict[str, np.ndarray], list]:
    texts, families, compat, max_chars, lexicons = args
    corpus = segment(texts, max_chars=max_chars)
    return _score_corpus(corpus, families, compat, lexicons), corpus.errors


def _chunks(texts: Sequence[Any], size: int):
    for start in range(0, len(texts), size):
        yield texts[start : start + size]


def score(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    signals: Iterable[str] | str | None = None,
    n_jobs: int = 1,
    progress: bool = False,
    compat: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int | None = None,
    lexicons: Any = None,
    norms: "bool | Norms" = False,
) -> pd.DataFrame:
    """Score a batch of texts: one row per input, in input order.

    Parameters
    ----------
    texts : iterable
        The documents. ``None``, NaN, non-strings and blank strings are kept as rows of NaN with
        the reason in the ``error`` column; no row is ever dropped. A ``pandas.Series`` keeps its
        index when ``ids`` is not given.
    ids : iterable, optional
        Row labels (the index of the result, named ``id``); must match ``texts`` in length.
    signals : str or list of str, optional
        Signal families to compute (default: all). See :data:`FAMILIES`.
    n_jobs : int, default 1
        Worker processes. Results are bitwise identical for any ``n_jobs``.
    progress : bool, default False
        Report documents per second on standard error.
    compat : {None, "textstat"}, default None
        ``"textstat"`` reproduces textstat 0.7.8's readability numbers and counts.
    batch_size : int, default 256
        Documents segmented together; memory grows with it, results do not change.
    max_chars : int, optional
        Longer texts get an ``error`` instead of scores.
    lexicons : lexicon or list of lexicons, optional
        The frame sets of the ``framing`` family (default: the bundled ``immigration`` and
        ``generic``): bundled names, ``.toml``/``.json`` paths, dicts in the lexicon format or
        :class:`~framing.lexicon.Lexicon` objects (see :func:`framing.load_lexicon`).
    norms : bool or Norms, default False
        Add, after each column, ``<column>.pct``: its percentile among the reference documents
        (``True``: the shipped norms of professional news, :func:`framing.norms.reference_norms`;
        or any :class:`framing.norms.Norms`, e.g. learnt by :class:`framing.Analyzer`).

    Returns
    -------
    pandas.DataFrame
        Columns named ``family.signal`` (see :func:`columns`) and ``error`` (None when scored).

    Examples
    --------
    >>> df = score(["The cat sat on the mat. It was happy.", None])
    >>> df[["text.words", "text.sentences", "error"]]
       text.words  text.sentences         error
    0         9.0             2.0          None
    1         NaN             NaN  missing text
    """
    families = _check_signals(signals)
    compat = _check_compat(compat)
    if lexicons is not None:
        lexicons = frames.lexicons(lexicons)  # checked once, before any work; sent to workers as is
    if not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive integer, got {n_jobs!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    if not isinstance(norms, (bool, Norms)):
        raise TypeError(f"norms must be True, False or a framing.norms.Norms, got {type(norms).__name__}")
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of documents, not a single string; use analyze() for one text")
    index = None
    if isinstance(texts, pd.Series):
        index = texts.index
        texts = texts.tolist()
    texts = list(texts)
    if ids is not None:
        ids = list(ids)
        if len(ids) != len(texts):
            raise ValueError(f"ids has {len(ids)} items but texts has {len(texts)}")
        index = pd.Index(ids, name="id")

    names = columns(families, lexicons=lexicons)
    jobs = [(chunk, families, compat, max_chars, lexicons) for chunk in _chunks(texts, batch_size)]
    parts: list[tuple[dict[str, np.ndarray], list]] = []
    started, done = time.perf_counter(), 0

    def report(part: tuple[dict[str, np.ndarray], list]) -> None:
        nonlocal done
        parts.append(part)
        done += len(part[1])
        if progress:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\rframing: {done}/{len(texts)} documents, {rate:,.0f} docs/s", end="", file=sys.stderr)

    if n_jobs == 1 or len(jobs) <= 1:
        for job in jobs:
            report(_score_chunk(job))
    else:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            for part in pool.map(_score_chunk, jobs):
                report(part)
    if progress:
        print(file=sys.stderr)

    data: dict[str, Any] = {}
    for name in names:
        data[name] = np.concatenate([p[0][name] for p in parts]) if parts else np.zeros(0)
    frame = pd.DataFrame(data, columns=names, index=index)
    if norms is True:
        frame = reference_norms().with_percentiles(frame)
    elif isinstance(norms, Norms):
        frame = norms.with_percentiles(frame)
    frame[ERROR_COLUMN] = pd.Series([e for p in parts for e in p[1]], index=frame.index, dtype=object)
    return frame


def analyze(
    text: str, *, signals: Iterable[str] | str | None = None, compat: str | None = None, lexicons: Any = None
) -> Report:
    """Score one document and locate the evidence behind its scores.

    Parameters
    ----------
    text : str
        The document.
    signals, compat, lexicons
        As in :func:`score`.

    Returns
    -------
    Report
        ``.scores`` (the columns of :func:`score`), ``.evidence`` (spans into ``text``).

    Examples
    --------
    >>> report = analyze("Officials announced a comprehensive investigation. Nobody knew why.")
    >>> [e.text for e in report.evidence_for("text.polysyllables")]
    ['Officials', 'comprehensive', 'investigation', 'Nobody']
    >>> report.scores["text.sentences"]
    2.0
    """
    families = _check_signals(signals)
    compat = _check_compat(compat)
    if lexicons is not None:
        lexicons = frames.lexicons(lexicons)
    corpus = segment([text])
    values = _score_corpus(corpus, families, compat, lexicons)
    scores: dict[str, Any] = {name: float(v[0]) for name, v in values.items()}
    scores[ERROR_COLUMN] = corpus.errors[0]
    evidence = []
    if corpus.errors[0] is None:
        for name in families:
            evidence.extend(FAMILIES[name].evidence(corpus, 0, compat=compat, **_options(name, lexicons)))
    evidence.sort(key=lambda e: (e.start, e.end, e.signal))
    return Report(text=text if isinstance(text, str) else "", scores=scores, evidence=evidence)

