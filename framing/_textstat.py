"""textstat 0.7.8's counts, reproduced exactly and vectorised over a batch.

textstat works on one text at a time with regular expressions. Its counts, restated so that they
can be computed from character arrays (each was checked against textstat's source):

* **chunks**: ``text.split()``, runs of non-space characters.
* **kept characters**: ``\\w`` characters, and apostrophes ``'`` followed by ``t s d ve ll re``
  (``remove_punctuation`` deletes every other character except white space).
* **words** (``lexicon_count``): chunks with at least one kept character; a word's string is its
  kept characters. Syllables and the Dale–Chall test use the lower-cased string.
* **sentences** (``sentence_count``): matches of ``\\b[^.!?]+[.!?]*``, less the matches with two
  or fewer words, and at least 1 for a non-empty text. Every match starts at a ``\\w`` character,
  so its word count is 1 plus the chunks whose first kept character lies inside the match.
* **letters** (``letter_count``): ``\\w`` characters; **characters** (``char_count``): non-space
  characters; ``avg_character_per_word`` divides them by the number of chunks.
* **Linsear Write** uses the first 100 words and the sentences of the text up to the chunk that
  holds the 100th word.
"""

from __future__ import annotations

import re

import numpy as np

from . import _chars
from .segment import Corpus
from .wordtypes import TypeTable, textstat_features

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_LINSEAR_SAMPLE = 100

_TEXTSTAT_TYPES = TypeTable(textstat_features)


def _clean_word(chunk: str) -> str:
    return _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", chunk)).lower()


def _contraction_apostrophes(cp: np.ndarray) -> np.ndarray:
    nxt = np.r_[cp[1:], 0]
    nxt2 = np.r_[cp[2:], 0, 0]
    t, s, d, v, e, l, r = (ord(c) for c in "tsdvelr")
    follows = (
        (nxt == t) | (nxt == s) | (nxt == d)
        | ((nxt == v) & (nxt2 == e)) | ((nxt == l) & (nxt2 == l)) | ((nxt == r) & (nxt2 == e))
    )  # fmt: skip
    return (cp == 0x27) & follows


def _sentence_counts(spans: np.ndarray, first_kept: np.ndarray, limit: np.ndarray | None = None) -> np.ndarray:
    """Words per regex sentence: 1 + chunks whose first kept character is inside the match."""
    starts, ends = spans[:, 0], spans[:, 1]
    if limit is not None:
        ends = np.minimum(ends, limit)
    inside = np.searchsorted(first_kept, ends, side="left") - np.searchsorted(first_kept, starts, side="right")
    return 1 + inside


