"""Attribution cues: which sentences and lines say who said, wrote or found something.

A shared building block, not a signal family: the boilerplate family uses it to exempt attribution
sentences ("declined to comment", "told reporters", "according to a statement", "CNN reported")
from its furniture patterns, and the sourcing family counts the same cues. Both read one lexicon,
``framing/data/reporting_cues.json`` (written by the project; see ``framing/data/PROVENANCE.md``).

A sentence carries an attribution cue when it holds

* an inflected reporting-verb form of the lexicon (``said``, ``told``, ``reported``, ``wrote``,
  ``according`` …) that does not open its sentence (``Reports`` or ``Updated`` as the first word of
  a line is a menu item or a stamp, not an attribution), and is not followed by ``by`` (``Reported
  by Jane Doe`` and ``Written by`` are credit lines); base forms are not in the lexicon because
  ``Share``, ``Comment`` or ``Tell us`` are calls to action; or
* one of the lexicon's phrases (``according to``, ``in a statement``, ``declined to comment``,
  ``on condition of anonymity`` …): consecutive words of one sentence, in any case, with only white
  space between them.

Everything is computed once per batch on the word arrays of the :class:`~framing.segment.Corpus`:
verb forms and phrase words through the shared word-type table (one lookup per type, not per token),
phrases by comparing the type of word ``i + k`` with the phrase's ``k``-th word for all candidate
positions at once, and cues are mapped to sentences with ``searchsorted``.

Examples
--------
>>> from framing.segment import segment
>>> corpus = segment(["The agency declined to comment.\\nRead more\\nCNN reported the fire late."])
>>> line_cues(corpus).tolist()
[True, False, True]
"""

from __future__ import annotations

import json
import weakref
from functools import lru_cache
from typing import Any

import numpy as np

from ._resources import data_text
from .segment import _WORD_TYPES, Corpus
from .wordtypes import DerivedTypeColumn

LEXICON_FILE = "reporting_cues.json"

__all__ = ["LEXICON_FILE", "cue_lexicon", "sentence_cues", "line_cues", "cue_matches"]


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Any]:
    """The reporting-cue lexicon: ``verbs`` (lemma → inflected forms), ``phrases``, ``passive_credit_words``.

    Returns
    -------
    dict
        The parsed ``framing/data/reporting_cues.json``, plus ``forms``: the frozen set of all
        verb forms, lower case.

    Examples
    --------
    >>> "said" in cue_lexicon()["forms"], "say" in cue_lexicon()["forms"]
    (True, False)
    """
    lexicon = json.loads(data_text(LEXICON_FILE))
    lexicon["forms"] = frozenset(form.lower() for forms in lexicon["verbs"].values() for form in forms)
    return lexicon


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """The phrase vocabulary and each phrase as a tuple of indices into it."""
    vocabulary: dict[str, int] = {}
    phrases = []
    for phrase in cue_lexicon()["phrases"]:
        words = phrase.lower().split()
        phrases.append(tuple(vocabulary.setdefault(w, len(vocabulary)) for w in words))
    return tuple(vocabulary), tuple(phrases)


_VERB_FLAGS: DerivedTypeColumn | None = None
_PASSIVE_FLAGS: DerivedTypeColumn | None = None
_PHRASE_INDEX: DerivedTypeColumn | None = None
_CACHE: "weakref.WeakKeyDictionary[Corpus, np.ndarray]" = weakref.WeakKeyDictionary()


def _flags() -> tuple[DerivedTypeColumn, DerivedTypeColumn]:
    global _VERB_FLAGS, _PASSIVE_FLAGS, _PHRASE_INDEX
    if _VERB_FLAGS is None or _PASSIVE_FLAGS is None or _PHRASE_INDEX is None:
        lexicon = cue_lexicon()
        passive_words = frozenset(w.lower() for w in lexicon["passive_credit_words"])
        phrase_index = {word: i for i, word in enumerate(_phrases()[0])}
        _VERB_FLAGS = DerivedTypeColumn(_WORD_TYPES, lexicon["forms"].__contains__, bool)
        _PASSIVE_FLAGS = DerivedTypeColumn(_WORD_TYPES, passive_words.__contains__, bool)
        _PHRASE_INDEX = DerivedTypeColumn(_WORD_TYPES, lambda word: phrase_index.get(word, -1), np.int64)
    return _VERB_FLAGS, _PASSIVE_FLAGS


