# textstat 0.7.8's test file backend/metrics/test_chars_per_word.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest

from textstat_078.shim import metrics
from .. import resources


@pytest.mark.parametrize(
    "text, expected",
    [
        (resources.EMPTY_STR, 0.0),
        (resources.EASY_TEXT, 4.354),
        (resources.SHORT_TEXT, 5.0),
        (resources.PUNCT_TEXT, 4.66),
        (resources.LONG_TEXT, 4.649),
    ],
)
def test_chars_per_word(text: str, expected: float) -> None:
    assert round(metrics.chars_per_word(text), 3) == expected
