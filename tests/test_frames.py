import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.core.segment import segment
from framing.cues.lexicon import BUNDLED, Lexicon, LexiconError, Matches, bundled_lexicon, load_lexicon, match
from framing.families import frames

REPO = Path(__file__).resolve().parents[1]
CONTRASTS = json.loads((REPO / "tests" / "data" / "frame_contrasts.json").read_text(encoding="utf-8"))


def poles(texts, lexicons="immigration"):
    """Summed security and humanitarian weights (per 1,000 words) of each text."""
    scores = frames.compute(segment(list(texts)), lexicons=lexicons)
    return scores["framing.immigration.security_score"], scores["framing.immigration.humanitarian_score"]


def statuses(text, lexicon):
    found = match(segment([text]), load_lexicon(lexicon))
    return [(found.pattern[i], found.lexicon.frame_names[found.frame[i]] if found.frame[i] >= 0 else "",
             found.STATUSES[found.status[i]]) for i in range(len(found.first))]  # fmt: skip


# -- the issue's examples and the contrast pairs --------------------------------------------------
def test_issue_pairs_flip():
    security, humanitarian = poles([
        "Migrants were arrested for smuggling.", "Migrants were rescued from smugglers.",
        "Officials said the border must be secured.", "Advocates said migrant families must not be separated.",
        "Advocates said families must not be separated.",
    ])  # fmt: skip
    assert security[0] > 0 and humanitarian[0] == 0
    assert security[1] == 0 and humanitarian[1] > 0
    assert security[2] > 0 and humanitarian[2] == 0
    assert security[3] == 0 and humanitarian[3] > 0
    # issue 14: without a word about migration the sentence is off topic, not humanitarian
    assert np.isnan(security[4]) and np.isnan(humanitarian[4])


def test_contrast_pairs_mostly_flip():
    texts, expected, pair_of = [], [], []
    for i, pair in enumerate(CONTRASTS["pairs"]):
        texts += pair["texts"]
        expected += pair["expect"]
        pair_of += [i, i]
    assert len(CONTRASTS["pairs"]) >= 40
    security, humanitarian = poles(texts)
    ok = np.array([
        (s > 0 and h == 0) if e == "security" else (h > 0 and s == 0) if e == "humanitarian" else (s == 0 and h == 0)
        for s, h, e in zip(security, humanitarian, expected)
    ])  # fmt: skip
    flips = pd.Series(ok).groupby(pair_of).all()
    # measured 37 of 44 (benchmarks/frames_validation.py lists the failures)
    assert flips.sum() >= 35, [CONTRASTS["pairs"][i]["texts"] for i in flips.index[~flips]]


def test_topic_only_sentences_score_zero():
    security, humanitarian = poles(CONTRASTS["topic_only"])
    assert len(CONTRASTS["topic_only"]) >= 10
    assert (security == 0).all() and (humanitarian == 0).all()


def test_topic_words_are_never_cues():
    # the codebooks' warning: topic and legal-status words name the subject
    words = ["migrant", "migrants", "immigration", "immigrant", "asylum", "refugee", "refugees", "deport",
             "deported", "deportation", "illegal", "illegally", "undocumented", "border", "alien"]  # fmt: skip
    table = frames.cue_table([" ".join(words) + "."], lexicons="immigration")
    assert table.empty or (table["kind"] != "cue").all() or table["status"].isin(["hidden", "ignored"]).all()
    security, humanitarian = poles([f"The {w} arrived." for w in words])
    # 0 on topic, NaN off topic ("illegal" alone is no topic word): never a cue either way
    assert (np.nan_to_num(security) == 0).all() and (np.nan_to_num(humanitarian) == 0).all()


