# textstat 0.7.8's test file backend/utils/test_get_pyphen.py (github.com/textstat/textstat @ 92af1c5, MIT, Copyright (c) 2016
# Shivam Bansal; see LICENSE here). Changed: the textstat import reads textstat_078.shim (framing).
from __future__ import annotations

from pyphen import Pyphen  # type: ignore
import pytest
from textstat_078.shim import utils


@pytest.mark.parametrize(
    "lang",
    [
        "en_US",
        "en",
        "es_ES",
        "es",
        "de_DE",
        "de",
        "fr_FR",
    ],
)
def test_get_pyphen(lang: str) -> None:
    assert isinstance(utils.get_pyphen(lang), Pyphen)
