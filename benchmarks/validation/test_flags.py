"""Quality-flag validation (issue 16 targets): seeds, false positives on held-out real news, the
generated pages out of fold by topic, degradations against the shipped norms, and the external
machine-news report.

Run from the repository root with ``-s`` to see the tables::

    python -m pytest benchmarks/validation/test_flags.py -q -s

Every table is computed once per module; the numbers the docs quote are in
``benchmarks/results/flags_validation.json`` (``python -m benchmarks.flags_validation``), which
:func:`test_results_file_matches` checks against a fresh run of the cheap tables.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from benchmarks import _data
from benchmarks import flagger_data as fd
from benchmarks import flags_validation as fv

#: Seed 000 carries at least this many distinct reasons (issue target).
MIN_SEED_REASONS = 3
#: Held-out real news of each source flagged at most this often (issue target).
MAX_FALSE_POSITIVE_RATE = 0.05
#: The sources the false-positive target is asserted on (the others are reported).
ASSERTED_SOURCES = ("newsarticles", "wikinews", "nfc", "onestopenglish-ele")
#: The generated pages, out of fold by topic: overall and subtle-tier shares flagged (issue targets).
MIN_GENERATED_FLAGGED = 0.90
MIN_SUBTLE_FLAGGED = 0.70
#: Every degradation separates from the originals at least this well (issue target).
MIN_AUROC = 0.9
#: Of the degraded texts that are flagged, at least this share names the degradation's reason.
MIN_RIGHT_REASON = 0.9
#: Of the stripped articles, at least this share has its quality.score set by a missing-attribution signal.
MIN_SCORE_SET_BY_REASON = 0.75


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    print(f"\n\n{fv.render(name, frame)}")
    return frame


@pytest.fixture(scope="module")
def held_out():
    texts = fv.held_out_news()
    import framing

    return texts, framing.score(texts["text"], ids=texts["id"])


def test_seeds():
    table = _show("seeds", fv.seed_table(_data.seeds())).set_index("seed")
    assert table["flagged"].iloc[0] and table["distinct_reasons"].iloc[0] >= MIN_SEED_REASONS
    assert not table["flagged"].iloc[1:].any()


@pytest.fixture(scope="module")
def false_positives(held_out):
    texts, scores = held_out
    return _show("false_positives", fv.false_positive_table(texts, scores)).set_index(["source", "register"])


@pytest.mark.parametrize("source", ASSERTED_SOURCES)
def test_false_positive_rate(false_positives, source):
    assert false_positives.loc[(source, "news"), "false_positive_rate"] <= MAX_FALSE_POSITIVE_RATE


def test_web_register_is_the_baseline_for_web_pages(false_positives):
    # web pages of every kind read as unusual against news norms; against the web register far less so
    assert false_positives.loc[("wcxb", "web"), "false_positive_rate"] < false_positives.loc[("wcxb", "news"), "false_positive_rate"]


@pytest.fixture(scope="module")
def generated():
    try:
        fd.generated_pages()
    except FileNotFoundError as error:
        pytest.skip(str(error))
    return _show("generated", fv.generated_table()).set_index("tier")


def test_generated_pages_flagged_out_of_fold(generated):
    assert generated.loc["all generated", "topics"] >= 8 and generated.loc["all generated", "documents"] >= 80
    assert generated.loc["all generated", "flagged"] >= MIN_GENERATED_FLAGGED


def test_subtle_tier_flagged_out_of_fold(generated):
    assert generated.loc["subtle", "flagged"] >= MIN_SUBTLE_FLAGGED


@pytest.fixture(scope="module")
def degradations(held_out):
    texts, scores = held_out
    chosen = fv.degradation_texts(texts)
    return _show("degradations", fv.degradation_table(chosen, scores.loc[chosen["id"]])).set_index(["degradation", "source"])


#: Asserted: every degradation but the issue-16 definition of stripping (cue sentences, one pass: it leaves
#: attributions the sourcing family counts, the ``stripping`` table) and the clause-level one, which are reported.
DETECTED = [name for name in fv.DEGRADATIONS if name not in fv.REPORTED_ONLY]


@pytest.mark.parametrize("name", DETECTED)
def test_degradation_detected(degradations, name):
    row = degradations.loc[(name, "all")]
    assert row["auroc"] >= MIN_AUROC
    assert row["flagged_with_expected_reason"] >= MIN_RIGHT_REASON


def test_stripped_attributions_lower_the_score_through_sourcing(degradations):
    # the right reason for the AUROC: most stripped articles' quality.score is set by a missing-attribution signal
    assert degradations.loc[("attributions stripped", "all"), "score_set_by_expected_reason"] >= MIN_SCORE_SET_BY_REASON


@pytest.mark.parametrize("name", fv.REPORTED_ONLY)
def test_other_stripping_definitions_reported(degradations, name):
    # report only: printed and kept in the JSON, never asserted against the target
    assert 0.5 <= degradations.loc[(name, "all"), "auroc"] <= 1.0


def test_machine_news_reported():
    # external, report only: the numbers are printed and kept, never asserted against a target
    table = _show("machine_news", fv.machine_news_table())
    assert set(table["generator"]) == set(fv.GENERATORS)
    assert table["auroc"].between(0, 1).all()


def test_results_file_matches(false_positives):
    # the docs quote benchmarks/results/flags_validation.json: it must be what the code measures now
    saved = json.loads(fv.RESULTS_PATH.read_text(encoding="utf-8"))
    fresh = false_positives.reset_index()
    stored = pd.DataFrame(saved["false_positives"])
    np.testing.assert_allclose(stored["false_positive_rate"].to_numpy(), fresh["false_positive_rate"].to_numpy())
    seeds = fv.seed_table(_data.seeds())
    assert [r["reasons"] for r in saved["seeds"]] == seeds["reasons"].tolist()


def test_docs_and_model_card_hold_the_measured_numbers():
    # docs/flags.md and models/flagger.md quote the JSON through benchmarks/flagger_report.py
    from benchmarks import flagger_report

    for path, text in flagger_report.rendered().items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run python -m benchmarks.flagger_report"