def test_off_topic_texts_are_not_framed():
    # issue 14: both poles need the topic, and a document off topic gets NaN, not 0 or a balance
    texts = ["Police arrested two smugglers of cigarettes.", "The families were separated.",
             "The Amazon needs protection: the rights of indigenous families are at stake."]  # fmt: skip
    scores = frames.compute(segment(texts), lexicons="immigration")
    for name in frames.columns("immigration"):
        if not name.endswith(("topic", "on_topic")):
            assert np.isnan(scores[name]).all(), name
    assert scores["framing.immigration.on_topic"].tolist() == [0.0, 0.0, 0.0]
    assert scores["framing.immigration.topic"].tolist() == [0.0, 0.0, 0.0]
    table = frames.cue_table(texts, lexicons="immigration")
    assert set(table.loc[table["kind"] == "cue", "status"]) == {"off_topic"}
    assert frames.evidence(segment(texts), 2, lexicons="immigration") == []


def test_topic_windows_of_the_bundled_set():
    # humanitarian cues count within four sentences of a sentence about migration; security cues in it
    _, humanitarian = poles(["The flight carried 116 deported migrants. It left on time. The families were afraid.",
                             "The flight carried 116 deported migrants. Asylum claims rose. It left on time. "
                             "It landed at noon. The crew was tired. The families were afraid."])  # fmt: skip
    assert humanitarian[0] > 0 and humanitarian[1] > 0
    # police and arrest words count only in a sentence that names migration ...
    security, _ = poles(["The flight carried 116 deported migrants. Some were arrested by police.",
                         "The flight carried 116 deported migrants, some arrested by police."])  # fmt: skip
    assert security[0] == 0 and security[1] > 0
    # ... migration-specific cues (smuggling, walls, entry bans) also in the sentence next to one
    security, _ = poles(["The flight carried 116 deported migrants. Some were involved in smuggling.",
                         "The flight carried 116 deported migrants. It left on time. Some were involved in smuggling."])  # fmt: skip
    assert security[0] > 0 and security[1] == 0


def test_a_cue_with_its_own_topic_window():
    data = {"name": "t", "topic": {"terms": ["~migrant"], "window": 0},
            "frames": {"s": {"cues": {"police": 1.0, "smuggl*": {"weight": 1.5, "topic": 1}}}}}
    lexicon = load_lexicon(data)
    assert lexicon.frames[0].cue_topic == (("smuggl*", 1),)
    assert load_lexicon(lexicon.to_dict()) == lexicon  # the format round-trips
    text = "Migrants arrived. Smuggling rose. The police came. Smuggling fell."
    table = frames.cue_table([text], lexicons=lexicon)
    assert list(zip(table["text"], table["status"])) == [("Smuggling", "counted"), ("police", "off_topic"), ("Smuggling", "off_topic")]
    with pytest.raises(LexiconError, match=r"cues\['smuggl\*'\]\.topic"):
        load_lexicon({**data, "frames": {"s": {"cues": {"smuggl*": {"weight": 1.5, "topic": -1}}}}})
    with pytest.raises(LexiconError, match=r"unknown keys \['note'\]"):
        load_lexicon({**data, "frames": {"s": {"cues": {"smuggl*": {"weight": 1.5, "note": "x"}}}}})


def test_topic_gate_with_related_context():
    # two sentences with a term pass the gate when four sentences hold a term or a related word
    data = {"name": "t", "topic": {"terms": ["~migrant"], "related": ["border"], "min_sentences": 3, "min_terms": 2, "min_topical": 4},
            "frames": {"s": {"cues": {"smuggl*": 1.0}}}}  # fmt: skip
    lexicon = load_lexicon(data)
    filler = " ".join(f"The council met on day {i}." for i in range(20))
    two_terms = "Migrants came. A migrant spoke. The border closed. The border reopened. Smuggling rose. " + filler
    two_only = "Migrants came. A migrant spoke. The border closed. Smuggling rose. " + filler
    scores = frames.compute(segment([two_terms, two_only]), lexicons=lexicon)
    assert scores["framing.t.on_topic"].tolist() == [1.0, 0.0]
    assert load_lexicon(lexicon.to_dict()) == lexicon
    with pytest.raises(LexiconError, match="give both or neither"):
        load_lexicon({**data, "topic": {"terms": ["~migrant"], "min_terms": 2}})


