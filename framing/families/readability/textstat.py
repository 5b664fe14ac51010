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
from framing.core.language import DEFAULT_TEXTSTAT_LANG, textstat_lang_value
from framing.core.segment import DOC_SEPARATOR, Corpus
from framing.core.syllables import load_hyphenator

# count_arabic_syllables's characters: 1 for tanween and shadda (U+064B-U+064D, U+0651), 2 for the
# ones it removes before counting (alef U+0627, alef maksura U+0649, ? . ! , *); code points past
# the table read its last entry (0)
_ARABIC_CLASSES = np.zeros(0x0700, dtype=np.int8)
_ARABIC_CLASSES[[0x064B, 0x064C, 0x064D, 0x0651]] = 1
_ARABIC_CLASSES[[0x0627, 0x0649, *map(ord, "?.!,*")]] = 2

_LINSEAR_SAMPLE = 100


def _run_strings(codes: np.ndarray, kept: np.ndarray, lo: np.ndarray, hi: np.ndarray, lower: bool = True) -> list[str]:
    """The lower-cased strings of the kept characters of the code runs ``codes[lo[i]:hi[i]]``,
    decoded in one go.

    The runs are written one after the other with a space after each (a space is never a kept
    character, and it ends the context of ``str.lower``'s final-sigma rule as a string end does),
    so lower-casing and splitting the whole gives what each run's own ``.lower()`` gives; the
    characters that are not kept (written as code 0, never a kept character) go before
    lower-casing, as textstat removes them first.
    """
    if not len(lo):
        return []
    lengths = hi - lo
    # output slot -> source character: each run, then one slot for its space (one gather, no scatter)
    out_start = np.cumsum(lengths + 1) - (lengths + 1)
    space = out_start + lengths
    source = np.arange(int(space[-1]) + 1) + np.repeat(lo - out_start, lengths + 1)
    source[space] = 0
    out = codes[source] * kept[source]
    out[space] = 0x20
    joined = out.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass").replace("\x00", "")
    return (joined.lower() if lower else joined).split(" ")[:-1]


def _contraction_apostrophes(cp: np.ndarray, at: np.ndarray | None = None) -> np.ndarray:
    """Positions of ``'`` followed by ``t``, ``s``, ``d``, ``ve``, ``ll`` or ``re``; ``at``, if
    given, the positions of every ``'`` (sorted)."""
    at = np.flatnonzero(cp == 0x27) if at is None else at
    last = len(cp) - 1  # a corpus ends with DOC_SEPARATOR, so a text's ' always has two successors
    nxt, nxt2 = cp[np.minimum(at + 1, last)], cp[np.minimum(at + 2, last)]
    t, s, d, v, e, l, r = (ord(c) for c in "tsdvelr")  # noqa: E741  (each name is its letter)
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


# per word type, the textstat counts it adds to (besides syllables): polysyllable (3+), difficult
# word (not easy: Dale-Chall), complex word (difficult with the language's Fog threshold of
# syllables), Linsear "easy" word (1 or 2 syllables), monosyllable, difficult word of 2+ syllables
# (Spache, Dale-Chall v2, difficult_words), long words (more than 6 and more than 5 \w
# characters), mini words (3 or fewer) and faseeh words (Osman)
_FLAGS = (
    "polysyllables", "difficult_words", "complex_words", "linsear_easy", "monosyllables", "difficult_words_2",
    "long_words_6", "mini_words", "long_words_5", "faseeh",
)  # fmt: skip
_TYPE_COUNTS = ("syllables", "letters", *_FLAGS)
# Two counts share a uint64 in 32-bit halves: a half's sum over a document stays below 2**32, as a
# batch holds fewer than 2**31 characters. Syllables go with letters (a type's \w characters).
_PACKED = (("syllables", "letters"), *zip(_FLAGS[0::2], _FLAGS[1::2]))


def _packed_columns(flags: dict[str, np.ndarray], syllables: np.ndarray, letters: np.ndarray) -> list[np.ndarray]:
    """The :data:`_PACKED` columns of the batch's types, so that a token needs six lookups for its
    twelve counts."""
    new = {"syllables": syllables.astype(np.uint64), "letters": letters, **flags}
    columns = []
    for names in _PACKED:
        packed = new[names[0]].astype(np.uint64)
        if len(names) > 1:
            packed |= new[names[1]].astype(np.uint64) << np.uint64(32)
        columns.append(packed)
    return columns


