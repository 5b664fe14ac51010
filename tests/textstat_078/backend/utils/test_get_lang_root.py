# textstat 0.7.8's test file backend/utils/test_get_lang_root.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import utils


@pytest.mark.parametrize(
    "lang, root",
    [
        ("en_US", "en"),
        ("en", "en"),
        ("en_GB", "en"),
        ("de_DE", "de"),
        ("es_ES", "es"),
        ("fr_FR", "fr"),
    ],
)
def test_get_lang_root(lang: str, root: str) -> None:
    assert utils.get_lang_root(lang) == root
