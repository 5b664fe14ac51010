"""The vectorised paths of compat mode's per-batch work (issue 19, French batch): the word
features decoded once, and the distinct difficult words whose types hold a dropped character,
checked against plain per-word Python restatements of textstat 0.7.8's rules."""

from __future__ import annotations

import re

import numpy as np

import framing
from framing.core.syllables import textstat_syllables_many
from framing.core.vocabulary import Vocabulary, textstat_features_many

FRENCH = (
    "L'administration a publié l'avis. Selon l'administration, l'avis de l'administration "
    "reste « provisoire » jusqu'à lundi. Aujourd'hui, l'Administration répond: l'U.S.S.R.? "
    "Qu'en pense-t-on ? D'autres disent qu'elles n'hésitent pas; c'est l'évidence même."
)
WORDS = [
    "cat", "readability", "i\u0307stanbul", "naïve", "don't", "l'homme", "", "x\u0307y",
    "قال", "ذلك", "والله", "ولن", "على", "مدرسة", "123", "a_b",
]  # fmt: skip


def _reference_word(word: str, lang: str) -> dict[str, float]:
    """One word's textstat features by per-word regular expressions (as textstat 0.7.8)."""
    syllables = float(textstat_syllables_many([word], lang=lang)[0])
    stripped = re.sub(r"[^\w\s']", "", re.sub(r"'(?!(?:[tsd]|ve|ll|re))", "", word))
    difficult = float(textstat_syllables_many([stripped], lang=lang)[0]) if stripped else 0.0
    single = sum(ch in "\u0621\u0624\u0626\u0630\u0638" for ch in word)
    pairs = len(re.findall("\u0648[\u0627\u0646]", word))
    return {
        "syllables": syllables,
        "difficult_syllables": difficult if re.search(r"[^\w\s']", word) else syllables,
        "alefs": float(sum(ch in "\u0627\u0649" for ch in word)),
        "faseeh_marks": float(single + pairs > 0),
    }


def test_features_many_matches_per_word_rules() -> None:
    for lang in ("en_US", "fr", "de"):
        batch = textstat_features_many(WORDS, lang)
        for i, word in enumerate(WORDS):
            for name, value in _reference_word(word, lang).items():
                assert batch[name][i] == value, (lang, word, name)
            alone = textstat_features_many([word], lang)
            assert all(alone[name][0] == batch[name][i] for name in batch), (lang, word)


def test_features_many_without_arabic_letters_are_zero() -> None:
    batch = textstat_features_many(["bonjour", "été"], "fr")
    assert batch["alefs"].tolist() == [0.0, 0.0] and batch["faseeh_marks"].tolist() == [0.0, 0.0]
    assert all(len(v) == 0 for v in textstat_features_many([], "fr").values())


def _reference_unique_difficult(text: str, lang: str) -> int:
    """textstat's difficult_words(text) (unique): distinct kept strings (case kept) of the words
    that are not easy and have 2+ syllables, by framing's per-word features."""
    strings = set()
    for chunk in text.split():
        kept = re.sub(r"[^\w\s']", "", re.sub(r"'(?!(?:[tsd]|ve|ll|re))", "", chunk))
        if not kept:
            continue
        features = textstat_features_many([kept.lower()], lang)
        if features["easy"][0] == 0 and features["difficult_syllables"][0] >= 2:
            strings.add(kept)
    return len(strings)


def test_unique_difficult_words_with_dropped_characters() -> None:
    texts = [FRENCH, FRENCH.upper(), "l'avis, l.avis; L'avis", "U.S. US U-S u.s.", ""]
    frame = framing.score(texts, compat="textstat", signals="readability", language="fr", vocabulary=Vocabulary())
    expected = [_reference_unique_difficult(t, "fr") for t in texts]
    assert frame["readability.difficult_words"].fillna(0).tolist() == expected
    # each document alone, with a new vocabulary: the same numbers (no batch dependence)
    for text, value in zip(texts, frame["readability.difficult_words"].tolist()):
        alone = framing.score([text], compat="textstat", signals="readability", language="fr", vocabulary=Vocabulary())
        np.testing.assert_array_equal(alone["readability.difficult_words"].to_numpy(), [value])
