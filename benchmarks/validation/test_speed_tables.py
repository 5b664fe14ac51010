"""The speed tables come from the committed ``benchmarks/results/speed_all.json`` (never copied by hand).

Cheap checks only: the benchmark itself (``benchmarks/speed_all.py``) takes minutes and depends on
the machine, so it never runs here.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import speed_all, tables


@pytest.fixture(scope="module")
def report() -> dict:
    if not tables.DEFAULT.exists():
        pytest.skip(f"{tables.DEFAULT} not committed yet")
    return json.loads(tables.DEFAULT.read_text(encoding="utf-8"))


def test_committed_report_is_a_full_run(report: dict) -> None:
    """A real run (not --quick, at least 3 rounds), with every one of issue 12's numbers."""
    assert not report["settings"]["quick"]
    assert len(report["rounds"]) >= 3
    assert set(speed_all.TARGETS) <= set(report["summary"])


def test_summary_is_derived_from_the_rounds(report: dict) -> None:
    """The summary's medians and ranges are those of the rounds' raw numbers."""
    assert speed_all.summarize(report["rounds"]) == report["summary"]


@pytest.mark.parametrize("page", ["README.md", "docs/performance.md"])
def test_docs_block_matches_the_json(report: dict, page: str) -> None:
    """Where a page carries the speed_all block, it is what ``tables.py`` renders from the JSON."""
    text = (speed_all.REPO / page).read_text(encoding="utf-8")
    updated = tables.with_block(text, tables.speed_all_markdown(report))
    if updated is None:
        pytest.skip(f"{page} has no speed_all block")
    assert updated == text, f"run: python benchmarks/tables.py --update {page}"
