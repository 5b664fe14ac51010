# textstat 0.7.8's test file backend/utils/test_get_lang_easy_words.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

import pytest
from textstat_078.shim import utils


@pytest.mark.parametrize(
    "lang, n_words",
    [
        ("en", 2941),
        ("es", 20000),
        ("de", 2941),
        ("fr", 2941),
    ],
)
def test_get_lang_easy_words(lang: str, n_words: int) -> None:
    if lang not in ["en", "es"]:
        with pytest.warns(Warning):
            assert len(utils.get_lang_easy_words(lang)) == n_words
    else:
        assert len(utils.get_lang_easy_words(lang)) == n_words
