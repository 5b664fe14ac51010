"""Machine-readable evidence: every Evidence has a registered, stable code and plain-JSON details
with its code's keys; the registry, docs/evidence.md and the quality reasons agree."""

from __future__ import annotations

import html
import importlib.util
import json
import pickle
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.config import Config
from framing.core.evidence import Details, Evidence, EvidenceCode, Report
from framing.core.segment import segment
from framing.faces.render import html_page
from framing.families import boilerplate
from framing.judges.flags import REASON_COLUMNS, RULES, STATUSES, LinearFlagger, QualityFlagger
from framing.pipeline import CODE_FAMILIES, EVIDENCE_CODES, FAMILIES

REPO = Path(__file__).resolve().parents[1]

#: The codes and their details keys, by family. A rename, a removed code or a changed key fails
#: here: codes are a public contract (docs/evidence.md). Adding a code means adding it here too.
RELATION_KEYS = ("kind", "source_class", "resolved_class", "cue_start", "cue_end", "source_start", "source_end",
                 "content_start", "content_end")
EXPECTED = {
    "readability": {
        "sentence": ("words",),
        "polysyllable": ("syllables",),
        "unfamiliar_word": (),
    },
    "repetition": {
        "duplicate_line": ("earlier_start", "earlier_end"),
        "duplicate_paragraph": ("earlier_start", "earlier_end"),
        "top_ngram": ("n", "count"),
        "duplicate_ngram": ("n",),
        "restated_sentence": ("earlier_start", "earlier_end", "similarity"),
    },
    "boilerplate": {
        "furniture_line": ("category", "source", "probability", "caption"),
    },
    "sourcing": {
        "attribution": ("source_kind", "source_start", "source_end"),
        "named_source": ("cue_start", "cue_end"),
        "anonymous_source": ("cue_start", "cue_end", "by_phrase"),
        "document_source": ("cue_start", "cue_end"),
        "quote": ("words", "speaker_by", "cue_start", "cue_end", "earlier_quote_start", "earlier_quote_end"),
        "orphan_quote": ("words",),
        "figure": (),
        "date": (),
        "named_entity": ("words",),
        "relation": RELATION_KEYS,
        "relation_source": RELATION_KEYS,
        "relation_content": RELATION_KEYS,
        "quote_speaker": ("source_class",),
        "unsourced_claim": (),
    },
    "style": {
        "filler_phrase": ("category",),
        "faq_question": ("answer_start", "answer_end"),
        "flattened_table_line": ("words",),
        "hedged_balance": ("one_side", "other_side"),
        "generic_framing_sentence": ("phrase",),
        "lead_restatement": ("lead_start", "lead_end", "overlap"),
        "unspecific_claim": ("words",),
        "uniform_rhythm": ("sentences", "median_words"),
    },
    "framing": {
        "frame_cue": ("frame_set", "frame", "pattern", "weight", "hedged", "sentence_start", "sentence_end"),
        "frame_sentence": ("frame_set", "frame", "probability", "threshold", "cues", "sentence_start", "sentence_end"),
    },
}
EXPECTED_REASON_CODES = (
    "boilerplate_prompts", "boilerplate_lines", "duplicate_paragraphs", "duplicate_lines", "paraphrase_repetition",
    "filler_phrases", "orphan_quotes", "sourcing_density", "low_specificity", "hedged_balance", "generic_framing",
    "lead_restatement", "unspecific_claims", "uniform_rhythm", "vague_sources", "unsourced_claims",
)  # fmt: skip

