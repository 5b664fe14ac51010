"""Languages by default (issue 19): English stays English, and the German/French/Spanish
attribution cues against the hand labels (``benchmarks/labels/attribution_languages.json``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import framing
from benchmarks import _data
from benchmarks import attribution_languages as al
from benchmarks.textstat_data import shared_data_available
from framing.core.language import detect_languages
from framing.core.segment import segment

RESULTS = Path(__file__).resolve().parents[1] / "results"


@pytest.fixture(scope="module")
def english():
    try:
        return _data.onestopenglish()["text"].tolist()[:150] + _data.wcxb()["text"].tolist()
    except FileNotFoundError as err:
        pytest.skip(str(err))


def test_no_english_document_is_given_another_language(english):
    found = detect_languages(segment(english)).tolist()
    assert [f for f in found if f not in ("en", "und")] == []


def test_english_scores_are_those_of_declared_english(english):
    texts = english[:120] + english[-200:]
    auto, declared = framing.score(texts), framing.score(texts, language="en")
    names = framing.columns()
    np.testing.assert_array_equal(auto[names].to_numpy(float), declared[names].to_numpy(float))
    assert set(auto["text.language"]) <= {"en", "und"} and set(declared["text.language"]) == {"en"}


@pytest.fixture(scope="module")
def attribution_table():
    if not shared_data_available():
        pytest.skip("no ud-gsd in the shared data")
    items = json.loads(al.LABELS.read_text(encoding="utf-8"))["items"]
    return items, al.predictions(items, al.drawn_texts(items))


@pytest.mark.parametrize("lang", al.UD_LANGUAGES)
def test_attribution_cues_per_language(attribution_table, lang):
    items, pred = attribution_table
    keep = [k for k, i in enumerate(items) if i["lang"] == lang]
    row = al._pr([items[k]["label"] for k in keep], [pred[k] for k in keep])
    # what the held-out labels support: most found cues are attributions, more than half are found
    assert row["precision"] >= 0.65 and row["recall"] >= 0.55, row
    stored = json.loads((RESULTS / "attribution_languages.json").read_text(encoding="utf-8"))["table"][f"{lang} all"]
    assert (stored["precision"], stored["recall"]) == (row["precision"], row["recall"])
