import json

import numpy as np
import pandas as pd
import pytest

import framing
from framing.families import sourcing
from framing.judges.flags import RULES, LinearFlagger, QualityFlagger
from framing.judges.norms import PERCENTILE_GRID, Norms, reference_norms


def _norms(**columns):
    return Norms.fit(pd.DataFrame(columns))


def test_percentiles_interpolate_and_handle_ties_and_nan():
    norms = _norms(x=np.arange(101.0))  # quantile at p is p
    got = norms.percentile("x", [-1.0, 0.0, 25.5, 100.0, 200.0, np.nan])
    np.testing.assert_allclose(got[:-1], [0.0, 0.0, 25.5, 100.0, 100.0])
    assert np.isnan(got[-1])
    zeros = _norms(x=[0.0] * 9 + [1.0])  # 0 fills the grid up to the 100 * 8/9 point
    assert 0 < zeros.percentile("x", [0.0])[0] < 50


def test_norms_round_trip_and_validation(tmp_path):
    norms = _norms(x=[1.0, 2.0, 3.0], y=[0.0, 0.0, 5.0])
    path = tmp_path / "norms.json"
    norms.save(path)
    again = Norms.load(path)
    np.testing.assert_array_equal(again.quantiles["y"], norms.quantiles["y"])
    assert json.loads(path.read_text())["format"] == "framing-norms/1"
    with pytest.raises(ValueError, match="non-decreasing"):
        Norms({"x": PERCENTILE_GRID[::-1]})
    with pytest.raises(ValueError, match="format"):
        Norms.from_dict({"format": "other"})


#: Columns of norms built before they existed (as a user's saved norms can be): they get no percentile.
OLD_NORMS_LACK = set(sourcing.RELATION_COLUMNS)


def test_shipped_norms_cover_every_rule_and_column():
    norms = reference_norms()
    assert set(framing.columns()) <= set(norms.columns)
    assert sum(norms.meta["documents"].values()) >= 600


def test_columns_missing_from_the_norms_are_tolerated():
    # a column the norms do not know gets no .pct column, and the flags skip rules on it
    norms = _norms(**{"sourcing.orphan_quotes": [0.0] * 99 + [3.0]})
    frame = framing.score(["Critics say the plan will fail. \u201cWe are ready to go now,\u201d he said."], signals="sourcing", norms=norms)
    assert "sourcing.orphan_quotes.pct" in frame.columns
    assert "sourcing.relations" in frame.columns and "sourcing.relations.pct" not in frame.columns
    assert not (OLD_NORMS_LACK & set(norms.columns))
    flags = QualityFlagger(norms).flag(frame)
    assert flags["quality.flagged"].tolist() == [False]
    QualityFlagger().flag(framing.score(["Critics say the plan will fail."]))  # every family, shipped norms


def test_score_adds_percentile_columns():
    frame = framing.score(["The cat sat on the mat. It was happy."], signals="readability", norms=True)
    assert list(frame.columns[:2]) == ["text.characters", "text.characters.pct"]
    assert 0 <= frame["readability.flesch_kincaid_grade.pct"].iloc[0] <= 100
    with pytest.raises(TypeError, match="norms"):
        framing.score(["x"], norms=3)
    with pytest.raises(ValueError, match="register"):
        framing.score(["x"], norms="yes")
    web = framing.score(["The cat sat on the mat. It was happy."], signals="readability", norms="web")
    assert 0 <= web["readability.flesch_kincaid_grade.pct"].iloc[0] <= 100


def test_a_rule_needs_both_the_limit_and_the_percentile():
    norms = _norms(**{"boilerplate.call_to_action": [0.0] * 99 + [1.0]})
    scores = pd.DataFrame({"boilerplate.call_to_action": [0.0, 1.0, 2.0, 5.0]})
    flags = QualityFlagger(norms, min_prompt_lines=3).flag(scores)
    assert flags["quality.flagged"].tolist() == [False, False, False, True]
    assert flags["quality.reasons"].iloc[3] == ["boilerplate_prompts: 5 lines (p100.0)"]
    # a lower limit lets the rare value through too
    assert QualityFlagger(norms, min_prompt_lines=2).flag(scores)["quality.flagged"].tolist() == [False, False, True, True]