def _phrase_spans(corpus: Corpus, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (in ``corpus.joined``) of every phrase cue: consecutive words of one sentence."""
    _flags()
    assert _PHRASE_INDEX is not None
    word_start, word_end = corpus._word_bounds
    n = len(types)
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    vocab = _PHRASE_INDEX()[types]
    sentence = corpus.word_sentence
    space = corpus.space

    def adjacent(i: np.ndarray) -> np.ndarray:
        """Word ``i`` and word ``i + 1`` are in one sentence with only white space between them."""
        gap_start, gap_end = word_end[i], word_start[i + 1]
        ok = (sentence[i + 1] == sentence[i]) & space[gap_start]
        for j in np.flatnonzero(ok & (gap_end - gap_start > 1)):  # rare: more than one space
            ok[j] = bool(space[gap_start[j] : gap_end[j]].all())
        return ok
    starts, ends = [], []
    candidates: dict[int, np.ndarray] = {}
    for phrase in _phrases()[1]:
        if phrase[0] not in candidates:
            candidates[phrase[0]] = np.flatnonzero(vocab == phrase[0])
        at = candidates[phrase[0]]
        at = at[at + len(phrase) - 1 < n]
        for k, word in enumerate(phrase[1:], start=1):
            at = at[vocab[at + k] == word]
            at = at[adjacent(at + k - 1)]
        starts.append(word_start[at])
        ends.append(word_end[at + len(phrase) - 1])
    return np.concatenate(starts), np.concatenate(ends)


def cue_matches(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Every cue of the batch as global character spans into ``corpus.joined``.

    Returns
    -------
    starts, ends : ndarray of int64
        Spans of the cue words and phrases, sorted by start (subtract ``corpus.offsets[doc]`` for
        document offsets).

    Examples
    --------
    >>> from framing.segment import segment
    >>> corpus = segment(["Reported by Ann. Officials said so, according to Reuters."])
    >>> starts, ends = cue_matches(corpus)
    >>> [corpus.joined[s:e] for s, e in zip(starts, ends)]
    ['said', 'according to']
    """
    verb_flags, passive_flags = _flags()
    types = corpus.word_types  # first: new types get their strings
    word_start, word_end = corpus._word_bounds
    is_cue = verb_flags()[types] & ~corpus.word_starts_sentence if len(types) else np.zeros(0, bool)
    if len(types) > 1:
        sentence = corpus.word_sentence
        followed_by_by = np.zeros(len(types), dtype=bool)
        followed_by_by[:-1] = passive_flags()[types[1:]] & (sentence[1:] == sentence[:-1])
        is_cue &= ~followed_by_by
    phrase_start, phrase_end = _phrase_spans(corpus, types)
    start = np.concatenate((word_start[is_cue], phrase_start)).astype(np.int64)
    end = np.concatenate((word_end[is_cue], phrase_end)).astype(np.int64)
    order = np.argsort(start, kind="stable")
    return start[order], end[order]


def sentence_cues(corpus: Corpus) -> np.ndarray:
    """Whether each sentence of ``corpus.sentences`` carries an attribution cue.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.segment.segment`).

    Returns
    -------
    ndarray of bool, shape (len(corpus.sentences),)

    Examples
    --------
    >>> from framing.segment import segment
    >>> corpus = segment(["Police said the road reopened. Subscribe now. Reports"])
    >>> sentence_cues(corpus).tolist()
    [True, False, False]
    """
    cached = _CACHE.get(corpus)
    if cached is not None:
        return cached
    sentence_start, sentence_end = corpus._sentence_bounds
    flags = np.zeros(len(sentence_start), dtype=bool)
    starts, _ = cue_matches(corpus)
    if len(starts) and len(sentence_start):
        sentence = np.searchsorted(sentence_start, starts, side="right") - 1
        inside = (sentence >= 0) & (starts < sentence_end[np.maximum(sentence, 0)])
        flags[sentence[inside]] = True
    _CACHE[corpus] = flags
    return flags


def line_cues(corpus: Corpus) -> np.ndarray:
    """Whether each line of ``corpus.lines`` holds a sentence with an attribution cue.

    Returns
    -------
    ndarray of bool, shape (len(corpus.lines),)

    Examples
    --------
    >>> from framing.segment import segment
    >>> line_cues(segment(["Share this story\\nThe mayor told reporters she would run."])).tolist()
    [False, True]
    """
    flags = np.zeros(len(corpus.lines), dtype=bool)
    cues = sentence_cues(corpus)
    flags[corpus.sentence_line[cues]] = True
    return flags
