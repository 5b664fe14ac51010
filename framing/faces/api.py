"""The public face: :func:`score` for batches, :func:`analyze` for one document, :func:`flag` for
quality flags, :func:`columns` for the column names."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from framing.config import Config, make_config
from framing.core.evidence import Report
from framing.core.segment import segment
from framing.core.vocabulary import Vocabulary
from framing.judges.flags import FLAG_COLUMNS, LinearFlagger, QualityFlagger
from framing.judges.norms import DEFAULT_REGISTER, Norms, reference_norms
from framing.pipeline import DEFAULT_BATCH_SIZE, ERROR_COLUMN, FAMILIES, LANGUAGE_COLUMN, score_corpus, score_texts
from framing.pipeline import columns as _config_columns
from framing.pipeline import evidence as _evidence

__all__ = ["DEFAULT_BATCH_SIZE", "ERROR_COLUMN", "FAMILIES", "FLAG_COLUMNS", "analyze", "columns", "flag", "relations", "score"]

#: Columns of :func:`relations`, in order.
RELATION_TABLE_COLUMNS = [
    "id", "sentence", "kind", "source_class", "resolved_class", "cue_start", "cue_end", "cue", "source_start", "source_end",
    "source", "content_start", "content_end",
]


def columns(
    signals: Iterable[str] | str | None = None, *, lexicons: Any = None, config: Config | None = None
) -> list[str]:
    """The score columns :func:`score` returns for ``signals``, in order (without ``error``).

    Examples
    --------
    >>> columns("readability")[:3]
    ['text.characters', 'text.letters', 'text.words']
    >>> columns("framing", lexicons="immigration")[-3:]
    ['framing.immigration.balance', 'framing.immigration.topic', 'framing.immigration.on_topic']
    """
    return _config_columns(make_config(config, signals=signals, lexicons=lexicons))


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
    patterns: Any = None,
    norms: bool | str | Norms = False,
    config: Config | None = None,
    vocabulary: Vocabulary | None = None,
    language: str | Sequence[str | None] | None = None,
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
        :class:`~framing.cues.lexicon.Lexicon` objects (see :func:`framing.load_lexicon`).
    patterns : path, mapping or PatternSet, optional
        Boilerplate patterns added to the shipped ones (see :class:`framing.Config`).
    language : str or sequence of str, optional
        ``"auto"`` (default: each text's language detected), a code declaring every text's
        (``"en"``, ``"de"``), or one code per text; with ``compat="textstat"`` textstat's
        ``set_lang`` value (see :class:`framing.Config` and ``docs/languages.md``).
    norms : bool, str or Norms, default False
        Add, after each column, ``<column>.pct``: its percentile among the reference documents
        (``True`` or ``"news"``: the shipped norms of professional news; ``"web"``: the shipped
        norms of web pages of every kind, :func:`framing.judges.norms.reference_norms`; or any
        :class:`framing.judges.norms.Norms`, e.g. learnt by :class:`framing.Analyzer`).

    config : Config, optional
        ``signals``, ``compat``, ``lexicons``, ``patterns`` and ``max_chars`` in one checked object
        (pass either it or those options).
    vocabulary : framing.core.vocabulary.Vocabulary, optional
        The per-word-type cache used in this process (default: the process's bounded one; worker
        processes use their own). Pass one to bound or release memory yourself; the numbers never
        depend on it.

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
    config = make_config(
        config, signals=signals, compat=compat, lexicons=lexicons, patterns=patterns, max_chars=max_chars, language=language
    )
    if not isinstance(norms, (bool, str, Norms)):
        raise TypeError(f"norms must be True, False, a register name or a framing.judges.norms.Norms, got {type(norms).__name__}")
    if isinstance(norms, str):
        norms = reference_norms(norms)  # a ValueError for an unknown register
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

    started, done = time.perf_counter(), 0

    def report(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"\rframing: {done}/{len(texts)} documents, {rate:,.0f} docs/s", end="", file=sys.stderr)

    data, errors = score_texts(texts, config, n_jobs=n_jobs, batch_size=batch_size, on_chunk=report, vocabulary=vocabulary)
    if progress:
        print(file=sys.stderr)
    frame = pd.DataFrame(data, columns=list(data), index=index)
    if LANGUAGE_COLUMN in frame:  # strings, None for a row with an error (as the error column)
        frame[LANGUAGE_COLUMN] = pd.Series(data[LANGUAGE_COLUMN], index=frame.index, dtype=object)
    if norms is True:
        frame = reference_norms().with_percentiles(frame)
    elif isinstance(norms, Norms):
        frame = norms.with_percentiles(frame)
    frame[ERROR_COLUMN] = pd.Series(errors, index=frame.index, dtype=object)
    return frame


def analyze(
    text: str,
    *,
    signals: Iterable[str] | str | None = None,
    compat: str | None = None,
    lexicons: Any = None,
    patterns: Any = None,
    config: Config | None = None,
    language: str | None = None,
) -> Report:
    """Score one document and locate the evidence behind its scores.

    Parameters
    ----------
    text : str
        The document.
    signals, compat, lexicons, patterns, config
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
    config = make_config(config, signals=signals, compat=compat, lexicons=lexicons, patterns=patterns, language=language)
    corpus = segment([text], max_chars=config.max_chars, blank_ok=config.compat == "textstat")
    values = score_corpus(corpus, config)
    scores: dict[str, Any] = {name: (v[0] if name == LANGUAGE_COLUMN else float(v[0])) for name, v in values.items()}
    scores[ERROR_COLUMN] = corpus.errors[0]
    return Report(text=text if isinstance(text, str) else "", scores=scores, evidence=_evidence(corpus, 0, config))


