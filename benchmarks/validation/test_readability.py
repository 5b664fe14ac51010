"""Readability validation: framing against textstat 0.7.8, human reading levels and NLTK's Punkt.

The thresholds below are the acceptance criteria; do not relax them to make a run pass.
"""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.readability_validation import FORMULAS, TOLERANCE

#: Minimum paired accuracy of Flesch–Kincaid (default mode) on OneStopEnglish.
MIN_FKGL_PAIRED = 0.98
#: Default mode may trail textstat's |r| on CLEAR by at most this much on any formula ...
CLEAR_SLACK = 0.01
#: ... and must beat it on at least this many formulas.
MIN_CLEAR_WINS = 5
#: Minimum F1 of framing's sentence breaks against NLTK's Punkt with the same parameters.
MIN_SPLIT_F1 = 0.95


@pytest.mark.parametrize("corpus", ["onestopenglish", "clear", "seeds"])
def test_compat_reproduces_textstat(agreement_table: pd.DataFrame, corpus: str) -> None:
    table = agreement_table.set_index("formula")
    off = table.loc[table[f"{corpus}_over"] > 0, [f"{corpus}_max_diff", f"{corpus}_over"]]
    assert off.empty, f"compat differs from textstat by more than {TOLERANCE} on {corpus}:\n{off}"


def test_onestop_fkgl_paired_accuracy(onestop_table: pd.DataFrame) -> None:
    accuracy = onestop_table.loc["flesch_kincaid_grade", "paired_default"]
    assert accuracy >= MIN_FKGL_PAIRED, f"FKGL paired accuracy {accuracy:.4f} < {MIN_FKGL_PAIRED}"


def test_clear_default_never_worse_than_textstat(clear_table: pd.DataFrame) -> None:
    formulas = clear_table.loc[list(FORMULAS)]
    gap = formulas["r_default"].abs() - formulas["r_textstat"].abs()
    worse = gap[gap < -CLEAR_SLACK]
    assert worse.empty, f"|r| of default mode trails textstat by more than {CLEAR_SLACK}:\n{worse}"


def test_clear_default_better_than_textstat_on_most(clear_table: pd.DataFrame) -> None:
    formulas = clear_table.loc[list(FORMULAS)]
    wins = formulas.index[formulas["r_default"].abs() > formulas["r_textstat"].abs()].tolist()
    assert len(wins) >= MIN_CLEAR_WINS, f"default beats textstat on {len(wins)} of {len(FORMULAS)} formulas: {wins}"


@pytest.mark.parametrize("corpus", ["onestopenglish", "seeds"])
def test_punkt_matches_nltk(split_table: pd.DataFrame, corpus: str) -> None:
    row = split_table.loc[corpus]
    print(f"\n{corpus}: framing vs NLTK Punkt P={row.precision:.4f} R={row.recall:.4f} F1={row.f1:.4f}")
    assert row.f1 >= MIN_SPLIT_F1, f"{corpus}: F1 {row.f1:.4f} < {MIN_SPLIT_F1}"


def test_fallback_syllables_beat_pyphen(syllable_table: pd.DataFrame) -> None:
    ours, pyphen = syllable_table.loc["framing_vowel_groups", "exact"], syllable_table.loc["pyphen", "exact"]
    assert ours > pyphen, f"fallback exact rate {ours:.4f} is not above Pyphen's {pyphen:.4f}"


# -- issue 19: all of textstat, in every language; languages in the default mode -----------------
#: Minimum held-out boundary F1 of the German, French and Spanish Punkt parameters (UD GSD test).
MIN_LANGUAGE_SPLIT_F1 = 0.90


def test_textstat_measures_equal_textstat_in_every_language() -> None:
    from benchmarks.textstat_diff import run

    table = run(limit=8)  # a few documents per language: the full run is benchmarks/textstat_diff.py
    worst = {lang: max(v["max_abs_diff"] for v in entry["measures"].values()) for lang, entry in table.items()}
    assert all(value == 0.0 for value in worst.values()), worst


def test_language_punkt_on_held_out_sentences() -> None:
    from benchmarks.segmentation_languages import boundaries

    for lang in ("de", "fr", "es"):
        f1 = boundaries(lang, "test")["punkt_language"]["f1"]
        assert f1 >= MIN_LANGUAGE_SPLIT_F1, (lang, f1)


def test_language_docs_tables_match_the_results() -> None:
    from benchmarks.textstat_docs import main

    assert main(["--check"]) == 0, "docs/textstat.md or docs/languages.md tables differ from benchmarks/results"