#: Texts that try to break the evidence: empty, invalid, odd characters, unbalanced quotes,
#: layouts of every boilerplate source, and the kinds of finding the seeds lack.
BODY = "The river rose two metres overnight, flooding the old town and closing the bridge for days, officials said."
ADVERSARIAL = [
    "",
    "   \n\n\t",
    None,
    12345,
    "A.",
    "?!…",
    "\u201cAn opening quote that never closes and runs on",
    "\"\"\"\"",
    "Emoji \U0001f600 and astral \U0001d400 characters: the council \U0001f30d said it would act.\r\nCRLF line\r\n",
    "\u0627\u0644\u0645\u062c\u0644\u0633 \u0642\u0627\u0644 \u0625\u0646\u0647 \u0633\u064a\u062a\u062d\u0631\u0643.\nMixed script line.",
    "x" * 3000,
    "word " * 800,
    "Read more\nRead more\nRead more\n\nRead more\n\nRead more",
    BODY + "\n\nComments\n\nGreat article, thanks!\nI disagree with the council.",
    "Top stories\n\u2022\n\u2022\n" + BODY,
    "World\nPolitics\nBusiness\nTech\nScience\nHealth\n" + BODY + "\n" + BODY.replace("river", "lake"),
    "The product won praise.\n\u201cEasy to use and efficient every single day\u201d \u2013 Dawn R.\n",
    "What is it?\nA bridge.\nWho pays?\nThe city does.\n",
    "Name Age City Country Score Rank Team Position Height Weight Goals Assists Minutes Played Games Starts Cards Fouls Shots",
    "Migrants could pose a threat to national security, officials allegedly said. Refugees were rescued at sea.",
    "In conclusion, it's important to note that we must act. Some support it, while others don't.",
    "\x00\x07 control \x1b characters \ufeff and a BOM.",
]


def _all_evidence(texts, **options):
    for text in texts:
        report = framing.analyze(text, **options)
        assert isinstance(report, Report)
        for item in report.evidence:
            yield report, item


@pytest.fixture(scope="module")
def seed_and_adversarial(seed_texts):
    return list(seed_texts.values()) + ADVERSARIAL


def test_the_registry_is_the_expected_set_of_codes_and_keys():
    found = {name: {e.code: tuple(e.details) for e in family.codes} for name, family in FAMILIES.items()}
    assert found == EXPECTED
    assert list(EVIDENCE_CODES) == [code for codes in EXPECTED.values() for code in codes]
    assert CODE_FAMILIES == {code: family for family, codes in EXPECTED.items() for code in codes}
    assert framing.EVIDENCE_CODES is EVIDENCE_CODES
    for entry in EVIDENCE_CODES.values():
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entry.code)
        assert entry.definition.endswith(".") and "\n" not in entry.definition
        assert entry.signals and all(entry.details.values())


def test_every_family_declares_codes_and_a_duplicate_fails():
    from framing.pipeline import _evidence_codes

    for name, family in FAMILIES.items():
        assert family.codes, name
        assert all(isinstance(e, EvidenceCode) for e in family.codes)

    class Twin:
        name = "twin"
        codes = (EvidenceCode("sentence", "Again.", ("twin.x",)),)

    with pytest.raises(ValueError, match="declared twice"):
        _evidence_codes({**FAMILIES, "twin": Twin()})


def test_every_evidence_has_a_registered_code_and_plain_json_details(seed_and_adversarial):
    seen = set()
    for report, item in _all_evidence(seed_and_adversarial):
        entry = EVIDENCE_CODES.get(item.code)
        assert entry is not None, item
        assert entry.signal_pattern().fullmatch(item.signal), (item.code, item.signal)
        assert tuple(item.details) == tuple(entry.details), item
        assert isinstance(item.details, Details)
        for value in item.details.values():
            assert value is None or type(value) in (str, int, float, bool), item
        data = json.loads(json.dumps(item.to_dict(), allow_nan=False))
        assert data["code"] == item.code and data["details"] == dict(item.details)
        assert report.text[item.start : item.end] == item.text
        assert pickle.loads(pickle.dumps(item)) == item and hash(item) == hash(pickle.loads(pickle.dumps(item)))
        seen.add(item.code)
    assert seen == set(EVIDENCE_CODES)  # every registered code is produced by these texts


