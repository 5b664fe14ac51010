# textstat 0.7.8's test file backend/counts/test_count_arabic_long_words.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import counts


@pytest.mark.parametrize(
    "text,expected",
    [
        # TODO
    ],
)
def test_count_arabic_long_words(text: str, expected: int) -> None:
    assert counts.count_arabic_long_words(text) == expected
