import json

import numpy as np
import pandas as pd
import pytest

import framing


def test_one_row_per_input_in_order_with_reasons(seed_texts):
    texts = [None, float("nan"), 42, "", "   \n", list(seed_texts.values())[2], b"raw bytes"]
    frame = framing.score(texts)
    assert len(frame) == len(texts)
    assert frame["error"].tolist() == [
        "missing text", "missing text", "not a string: int", "empty text", "empty text", None, "not a string: bytes",
    ]  # fmt: skip
    bad = frame["error"].notna()
    assert frame.loc[bad, framing.columns()].isna().all().all()
    assert frame.loc[~bad, "text.words"].iloc[0] > 100


def test_ids_and_series_index():
    frame = framing.score(["a b c.", "d e."], ids=["x", "y"])
    assert frame.index.tolist() == ["x", "y"] and frame.index.name == "id"
    series = pd.Series(["one two.", "three."], index=[10, 20])
    assert framing.score(series).index.tolist() == [10, 20]
    with pytest.raises(ValueError, match="ids has 1 items"):
        framing.score(["a", "b"], ids=["x"])


def test_argument_checks():
    with pytest.raises(ValueError, match="unknown signal families"):
        framing.score(["text"], signals=["nope"])
    with pytest.raises(ValueError, match="compat"):
        framing.score(["text"], compat="textstats")
    with pytest.raises(TypeError, match="single string"):
        framing.score("a single string")
    with pytest.raises(ValueError, match="n_jobs"):
        framing.score(["text"], n_jobs=0)


def test_results_do_not_depend_on_batching_or_processes(seed_texts):
    texts = list(seed_texts.values()) * 3 + [None, "Short one."]
    reference = framing.score(texts)
    for kwargs in ({"batch_size": 2}, {"batch_size": 3, "n_jobs": 2}):
        other = framing.score(texts, **kwargs)
        pd.testing.assert_frame_equal(reference, other, check_exact=True)


def test_columns_are_family_dot_signal():
    names = framing.columns()
    # the framing family's signals are <set>.<frame> (issue 5: framing.immigration.security)
    assert all(name.count(".") == 1 or (name.startswith("framing.") and name.count(".") == 2) for name in names)
    assert list(framing.score(["x y z."]).columns) == [*names, "text.language", "error"]


def test_analyze_evidence_points_into_the_text(seed_texts):
    text = list(seed_texts.values())[0]
    report = framing.analyze(text)
    assert report.scores["text.sentences"] == len(report.evidence_for("text.sentences"))
    assert report.scores["text.polysyllables"] == len(report.evidence_for("text.polysyllables"))
    for item in report.evidence:
        assert text[item.start : item.end] == item.text
    payload = json.dumps(report.to_dict())
    assert "readability.flesch_kincaid_grade" in payload


def test_analyze_bad_input_has_error_and_no_evidence():
    report = framing.analyze(None)
    assert report.scores["error"] == "missing text" and report.evidence == []
    assert report.to_dict()["scores"]["text.words"] is None


def test_score_matches_analyze(seed_texts):
    texts = list(seed_texts.values())
    frame = framing.score(texts)
    for i, text in enumerate(texts):
        scores = framing.analyze(text).scores
        for name in framing.columns():
            assert np.isclose(frame[name].iloc[i], scores[name], equal_nan=True), name


def test_a_batch_of_only_bad_inputs():
    frame = framing.score([None, "", "  "])
    assert len(frame) == 3 and frame[framing.columns()].isna().all().all()
    # textstat scores empty and white-space-only strings (tests/test_textstat_suite.py checks its values)
    frame = framing.score([None, "", "  "], compat="textstat")
    assert len(frame) == 3 and frame.loc[0, framing.columns()].isna().all()
    assert frame["error"].tolist()[1:] == [None, None] and (frame.loc[1:, "readability.flesch_reading_ease"] == 0).all()
