# textstat 0.7.8's test file textstat/test_set_rm_apostrophe.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

from textstat_078.shim import textstat
import pytest
from ..backend import resources


@pytest.mark.parametrize(
    "rm_apostrophe,expected",
    [
        (True, resources.PUNCT_TEXT_RESULT_WO_APOSTR),
        (False, resources.PUNCT_TEXT_RESULT_W_APOSTR),
    ],
)
def test_set_rm_apostrophe(rm_apostrophe: bool, expected: str) -> None:
    ts = type(textstat)()
    ts.set_rm_apostrophe(rm_apostrophe)
    assert ts.remove_punctuation(resources.PUNCT_TEXT) == expected
