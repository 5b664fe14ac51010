"""Languages in the default mode (issue 19): detection, per-language syllables and Flesch, the
English-only columns, and the German/French/Spanish data files."""

from __future__ import annotations

import numpy as np
import pytest

import framing
from framing.core.language import attribution_cues, detect_languages
from framing.core.segment import segment
from framing.families.readability import ENGLISH_ONLY
from framing.textstat import textstatistics

GERMAN = "Die Regierung hat am Montag neue Pläne vorgestellt, die viele Bürger betreffen werden. Sie sind nicht einverstanden."
FRENCH = "Le gouvernement a présenté lundi de nouveaux projets qui sont importants pour la France. Il a déclaré que ce sont des priorités."
SPANISH = "El gobierno presentó el lunes nuevos planes que son muy importantes para el país. Dijo que no hay tiempo."
ENGLISH = "The government presented new plans on Monday that will affect many citizens. They are not happy with them."


def test_detects_each_documents_language_on_its_own_words() -> None:
    texts = [GERMAN, FRENCH, SPANISH, ENGLISH, "Hi."]
    assert detect_languages(segment(texts)).tolist() == ["de", "fr", "es", "en", "und"]
    # a document's language does not depend on its batch
    assert [detect_languages(segment([t])).tolist()[0] for t in texts] == ["de", "fr", "es", "en", "und"]


def test_auto_mode_reports_the_language_and_uses_its_formulas() -> None:
    frame = framing.score([GERMAN, FRENCH, SPANISH, ENGLISH], signals="readability", language="auto")
    assert frame["text.language"].tolist() == ["de", "fr", "es", "en"]
    # English rows are as without languages
    plain = framing.score([ENGLISH], signals="readability")
    np.testing.assert_array_equal(frame.loc[3, framing.columns("readability")].to_numpy(float), plain.loc[0, framing.columns("readability")].to_numpy(float))
    assert plain["text.language"].tolist() == ["en"]  # detected by default
    for i, lang in enumerate(["de", "fr", "es"]):
        row = frame.loc[i]
        assert row[list(ENGLISH_ONLY)].isna().all(), lang
        # Flesch with the language's constants over Pyphen syllables (textstat's set_lang constants)
        assert row["text.syllables"] == textstatistics(lang=lang).syllable_count([GERMAN, FRENCH, SPANISH][i])
        base = {"de": (180, 1, 58.5), "fr": (207, 1.015, 73.6), "es": (206.84, 1.02, 60.0)}[lang]
        expected = base[0] - base[1] * row["readability.words_per_sentence"] - base[2] * row["readability.syllables_per_word"]
        assert row["readability.flesch_reading_ease"] == pytest.approx(expected)


def test_declared_language_applies_to_every_row() -> None:
    frame = framing.score([ENGLISH, GERMAN], signals="readability", language="de")
    assert frame["text.language"].tolist() == ["de", "de"]
    assert frame["readability.flesch_kincaid_grade"].isna().all()
    with pytest.raises(ValueError, match="language"):
        framing.Config(language=3)


def test_compat_language_is_textstats_set_lang() -> None:
    frame = framing.score([GERMAN], compat="textstat", language="de", signals="readability")
    assert frame.loc[0, "readability.flesch_reading_ease"] == textstatistics(lang="de").flesch_reading_ease(GERMAN)
    assert np.isnan(frame.loc[0, "readability.gunning_fog"])  # textstat raises for German
    with pytest.raises(ValueError, match="Pyphen"):
        framing.Config(compat="textstat", language="xx")


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Weiterlesen", "call_to_action"), ("Lesen Sie auch: Die neue Regel", "call_to_action"), ("Impressum", "legal"),
        ("Lire la suite", "call_to_action"), ("Tous droits réservés.", "legal"), ("12 commentaires", "comments"),
        ("Leer más", "call_to_action"), ("Publicidad", "advertising"), ("Tiempo de lectura: 4 min", "metadata"),
    ],
)  # fmt: skip
def test_german_french_spanish_furniture_is_boilerplate(line: str, category: str) -> None:
    body = {"W": GERMAN, "L": FRENCH}.get(line[0], SPANISH)
    frame = framing.score([f"{body}\n{line}"], signals="boilerplate")
    assert frame.loc[0, f"boilerplate.{category}"] == 1, line


def test_body_text_is_not_furniture() -> None:
    frame = framing.score([GERMAN, FRENCH, SPANISH], signals="boilerplate")
    assert (frame["boilerplate.lines"] == 0).all()


def test_attribution_cue_files() -> None:
    assert {"sagte", "laut"} <= set(attribution_cues("de")["verbs"]) | set(attribution_cues("de")["phrases"])
    assert {"a déclaré", "selon"} <= set(attribution_cues("fr")["verbs"]) | set(attribution_cues("fr")["phrases"])
    assert {"dijo", "según"} <= set(attribution_cues("es_ES")["verbs"]) | set(attribution_cues("es_ES")["phrases"])
    with pytest.raises(ValueError):
        attribution_cues("en")


def test_language_punkt_is_additive() -> None:
    from framing.core.segment import language_punkt_tokenizer

    text = "Er kam bzw. ging. Dann war es still."
    english = [(int(s), int(e)) for s, e in zip(segment([text]).sentences.start, segment([text]).sentences.end)]
    language_punkt_tokenizer("de")  # loading another language's parameters changes nothing in English
    assert [(int(s), int(e)) for s, e in zip(segment([text]).sentences.start, segment([text]).sentences.end)] == english
    frame = framing.score([text], signals="readability", language="de")
    assert frame.loc[0, "text.sentences"] == 2  # "bzw." is a German abbreviation
    with pytest.raises(ValueError):
        language_punkt_tokenizer("it")