def test_low_rules_skip_short_documents():
    norms = _norms(**{"sourcing.attributions_per_100_words": np.linspace(1, 5, 200), "text.words": np.full(200, 500.0)})
    scores = pd.DataFrame({"sourcing.attributions_per_100_words": [0.0, 0.0, 3.0], "text.words": [500.0, 40.0, 500.0]})
    flags = QualityFlagger(norms).flag(scores)
    assert flags["quality.flagged"].tolist() == [True, False, False]
    assert flags["quality.reasons"].iloc[0][0] == "sourcing_density: 0/100w (p0.0)"


def test_low_rules_score_short_documents_without_flagging_them():
    norms = _norms(**{"sourcing.attributions_per_100_words": np.linspace(1, 5, 200), "text.words": np.full(200, 500.0)})
    # 100 words without attribution, 100 words with plenty, 30 words without
    scores = pd.DataFrame({"sourcing.attributions_per_100_words": [0.0, 3.0, 0.0], "text.words": [100.0, 100.0, 30.0]})
    flags = QualityFlagger(norms, model=None).flag(scores)
    assert not flags["quality.flagged"].any() and all(r == [] for r in flags["quality.reasons"])
    quality = flags["quality.score"].to_numpy()
    assert quality[0] < quality[1]  # the short text that attributes nothing scores lower
    # score_min_words=min_words is the issue-16 behaviour: the rule does not score short texts at all
    old = QualityFlagger(norms, model=None, score_min_words=150).flag(scores)["quality.score"].to_numpy()
    assert old[0] == old[1] == old[2] == quality[2]  # and under score_min_words it still does not
    with pytest.raises(ValueError, match="score_min_words"):
        QualityFlagger(norms, score_min_words=200).flag(scores)


def test_score_orders_documents_and_marks_the_flag_line():
    norms = _norms(**{"style.filler_per_1000_words": np.linspace(0, 5, 201)})
    scores = pd.DataFrame({"style.filler_per_1000_words": [0.5, 2.5, 4.9, 30.0]})
    flagger = QualityFlagger(norms)
    quality = flagger.flag(scores)["quality.score"].to_numpy()
    assert np.all(np.diff(quality) < 0)
    assert quality[-1] <= 1 - flagger.high_percentile / 100 < quality[-2]


def test_error_rows_get_no_flag():
    flags = framing.flag(["We must act. In conclusion, it's important to act.", None])
    assert flags["quality.flagged"].isna().tolist() == [False, True]
    assert flags["quality.reasons"].iloc[1] == [] and flags["error"].iloc[1] == "missing text"


def test_bad_parameters_raise_at_use():
    with pytest.raises(ValueError, match="high_percentile"):
        QualityFlagger(high_percentile=100).flag(pd.DataFrame({"style.faq_questions": [1.0]}))
    assert {rule.limit for rule in RULES} <= set(QualityFlagger().__dict__)


def test_seeds_000_flagged_and_real_reporting_not(seed_texts):
    flags = framing.flag(list(seed_texts.values()), ids=list(seed_texts))
    flagged = flags["quality.flagged"].astype(bool)
    assert flagged.iloc[0] and not flagged.iloc[1:].any()
    assert len(flags["quality.reasons"].iloc[0]) >= 2


def test_linear_flagger_trains_saves_and_loads(tmp_path, seed_texts):
    texts = list(seed_texts.values())
    padded = [t + "\n\nTo Read the complete article click here\n\nIn conclusion, we must act." * 3 for t in texts]
    analyzer = framing.Analyzer(signals=["boilerplate", "style"]).fit(texts + padded, [0] * 5 + [1] * 5)
    assert isinstance(analyzer.flagger_, LinearFlagger)
    flags = analyzer.flag(texts + padded)
    assert flags["quality.flagged"].astype(bool).tolist() == [False] * 5 + [True] * 5
    path = tmp_path / "flagger.json"
    analyzer.flagger_.save(path)
    loaded = LinearFlagger.load(path)
    scores = framing.score(padded, signals=["boilerplate", "style"])
    np.testing.assert_allclose(loaded.predict_proba(scores), analyzer.flagger_.predict_proba(scores))
    assert flags["quality.reasons"].iloc[5][0].startswith("linear:")
    with pytest.raises(ValueError, match="binary"):
        LinearFlagger().fit(scores, [0, 1, 2, 0, 1])


