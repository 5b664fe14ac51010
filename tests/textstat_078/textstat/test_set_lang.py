# textstat 0.7.8's test file textstat/test_set_lang.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import textstat
from ..backend import resources


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("en_US", 139),
        ("en_GB", 139),
        ("en", 139),
        ("de_DE", 145),
        ("de", 145),
        ("es_ES", 172),
        ("fr_FR", 122),
        ("it_IT", 151),
        ("nl_NL", 147),
    ],
)
def test_set_lang(lang: str, expected: int) -> None:
    ts = type(textstat)()
    ts.set_lang(lang)
    assert ts.syllable_count(resources.EASY_TEXT) == expected