def test_reports_are_plain_json_with_codes(seed_and_adversarial):
    for text in seed_and_adversarial:
        report = framing.analyze(text)
        data = report.to_dict(full=True)
        again = json.loads(json.dumps(data, allow_nan=False))
        assert again == data
        assert all(set(e) == {"signal", "code", "label", "start", "end", "text", "details"} for e in data["evidence"])
        compact = json.loads(json.dumps(report.to_dict(), allow_nan=False))  # text once, codes and spans
        assert compact["text"] == report.text and compact["scores"] == data["scores"]
        rebuilt = sorted(
            (g["code"], g["signal"], start, end, tuple((k, g.get("details", {})[k][n]) for k in g.get("details", {})))
            for g in compact["evidence"] for n, (start, end) in enumerate(g["spans"])
        )  # fmt: skip
        assert rebuilt == sorted((e.code, e.signal, e.start, e.end, tuple(e.details.items())) for e in report.evidence)


def test_textstat_mode_and_custom_lexicons_keep_the_contract(seed_texts):
    text = next(iter(seed_texts.values()))
    items = framing.analyze(text, compat="textstat").evidence
    assert not [e for e in items if e.code in EXPECTED["readability"]]  # textstat's counts have no spans
    lexicon = {"name": "mine", "frames": {"alarm": {"cues": {"crisis": 2.0}}}}
    cues = [e for e in framing.analyze("A crisis, a crisis.", lexicons=lexicon).evidence if e.code == "frame_cue"]
    assert cues and all(e.signal == "framing.mine.alarm" for e in cues)
    assert dict(cues[0].details) == {
        "frame_set": "mine", "frame": "alarm", "pattern": "crisis", "weight": 2.0, "hedged": False,
        "sentence_start": 0, "sentence_end": 19,
    }  # fmt: skip


def test_details_say_what_the_labels_say(seed_and_adversarial):
    """The details are the label's facts, and they point at the right spans."""
    for report, e in _all_evidence(seed_and_adversarial):
        text, d = report.text, e.details
        if e.code in ("duplicate_line", "duplicate_paragraph"):
            assert d["earlier_end"] <= e.start and text[d["earlier_start"] : d["earlier_end"]] == e.text
            assert e.label == f"repeats {e.code.split('_')[1]} at {d['earlier_start']}–{d['earlier_end']}"
        elif e.code == "restated_sentence":
            assert d["earlier_end"] <= e.start and 0 < d["similarity"] <= 1
            assert e.label == f"restates sentence at {d['earlier_start']}–{d['earlier_end']} (similarity {d['similarity']:.2f})"
        elif e.code in ("top_ngram", "duplicate_ngram"):
            assert e.signal.endswith(f"_{d['n']}gram_char_fraction")
            if e.code == "top_ngram":
                assert e.label == f"top {d['n']}-gram ({d['count']} times)" and d["count"] >= 2
        elif e.code == "furniture_line":
            assert e.signal == f"boilerplate.{d['category']}" and e.label == d["category"]
            assert d["source"] in boilerplate.SOURCES and 0 <= d["probability"] <= 1
        elif e.code == "frame_cue":
            assert e.signal == f"framing.{d['frame_set']}.{d['frame']}"
            assert d["sentence_start"] <= e.start < e.end <= d["sentence_end"]
            assert (", hedged" in e.label) == d["hedged"] and f"'{d['pattern']}'" in e.label
        elif e.code in ("attribution", "named_source", "anonymous_source", "document_source", "quote"):
            for key in ("source", "cue", "earlier_quote"):
                if d.get(f"{key}_start") is not None:
                    assert 0 <= d[f"{key}_start"] < d[f"{key}_end"] <= len(text)
            if e.code == "attribution":
                assert (d["source_start"] is None) == (d["source_end"] is None)
            if e.code == "anonymous_source" and d["by_phrase"]:
                assert (d["cue_start"], d["cue_end"]) == (e.start, e.end)
            if e.code == "quote":
                assert (d["cue_start"] is not None) == (d["speaker_by"] == "cue")
                assert (d["earlier_quote_start"] is not None) == (d["speaker_by"] == "earlier_quote")
                assert d["speaker_by"] in ("cue", "layout", "earlier_quote")
        elif e.code == "faq_question":
            assert e.end < d["answer_start"] < d["answer_end"] and e.text.endswith("?")
        elif e.code == "filler_phrase":
            assert e.label == d["category"]


