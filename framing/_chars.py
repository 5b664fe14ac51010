"""Code-point tables and span hashing: the vectorised base of the segmenter.

A batch of texts is joined into one string and turned into an array of code points once. Every
character test used downstream (is it a word character, white space, a letter, upper case) is a
lookup in a table indexed by code point, so it runs over the whole batch in numpy.

Word types are identified by a 64-bit polynomial hash of their (lower-cased) characters, computed
from prefix sums over the batch. Two different strings share a hash with probability about
``n_types**2 / 2**64`` (below 1e-9 for a million types).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import numpy as np

WORD = np.uint8(1)  # matches Python's ``\w``
SPACE = np.uint8(2)  # matches Python's ``\s`` (same as ``str.isspace``)
ALNUM = np.uint8(4)  # ``\w`` without the underscore
ALPHA = np.uint8(8)  # ``str.isalpha``
UPPER = np.uint8(16)  # ``str.isupper`` (Basic Multilingual Plane)
DIGIT = np.uint8(32)  # ``str.isdigit``

N_CODEPOINTS = sys.maxunicode + 1
_BMP = 0x10000

_HASH_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd, so it is invertible modulo 2**64
_HASH_BASE_INV = np.uint64(pow(int(_HASH_BASE), -1, 2**64))
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
    """Bit flags for every code point (``WORD``, ``SPACE``, ``ALNUM``, ``ALPHA``, ``UPPER``, ``DIGIT``)."""
    table = np.zeros(N_CODEPOINTS, dtype=np.uint8)
    table[_regex_mask(r"\w")] |= WORD
    table[_regex_mask(r"\s")] |= SPACE
    table[_regex_mask(r"[^\W_]")] |= ALNUM
    bmp = _all_codepoints()[:_BMP]
    table[:_BMP][np.fromiter((c.isalpha() for c in bmp), bool, _BMP)] |= ALPHA
    table[:_BMP][np.fromiter((c.isupper() for c in bmp), bool, _BMP)] |= UPPER
    table[:_BMP][np.fromiter((c.isdigit() for c in bmp), bool, _BMP)] |= DIGIT
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


def codepoints(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates pass through)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def span_hashes(values: np.ndarray, keep: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """64-bit hashes of the kept characters in each span ``[start, end)``.

    ``values`` are per-character codes (e.g. lower-cased code points) and ``keep`` says which
    characters belong to the hashed string, so ``"don't"`` and ``"do-n't"`` can hash alike when
    the hyphen is not kept. Equal kept strings give equal hashes wherever they stand.
    """
    keep = keep.astype(bool, copy=False)
    rank = np.concatenate(([0], np.cumsum(keep, dtype=np.int64)))  # kept chars before position i
    n_kept = int(rank[-1])
    with np.errstate(over="ignore"):
        powers = np.empty(n_kept + 1, dtype=np.uint64)
        powers[0] = 1
        if n_kept:
            powers[1:] = _HASH_BASE
            np.cumprod(powers, out=powers)
        inv_powers = np.empty(n_kept + 1, dtype=np.uint64)
        inv_powers[0] = 1
        if n_kept:
            inv_powers[1:] = _HASH_BASE_INV
            np.cumprod(inv_powers, out=inv_powers)
        kept_values = values[keep].astype(np.uint64) + np.uint64(1)
        prefix = np.zeros(n_kept + 1, dtype=np.uint64)
        np.cumsum(kept_values * powers[:n_kept], out=prefix[1:])
        lo, hi = rank[starts], rank[ends]
        hashes = (prefix[hi] - prefix[lo]) * inv_powers[lo]
        hashes ^= (hi - lo).astype(np.uint64) * _LENGTH_MIX
    return hashes
