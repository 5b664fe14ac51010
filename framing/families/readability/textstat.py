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

import numpy as np
import pandas as pd

from framing.core import chars as _chars
from framing.core.segment import DOC_SEPARATOR, Corpus
from framing.core.vocabulary import TypeSet, TypeTable

_LINSEAR_SAMPLE = 100


def _run_strings(codes: np.ndarray, kept: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> list[str]:
    """The lower-cased strings of the kept characters of the code runs ``codes[lo[i]:hi[i]]``,
    decoded in one go.

    The runs are written one after the other with a space after each (a space is never a kept
    character, and it ends the context of ``str.lower``'s final-sigma rule as a string end does),
    so lower-casing and splitting the whole gives what each run's own ``.lower()`` gives; the
    characters that are not kept (written as code 0, never a kept character) go before
    lower-casing, as textstat removes them first.
    """
    lengths = hi - lo
    total = int(lengths.sum())
    source = np.arange(total) + np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
    out = np.full(total + len(lo), 0x20, dtype=np.uint32)
    out[np.arange(total) + np.repeat(np.arange(len(lo)), lengths)] = codes[source] * kept[source]
    return out.tobytes().decode("utf-32-le", "surrogatepass").replace("\x00", "").lower().split(" ")[:-1]


def _contraction_apostrophes(cp: np.ndarray) -> np.ndarray:
    """Positions of ``'`` followed by ``t``, ``s``, ``d``, ``ve``, ``ll`` or ``re``."""
    at = np.flatnonzero(cp == 0x27)
    last = len(cp) - 1  # a corpus ends with DOC_SEPARATOR, so a text's ' always has two successors
    nxt, nxt2 = cp[np.minimum(at + 1, last)], cp[np.minimum(at + 2, last)]
    t, s, d, v, e, l, r = (ord(c) for c in "tsdvelr")
    follows = (
        (nxt == t) | (nxt == s) | (nxt == d)
        | ((nxt == v) & (nxt2 == e)) | ((nxt == l) & (nxt2 == l)) | ((nxt == r) & (nxt2 == e))
    )  # fmt: skip
    return at[follows]


def _per_doc_sums(bounds: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Sums of ``values`` over the items ``bounds[d]:bounds[d + 1]`` of each document ``d`` (items
    sorted by document): one cumulative sum instead of a scattered ``bincount``. Integer counts stay
    in int32: a batch holds far fewer than 2**31 characters."""
    total = np.empty(len(values) + 1, dtype=values.dtype)
    total[0] = 0
    np.cumsum(values, out=total[1:])
    return total[bounds[1:]] - total[bounds[:-1]]


# per word type, the textstat counts it adds to: syllables, polysyllable, difficult word, complex
# word (difficult and polysyllabic), Linsear "easy" word (1 or 2 syllables)
_TYPE_COUNTS = ("syllables", "polysyllables", "difficult_words", "complex_words", "linsear_easy")
# Two 0/1 counts share a uint64 in 32-bit halves: a half's sum over a document stays below 2**32,
# as a batch holds fewer than 2**31 characters. Syllables keep a column of their own.
_PACKED = (("syllables",), ("polysyllables", "difficult_words"), ("complex_words", "linsear_easy"))


def _packed_columns(table: TypeTable, types: TypeSet) -> list[np.ndarray]:
    """The :data:`_PACKED` columns of ``types``, so that a token needs three lookups for its five counts."""
    syllables = table.features("syllables", types).astype(np.uint64)
    hard = table.features("easy", types) == 0
    poly = syllables >= 3
    new = {
        "syllables": syllables, "polysyllables": poly, "difficult_words": hard,
        "complex_words": hard & poly, "linsear_easy": (syllables > 0) & ~poly,
    }  # fmt: skip
    columns = []
    for names in _PACKED:
        packed = new[names[0]].astype(np.uint64)
        if len(names) > 1:
            packed |= new[names[1]].astype(np.uint64) << np.uint64(32)
        columns.append(packed)
    return columns


def _piece_sums(type_ids: np.ndarray, columns: list[np.ndarray], cuts: np.ndarray) -> dict[str, np.ndarray]:
    """Sums of the :data:`_TYPE_COUNTS` of the tokens ``cuts[i]:cuts[i + 1]`` of each piece ``i``
    (``cuts`` runs from 0 to ``len(type_ids)``): one gather and one ``np.add.reduceat`` per packed
    column instead of a cumulative sum over tokens x counts."""
    sums = {name: np.zeros(len(cuts) - 1, dtype=np.float64) for name in _TYPE_COUNTS}
    nonempty = np.flatnonzero(cuts[1:] > cuts[:-1])
    if not len(nonempty):
        return sums
    # an empty piece ends where the next begins, so the non-empty ones alone tile the tokens
    for names, column in zip(_PACKED, columns):
        total = np.add.reduceat(np.take(column, type_ids), cuts[nonempty])
        if len(names) == 1:
            sums[names[0]][nonempty] = total
        else:
            sums[names[0]][nonempty] = total & np.uint64(0xFFFFFFFF)
            sums[names[1]][nonempty] = total >> np.uint64(32)
    return sums


def _first_true(mask: np.ndarray, start: np.ndarray, end: np.ndarray, steps: int = 8) -> np.ndarray:
    """For each span ``[start[i], end[i])`` (``start[i] < len(mask)``), the first position where
    ``mask`` holds, ``end[i]`` if none. A span's match is nearly always at or just after its start
    (a word after a space or an opening quote): a few steps over the spans still open, each on
    fewer of them, then ``mask``'s positions for any left."""
    pos = np.minimum(start, end)
    todo = np.flatnonzero(~np.take(mask, start))
    at, stop = start[todo] + 1, end[todo]
    for _ in range(steps):
        if not len(todo):
            return pos
        settled = (at >= stop) | np.take(mask, at, mode="clip")
        pos[todo[settled]] = np.minimum(at[settled], stop[settled])
        left = ~settled
        todo, at, stop = todo[left], at[left] + 1, stop[left]
    if len(todo):
        where = np.append(np.flatnonzero(mask), len(mask))
        pos[todo] = np.minimum(where[np.searchsorted(where, at)], stop)
    return pos


def _last_true(mask: np.ndarray, start: np.ndarray, end: np.ndarray, steps: int = 8) -> np.ndarray:
    """For each span ``[start[i], end[i])`` that holds a position of ``mask``, one past the last."""
    pos = end.copy()
    todo = np.flatnonzero(~np.take(mask, end - 1))
    at = end[todo] - 2
    for _ in range(steps):
        if not len(todo):
            return pos
        settled = np.take(mask, at)
        pos[todo[settled]] = at[settled] + 1
        left = ~settled
        todo, at = todo[left], at[left] - 1
    if len(todo):
        where = np.flatnonzero(mask)
        pos[todo] = where[np.searchsorted(where, at, side="right") - 1] + 1
    return pos


def textstat_counts(corpus: Corpus) -> dict[str, np.ndarray]:
    """Per-document counts as textstat 0.7.8 computes them (see the module docstring)."""
    cp, cls = corpus.codepoints, corpus.char_classes
    offsets = corpus.offsets
    word_char = (cls & _chars.WORD) != 0
    contraction_apostrophes = _contraction_apostrophes(cp)
    kept = word_char
    if len(contraction_apostrophes):
        kept = word_char.copy()
        kept[contraction_apostrophes] = True

    # chunks = text.split(); words = chunks with a kept character, from the first to the last
    chunk_start, chunk_end = corpus.chunks
    first = _first_true(kept, chunk_start, chunk_end)
    is_word = first < chunk_end
    first_kept = first[is_word]
    word_end = chunk_end[is_word]
    last_kept = _last_true(kept, first_kept, word_end)

    # A word's type is the hash of its span from first to last kept character, with the other
    # characters as code 0 (never a kept character): "U.S" and "US" are two types with the same
    # string, which costs a row and saves compacting the kept characters. Case is kept: "The" and
    # "the" are two types with the same features.
    hashes = _chars.ordered_span_hashes(cp, first_kept, last_kept, keep=kept)
    # a type's string is its kept characters, lower-cased: textstat's word after remove_punctuation
    type_ids, unique = pd.factorize(hashes)
    first = np.empty(len(unique), dtype=np.int64)
    first[type_ids] = np.arange(len(type_ids))  # any occurrence of a type will do
    table = corpus.vocabulary.textstat
    types = table.type_set(
        np.asarray(unique, dtype=np.uint64), lambda i: _run_strings(cp, kept, first_kept[first[i]], last_kept[first[i]])
    )
    columns = _packed_columns(table, types)

    # items of document d: words[word_bounds[d]:word_bounds[d + 1]], likewise for chunks
    word_bounds = np.searchsorted(first_kept, offsets)  # a word's first kept character is in its document
    chunk_bounds = np.searchsorted(chunk_start, offsets)
    words = np.diff(word_bounds).astype(np.float64)
    chunks = np.diff(chunk_bounds).astype(np.float64)

    # Sentences: a match of \b[^.!?]+[.!?]* begins at the first \w character after the previous
    # match and runs to the next terminator run, so there is one match per run of non-terminators
    # (cut at document ends too) that holds a \w character. Terminators are few: the runs
    # between them come from their positions, not from a pass over every character.
    boundary = np.flatnonzero((cls & _chars.TERMINATOR) != 0)
    doc_ends = offsets[1:] - 1  # the separator after each document, never a terminator
    boundary = np.insert(boundary, np.searchsorted(boundary, doc_ends), doc_ends)
    seg_start = np.empty_like(boundary)
    seg_start[:1] = 0
    seg_start[1:] = boundary[:-1] + 1
    seg_end = boundary  # the corpus ends with a separator: no run follows the last boundary
    # every match starts at a \w character (a contraction apostrophe is followed by one)
    match_start = _first_true(word_char, seg_start, seg_end)
    has_match = match_start < seg_end
    match_start, match_end = match_start[has_match], seg_end[has_match]
    match_bounds = np.searchsorted(match_start, offsets)
    # textstat's word count of a match: the word at its start plus the chunks whose first kept
    # character lies after the start and before the end
    words_after_start = np.searchsorted(first_kept, match_start, side="right")
    long_enough = np.searchsorted(first_kept, match_end, side="left") - words_after_start > 1
    nonempty = np.diff(offsets) > len(DOC_SEPARATOR)
    sentences = np.where(nonempty, np.maximum(1, _per_doc_sums(match_bounds, long_enough.astype(np.int32))), 0)

    # The type counts of each document, split at the Linsear Write sample (its first 100 words).
    sample_stop = np.minimum(word_bounds[:-1] + _LINSEAR_SAMPLE, word_bounds[1:])
    cuts = np.empty(2 * corpus.n_docs + 1, dtype=np.intp)
    cuts[0:-1:2], cuts[1::2], cuts[-1] = word_bounds[:-1], sample_stop, word_bounds[-1]
    pieces = _piece_sums(type_ids, columns, cuts)
    sample = {name: values[0::2] for name, values in pieces.items()}
    per_doc = {name: sample[name] + values[1::2] for name, values in pieces.items()}

    # Linsear Write: the sentences up to the chunk of the 100th word.
    sample_end = offsets[1:].copy()
    cut = np.flatnonzero((words >= _LINSEAR_SAMPLE) & (chunks > _LINSEAR_SAMPLE))
    if len(cut):
        sample_end[cut] = word_end[word_bounds[cut] + _LINSEAR_SAMPLE - 1]
    match_doc = np.repeat(np.arange(corpus.n_docs), np.diff(match_bounds))
    limit = sample_end[match_doc]
    in_sample = match_start < limit
    sample_long = in_sample & long_enough
    crossing = np.flatnonzero(in_sample & (match_end > limit))  # at most one per document
    sample_long[crossing] = np.searchsorted(first_kept, limit[crossing], side="left") - words_after_start[crossing] > 1
    linsear_long = _per_doc_sums(match_bounds, sample_long.astype(np.int32))
    linsear_sentences = np.where(chunks > 0, np.maximum(1, linsear_long), 0)

    # \w characters of each document (int8 view: reduceat sums a bool array as bool)
    letters = np.add.reduceat(word_char.view(np.int8), offsets[:-1], dtype=np.int32) if corpus.n_docs else np.zeros(0)
    # non-space characters of each document: its length less its white space
    spaces = np.add.reduceat(corpus.space.view(np.int8), offsets[:-1], dtype=np.int32) if corpus.n_docs else np.zeros(0)
    return {
        "words": words,
        "sentences": sentences.astype(np.float64),
        **{name: per_doc[name] for name in _TYPE_COUNTS if name != "linsear_easy"},
        "letters": letters.astype(np.float64),
        "characters": (np.diff(offsets) - spaces).astype(np.float64),
        "chunks": chunks,
        "linsear_easy": sample["linsear_easy"],
        "linsear_hard": sample["polysyllables"],
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