def test_topic_gate_counts_sentences_with_a_term():
    lexicon = bundled_lexicon("immigration")
    assert (lexicon.topic_min_sentences, lexicon.topic_min_share, lexicon.topic_window) == (3, 0.3, 2)
    filler = " ".join(f"The council met on day {i} to discuss the budget." for i in range(30))
    long_two = "Two migrants were arrested. " + filler + " Refugees need protection."
    long_three = "Two migrants were arrested. Asylum claims rose. " + filler + " Refugees need protection."
    scores = frames.compute(segment([long_two, long_three]), lexicons="immigration")
    assert scores["framing.immigration.on_topic"].tolist() == [0.0, 1.0]
    assert np.isnan(scores["framing.immigration.balance"][0]) and np.isfinite(scores["framing.immigration.balance"][1])
    assert scores["framing.immigration.security_score"][1] > 0 and scores["framing.immigration.humanitarian_score"][1] > 0
    assert scores["framing.immigration.topic"][1] == pytest.approx(3 / 33)


def test_related_words_need_a_document_on_topic():
    # "border" and "ICE" have other senses: alone in a long text they put nothing on topic ...
    filler = " ".join(f"The ice sheet lost mass in year {i}." for i in range(20))
    off = "Troops patrolled the border and made arrests. " + filler
    on = "Migrants crossed. Asylum seekers waited. Refugees were deported. " + filler + " Troops patrolled the border and made arrests."
    scores = frames.compute(segment([off, on]), lexicons="immigration")
    assert scores["framing.immigration.on_topic"].tolist() == [0.0, 1.0]
    assert scores["framing.immigration.security_score"][1] > 0  # ... but are context in a document on topic
    # a short text counts its related words toward the share: one sentence of one is on topic
    assert frames.compute(segment(["Officials said the border must be secured."]), lexicons="immigration")[
        "framing.immigration.on_topic"].tolist() == [1.0]  # fmt: skip


@pytest.mark.parametrize("window, counted", [(0, [True, False, False]), (1, [True, True, False]),
                                             ("paragraph", [True, True, False]), ("document", [True, True, True])])
def test_topic_windows(window, counted):
    lexicon = load_lexicon({"name": "t", "topic": {"terms": ["migrant*"], "window": window},
                            "frames": {"threat": {"cues": {"threat": 1.0}}}})  # fmt: skip
    text = "The migrants are a threat. A threat, they said.\n\nIt is a threat."
    found = match(segment([text]), lexicon)
    assert [s == 0 for s in found.status] == counted


def test_a_frame_may_have_its_own_window():
    data = {"name": "t", "topic": {"terms": ["migrant*"], "window": 1},
            "frames": {"a": {"cues": {"threat": 1.0}, "topic": 0}, "b": {"cues": {"rights": 1.0}}}}  # fmt: skip
    found = match(segment(["The migrants came. A threat to rights."]), load_lexicon(data))
    assert [(found.lexicon.frame_names[f], Matches.STATUSES[s]) for f, s in zip(found.frame, found.status)] == [
        ("a", "off_topic"), ("b", "counted")]  # fmt: skip
    assert load_lexicon(data).to_dict()["frames"]["a"]["topic"] == 0


def test_frames_without_topic_need_only_the_document():
    data = {"name": "t", "topic": {"terms": ["migrant*"], "window": 0},
            "frames": {"a": {"cues": {"threat": 1.0}}, "b": {"cues": {"rights": 1.0}, "topic": False}}}  # fmt: skip
    texts = ["The migrants came. Rights matter. A threat.", "Rights matter."]
    scores = frames.compute(segment(texts), lexicons=data)
    assert scores["framing.t.b_score"][0] > 0 and scores["framing.t.a_score"][0] == 0
    assert np.isnan(scores["framing.t.b_score"][1]) and scores["framing.t.on_topic"].tolist() == [1.0, 0.0]


