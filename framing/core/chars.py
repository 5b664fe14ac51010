"""Code-point tables and span hashing: the vectorised base of the segmenter.

A batch of texts is joined into one string and turned into an array of code points once. Every
character test used downstream (is it a word character, white space, a letter, upper case) is a
lookup in a table indexed by code point, so it runs over the whole batch in numpy.

Word types are identified by a 64-bit polynomial hash of their characters, computed for all words
of the batch at once. Two different strings share a hash with probability about
``n_types**2 / 2**64`` (below 1e-7 for a million types).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

WORD = np.uint16(1)  # matches Python's ``\w``
SPACE = np.uint16(2)  # matches Python's ``\s`` (same as ``str.isspace``)
ALNUM = np.uint16(4)  # ``\w`` without the underscore
ALPHA = np.uint16(8)  # ``str.isalpha``
UPPER = np.uint16(16)  # ``str.isupper`` (Basic Multilingual Plane)
DIGIT = np.uint16(32)  # ``str.isdigit``
TERMINATOR = np.uint16(64)  # ``. ! ?``: textstat's sentence terminators
LINE_BREAK = np.uint16(128)  # ``\n \r`` U+2028 U+2029
APOSTROPHE = np.uint16(256)  # ``' ’ ʼ``
HYPHEN = np.uint16(512)  # ``- ‐ ‑``
PERIOD = np.uint16(1024)  # ``.``
COMMA = np.uint16(2048)  # ``,``
ASCII_APOSTROPHE = np.uint16(4096)  # ``'``
SENTENCE_MARK = np.uint16(8192)  # ``. ? ! …``: may end a sentence when white space follows
WIDE_MARK = np.uint16(16384)  # ``。 ． ？ ！``: full-width marks, end a sentence
CLOSER = np.uint16(32768)  # closing quotes and brackets that stay with the sentence before them

_SINGLE = {
    TERMINATOR: ".!?",
    LINE_BREAK: "\n\r\u2028\u2029",
    APOSTROPHE: "'\u2019\u02bc",
    HYPHEN: "-\u2010\u2011",
    PERIOD: ".",
    COMMA: ",",
    ASCII_APOSTROPHE: "'",
    SENTENCE_MARK: ".?!\u2026",
    WIDE_MARK: "\u3002\uff0e\uff1f\uff01",
    CLOSER: "\"'\u201d\u2019\u00bb)]\u300d\u300f",
}

N_CODEPOINTS = sys.maxunicode + 1
_BMP = 0x10000

_HASH_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd, so it is invertible modulo 2**64
_LENGTH_MIX = np.uint64(0xC2B2AE3D27D4EB4F)


_WORD_RE, _SPACE_RE, _ALNUM_RE = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"[^\W_]")


def _flags_of(cp: int) -> int:
    """The bit flags of one code point (the definitions beside the flags above)."""
    ch = chr(cp)
    flags = 0
    if _WORD_RE.match(ch):
        flags |= WORD
    if _SPACE_RE.match(ch):
        flags |= SPACE
    if _ALNUM_RE.match(ch):
        flags |= ALNUM
    if cp < _BMP:
        if ch.isalpha():
            flags |= ALPHA
        if ch.isupper():
            flags |= UPPER
        if ch.isdigit():
            flags |= DIGIT
    for flag, chars in _SINGLE.items():
        if ch in chars:
            flags |= flag
    return flags


def _lower_of(cp: int) -> int:
    """Lower-case code point; identity outside the BMP and where ``str.lower`` gives several."""
    if cp >= _BMP:
        return cp
    low = chr(cp).lower()
    return ord(low) if len(low) == 1 else cp


class CodepointTable:
    """A per-code-point table whose entries are computed the first time a batch holds the code point.

    Filling all 1.1 million entries up front was a large part of every start-up, for the few
    hundred code points a corpus uses. The table is bounded (one entry per code point, a few MB when
    full) and its entries are a pure function of the code point and Python's Unicode database, so
    the order in which batches fill it never changes a result.

    Entries are stored inverted (bitwise NOT), so that the zeros of a fresh table (pages the
    system has not even mapped yet) read as "not computed": no entry may be the largest value of
    ``dtype`` (no code point is both ``\\w`` and white space; no lower-case code point is
    2**32 - 1). A lookup is one ``np.take``, one minimum and one NOT in place, not a second
    ``np.take`` of a table of flags.

    Examples
    --------
    >>> table = CodepointTable(np.uint32, _lower_of)
    >>> table.take(np.array([ord("A"), ord("b")])).tolist()
    [97, 98]
    """

    def __init__(self, dtype: type, compute: Callable[[int], int]) -> None:
        self.inverted = np.zeros(N_CODEPOINTS, dtype=dtype)  # ~value; 0: not computed yet
        self.compute = compute
        self._lock = threading.Lock()

    def take(self, codepoints: np.ndarray) -> np.ndarray:
        """The table's values at ``codepoints`` (any shape of integer array)."""
        codepoints = np.asarray(codepoints)
        values = np.take(self.inverted, codepoints)  # np.take: fancy indexing with uint32 is ~3x slower
        if values.size and values.min() == 0:
            missing = values == 0
            new = unique_ints(codepoints[missing])
            computed = ~np.array([self.compute(cp) for cp in new.tolist()], dtype=self.inverted.dtype)
            if not computed.all():
                raise ValueError("a code point's entry is the largest value of the dtype, the mark of no entry")
            with self._lock:
                self.inverted[new] = computed
            values[missing] = np.take(self.inverted, codepoints[missing])
        return np.invert(values, out=values)

    def full(self) -> np.ndarray:
        """The whole table (computes every entry not yet known: slow, for tests and tools)."""
        return self.take(np.arange(N_CODEPOINTS))