def test_sentence_words_add_up_to_the_word_count(seed_texts):
    for text in seed_texts.values():
        report = framing.analyze(text, signals="readability")
        sentences = report.evidence_for("text.sentences")
        assert sum(e.details["words"] for e in sentences) == report.scores["text.words"]
        assert sum(e.details["words"] > 0 for e in sentences) == report.scores["text.sentences"]


def test_boilerplate_sources_follow_the_decision():
    text = (
        "World\nPolitics\nBusiness\nTech\n\u2022\n" + BODY + "\nRead more\n\n"
        + BODY.replace("river", "lake") + "\n\nComments\n\nGreat article, thanks!"
    )  # fmt: skip
    corpus = segment([text])
    table = boilerplate.line_table(corpus)
    items = boilerplate.evidence(corpus, 0)
    sources = {e.text: e.details["source"] for e in items}
    assert sources == {
        "World": "model", "Politics": "model", "Business": "model", "Tech": "model", "\u2022": "empty_item",
        "Read more": "pattern", "Comments": "pattern", "Great article, thanks!": "comments_region",
    }  # fmt: skip
    by_start = {int(s): i for i, s in enumerate(table.start)}
    for e in items:
        i = by_start[e.start]
        assert e.details["probability"] == pytest.approx(table.probability[i])
        if e.details["source"] == "model":
            assert table.probability[i] >= boilerplate.settings.MODEL_THRESHOLD and not table.model_exempt[i]


def test_evidence_is_frozen_checked_and_hashable():
    e = Evidence("x.y", "thing", 0, 1, "a", "some_code", {"n": np.int64(2), "s": np.float32(0.5), "bad": float("nan")})
    assert dict(e.details) == {"n": 2, "s": 0.5, "bad": None} and type(e.details["n"]) is int
    assert {e: 1}[Evidence("x.y", "thing", 0, 1, "a", "some_code", {"bad": None, "s": 0.5, "n": 2})] == 1
    assert Evidence("x.y", "thing", 0, 1, "a", "bare").details == {}
    with pytest.raises(AttributeError):
        e.code = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        e.details["n"] = 3  # type: ignore[index]
    with pytest.raises(AttributeError):
        e.details._data = {}  # type: ignore[attr-defined]
    for bad in ("Bad", "two words", "trailing_", "", "x.y", 3):
        with pytest.raises(ValueError, match="snake_case"):
            Evidence("x.y", "thing", 0, 1, "a", bad)  # type: ignore[arg-type]
    for details in ({"list": [1, 2]}, {"array": np.zeros(2)}, {1: "key"}, {"nested": {"a": 1}}):
        with pytest.raises(TypeError):
            Evidence("x.y", "thing", 0, 1, "a", "some_code", details)
    with pytest.raises(TypeError):
        Evidence("x.y", "thing", 0, 1, "a")  # type: ignore[call-arg]  # a code is required


def test_report_evidence_for_by_signal_and_code():
    report = framing.analyze("Read more\n\nThe storm closed every school in the county on Monday, officials said.")
    furniture = report.evidence_for(code="furniture_line")
    assert [e.text for e in furniture] == ["Read more"]
    assert report.evidence_for("boilerplate.call_to_action", code="furniture_line") == furniture
    assert report.evidence_for("boilerplate.call_to_action", code="sentence") == []
    assert report.evidence_for() == report.evidence


def test_html_report_carries_codes_and_details():
    report = framing.analyze(ADVERSARIAL[13])
    page = html_page(report)
    payload = re.search(r'<script type="application/json" id="evidence">(.*?)</script>', page, re.S).group(1)
    data = json.loads(payload.replace("<\\/", "</"))
    expected = [{k: v for k, v in d.items() if k != "text"} for d in report.to_dict(full=True)["evidence"]]
    assert [{k: v for k, v in d.items() if k not in ("family", "kind", "name")} for d in data] == expected  # the text is the page's
    assert html.unescape(page).count("furniture_line") >= 1


