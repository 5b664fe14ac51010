"""Multi-word phrases found over a batch's word arrays, one pass per phrase list.

A phrase matches where its words are consecutive words of one sentence, compared by word type (the
lower-cased, apostrophe-folded form the segmenter gives every word, so ``It’s`` and ``it's`` are one
type), with only white space between them. Punctuation after a phrase's last word does not matter
(``In conclusion,`` matches ``in conclusion``); punctuation between its words does.

The words of every phrase are looked up once per word type through the vocabulary (a
:class:`~framing.core.vocabulary.TypeColumn`). Every position that holds the first word of a
phrase then extends a rolling key over the words that follow it, as long as each is a word some
phrase has at that place, and the keys of each length are looked up among the phrases' keys at once
(then checked word by word): one pass per phrase length, not per phrase.

Examples
--------
>>> from framing.core.segment import segment
>>> matcher = PhraseMatcher({"template": ["it's important to", "in conclusion"]})
>>> corpus = segment(["In conclusion, it’s important to act. It's important. To act."])
>>> [(corpus.joined[s:e], matcher.labels[k]) for s, e, k in zip(*matcher.spans(corpus))]
[('In conclusion', 'template'), ('it’s important to', 'template')]
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence

import numpy as np

from framing.core.segment import Corpus, segment
from framing.core.vocabulary import TypeColumn

__all__ = ["PhraseMatcher", "phrase_words", "phrase_words_many", "space_only_after"]

#: Phrase keys are rolling hashes modulo this prime (small enough that ``key * base`` fits in int64).
_KEY_MODULUS = 2_147_483_647
#: The last bit of :attr:`PhraseMatcher._places`: a word at this place of a phrase or later.
_LAST_PLACE = 62
_SPACE_ONLY: weakref.WeakKeyDictionary[Corpus, np.ndarray] = weakref.WeakKeyDictionary()


def space_only_after(corpus: Corpus) -> np.ndarray:
    """Whether each word and the next are in one sentence with only white space between them.

    Examples
    --------
    >>> space_only_after(segment(["in a  statement, he said"])).tolist()
    [True, True, False, True, False]
    """
    cached = _SPACE_ONLY.get(corpus)
    if cached is None:
        word_start, word_end = corpus._word_bounds
        spaces = corpus.space_counts
        gap_start, gap_end = word_end[:-1], word_start[1:]
        sentence = corpus.word_sentence
        cached = np.zeros(len(word_start), dtype=bool)
        cached[:-1] = (sentence[1:] == sentence[:-1]) & (spaces[gap_end] - spaces[gap_start] == gap_end - gap_start)
        _SPACE_ONLY[corpus] = cached
    return cached


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The word types of a phrase, as the segmenter tokenizes and folds them.

    Examples
    --------
    >>> phrase_words("It’s vital that")
    ("it's", 'vital', 'that')
    """
    return phrase_words_many([phrase])[0]


def phrase_words_many(phrases: Sequence[str]) -> list[tuple[str, ...]]:
    """:func:`phrase_words` of many phrases, segmented as one batch (one pass, not one per phrase:
    building the bundled matchers phrase by phrase was a large part of every start-up).

    Examples
    --------
    >>> phrase_words_many(["Read more", "it’s"])
    [('read', 'more'), ("it's",)]
    """
    phrases = list(phrases)
    if not phrases:
        return []
    corpus = segment(phrases)
    strings = corpus.type_strings
    words = [strings[t] for t in corpus.word_types.tolist()]
    counts = corpus.words.per_doc(len(phrases)).tolist()
    found: list[tuple[str, ...]] = []
    at = 0
    for count in counts:
        found.append(tuple(words[at : at + count]))
        at += count
    return found