def test_sets_without_topic_have_no_gate():
    assert not any(c.endswith("on_topic") for c in frames.columns("generic"))
    scores = frames.compute(segment(["The Amazon needs protection."]), lexicons="generic")
    assert all(np.isfinite(v).all() for v in scores.values())


# -- negation, hedges, direction ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, status",
    [
        ("Officials said the migrants are a threat.", "counted"),
        ("Officials said the migrants are not a threat.", "negated"),
        ("Officials said the migrants aren't a threat.", "negated"),
        ("The migrants were never charged with any crime.", "negated"),
        ("The migrants are not only poor, they are a threat.", "counted"),  # "not only", then a clause break
        ("The migrants are not poor but a threat.", "counted"),  # "but" ends the negation's scope
        ("Nobody said so; the migrants are a threat.", "counted"),  # ";" ends it
    ],
)
def test_negation_drops_security_cues(text, status):
    found = [s for p, f, s in statuses(text, "immigration") if f == "security"]
    assert found == [status]


def test_negation_keeps_rights_claims():
    _, humanitarian = poles(["The migrants were denied due process.", "Migrants were deported without a fair hearing."])
    assert (humanitarian > 0).all()


def test_hedged_cues_count_and_are_marked():
    table = frames.cue_table(["Some migrants could be engaged in espionage, officials say."], lexicons="immigration")
    row = table[table["status"] == "counted"].iloc[0]
    assert row["text"] == "espionage" and row["hedged"]
    report = framing.analyze("Some migrants could be engaged in espionage, officials say.", signals="framing")
    cues = [e for e in report.evidence_for("framing.immigration.security") if e.code == "frame_cue"]
    assert "hedged" in cues[0].label


def test_direction_rules_veto_security():
    security, humanitarian = poles([
        "Hate crimes against immigrants have doubled.", "Crimes committed by immigrants have doubled.",
        "Police arrested a man for assaulting migrants.", "The refugees fled violence at home.",
    ])  # fmt: skip
    assert security[0] == 0 and humanitarian[0] > 0
    assert security[1] > 0 and humanitarian[1] == 0
    assert security[2] == 0 and humanitarian[2] > 0
    assert security[3] == 0 and humanitarian[3] > 0


def test_longest_match_wins_and_ignore_hides_names():
    found = statuses("Migrants were victims of trafficking. Immigration and Customs Enforcement said so.", "immigration")
    by_status = {(p, s) for p, _, s in found}
    assert ("traffick*", "hidden") in by_status
    assert ("~enforce", "hidden") in by_status
    assert ("immigration and customs enforcement", "ignored") in by_status


# -- the columns ----------------------------------------------------------------------------------
def test_columns_balance_and_evidence():
    texts = ["Migrants were arrested for smuggling. The border must be secured.",
             "The asylum seekers fled persecution and deserve dignity and compassion.",
             "The migrants arrived on Tuesday."]  # fmt: skip
    df = framing.score(texts, signals="framing", lexicons="immigration")
    assert list(df.columns) == [*frames.columns("immigration"), "text.language", "error"]
    balance = df["framing.immigration.balance"].to_numpy()
    assert balance[0] > 0 > balance[1] and balance[2] == 0 and np.all(np.abs(balance) < 1)
    assert df["framing.immigration.security"].tolist() == [1.0, 0.0, 0.0]
    # 10 words, 3 cues: arrested, smuggling, "border must be secured"
    assert math.isclose(df.loc[0, "framing.immigration.security_per_1k"], 300.0)
    report = framing.analyze(texts[1], signals="framing", lexicons="immigration")
    items = [e for e in report.evidence_for("framing.immigration.humanitarian") if e.code == "frame_cue"]
    assert [e.text for e in items] == ["fled persecution", "dignity", "compassion"]
    assert all(texts[1][e.start : e.end] == e.text and "sentence 0–" in e.label for e in items)


