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

Everything is computed once per batch on the word arrays of the :class:`~framing.core.segment.Corpus`:
verb forms and phrase words through the shared word-type table (one lookup per type, not per token),
phrases with :class:`framing.cues.phrases.PhraseMatcher` (shared with the style family), and cues are
mapped to sentences with ``searchsorted``. :func:`attributions` adds the precise rules the sourcing
family counts (see its docstring), evaluated only at candidate words.

Examples
--------
>>> from framing.core.segment import segment
>>> corpus = segment(["The agency declined to comment.\\nRead more\\nCNN reported the fire late."])
>>> line_cues(corpus).tolist()
[True, False, True]
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from framing.core import chars as _chars
from framing.core.resources import data_text
from framing.core.segment import DOC_SEPARATOR, Corpus
from framing.core.vocabulary import TypeColumn
from framing.cues.phrases import PhraseMatcher

LEXICON_FILE = "reporting_cues.json"

__all__ = [
    "LEXICON_FILE", "cue_lexicon", "sentence_cues", "line_cues", "cue_matches", "Attributions",
    "attributions", "attributed_sentences", "name_runs", "word_in", "punctuation", "chars_at", "SOURCE_KINDS",
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


@lru_cache(maxsize=1)
def _recall_phrases() -> PhraseMatcher:
    """The lexicon's ``phrases``: the recall-first cues of :func:`cue_matches`."""
    return PhraseMatcher({"cue": cue_lexicon()["phrases"]})


def _word_matches(matcher: PhraseMatcher, corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """First and last word index of every match of ``matcher`` (overlapping matches: the first)."""
    starts, ends, _ = matcher.spans(corpus)
    word_start, word_end = corpus._word_bounds
    return np.searchsorted(word_start, starts), np.searchsorted(word_end, ends)


_CACHE: weakref.WeakKeyDictionary[Corpus, np.ndarray] = weakref.WeakKeyDictionary()


@lru_cache(maxsize=1)
def _passive_words() -> frozenset[str]:
    return frozenset(w.lower() for w in cue_lexicon()["passive_credit_words"])


#: Whether a word type is a reporting-verb form; whether it is a passive credit word ("by").
def _in(members: Callable[[], frozenset[str]]) -> Callable[[list[str]], list[bool]]:
    """Membership of many words in the set ``members()`` (loaded on first use)."""
    return lambda words: (lambda found: [w in found for w in words])(members())


IS_VERB_FORM = TypeColumn("reporting verb form", _in(lambda: cue_lexicon()["forms"]), bool, many=True)
IS_PASSIVE_CREDIT = TypeColumn("passive credit word", _in(_passive_words), bool, many=True)


def cue_matches(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Every cue of the batch as global character spans into ``corpus.joined``.

    Returns
    -------
    starts, ends : ndarray of int64
        Spans of the cue words and phrases, sorted by start (subtract ``corpus.offsets[doc]`` for
        document offsets).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Reported by Ann. Officials said so, according to Reuters."])
    >>> starts, ends = cue_matches(corpus)
    >>> [corpus.joined[s:e] for s, e in zip(starts, ends)]
    ['said', 'according to']
    """
    types = corpus.word_types
    word_start, word_end = corpus._word_bounds
    is_cue = corpus.type_values(IS_VERB_FORM)[types] & ~corpus.word_starts_sentence if len(types) else np.zeros(0, bool)
    if len(types) > 1:
        sentence = corpus.word_sentence
        followed_by_by = np.zeros(len(types), dtype=bool)
        followed_by_by[:-1] = corpus.type_values(IS_PASSIVE_CREDIT)[types[1:]] & (sentence[1:] == sentence[:-1])
        is_cue &= ~followed_by_by
    phrase_start, phrase_end, _ = _recall_phrases().spans(corpus)
    start = np.concatenate((word_start[is_cue], phrase_start)).astype(np.int64)
    end = np.concatenate((word_end[is_cue], phrase_end)).astype(np.int64)
    order = np.argsort(start, kind="stable")
    return start[order], end[order]


def sentence_cues(corpus: Corpus) -> np.ndarray:
    """Whether each sentence of ``corpus.sentences`` carries an attribution cue.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).

    Returns
    -------
    ndarray of bool, shape (len(corpus.sentences),)

    Examples
    --------
    >>> from framing.core.segment import segment
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
    >>> from framing.core.segment import segment
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

@lru_cache(maxsize=1)
def _class_bits() -> dict[str, int]:
    """Bit flags of the words of the lexicon's ``attribution`` lists (see :data:`WORD_CLASS`)."""
    from framing.core.resources import stop_words

    section = cue_lexicon()["attribution"]
    members = {name: [w.lower() for w in section[name]] for name in _CLASSES}
    members["stop"] = list(stop_words())
    members["that"] = ["that"]
    members["by"] = [w.lower() for w in cue_lexicon()["passive_credit_words"]]
    bits: dict[str, int] = {}
    for name, words in members.items():
        for word in words:
            bits[word] = bits.get(word, 0) | int(_BIT[name])
    return bits


#: Bit flags of every word type: which lists of the lexicon's ``attribution`` section hold it.
WORD_CLASS = TypeColumn("attribution word classes", lambda words: [_class_bits().get(w, 0) for w in words], np.int64, many=True)


@lru_cache(maxsize=1)
def _precise_phrases() -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Cue phrases, exclusion phrases and anonymity phrases of the ``attribution`` section."""
    section = cue_lexicon()["attribution"]
    cues = [p for p in cue_lexicon()["phrases"] if p not in section["not_cues"]] + section["extra_phrases"]
    return (
        PhraseMatcher({"cue": list(dict.fromkeys(cues))}),
        PhraseMatcher({"exclusion": section["exclusions"]}),
        PhraseMatcher({"anonymous": section["anonymous_phrases"]}),
    )


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


_ATTRIBUTIONS: weakref.WeakKeyDictionary[Corpus, Attributions] = weakref.WeakKeyDictionary()


_PUNCTUATION: weakref.WeakKeyDictionary[Corpus, np.ndarray] = weakref.WeakKeyDictionary()


def punctuation(corpus: Corpus) -> np.ndarray:
    """Positions in ``corpus.joined`` of the characters that are neither letters, digits nor white space.

    A few per cent of the characters: the quote, colon and comma searches look only at these.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> punctuation(segment(['He said: "Go."'])).tolist()
    [7, 9, 12, 13]
    """
    cached = _PUNCTUATION.get(corpus)
    if cached is None:
        cached = np.flatnonzero((corpus.char_classes & (_chars.ALNUM | _chars.SPACE)) == 0)
        _PUNCTUATION[corpus] = cached
    return cached


def chars_at(corpus: Corpus, chars: str) -> np.ndarray:
    """Positions in ``corpus.joined`` of the characters in ``chars`` (punctuation only), sorted.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> chars_at(segment(['a "b"']), '"').tolist()
    [2, 4]
    """
    marks = punctuation(corpus)
    return marks[_chars.in_char_table(_chars.char_table(chars), corpus.codepoints[marks])]


#: Punctuation looked for in the gaps between words, one bit per kind.
_GAP_KINDS = {
    "comma": ",",
    "open": _OPEN_QUOTES,
    "close": _CLOSE_QUOTES,
    "clause": ",.;:!?" + _CLOSE_QUOTES + "\u2014\u2013)",
    "break": ",;:()[]{}<>|/\u201c\u201d\u00ab\u00bb\"\u2014\u2013\n\r",
}
_GAPS: weakref.WeakKeyDictionary[Corpus, dict[str, np.ndarray]] = weakref.WeakKeyDictionary()


@lru_cache(maxsize=1)
def _gap_table() -> np.ndarray:
    """Code point → bit mask of the :data:`_GAP_KINDS` it belongs to (the last entry: none)."""
    chars = "".join(_GAP_KINDS.values())
    table = np.zeros(max(map(ord, chars)) + 2, dtype=np.uint8)
    for bit, members in enumerate(_GAP_KINDS.values()):
        for c in members:
            table[ord(c)] |= 1 << bit
    return table


def _gaps(corpus: Corpus) -> dict[str, np.ndarray]:
    """For every word: which kinds of punctuation stand between it and the next word (or the end).

    One table lookup over the characters, then only the punctuation marks (a few per cent of the
    characters) are placed in the gap after the word before them with ``searchsorted``.
    """
    cached = _GAPS.get(corpus)
    if cached is not None:
        return cached
    word_start, word_end = corpus._word_bounds
    n = len(word_start)
    table = _gap_table()
    marks = punctuation(corpus)
    kinds = table[np.minimum(corpus.codepoints[marks], len(table) - 1)]
    marks, kinds = marks[kinds != 0], kinds[kinds != 0]
    owner = np.searchsorted(word_end, marks, side="right") - 1  # the last word that ends at or before the mark
    # a gap ends at the next word or at the end of the word's document, whichever comes first: a
    # mark opening the next document is not in the gap after this document's last word
    doc_end = corpus.offsets[corpus.words.doc + 1] - len(DOC_SEPARATOR)
    next_start = np.minimum(np.r_[word_start[1:], len(corpus.joined)], doc_end)
    keep = (owner >= 0) & (marks < next_start[np.maximum(owner, 0)])
    owner, kinds = owner[keep], kinds[keep]
    gaps = {}
    for bit, name in enumerate(_GAP_KINDS):
        flags = np.zeros(n, dtype=bool)
        flags[owner[(kinds & (1 << bit)) != 0]] = True
        gaps[name] = flags
    _GAPS[corpus] = gaps
    return gaps


_NAMES: weakref.WeakKeyDictionary[Corpus, np.ndarray] = weakref.WeakKeyDictionary()


def _name_like(corpus: Corpus, flags: np.ndarray) -> np.ndarray:
    """Capitalised words that can be part of a name: not function words, cue verbs, pronouns or dates."""
    cached = _NAMES.get(corpus)
    if cached is None:
        cached = _NAMES[corpus] = _compute_name_like(corpus, flags)
    return cached


def _compute_name_like(corpus: Corpus, flags: np.ndarray) -> np.ndarray:
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
        Word indices of the first and last word of every run (computed once per batch and shared:
        read-only arrays).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Yesterday Secretary Alejandro Mayorkas met the Department of Homeland Security chief."])
    >>> first, last = name_runs(corpus)
    >>> [corpus.joined[corpus._word_bounds[0][f]:corpus._word_bounds[1][l]] for f, l in zip(first, last)]
    ['Yesterday Secretary Alejandro Mayorkas', 'Department of Homeland Security']
    """
    cached = _NAME_RUNS.get(corpus)
    if cached is None:
        cached = _NAME_RUNS[corpus] = _compute_name_runs(corpus)
    return cached


#: :func:`name_runs` per batch (the sourcing and style families and the relation engine all ask for them);
#: the arrays are read-only, since every caller shares them.
_NAME_RUNS: weakref.WeakKeyDictionary[Corpus, tuple[np.ndarray, np.ndarray]] = weakref.WeakKeyDictionary()


def _compute_name_runs(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    types = corpus.word_types
    if len(types) == 0:
        return _read_only(np.zeros(0, np.int64)), _read_only(np.zeros(0, np.int64))
    flags = corpus.type_values(WORD_CLASS)[types]
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
    return _read_only(np.flatnonzero(starts)), _read_only(np.flatnonzero(ends))


def _read_only(values: np.ndarray) -> np.ndarray:
    values.setflags(write=False)
    return values


_JOINED: weakref.WeakKeyDictionary[Corpus, np.ndarray] = weakref.WeakKeyDictionary()


def _joined_to_next(corpus: Corpus) -> np.ndarray:
    """Whether each word and the next are in one sentence with no punctuation but a period between."""
    cached = _JOINED.get(corpus)
    if cached is None:
        cached = _JOINED[corpus] = _compute_joined(corpus)
    return cached


def _compute_joined(corpus: Corpus) -> np.ndarray:
    sentence = corpus.word_sentence
    return np.r_[sentence[1:] == sentence[:-1], False] & ~_gaps(corpus)["break"]


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
        A segmented batch (:func:`framing.core.segment.segment`).

    Returns
    -------
    Attributions

    Examples
    --------
    >>> from framing.core.segment import segment
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
    flags = corpus.type_values(WORD_CLASS)[types]
    sentence = corpus.word_sentence
    name = _name_like(corpus, flags)
    gaps = _gaps(corpus)  # punctuation between a word and the next one
    comma_words = np.flatnonzero(gaps["comma"])
    research_words = np.flatnonzero((flags & _BIT["research_nouns"]) != 0)
    cp = corpus.codepoints
    last_char = len(cp) - 1

    def count_between(positions: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """How many of the sorted ``positions`` lie in ``[lo, hi)``."""
        return np.searchsorted(positions, hi) - np.searchsorted(positions, lo)

    def context(at: np.ndarray) -> dict[str, np.ndarray]:
        """What surrounds the words ``at``: the rules' conditions, for these words only."""
        f = flags[at]
        prev, nxt = np.maximum(at - 1, 0), np.minimum(at + 1, n - 1)
        same_prev = (at > 0) & (sentence[prev] == sentence[at])
        same_next = (at + 1 < n) & (sentence[nxt] == sentence[at])
        # a source right before the word, over at most three "skip" words, with no comma between
        subject = prev.copy()
        for _ in range(3):
            before = np.maximum(subject - 1, 0)
            step = (subject > 0) & (sentence[before] == sentence[at]) & ((flags[subject] & _BIT["skip"]) != 0) & ~gaps["comma"][before]
            subject = np.where(step, before, subject)
        subject_ok = (at > 0) & (sentence[subject] == sentence[at]) & (subject < at)
        subject_ok &= count_between(comma_words, subject, at) == 0
        sf = flags[subject]
        source = subject_ok & (name[subject] | ((sf & _SOURCE_WORDS) != 0)) & ((sf & _BIT["first_person"]) == 0)
        comma_before = same_prev & gaps["comma"][prev]
        nf = flags[nxt]
        inverted = (comma_before | (at > 0) & gaps["close"][prev]) & same_next
        inverted &= name[nxt] | ((nf & (_BIT["determiners"] | _BIT["pronouns"] | _BIT["titles"])) != 0)
        colon_after = cp[np.minimum(word_end[at], last_char)] == ord(":")
        first_word = np.searchsorted(sentence, sentence[at])
        return {
            "flags": f, "subject": subject, "subject_ok": subject_ok, "source": source,
            "source_word": subject_ok & ((sf & _SOURCE_WORDS) != 0),
            "weak_subject": subject_ok & ((sf & _BIT["weak_subjects"]) != 0),
            "opener_subject": corpus.word_starts_sentence[subject] & ((sf & _SOURCE_WORDS) == 0),
            "inverted": inverted, "after_comma": comma_before,
            "that": same_next & ((nf & _BIT["that"]) != 0), "by": same_next & ((nf & _BIT["by"]) != 0),
            "colon_after": colon_after, "quote_after": gaps["open"][at],
            "clause_ends": ~same_next | gaps["clause"][at],
            "research_near": count_between(research_words, np.maximum(at - RESEARCH_WINDOW, first_word), at) > 0,
            "research_next": count_between(research_words, np.maximum(at - 2, first_word), at) > 0,
        }

    # candidates: reporting forms, and words right before a colon (the quote-colon cue)
    colon_words = np.flatnonzero(gaps["clause"] & (cp[np.minimum(word_end, last_char)] == ord(":")))
    at = np.union1d(np.flatnonzero((flags & _CUE_CLASSES) != 0), colon_words)
    c = context(at)
    f = c["flags"]

    def has(bits: np.int64) -> np.ndarray:
        return (f & bits) != 0

    shouted = (word_end[at] - word_start[at] >= 2) & ((corpus.char_classes[np.minimum(word_start[at] + 1, last_char)] & _chars.UPPER) != 0)
    base = ~corpus.word_starts_sentence[at] & ~c["by"] & ~shouted  # not "TO BE ANNOUNCED"
    strong_context = c["inverted"] | c["that"] | c["colon_after"] | c["quote_after"]
    weak = c["weak_subject"]
    cue = has(_BIT["always"])
    cue |= has(_BIT["with_source"]) & (c["source"] | strong_context) & ~weak
    # "he added." but not "the United States.": the clause-end rule wants a pronoun or source noun;
    # a colon alone is not enough ("Important Note:")
    context_ok = c["inverted"] | c["that"] | c["quote_after"] | c["source"] & c["source_word"] & c["clause_ends"]
    # a name will do when the form is lower case ("Tapper asked."): "States" in "the United States." is a name
    lower_case = ~corpus.word_is_capitalized[at]
    context_ok |= c["source"] & c["clause_ends"] & lower_case
    cue |= has(_BIT["with_context"]) & context_ok & ~weak
    # base forms: a name that opens the sentence may be a heading word ("Important Note:")
    cue |= has(_BIT["with_subject"]) & c["source"] & ~c["opener_subject"]
    cue |= has(_BIT["participles"]) & (strong_context | c["after_comma"]) & ~weak
    cue |= has(_BIT["research"]) & c["research_near"] & ~weak
    cue |= has(_BIT["research_base"]) & c["research_next"]
    # "the carbon isotopes show that ...": a finding with its content, whatever noun found it
    first_person_subject = (flags[c["subject"]] & _BIT["first_person"]) != 0
    cue |= has(_BIT["research"] | _BIT["research_base"]) & c["that"] & c["subject_ok"] & ~weak & ~first_person_subject
    cue &= base

    cue_phrases, exclusions, anonymous = _precise_phrases()
    first, last = _word_matches(exclusions, corpus)
    cue &= ~_chars.covered(first, last + 1, at)  # inside an exclusion phrase: its first word to its last

    # a colon and an opening quote right after a name or a source noun: "The message: “…"
    # the quotation mark must open right after the colon (one space at most): not code ("Longest: {}")
    opener = _chars.char_table(_OPEN_QUOTES)
    one = cp[np.minimum(word_end[at] + 1, last_char)]
    two = cp[np.minimum(word_end[at] + 2, last_char)]
    opens_next = _chars.in_char_table(opener, one) | (one == ord(" ")) & _chars.in_char_table(opener, two)
    colon_cue = (name[at] | has(_BIT["source_nouns"] | _BIT["research_nouns"] | _BIT["titles"])) & c["colon_after"] & opens_next & ~cue

    first, last = _word_matches(cue_phrases, corpus)  # overlapping matches: the first (longest) wins
    verb_words = at[cue | colon_cue]
    cue_first = np.concatenate((verb_words, first))
    cue_last = np.concatenate((verb_words, last))
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

    lead_context = context(lead_word)
    kind, src_first, src_last, needs_source = _sources(corpus, flags, name, lead_word, last, is_phrase[lead], lead_context)
    keep = ~(needs_source & (kind == 0))
    lead_word, last, kind, src_first, src_last = lead_word[keep], last[keep], kind[keep], src_first[keep], src_last[keep]
    # an anonymity phrase anywhere in the sentence makes the source anonymous, unless it is named
    a_first, _ = _word_matches(anonymous, corpus)
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
             is_phrase: np.ndarray, around: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Kind and word span of each attribution's source (see :data:`SOURCE_KINDS`).

    The source is looked for after the cue when the clause is inverted or the cue is a phrase
    ending in "according to"/"by", else right before the cue (over ``skip`` words).
    """
    n = len(flags)
    sentence = corpus.word_sentence
    types = corpus.word_types
    strings = corpus.type_strings
    m = len(lead)
    if m == 0:
        return np.zeros(0, np.int8), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool)
    connector = (flags & _BIT["name_connectors"]) != 0
    joined = _joined_to_next(corpus)
    determiner = (flags & _BIT["determiners"]) != 0
    looks_after = around["inverted"] & ~is_phrase
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
    head = np.where(looks_after, after, around["subject"])
    valid = np.where(looks_after, in_sentence_after, around["subject_ok"])
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
    fallback = (kind == 0) & around["research_near"]
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
    >>> from framing.core.segment import segment
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
    >>> from framing.core.segment import segment
    >>> word_in(segment(["The mayor spoke on Monday"]), "dates", "titles").tolist()
    [False, True, False, False, True]
    """
    types = corpus.word_types
    bits = np.int64(0)
    for name in lists:
        bits |= _BIT[name]
    return (corpus.type_values(WORD_CLASS)[types] & bits) != 0 if len(types) else np.zeros(0, bool)


# -- German, French and Spanish cues (issue 19) ---------------------------------------------------
#: The languages with cues of their own (``framing/data/attribution_cues_de_fr_es.json``); English
#: documents use the rules above.
CUE_LANGUAGES = ("de", "fr", "es")
#: The kinds of a language cue, in label order.
LANGUAGE_CUE_KINDS = ("verb", "phrase", "anonymous")


@lru_cache(maxsize=len(CUE_LANGUAGES))
def language_cue_matcher(lang: str) -> PhraseMatcher:
    """The cues of ``lang`` (one of :data:`CUE_LANGUAGES`) as one matcher, labels
    :data:`LANGUAGE_CUE_KINDS`: the file's reporting-verb forms (single words and the French
    compound past, ``a déclaré``), attribution phrases (``laut``, ``selon``, ``según``) and
    anonymous-source phrases (``ein Sprecher``, ``de source proche``, ``fuentes cercanas``)."""
    from framing.core.language import attribution_cues

    cues = attribution_cues(lang)
    return PhraseMatcher({"verb": cues["verbs"], "phrase": cues["phrases"], "anonymous": cues["anonymous"]})


def language_cues(corpus: Corpus, lang: str, docs: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every cue of ``lang`` in the batch (or in the documents where ``docs`` is True): global
    character spans into ``corpus.joined`` and each cue's kind (index into
    :data:`LANGUAGE_CUE_KINDS`), in text order; cues that overlap keep the first (longest).

    A recall-first matcher, like :func:`cue_matches` for English: no source grammar, no
    relation engine; ``benchmarks/attribution_languages.py`` measures its precision and recall.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Die Preise steigen, sagte ein Sprecher laut Bericht."])
    >>> starts, ends, kinds = language_cues(corpus, "de")
    >>> [(corpus.joined[s:e], LANGUAGE_CUE_KINDS[k]) for s, e, k in zip(starts, ends, kinds)]
    [('sagte', 'verb'), ('ein Sprecher', 'anonymous'), ('laut', 'phrase')]
    """
    matcher = language_cue_matcher(lang)
    starts, ends, labels = matcher.spans(corpus)
    kinds = np.array([LANGUAGE_CUE_KINDS.index(matcher.labels[k]) for k in labels.tolist()], dtype=np.int64)
    starts, ends = np.asarray(starts, np.int64), np.asarray(ends, np.int64)
    if docs is not None and len(starts):
        keep = docs[corpus.doc_of(starts)]
        starts, ends, kinds = starts[keep], ends[keep], kinds[keep]
    return starts, ends, kinds


def language_cue_sentences(corpus: Corpus, lang: str) -> np.ndarray:
    """Whether each sentence of the batch holds a cue of ``lang`` (:func:`language_cues`).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> language_cue_sentences(segment(["Selon lui, il pleut. Il fait beau."]), "fr").tolist()
    [True, False]
    """
    sentence_start = corpus._sentence_bounds[0]
    flags = np.zeros(len(sentence_start), dtype=bool)
    starts, _, _ = language_cues(corpus, lang)
    if len(starts) and len(sentence_start):
        flags[np.maximum(np.searchsorted(sentence_start, starts, side="right") - 1, 0)] = True
    return flags
