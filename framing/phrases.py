"""Multi-word phrases found over a batch's word arrays, one pass per phrase list.

A phrase matches where its words are consecutive words of one sentence, compared by word type (the
lower-cased, apostrophe-folded form the segmenter gives every word, so ``It’s`` and ``it's`` are one
type), with only white space between them. Punctuation after a phrase's last word does not matter
(``In conclusion,`` matches ``in conclusion``); punctuation between its words does.

The words of every phrase are looked up once per word type through the shared type table
(:class:`~framing.wordtypes.DerivedTypeColumn`); each phrase is then matched for all positions of
the batch at once by comparing the type of word ``i + k`` with its ``k``-th word.

Examples
--------
>>> from framing.segment import segment
>>> matcher = PhraseMatcher({"template": ["it's important to", "in conclusion"]})
>>> corpus = segment(["In conclusion, it’s important to act. It's important. To act."])
>>> [(corpus.joined[s:e], matcher.labels[k]) for s, e, k in zip(*matcher.spans(corpus))]
[('In conclusion', 'template'), ('it’s important to', 'template')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .segment import _WORD_TYPES, Corpus, segment
from .wordtypes import DerivedTypeColumn

__all__ = ["PhraseMatcher", "phrase_words"]


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The word types of a phrase, as the segmenter tokenizes and folds them.

    Examples
    --------
    >>> phrase_words("It’s vital that")
    ("it's", 'vital', 'that')
    """
    corpus = segment([phrase])
    types = corpus.word_types
    return tuple(_WORD_TYPES.strings[t] for t in types)


class PhraseMatcher:
    """Finds labelled phrases in a :class:`~framing.segment.Corpus`.

    Parameters
    ----------
    phrases : mapping of str to sequence of str
        Label → phrases. A phrase is one or more words; case and apostrophe style do not matter. A
        match that overlaps an earlier (or, at the same start, longer) match is dropped.

    Attributes
    ----------
    labels : tuple of str
        The labels, in the order of ``phrases``; :meth:`spans` returns indices into it.
    """

    def __init__(self, phrases: Mapping[str, Sequence[str]]) -> None:
        self.labels = tuple(phrases)
        vocabulary: dict[str, int] = {}
        encoded: list[tuple[tuple[int, ...], int]] = []
        for label_index, label in enumerate(self.labels):
            for phrase in phrases[label]:
                words = phrase_words(phrase)
                if not words:
                    raise ValueError(f"phrase {phrase!r} of {label!r} has no words")
                encoded.append((tuple(vocabulary.setdefault(w, len(vocabulary)) for w in words), label_index))
        self._phrases = tuple(dict.fromkeys(encoded))  # a phrase listed twice counts once
        self._vocabulary_index = DerivedTypeColumn(_WORD_TYPES, lambda word: vocabulary.get(word, -1), np.int64)

    def spans(self, corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every match of the batch, sorted by start.

        Returns
        -------
        starts, ends : ndarray of int64
            Character spans into ``corpus.joined`` (subtract ``corpus.offsets[doc]`` for document
            offsets).
        labels : ndarray of int64
            Index into :attr:`labels` of each match.
        """
        types = corpus.word_types  # first: new types get their strings
        word_start, word_end = corpus._word_bounds
        n = len(types)
        if n == 0 or not self._phrases:
            empty = np.zeros(0, np.int64)
            return empty, empty.copy(), empty.copy()
        vocab = self._vocabulary_index()[types]
        sentence = corpus.word_sentence
        space = corpus.space

        def adjacent(i: np.ndarray) -> np.ndarray:
            """Word ``i`` and word ``i + 1`` are in one sentence with only white space between them."""
            gap_start, gap_end = word_end[i], word_start[i + 1]
            ok = (sentence[i + 1] == sentence[i]) & space[gap_start]
            for j in np.flatnonzero(ok & (gap_end - gap_start > 1)):  # rare: more than one space
                ok[j] = bool(space[gap_start[j] : gap_end[j]].all())
            return ok

        starts, ends, labels = [], [], []
        candidates: dict[int, np.ndarray] = {}
        for phrase, label in self._phrases:
            if phrase[0] not in candidates:
                candidates[phrase[0]] = np.flatnonzero(vocab == phrase[0])
            at = candidates[phrase[0]]
            at = at[at + len(phrase) - 1 < n]
            for k, word in enumerate(phrase[1:], start=1):
                at = at[vocab[at + k] == word]
                at = at[adjacent(at + k - 1)]
            starts.append(word_start[at])
            ends.append(word_end[at + len(phrase) - 1])
            labels.append(np.full(len(at), label, np.int64))
        start = np.concatenate(starts).astype(np.int64)
        end = np.concatenate(ends).astype(np.int64)
        label_index = np.concatenate(labels)
        order = np.lexsort((-end, start))
        start, end, label_index = start[order], end[order], label_index[order]
        # a match that overlaps an earlier one ("it's important to" in "it's important to note",
        # "others don't agree" after "while others") is one expression, counted once; matches are
        # few beside words, so the greedy pass runs only when some match overlaps another
        keep = np.ones(len(start), dtype=bool)
        if len(start) > 1 and bool((start[1:] < np.maximum.accumulate(end)[:-1]).any()):
            reach = -1
            for i, (s, e) in enumerate(zip(start.tolist(), end.tolist())):
                keep[i] = s >= reach
                if keep[i]:
                    reach = e
        return start[keep], end[keep], label_index[keep]
