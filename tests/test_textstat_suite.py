"""framing's compat mode against textstat 0.7.8 itself, on textstat's own test texts.

textstat 0.7.8's test suite runs on framing in ``tests/textstat_078/`` (its files, MIT, see
``tests/textstat_078/LICENSE``); here every measure of every one of its test texts, in every
``set_lang`` language, is compared with the installed textstat 0.7.8 (a test extra), and the
``framing.textstat`` functions with textstat's signatures.
"""

from __future__ import annotations

import importlib.util
import inspect
import warnings
from pathlib import Path

import numpy as np
import pytest

import framing
import framing.textstat as fts
from framing.core.language import TEXTSTAT_LANG_CONFIGS
from framing.families.readability import COMPAT_COLUMNS
from framing.families.readability.textstat import TEXTSTAT_MEASURES

textstat = pytest.importorskip("textstat")


def _resources():
    """textstat 0.7.8's test texts (``tests/textstat_078/backend/resources.py``), loaded by path."""
    path = Path(__file__).parent / "textstat_078" / "backend" / "resources.py"
    spec = importlib.util.spec_from_file_location("textstat_078_resources", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


resources = _resources()

TEXTS = [
    value for name, value in vars(resources).items()
    if name.isupper() and isinstance(value, str) and "RESULT" not in name
] + ["  ", "\n", "a", "U.S. co-op don't İstanbul ŞEHİR 3.5 ...", "Bureaucracy B.ureaucracy bureaucracy photosynthesis photo.synthesis"]  # fmt: skip
LANGUAGES = ["en_US", "en_GB", "de_DE", "es_ES", "fr_FR", "it_IT", "nl_NL", "pl_PL", "ru_RU", "hu_HU", "cs"]


def textstat_value(name: str, text: str) -> float:
    """textstat's value of a column, NaN where it raises ``ValueError`` (a missing language key)."""
    try:
        if name.startswith("wiener_sachtextformel_"):
            return textstat.wiener_sachtextformel(text, int(name[-1]))
        if name == "text_standard":
            return textstat.text_standard(text, float_output=True)
        return getattr(textstat, name)(text)
    except ValueError:
        return np.nan


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_measure_equals_textstat(lang: str) -> None:
    frame = framing.score(TEXTS, compat="textstat", signals="readability", language=lang)
    textstat.set_lang(lang)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in TEXTSTAT_MEASURES:
                expected = np.array([textstat_value(name, t) for t in TEXTS], dtype=np.float64)
                np.testing.assert_array_equal(frame[f"readability.{name}"], expected, err_msg=f"{lang} {name}")  # exactly
    finally:
        textstat.set_lang("en_US")
    assert frame["error"].isna().all()  # textstat scores blank strings too


def test_compat_columns_name_every_textstat_measure() -> None:
    assert {f"readability.{m}" for m in TEXTSTAT_MEASURES} <= set(COMPAT_COLUMNS)
    public = {n for n in dir(textstat.textstat) if not n.startswith("_") and callable(getattr(textstat.textstat, n))}
    scored = {m.rsplit("_", 1)[0] if m.startswith("wiener") else m for m in TEXTSTAT_MEASURES}
    words_and_settings = {"remove_punctuation", "difficult_words_list", "is_difficult_word", "is_easy_word"}
    assert public - scored - words_and_settings == {"set_lang", "set_rm_apostrophe", "set_rounding", "set_rounding_points"}


def test_language_constants_are_textstats() -> None:
    from textstat.backend.utils.constants import LANG_CONFIGS

    assert TEXTSTAT_LANG_CONFIGS == LANG_CONFIGS


@pytest.mark.parametrize("name", sorted(fts.FUNCTIONS))
def test_facade_signatures_are_textstats(name: str) -> None:
    theirs = inspect.signature(getattr(textstat, name))
    ours = inspect.signature(getattr(fts, name))
    expected = [(p.name, p.default) for p in theirs.parameters.values() if p.name != "lang"]
    assert [(p.name, p.default) for p in ours.parameters.values()][:-1] == expected
    assert list(ours.parameters)[-1] == "lang"
    method = inspect.signature(getattr(fts.textstatistics, name))
    assert [(p.name, p.default) for p in method.parameters.values() if p.name != "self"] == [
        (p.name, p.default) for p in theirs.parameters.values()
    ]


def test_facade_batches_equal_single_calls() -> None:
    texts = TEXTS[:6]
    batch = fts.flesch_reading_ease(texts, lang="de")
    assert batch.tolist() == [fts.flesch_reading_ease(t, lang="de") for t in texts]
    assert fts.text_standard(texts) == [fts.text_standard(t) for t in texts]
    with pytest.raises(ValueError, match="Unknown config key syllable_threshold"):
        fts.gunning_fog(resources.GERMAN_SAMPLE_A, lang="de")
    assert np.isnan(fts.gunning_fog([resources.GERMAN_SAMPLE_A], lang="de")).all()  # a batch never raises
    with pytest.raises(TypeError):
        fts.lexicon_count([None])


def test_textstats_own_failures_are_textstats_numbers() -> None:
    # the two assertions of its suite textstat 0.7.8 fails itself (tests/textstat_078/conftest.py)
    textstat.set_lang("es_ES")
    try:
        assert fts.flesch_reading_ease(resources.LONG_TEXT, lang="es_ES") == textstat.flesch_reading_ease(resources.LONG_TEXT)
        assert fts.syllable_count(resources.EASY_TEXT, lang="es_ES") == textstat.syllable_count(resources.EASY_TEXT)
    finally:
        textstat.set_lang("en_US")


def test_default_mode_keeps_nan_and_error_for_blank_text() -> None:
    frame = framing.score(["", "  "], signals="readability")
    assert frame["error"].tolist() == ["empty text", "empty text"]
    assert frame["readability.flesch_reading_ease"].isna().all()
    compat = framing.score(["", "  "], compat="textstat", signals="readability")
    assert compat["readability.sentence_count"].tolist() == [0.0, 1.0]  # textstat: "  " is one sentence
    assert compat["readability.smog_index"].tolist() == [0.0, 3.1291]