def test_bad_rows_and_wordless_texts():
    df = framing.score([None, "!!!", "Migrants were arrested."], signals="framing", lexicons="immigration")
    assert df.loc[0, "error"] == "missing text" and df.loc[0, frames.columns("immigration")].isna().all()
    assert np.isnan(df.loc[1, "framing.immigration.security"])
    assert df.loc[2, "framing.immigration.security"] == 1.0


def test_bundled_sets_are_default_and_documented():
    assert [lex.name for lex in frames.lexicons()] == list(BUNDLED)
    assert framing.columns("framing") == list(frames.COLUMNS)
    for name in BUNDLED:
        lexicon = bundled_lexicon(name)
        provenance = dict(lexicon.provenance)
        assert provenance.get("sources") and provenance.get("licence")
    assert {f.name for f in bundled_lexicon("generic").frames} == {"conflict", "economic", "human_interest", "moral", "resolution"}
    assert all(f.threshold for f in bundled_lexicon("generic").frames)


def test_seed_order():
    texts = sorted((REPO / "seeds").glob("*.txt"))
    df = framing.score([p.read_text(encoding="utf-8") for p in texts], signals="framing", lexicons="immigration")
    balance = df["framing.immigration.balance"].to_numpy()
    assert texts[int(np.argmax(balance))].name.startswith("004")
    assert texts[int(np.argmin(balance))].name.startswith("000")


def test_results_do_not_depend_on_batching(seed_texts):
    texts = list(seed_texts.values()) * 2
    custom = {"name": "mine", "frames": {"danger": {"cues": {"threat*": 1, "danger*": 1}}}}
    reference = framing.score(texts, signals="framing", lexicons=["immigration", custom])
    other = framing.score(texts, signals="framing", lexicons=["immigration", custom], batch_size=3, n_jobs=2)
    pd.testing.assert_frame_equal(reference, other, check_exact=True)


# -- custom lexicons ------------------------------------------------------------------------------
CUSTOM = {
    "name": "risk",
    "poles": ["calm", "danger"],
    "provenance": {"authors": "tests"},
    "settings": {"negation_window": 2},
    "frames": {
        "danger": {"cues": {"threat*": 1.0, "~collapse": 2, "out of control": 2}},
        "calm": {"cues": {"*ful": 0.5, "safe": 1}, "negation": "keep"},
    },
    "rules": [{"pattern": "safe from", "frame": "calm", "veto": ["danger"]}],
}


def test_custom_lexicon_from_dict():
    lexicon = framing.load_lexicon(CUSTOM)
    assert isinstance(lexicon, Lexicon) and lexicon.columns()[-1] == "framing.risk.balance"
    df = framing.score(["The bridge collapsed. Things are out of control.", "A peaceful, safe town.",
                        "They are safe from the threat.", "It is not a threat."],
                       signals="framing", lexicons=lexicon)  # fmt: skip
    assert df["framing.risk.danger"].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert df["framing.risk.danger_score"].iloc[0] == pytest.approx(4 / 8 * 1000)  # 2 cues x 2.0 in 8 words
    assert df["framing.risk.calm_score"].iloc[1] == pytest.approx(1.5 / 4 * 1000)  # peaceful 0.5 + safe 1
    assert df["framing.risk.calm"].tolist() == [0.0, 1.0, 1.0, 0.0]


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_custom_lexicon_from_file(tmp_path, suffix):
    path = tmp_path / f"risk{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(CUSTOM), encoding="utf-8")
    else:
        path.write_text(
            'name = "risk"\npoles = ["calm", "danger"]\n[frames.danger]\ncues = { "threat*" = 1.0, "~collapse" = 2,'
            ' "out of control" = 2 }\n[frames.calm]\nnegation = "keep"\ncues = { "*ful" = 0.5, "safe" = 1 }\n'
            '[[rules]]\npattern = "safe from"\nframe = "calm"\nveto = ["danger"]\n', encoding="utf-8")  # fmt: skip
    from_file = framing.score(["The bridge collapsed.", "They are safe from the threat."], signals="framing", lexicons=path)
    from_dict = framing.score(["The bridge collapsed.", "They are safe from the threat."], signals="framing", lexicons=CUSTOM)
    pd.testing.assert_frame_equal(from_file, from_dict)


