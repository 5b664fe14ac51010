"""The code-point tables filled on demand equal the tables computed for every code point at once."""

from __future__ import annotations

import re

import numpy as np

from framing.core import chars


def _eager_classes() -> np.ndarray:
    # the definition the lazily filled table must reproduce, computed the old, eager way
    everything = "".join(map(chr, range(chars.N_CODEPOINTS)))
    table = np.zeros(chars.N_CODEPOINTS, dtype=np.uint16)
    for pattern, flag in ((r"\w", chars.WORD), (r"\s", chars.SPACE), (r"[^\W_]", chars.ALNUM)):
        table[[m.start() for m in re.finditer(pattern, everything)]] |= flag
    bmp = everything[:0x10000]
    table[:0x10000][np.fromiter((c.isalpha() for c in bmp), bool, 0x10000)] |= chars.ALPHA
    table[:0x10000][np.fromiter((c.isupper() for c in bmp), bool, 0x10000)] |= chars.UPPER
    table[:0x10000][np.fromiter((c.isdigit() for c in bmp), bool, 0x10000)] |= chars.DIGIT
    for flag, members in chars._SINGLE.items():
        table[[ord(c) for c in members]] |= flag
    return table


def test_lazy_tables_equal_the_eager_ones():
    fresh = chars.CodepointTable(np.uint16, chars._flags_of)
    sample = np.array([ord(c) for c in "Ünïcode text, 12 ’quotes’ — ½ ٣ 𝐀 \u2028."])
    eager = _eager_classes()
    assert fresh.take(sample).tolist() == eager[sample].tolist()
    assert np.array_equal(fresh.full(), eager)
    lower = np.arange(chars.N_CODEPOINTS, dtype=np.uint32)
    for cp in range(0x10000):
        low = chr(cp).lower()
        if len(low) == 1:
            lower[cp] = ord(low)
    assert np.array_equal(chars.CodepointTable(np.uint32, chars._lower_of).full(), lower)


def test_take_keeps_shape_and_empty_input():
    assert chars.classes_of(np.array([], dtype=np.int64)).shape == (0,)
    grid = np.array([[ord("a"), ord(" ")], [ord("B"), ord("1")]])
    assert chars.classes_of(grid).shape == (2, 2)


def test_unique_ints_equals_numpy_unique():
    rng = np.random.default_rng(12)
    cases = [np.zeros(0, np.int64), np.array([7], np.int64), np.array([3, 3, 3], np.uint32)]
    for dtype in (np.int64, np.uint32, np.uint64, np.int32):
        for size, high in ((10, 3), (1000, 50), (5000, 2**31 - 1)):
            cases.append(rng.integers(0, high, size).astype(dtype))
    cases.append(rng.integers(-(2**62), 2**62, 3000, dtype=np.int64))
    for values in cases:
        got = chars.unique_ints(values)
        expected = np.unique(values)
        assert got.dtype == expected.dtype and np.array_equal(got, expected)
