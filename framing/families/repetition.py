"""Repetition: duplicate lines, paragraphs and n-grams, restated sentences, lexical diversity.

Entry point: :func:`compute` (``Corpus -> {column: array}``) and :func:`evidence`. Everything is
computed for the whole batch at once from the segmenter's flat arrays; the only per-document
Python loop is ``zlib.compress`` for the compression ratio.

Columns
-------
Lines and paragraphs are the segmenter's (``framing.core.segment``): a *line* is a non-blank line,
trimmed of white space, so blank lines are never lines (the bug of datatrove #273 and dolma
``gopher_v1``); a *paragraph* is a group of lines without a blank line between them. Two lines
(paragraphs) are duplicates when their trimmed texts are identical, case and punctuation
included. "Repeated" means a second or later occurrence within the same document.

========================================================  ========================================================
column                                                    definition (source)
========================================================  ========================================================
``repetition.duplicate_line_fraction``                    repeated lines / lines (Gopher, Rae et al. 2021, as in
                                                          datatrove's ``GopherRepetitionFilter``)
``repetition.duplicate_line_char_fraction``               characters of repeated lines / characters of all lines
                                                          (Gopher; datatrove divides by ``len(text)``, see below)
``repetition.duplicate_paragraph_fraction``               repeated paragraphs / paragraphs (Gopher, datatrove)
``repetition.duplicate_paragraph_char_fraction``          characters of repeated paragraphs / characters of all
                                                          paragraphs (Gopher)
``repetition.top_{n}gram_char_fraction``, n = 2, 3, 4     word characters covered by the occurrences of the most
                                                          frequent word n-gram / word characters; 0 when no
                                                          n-gram occurs twice (RedPajama-V2
                                                          ``rps_doc_frac_chars_top_{n}gram``)
``repetition.duplicate_{n}gram_char_fraction``,           word characters covered by an n-gram that occurs at
n = 5 … 10                                                least twice (every occurrence, the first included;
                                                          overlaps counted once) / word characters (RedPajama-V2
                                                          ``rps_doc_frac_chars_dupe_{n}grams``)
``repetition.paraphrase_share``                           sentences that restate an earlier sentence of the same
                                                          document / sentences that take part (at least
                                                          :data:`MIN_CONTENT_WORDS` content words and a final
                                                          sentence mark; framing, see *Restated sentences*)
``repetition.mattr``                                      moving-average type-token ratio over windows of
                                                          :data:`MATTR_WINDOW` words; plain type-token ratio for
                                                          shorter texts (Covington & McFall 2010)
``repetition.compression_ratio``                          ``len(zlib.compress(utf8)) / len(utf8)`` (level 6):
                                                          lower = more redundant; above 1 for texts of a few
                                                          bytes (zlib adds 6 bytes of header and checksum)
========================================================  ========================================================

n-grams are over the document's word tokens (``framing.core.segment``), lower-cased, across line and
sentence boundaries, as in Gopher and RedPajama. A word's *characters* are its letters and digits
(RedPajama strips punctuation before counting; ``don't`` counts 4). A text without words gets
NaN for the n-gram columns, ``mattr`` and ``paraphrase_share``; a text with fewer than ``n`` words
gets 0 for the ``n``-gram columns. Every column but ``compression_ratio`` lies in [0, 1].

Where the anchors disagree (``quality-anchors.md`` §2: 0.04–0.12 for the same "duplicate
5-gram fraction" of one text), framing follows

* **Gopher/datatrove for lines and paragraphs**: count the second and later occurrences. The
  character fractions divide by the characters of the lines (paragraphs) themselves rather than
  ``len(text)``, so white space between lines does not dilute them and a paragraph repeated ``k``
  times gives exactly ``(k - 1) / k``.
* **RedPajama-V2 for n-grams**: mark every word that lies in a repeated n-gram and divide by word
  characters. Unlike datatrove's greedy scan (which adds the characters of a repeated n-gram and
  skips ahead ``n`` words, so the result depends on scan order and counts spaces), the marking is
  order-free, never double-counts overlaps and is what the Gopher paper describes ("taking care
  not to count characters that occur in overlapping n-grams more than once"); the research note
  (§7) calls it the most defensible. Because every occurrence is marked, a text repeated twice
  scores 1.0 (datatrove about 0.5). For the top n-gram framing also counts the characters of
  overlapping occurrences once (RedPajama multiplies the n-gram's characters by its count, which
  exceeds 1 on "ha ha ha ha"); on non-overlapping occurrences the two agree. Ties between equally
  frequent n-grams go to the one with more characters, then to the earliest.

Restated sentences
------------------
A sentence's *content words* are its words minus the stop words of ``framing/data/stop_words.txt``
(function words written by the project; a word whose first two letters are capitals, such as
``US``, is never a stop word), reduced to their Porter (1980) stems (NLTK's ``PorterStemmer``,
original algorithm; figures and hyphenated compounds stay as they are), so that *deported*,
*deportation* and *deports* all become *deport*. A sentence *takes part* when it has at least
:data:`MIN_CONTENT_WORDS` distinct stems and ends with a sentence mark (``. ! ? …`` or a
full-width mark, closing quotes and brackets after it allowed): headings, captions, table rows,
list items without a period and code lines are not claims, and a lede that restates the headline
is ordinary news practice. The similarity of two such sentences of the same document is the
cosine of their binary stem vectors, ``|A ∩ B| / sqrt(|A| · |B|)``. A sentence *restates* an
earlier one when some earlier sentence of the same document has similarity ≥
:data:`PARAPHRASE_THRESHOLD`; a verbatim repeat has similarity 1 and always counts.
``paraphrase_share`` is the share of taking-part sentences that restate an earlier one (0 when a
document with words has none that take part).

*"The US government has deported over 100 Chinese migrants."* and *"The US has expelled over 100
Chinese migrants in a big move."* share 4 of 6 and 7 stems (us, 100, chines, migrant): 0.62.

:data:`PARAPHRASE_THRESHOLD` was chosen on data (``benchmarks/repetition_validation.py``, grid
0.40–0.80 in steps of 0.05): the share of ``seeds/000`` (the padded page) is farthest above the
WCXB article pages, in standard deviations, at 0.45–0.50 (2.2 and 2.1 SD; 1.4 at 0.60) and far
above OneStopEnglish's edited news at both (12.6 and 15.8 SD); between 0.45 and 0.50 the pairs
found in OneStopEnglish are mostly shared topic words rather than restated claims, so 0.50.
There seed 000 scores 0.22, above every OneStopEnglish advanced text (maximum 0.07) and 95.7 % of
the WCXB article pages; the 11 pages at or above it are product round-ups, SEO guides and
tutorials that do restate themselves.
Binary vectors did as well as tf-idf weights with a within-document idf, and stay exact: the
overlaps are integer products, so a pair scores the same in any batch. Similarities are computed
only within documents: the columns of the sentence-by-stem matrix are (document, stem) pairs, so
the sparse product ``X Xᵀ`` is block-diagonal by construction.

Evidence
--------
Repeated lines and paragraphs (label ``"repeats line at s–e"``), occurrences of the top n-grams,
runs of words in repeated n-grams, and restated sentences (label
``"restates sentence at s–e (similarity 0.71)"``, pointing at the most similar earlier sentence).
Spans are offsets into the document's text.

References
----------
Covington & McFall (2010) J. Quantitative Linguistics 17(2):94–100 (MATTR). · Porter (1980)
Program 14(3):130–137. · Rae et al. (2021) arXiv:2112.11446, App. A.1.1 and Table A1 (Gopher). ·
Together Computer (2023) RedPajama-Data-v2, ``app/src/core/quality_signals/repetitions.py``.
"""

