# textstat 0.7.8's test file backend/metrics/test_spache_readability.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest

from textstat_078.shim import metrics
from .. import resources


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (resources.EMPTY_STR, "en_US", 0.0),
        (resources.EASY_TEXT, "en_US", 3.585),
        (resources.SHORT_TEXT, "en_US", 3.264),
        (resources.PUNCT_TEXT, "en_US", 3.469),
        (resources.LONG_TEXT, "en_US", 5.473),
    ],
)
def test_spache_readability(text: str, lang: str, expected: float) -> None:
    assert round(metrics.spache_readability(text, lang), 3) == expected