_CHAR_CLASSES = CodepointTable(np.uint16, _flags_of)
_LOWER = CodepointTable(np.uint32, _lower_of)


def classes_of(codepoints: np.ndarray) -> np.ndarray:
    """Bit flags (``WORD``, ``SPACE``, ``ALNUM``, … as defined above) of each code point.

    Examples
    --------
    >>> [bool(f & ALPHA) for f in classes_of(np.array([ord("a"), ord(" ")]))]
    [True, False]
    """
    return _CHAR_CLASSES.take(codepoints)


def lower_of(codepoints: np.ndarray) -> np.ndarray:
    """Lower-case code point of each code point; identity where ``str.lower`` gives several."""
    return _LOWER.take(codepoints)


def char_classes() -> np.ndarray:
    """Bit flags for every code point (the full table: every entry computed, slow)."""
    return _CHAR_CLASSES.full()


def lower_table() -> np.ndarray:
    """Lower-case code point of every code point (the full table)."""
    return _LOWER.full()


def runs(mask: np.ndarray, value: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of ``value`` (True by default) in a boolean array.

    One comparison of neighbours and one ``flatnonzero`` over the array padded with ``not value``
    at both ends, where the changes alternate between starts and ends.

    Examples
    --------
    >>> runs(np.array([True, True, False, True]))
    (array([0, 3]), array([2, 4]))
    >>> runs(np.array([True, True, False, True]), False)
    (array([2]), array([3]))
    """
    padded = np.empty(len(mask) + 2, dtype=bool)
    padded[0] = padded[-1] = not value
    padded[1:-1] = mask
    changes = np.flatnonzero(padded[1:] != padded[:-1])
    return changes[0::2].copy(), changes[1::2].copy()


def covered(starts: np.ndarray, ends: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Whether each position lies in one of the spans ``[starts[i], ends[i])``.

    ``starts`` must be sorted; spans may overlap or nest (a later span can end before an earlier
    one), so each position is compared with the furthest end of the spans that start at or before it.

    Examples
    --------
    >>> covered(np.array([0, 2, 10]), np.array([8, 4, 12]), np.array([1, 5, 8, 11])).tolist()
    [True, True, False, True]
    """
    positions = np.asarray(positions)
    if len(starts) == 0 or len(positions) == 0:
        return np.zeros(len(positions), dtype=bool)
    reach = np.maximum.accumulate(ends)
    last = np.searchsorted(starts, positions, side="right") - 1
    return (last >= 0) & (reach[np.maximum(last, 0)] > positions)


def unique_ints(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D integer array, computed by sorting.

    The same sorted distinct values as :func:`numpy.unique`; since numpy 2.3 that function finds
    them with a hash table, many times slower than a sort on large arrays of spread-out keys
    (e.g. ``sentence * n_types + type`` pairs, as in the style family's lead restatements). The sort is
    numpy's stable one (timsort for 32- and 64-bit keys), several times faster than the default
    quicksort on the nearly sorted keys the families pass (sentence-major pairs, rows of a table
    that grows at the end), a little slower on random ones; the values are the same either way.

    Examples
    --------
    >>> unique_ints(np.array([5, 1, 5, 3, 1])).tolist()
    [1, 3, 5]
    """
    ordered = np.sort(np.asarray(values).ravel(), kind="stable")
    if len(ordered) < 2:
        return ordered
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def _hash_table(values: np.ndarray, size_hint: int):
    """A pandas hash table for ``values`` (int64 or uint64) with room for ``size_hint`` keys, or
    None where pandas' internal module does not have it."""
    try:
        from pandas._libs import hashtable
    except ImportError:  # pragma: no cover - pandas without the module: the public functions
        return None
    kind = getattr(hashtable, "UInt64HashTable" if values.dtype == np.uint64 else "Int64HashTable", None)
    return None if kind is None else kind(max(int(size_hint), 8))


def factorize_ints(values: np.ndarray, size_hint: int) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values)`` of a 1-D int64 or uint64 array (codes as int64, in order of first
    occurrence, and the distinct values), with a hash table sized for ``size_hint`` distinct values.

    ``pd.factorize`` sizes its table for ``len(values)`` distinct values: for word tokens, ten
    times more than the types they hold, a table larger than the CPU caches (and, in a process's
    first batch, fresh memory to map). A hint that is too small only costs the table's growth;
    the codes never depend on it.

    Examples
    --------
    >>> codes, uniques = factorize_ints(np.array([7, 3, 7, 9], dtype=np.uint64), 2)
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 0, 2], [7, 3, 9])
    """
    values = np.ascontiguousarray(values)
    table = _hash_table(values, size_hint) if values.dtype in (np.int64, np.uint64) else None
    if table is not None:
        try:  # pandas' internal API: a change in a later pandas falls back to the public function
            uniques, codes = (np.asarray(x) for x in table.factorize(values))
            # what pd.factorize gives: one code per value, each value's code pointing back at it
            if codes.shape == values.shape and uniques.dtype == values.dtype and (
                    len(values) == 0 or (codes.min() >= 0 and codes.max() < len(uniques) and bool((uniques[codes[:1]] == values[:1]).all()))):
                return codes.astype(np.int64, copy=False), uniques
        except (TypeError, ValueError, AttributeError):
            pass
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64, copy=False), np.asarray(uniques)


@lru_cache(maxsize=32)
def char_table(chars: str) -> np.ndarray:
    """A boolean lookup table over code points, True at the characters of ``chars`` (up to the largest;
    the last entry stands for every larger code point): read it with :func:`in_char_table`.

    Examples
    --------
    >>> in_char_table(char_table(",;"), codepoints("a,b;\u201c")).tolist()
    [False, True, False, True, False]
    """
    table = np.zeros(max(map(ord, chars)) + 2, dtype=bool)
    table[[ord(c) for c in chars]] = True
    table.setflags(write=False)  # shared by every caller of the cache
    return table


def in_char_table(table: np.ndarray, cps: np.ndarray) -> np.ndarray:
    """Whether each code point of ``cps`` is one of the characters of ``table`` (:func:`char_table`)."""
    return table[np.minimum(cps, len(table) - 1)]


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates pass through)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_HASH_BASE_INV = np.uint64(pow(int(_HASH_BASE), -1, 2**64))
_CACHED_POWERS = 1 << 24  # keep base**±i for i below this (2 x 128 MiB at most)
_POWERS = np.ones(1, dtype=np.uint64)
_INV_POWERS = np.ones(1, dtype=np.uint64)


def _power_table(base: np.uint64, n: int, known: np.ndarray | None = None) -> np.ndarray:
    """``base**i`` modulo 2**64 for ``i < n``, by doubling: ``table[k:2k] = table[:k] * base**k``
    is one vectorised multiply, where ``cumprod`` would be a chain of dependent ones. ``known``,
    a shorter table of the same base, is copied rather than computed again."""
    table = np.empty(max(n, 1), dtype=np.uint64)
    table[0] = 1
    done = 1
    if known is not None and 1 < len(known) <= n:
        table[: len(known)] = known
        done = len(known)
    with np.errstate(over="ignore"):
        while done < n:
            step = min(done, n - done)
            np.multiply(table[:step], table[done - 1] * base, out=table[done : done + step])
            done += step
    return table[:n]


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``base**i`` and ``base**-i`` modulo 2**64 for ``i < n``; cached up to ``_CACHED_POWERS``."""
    global _POWERS, _INV_POWERS
    if n > _CACHED_POWERS:
        return _power_table(_HASH_BASE, n), _power_table(_HASH_BASE_INV, n)
    if len(_POWERS) < n:
        size = min(max(n, 2 * len(_POWERS)), _CACHED_POWERS)
        _POWERS, _INV_POWERS = _power_table(_HASH_BASE, size, _POWERS), _power_table(_HASH_BASE_INV, size, _INV_POWERS)
    return _POWERS, _INV_POWERS