from __future__ import annotations

import threading
import weakref
import zlib

import numpy as np
import pandas as pd

from framing.core import chars as _chars
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.resources import stop_words
from framing.core.segment import Corpus
from framing.core.vocabulary import STEMS, TypeColumn
from framing.families.base import FunctionFamily

NAME = "repetition"

TOP_NGRAM_SIZES = (2, 3, 4)
DUPLICATE_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)

#: Gopher's duplicate n-gram removal thresholds (Rae et al. 2021, Table A1; datatrove's defaults),
#: compared with in the validation suite. framing reports scores, not decisions.
GOPHER_MAX_DUPLICATE_NGRAM_CHAR_FRACTION = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}

#: Cosine similarity of two sentences' content-stem sets at or above which the later one restates
#: the earlier (chosen on data, see the module docstring).
PARAPHRASE_THRESHOLD = 0.5
#: Sentences with fewer distinct content stems take no part in restatement.
MIN_CONTENT_WORDS = 5
#: Window of the moving-average type-token ratio, in words (Covington & McFall 2010).
MATTR_WINDOW = 50
#: zlib compression level of the compression ratio: zlib's default (level 9 gives ratios within
#: 0.001 on news text and is 12 % slower).
ZLIB_LEVEL = 6

COLUMNS: tuple[str, ...] = (
    "repetition.duplicate_line_fraction",
    "repetition.duplicate_line_char_fraction",
    "repetition.duplicate_paragraph_fraction",
    "repetition.duplicate_paragraph_char_fraction",
    *(f"repetition.top_{n}gram_char_fraction" for n in TOP_NGRAM_SIZES),
    *(f"repetition.duplicate_{n}gram_char_fraction" for n in DUPLICATE_NGRAM_SIZES),
    "repetition.paraphrase_share",
    "repetition.mattr",
    "repetition.compression_ratio",
)