def test_lexicon_round_trip():
    lexicon = bundled_lexicon("immigration")
    again = load_lexicon(lexicon.to_dict())
    assert again == lexicon


def test_readme_example_runs(tmp_path, monkeypatch):
    readme = (REPO / "docs" / "lexicons.md").read_text(encoding="utf-8")  # the example moved from the README
    toml = re.findall(r"```toml\n(.*?)```", readme, re.S)[0]
    code = next(block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "climate_frames.toml" in block)
    (tmp_path / "climate_frames.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    df = namespace["df"]
    expected = [line.split()[2:] for line in code.splitlines() if re.match(r"# \d ", line)]
    columns = ["framing.climate.alarm", "framing.climate.hope", "framing.climate.balance"]
    assert np.allclose(df[columns].to_numpy(), np.array(expected, dtype=float), atol=1e-6)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"colour": "red"}, "unknown keys ['colour']"),
        ({"name": "Bad Name"}, "name: must match"),
        ({"frames": {}}, "frames: a table of at least one frame"),
        ({"frames": {"danger": {"cues": {"threat": -1}}}}, "weight must be in (0, 100]"),
        ({"frames": {"danger": {"cues": {"threat": "high"}}}}, "weight must be a finite number"),
        ({"frames": {"danger": {"cues": {"threat": float("nan")}}}}, "weight must be a finite number"),
        ({"frames": {"danger": {"cues": {"threat": True}}}}, "weight must be a finite number"),
        ({"frames": {"danger": {"cues": {"thr**eat": 1}}}}, "is not a word, pre*, *suf, ~word or *"),
        ({"frames": {"danger": {"cues": {"a": 1}, "negation": "flip"}}}, "negation: must be 'drop' or 'keep'"),
        ({"frames": {"danger": {"cues": {"a": 1}, "weights": {}}}}, "unknown keys ['weights']"),
        ({"frames": {"balance": {"cues": {"a": 1}}}}, "frames.balance: a frame name must"),
        ({"rules": [{"pattern": "x", "veto": ["nope"]}]}, "rules[0].veto: must be a list of frames"),
        ({"rules": [{"pattern": "x", "frame": "nope"}]}, "rules[0].frame: 'nope' is not a frame"),
        ({"rules": [{"pattern": "x"}]}, "a rule needs a frame, a veto, or both"),
        ({"poles": ["danger", "nope"]}, "poles: must name two different frames"),
        ({"topic": {"terms": []}}, "a topic condition needs at least one term"),
        ({"topic": {"terms": ["a"], "window": "sentence"}}, "topic.window: must be a non-negative integer or one of"),
        ({"topic": {"terms": ["a"], "min_sentences": 0}}, "topic.min_sentences: must be a positive integer"),
        ({"topic": {"terms": ["a"], "min_share": 1.5}}, "topic.min_share: must be a number in (0, 1]"),
        ({"topic": {"terms": ["a"], "related": "b"}}, "topic.related: must be a list of patterns"),
        ({"frames": {"on_topic": {"cues": {"a": 1}}}}, "frames.on_topic: a frame name must"),
        ({"frames": {"danger": {"cues": {"a": 1}, "topic": "near"}}}, "frames.danger.topic: must be true, false or a window"),
        ({"settings": {"negation_window": -1}}, "negation_window: must be an integer"),
        ({"settings": {"negatorz": []}}, "settings: unknown keys ['negatorz']"),
    ],
)
def test_bad_lexicons_give_clear_errors(change, message):
    data = {"name": "risk", "frames": {"danger": {"cues": {"threat": 1}}}, **change}
    with pytest.raises(LexiconError) as error:
        load_lexicon(data)
    assert message in str(error.value)


