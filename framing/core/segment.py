"""One segmentation pass for a whole batch: documents → lines, paragraphs, sentences, words.

:func:`segment` joins a batch of texts into one string and returns a :class:`Corpus` whose levels
are flat arrays over the batch (document index, start, end), with character offsets into each
original text. Levels are computed on first use and then kept, so a family that needs only
characters (textstat compatibility) never pays for sentence splitting, and no level is computed
twice.

Definitions
-----------
line
    A maximal run of characters between line breaks (``\\n``, ``\\r\\n``, ``\\r``, U+2028, U+2029)
    that holds a non-space character; its span is trimmed of white space.
paragraph
    A maximal group of consecutive lines with no blank line between them.
sentence
    A line is cut after a sentence-ending mark (``. ? ! … 。 ． ？ ！`` and any closing quotes or
    brackets after it) wherever NLTK's Punkt algorithm decides so, with the parameters in
    ``framing/data/punkt_english.json`` (curated abbreviations such as ``U.S.``, ``Mr.``,
    ``Sen.``, ``Jan.``, ``No.``; orthographic context learned by ``models/train_punkt.py``). Line
    breaks always end a sentence, so headlines, captions and list items stand alone. A mark must be
    followed by white space to end a sentence, so ``3.5`` and ``116,000`` never split.
word
    A maximal run of letters and digits, in which a single apostrophe, hyphen or period between two
    letters or digits, and a comma between two digits, are kept (``don't``, ``e-commerce``,
    ``U.S``, ``3.5``, ``116,000``). Its type is its lower-cased string (``’`` and ``ʼ`` read as ``'``).

Word types are numbered within the batch (:attr:`Corpus.word_types`: 0 for the first type of the
batch, 1 for the next new one, ...); their features come from the corpus's
:class:`~framing.core.vocabulary.Vocabulary`, computed once per type across batches.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from framing.core import chars as _chars
from framing.core.resources import punkt_parameters
from framing.core.vocabulary import TypeColumn, TypeSet, Vocabulary, default_vocabulary

DOC_SEPARATOR = "\n\n"  # a blank line: ends every line, paragraph and sentence


_NOT_A_STARTER = np.array([ord(c) for c in ";:,.!?"], dtype=np.uint32)  # Punkt: never starts a sentence

# Punkt's orthographic-context flags (nltk.tokenize.punkt)
_ORTHO_BEG_UC, _ORTHO_MID_UC, _ORTHO_UNK_UC = 1 << 1, 1 << 2, 1 << 3
_ORTHO_BEG_LC, _ORTHO_MID_LC, _ORTHO_UNK_LC = 1 << 4, 1 << 5, 1 << 6
_ORTHO_UC = _ORTHO_BEG_UC | _ORTHO_MID_UC | _ORTHO_UNK_UC
_ORTHO_LC = _ORTHO_BEG_LC | _ORTHO_MID_LC | _ORTHO_UNK_LC


@dataclass(frozen=True)
class Spans:
    """Flat spans over a batch: ``doc[i]`` holds span ``i``, ``start[i]:end[i]`` in that document."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.doc)

    def per_doc(self, n_docs: int) -> np.ndarray:
        """How many spans each document has."""
        return np.bincount(self.doc, minlength=n_docs)

    def rank(self) -> np.ndarray:
        """Position of each span among its document's spans (0 for the first)."""
        return rank_within(self.doc)


def rank_within(doc: np.ndarray) -> np.ndarray:
    """Position of each item among the items of its document, for a sorted ``doc`` array."""
    first = np.searchsorted(doc, np.arange(doc[-1] + 1 if len(doc) else 0))
    return np.arange(len(doc)) - first[doc]


def _take(values: np.ndarray, index: np.ndarray, valid: np.ndarray, fill) -> np.ndarray:
    """``values[index]`` where ``valid``, else ``fill`` (also when ``values`` is empty)."""
    if len(values) == 0:
        return np.full(len(index), fill, dtype=values.dtype)
    return np.where(valid, values[np.clip(index, 0, len(values) - 1)], fill).astype(values.dtype, copy=False)