# -- per-word-type column: stop word (the stems are the vocabulary's STEMS) -----------------------
IS_STOP = TypeColumn("stop word", lambda word: word in stop_words(), bool)


# -- small array helpers -------------------------------------------------------------------------
def _occurrences(doc: np.ndarray, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items in text order: occurrence number among equal ``(doc, key)`` and the first one's index."""
    n = len(key)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.lexsort((key, doc))  # stable: equal items stay in text order
    sorted_doc, sorted_key = doc[order], key[order]
    new = np.ones(n, dtype=bool)
    new[1:] = (sorted_doc[1:] != sorted_doc[:-1]) | (sorted_key[1:] != sorted_key[:-1])
    group_start = np.flatnonzero(new)
    group = np.cumsum(new) - 1
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - group_start[group]
    first = np.empty(n, dtype=np.int64)
    first[order] = order[group_start[group]]
    return rank, first


def _covered(starts: np.ndarray, n: int, n_words: int) -> np.ndarray:
    """Which of ``n_words`` words lie in at least one of the n-grams starting at ``starts``."""
    depth = np.bincount(starts, minlength=n_words + 1) - np.bincount(starts + n, minlength=n_words + 1)
    return np.cumsum(depth[:n_words]) > 0


def _sorted_sums(bounds: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Sums of ``values[bounds[d]:bounds[d + 1]]`` for each document ``d``, for whole-number values
    (character counts), which any order of addition sums exactly: one ``np.add.reduceat``, where
    ``bincount`` with weights is ~20x slower."""
    sums = np.zeros(len(bounds) - 1, dtype=np.float64)
    nonempty = np.flatnonzero(bounds[1:] > bounds[:-1])
    if len(nonempty):
        sums[nonempty] = np.add.reduceat(values, bounds[nonempty])
    return sums


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan)


# -- the analysis, shared by compute and evidence -------------------------------------------------
class _Analysis:
    """Every intermediate array of the family for one corpus (kept for :func:`evidence`)."""

    def __init__(self, corpus: Corpus) -> None:
        # no reference to the corpus is kept: the analyses are cached in a weak-keyed dictionary
        self.columns: dict[str, np.ndarray] = {}
        self._lines_and_paragraphs(corpus)
        self._ngrams(corpus)
        self._restatements(corpus)
        self.columns["repetition.compression_ratio"] = _compression_ratios(corpus.texts)

    # lines and paragraphs
    def _lines_and_paragraphs(self, corpus: Corpus) -> None:
        kinds = (("line", corpus.lines), ("paragraph", corpus.paragraphs))
        start = np.concatenate([spans.start + corpus.offsets[spans.doc] for _, spans in kinds])
        end = np.concatenate([spans.end + corpus.offsets[spans.doc] for _, spans in kinds])
        n_lines = len(corpus.lines)  # lines, then paragraphs: each in text order, hashed a section at a time
        hashes = np.concatenate([_chars.ordered_span_hashes(corpus.codepoints, start[:n_lines], end[:n_lines]),
                                 _chars.ordered_span_hashes(corpus.codepoints, start[n_lines:], end[n_lines:])])  # fmt: skip
        for (kind, spans), kind_hashes in zip(kinds, (hashes[:n_lines], hashes[n_lines:])):
            rank, first = _occurrences(spans.doc, kind_hashes)
            repeated = rank > 0
            length = (spans.end - spans.start).astype(np.float64)
            self.columns[f"repetition.duplicate_{kind}_fraction"] = _ratio(
                corpus.per_doc_sum(spans.doc, repeated), corpus.per_doc_sum(spans.doc)
            )
            self.columns[f"repetition.duplicate_{kind}_char_fraction"] = _ratio(
                corpus.per_doc_sum(spans.doc, length * repeated), corpus.per_doc_sum(spans.doc, length)
            )
            setattr(self, f"{kind}_first", first)
            setattr(self, f"{kind}_repeated", repeated)

    # n-grams and MATTR
    def _ngrams(self, corpus: Corpus) -> None:
        words = corpus.words
        type_ids = corpus.word_types
        doc = words.doc
        n_words = len(doc)
        chars = corpus.word_feature("alnum")
        doc_words = np.searchsorted(doc, np.arange(corpus.n_docs + 1))  # words of a document are consecutive

        def char_sum(values: np.ndarray) -> np.ndarray:
            return _sorted_sums(doc_words, values)

        total_chars = char_sum(chars)
        cumulative = np.concatenate(([0.0], np.cumsum(chars)))
        n_docs = corpus.n_docs

        # Exact ids of (document, word type), then of longer n-grams. An n-gram can only occur twice
        # if both of its (n - 1)-grams do, so each level factorises only those candidates: every
        # level after the second sees a few per cent of the words.
        unigram, unigram_order, unigram_same = _unigrams(doc, type_ids)
        n_unigrams = int(unigram.max()) + 1 if n_words else 1
        repeated = np.bincount(unigram, minlength=n_unigrams)[unigram] >= 2
        ids = unigram
        self.top: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.duplicate_covered: dict[int, np.ndarray] = {}
        for n in range(2, max(DUPLICATE_NGRAM_SIZES) + 1):
            positions = np.flatnonzero(repeated[:-1] & repeated[1:])
            positions = positions[positions + n - 1 < n_words]
            positions = positions[doc[positions] == doc[positions + n - 1]]
            gram_ids = pd.factorize(ids[positions] * n_unigrams + unigram[positions + n - 1])[0]
            count = np.bincount(gram_ids)[gram_ids] if len(gram_ids) else np.zeros(0, dtype=np.int64)
            keep = count >= 2
            positions, gram_ids, count = positions[keep], gram_ids[keep].astype(np.int64, copy=False), count[keep]
            repeated = np.zeros(n_words, dtype=bool)
            repeated[positions] = True
            ids = np.zeros(n_words, dtype=np.int64)
            ids[positions] = gram_ids
            if n in TOP_NGRAM_SIZES:
                covered, top_count = _top_ngram(corpus, positions, gram_ids, count, cumulative, n)
                self.columns[f"repetition.top_{n}gram_char_fraction"] = _ratio(char_sum(chars * covered), total_chars)
                self.top[n] = (covered, top_count)
            if n in DUPLICATE_NGRAM_SIZES:
                covered = _covered(positions, n, n_words)
                self.columns[f"repetition.duplicate_{n}gram_char_fraction"] = _ratio(char_sum(chars * covered), total_chars)
                self.duplicate_covered[n] = covered
        self.columns["repetition.mattr"] = _mattr(unigram_order, unigram_same, doc, n_docs)

    # restated sentences
    def _restatements(self, corpus: Corpus) -> None:
        sentences = corpus.sentences
        n_sentences = len(sentences)
        type_ids = corpus.word_types
        stop, stem = corpus.type_values(IS_STOP), corpus.type_ids_of(STEMS)  # stem ids within the batch
        words = corpus.words
        capitals = _all_capitals(corpus)
        content = ~stop[type_ids] | capitals
        sentence_of = corpus.word_sentence[content]
        stems = stem[type_ids[content]]
        n_stems = int(stem.max()) + 1 if len(stem) else 1
        pairs = pd.unique(sentence_of.astype(np.int64) * n_stems + stems)
        pair_sentence, pair_stem = pairs // n_stems, pairs % n_stems
        n_content = np.bincount(pair_sentence, minlength=n_sentences)
        eligible = n_content >= MIN_CONTENT_WORDS
        eligible &= _ends_with_mark(corpus)
        keep = eligible[pair_sentence]
        pair_sentence, pair_stem = pair_sentence[keep], pair_stem[keep]
        # columns are (document, stem) pairs, so X Xᵀ only pairs sentences of the same document;
        # integer overlaps keep the similarities exact whatever the batch
        column = pd.factorize(sentences.doc[pair_sentence].astype(np.int64) * n_stems + pair_stem)[0]
        n_columns = int(column.max()) + 1 if len(column) else 0
        if len(column) and np.bincount(column).max() > 1:  # two sentences share a stem
            import scipy.sparse as sp  # here, not at start-up: a batch without shared stems needs none

            ones = np.ones(len(column), dtype=np.int32)
            # the pairs come sentence by sentence (words in text order, pd.unique keeps the first
            # occurrence) and are distinct: the CSR arrays directly, without a COO round trip
            if len(pair_sentence) < 2 or bool((pair_sentence[1:] >= pair_sentence[:-1]).all()):
                indptr = np.zeros(n_sentences + 1, dtype=np.int64)
                np.cumsum(np.bincount(pair_sentence, minlength=n_sentences), out=indptr[1:])
                matrix = sp.csr_matrix((ones, column, indptr), shape=(n_sentences, n_columns))
            else:  # not reached with the segmenter's word order; kept for safety
                matrix = sp.csr_matrix((ones, (pair_sentence, column)), shape=(n_sentences, n_columns))
            overlap = sp.triu(matrix @ matrix.T, k=1).tocoo()  # earlier row, later column
            earlier, later, shared = overlap.row.astype(np.int64), overlap.col.astype(np.int64), overlap.data
        else:
            earlier = later = np.zeros(0, dtype=np.int64)
            shared = np.zeros(0, dtype=np.int32)
        similarity = shared / np.sqrt(n_content[earlier].astype(np.float64) * n_content[later])
        hit = similarity >= PARAPHRASE_THRESHOLD - 1e-12
        earlier, later, similarity = earlier[hit], later[hit], similarity[hit]
        order = np.lexsort((earlier, -similarity, later))  # per later sentence: most similar, then earliest
        earlier, later, similarity = earlier[order], later[order], similarity[order]
        first = np.r_[True, later[1:] != later[:-1]] if len(later) else np.zeros(0, dtype=bool)
        self.restated = later[first]
        self.restated_source = earlier[first]
        self.restated_similarity = similarity[first]
        restated_count = corpus.per_doc_sum(sentences.doc[self.restated])
        eligible_count = corpus.per_doc_sum(sentences.doc[eligible])
        share = np.where(eligible_count > 0, restated_count / np.maximum(eligible_count, 1), 0.0)
        has_words = corpus.per_doc_sum(words.doc) > 0
        self.columns["repetition.paraphrase_share"] = np.where(has_words, share, np.nan)


def _top_ngram(
    corpus: Corpus, positions: np.ndarray, ids: np.ndarray, count: np.ndarray, cumulative: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Words covered by the occurrences of each document's most frequent n-gram, and its count.

    ``positions`` are the starts of the n-grams that occur at least twice (in text order),
    ``ids`` their n-gram ids and ``count`` their numbers of occurrences.
    """
    n_words = len(corpus.words)
    top_count = np.zeros(corpus.n_docs, dtype=np.int64)
    if len(positions) == 0:
        return np.zeros(n_words, dtype=bool), top_count
    gram_doc = corpus.words.doc[positions]
    gram_chars = (cumulative[positions + n] - cumulative[positions]).astype(np.int64)
    key = count * (int(gram_chars.max()) + 1) + gram_chars
    group_start = np.flatnonzero(np.r_[True, gram_doc[1:] != gram_doc[:-1]])
    best = np.maximum.reduceat(key, group_start)
    best_of = np.repeat(best, np.diff(np.r_[group_start, len(positions)]))
    winners = np.flatnonzero(key == best_of)
    docs, first = np.unique(gram_doc[winners], return_index=True)  # earliest winner per document
    top_id = np.full(corpus.n_docs, -1, dtype=np.int64)
    top_id[docs] = ids[winners[first]]
    top_count[docs] = count[winners[first]]
    return _covered(positions[ids == top_id[gram_doc]], n, n_words), top_count


def _ends_with_mark(corpus: Corpus) -> np.ndarray:
    """Sentences whose last character, closing quotes and brackets aside, is a sentence mark."""
    sentences = corpus.sentences
    cls = corpus.char_classes
    # position of the last character that is not a closer: scan back at most a few closers
    last = sentences.end + corpus.offsets[sentences.doc] - 1
    start = sentences.start + corpus.offsets[sentences.doc]
    for _ in range(3):
        step = ((cls[last] & _chars.CLOSER) != 0) & (last > start)
        last = last - step
    return (cls[last] & (_chars.SENTENCE_MARK | _chars.WIDE_MARK)) != 0


def _all_capitals(corpus: Corpus) -> np.ndarray:
    """Words whose first two characters are upper-case letters (``US``, ``UN``, ``NATO``)."""
    start, end = corpus._word_bounds
    cls = corpus.char_classes
    two = (end - start) >= 2
    return two & ((cls[start] & _chars.UPPER) != 0) & ((cls[np.minimum(start + 1, len(cls) - 1)] & _chars.UPPER) != 0)


def _unigrams(doc: np.ndarray, type_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dense ids of the words' ``(document, type)`` pairs, the words sorted by pair (stable: text
    order within a pair) and, for each word of that order but the first, whether it has the same
    pair as the one before. One sort serves the n-gram ids and :func:`_mattr`; the ids only ever
    compare for equality, so their numbering (by pair, not by first occurrence) changes nothing."""
    n_words = len(doc)
    if n_words == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    n_types = int(type_ids.max()) + 1
    key = doc.astype(np.int64) * n_types + type_ids
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]
    unigram = np.empty(n_words, dtype=np.int64)
    unigram[order] = np.cumsum(np.r_[0, ~same])
    return unigram, order, same


def _mattr(order: np.ndarray, same: np.ndarray, doc: np.ndarray, n_docs: int) -> np.ndarray:
    """Moving-average type-token ratio per document (plain TTR below :data:`MATTR_WINDOW` words),
    from the words sorted by ``(document, type)`` (``order``, ``same``: see :func:`_unigrams`).

    A window starting at word ``s`` holds as many types as it has words whose previous occurrence
    (same type, same document) lies before ``s``; each word is counted for all the windows where
    it is such a first occurrence, so no window is ever built.
    """
    n_words = len(order)
    result = np.full(n_docs, np.nan)
    if n_words == 0:
        return result
    previous = np.full(n_words, -1, dtype=np.int64)
    previous[order[1:][same]] = order[:-1][same]
    counts = np.bincount(doc, minlength=n_docs)
    doc_start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    first, length = doc_start[doc], counts[doc]
    position = np.arange(n_words)
    window = np.minimum(length, MATTR_WINDOW)  # whole text when shorter than a window
    last_window = first + length - window  # start of the document's last window
    low = np.maximum(np.maximum(position - window + 1, previous + 1), first)  # no stacked copy
    high = np.minimum(position, last_window)
    windows_with_new_type = np.maximum(high - low + 1, 0).astype(np.float64)
    n_windows = (counts - np.minimum(counts, MATTR_WINDOW) + 1).astype(np.float64)
    types_in_windows = np.bincount(doc, weights=windows_with_new_type, minlength=n_docs)
    has_words = counts > 0
    window_size = np.minimum(counts, MATTR_WINDOW)
    result[has_words] = types_in_windows[has_words] / (n_windows[has_words] * window_size[has_words])
    return result


def _compression_ratios(texts: list[str]) -> np.ndarray:
    ratios = np.full(len(texts), np.nan)
    for i, text in enumerate(texts):
        if text:
            data = text.encode("utf-8", "surrogatepass")
            ratios[i] = len(zlib.compress(data, ZLIB_LEVEL)) / len(data)
    return ratios


_ANALYSES: weakref.WeakKeyDictionary[Corpus, _Analysis] = weakref.WeakKeyDictionary()
_ANALYSES_LOCK = threading.Lock()


def _analysis(corpus: Corpus) -> _Analysis:
    with _ANALYSES_LOCK:
        found = _ANALYSES.get(corpus)
    if found is None:
        found = _Analysis(corpus)
        with _ANALYSES_LOCK:
            _ANALYSES[corpus] = found
    return found


def compute(corpus: Corpus, *, compat: str | None = None) -> dict[str, np.ndarray]:
    """Repetition columns for every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).
    compat : str, optional
        Ignored: no other tool's numbers are reproduced by this family.

    Returns
    -------
    dict of str to ndarray
        One float array of length ``corpus.n_docs`` per name in :data:`COLUMNS`.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> paragraph = "The storm closed every school in the county on Monday."
    >>> columns = compute(segment(["\\n\\n".join([paragraph] * 4) + "\\n\\nA different ending."]))
    >>> float(columns["repetition.duplicate_paragraph_fraction"][0])  # 3 of 5 paragraphs repeat
    0.6
    >>> float(columns["repetition.duplicate_5gram_char_fraction"][0]) == 4 * 44 / (4 * 44 + 16)  # word characters
    True
    """
    analysis = _analysis(corpus)
    return {name: analysis.columns[name].astype(np.float64, copy=True) for name in COLUMNS}


_EARLIER = {"earlier_start": "start of the first occurrence", "earlier_end": "its end"}

#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "duplicate_line", "A line identical to an earlier line of the document (a second or later occurrence).",
        ("repetition.duplicate_line_fraction", "repetition.duplicate_line_char_fraction"), _EARLIER,
    ),
    EvidenceCode(
        "duplicate_paragraph", "A paragraph identical to an earlier paragraph of the document.",
        ("repetition.duplicate_paragraph_fraction", "repetition.duplicate_paragraph_char_fraction"), _EARLIER,
    ),
    EvidenceCode(
        "top_ngram", "A run of words covered by the occurrences of the document's most frequent word n-gram.",
        ("repetition.top_<n>gram_char_fraction",),
        {"n": "the n-gram's length in words", "count": "how many times the most frequent n-gram occurs"},
    ),
    EvidenceCode(
        "duplicate_ngram", "A run of words inside word n-grams that occur at least twice in the document.",
        ("repetition.duplicate_<n>gram_char_fraction",), {"n": "the n-gram's length in words"},
    ),
    EvidenceCode(
        "restated_sentence", "A sentence that restates an earlier sentence of the document (stem cosine).",
        ("repetition.paraphrase_share",),
        {"earlier_start": "start of the sentence it restates", "earlier_end": "its end",
         "similarity": "cosine of the two sentences' binary stem vectors, in (0, 1]"},
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None) -> list[Evidence]:
    """Repeated lines and paragraphs, top and repeated n-grams, and restated sentences of one document.

    Codes (:data:`EVIDENCE_CODES`): ``duplicate_line`` and ``duplicate_paragraph`` (details:
    ``earlier_start``, ``earlier_end``; one item per column they count in), ``top_ngram`` (``n``,
    ``count``), ``duplicate_ngram`` (``n``) and ``restated_sentence`` (``earlier_start``,
    ``earlier_end``, ``similarity``).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> text = ("The US government has deported over 100 Chinese migrants. Prices rose. "
    ...         "The US has expelled over 100 Chinese migrants in a big move.")
    >>> [(e.label, e.text) for e in evidence(segment([text]), 0) if e.signal == "repetition.paraphrase_share"]
    [('restates sentence at 0–57 (similarity 0.62)', 'The US has expelled over 100 Chinese migrants in a big move.')]
    >>> [dict(e.details) for e in evidence(segment([text]), 0) if e.code == "restated_sentence"]  # doctest: +ELLIPSIS
    [{'earlier_start': 0, 'earlier_end': 57, 'similarity': 0.6172...}]
    """
    analysis = _analysis(corpus)
    text = corpus.texts[doc]
    items: list[Evidence] = []

    def add(signal: str, label: str, start: int, end: int, code: str, details: dict) -> None:
        items.append(Evidence(signal, label, int(start), int(end), text[start:end], code, details))

    for kind, spans in (("line", corpus.lines), ("paragraph", corpus.paragraphs)):
        repeated = getattr(analysis, f"{kind}_repeated")
        first = getattr(analysis, f"{kind}_first")
        for i in np.flatnonzero(repeated & (spans.doc == doc)):
            j = first[i]
            label = f"repeats {kind} at {spans.start[j]}–{spans.end[j]}"
            details = {"earlier_start": int(spans.start[j]), "earlier_end": int(spans.end[j])}
            for signal in (f"repetition.duplicate_{kind}_fraction", f"repetition.duplicate_{kind}_char_fraction"):
                add(signal, label, spans.start[i], spans.end[i], f"duplicate_{kind}", details)

    words = corpus.words
    in_doc = words.doc == doc
    runs = [
        (f"repetition.top_{n}gram_char_fraction", f"top {n}-gram ({top_count[doc]} times)", covered,
         "top_ngram", {"n": int(n), "count": int(top_count[doc])})
        for n, (covered, top_count) in analysis.top.items()
    ]  # fmt: skip
    runs += [
        (f"repetition.duplicate_{n}gram_char_fraction", f"words in repeated {n}-grams", covered, "duplicate_ngram", {"n": int(n)})
        for n, covered in analysis.duplicate_covered.items()
    ]
    for signal, label, covered, code, details in runs:
        for a, b in zip(*_chars.runs(covered & in_doc)):
            add(signal, label, words.start[a], words.end[b - 1], code, details)

    sentences = corpus.sentences
    for later, earlier, similarity in zip(analysis.restated, analysis.restated_source, analysis.restated_similarity):
        if sentences.doc[later] != doc:
            continue
        source = f"{sentences.start[earlier]}–{sentences.end[earlier]}"
        label = f"restates sentence at {source} (similarity {similarity:.2f})"
        details = {
            "earlier_start": int(sentences.start[earlier]),
            "earlier_end": int(sentences.end[earlier]),
            "similarity": float(similarity),
        }
        add("repetition.paraphrase_share", label, sentences.start[later], sentences.end[later], "restated_sentence", details)
    return items


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(NAME, columns=lambda config: COLUMNS, compute=compute, evidence=evidence, codes=EVIDENCE_CODES)
