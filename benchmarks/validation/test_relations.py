"""Relation-level sourcing validation: the targets of issue 15, asserted on the blind relation labels.

Each table of :mod:`benchmarks.relations_validation` is computed once per session and printed as
Markdown (run with ``-s``). The thresholds are the issue's acceptance criteria. A target a split misses
is a strict xfail that states the measured number, never a relaxed threshold.

Every scored split is a tuning split now: ``dev`` from the start; ``test``, ``fresh`` and ``fresh2`` in
session 7; ``fresh3`` (420 sentences, ``benchmarks/sourcing_labels/RELATIONS.md`` §10; scored once as the
held-out set after session 7, then tuned on in session 8). Their tests are regression guards on tuning
numbers. The held-out split is ``fresh4`` (420 sentences, §11): labelled and committed in session 7, scored
once after the session-8 rules were frozen; the ``held_out`` tests assert the issue's targets on it.
Run from the repository root::

    FRAMING_SHARED_DATA=/path/to/shared/data python -m pytest benchmarks/validation/test_relations.py -q -s
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(_REPO_ROOT))

from benchmarks import relations_validation as rv  # noqa: E402

#: Issue 15: "carries a relation" at sentence level.
MIN_SENTENCE_PRECISION = 0.85
MIN_SENTENCE_RECALL = 0.80
#: Issue 15: relation level (a predicted and a gold relation match when their cue spans overlap).
MIN_RELATION_F1 = 0.75
#: Issue 15: source class of the matched relations.
MIN_CLASS_ACCURACY = 0.80
#: Calibration: within 10 % of the hand count on the same texts, or inside PolNeAR's IQR.
MAX_RELATIVE_DIFFERENCE = 0.10
POLNEAR_IQR = (2.63, 3.91)


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    print(f"\n\n{rv.render(name, frame)}")
    return frame


@pytest.fixture(scope="session")
def lab() -> rv.Labels:
    return rv.labels()


@pytest.fixture(scope="session")
def sentences(lab: rv.Labels) -> pd.DataFrame:
    return _show("sentences", rv.sentence_table(lab))


@pytest.fixture(scope="session")
def relation_rows(lab: rv.Labels) -> pd.DataFrame:
    _show("class confusion (test)", rv.confusion_table(lab, "test"))
    return _show("relations", rv.relation_table(lab))


@pytest.fixture(scope="session")
def calibration(lab: rv.Labels) -> pd.DataFrame:
    return _show("calibration", rv.calibration_table(lab))


def _test(table: pd.DataFrame, split: str = "test") -> pd.Series:
    return table[table["split"] == split].iloc[0]


def _test_split_xfail(measure: str, threshold: float, measured: float):
    """A strict xfail for a target the test split does not reach, with the measured number."""
    return pytest.mark.xfail(strict=True, raises=AssertionError,
                             reason=f"issue 15: test-split {measure} {measured} below {threshold} (benchmarks/results/relations_validation.json)")


def test_sentence_precision_test_split(sentences: pd.DataFrame) -> None:
    row = _test(sentences)
    assert row.precision >= MIN_SENTENCE_PRECISION, f"precision {row.precision:.3f} < {MIN_SENTENCE_PRECISION}"


def test_sentence_recall_test_split(sentences: pd.DataFrame) -> None:
    row = _test(sentences)
    assert row.recall >= MIN_SENTENCE_RECALL, f"recall {row.recall:.3f} < {MIN_SENTENCE_RECALL}"


def test_relation_f1_test_split(relation_rows: pd.DataFrame) -> None:
    row = _test(relation_rows)
    assert row.f1 >= MIN_RELATION_F1, f"F1 {row.f1:.3f} < {MIN_RELATION_F1} (P {row.precision:.3f}, R {row.recall:.3f})"


@_test_split_xfail("source-class accuracy", MIN_CLASS_ACCURACY, 0.750)
def test_source_class_accuracy_test_split(relation_rows: pd.DataFrame) -> None:
    row = _test(relation_rows)
    assert row.source_class_accuracy >= MIN_CLASS_ACCURACY, f"{row.source_class_accuracy:.3f} < {MIN_CLASS_ACCURACY}"


def test_fresh_split_meets_the_targets(sentences: pd.DataFrame, relation_rows: pd.DataFrame) -> None:
    # the first blind draw: labelled before the rules ran on it; tuned on in session 7 (a regression guard now)
    s, r = _test(sentences, "fresh"), _test(relation_rows, "fresh")
    assert s.precision >= MIN_SENTENCE_PRECISION, f"precision {s.precision:.3f}"
    assert s.recall >= MIN_SENTENCE_RECALL, f"recall {s.recall:.3f}"
    assert r.f1 >= MIN_RELATION_F1, f"F1 {r.f1:.3f}"
    assert r.source_class_accuracy >= MIN_CLASS_ACCURACY, f"source class {r.source_class_accuracy:.3f}"


def test_dev_targets_are_met(sentences: pd.DataFrame, relation_rows: pd.DataFrame) -> None:
    # the split the rules were tuned on: a regression guard, not a validation
    s = sentences[sentences["split"] == "dev"].iloc[0]
    r = relation_rows[relation_rows["split"] == "dev"].iloc[0]
    assert s.precision >= MIN_SENTENCE_PRECISION and s.recall >= MIN_SENTENCE_RECALL
    assert r.f1 >= MIN_RELATION_F1 and r.source_class_accuracy >= MIN_CLASS_ACCURACY


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="issue 15: NFC median relations per 100 words (2.45) below PolNeAR's p25 (2.63); see the report")
def test_calibration_on_us_news(calibration: pd.DataFrame) -> None:
    # NFC (US/UK news): framing's median relations per 100 words over whole documents inside PolNeAR's IQR
    whole = calibration[calibration["group"].str.startswith("NFC whole")].iloc[0]
    assert POLNEAR_IQR[0] <= whole.framing_per_100_words <= POLNEAR_IQR[1], f"{whole.framing_per_100_words:.2f}"


@_test_split_xfail("per-100-words difference from the hand count", MAX_RELATIVE_DIFFERENCE, -0.177)
def test_calibration_against_the_hand_count_test_split(calibration: pd.DataFrame) -> None:
    row = calibration[calibration["group"] == "all corpora / test"].iloc[0]
    assert abs(row.relative_difference) <= MAX_RELATIVE_DIFFERENCE, f"{row.framing_per_100_words:.2f} vs {row.hand_per_100_words:.2f}"


def test_calibration_against_the_hand_count_fresh(calibration: pd.DataFrame) -> None:
    row = calibration[calibration["group"] == "all corpora / fresh"].iloc[0]
    assert abs(row.relative_difference) <= MAX_RELATIVE_DIFFERENCE, f"{row.framing_per_100_words:.2f} vs {row.hand_per_100_words:.2f}"


# -- fresh4 (420 sentences): the held-out draw, labelled in session 7, scored once after session 8's rules were frozen --
def test_fresh4_is_the_held_out_split(lab: rv.Labels, sentences: pd.DataFrame) -> None:
    assert rv.HELD_OUT == ("fresh4",) and "fresh4" not in rv.TUNED_ON and "fresh4" in rv.DRAWS
    assert "held_out" in lab.splits
    held, fresh4 = _test(sentences, "held_out"), _test(sentences, "fresh4")
    assert held.sentences == fresh4.sentences >= 400 and not held.tuned_on


#: The two blind draws scored after a round of rules was frozen: ``held_out`` (fresh4, scored once after
#: session 8) and ``fresh3`` (held out and scored once after session 7, tuned on in session 8: a regression
#: guard now). A target a split misses is a strict xfail with the measured value (relations_validation.json).
SCORED_DRAWS = ("held_out", "fresh3")
MISSED = {
    ("held_out", "sentence recall"): "issue 15: fresh4 (held out, scored once) sentence recall 0.780 below 0.80 "
                                     "(benchmarks/results/relations_validation.json)",
    ("held_out", "calibration"): "issue 15: fresh4 (held out, scored once) relations per 100 words 2.53 vs the hand "
                                 "count 3.36 (-24.8 %; relation recall 0.680)",
    ("fresh3", "calibration"): "issue 15: fresh3 (tuned on in session 8) relations per 100 words 2.70 vs the hand "
                               "count 3.19 (-15.2 %; relation recall 0.808)",
}  # fmt: skip


def _draws(measure: str) -> list:
    """:data:`SCORED_DRAWS` as parameters, each target a draw misses marked as in :data:`MISSED`."""
    return [pytest.param(split, id=split, marks=[pytest.mark.xfail(strict=True, raises=AssertionError, reason=MISSED[(split, measure)])]
                         if (split, measure) in MISSED else [])
            for split in SCORED_DRAWS]  # fmt: skip


@pytest.mark.parametrize("split", _draws("sentence precision"))
def test_scored_draw_sentence_precision(sentences: pd.DataFrame, split: str) -> None:
    row = _test(sentences, split)
    assert row.precision >= MIN_SENTENCE_PRECISION, f"precision {row.precision:.3f} < {MIN_SENTENCE_PRECISION}"


@pytest.mark.parametrize("split", _draws("sentence recall"))
def test_scored_draw_sentence_recall(sentences: pd.DataFrame, split: str) -> None:
    row = _test(sentences, split)
    assert row.recall >= MIN_SENTENCE_RECALL, f"recall {row.recall:.3f} < {MIN_SENTENCE_RECALL}"


@pytest.mark.parametrize("split", _draws("relation F1"))
def test_scored_draw_relation_f1(relation_rows: pd.DataFrame, split: str) -> None:
    row = _test(relation_rows, split)
    assert row.f1 >= MIN_RELATION_F1, f"F1 {row.f1:.3f} < {MIN_RELATION_F1} (P {row.precision:.3f}, R {row.recall:.3f})"


@pytest.mark.parametrize("split", _draws("source-class accuracy"))
def test_scored_draw_source_class_accuracy(relation_rows: pd.DataFrame, split: str) -> None:
    row = _test(relation_rows, split)
    assert row.source_class_accuracy >= MIN_CLASS_ACCURACY, f"{row.source_class_accuracy:.3f} < {MIN_CLASS_ACCURACY}"


@pytest.mark.parametrize("split", _draws("calibration"))
def test_scored_draw_calibration_against_the_hand_count(calibration: pd.DataFrame, split: str) -> None:
    row = calibration[calibration["group"] == f"all corpora / {split}"].iloc[0]
    assert abs(row.relative_difference) <= MAX_RELATIVE_DIFFERENCE, f"{row.framing_per_100_words:.2f} vs {row.hand_per_100_words:.2f}"


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="fresh2 (tuned on in sessions 7 and 8) relations per 100 "
                   "words -18.0 % from the hand count (fresh -2.8 %)")
def test_tuning_draws_calibration_against_the_hand_count(calibration: pd.DataFrame) -> None:
    for split in ("fresh", "fresh2"):
        row = calibration[calibration["group"] == f"all corpora / {split}"].iloc[0]
        assert abs(row.relative_difference) <= MAX_RELATIVE_DIFFERENCE, (split, row.relative_difference)


def test_fresh2_loader_with_a_stand_in(tmp_path: Path, lab: rv.Labels, monkeypatch: pytest.MonkeyPatch) -> None:
    # the fresh2 path, exercised without the real files: five dev documents moved into a stand-in fresh2 draw, which
    # stands in for a held-out draw too (HELD_OUT patched to it): the held_out rows are its rows
    import csv

    from benchmarks.sourcing_labels import relations as labels_module

    sentences, relations = labels_module.load("")
    moved = list(dict.fromkeys((r["corpus"], r["doc"]) for r in sentences if r["split"] == "dev"))[:5]

    def write(path: Path, rows: list[dict]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t")
            writer.writeheader()
            writer.writerows(rows)

    stays = [r for r in sentences if (r["corpus"], r["doc"]) not in moved]
    fake = [dict(r, split="fresh2") for r in sentences if (r["corpus"], r["doc"]) in moved]
    write(tmp_path / "s.tsv", stays)
    write(tmp_path / "r.tsv", [r for r in relations if (r["corpus"], r["doc"]) not in moved])
    write(tmp_path / "fs.tsv", fake)
    write(tmp_path / "fr.tsv", [r for r in relations if (r["corpus"], r["doc"]) in moved])
    monkeypatch.setattr(rv, "HELD_OUT", ("fresh2",))
    stand_in = rv.Labels(files={"": (tmp_path / "s.tsv", tmp_path / "r.tsv"), "fresh2": (tmp_path / "fs.tsv", tmp_path / "fr.tsv")})
    assert stand_in.splits == ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "held_out", "all")
    s = rv.sentence_table(stand_in).set_index("split")
    r = rv.relation_table(stand_in).set_index("split")
    c = rv.calibration_table(stand_in).set_index("group")
    assert s.loc["fresh2", "sentences"] == len(fake)
    assert s.loc["fresh2", "gold_positive"] == sum(int(x["carries_relation"]) for x in fake)
    for table, columns in ((s, ["sentences", "gold_positive", "predicted_positive"]), (r, ["gold_relations", "predicted_relations", "matched"])):
        for column in columns:
            assert table.loc["held_out", column] == table.loc["fresh2", column], column
    assert s.loc["dev", "sentences"] + len(fake) == _test(rv.sentence_table(lab), "dev").sentences
    # a document's relations do not depend on its batch: the moved documents score in fresh2 as they did in dev
    pairs = lab.match()
    dev_pred = lab.pred[lab.pred.set_index(["corpus", "doc"]).index.isin(moved)]
    assert r.loc["fresh2", "matched"] == int(pairs["pred"].isin(dev_pred.index).sum())
    assert r.loc["fresh2", "predicted_relations"] == len(dev_pred)
    words = sum(stand_in.words[(x["corpus"], x["doc"], int(x["start"]))] for x in fake)
    gold = sum(int(x["relations"]) for x in fake)
    assert c.loc["all corpora / fresh2", "hand_per_100_words"] == pytest.approx(100 * gold / words)
    assert "all corpora / held_out" in c.index


def test_seed_000_has_the_vaguest_and_fewest_named_sources() -> None:
    table = _show("seeds", rv.seed_table()).set_index("seed")
    others = table.drop("000")
    assert table.loc["000", "sourcing.vague_source_share"] > others["sourcing.vague_source_share"].max()
    named = "sourcing.named_sources_distinct_per_100_words"
    assert table.loc["000", named] < others[named].min()


def test_distribution_across_real_news() -> None:
    table = _show("distribution", rv.distribution_table())
    assert set(table["corpus"]) == {"Wikinews 2019-2020", "Narrative Frames Corpus", "NewsArticles (US/UK outlets)"}
    vague = table[table["column"] == "sourcing.vague_source_share"]
    assert (vague["p50"] < 0.5).all()  # real news attributes most of what it reports to specific sources


def test_docs_table_matches_the_measured_numbers(sentences: pd.DataFrame, relation_rows: pd.DataFrame, calibration: pd.DataFrame) -> None:
    # docs/sourcing.md's before → after table: "before" from the committed JSON of the run before session 8's
    # rules (relations_validation_before_s8.json, the session 7 rules), "after" from this run
    import json
    import re

    before = json.loads((_REPO_ROOT / "benchmarks" / "results" / "relations_validation_before_s8.json").read_text())
    old_s = {r["split"]: r for r in before["sentences"]}
    old_r = {r["split"]: r for r in before["relations"]}
    old_c = {r["group"]: r for r in before["calibration"]}
    text = (_REPO_ROOT / "docs" / "sourcing.md").read_text(encoding="utf-8")
    for split in ("dev", "test", "fresh", "fresh2", "fresh3"):
        line = next(x for x in text.splitlines() if x.startswith(f"| {split},") and "→" in x)
        pairs = re.findall(r"(-?\d\.\d{3}) → (-?\d\.\d{3})", line)
        s, r = _test(sentences, split), _test(relation_rows, split)
        group = f"all corpora / {split}"
        c = calibration[calibration["group"] == group].iloc[0]
        expected = [(old_s[split]["precision"], s.precision), (old_s[split]["recall"], s.recall),
                    (old_r[split]["f1"], r.f1), (old_r[split]["source_class_accuracy"], r.source_class_accuracy),
                    (old_c[group]["relative_difference"], c.relative_difference)]
        assert pairs == [(f"{a:.3f}", f"{b:.3f}") for a, b in expected], (split, pairs)
    # the held-out row and the prose after the table: this run's fresh4 numbers
    line = next(x for x in text.splitlines() if x.startswith("| **fresh4, held out"))
    s, r = _test(sentences, "held_out"), _test(relation_rows, "held_out")
    c = calibration[calibration["group"] == "all corpora / held_out"].iloc[0]
    quoted = [f"{v:.3f}" for v in (s.precision, s.recall, r.f1, r.source_class_accuracy, c.relative_difference)]
    assert re.findall(r"\*\*(-?\d\.\d{3})\*\*", line) == quoted, line
    for phrase in (f"recall {s.recall:.3f}", f"relation F1 {r.f1:.3f}", f"precision {r.precision:.3f}, recall {r.recall:.3f}",
                   f"accuracy {r.source_class_accuracy:.3f}", f"{-100 * c.relative_difference:.1f} % fewer relations"):
        assert phrase in text, phrase