def _type_flags(features, wlen: np.ndarray, threshold: int) -> dict[str, np.ndarray]:
    """The :data:`_FLAGS` of each type from its textstat features and its number of ``\\w`` characters."""
    syllables = features("syllables")
    hard = features("easy") == 0
    hard_syllables = features("difficult_syllables")
    poly = syllables >= 3
    # count_faseeh: count_arabic_syllables(word) is len(word) less its alefs, less 2, for a word of
    # \w characters (textstat's tashkeel marks are never \w, so its other branches never count)
    faseeh = (wlen - features("alefs") - 2 > 5) & (features("faseeh_marks") > 0)
    return {
        "polysyllables": poly, "difficult_words": hard, "complex_words": hard & (hard_syllables >= threshold),
        "linsear_easy": (syllables > 0) & ~poly, "monosyllables": syllables == 1,
        "difficult_words_2": hard & (hard_syllables >= 2), "long_words_6": wlen > 6, "mini_words": wlen <= 3,
        "long_words_5": wlen > 5, "faseeh": faseeh,
    }  # fmt: skip


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


def textstat_counts(corpus: Corpus, lang: str = DEFAULT_TEXTSTAT_LANG) -> dict[str, np.ndarray]:
    """Per-document counts as textstat 0.7.8 computes them after ``set_lang(lang)`` (see the
    module docstring)."""
    cp, cls = corpus.codepoints, corpus.char_classes
    offsets = corpus.offsets
    n_docs = corpus.n_docs
    # \w or white space (one temporary for both tests: a character is never both)
    word_or_space = cls & (_chars.WORD | _chars.SPACE)
    word_char = word_or_space == _chars.WORD
    # The characters that are neither \w nor white space: 3 % of English news. Every character
    # test below other than those two reads only them (apostrophes, terminators, Arabic marks),
    # and inside a word's span they are the characters that are not \w (a span has no white space).
    other = np.flatnonzero(word_or_space == 0)
    del word_or_space
    contraction_apostrophes = _contraction_apostrophes(cp, other[cp[other] == 0x27])
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
    # (inside a span, the characters that are not kept are those of ``other`` that are not
    # contraction apostrophes: zeroed by position, without a pass over ``kept``)
    dropped = other
    if len(contraction_apostrophes):
        dropped = np.delete(other, np.searchsorted(other, contraction_apostrophes))
    hashes = _chars.ordered_span_hashes(cp, first_kept, last_kept, drop=dropped)
    # a type's string is its kept characters, lower-cased: textstat's word after remove_punctuation
    # (a news batch has about one type per ten tokens: the hint sizes the hash table for that)
    type_ids, unique = _chars.factorize_ints(hashes, len(hashes) // 8)
    del hashes, dropped, is_word  # token-sized arrays go once done (a lower peak for a batch)
    # each type's first occurrence (any would do): in type order, so that the searches below
    # for the types' spans are in increasing order, which keeps numpy's binary search in cache
    first = np.empty(len(unique), dtype=np.int64)
    first[type_ids[::-1]] = np.arange(len(type_ids) - 1, -1, -1)
    table = corpus.vocabulary.textstat_table(lang)
    load_hyphenator(lang)  # once per process: see load_hyphenator
    types = table.type_set(
        np.asarray(unique, dtype=np.uint64), lambda i: _run_strings(cp, kept, first_kept[first[i]], last_kept[first[i]])
    )
    # a type's \w characters (textstat's rm_apostrophe=True word: long words, mini words): its
    # span less the characters of ``other`` inside it
    type_lo, type_hi = first_kept[first], last_kept[first]
    type_letters = (type_hi - type_lo) - (np.searchsorted(other, type_hi) - np.searchsorted(other, type_lo))
    type_wlen = type_letters.astype(np.float64)
    threshold = textstat_lang_value(lang, "syllable_threshold")
    flags = _type_flags(lambda name: table.features(name, types), type_wlen, 3 if threshold is None else int(threshold))
    columns = _packed_columns(flags, table.features("syllables", types), type_letters.astype(np.uint64))

    # items of document d: words[word_bounds[d]:word_bounds[d + 1]], likewise for chunks
    word_bounds = np.searchsorted(first_kept, offsets)  # a word's first kept character is in its document
    chunk_bounds = np.searchsorted(chunk_start, offsets)
    words = np.diff(word_bounds).astype(np.float64)
    chunks = np.diff(chunk_bounds).astype(np.float64)

    # Sentences: a match of \\b[^.!?]+[.!?]* begins at the first \w character after the previous
    # match and runs to the next terminator run, so there is one match per run of non-terminators
    # (cut at document ends too) that holds a \w character. Terminators are few: the runs
    # between them come from their positions, not from a pass over every character.
    boundary = other[(cls[other] & _chars.TERMINATOR) != 0]
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
    cuts = np.empty(2 * n_docs + 1, dtype=np.intp)
    cuts[0:-1:2], cuts[1::2], cuts[-1] = word_bounds[:-1], sample_stop, word_bounds[-1]
    pieces = _piece_sums(type_ids, columns, cuts)
    sample = {name: values[0::2] for name, values in pieces.items()}
    per_doc = {name: sample[name] + values[1::2] for name, values in pieces.items()}

    # Linsear Write: the sentences up to the chunk of the 100th word.
    sample_end = offsets[1:].copy()
    cut = np.flatnonzero((words >= _LINSEAR_SAMPLE) & (chunks > _LINSEAR_SAMPLE))
    if len(cut):
        sample_end[cut] = word_end[word_bounds[cut] + _LINSEAR_SAMPLE - 1]
    match_doc = np.repeat(np.arange(n_docs), np.diff(match_bounds))
    limit = sample_end[match_doc]
    in_sample = match_start < limit
    sample_long = in_sample & long_enough
    crossing = np.flatnonzero(in_sample & (match_end > limit))  # at most one per document
    sample_long[crossing] = np.searchsorted(first_kept, limit[crossing], side="left") - words_after_start[crossing] > 1
    linsear_long = _per_doc_sums(match_bounds, sample_long.astype(np.int32))
    linsear_sentences = np.where(chunks > 0, np.maximum(1, linsear_long), 0)

    # difficult_words(unique=True): distinct strings (case kept) among the difficult words. A type
    # whose span holds no character that is dropped is its string, so distinct types are distinct
    # strings; only when some difficult type has a dropped character inside ("U.S") are the
    # strings compared: by hash, as types are (a clean type's hash is its string's hash).
    hard_types = np.flatnonzero(flags["difficult_words_2"])
    unique_hard = np.zeros(n_docs)
    if len(hard_types):
        lo, hi = type_lo[hard_types], type_hi[hard_types]
        # kept characters of each span: its \w characters and its contraction apostrophes
        kept_count = type_letters[hard_types]
        if len(contraction_apostrophes):
            in_span = np.searchsorted(contraction_apostrophes, hi) - np.searchsorted(contraction_apostrophes, lo)
            kept_count = kept_count + in_span
        dirty = np.flatnonzero(kept_count != hi - lo)
        string_of_type = np.full(len(unique), -1, dtype=np.int64)
        if not len(dirty):
            string_of_type[hard_types] = np.arange(len(hard_types))
        else:
            keys = np.asarray(unique, dtype=np.uint64)[hard_types]
            # the strings' hashes from their kept characters gathered end to end (a run's hash
            # does not depend on where it stands: each is its string's string_hashes value), not
            # decoded: in French most difficult types hold a dropped apostrophe ("l'administration")
            lo_d, span = lo[dirty], hi[dirty] - lo[dirty]
            out_start = np.cumsum(span) - span
            source = np.arange(int(span.sum())) + np.repeat(lo_d - out_start, span)
            source = source[kept[source]]
            size = kept_count[dirty]
            start = np.cumsum(size) - size
            keys[dirty] = _chars.span_hashes(cp[source], start, start + size)
            string_of_type[hard_types] = _chars.factorize_ints(keys, len(keys))[0]
        token_string = string_of_type[type_ids]
        # each difficult token's (document, string) pair as one integer (the words of document d
        # are words[word_bounds[d]:word_bounds[d + 1]])
        hard_tokens = np.flatnonzero(token_string >= 0)
        token_doc = np.searchsorted(word_bounds, hard_tokens, side="right") - 1
        pair = token_doc * (len(hard_types) + 1) + token_string[hard_tokens]
        # the distinct pairs (pd.unique hashes them: far faster than np.unique's sort)
        pairs = pd.unique(pair)
        del pair, token_string, hard_tokens, token_doc
        unique_hard = np.bincount(pairs // (len(hard_types) + 1), minlength=n_docs).astype(np.float64)

    doc_lengths = np.diff(offsets) - len(DOC_SEPARATOR)
    # non-space characters of each document: its \w characters and its characters of ``other``
    # (no character is both, and each is one of them or white space)
    characters = per_doc["letters"] + np.diff(np.searchsorted(other, offsets))
    # count_arabic_syllables(text): the characters left after removing alefs, ? . ! , * and white
    # space, less 2, plus twice the tanween and shadda marks (its tashkeel branches never count,
    # as list_words keeps only \w characters). Of the characters it reads, the alefs alone are \w
    # (counted by word type) and none is white space: the others are among ``other``.
    arabic = np.take(_ARABIC_CLASSES, cp[other], mode="clip")
    marked = np.flatnonzero(arabic != 0)
    marked_doc = np.searchsorted(offsets, other[marked], side="right") - 1
    marked_class = arabic[marked]
    stress = np.bincount(marked_doc[marked_class == 1], minlength=n_docs)
    removed = np.bincount(marked_doc[marked_class == 2], minlength=n_docs)
    alefs = table.features("alefs", types)
    if alefs.any():
        token_doc = np.repeat(np.arange(n_docs), np.diff(word_bounds))
        removed = removed + np.bincount(token_doc, weights=alefs[type_ids], minlength=n_docs).astype(np.int64)
    return {
        "words": words,
        "sentences": sentences.astype(np.float64),
        **{name: per_doc[name] for name in _TYPE_COUNTS if name != "linsear_easy"},
        "characters": characters.astype(np.float64),
        "all_characters": doc_lengths.astype(np.float64),
        "chunks": chunks,
        "linsear_easy": sample["linsear_easy"],
        "linsear_hard": sample["polysyllables"],
        "linsear_sentences": linsear_sentences.astype(np.float64),
        "linsear_easy_all": per_doc["linsear_easy"],
        "unique_difficult_words": unique_hard,
        "arabic_syllables": (characters - removed - 2 + 2 * stress).astype(np.float64),
    }


def _guard(undefined: np.ndarray, values: np.ndarray) -> np.ndarray:
    return np.where(undefined, 0.0, values)


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a / b``, 0 where ``b`` is 0 (textstat's ``except ZeroDivisionError: return 0.0``): the
    division only where ``b > 0``, so no warning to silence."""
    return np.divide(a, b, out=np.zeros(np.broadcast_shapes(np.shape(a), np.shape(b))), where=b > 0)


def _grades(score: np.ndarray) -> list[np.ndarray]:
    return [np.floor(score), np.ceil(score), np.round(score)]  # math.floor, math.ceil, round (half to even)


def _consensus(grades: np.ndarray) -> np.ndarray:
    """Per row, the most frequent grade, ties to the one met first (``Counter.most_common(1)``)."""
    same = grades[:, :, None] == grades[:, None, :]
    counts = same.sum(axis=2)
    return grades[np.arange(len(grades)), np.argmax(counts, axis=1)] if len(grades) else np.zeros(0)


def _text_standard(f: dict[str, np.ndarray]) -> np.ndarray:
    """textstat's ``text_standard(text, float_output=True)``: the consensus of eight formulas'
    grades. NaN where a formula it needs is NaN (textstat raises)."""
    fre = f["flesch_reading_ease"]
    fre_grade = np.select(
        [(fre < 100) & (fre >= 90), (fre < 90) & (fre >= 80), (fre < 80) & (fre >= 70), (fre < 70) & (fre >= 60),
         (fre < 60) & (fre >= 50), (fre < 50) & (fre >= 40), (fre < 40) & (fre >= 30)],
        [5, 6, 7, 8, 10, 11, 12], 13,
    ).astype(np.float64)  # fmt: skip
    second = np.where((fre < 70) & (fre >= 60), 9.0, np.nan)  # 60-70 appends 8 and 9
    columns = [
        *_grades(f["flesch_kincaid_grade"]), fre_grade, second,
        *(g for name in ("smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
                         "linsear_write_formula", "gunning_fog") for g in _grades(f[name])),
    ]  # fmt: skip
    grades = np.stack(columns, axis=1) if len(fre) else np.zeros((0, len(columns)))
    # where 60 <= FRE < 70 does not hold, slot 4 holds a value no other grade takes: counted once,
    # it never wins (a grade met earlier is counted at least as often)
    grades[:, 4] = np.where(np.isnan(grades[:, 4]), 1e300, grades[:, 4])
    raises = np.isnan(fre) | np.isnan(f["gunning_fog"])
    return np.where(raises, np.nan, _consensus(np.where(raises[:, None], 0.0, grades)))


def textstat_formulas(c: dict[str, np.ndarray], lang: str = DEFAULT_TEXTSTAT_LANG) -> dict[str, np.ndarray]:
    """Every textstat 0.7.8 measure of a text (default arguments), from :func:`textstat_counts`,
    with textstat's zero guards; NaN where textstat raises for ``lang`` (a missing ``LANG_CONFIGS``
    key: Flesch Reading Ease and Szigriszt-Pazos in Polish, Gunning Fog and the text standard in
    German, Spanish, French, Italian, Dutch and Russian)."""
    words, sentences, syllables = c["words"], c["sentences"], c["syllables"]
    chunks, letters, characters = c["chunks"], c["letters"], c["characters"]
    wps = _ratio(words, sentences)
    spw = _ratio(syllables, words)
    cpw = _ratio(characters, chunks)  # chars_per_word counts punctuation-only chunks as words
    lpw = _ratio(letters, words)
    sentences_per_word = _ratio(sentences, words)
    no_words = words == 0
    flesch_undefined = (wps == 0) | (spw == 0)

    def constant(key: str) -> float:
        value = textstat_lang_value(lang, key)
        return np.nan if value is None else float(value)

    fre_base = constant("fre_base")
    fre = _guard(flesch_undefined, fre_base - constant("fre_sentence_length") * wps - constant("fre_syll_per_word") * spw)
    fkgl = _guard(flesch_undefined, 0.39 * wps + 11.8 * spw - 15.59)
    # gunning_fog reads its threshold before anything else: it raises even for an empty text
    fog = _guard(no_words, 0.4 * (wps + _ratio(100 * c["complex_words"], words))) + 0 * constant("syllable_threshold")
    # textstat's ``x ** 0.5`` is C's pow(), which is not always sqrt's correctly rounded value:
    # one Python power per document, not np.sqrt, gives its last digit
    root = np.array([value**0.5 for value in (30 * _ratio(c["polysyllables"], sentences)).tolist()], dtype=np.float64)
    smog = np.where(sentences > 0, 1.043 * root + 3.1291, 0.0)
    letters_100, sentences_100 = lpw * 100, sentences_per_word * 100
    cli = _guard((letters_100 == 0) | (sentences_100 == 0), 0.058 * letters_100 - 0.296 * sentences_100 - 15.8)
    ari = _guard((cpw == 0) | (wps == 0), 4.71 * cpw + 0.5 * wps - 21.43)
    pdw = _ratio(100 * c["difficult_words"], words)
    dale_chall = _guard(no_words, 0.1579 * pdw + 0.0496 * wps + np.where(pdw > 5, 3.6365, 0.0))
    linsear = _linsear(c["linsear_easy"], c["linsear_hard"], c["linsear_sentences"])
    pdw2 = _ratio(100 * c["difficult_words_2"], words)
    dale_chall_v2_raw = 0.1579 * pdw2 + 0.0496 * wps
    long6 = c["long_words_6"]
    ms, iw, es = (_ratio(100 * c[k], words) for k in ("polysyllables", "long_words_6", "monosyllables"))
    wiener = {
        1: 0.1935 * ms + 0.1672 * wps + 0.1297 * iw - 0.0327 * es - 0.875,
        2: 0.2007 * ms + 0.1682 * wps + 0.1373 * iw - 2.779,
        3: 0.2963 * ms + 0.1905 * wps - 1.1144,
        4: 0.2744 * ms + 0.2656 * wps - 1.693,
    }
    out = {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkgl,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
        "automated_readability_index": ari,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear,
        # counts (textstat's own names)
        "char_count": characters,
        "letter_count": letters,
        "lexicon_count": words,
        "sentence_count": sentences,
        "syllable_count": syllables,
        "miniword_count": c["mini_words"],
        "polysyllabcount": c["polysyllables"],
        "monosyllabcount": c["monosyllables"],
        "long_word_count": long6,
        "difficult_words": c["unique_difficult_words"],
        # averages
        "avg_sentence_length": wps,
        "words_per_sentence": wps,
        "avg_syllables_per_word": spw,
        "avg_character_per_word": cpw,
        "avg_letter_per_word": lpw,
        "avg_sentence_per_word": sentences_per_word,
        # the other formulas
        "lix": _guard(no_words, wps + _ratio(100 * long6, words)),
        "rix": _ratio(long6, sentences),
        "spache_readability": _guard(no_words, 0.141 * wps + 0.086 * pdw2 + 0.839),
        "dale_chall_readability_score_v2": _guard(no_words, np.where(dale_chall_v2_raw > 0.05, dale_chall_v2_raw + 3.6365, dale_chall_v2_raw)),
        "reading_time": READING_MS_PER_CHAR * characters / 1000,
        "mcalpine_eflaw": _ratio(words + c["mini_words"], sentences),
        "fernandez_huerta": _guard(flesch_undefined, 206.84 - 60 * spw - 1.02 * wps),
        # get_lang_cfg is read before the division: Polish raises even without words
        "szigriszt_pazos": _guard((words == 0) | (sentences == 0), fre_base - 62.3 * spw - wps) + 0 * fre_base,
        "gutierrez_polini": _guard((lpw == 0) | (wps == 0), 95.2 - 9.7 * lpw - 0.35 * wps),
        "crawford": _guard((sentences_per_word == 0) | (spw == 0), -0.205 * (100 * sentences_per_word) + 0.049 * (100 * spw) - 3.407),
        "gulpease_index": _guard((sentences_per_word == 0) | (cpw == 0), 300 * sentences_per_word - 10 * cpw + 89),
        **{f"wiener_sachtextformel_{v}": _guard(no_words, value) for v, value in wiener.items()},
        # Arabic (textstat applies no language to these)
        "count_complex_arabic_words": np.zeros_like(words),  # > 5 tashkeel marks in a word of \w characters: never
        "count_arabic_syllables": c["arabic_syllables"],
        "count_faseeh": c["faseeh"],
        "count_arabic_long_words": c["long_words_5"],
        "osman": _guard(
            no_words,
            # textstat's order of additions: complex, syllables, faseeh, long words (each per word)
            200.791 - 1.015 * wps - 24.181 * (
                _ratio(np.zeros_like(words), words) + _ratio(c["arabic_syllables"], words) + _ratio(c["faseeh"], words)
                + _ratio(c["long_words_5"], words)
            ),
        ),
    }
    out["text_standard"] = _text_standard(out)
    return out


def _linsear(easy: np.ndarray, hard: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        number = np.where(sentences > 0, (easy + 3 * hard) / np.where(sentences > 0, sentences, 1), np.nan)
    return np.where(np.isnan(number), 0.0, np.where(number <= 20, number - 2, number) / 2)


#: textstat's ``reading_time`` default reading speed (Demberg & Keller 2008), ms per character.
READING_MS_PER_CHAR = 14.69

#: Every textstat 0.7.8 function that scores a text, as a column (``readability.<name>``; the
#: Wiener Sachtextformel once per variant), in :func:`textstat_formulas` order.
TEXTSTAT_MEASURES: tuple[str, ...] = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "linsear_write_formula",
    "char_count", "letter_count", "lexicon_count", "sentence_count", "syllable_count", "miniword_count",
    "polysyllabcount", "monosyllabcount", "long_word_count", "difficult_words", "avg_sentence_length",
    "words_per_sentence", "avg_syllables_per_word", "avg_character_per_word", "avg_letter_per_word",
    "avg_sentence_per_word", "lix", "rix", "spache_readability", "dale_chall_readability_score_v2",
    "reading_time", "mcalpine_eflaw", "fernandez_huerta", "szigriszt_pazos", "gutierrez_polini", "crawford",
    "gulpease_index", "wiener_sachtextformel_1", "wiener_sachtextformel_2", "wiener_sachtextformel_3",
    "wiener_sachtextformel_4", "count_complex_arabic_words", "count_arabic_syllables", "count_faseeh",
    "count_arabic_long_words", "osman", "text_standard",
)  # fmt: skip
