"""Boilerplate validation: the targets of issue 3, asserted on the corpora in ../shared/data.

Each table of :mod:`benchmarks.boilerplate_validation` is computed once per session and printed as
Markdown (run with ``-s`` to see it). The thresholds below are the acceptance criteria; do not relax
them to make a run pass. Run from the repository root::

    python -m pytest benchmarks/validation/test_boilerplate.py -q -s
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:  # make ``benchmarks`` importable from any working directory
    sys.path.insert(0, str(_REPO_ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks import boilerplate_validation as bv  # noqa: E402

#: Issue 3: minimum precision and F1 per extractor output (line level, headlines left out).
TARGETS = bv.TARGETS
#: framing must beat both baselines' F1 on every extractor output.
BASELINES = ("C4 line rule", "research phrase list")
# The snippet and main-content bounds below are regression floors chosen here from the measured
# numbers (issue 3 asks for these checks but sets no number for them).
#: Share of the WCXB boilerplate snippets that must be flagged (scored one per document).
MIN_WCXB_WITHOUT_FLAGGED = 0.40
#: Largest share of WCXB content snippets flagged.
MAX_WCXB_WITH_FLAGGED = 0.03
#: Largest share of the lines of WCXB article pages' gold main content flagged.
MAX_WCXB_ARTICLE_LINES_FLAGGED = 0.05
#: Share of the English boilerplate snippets of trafilatura's evaluation data that must be flagged.
MIN_TRAFILATURA_WITHOUT_FLAGGED = 0.30
#: Largest share of their content snippets flagged.
MAX_TRAFILATURA_WITH_FLAGGED = 0.03


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    print(f"\n\n{bv.render(name, frame)}")
    return frame


@pytest.fixture(scope="session")
def bench() -> bv.LineBenchmark:
    """The labelled extractor outputs with out-of-fold line-model probabilities."""
    return bv.LineBenchmark()


@pytest.fixture(scope="session")
def line_table(bench: bv.LineBenchmark) -> pd.DataFrame:
    _show("threshold_sweep", bv.threshold_sweep(bench))
    _show("label_audit", bv.label_audit(bench))
    _show("categories", bv.category_breakdown(bench))
    return _show("line_level", bv.line_level(bench))


@pytest.fixture(scope="session")
def wcxb_table() -> pd.DataFrame:
    pages = _data.wcxb_test()
    _show("wcxb_categories", bv.wcxb_without_categories(pages))
    return _show("wcxb", bv.wcxb_check(pages))


@pytest.fixture(scope="session")
def trafilatura_table() -> pd.DataFrame:
    return _show("trafilatura_snippets", bv.trafilatura_snippets_check(_data.trafilatura_evaldata()))


def _framing_row(table: pd.DataFrame, extractor: str, method: str = "framing") -> pd.Series:
    return table[(table["extractor"] == extractor) & (table["method"] == method)].iloc[0]


@pytest.mark.parametrize("extractor", list(TARGETS))
def test_precision_target(line_table: pd.DataFrame, extractor: str) -> None:
    row = _framing_row(line_table, extractor)
    min_precision, _ = TARGETS[extractor]
    assert row.precision >= min_precision, f"{extractor}: precision {row.precision:.3f} < {min_precision}"


@pytest.mark.parametrize("extractor", list(TARGETS))
def test_f1_target(line_table: pd.DataFrame, extractor: str) -> None:
    row = _framing_row(line_table, extractor)
    _, min_f1 = TARGETS[extractor]
    assert row.f1 >= min_f1, f"{extractor}: F1 {row.f1:.3f} < {min_f1}"


@pytest.mark.parametrize("extractor", list(TARGETS))
def test_beats_the_baselines(line_table: pd.DataFrame, extractor: str) -> None:
    ours = _framing_row(line_table, extractor)
    for baseline in BASELINES:
        theirs = _framing_row(line_table, extractor, baseline)
        assert ours.f1 > theirs.f1, f"{extractor}: F1 {ours.f1:.3f} does not beat {baseline} {theirs.f1:.3f}"


def test_wcxb_boilerplate_snippets(wcxb_table: pd.DataFrame) -> None:
    row = wcxb_table[(wcxb_table["subset"] == "all pages") & (wcxb_table["what"].str.startswith("without"))].iloc[0]
    assert row.share_flagged >= MIN_WCXB_WITHOUT_FLAGGED, f"{row.share_flagged:.3f} < {MIN_WCXB_WITHOUT_FLAGGED}"


def test_wcxb_content_rarely_flagged(wcxb_table: pd.DataFrame) -> None:
    snippets = wcxb_table[(wcxb_table["subset"] == "all pages") & (wcxb_table["what"].str.startswith("with "))].iloc[0]
    assert snippets.share_flagged <= MAX_WCXB_WITH_FLAGGED, f"{snippets.share_flagged:.3f} > {MAX_WCXB_WITH_FLAGGED}"
    lines = wcxb_table[(wcxb_table["subset"] == "article pages") & (wcxb_table["what"].str.startswith("main_content"))].iloc[0]
    assert lines.share_flagged <= MAX_WCXB_ARTICLE_LINES_FLAGGED, f"{lines.share_flagged:.3f} > {MAX_WCXB_ARTICLE_LINES_FLAGGED}"


def test_trafilatura_english_snippets(trafilatura_table: pd.DataFrame) -> None:
    without = trafilatura_table[trafilatura_table["what"].str.startswith("without")].iloc[0]
    with_ = trafilatura_table[trafilatura_table["what"].str.startswith("with ")].iloc[0]
    assert without.share_flagged >= MIN_TRAFILATURA_WITHOUT_FLAGGED, f"{without.share_flagged:.3f}"
    assert with_.share_flagged <= MAX_TRAFILATURA_WITH_FLAGGED, f"{with_.share_flagged:.3f}"


def test_seeds_furniture_found() -> None:
    seeds = _data.seeds()
    table = _show("seeds", bv.seed_lines(seeds))
    for seed in seeds["id"]:
        lines = " ".join(table.loc[table["seed"] == seed, "line"])
        for expected in bv.SEED_EXPECTED[seed[:3]]:
            assert expected in lines, f"{seed}: {expected!r} not flagged"
