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

from . import _chars
from ._resources import data_text
from .segment import _WORD_TYPES, Corpus
from .wordtypes import DerivedTypeColumn

LEXICON_FILE = "reporting_cues.json"

__all__ = [
    "LEXICON_FILE", "cue_lexicon", "sentence_cues", "line_cues", "cue_matches", "PhraseList", "Attributions",
    "attributions", "attributed_sentences", "name_runs", "word_in", "SOURCE_KINDS",
]


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


class PhraseList:
    """Multi-word phrases matched on a batch's word arrays, per word type.

    A phrase matches consecutive words of one sentence, in any case, with only white space between
    them. Every word of the phrases gets an index in a small vocabulary; the vocabulary index of a
    word type is derived once per type (:class:`~framing.wordtypes.DerivedTypeColumn`), and a phrase
    is found by comparing the index of word ``i + k`` with its ``k``-th word for all candidate
    positions at once.

    Parameters
    ----------
    phrases : sequence of str
        The phrases, white-space separated words as framing tokenises them (``"i've"``, ``"so-called"``).

    Examples
    --------
    >>> from framing.segment import segment
    >>> corpus = segment(["Officials said so, according to Reuters."])
    >>> first, count = PhraseList(["according to", "officials said"]).match(corpus)
    >>> first.tolist(), count.tolist()
    ([0, 3], [2, 2])
    """

    def __init__(self, phrases: "list[str] | tuple[str, ...]") -> None:
        vocabulary: dict[str, int] = {}
        self.phrases = tuple(tuple(vocabulary.setdefault(w, len(vocabulary)) for w in p.lower().split()) for p in phrases)
        self._column = DerivedTypeColumn(_WORD_TYPES, lambda word: vocabulary.get(word, -1), np.int64)

    def match(self, corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
        """First word index and word count of every match, sorted by first word (then longer first).

        Returns
        -------
        first, count : ndarray of int64
        """
        types = corpus.word_types  # first: new types get their strings
        n = len(types)
        if n == 0 or not self.phrases:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        vocab = self._column()[types]
        word_start, word_end = corpus._word_bounds
        sentence = corpus.word_sentence
        space = corpus.space

        def adjacent(i: np.ndarray) -> np.ndarray:
            """Word ``i`` and word ``i + 1`` are in one sentence with only white space between them."""
            gap_start, gap_end = word_end[i], word_start[i + 1]
            ok = (sentence[i + 1] == sentence[i]) & space[gap_start]
            for j in np.flatnonzero(ok & (gap_end - gap_start > 1)):  # rare: more than one space
                ok[j] = bool(space[gap_start[j] : gap_end[j]].all())
            return ok

        firsts, counts = [], []
        candidates: dict[int, np.ndarray] = {}
        for phrase in self.phrases:
            if phrase[0] not in candidates:
                candidates[phrase[0]] = np.flatnonzero(vocab == phrase[0])
            at = candidates[phrase[0]]
            at = at[at + len(phrase) - 1 < n]
            for k, word in enumerate(phrase[1:], start=1):
                at = at[vocab[at + k] == word]
                at = at[adjacent(at + k - 1)]
            firsts.append(at)
            counts.append(np.full(len(at), len(phrase), np.int64))
        first, count = np.concatenate(firsts), np.concatenate(counts)
        order = np.lexsort((-count, first))
        return first[order], count[order]


@lru_cache(maxsize=1)
def _recall_phrases() -> PhraseList:
    """The lexicon's ``phrases``: the recall-first cues of :func:`cue_matches`."""
    return PhraseList(cue_lexicon()["phrases"])


_VERB_FLAGS: DerivedTypeColumn | None = None
_PASSIVE_FLAGS: DerivedTypeColumn | None = None
_CACHE: "weakref.WeakKeyDictionary[Corpus, np.ndarray]" = weakref.WeakKeyDictionary()


def _flags() -> tuple[DerivedTypeColumn, DerivedTypeColumn]:
    global _VERB_FLAGS, _PASSIVE_FLAGS
    if _VERB_FLAGS is None or _PASSIVE_FLAGS is None:
        lexicon = cue_lexicon()
        passive_words = frozenset(w.lower() for w in lexicon["passive_credit_words"])
        _VERB_FLAGS = DerivedTypeColumn(_WORD_TYPES, lexicon["forms"].__contains__, bool)
        _PASSIVE_FLAGS = DerivedTypeColumn(_WORD_TYPES, passive_words.__contains__, bool)
    return _VERB_FLAGS, _PASSIVE_FLAGS


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
    first, count = _recall_phrases().match(corpus)
    phrase_start, phrase_end = word_start[first], word_end[first + count - 1]
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


# -- precise attribution: what the sourcing family counts ----------------------------------------
# Word classes of the lexicon's "attribution" section, one bit each, derived once per word type.
_CLASSES = (
    "always", "with_source", "with_context", "research", "research_base", "research_nouns", "source_nouns",
    "titles", "anonymous_nouns", "pronouns", "skip", "dates", "name_connectors", "determiners", "participles",
    "with_subject", "weak_subjects", "first_person",
)  # fmt: skip
_BIT = {name: np.int64(1) << np.int64(k) for k, name in enumerate(_CLASSES)}
_BIT["stop"] = np.int64(1) << np.int64(len(_CLASSES))
_BIT["that"] = _BIT["stop"] << np.int64(1)
_BIT["by"] = _BIT["that"] << np.int64(1)
_CUE_CLASSES = _BIT["always"] | _BIT["with_source"] | _BIT["with_context"] | _BIT["research"] | _BIT["research_base"] | _BIT["participles"] | _BIT["with_subject"]
_SOURCE_WORDS = _BIT["pronouns"] | _BIT["source_nouns"] | _BIT["research_nouns"] | _BIT["anonymous_nouns"] | _BIT["titles"]
#: Words a finding verb may look back over for its research noun ("a 2018 analysis of the data found").
RESEARCH_WINDOW = 8
#: Cues of one sentence at most this many words apart are one attribution ("said in a statement").
MERGE_WORDS = 3
#: Source kinds of :class:`Attributions` (``source_kind``).
SOURCE_KINDS = ("unknown", "named", "pronoun", "anonymous", "document", "group")
_OPEN_QUOTES = "\u201c\u201e\u00ab\""
_CLOSE_QUOTES = "\u201d\u00bb\""

_WORD_CLASS: DerivedTypeColumn | None = None


def _word_class() -> DerivedTypeColumn:
    """Bit flags of every word type: which lists of the lexicon's ``attribution`` section hold it."""
    global _WORD_CLASS
    if _WORD_CLASS is None:
        from ._resources import stop_words

        section = cue_lexicon()["attribution"]
        members = {name: frozenset(w.lower() for w in section[name]) for name in _CLASSES}
        members["stop"] = stop_words()
        members["that"] = frozenset({"that"})
        members["by"] = frozenset(w.lower() for w in cue_lexicon()["passive_credit_words"])

        def derive(word: str) -> int:
            return int(sum(int(bit) for name, bit in _BIT.items() if word in members[name]))

        _WORD_CLASS = DerivedTypeColumn(_WORD_TYPES, derive, np.int64)
    return _WORD_CLASS


@lru_cache(maxsize=1)
def _precise_phrases() -> tuple[PhraseList, PhraseList, PhraseList]:
    """Cue phrases, exclusion phrases and anonymity phrases of the ``attribution`` section."""
    section = cue_lexicon()["attribution"]
    cues = [p for p in cue_lexicon()["phrases"] if p not in section["not_cues"]] + section["extra_phrases"]
    return PhraseList(list(dict.fromkeys(cues))), PhraseList(section["exclusions"]), PhraseList(section["anonymous_phrases"])


class Attributions:
    """The attributions of a batch: one per cue, or per group of cues a few words apart.

    Build it with :func:`attributions`. All arrays have one entry per attribution, in text order;
    character positions are offsets into ``corpus.joined``.

    Attributes
    ----------
    start, end : ndarray of int64
        The cue (``said``, ``according to``, ``said in a statement``).
    first_word : ndarray of int64
        Index of the cue's first word in the corpus's word arrays.
    sentence : ndarray of int64
        Index of the cue's sentence.
    doc : ndarray of int64
        Document index.
    source_kind : ndarray of int8
        Index into :data:`SOURCE_KINDS`.
    source_start, source_end : ndarray of int64
        The source's span (a name, a pronoun, a noun), or -1 when none was found.
    source_key : ndarray of int64
        For named sources, the type id of the name's last word (``Mayorkas`` for "Homeland Security
        Secretary Alejandro Mayorkas" and for "Mayorkas"): distinct keys count distinct sources.
        Else -1.
    """

    def __init__(self, **arrays: np.ndarray) -> None:
        for name, values in arrays.items():
            setattr(self, name, values)

    def __len__(self) -> int:
        return len(self.start)


_ATTRIBUTIONS: "weakref.WeakKeyDictionary[Corpus, Attributions]" = weakref.WeakKeyDictionary()


def _char_counts(corpus: Corpus, chars: str) -> np.ndarray:
    """Prefix counts over ``corpus.joined`` of the characters in ``chars`` (length ``len + 1``)."""
    hit = np.isin(corpus.codepoints, np.array([ord(c) for c in chars], dtype=corpus.codepoints.dtype))
    counts = np.zeros(len(hit) + 1, dtype=np.int32)
    np.cumsum(hit, out=counts[1:])
    return counts


def _name_like(corpus: Corpus, flags: np.ndarray) -> np.ndarray:
    """Capitalised words that can be part of a name: not function words, cue verbs, pronouns or dates."""
    blocked = _BIT["pronouns"] | _BIT["dates"] | _CUE_CLASSES
    word_start, word_end = corpus._word_bounds
    second = np.minimum(word_start + 1, len(corpus.joined) - 1)
    initialism = (word_end - word_start >= 2) & ((corpus.char_classes[second] & _chars.UPPER) != 0)
    function_word = ((flags & _BIT["stop"]) != 0) & ~initialism  # "US" is a name, "us" and "The" are not
    return corpus.word_is_capitalized & ((flags & blocked) == 0) & ~function_word


def name_runs(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Maximal runs of consecutive capitalised name words within one sentence, one lower-case
    connector ("of", "for", "the" ...) allowed between two of them.

    Returns
    -------
    first, last : ndarray of int64
        Word indices of the first and last word of every run.

    Examples
    --------
    >>> from framing.segment import segment
    >>> corpus = segment(["Yesterday Secretary Alejandro Mayorkas met the Department of Homeland Security chief."])
    >>> first, last = name_runs(corpus)
    >>> [corpus.joined[corpus._word_bounds[0][f]:corpus._word_bounds[1][l]] for f, l in zip(first, last)]
    ['Yesterday Secretary Alejandro Mayorkas', 'Department of Homeland Security']
    """
    types = corpus.word_types
    if len(types) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    flags = _word_class()()[types]
    name = _name_like(corpus, flags)
    joined = _joined_to_next(corpus)
    # one connector between two name words belongs to the run ("Department of Homeland Security")
    connector = (flags & _BIT["name_connectors"]) != 0
    bridge = np.zeros(len(types), bool)
    if len(types) > 2:
        bridge[1:-1] = connector[1:-1] & name[:-2] & name[2:] & joined[:-2] & joined[1:-1] & ~corpus.word_is_capitalized[1:-1]
    member = name | bridge
    linked = member[:-1] & member[1:] & joined[:-1]
    starts = member & ~np.r_[False, linked]
    ends = member & ~np.r_[linked, False]
    return np.flatnonzero(starts), np.flatnonzero(ends)


_BREAKS = ",;:()[]{}<>|/\u201c\u201d\u00ab\u00bb\"\u2014\u2013\n\r"


def _joined_to_next(corpus: Corpus) -> np.ndarray:
    """Whether each word and the next are in one sentence with no punctuation but a period between."""
    word_start, word_end = corpus._word_bounds
    sentence = corpus.word_sentence
    breaks = _char_counts(corpus, _BREAKS)
    next_start = np.r_[word_start[1:], len(corpus.joined)]
    return np.r_[sentence[1:] == sentence[:-1], False] & (breaks[next_start] == breaks[word_end])


def attributions(corpus: Corpus) -> Attributions:
    """The precise attributions of a batch (the sourcing family's cues), with their sources.

    Rules (the lexicon's ``attribution`` section, ``framing/data/reporting_cues.json``): a form of
    ``always`` is a cue wherever it stands; a form of ``with_source`` needs a source right before it
    (a pronoun, a capitalised name, a source or research noun; ``skip`` words such as "also" or
    "has" may come between), an inverted clause (", said Smith"), or "that", a colon or an opening
    quote after it; a form of ``with_context`` needs the inversion, "that", colon or quote, or a
    source before it and the end of the clause after it ("he added."); a finding verb
    (``research``) needs a research noun among the 8 words before it ("a report from the Center
    ... found"); a base form of ``research_base`` one among the 2 words before it ("data show").
    No verb cue opens its sentence or is followed by "by" (credit lines), and none counts inside
    an ``exclusions`` phrase ("that said", "as I said", "all told", "found dead"). Cue phrases
    ("according to", "in a statement", "reportedly"), and a colon before an opening quote right
    after a name or source noun, are cues too. Cues of one sentence at most :data:`MERGE_WORDS`
    words apart are one attribution.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.segment.segment`).

    Returns
    -------
    Attributions

    Examples
    --------
    >>> from framing.segment import segment
    >>> corpus = segment(["Spot gold added 0.1%. \\u201cWe will win,\\u201d added Claure. Data show a rise."])
    >>> found = attributions(corpus)
    >>> [corpus.joined[s:e] for s, e in zip(found.start, found.end)]
    ['added', 'show']
    >>> [SOURCE_KINDS[k] for k in found.source_kind]
    ['named', 'document']
    """
    cached = _ATTRIBUTIONS.get(corpus)
    if cached is not None:
        return cached
    types = corpus.word_types
    n = len(types)
    word_start, word_end = corpus._word_bounds
    if n == 0:
        found = _no_attributions()
        _ATTRIBUTIONS[corpus] = found
        return found
    flags = _word_class()()[types]
    sentence = corpus.word_sentence
    index = np.arange(n)
    name = _name_like(corpus, flags)

    def has(bits: np.int64, at: np.ndarray | None = None) -> np.ndarray:
        values = flags if at is None else flags[at]
        return (values & bits) != 0

    # the characters between a word and the next one (to the end of the text for the last word)
    next_start = np.r_[word_start[1:], len(corpus.joined)]
    prev_end = np.r_[0, word_end[:-1]]
    commas = _char_counts(corpus, ",")
    openers, closers = _char_counts(corpus, _OPEN_QUOTES), _char_counts(corpus, _CLOSE_QUOTES)
    clause_marks = _char_counts(corpus, ",.;:!?" + _CLOSE_QUOTES + "\u2014\u2013)")

    def gap_has(counts: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return counts[end] > counts[start]

    same_next = np.r_[sentence[1:] == sentence[:-1], False]
    same_prev = np.r_[False, sentence[1:] == sentence[:-1]]
    after_next = np.minimum(index + 1, n - 1)
    before = np.maximum(index - 1, 0)

    # a source right before the cue, over at most three "skip" words, without a comma between
    subject = before.copy()
    for _ in range(3):
        step = same_prev[subject] & (subject > 0) & has(_BIT["skip"], subject) & ~gap_has(commas, word_end[subject], word_start[np.minimum(subject + 1, n - 1)])
        subject = np.where(step & (sentence[np.maximum(subject - 1, 0)] == sentence), subject - 1, subject)
    subject_ok = (index > 0) & (sentence[subject] == sentence) & (subject < index)
    subject_ok &= ~gap_has(commas, word_end[subject], word_start[index])
    subject_is_source = subject_ok & (name[subject] | has(_SOURCE_WORDS, subject)) & ~has(_BIT["first_person"], subject)
    weak_subject = subject_ok & has(_BIT["weak_subjects"], subject)

    inverted = same_prev & gap_has(commas, prev_end, word_start) | gap_has(closers, prev_end, word_start)
    inverted &= same_next & (name[after_next] | has(_BIT["determiners"] | _BIT["pronouns"] | _BIT["titles"], after_next))
    after_comma = same_prev & gap_has(commas, prev_end, word_start)
    then_that = same_next & has(_BIT["that"], after_next)
    colon_after = corpus.codepoints[np.minimum(word_end, len(corpus.joined) - 1)] == ord(":")
    quote_after = gap_has(openers, word_end, next_start)
    then_quote = colon_after | quote_after
    clause_ends = ~same_next | gap_has(clause_marks, word_end, next_start)
    followed_by_by = same_next & has(_BIT["by"], after_next)

    # a research noun among the words before, in the same sentence (prefix counts over words)
    research_noun = np.zeros(n + 1, np.int32)
    np.cumsum(has(_BIT["research_nouns"]), out=research_noun[1:])
    sentence_first = np.searchsorted(sentence, sentence)  # first word of each word's sentence

    def research_before(window: int) -> np.ndarray:
        lo = np.maximum(index - window, sentence_first)
        return research_noun[index] > research_noun[lo]

    shouted = (word_end - word_start >= 2) & ((corpus.char_classes[np.minimum(word_start + 1, len(corpus.joined) - 1)] & _chars.UPPER) != 0)
    base = ~corpus.word_starts_sentence & ~followed_by_by & ~shouted  # not "TO BE ANNOUNCED"
    strong_context = inverted | then_that | then_quote
    cue = has(_BIT["always"]).copy()
    cue |= has(_BIT["with_source"]) & (subject_is_source | strong_context) & ~weak_subject
    # "he added." but not "the United States.": the clause-end rule wants a pronoun or source noun;
    # a colon alone is not enough ("Important Note:")
    context = inverted | then_that | quote_after | subject_is_source & has(_SOURCE_WORDS, subject) & clause_ends
    cue |= has(_BIT["with_context"]) & context & ~weak_subject
    # base forms: a name that opens the sentence may be a heading word ("Important Note:")
    opener_name = corpus.word_starts_sentence[subject] & ~has(_SOURCE_WORDS, subject)
    cue |= has(_BIT["with_subject"]) & subject_is_source & ~opener_name
    cue |= has(_BIT["participles"]) & (strong_context | after_comma) & ~weak_subject
    cue |= has(_BIT["research"]) & research_before(RESEARCH_WINDOW) & ~weak_subject
    cue |= has(_BIT["research_base"]) & research_before(2)
    cue &= base

    cue_phrases, exclusions, anonymous = _precise_phrases()
    excluded = np.zeros(n + 1, np.int32)  # +1 at a match's first word, -1 after its last
    first, count = exclusions.match(corpus)
    np.add.at(excluded, first, 1)
    np.add.at(excluded, first + count, -1)
    cue &= np.cumsum(excluded[:-1]) == 0

    # a colon and an opening quote right after a name or a source noun: "The message: “…"
    # the quotation mark must open right after the colon (one space at most): not code ("Longest: {}")
    last_char = len(corpus.joined) - 1
    open_codes = np.array([ord(c) for c in _OPEN_QUOTES], dtype=corpus.codepoints.dtype)
    one = corpus.codepoints[np.minimum(word_end + 1, last_char)]
    two = corpus.codepoints[np.minimum(word_end + 2, last_char)]
    opens_next = np.isin(one, open_codes) | (one == ord(" ")) & np.isin(two, open_codes)
    colon_cue = (name | has(_BIT["source_nouns"] | _BIT["research_nouns"] | _BIT["titles"])) & colon_after & opens_next & ~cue

    first, count = cue_phrases.match(corpus)
    keep = np.r_[True, first[1:] >= np.maximum.accumulate(first + count)[:-1]] if len(first) else np.zeros(0, bool)
    first, count = first[keep], count[keep]  # overlapping matches: the first (longest) wins
    verb_words = np.flatnonzero(cue | colon_cue)
    cue_first = np.concatenate((verb_words, first))
    cue_last = np.concatenate((verb_words, first + count - 1))
    is_phrase = np.r_[np.zeros(len(verb_words), bool), np.ones(len(first), bool)]
    if len(cue_first) == 0:
        found = _no_attributions()
        _ATTRIBUTIONS[corpus] = found
        return found
    order = np.lexsort((cue_last, cue_first))
    cue_first, cue_last, is_phrase = cue_first[order], cue_last[order], is_phrase[order]
    # drop a verb inside a phrase ("quoted as saying"), then merge neighbours into one attribution
    inside = np.r_[False, cue_first[1:] <= np.maximum.accumulate(cue_last)[:-1]]
    cue_first, cue_last, is_phrase = cue_first[~inside], cue_last[~inside], is_phrase[~inside]
    new = np.r_[True, (sentence[cue_first[1:]] != sentence[cue_first[:-1]]) | (cue_first[1:] - cue_last[:-1] > MERGE_WORDS)]
    group = np.cumsum(new) - 1
    lead = np.flatnonzero(new)
    last = np.zeros(len(lead), np.int64)
    np.maximum.at(last, group, cue_last)
    lead_word = cue_first[lead]

    kind, src_first, src_last, needs_source = _sources(corpus, flags, name, lead_word, last, is_phrase[lead], inverted, subject, subject_ok, research_before(RESEARCH_WINDOW))
    keep = ~(needs_source & (kind == 0))
    lead_word, last, kind, src_first, src_last = lead_word[keep], last[keep], kind[keep], src_first[keep], src_last[keep]
    # an anonymity phrase anywhere in the sentence makes the source anonymous, unless it is named
    a_first, _ = anonymous.match(corpus)
    anonymous_sentence = np.zeros(len(corpus._sentence_bounds[0]), bool)
    anonymous_sentence[sentence[a_first]] = True
    kind = np.where(anonymous_sentence[sentence[lead_word]] & (kind != 1), np.int8(3), kind).astype(np.int8)

    has_source = src_first >= 0
    key = np.where(kind == 1, types[np.maximum(src_last, 0)], -1)
    found = Attributions(
        start=word_start[lead_word].astype(np.int64),
        end=word_end[last].astype(np.int64),
        first_word=lead_word.astype(np.int64),
        sentence=sentence[lead_word].astype(np.int64),
        doc=corpus.doc_of(word_start[lead_word]).astype(np.int64),
        source_kind=kind,
        source_start=np.where(has_source, word_start[np.maximum(src_first, 0)], -1).astype(np.int64),
        source_end=np.where(has_source, word_end[np.maximum(src_last, 0)], -1).astype(np.int64),
        source_key=key.astype(np.int64),
    )
    _ATTRIBUTIONS[corpus] = found
    return found


def _no_attributions() -> Attributions:
    empty = np.zeros(0, np.int64)
    return Attributions(start=empty, end=empty, first_word=empty, sentence=empty, doc=empty,
                        source_kind=np.zeros(0, np.int8), source_start=empty, source_end=empty, source_key=empty)


def _sources(corpus: Corpus, flags: np.ndarray, name: np.ndarray, lead: np.ndarray, last: np.ndarray,
             is_phrase: np.ndarray, inverted: np.ndarray, subject: np.ndarray, subject_ok: np.ndarray,
             research_near: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Kind and word span of each attribution's source (see :data:`SOURCE_KINDS`).

    The source is looked for after the cue when the clause is inverted or the cue is a phrase
    ending in "according to"/"by", else right before the cue (over ``skip`` words).
    """
    n = len(flags)
    sentence = corpus.word_sentence
    types = corpus.word_types
    strings = _WORD_TYPES.strings
    m = len(lead)
    if m == 0:
        return np.zeros(0, np.int8), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool)
    connector = (flags & _BIT["name_connectors"]) != 0
    joined = _joined_to_next(corpus)
    determiner = (flags & _BIT["determiners"]) != 0
    looks_after = inverted[lead] & ~is_phrase
    phrase_last_word = np.array([strings[t] for t in types[last]], dtype=object) if is_phrase.any() else np.zeros(m, object)
    looks_after |= is_phrase & np.isin(phrase_last_word, ["to", "by"])
    # the word that heads the source: after the cue (past a determiner) or before it
    after = np.minimum(last + 1, n - 1)
    after = np.where(determiner[after] & (after + 1 < n), np.minimum(after + 1, n - 1), after)
    in_sentence_after = (last + 1 < n) & (sentence[after] == sentence[lead])
    # "according to our latest survey": up to two more words ahead for the source word or name
    source_word = name | ((flags & (_SOURCE_WORDS | _BIT["research_nouns"])) != 0)
    for _ in range(2):
        ahead = np.minimum(after + 1, n - 1)
        step = looks_after & ~source_word[after] & (after + 1 < n) & (sentence[ahead] == sentence[lead])
        after = np.where(step, ahead, after)
    head = np.where(looks_after, after, subject[lead])
    valid = np.where(looks_after, in_sentence_after, subject_ok[lead])
    kind = np.zeros(m, np.int8)
    first = head.copy()
    final = head.copy()
    # a capitalised noun that opens the sentence is that noun, not a name ("Data show", "Police said")
    nouns = _BIT["source_nouns"] | _BIT["research_nouns"] | _BIT["anonymous_nouns"]
    is_name = valid & name[head] & ~(corpus.word_starts_sentence[head] & ((flags[head] & nouns) != 0))
    # a name run: extend it forwards after the cue, backwards before it (names joined by "of", "for" ...)
    for _ in range(6):
        nxt = np.minimum(final + 1, n - 1)
        nxt2 = np.minimum(final + 2, n - 1)
        grow = is_name & looks_after & (final + 1 < n) & joined[final]
        grow_direct = grow & name[nxt]
        grow_joined = grow & connector[nxt] & name[nxt2] & joined[nxt] & ~grow_direct
        final = np.where(grow_direct, nxt, np.where(grow_joined, nxt2, final))
        prv = np.maximum(first - 1, 0)
        prv2 = np.maximum(first - 2, 0)
        back = is_name & ~looks_after & (first > 0) & joined[prv]
        back_direct = back & name[prv]
        back_joined = back & connector[prv] & name[prv2] & joined[prv2] & ~back_direct
        first = np.where(back_direct, prv, np.where(back_joined, prv2, first))
    kind[is_name] = 1
    head_flags = flags[head]
    noun = valid & ~is_name
    # later assignments win: a person noun ("researchers") is a group before it is a study
    kind[noun & ((head_flags & _BIT["pronouns"]) != 0)] = 2
    kind[noun & ((head_flags & _BIT["research_nouns"]) != 0)] = 4
    kind[noun & ((head_flags & _BIT["source_nouns"]) != 0)] = 5
    kind[noun & ((head_flags & _BIT["anonymous_nouns"]) != 0)] = 3
    # a title or source noun right after a name is that name's ("a Chinese Embassy spokesperson")
    prv = np.maximum(head - 1, 0)
    owned = noun & (kind == 5) & (head > 0) & name[prv] & joined[prv]
    kind[owned] = 1
    first = np.where(owned, prv, first)
    for _ in range(4):
        prv = np.maximum(first - 1, 0)
        back = owned & (first > 0) & name[prv] & joined[prv]
        first = np.where(back, prv, first)
    # a finding verb whose subject is not a source word: its source is the research noun before it
    fallback = (kind == 0) & research_near[lead]
    kind[fallback] = 4
    none = (kind == 0) | fallback  # the fallback's research noun is somewhere before: no span
    needs_source = is_phrase & looks_after  # "according to needs" is not an attribution
    return kind, np.where(none, -1, first), np.where(none, -1, final), needs_source


def attributed_sentences(corpus: Corpus) -> np.ndarray:
    """Whether each sentence holds a precise attribution cue (:func:`attributions`).

    Returns
    -------
    ndarray of bool, shape (len(corpus.sentences),)

    Examples
    --------
    >>> from framing.segment import segment
    >>> attributed_sentences(segment(["That said, we left. The United States agreed. Police said so."])).tolist()
    [False, False, True]
    """
    flags = np.zeros(len(corpus._sentence_bounds[0]), dtype=bool)
    flags[attributions(corpus).sentence] = True
    return flags


def word_in(corpus: Corpus, *lists: str) -> np.ndarray:
    """Whether each word of ``corpus`` is on one of the named lists of the lexicon's ``attribution``
    section (``"dates"``, ``"titles"``, ``"source_nouns"`` …) or is a stop word (``"stop"``).

    Examples
    --------
    >>> from framing.segment import segment
    >>> word_in(segment(["The mayor spoke on Monday"]), "dates", "titles").tolist()
    [False, True, False, False, True]
    """
    types = corpus.word_types
    bits = np.int64(0)
    for name in lists:
        bits |= _BIT[name]
    return (_word_class()()[types] & bits) != 0 if len(types) else np.zeros(0, bool)
