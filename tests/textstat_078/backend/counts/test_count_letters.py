# textstat 0.7.8's test file backend/counts/test_count_letters.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import counts
from .. import resources


@pytest.mark.parametrize(
    "text,expected",
    [
        ("", 0),
        ("a", 1),
        ("a ", 1),
        ("a b", 2),
        ("They're here, and they're there.", 24),
        (
            """Who's there?I have no time for this...
            nonsense...my guy! a who's-who, veritably.""",
            57,
        ),
        (resources.LONG_TEXT, 1686),
        (resources.EASY_HUNGARIAN_TEXT, 42),
    ],
)
def test_letter_count(text: str, expected: int) -> None:
    assert counts.count_letters(text) == expected