def prefix_sums(codes: np.ndarray, zero: np.ndarray | None = None) -> np.ndarray:
    """``prefix[k] = sum(codes[j] * base**j for j < k)`` modulo 2**64 (length ``len(codes) + 1``):
    the one pass over the characters behind :func:`span_hashes` and :func:`hashes_from_prefix`.
    With ``zero``, positions of ``codes`` that count as code 0."""
    n = len(codes)
    powers, _ = _powers(n + 1)
    prefix = np.empty(n + 1, dtype=np.uint64)
    prefix[0] = 0
    with np.errstate(over="ignore"):
        np.multiply(codes, powers[:n], out=prefix[1:], dtype=np.uint64, casting="unsafe")
        if zero is not None and len(zero):
            prefix[zero + 1] = 0
        np.cumsum(prefix[1:], out=prefix[1:])
    return prefix


def hashes_from_prefix(prefix: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """:func:`span_hashes` of the runs ``[lo[i], hi[i])`` from the :func:`prefix_sums` of their codes."""
    _, inv_powers = _powers(len(prefix))
    with np.errstate(over="ignore"):
        hashes = prefix[hi]
        hashes -= prefix[lo]
        hashes *= inv_powers[lo]
        hashes ^= (hi - lo).astype(np.uint64) * _LENGTH_MIX
    return hashes


def span_hashes(codes: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """64-bit hashes of the code runs ``codes[lo[i]:hi[i]]``.

    ``codes`` are per-character codes, e.g. the code points of the characters that make up words.
    A run's hash is ``sum(code[j] * base**(j - lo)) ^ length * mix`` modulo 2**64, computed from
    one prefix sum over ``codes`` (two passes: multiply, cumulative sum), so equal runs hash alike
    wherever they stand; mixing in the length keeps runs that differ only by code-0 characters apart.
    """
    return hashes_from_prefix(prefix_sums(codes), lo, hi)


def ordered_span_hashes(
    codes: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    *,
    keep: np.ndarray | None = None,
    drop: np.ndarray | None = None,
    section: int = 1 << 16,
) -> np.ndarray:
    """:func:`span_hashes` of runs in order (``lo`` and ``hi`` both non-decreasing), a section of
    ``codes`` at a time; with ``keep``, a boolean array like ``codes``, the codes where it is
    False count as 0; with ``drop``, sorted positions of ``codes``, the codes there count as 0
    (the same hashes as ``keep`` False at those positions, without a pass over ``keep``: for
    the few positions inside the runs that a caller already knows). ``drop`` needs runs that do
    not overlap (each ``lo`` at or after the previous ``hi``, as word spans are); ``keep`` does not.

    A run's hash does not depend on where it stands, so each section of about ``section`` codes
    (whole runs) gets a prefix sum of its own: the powers of the base are needed up to a section's
    length rather than the batch's (no table to grow when a batch is longer than any before), and
    the sum stays in the CPU cache.

    Examples
    --------
    >>> codes = codepoints("catdogcat" * 20000)
    >>> lo = np.arange(0, len(codes) - 2, 3); hi = lo + 3
    >>> bool((ordered_span_hashes(codes, lo, hi, section=1000) == span_hashes(codes, lo, hi)).all())
    True
    >>> keep = codes != ord("o")
    >>> bool((ordered_span_hashes(codes, lo, hi, keep=keep) == span_hashes(codes * keep, lo, hi)).all())
    True
    >>> drop = np.flatnonzero(~keep)
    >>> bool((ordered_span_hashes(codes, lo, hi, drop=drop, section=1000) == span_hashes(codes * keep, lo, hi)).all())
    True
    """
    hashes = np.empty(len(lo), dtype=np.uint64)
    cuts = unique_ints(np.searchsorted(lo, np.arange(0, len(codes) + section, section)))
    if drop is not None:
        drop_cuts = np.searchsorted(drop, lo[cuts[:-1]]).tolist() + [len(drop)]
    for k, (first, stop) in enumerate(zip(cuts[:-1].tolist(), cuts[1:].tolist())):
        start, end = lo[first], hi[stop - 1]
        part = codes[start:end] if keep is None else codes[start:end] * keep[start:end]
        zero = None
        if drop is not None:
            zero = drop[drop_cuts[k] : drop_cuts[k + 1]] - start
            zero = zero[zero < end - start]  # positions between runs do not count either way
        hashes[first:stop] = hashes_from_prefix(prefix_sums(part, zero), lo[first:stop] - start, hi[first:stop] - start)
    return hashes


def string_hashes(strings: Sequence[str]) -> np.ndarray:
    """:func:`span_hashes` of whole strings, all decoded in one go."""
    lengths = np.fromiter(map(len, strings), np.int64, len(strings))
    hi = np.cumsum(lengths)
    return span_hashes(codepoints("".join(strings)), hi - lengths, hi)


class StringIndex:
    """Positions of strings in a fixed list, looked up for many hashes (:func:`span_hashes`) at once.

    A hash table (``pandas.Index`` of the strings' hashes) instead of a Python ``dict``: looking
    up the 20,000 new word types of a batch is a few vectorised probes, not 20,000 dictionary
    lookups that each miss the CPU cache. A hash shared by a string outside the list would be
    taken for that list entry; with 64-bit hashes the chance is about ``n_queries * n / 2**64``.

    Examples
    --------
    >>> index = StringIndex(["cat", "horse"])
    >>> index.find(string_hashes(["horse", "dog", "cat"])).tolist()
    [1, -1, 0]
    """

    def __init__(self, strings: Sequence[str]) -> None:
        self.index = pd.Index(string_hashes(strings))
        if not self.index.is_unique:
            raise ValueError("two strings of the list share a hash")

    def __len__(self) -> int:
        return len(self.index)

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """Position of each hash's string in the list, ``-1`` where it is not there."""
        return self.index.get_indexer(hashes)