def validate_texts(
    texts: list[object], max_chars: int | None = None, *, blank_ok: bool = False
) -> tuple[list[str], list[str | None]]:
    """Replace bad inputs by ``""`` and say why: ``None``, NaN, non-strings, blank (unless
    ``blank_ok``: textstat compatibility scores them) or too long texts."""
    clean: list[str] = []
    errors: list[str | None] = []
    for text in texts:
        error = None
        if text is None or (isinstance(text, float) and math.isnan(text)):
            error = "missing text"
        elif not isinstance(text, str):
            error = f"not a string: {type(text).__name__}"
        elif not blank_ok and not text.strip():
            error = "empty text"
        elif max_chars is not None and len(text) > max_chars:
            error = f"text longer than max_chars={max_chars} ({len(text)} characters)"
        clean.append(text if error is None else "")  # type: ignore[arg-type]
        errors.append(error)
    return clean, errors


class Corpus:
    """A segmented batch of texts. Build it with :func:`segment`.

    Attributes
    ----------
    texts : list of str
        The texts, with ``""`` in place of invalid inputs.
    errors : list of str or None
        Why an input could not be scored, or ``None``.
    offsets : ndarray of shape (n_docs + 1,)
        Where each text starts in :attr:`joined`.
    vocabulary : Vocabulary
        Where the features of the batch's word types come from.
    """

    def __init__(self, texts: list[str], errors: list[str | None], vocabulary: Vocabulary | None = None) -> None:
        self.texts = texts
        self.errors = errors
        self.vocabulary = default_vocabulary() if vocabulary is None else vocabulary
        self._type_arrays: dict[object, np.ndarray] = {}
        self.n_docs = len(texts)
        lengths = np.fromiter((len(t) for t in texts), np.int64, self.n_docs)
        self.offsets = np.zeros(self.n_docs + 1, dtype=np.int64)
        np.cumsum(lengths + len(DOC_SEPARATOR), out=self.offsets[1:])
        self.joined = DOC_SEPARATOR.join([*texts, ""])  # one copy: the separator after every text

    # -- characters -----------------------------------------------------------------------
    @cached_property
    def codepoints(self) -> np.ndarray:
        return _chars.codepoints(self.joined)

    @cached_property
    def char_classes(self) -> np.ndarray:
        # np.take: fancy indexing with uint32 indices is ~3x slower (converted item by item)
        return _chars.classes_of(self.codepoints)

    def doc_of(self, positions: np.ndarray) -> np.ndarray:
        """Document index of each position of :attr:`joined`; ``positions`` must be sorted."""
        firsts = np.searchsorted(positions, self.offsets)
        return np.repeat(np.arange(self.n_docs), np.diff(firsts))

    def _spans(self, start: np.ndarray, end: np.ndarray) -> Spans:
        doc = self.doc_of(start)
        return Spans(doc, start - self.offsets[doc], end - self.offsets[doc])

    def per_doc_sum(self, doc: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(doc, weights=weights, minlength=self.n_docs).astype(np.float64, copy=False)  # a fresh array either way

    # -- lines and paragraphs ---------------------------------------------------------------
    @cached_property
    def space(self) -> np.ndarray:
        """Whether each character of :attr:`joined` is white space."""
        return (self.char_classes & _chars.SPACE) != 0

    @cached_property
    def space_counts(self) -> np.ndarray:
        """``space_counts[k]``: white-space characters among the first ``k`` of :attr:`joined`."""
        counts = np.zeros(len(self.space) + 1, dtype=np.int64)
        np.cumsum(self.space, out=counts[1:])
        return counts

    @cached_property
    def chunks(self) -> tuple[np.ndarray, np.ndarray]:
        """Starts and ends (in :attr:`joined`) of the runs of non-space characters."""
        return _chars.runs(self.space, False)

    @cached_property
    def _line_breaks(self) -> np.ndarray:
        """Positions of the line-break characters, in order."""
        return np.flatnonzero((self.char_classes & _chars.LINE_BREAK) != 0)  # a bool array: nonzero's fast path

    @cached_property
    def _line_bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cp = self.codepoints
        breaks = self._line_breaks
        crlf = (cp[breaks] == 0x0D) & (cp[np.minimum(breaks + 1, len(cp) - 1)] == 0x0A)
        breaks = breaks[~crlf]  # "\r\n" breaks once, at "\n"
        seg_start = np.concatenate(([0], breaks + 1))
        chunk_start, chunk_end = self.chunks
        first_chunk = np.searchsorted(chunk_start, seg_start)
        # no chunk starts at a line break (white space): the chunks before a segment's end are the
        # chunks before the next segment's start
        after_last_chunk = np.append(first_chunk[1:], len(chunk_start))
        content = np.flatnonzero(after_last_chunk > first_chunk)
        first = chunk_start[first_chunk[content]]
        last = chunk_end[after_last_chunk[content] - 1]
        return first, last, content

    @cached_property
    def lines(self) -> Spans:
        """Non-blank lines, trimmed of white space."""
        first, last, _ = self._line_bounds
        return self._spans(first, last)

    @cached_property
    def line_paragraph(self) -> np.ndarray:
        """Paragraph index of every line."""
        _, _, segment_index = self._line_bounds
        doc = self.lines.doc
        new = np.ones(len(doc), dtype=bool)
        new[1:] = (np.diff(segment_index) > 1) | (np.diff(doc) != 0)
        return np.cumsum(new) - 1

    @cached_property
    def paragraphs(self) -> Spans:
        para = self.line_paragraph
        first_line = np.flatnonzero(np.diff(para, prepend=-1) != 0)
        last_line = np.append(first_line[1:], len(para)) - 1 if len(para) else first_line
        lines = self.lines
        return Spans(lines.doc[first_line], lines.start[first_line], lines.end[last_line])

    # -- sentences ------------------------------------------------------------------------
    @cached_property
    def _sentence_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        line_start, line_end, _ = self._line_bounds
        breaks = self._punkt_breaks
        if len(breaks):
            line = np.searchsorted(line_start, breaks, side="right") - 1
            inside = (line >= 0) & (breaks < line_end[np.maximum(line, 0)])
            breaks = breaks[inside]
        starts = np.sort(np.concatenate((line_start, breaks)))
        line = np.searchsorted(line_start, starts, side="right") - 1
        next_start = np.r_[starts[1:], np.iinfo(np.int64).max]
        ends = np.minimum(next_start, line_end[line])
        chunk_start, chunk_end = self.chunks
        if len(chunk_start) == 0:
            return starts[:0], ends[:0]
        # a sentence starts at its first non-space character: the next chunk unless inside one
        chunk = np.searchsorted(chunk_end, starts, side="right")
        starts = np.maximum(starts, chunk_start[np.minimum(chunk, len(chunk_start) - 1)])
        keep = starts < ends
        return starts[keep], ends[keep]

    @cached_property
    def _punkt_breaks(self) -> np.ndarray:
        """Positions (in :attr:`joined`) just after each sentence end, by Punkt's decision rules.

        NLTK's ``PunktSentenceTokenizer`` decides at each candidate mark by tokenising its context
        again; here every input of that decision (the word before the mark, the next word, their
        type statistics) is an array over all candidates of the batch, and the rules of
        ``PunktSentenceTokenizer._second_pass_annotation`` become array expressions. Differences
        from NLTK, each on purpose: a line break always ends a sentence; ``…`` counts as an
        ellipsis; ``?`` or ``!`` followed by a closing quote and a lower-case word ("“Why?” she
        asked") does not end a sentence; a next word opening with a quote or bracket is judged by
        its first letter; full-width marks always end a sentence.
        """
        cls, cp, n_chars = self.char_classes, self.codepoints, len(self.codepoints)
        mark_start, mark_end = _chars.runs((cls & _chars.SENTENCE_MARK) != 0)
        wide_start, wide_end = _chars.runs((cls & _chars.WIDE_MARK) != 0)
        closer_start, closer_end = _chars.runs((cls & _chars.CLOSER) != 0)

        def past_closers(ends: np.ndarray) -> np.ndarray:
            k = np.searchsorted(closer_start, ends)
            follows = _take(closer_start, k, k < len(closer_start), -1) == ends
            return np.where(follows, _take(closer_end, k, follows, 0), ends)

        end = past_closers(mark_end)
        candidate = (end == n_chars) | ((_take(cls, end, end < n_chars, 0) & _chars.SPACE) != 0)
        mark_start, mark_end, end = mark_start[candidate], mark_end[candidate], end[candidate]
        has_closer = end > mark_end

        # what kind of mark: a period, an ellipsis (".." or "…"), or ? and !
        single = (mark_end - mark_start) == 1
        first_mark = cp[mark_start]
        is_dots = single & ((first_mark == 0x2E) | (first_mark == 0x2026))
        for i in np.flatnonzero(~single):
            is_dots[i] = set(self.joined[mark_start[i] : mark_end[i]]) <= {".", "…"}
        period = single & (first_mark == 0x2E)
        ellipsis = is_dots & ~period

        # the word that ends at the mark, and the first word of the next chunk on the same line
        word_start, word_end = self._word_bounds
        type_ids = self.word_types
        features = self.type_feature
        before = np.searchsorted(word_end, mark_start)
        has_before = _take(word_end, before, before < len(word_end), -1) == mark_start
        before_type = _take(type_ids, before, has_before, 0)

        def before_feature(name: str) -> np.ndarray:
            return has_before & (_take(features(name), before_type, has_before, 0) > 0)

        abbreviation = period & before_feature("punkt_abbreviation")
        initial = period & before_feature("punkt_initial")
        number = period & before_feature("punkt_number")

        chunk_start, chunk_end = self.chunks
        line_start, line_end, _ = self._line_bounds
        line = np.searchsorted(line_start, mark_start, side="right") - 1
        next_chunk = np.searchsorted(chunk_start, end)
        next_start = _take(chunk_start, next_chunk, next_chunk < len(chunk_start), n_chars)
        has_next = next_start < line_end[line]
        next_punct = has_next & np.isin(_take(cp, next_start, has_next, 0), _NOT_A_STARTER)
        after = np.searchsorted(word_start, next_start)
        has_word = has_next & (_take(word_start, after, after < len(word_start), n_chars) < _take(chunk_end, next_chunk, has_next, 0))
        next_cls = _take(cls, _take(word_start, after, has_word, 0), has_word, 0)
        next_upper = has_word & ((next_cls & _chars.UPPER) != 0)
        next_lower = has_word & ((next_cls & _chars.ALPHA) != 0) & ~next_upper
        next_type = _take(type_ids, after, has_word, 0)
        ortho = _take(features("punkt_ortho"), next_type, has_word, 0).astype(np.int64)
        starter = has_word & (_take(features("punkt_starter"), next_type, has_word, 0) > 0)

        # Punkt's orthographic heuristic: True, False or unknown
        ortho_true = ~next_punct & next_upper & ((ortho & _ORTHO_LC) != 0) & ((ortho & _ORTHO_MID_UC) == 0)
        ortho_false = next_punct | (next_lower & (((ortho & _ORTHO_UC) != 0) | ((ortho & _ORTHO_BEG_LC) == 0)))
        ortho_unknown = ~ortho_true & ~ortho_false

        is_break = ~(abbreviation | ellipsis)  # first pass: a period ends a sentence unless abbreviated
        is_break |= (abbreviation | ellipsis) & ~initial & (ortho_true | (next_upper & starter))
        is_break &= ~((initial | number) & (ortho_false | (ortho_unknown & initial & next_upper & ((ortho & _ORTHO_LC) == 0))))
        collocations = punkt_parameters()["collocations"]
        if collocations:
            strings = self.type_strings
            for i in np.flatnonzero(period & has_before & has_word):
                if (strings[before_type[i]], strings[next_type[i]]) in collocations:
                    is_break[i] = False
        # ? and ! end a sentence unless a quote closes and speech goes on in lower case
        is_break = np.where(is_dots, is_break, ~(has_closer & next_lower))
        is_break |= ~has_next  # the line ends here
        breaks = np.concatenate((end[is_break], past_closers(wide_end)))
        breaks.sort()
        return breaks

    @cached_property
    def sentences(self) -> Spans:
        """Sentences (see the module docstring), in text order."""
        return self._spans(*self._sentence_bounds)

    @cached_property
    def sentence_line(self) -> np.ndarray:
        """Line index of every sentence."""
        line_start = self._line_bounds[0]
        return np.searchsorted(line_start, self._sentence_bounds[0], side="right") - 1

    # -- words ----------------------------------------------------------------------------
    @cached_property
    def _word_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        cls = self.char_classes
        alnum = (cls & _chars.ALNUM) != 0
        in_word = alnum.copy()
        # a joiner inside a word: apostrophe, hyphen or period between letters or digits, comma
        # between digits
        joiners = np.flatnonzero(cls & (_chars.APOSTROPHE | _chars.HYPHEN | _chars.PERIOD | _chars.COMMA))
        joiners = joiners[(joiners > 0) & (joiners < len(cls) - 1)]
        left, right = cls[joiners - 1], cls[joiners + 1]
        needs = np.where(cls[joiners] & _chars.COMMA, _chars.DIGIT, _chars.ALNUM)
        in_word[joiners[((left & needs) != 0) & ((right & needs) != 0)]] = True
        return _chars.runs(in_word)

    @cached_property
    def words(self) -> Spans:
        """Word tokens (see the module docstring)."""
        return self._spans(*self._word_bounds)

    @cached_property
    def _types(self) -> tuple[np.ndarray, TypeSet]:
        """Each word's type id within the batch, and the batch's distinct types in the vocabulary."""
        starts, ends = self._word_bounds
        lengths = ends - starts
        hi = np.cumsum(lengths)
        lo = hi - lengths
        positions = np.repeat(starts - lo, lengths) + np.arange(int(hi[-1]) if len(hi) else 0)
        codes = _chars.lower_of(self.codepoints[positions])
        codes[(self.char_classes[positions] & _chars.APOSTROPHE) != 0] = 0x27
        hashes = _chars.ordered_span_hashes(codes, lo, hi)  # a section at a time: small tables of powers
        ids, unique = pd.factorize(hashes)  # numbered in order of first occurrence
        ids = ids.astype(np.int64, copy=False)
        first = np.empty(len(unique), dtype=np.int64)
        first[ids[::-1]] = np.arange(len(ids) - 1, -1, -1)  # first occurrence of each type
        joined = self.joined

        def strings_of(types: np.ndarray) -> list[str]:
            return [
                joined[starts[i] : ends[i]].lower().replace("’", "'").replace("ʼ", "'") for i in first[types].tolist()
            ]

        return ids, self.vocabulary.words.type_set(np.asarray(unique, dtype=np.uint64), strings_of)

    @property
    def word_types(self) -> np.ndarray:
        """Type id of every word, numbered within the batch in order of first occurrence (equal ids:
        equal lower-cased words). Index :meth:`type_feature`, :meth:`type_values` and
        :attr:`type_strings` with them."""
        return self._types[0]

    @property
    def n_types(self) -> int:
        """Distinct word types of the batch."""
        return len(self._types[1])

    @property
    def type_strings(self) -> list[str]:
        """The string of each word type of the batch."""
        found = self._type_arrays.get("strings")
        if found is None:
            found = self._type_arrays["strings"] = self.vocabulary.words.strings(self._types[1])
        return found  # type: ignore[return-value]

    def type_feature(self, name: str) -> np.ndarray:
        """A base feature of each word type of the batch (:data:`framing.core.vocabulary.FRAMING_FEATURES`)."""
        found = self._type_arrays.get(name)
        if found is None:
            found = self._type_arrays[name] = self.vocabulary.words.features(name, self._types[1])
        return found

    def type_values(self, column: TypeColumn) -> np.ndarray:
        """The values of a derived :class:`~framing.core.vocabulary.TypeColumn` for each word type of
        the batch, computed once per type in the vocabulary."""
        found = self._type_arrays.get(column)
        if found is None:
            found = self._type_arrays[column] = self.vocabulary.words.values(column, self._types[1])
        return found

    def type_ids_of(self, column: TypeColumn) -> np.ndarray:
        """For each word type of the batch, an id of its value of ``column`` (equal values, equal
        ids; numbered in order of first occurrence among the batch's types): stems compared within
        the batch, never by an id that depends on other batches."""
        key = ("ids", column)
        found = self._type_arrays.get(key)
        if found is None:
            found = self._type_arrays[key] = pd.factorize(self.type_values(column))[0].astype(np.int64, copy=False)
        return found

    def word_feature(self, name: str) -> np.ndarray:
        """A per-type feature spread to every word (``framing.core.vocabulary.framing_features``)."""
        return self.type_feature(name)[self.word_types]

    def word_values(self, column: TypeColumn) -> np.ndarray:
        """A derived per-type column spread to every word."""
        return self.type_values(column)[self.word_types]

    @cached_property
    def word_sentence(self) -> np.ndarray:
        """Sentence index of every word."""
        return np.searchsorted(self._sentence_bounds[0], self._word_bounds[0], side="right") - 1

    @cached_property
    def word_is_capitalized(self) -> np.ndarray:
        return (self.char_classes[self._word_bounds[0]] & _chars.UPPER) != 0

    @cached_property
    def word_starts_sentence(self) -> np.ndarray:
        sent = self.word_sentence
        return np.r_[True, np.diff(sent) != 0]


def segment(
    texts: list[object], *, max_chars: int | None = None, vocabulary: Vocabulary | None = None, blank_ok: bool = False
) -> Corpus:
    """Segment a batch of texts once.

    Parameters
    ----------
    texts : list
        Texts to segment. Items that are not non-blank strings are kept as empty documents and
        described in :attr:`Corpus.errors`.
    max_chars : int, optional
        Texts longer than this are treated as invalid.
    vocabulary : Vocabulary, optional
        Where word-type features are computed and kept (default: the process's
        :func:`~framing.core.vocabulary.default_vocabulary`). The corpus keeps a reference to it.
    blank_ok : bool, default False
        Keep empty and white-space-only strings as texts (``compat="textstat"`` scores them as
        textstat does) instead of errors.

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = segment(["Mr. Smith met U.S. officials. Prices rose 3.5 percent.\\nA headline"])
    >>> [corpus.texts[0][s:e] for s, e in zip(corpus.sentences.start, corpus.sentences.end)]
    ['Mr. Smith met U.S. officials.', 'Prices rose 3.5 percent.', 'A headline']
    """
    clean, errors = validate_texts(list(texts), max_chars, blank_ok=blank_ok)
    return Corpus(clean, errors, vocabulary)


def punkt_breaks(text: str) -> list[int]:
    """Positions just after every sentence end that framing's Punkt finds in ``text``.

    Examples
    --------
    >>> text = "Mr. Smith left. He said so."
    >>> [text[:i] for i in punkt_breaks(text)]
    ['Mr. Smith left.', 'Mr. Smith left. He said so.']
    """
    return segment([text])._punkt_breaks.tolist()


def nltk_punkt_tokenizer():
    """NLTK's own ``PunktSentenceTokenizer`` with framing's parameters: the reference implementation.

    framing applies the same decision rules as array expressions (:func:`segment`); this tokenizer
    is for checking that, or for research code that wants NLTK's exact behaviour.

    Examples
    --------
    >>> nltk_punkt_tokenizer().tokenize("Mr. Smith met U.S. officials. They talked.")
    ['Mr. Smith met U.S. officials.', 'They talked.']
    """
    from collections import defaultdict

    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    stored = punkt_parameters()
    params = PunktParameters()
    params.abbrev_types = set(stored["abbrev_types"])
    params.sent_starters = set(stored["sent_starters"])
    params.collocations = set(stored["collocations"])
    params.ortho_context = defaultdict(int, stored["ortho_context"])
    return PunktSentenceTokenizer(params)


# -- other languages (issue 19): an additive path; the English segmentation above does not use it --
#: Languages with Punkt parameters of their own (``framing/data/punkt_<lang>.json``, trained by
#: ``models/train_punkt.py --lang``; model card ``models/punkt_languages.md``).
PUNKT_LANGUAGES: tuple[str, ...] = ("de", "fr", "es")


@lru_cache(maxsize=len(PUNKT_LANGUAGES))
def language_punkt_tokenizer(lang: str):
    """NLTK's ``PunktSentenceTokenizer`` with the parameters of ``lang`` (one of :data:`PUNKT_LANGUAGES`).

    Examples
    --------
    >>> language_punkt_tokenizer("de").tokenize("Er kam bzw. ging. Dann war es still.")
    ['Er kam bzw. ging.', 'Dann war es still.']
    """
    import json
    from collections import defaultdict

    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from framing.core.resources import data_text

    if lang not in PUNKT_LANGUAGES:
        raise ValueError(f"Punkt parameters ship for {PUNKT_LANGUAGES}, not {lang!r}")
    stored = json.loads(data_text(f"punkt_{lang}.json"))
    params = PunktParameters()
    params.abbrev_types = set(stored["abbrev_types"])
    params.sent_starters = set(stored["sent_starters"])
    params.collocations = {tuple(pair) for pair in stored["collocations"]}
    params.ortho_context = defaultdict(int, stored["ortho_context"])
    return PunktSentenceTokenizer(params)


def language_sentence_spans(corpus: Corpus, doc: int, lang: str) -> list[tuple[int, int]]:
    """The sentences of document ``doc`` of ``corpus`` by ``lang``'s Punkt parameters: as
    :attr:`Corpus.sentences`, every line break ends a sentence, and each line is split by
    :func:`language_punkt_tokenizer` (NLTK, one line at a time)."""
    tokenizer = language_punkt_tokenizer(lang)
    text = corpus.texts[doc]
    lines = corpus.lines
    spans: list[tuple[int, int]] = []
    for i in np.flatnonzero(lines.doc == doc).tolist():
        start, end = int(lines.start[i]), int(lines.end[i])
        spans += [(start + s, start + e) for s, e in tokenizer.span_tokenize(text[start:end])]
    return spans
