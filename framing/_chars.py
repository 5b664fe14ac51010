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
from functools import lru_cache

import numpy as np

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


@lru_cache(maxsize=1)
def _all_codepoints() -> str:
    return "".join(map(chr, range(N_CODEPOINTS)))


def _regex_mask(pattern: str) -> np.ndarray:
    mask = np.zeros(N_CODEPOINTS, dtype=bool)
    hits = [m.start() for m in re.finditer(pattern, _all_codepoints())]
    mask[np.asarray(hits, dtype=np.int64)] = True
    return mask


@lru_cache(maxsize=1)
def char_classes() -> np.ndarray:
    """Bit flags for every code point (``WORD``, ``SPACE``, ``ALNUM``, … as defined above)."""
    table = np.zeros(N_CODEPOINTS, dtype=np.uint16)
    table[_regex_mask(r"\w")] |= WORD
    table[_regex_mask(r"\s")] |= SPACE
    table[_regex_mask(r"[^\W_]")] |= ALNUM
    bmp = _all_codepoints()[:_BMP]
    table[:_BMP][np.fromiter((c.isalpha() for c in bmp), bool, _BMP)] |= ALPHA
    table[:_BMP][np.fromiter((c.isupper() for c in bmp), bool, _BMP)] |= UPPER
    table[:_BMP][np.fromiter((c.isdigit() for c in bmp), bool, _BMP)] |= DIGIT
    for flag, chars in _SINGLE.items():
        table[[ord(c) for c in chars]] |= flag
    return table


@lru_cache(maxsize=1)
def lower_table() -> np.ndarray:
    """Lower-case code point of every code point; identity where ``str.lower`` gives several."""
    table = np.arange(N_CODEPOINTS, dtype=np.uint32)
    for cp in range(_BMP):
        low = chr(cp).lower()
        if len(low) == 1:
            table[cp] = ord(low)
    return table


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of True in a boolean array.

    Examples
    --------
    >>> runs(np.array([True, True, False, True]))
    (array([0, 3]), array([2, 4]))
    """
    edges = np.diff(mask.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates pass through)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_HASH_BASE_INV = np.uint64(pow(int(_HASH_BASE), -1, 2**64))
_CACHED_POWERS = 1 << 24  # keep base**±i for i below this (2 x 128 MiB at most)
_POWERS = np.ones(1, dtype=np.uint64)
_INV_POWERS = np.ones(1, dtype=np.uint64)


def _power_table(base: np.uint64, n: int) -> np.ndarray:
    table = np.full(n, base, dtype=np.uint64)
    table[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(table, out=table)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``base**i`` and ``base**-i`` modulo 2**64 for ``i < n``; cached up to ``_CACHED_POWERS``."""
    global _POWERS, _INV_POWERS
    if n > _CACHED_POWERS:
        return _power_table(_HASH_BASE, n), _power_table(_HASH_BASE_INV, n)
    if len(_POWERS) < n:
        size = min(max(n, 2 * len(_POWERS)), _CACHED_POWERS)
        _POWERS, _INV_POWERS = _power_table(_HASH_BASE, size), _power_table(_HASH_BASE_INV, size)
    return _POWERS, _INV_POWERS


def span_hashes(codes: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """64-bit hashes of the code runs ``codes[lo[i]:hi[i]]``.

    ``codes`` are per-character codes, e.g. the code points of the characters that make up words.
    A run's hash is ``sum(code[j] * base**(j - lo)) ^ length * mix`` modulo 2**64, computed from
    one prefix sum over ``codes``, so equal runs hash alike wherever they stand.
    """
    powers, inv_powers = _powers(len(codes) + 1)
    with np.errstate(over="ignore"):
        weighted = codes.astype(np.uint64)
        weighted += np.uint64(1)
        weighted *= powers[: len(codes)]
        prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(weighted, out=prefix[1:])
        hashes = prefix[hi]
        hashes -= prefix[lo]
        hashes *= inv_powers[lo]
        hashes ^= (hi - lo).astype(np.uint64) * _LENGTH_MIX
    return hashes