def textstat_counts(corpus: Corpus) -> dict[str, np.ndarray]:
    """Per-document counts as textstat 0.7.8 computes them (see the module docstring)."""
    n = corpus.n_docs
    cp, cls = corpus.codepoints, corpus.char_classes
    offsets = corpus.offsets
    space = (cls & _chars.SPACE) != 0
    word_char = (cls & _chars.WORD) != 0
    kept = word_char | _contraction_apostrophes(cp)

    edges = np.diff(np.r_[True, space, True].astype(np.int8))
    chunk_start, chunk_end = np.flatnonzero(edges == -1), np.flatnonzero(edges == 1)
    kept_before = np.r_[0, np.cumsum(kept)]
    is_word = kept_before[chunk_end] > kept_before[chunk_start]
    kept_positions = np.flatnonzero(kept)
    first_kept = kept_positions[np.searchsorted(kept_positions, chunk_start[is_word])]
    word_start, word_end = chunk_start[is_word], chunk_end[is_word]

    values = _chars.lower_table()[cp]
    hashes = _chars.span_hashes(values, kept, word_start, word_end)
    joined = corpus.joined
    type_ids = _TEXTSTAT_TYPES.lookup(hashes, lambda i: _clean_word(joined[word_start[i] : word_end[i]]))
    syllables = _TEXTSTAT_TYPES.features["syllables"][type_ids]
    easy = _TEXTSTAT_TYPES.features["easy"][type_ids] > 0

    word_doc = np.searchsorted(offsets, word_start, side="right") - 1
    chunk_doc = np.searchsorted(offsets, chunk_start, side="right") - 1

    def per_doc(doc: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(doc, weights=weights, minlength=n).astype(np.float64)

    def per_doc_chars(mask: np.ndarray) -> np.ndarray:
        csum = np.r_[0, np.cumsum(mask)]
        return (csum[offsets[1:]] - csum[offsets[:-1]]).astype(np.float64)

    # Sentences: regex matches per document, counted with the chunk arrays.
    spans, span_doc = [], []
    for i, text in enumerate(corpus.texts):
        base = int(offsets[i])
        found = [(base + m.start(), base + m.end()) for m in _SENTENCE.finditer(text)]
        spans.extend(found)
        span_doc.extend([i] * len(found))
    span_arr = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    span_doc_arr = np.asarray(span_doc, dtype=np.int64)
    long_enough = _sentence_counts(span_arr, first_kept) > 2
    nonempty = np.fromiter((len(t) > 0 for t in corpus.texts), bool, n)
    sentences = np.where(nonempty, np.maximum(1, per_doc(span_doc_arr, long_enough.astype(float))), 0)

    # Linsear Write: the first 100 words, and the sentences up to the chunk of the 100th word.
    words = per_doc(word_doc)
    chunks = per_doc(chunk_doc)
    rank = np.arange(len(word_doc)) - np.searchsorted(word_doc, word_doc, side="left")
    sample = rank < _LINSEAR_SAMPLE
    linsear_hard = per_doc(word_doc[sample], (syllables[sample] >= 3).astype(float))
    linsear_easy = per_doc(word_doc[sample], ((syllables[sample] > 0) & (syllables[sample] < 3)).astype(float))
    sample_end = offsets[1:].copy()
    cut = (chunks > _LINSEAR_SAMPLE) & (words >= _LINSEAR_SAMPLE)
    hundredth = np.flatnonzero(rank == _LINSEAR_SAMPLE - 1)
    sample_end[word_doc[hundredth][cut[word_doc[hundredth]]]] = word_end[hundredth][cut[word_doc[hundredth]]]
    limit = sample_end[span_doc_arr]
    in_sample = span_arr[:, 0] < limit
    sample_long = _sentence_counts(span_arr, first_kept, limit) > 2
    linsear_sentences = np.where(
        chunks > 0, np.maximum(1, per_doc(span_doc_arr[in_sample], sample_long[in_sample].astype(float))), 0
    )

    return {
        "words": words,
        "sentences": sentences.astype(np.float64),
        "syllables": per_doc(word_doc, syllables),
        "polysyllables": per_doc(word_doc, (syllables >= 3).astype(float)),
        "difficult_words": per_doc(word_doc, (~easy).astype(float)),
        "complex_words": per_doc(word_doc, ((~easy) & (syllables >= 3)).astype(float)),
        "letters": per_doc_chars(word_char),
        "characters": per_doc_chars(~space),
        "chunks": chunks,
        "linsear_easy": linsear_easy,
        "linsear_hard": linsear_hard,
        "linsear_sentences": linsear_sentences.astype(np.float64),
    }


def textstat_formulas(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """textstat 0.7.8's eight formulas with its zero guards, from :func:`textstat_counts`."""
    with np.errstate(divide="ignore", invalid="ignore"):
        words, sentences = c["words"], c["sentences"]
        wps = np.where(sentences > 0, words / sentences, 0.0)
        spw = np.where(words > 0, c["syllables"] / words, 0.0)
        undefined = (wps == 0) | (spw == 0)
        fre = np.where(undefined, 0.0, 206.835 - 1.015 * wps - 84.6 * spw)
        fkgl = np.where(undefined, 0.0, 0.39 * wps + 11.8 * spw - 15.59)
        fog = np.where(words > 0, 0.4 * (wps + 100 * c["complex_words"] / words), 0.0)
        smog = np.where(sentences > 0, 1.043 * np.sqrt(30 * (c["polysyllables"] / sentences)) + 3.1291, 0.0)
        letters_100 = np.where(words > 0, c["letters"] / words, 0.0) * 100
        sentences_100 = np.where(words > 0, sentences / words, 0.0) * 100
        cli = np.where((letters_100 == 0) | (sentences_100 == 0), 0.0, 0.058 * letters_100 - 0.296 * sentences_100 - 15.8)
        cpw = np.where(c["chunks"] > 0, c["characters"] / c["chunks"], 0.0)
        ari = np.where((cpw == 0) | (wps == 0), 0.0, 4.71 * cpw + 0.5 * wps - 21.43)
        pdw = np.where(words > 0, 100 * c["difficult_words"] / words, 0.0)
        dale_chall = np.where(words > 0, 0.1579 * pdw + 0.0496 * wps + np.where(pdw > 5, 3.6365, 0.0), 0.0)
        linsear = np.where(
            c["linsear_sentences"] > 0, (c["linsear_easy"] + 3 * c["linsear_hard"]) / c["linsear_sentences"], np.nan
        )
        linsear = np.where(np.isnan(linsear), 0.0, np.where(linsear <= 20, linsear - 2, linsear) / 2)
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkgl,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
        "automated_readability_index": ari,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear,
    }