class PhraseMatcher:
    """Finds labelled phrases in a :class:`~framing.core.segment.Corpus`.

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
        listed = [(label_index, phrase) for label_index, label in enumerate(self.labels) for phrase in phrases[label]]
        tokenized = phrase_words_many([phrase for _, phrase in listed])
        for (label_index, phrase), words in zip(listed, tokenized):
            if not words:
                raise ValueError(f"phrase {phrase!r} of {self.labels[label_index]!r} has no words")
            encoded.append((tuple(vocabulary.setdefault(w, len(vocabulary)) for w in words), label_index))
        self._phrases = tuple(dict.fromkeys(encoded))  # a phrase listed twice counts once
        get = vocabulary.get
        self._vocabulary_index = TypeColumn("phrase words", lambda words: [get(w, -1) for w in words], np.int64, many=True)
        # Per phrase length: the phrases' rolling keys (sorted), their word ids and labels. A phrase
        # under two labels keeps the first, as the overlap rule of :meth:`spans` would.
        self._base = len(vocabulary) + 1
        self._longest = max((len(p) for p, _ in self._phrases), default=0)
        by_length: dict[int, dict[tuple[int, ...], int]] = {}
        for words, label in self._phrases:
            by_length.setdefault(len(words), {}).setdefault(words, label)
        self._tables: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        # Per word id (0: not a phrase word): bit k when the word is word k of some phrase (the last
        # bit stands for every later place). :meth:`spans` extends a rolling key only over words that
        # can stand where they are, which keeps a frequent word ("the", "in") of a phrase's later
        # places from starting keys of its own; the exact check of the matches is unchanged.
        places = np.zeros(self._base, dtype=np.int64)
        for words, _ in self._phrases:
            for k, word in enumerate(words):
                places[word + 1] |= 1 << min(k, _LAST_PLACE)
        self._places = places
        for length, table in by_length.items():
            ids = np.array(list(table), dtype=np.int64) + 1
            keys = np.zeros(len(ids), dtype=np.int64)
            for k in range(length):
                keys = (keys * self._base + ids[:, k]) % _KEY_MODULUS
            order = np.argsort(keys, kind="stable")
            if len(np.unique(keys)) != len(keys):  # two phrases of one length share a key: vanishingly rare
                raise ValueError("phrase keys collide; rename or split the phrase list")
            self._tables[length] = (keys[order], ids[order], np.array(list(table.values()), dtype=np.int64)[order])

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
        types = corpus.word_types
        word_start, word_end = corpus._word_bounds
        n = len(types)
        if n == 0 or not self._phrases:
            empty = np.zeros(0, np.int64)
            return empty, empty.copy(), empty.copy()
        type_vocab = corpus.type_values(self._vocabulary_index) + 1  # per type; 0: not a phrase word
        # every position holding a phrase's first word extends a rolling key over the words that
        # follow it, as long as they are words that some phrase has at that place, in the same
        # sentence with only white space between; the keys of each length are looked up among the
        # phrases' keys at once, then checked word by word (word ids are read per type, through
        # ``types``, only at the positions still extended: no per-word id array)
        places = self._places
        at = np.flatnonzero(np.take((places[type_vocab] & 1) != 0, types))  # a phrase's first word
        if len(at) == 0:
            empty = np.zeros(0, np.int64)
            return empty, empty.copy(), empty.copy()
        spaced = space_only_after(corpus)
        keys = type_vocab[types[at]]  # word ids are below the modulus
        starts, ends, labels = [], [], []
        for length in range(1, self._longest + 1):
            if length > 1:
                # word at + length - 1 follows in the same sentence after white space only (the last
                # word of every space_only_after row is False) and stands at this place of some phrase
                go_on = spaced[at + (length - 2)]
                at, keys = at[go_on], keys[go_on]
                nxt = type_vocab[types[at + (length - 1)]]
                go_on = (places[nxt] & (1 << min(length - 1, _LAST_PLACE))) != 0
                at = at[go_on]
                keys = (keys[go_on] * self._base + nxt[go_on]) % _KEY_MODULUS
                if len(at) == 0:
                    break
            if length not in self._tables:
                continue
            table_keys, table_ids, table_labels = self._tables[length]
            place = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
            hit = np.flatnonzero(table_keys[place] == keys)
            words = type_vocab[types[at[hit][:, None] + np.arange(length)]]
            hit = hit[(words == table_ids[place[hit]]).all(axis=1)]
            starts.append(word_start[at[hit]])
            ends.append(word_end[at[hit] + length - 1])
            labels.append(table_labels[place[hit]])
        if not starts:
            empty = np.zeros(0, np.int64)
            return empty, empty.copy(), empty.copy()
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
