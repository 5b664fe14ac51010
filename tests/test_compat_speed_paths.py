"""The fast paths of compat mode's counts (issue 12), each against a plain restatement: counts by
word type or from the chunks instead of passes over every character, the characters that are
neither ``\\w`` nor white space found once, code-point tables stored inverted, and hash tables
sized for the types."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import framing
from framing.core import chars
from framing.core.segment import segment
from framing.core.vocabulary import Vocabulary
from framing.families.readability.textstat import _ARABIC_CLASSES, _contraction_apostrophes, textstat_counts

TEXTS = [
    "The U.S. officials don't say 'hi'... They'd rather wait -- or won't they?",
    "Ünïcode café — naïve résumé: 3.5 and 116,000 e-mail snake_case x_1 ___ .",
    "مرحبا بالعالم. هذا نص عربي ًٌٍّ إلى الأمام؟ نعم! على ولن والله",
    "Mixed: English and عربي in one text, with ***stars*** and ?!?! marks.",
    "'tis the 'season' ''' 've 'll 're 'd 's 't l'homme d'État aujourd'hui",
    "",
    "   \n\t ",
    "one",
    "a\r\nb\rc\u2028d\u2029e    f\n\ng",
    "İstanbul ﬁne 𝐀𝐁𝐂 text — « quotes » “more” ‘single’ ٣٤ ½",
]


def _words(text: str) -> list[str]:
    """textstat's words: the chunks of ``text.split()`` with a \\w character or a contraction
    apostrophe (its kept characters)."""
    kept = re.compile(r"\w|'(?=(?:[tsd]|ve|ll|re))")
    return [chunk for chunk in text.split() if kept.search(chunk)]


def _reference(text: str) -> dict[str, float]:
    """The counts the fast paths compute, restated on one text with Python string operations."""
    words = _words(text)
    letters = [len(re.findall(r"\w", word)) for word in words]
    non_space = len(re.sub(r"\s", "", text))
    removed = sum(ch in "\u0627\u0649?.!,*" for ch in text)
    stress = sum(ch in "\u064b\u064c\u064d\u0651" for ch in text)
    return {
        "letters": float(len(re.findall(r"\w", text))),
        "characters": float(non_space),
        "long_words_6": float(sum(n > 6 for n in letters)),
        "long_words_5": float(sum(n > 5 for n in letters)),
        "mini_words": float(sum(n <= 3 for n in letters)),
        "arabic_syllables": float(non_space - removed - 2 + 2 * stress),
    }


@pytest.mark.parametrize("order", range(3))
def test_counts_by_type_and_by_chunk_match_plain_restatements(order: int) -> None:
    texts = list(np.random.default_rng(order).permutation(np.array(TEXTS, dtype=object))) if order else TEXTS
    counts = textstat_counts(segment(texts, blank_ok=True, vocabulary=Vocabulary()))
    for d, text in enumerate(texts):
        for name, value in _reference(text).items():
            assert counts[name][d] == value, (name, text)


def test_counts_do_not_depend_on_the_batch() -> None:
    together = textstat_counts(segment(TEXTS, blank_ok=True, vocabulary=Vocabulary()))
    for d, text in enumerate(TEXTS):
        alone = textstat_counts(segment([text], blank_ok=True, vocabulary=Vocabulary()))
        for name, values in together.items():
            assert values[d] == alone[name][0], (name, text)


def test_only_alefs_among_the_arabic_characters_are_word_characters() -> None:
    """count_arabic_syllables's characters other than the alefs are neither \\w nor white space,
    so the counts find them among the characters that are neither (the alefs by word type)."""
    marked = np.flatnonzero(_ARABIC_CLASSES)
    flags = chars.classes_of(marked)
    in_words = marked[(flags & (chars.WORD | chars.SPACE)) != 0]
    assert in_words.tolist() == [0x0627, 0x0649]
    assert (flags & chars.WORD)[np.isin(marked, in_words)].all()
    assert _ARABIC_CLASSES[in_words].tolist() == [2, 2]


def test_contraction_apostrophes_from_the_given_positions() -> None:
    cp = chars.codepoints("don't 'tis we'll it's 've l'homme x'" + "\n\n")
    every = np.flatnonzero(cp == 0x27)
    assert _contraction_apostrophes(cp, every).tolist() == _contraction_apostrophes(cp).tolist()


def test_compat_columns_equal_one_text_at_a_time() -> None:
    batch = framing.score(TEXTS, signals="readability", compat="textstat")
    for d, text in enumerate(TEXTS):
        alone = framing.score([text], signals="readability", compat="textstat")
        pd.testing.assert_series_equal(batch.iloc[d], alone.iloc[0], check_names=False)


def test_codepoint_table_stored_inverted_matches_its_function() -> None:
    rng = np.random.default_rng(11)
    classes = chars.CodepointTable(np.uint16, chars._flags_of)
    lower = chars.CodepointTable(np.uint32, chars._lower_of)
    for _ in range(3):  # new code points, then known ones mixed with new ones
        cps = np.concatenate([rng.integers(0, 0x3000, 3000), rng.integers(0, chars.N_CODEPOINTS, 50)]).astype(np.uint32)
        assert classes.take(cps).tolist() == [chars._flags_of(int(c)) for c in cps]
        assert lower.take(cps).tolist() == [chars._lower_of(int(c)) for c in cps]
    assert classes.take(np.array([[65, 32], [0x10FFFF, 10]])).shape == (2, 2)
    assert classes.take(np.zeros(0, dtype=np.uint32)).shape == (0,)


def test_codepoint_table_refuses_the_mark_of_no_entry() -> None:
    table = chars.CodepointTable(np.uint16, lambda cp: 0xFFFF)
    with pytest.raises(ValueError, match="largest value"):
        table.take(np.array([5]))


@pytest.mark.parametrize("dtype", [np.uint64, np.int64])
@pytest.mark.parametrize("hint", [0, 1, 7, 100, 10_000])
def test_factorize_ints_equals_pd_factorize(dtype: type, hint: int) -> None:
    rng = np.random.default_rng(hint)
    for values in (rng.integers(0, 60, 2000), rng.integers(0, 2**62, 500), np.zeros(0, dtype=np.int64)):
        values = values.astype(dtype)
        codes, uniques = chars.factorize_ints(values, hint)
        expected_codes, expected_uniques = pd.factorize(values)
        assert codes.dtype == np.int64 and uniques.dtype == dtype
        np.testing.assert_array_equal(codes, expected_codes)
        np.testing.assert_array_equal(uniques, expected_uniques)


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_compat_run_columns_once_equal_columns_per_chunk(batch_size: int) -> None:
    """A run of compat mode alone concatenates the chunks' counts and computes the columns once:
    the same numbers as every chunk scored by score_corpus (the plain path), rows with an error
    NaN."""
    from framing.config import make_config
    from framing.pipeline import _jobs, output_columns, score_corpus, score_texts

    texts = [*TEXTS, None, 3.0, float("nan"), "y" * 80, "Short text. Two sentences here!"]
    config = make_config(None, signals="readability", compat="textstat", max_chars=60)
    data, errors = score_texts(texts, config, batch_size=batch_size)
    parts = []
    for batch, job_config in _jobs(texts, config, batch_size):
        corpus = segment(batch, max_chars=job_config.max_chars, blank_ok=True)
        parts.append((score_corpus(corpus, job_config), corpus.errors))
    assert errors == [e for _, part_errors in parts for e in part_errors]
    assert list(data) == list(dict.fromkeys(output_columns(config)))  # a name listed twice is one column
    for name in data:
        np.testing.assert_array_equal(data[name], np.concatenate([p[0][name] for p in parts]), err_msg=name)
    assert np.isnan(data["readability.flesch_reading_ease"][len(TEXTS) : len(TEXTS) + 4]).all()


def test_compat_run_batches_close_at_the_compat_cap() -> None:
    from framing.config import make_config
    from framing.pipeline import BATCH_CHARS, COMPAT_BATCH_CHARS, _jobs

    texts = ["word " * 2000] * 120  # 10,000 characters each
    compat = _jobs(texts, make_config(None, signals="readability", compat="textstat"), 256)
    other = _jobs(texts, make_config(None, signals=["readability", "style"], compat="textstat"), 256)
    assert max(sum(map(len, batch)) for batch, _ in compat) <= COMPAT_BATCH_CHARS < BATCH_CHARS
    assert len(other) == 2 and len(compat) == 3