def flag(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    flagger: QualityFlagger | LinearFlagger | None = None,
    n_jobs: int = 1,
    keep_scores: bool = False,
    config: Config | None = None,
    register: str | None = None,
) -> pd.DataFrame:
    """Score texts with every family and flag them.

    Parameters
    ----------
    texts : iterable
        The documents, as in :func:`framing.score`.
    ids : iterable, optional
        Row labels.
    flagger : QualityFlagger or LinearFlagger, optional
        Rules and thresholds (default: ``QualityFlagger()``, against the shipped norms), or a
        trained :class:`LinearFlagger`.
    n_jobs : int, default 1
        Worker processes for scoring.
    keep_scores : bool, default False
        Return the scores too, before the flag columns.
    config : Config, optional
        What to score (default: every family, the bundled lexicons and patterns).
    register : {"news", "web"}, optional
        The shipped norms the default flagger compares with: ``"news"`` (professional news, the
        default) or ``"web"`` (web pages of every kind: guides, blogs, services, forums ...). Not
        with ``flagger`` (give the flagger its own ``register``).

    Returns
    -------
    pandas.DataFrame
        :data:`FLAG_COLUMNS` and ``error``, one row per text in input order.
    """
    if flagger is not None and register is not None:
        raise ValueError("pass either flagger= or register=, not both (QualityFlagger(register=...) takes it)")
    scores = score(texts, ids=ids, n_jobs=n_jobs, config=config)
    flags = (flagger or QualityFlagger(register=register or DEFAULT_REGISTER)).flag(scores)
    if keep_scores:
        return pd.concat([scores.drop(columns=[ERROR_COLUMN]), flags, scores[[ERROR_COLUMN]]], axis=1)
    return pd.concat([flags, scores[[ERROR_COLUMN]]], axis=1)


def relations(texts: Iterable[Any], ids: Iterable[Any] | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE) -> pd.DataFrame:
    """Every attribution relation of ``texts``: one row per relation (see :mod:`framing.cues.relations`).

    Parameters
    ----------
    texts : iterable
        The documents (invalid ones have no relations). A ``pandas.Series`` keeps its index as ids.
    ids : iterable, optional
        Document ids for the ``id`` column (default: the position, or the Series index).
    batch_size : int, default 256
        Documents segmented together.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`RELATION_TABLE_COLUMNS`: the document ``id``, the ``sentence`` (its index among
        the document's sentences), ``kind`` (speech, document, belief, intention, nominal),
        ``source_class`` and ``resolved_class`` (named_person, named_org, described, vague; ``source_class``
        may be pronoun), and the cue, source and content spans as character offsets into the text
        (``<NA>`` when the source is implicit or the content not delimited), with the cue's and
        source's text.

    Examples
    --------
    >>> table = relations(["Critics believe the plan will fail, Mayor Ann Lee said."], ids=["a"])
    >>> table[["id", "kind", "source_class", "cue", "source"]]
      id    kind  source_class     cue   source
    0  a  belief         vague  believe  Critics
    1  a  speech  named_person     said  Mayor Ann Lee
    """
    from framing.cues import relations as _relations

    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of documents, not a single string")
    if isinstance(texts, pd.Series):
        ids = texts.index.tolist() if ids is None else ids
        texts = texts.tolist()
    texts = list(texts)
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ValueError(f"ids has {len(ids)} items but texts has {len(texts)}")
    rows: list[tuple] = []
    for lo in range(0, len(texts), batch_size):
        corpus = segment(texts[lo : lo + batch_size])
        found = _relations.relations(corpus)
        sentence_rank = corpus.sentences.rank() if len(corpus.sentences) else []
        for i in range(len(found)):
            d = int(found.doc[i])
            offset = int(corpus.offsets[d])
            text = corpus.texts[d]

            def span(a: int, b: int, offset: int = offset) -> tuple[Any, Any]:
                return (a - offset, b - offset) if a >= 0 else (pd.NA, pd.NA)

            cue = span(int(found.cue_start[i]), int(found.cue_end[i]))
            src = span(int(found.source_start[i]), int(found.source_end[i]))
            content = span(int(found.content_start[i]), int(found.content_end[i]))
            rows.append((
                ids[lo + d], int(sentence_rank[found.sentence[i]]), _relations.KINDS[found.kind[i]],
                _relations.CLASSES[found.source_class[i]], _relations.CLASSES[found.resolved_class[i]],
                cue[0], cue[1], text[cue[0]:cue[1]], src[0], src[1], text[src[0]:src[1]] if src[0] is not pd.NA else "",
                content[0], content[1],
            ))  # fmt: skip
    frame = pd.DataFrame(rows, columns=RELATION_TABLE_COLUMNS)
    for name in ("cue_start", "cue_end", "source_start", "source_end", "content_start", "content_end"):
        frame[name] = frame[name].astype("Int64")
    return frame