def test_every_problem_is_listed_at_once():
    with pytest.raises(LexiconError) as error:
        load_lexicon({"name": "x", "extra": 1, "frames": {"a": {"cues": {"b": 0}}}})
    assert "unknown keys ['extra']" in str(error.value) and "frames.a.cues['b']" in str(error.value)


def test_bad_files(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "missing.toml")
    (tmp_path / "x.yaml").write_text("name: x", encoding="utf-8")
    with pytest.raises(LexiconError, match="must end in .toml or .json"):
        load_lexicon(tmp_path / "x.yaml")
    (tmp_path / "x.toml").write_text("name = ", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_lexicon(tmp_path / "x.toml")
    with pytest.raises(LexiconError, match="no bundled lexicon"):
        bundled_lexicon("nope")
    with pytest.raises(ValueError, match="each name once"):
        framing.score(["x"], signals="framing", lexicons=["immigration", "immigration"])


# -- matching details -----------------------------------------------------------------------------
def test_phrases_need_adjacent_words_in_one_sentence():
    lexicon = {"name": "t", "frames": {"f": {"cues": {"border security": 1}}}}
    found = match(segment(["Border security. Border, security. Border\nsecurity. Border   security."]), load_lexicon(lexicon))
    assert len(found.first) == 2  # the first and the last


def test_pattern_kinds():
    lexicon = load_lexicon({"name": "t", "frames": {"f": {"cues": {"~arrest": 1, "smuggl*": 1, "*phobia": 1, "a * c": 1}}}})
    table = frames.cue_table(["Arrests, arrested, smugglers, xenophobia, a b c, a c."], lexicons=lexicon)
    assert table["text"].tolist() == ["Arrests", "arrested", "smugglers", "xenophobia", "a b c"]


# -- the sentence model (issue 14) -------------------------------------------------------------------
def test_the_immigration_set_names_its_sentence_model_and_others_keep_the_cue_rule():
    immigration = bundled_lexicon("immigration")
    assert immigration.sentence_model == "frame_sentences.json"
    assert load_lexicon(immigration.to_dict()).sentence_model == "frame_sentences.json"  # round trip
    assert bundled_lexicon("generic").sentence_model == ""
    with pytest.raises(LexiconError, match="sentence_model"):
        load_lexicon({"name": "x", "sentence_model": 3, "frames": {"a": {"cues": {"alarm": 1}}}})
    # a user lexicon without a model: the cue rule, as before
    user = {"name": "mine", "frames": {"alarm": {"cues": {"crisis": 1.0}}}}
    df = framing.score(["A crisis. Calm."], signals="framing", lexicons=user)
    assert df["framing.mine.alarm"].tolist() == [0.5]
    report = framing.analyze("A crisis. Calm.", signals="framing", lexicons=user)
    assert {e.code for e in report.evidence} == {"frame_cue"}


def test_the_sentence_model_refuses_another_version_of_its_lexicon():
    data = bundled_lexicon("immigration").to_dict()
    data["frames"]["security"]["cues"]["~menace"] = 1.0  # a changed lexicon that still names the model
    with pytest.raises(LexiconError, match="retrain"):
        framing.score(["Migrants were arrested for smuggling."], signals="framing", lexicons=load_lexicon(data))


def test_sentence_model_decisions_columns_and_evidence_agree():
    texts = ["Migrants were arrested for smuggling at the border. The border must be secured.",
             "The asylum seekers fled persecution and deserve dignity.", "The weather was fine."]  # fmt: skip
    df = framing.score(texts, signals="framing", lexicons="immigration")
    assert np.isnan(df.loc[2, "framing.immigration.security"]) and df.loc[2, "framing.immigration.on_topic"] == 0.0
    for i, text in enumerate(texts[:2]):
        report = framing.analyze(text, signals="framing", lexicons="immigration")
        sentences = [e for e in report.evidence if e.code == "frame_sentence"]
        n = len(framing.segment([text]).sentences)
        for pole in ("security", "humanitarian"):
            mine = [e for e in sentences if e.details["frame"] == pole]
            assert df.loc[i, f"framing.immigration.{pole}"] == pytest.approx(len(mine) / n)
            for e in mine:
                assert e.details["probability"] >= e.details["threshold"] and e.text == text[e.start : e.end]
        s, h = (sum(e.details["frame"] == p for e in sentences) for p in ("security", "humanitarian"))
        assert df.loc[i, "framing.immigration.balance"] == pytest.approx((s - h) / (s + h + 1.0))
    table = framing.sentences(texts[:1], signals="framing", lexicons="immigration")
    assert (table["immigration.security"] > 0).sum() == round(df.loc[0, "framing.immigration.security"] * len(table))


def _roles(text: str) -> list[dict[str, float]]:
    return [dict(zip(frames.ROLE_FEATURES, row.tolist())) for row in frames.role_features(segment([text]))]


def test_role_features_see_who_is_acted_on():
    acted_on, suffering, passive, negated, reported, none = _roles(
        "Agents detained the migrants at the airport. Refugee families fled the fighting. "
        "Hundreds of immigrants were deported last year. The families were not separated. "
        "The minister said the plan would work. The weather was fine.")  # fmt: skip
    assert acted_on["enforcement_before_people"] == 1 and acted_on["people_near_enforcement"] == 1
    assert acted_on["people_near_harm"] == 0 and acted_on["passive_enforcement"] == 0
    assert suffering["people_before_harm"] == 1 and suffering["people_near_enforcement"] == 0
    assert passive["passive_enforcement"] == 1 and passive["people_before_enforcement"] == 1
    assert negated["negated_harm"] == 1 and negated["people_before_harm"] == 1
    assert reported["reported"] == 1 and sum(reported.values()) == 1
    assert sum(none.values()) == 0


def test_role_features_stay_inside_a_sentence_and_within_reach():
    # the migrants end one sentence and the deportation opens the next: not near
    first, second = _roles("They spoke to the migrants. Deportations rose.")
    assert first["people_near_enforcement"] == 0 and second["people_near_enforcement"] == 0
    (far,) = _roles("Migrants in the long and winding queue for many hours were detained.")
    assert far["people_before_enforcement"] == 0 and far["passive_enforcement"] == 1
    assert frames.role_features(segment([""])).shape == (0, len(frames.ROLE_FEATURES))


def test_stem_bigrams_are_consecutive_words_of_one_sentence():
    sentence, keys = frames.stem_bigrams(segment(["Migrants were detained. Detained again, 42 times."]))
    pairs = sorted(zip(sentence.tolist(), keys.tolist()))
    assert pairs == [(0, "migrant were"), (0, "were detain"), (1, "detain again")]


def test_a_sentence_model_with_role_and_bigram_weights(tmp_path):
    # the bundled model with a security weight for one role feature and one stem bigram set: the
    # sentence's log-odds move by exactly the changes
    data = json.loads((REPO / "framing" / "data" / "frame_sentences.json").read_text(encoding="utf-8"))
    entry = data["frames"]["security"]
    before = entry.get("roles", {}).get("passive_enforcement", 0.0) + entry.get("bigrams", {}).get("were deport", 0.0)
    data["role_features"] = list(frames.ROLE_FEATURES)
    entry.setdefault("roles", {})["passive_enforcement"] = 3.0
    entry.setdefault("bigrams", {})["were deport"] = 2.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    lexicon = bundled_lexicon("immigration")
    corpus = segment(["Many migrants were deported after the raids."])
    found = match(corpus, lexicon)
    security = list(data["frames"]).index("security")
    base = frames.sentence_model("frame_sentences.json").probabilities(corpus, lexicon, found)[1][0, security]
    changed = frames.sentence_model(str(path)).probabilities(corpus, lexicon, found)[1][0, security]
    assert math.log(changed / (1 - changed)) - math.log(base / (1 - base)) == pytest.approx(5.0 - before, abs=1e-6)
    data["role_features"] = ["something else"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="role features"):
        frames.sentence_model(str(other)).probabilities(corpus, lexicon, found)