def test_analyzer_fit_without_labels_learns_in_domain_norms(seed_texts):
    texts = list(seed_texts.values())
    analyzer = framing.Analyzer(signals="style").fit(texts)
    assert isinstance(analyzer.flagger_, QualityFlagger) and analyzer.flagger_.norms is analyzer.norms_
    assert analyzer.norms_.counts["style.exhortations"] == 5
    assert len(analyzer.flag(texts)) == 5


def test_registers_ship_their_own_norms():
    from framing.judges.norms import REGISTERS

    assert REGISTERS == ("news", "web")
    news, web = reference_norms("news"), reference_norms("web")
    assert news.meta["register"] == "news" and web.meta["register"] == "web"
    assert set(framing.columns()) <= set(web.columns)
    with pytest.raises(ValueError, match="register"):
        reference_norms("blogs")
    # quote- and line-level columns are learnt only from sources that keep quotes and line breaks
    only = news.meta["columns_learnt_only_from"]
    assert any("sourcing.orphan_quotes" in cols and "newsarticles" not in src for src, cols in only.items())
    assert news.counts["boilerplate.lines"] < news.counts["readability.flesch_kincaid_grade"]


def test_flag_takes_a_register(seed_texts):
    texts = list(seed_texts.values())
    web = framing.flag(texts, register="web")
    assert len(web) == len(texts) and web["quality.flagged"].iloc[0]
    with pytest.raises(ValueError, match="register"):
        framing.flag(texts[:1], register="blog")
    with pytest.raises(ValueError, match="not both"):
        framing.flag(texts[:1], register="web", flagger=QualityFlagger())


def test_shipped_model_gives_the_score_and_a_reason(seed_texts):
    from framing.judges.flags import MODEL_CODE, shipped_model

    model = shipped_model()
    assert 0.5 <= model.threshold_ < 1 and model.meta_["cross_validation"].startswith("GroupKFold")
    scores = framing.score(list(seed_texts.values()))
    with_model, rules_only = QualityFlagger(), QualityFlagger(model=None)
    p = with_model.model_probability(scores)
    assert np.isnan(rules_only.model_probability(scores)).all()
    quality = with_model.flag(scores)["quality.score"].to_numpy()
    np.testing.assert_allclose(quality, np.fmin(rules_only.flag(scores)["quality.score"].to_numpy(), 1 - p))
    assert any(r.startswith(MODEL_CODE) for r in with_model.flag(scores)["quality.reasons"].iloc[0])
    # a document the model alone flags is flagged with the model's reason
    threshold = float(np.sort(p)[1])
    forced = QualityFlagger(model_threshold=threshold).flag(scores)
    above = p >= threshold
    assert forced["quality.flagged"].to_numpy()[above].all()
    assert all(any(r.startswith(MODEL_CODE) for r in reasons) for reasons in forced["quality.reasons"][above])
    with pytest.raises(ValueError, match="model"):
        QualityFlagger(model="other").flag(scores)


def test_corroborating_rules_never_flag_alone():
    corroborating = [rule for rule in RULES if not rule.fires]
    assert {r.code for r in corroborating} >= {"vague_sources", "unsourced_claims"}
    rule = corroborating[0]
    norms = _norms(**{rule.column: np.linspace(0, 1, 200)})
    scores = pd.DataFrame({rule.column: [1.0 if rule.side == "high" else 0.0], "text.words": [500.0]})
    assert QualityFlagger(norms, model=None).flag(scores)["quality.flagged"].tolist() == [False]


def test_boilerplate_rule_leaves_captions_and_credits_out():
    from framing.judges.flags import derived_columns

    scores = pd.DataFrame({"boilerplate.lines": [23.0], "boilerplate.media_credit": [22.0]})
    assert derived_columns(scores)["boilerplate.furniture_lines"].tolist() == [1.0]
    norms = _norms(**{"boilerplate.furniture_lines": [0.0] * 199 + [1.0]})
    assert QualityFlagger(norms, model=None).flag(scores)["quality.flagged"].tolist() == [False]


def test_analyzer_register_option(seed_texts):
    texts = list(seed_texts.values())
    analyzer = framing.Analyzer(signals=["style", "sourcing", "repetition"], register="web").fit(texts)
    assert analyzer.flagger_.register == "web" and analyzer.flagger_.norms is None
    assert analyzer.norms_.counts["style.exhortations"] == 5  # in-domain norms are still learnt
    with pytest.raises(ValueError, match="register"):
        framing.Analyzer(register="blog").fit(texts)
