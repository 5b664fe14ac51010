# textstat 0.7.8's test file backend/utils/test_get_cmudict.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import utils


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en_US", dict),
        ("en_GB", dict),
        ("en", dict),
        ("es", None),
        ("es_ES", None),
        ("de", None),
        ("de_DE", None),
        ("fr", None),
        ("fr_FR", None),
    ],
)
def test_get_cmudict(lang: str, expected: type | None) -> None:
    if expected is None:
        assert utils.get_cmudict(lang) is None
    else:
        assert isinstance(utils.get_cmudict(lang), expected)