def test_docs_page_matches_the_registry():
    spec = importlib.util.spec_from_file_location("make_evidence", REPO / "docs" / "make_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (REPO / "docs" / "evidence.md").read_text(encoding="utf-8")
    assert page == module.render(), "docs/evidence.md is stale: run python docs/make_evidence.py"
    for codes in EXPECTED.values():
        for code, keys in codes.items():
            assert f"#### `{code}`" in page and all(f"- `{key}`:" in page for key in keys)
    assert all(f"| `{code}` |" in page for code in EXPECTED_REASON_CODES)


# --------------------------------------------------------------------------------------------
# Quality reasons as data
# --------------------------------------------------------------------------------------------
def test_reason_codes_are_stable():
    assert tuple(rule.code for rule in RULES) == EXPECTED_REASON_CODES


def test_explain_rows_are_the_reasons(seed_texts):
    texts = list(seed_texts.values()) + ADVERSARIAL
    scores = framing.score(texts)
    flagger = QualityFlagger()
    flags = flagger.flag(scores)
    reasons = flagger.explain(scores)
    assert list(reasons.columns) == list(REASON_COLUMNS)
    assert set(reasons["code"]) <= {*EXPECTED_REASON_CODES, "generated_style"}  # the rules' and the trained model's
    assert set(reasons["status"]) <= {"fired", "corroborating"}
    grouped = reasons.groupby("document", sort=False)["reason"].apply(list).to_dict()
    for label, listed in flags["quality.reasons"].items():
        assert grouped.get(label, []) == listed
    fired = reasons[reasons["status"] == "fired"]["document"].unique()
    assert set(fired) == set(flags.index[flags["quality.flagged"].fillna(False).astype(bool)])
    first = reasons.iloc[0]
    rule = {r.code: r for r in RULES}[first["code"]]
    assert first["column"] == rule.column and first["value"] == scores.loc[first["document"], rule.column]
    assert first["limit"] == getattr(flagger, rule.limit) and 0 <= first["percentile"] <= 100
    assert first["sentence"].endswith(".") and f"percentile {first['percentile']:.1f}" in first["sentence"]
    assert json.loads(json.dumps(reasons.to_dict("records"), allow_nan=False))


def test_explain_every_rule_covers_every_document_and_rule(seed_texts):
    texts = list(seed_texts.values()) + ["Too short to judge.", None]
    scores = framing.score(texts)
    every = QualityFlagger().explain(scores, every_rule=True)
    assert set(every["status"]) <= set(STATUSES)
    counts = every.groupby("document").size()
    assert counts.index.tolist() == list(range(len(texts) - 1))  # the error row has none
    assert (counts == len(RULES) + 1).all()  # every rule and the trained model (code generated_style)
    short = every[every["document"] == len(texts) - 2].set_index("code")["status"]
    assert short["sourcing_density"] == "skipped" and short["boilerplate_prompts"] == "not_fired"
    assert (every[every["status"].isin(["not_fired", "skipped"])]["reason"] == "").all()
    reasons = every[every["status"].isin(["fired", "corroborating"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(reasons, QualityFlagger().explain(scores))


def test_linear_explain_matches_its_reasons(seed_texts):
    texts = list(seed_texts.values())
    padded = [t + "\n\nTo Read the complete article click here\n\nIn conclusion, we must act." * 3 for t in texts]
    signals = ["boilerplate", "style"]
    scores = framing.score(texts + padded, signals=signals)
    flagger = LinearFlagger(columns=framing.columns(signals)).fit(scores, [0] * 5 + [1] * 5)
    flags = flagger.flag(scores)
    reasons = flagger.explain(scores)
    assert list(reasons.columns) == [*REASON_COLUMNS, "contribution"]
    assert set(reasons["code"]) == {"linear"} and reasons["percentile"].isna().all()
    grouped = reasons.groupby("document", sort=False)["reason"].apply(list).to_dict()
    for label, listed in flags["quality.reasons"].items():
        assert grouped.get(label, []) == listed
    assert (reasons["contribution"] > 0).all()
    analyzer = framing.Analyzer(signals=signals).fit(texts + padded, [0] * 5 + [1] * 5)
    assert len(analyzer.explain(padded)) > 0


def test_config_object_gives_the_same_evidence(seed_texts):
    text = next(iter(seed_texts.values()))
    a = framing.analyze(text)
    b = framing.analyze(text, config=Config())
    assert a.evidence == b.evidence
