"""Framing: how a text frames its subject, scored with frame lexicons at sentence level.

Each *frame set* is a lexicon (:mod:`framing.cues.lexicon`: format, matching, negation, vetoes). Two
ship with the package (``framing/data/lexicons/``, see ``framing/data/PROVENANCE.md``):

``immigration``
    Security vs humanitarian framing of migration, written by the project (poles: humanitarian,
    security). Topic and legal-status words (migrant, immigration, asylum, refugee, deport,
    illegal) are the *topic condition*, never cues: a cue counts only within one sentence of a
    sentence about migration.
``generic``
    The generic news frames (conflict, economic, human interest, moral, resolution), cue weights
    learned from the Narrative Frames Corpus by ``models/train_generic_frames.py`` (model card
    ``models/generic_frames.md``).

Columns, for a frame set ``<set>`` and each of its frames ``<frame>``:

=====================================  ===========================================================
column                                 definition
=====================================  ===========================================================
``framing.<set>.<frame>``              share of the document's sentences that carry the frame: the
                                       weights of their counted cues sum to at least
                                       ``settings.sentence_threshold``
``framing.<set>.<frame>_per_1k``       counted cues per 1,000 words
``framing.<set>.<frame>_score``        summed weights of counted cues per 1,000 words
``framing.<set>.balance``              two-pole sets: ``(W2 - W1) / (W2 + W1 + k)`` with ``W1``,
                                       ``W2`` the summed weights of the first and second pole and
                                       ``k = settings.balance_smoothing``; in (-1, 1), 0 without
                                       cues. ``immigration``: negative = humanitarian, positive =
                                       security
``framing.<set>.topic``                sets with a topic condition: share of sentences on topic
=====================================  ===========================================================

A text without words gets NaN. Evidence: every counted cue, labelled with its frame, pattern,
weight and the span of its sentence; :func:`cue_table` lists every match, with the ones that did
not count and why.

Examples
--------
>>> import framing
>>> df = framing.score(["Migrants were arrested for smuggling.", "Migrants were rescued from smugglers."],
...                    signals="framing")
>>> df[["framing.immigration.security", "framing.immigration.humanitarian"]].to_numpy().tolist()
[[1.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Union

import numpy as np
import pandas as pd

from framing.core.evidence import Evidence, EvidenceCode
from framing.core.segment import Corpus, segment
from framing.cues.lexicon import BUNDLED, Lexicon, Matches, load_lexicon, match
from framing.families.base import FunctionFamily

NAME = "framing"

LexiconLike = Union[str, Path, Mapping[str, Any], Lexicon]


def lexicons(chosen: Iterable[LexiconLike] | LexiconLike | None = None) -> list[Lexicon]:
    """The frame sets to score: the bundled ones by default, else ``chosen`` loaded and checked.

    Parameters
    ----------
    chosen : lexicon or list of lexicons, optional
        Each a bundled name (``"immigration"``, ``"generic"``), a ``.toml``/``.json`` path, a dict
        in the lexicon format or a :class:`~framing.cues.lexicon.Lexicon`.

    Examples
    --------
    >>> [lex.name for lex in lexicons()]
    ['immigration', 'generic']
    """
    if chosen is None:
        chosen = BUNDLED
    elif isinstance(chosen, (str, Path, Mapping, Lexicon)):
        chosen = [chosen]
    loaded = [load_lexicon(item) for item in chosen]
    names = [lex.name for lex in loaded]
    if not loaded or len(set(names)) != len(names):
        raise ValueError(f"choose at least one frame set, each name once; got {names}")
    return loaded


def columns(chosen: Iterable[LexiconLike] | LexiconLike | None = None) -> list[str]:
    """The score columns of the chosen frame sets (the bundled ones by default)."""
    return [c for lex in lexicons(chosen) for c in lex.columns()]


COLUMNS: tuple[str, ...] = tuple(columns())


def _scores(corpus: Corpus, lexicon: Lexicon, found: Matches) -> dict[str, np.ndarray]:
    n_docs = corpus.n_docs
    n_frames = len(lexicon.frames)
    sentences = corpus.sentences
    n_sentences = sentences.per_doc(n_docs).astype(np.float64)
    n_words = corpus.words.per_doc(n_docs).astype(np.float64)
    has_words = n_words > 0
    counted = found.counted
    frame, weight, sentence = found.frame[counted], found.weight[counted], found.sentence[counted]
    doc = sentences.doc[sentence]
    # summed weight per (sentence, frame) and per (document, frame)
    per_sentence = np.bincount(sentence * n_frames + frame, weights=weight, minlength=len(sentences) * n_frames)
    carries = per_sentence.reshape(len(sentences), n_frames) >= lexicon.setting("sentence_threshold")
    per_doc_weight = np.bincount(doc * n_frames + frame, weights=weight, minlength=n_docs * n_frames).reshape(n_docs, n_frames)
    per_doc_count = np.bincount(doc * n_frames + frame, minlength=n_docs * n_frames).reshape(n_docs, n_frames)

    def ratio(values: np.ndarray, by: np.ndarray, scale: float = 1.0) -> np.ndarray:
        return np.divide(values * scale, by, out=np.full(n_docs, np.nan), where=has_words & (by > 0))

    base = f"framing.{lexicon.name}"
    out: dict[str, np.ndarray] = {}
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}"] = ratio(corpus.per_doc_sum(sentences.doc, carries[:, f]), n_sentences)
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}_per_1k"] = ratio(per_doc_count[:, f].astype(np.float64), n_words, 1000.0)
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}_score"] = ratio(per_doc_weight[:, f], n_words, 1000.0)
    if lexicon.poles:
        first, second = (lexicon.frame_names.index(p) for p in lexicon.poles)
        w1, w2 = per_doc_weight[:, first], per_doc_weight[:, second]
        denominator = w1 + w2 + lexicon.setting("balance_smoothing")
        balance = np.divide(w2 - w1, denominator, out=np.zeros(n_docs), where=denominator > 0)
        out[f"{base}.balance"] = np.where(has_words, balance, np.nan)
    if lexicon.topic and found.on_topic_sentences is not None:
        out[f"{base}.topic"] = ratio(corpus.per_doc_sum(sentences.doc, found.on_topic_sentences), n_sentences)
    return out


def _matches(corpus: Corpus, chosen) -> list[tuple[Lexicon, Matches]]:
    return [(lex, match(corpus, lex)) for lex in lexicons(chosen)]


def compute(corpus: Corpus, *, compat: str | None = None, lexicons: Any = None) -> dict[str, np.ndarray]:
    """Frame scores for every document of a segmented batch (``compat`` does not apply).

    Parameters
    ----------
    corpus : Corpus
    compat : ignored
    lexicons : optional
        The frame sets (see :func:`lexicons`); the bundled ones by default.

    Returns
    -------
    dict of column name to ndarray of shape (corpus.n_docs,)
    """
    result: dict[str, np.ndarray] = {}
    for lex, found in _matches(corpus, lexicons):
        result.update(_scores(corpus, lex, found))
    return result


def _label(lex: Lexicon, found: Matches, i: int, sentence_span: tuple[int, int]) -> str:
    frame = lex.frame_names[found.frame[i]]
    hedge = ", hedged" if found.hedged[i] else ""
    return f"{frame} cue '{found.pattern[i]}' (weight {found.weight[i]:g}{hedge}) in sentence {sentence_span[0]}–{sentence_span[1]}"


#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "frame_cue",
        "A cue that counts for a frame: a lexicon match not negated, vetoed, hidden or off topic (cue_table lists all).",
        ("framing.<set>.<frame>",),
        {"frame_set": "the frame set (lexicon) name", "frame": "the frame the cue counts for",
         "pattern": "the lexicon pattern that matched, as written in the lexicon", "weight": "the cue's weight",
         "hedged": "true when a hedge (could, allegedly) is among the negation_window words before it, "
                   "in its clause; the cue still counts",
         "sentence_start": "start of the cue's sentence", "sentence_end": "its end"},
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, lexicons: Any = None) -> list[Evidence]:
    """The counted cues of document ``doc``: one item per cue, for the column of its frame.

    Code ``frame_cue`` (:data:`EVIDENCE_CODES`); details ``frame_set``, ``frame``, ``pattern``,
    ``weight``, ``hedged``, ``sentence_start`` and ``sentence_end``, which the label says in words.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Officials said the migrants pose a threat to national security."])
    >>> [(e.text, e.signal) for e in evidence(corpus, 0, lexicons="immigration")]
    [('threat', 'framing.immigration.security'), ('national security', 'framing.immigration.security')]
    >>> dict(evidence(corpus, 0, lexicons="immigration")[0].details)  # doctest: +NORMALIZE_WHITESPACE
    {'frame_set': 'immigration', 'frame': 'security', 'pattern': 'threat|threats|threaten|threatens|threatened|threatening',
     'weight': 1.5, 'hedged': False, 'sentence_start': 0, 'sentence_end': 63}
    """
    items: list[Evidence] = []
    text = corpus.texts[doc]
    offset = corpus.offsets[doc]
    word_start, word_end = corpus._word_bounds
    sentences = corpus.sentences
    for lex, found in _matches(corpus, lexicons):
        for i in np.flatnonzero(found.counted & (sentences.doc[found.sentence] == doc)):
            start, end = int(word_start[found.first[i]] - offset), int(word_end[found.last[i]] - offset)
            s = found.sentence[i]
            span = (int(sentences.start[s]), int(sentences.end[s]))
            frame = lex.frame_names[found.frame[i]]
            details = {
                "frame_set": lex.name, "frame": frame, "pattern": str(found.pattern[i]), "weight": float(found.weight[i]),
                "hedged": bool(found.hedged[i]), "sentence_start": span[0], "sentence_end": span[1],
            }  # fmt: skip
            label = _label(lex, found, i, span)
            items.append(Evidence(f"framing.{lex.name}.{frame}", label, start, end, text[start:end], "frame_cue", details))
    return items


def cue_table(texts: Sequence[Any], lexicons: Any = None) -> pd.DataFrame:
    """Every pattern match in ``texts``, counted or not, with the reason: for auditing a lexicon.

    Parameters
    ----------
    texts : sequence of str
    lexicons : optional
        The frame sets (see :func:`lexicons`); the bundled ones by default.

    Returns
    -------
    pandas.DataFrame
        One row per match: ``doc``, ``set``, ``frame`` (empty for ignore phrases and veto-only
        rules), ``pattern``, ``kind`` (cue, rule, ignore), ``weight``, ``status`` (counted, negated,
        vetoed, off_topic, hidden, rule, ignored), ``hedged``, ``start``, ``end``, ``text`` and
        ``sentence`` (its text).

    Examples
    --------
    >>> table = cue_table(["Migrants are not a threat, officials said."], lexicons="immigration")
    >>> table[["text", "frame", "status"]].to_dict("records")
    [{'text': 'threat', 'frame': 'security', 'status': 'negated'}]
    """
    corpus = segment(list(texts))
    word_start, word_end = corpus._word_bounds
    sentences = corpus.sentences
    rows = []
    kinds = ("cue", "rule", "ignore")
    for lex, found in _matches(corpus, lexicons):
        for i in range(len(found.first)):
            s = found.sentence[i]
            doc = int(sentences.doc[s])
            offset = corpus.offsets[doc]
            start, end = int(word_start[found.first[i]] - offset), int(word_end[found.last[i]] - offset)
            text = corpus.texts[doc]
            rows.append({
                "doc": doc, "set": lex.name,
                "frame": lex.frame_names[found.frame[i]] if found.frame[i] >= 0 else "",
                "pattern": found.pattern[i], "kind": kinds[found.kind[i]], "weight": float(found.weight[i]),
                "status": Matches.STATUSES[found.status[i]], "hedged": bool(found.hedged[i]),
                "start": start, "end": end, "text": text[start:end],
                "sentence": text[sentences.start[s]:sentences.end[s]],
            })  # fmt: skip
    columns = ["doc", "set", "frame", "pattern", "kind", "weight", "status", "hedged", "start", "end", "text", "sentence"]
    return pd.DataFrame(rows, columns=columns).sort_values(["doc", "start", "set"], kind="stable").reset_index(drop=True)


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(
    NAME,
    columns=lambda config: columns(config.lexicons), compute=compute, evidence=evidence,
    options=lambda config: {"lexicons": config.lexicons},
    codes=EVIDENCE_CODES,
)
