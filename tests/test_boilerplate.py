"""The boilerplate family and the shared attribution module, on texts written for these tests and on seeds/."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing.core.segment import segment
from framing.cues import attribution
from framing.families import boilerplate

PROSE = (
    "The river rose two metres overnight and flooded the old town, forcing hundreds of families to leave "
    "their homes before dawn on Tuesday."
)
MORE_PROSE = (
    "Engineers spent the afternoon inspecting the bridge, and the council expects to reopen it to traffic "
    "once the water level falls below the warning mark."
)


def flagged(text: str, patterns: boilerplate.PatternSet | None = None) -> dict[str, str]:
    """Flagged lines of one document: line text → category."""
    corpus = segment([text])
    return {e.text: e.label for e in boilerplate.evidence(corpus, 0, patterns=patterns)}


def article(*furniture: str, head: str = "Flood Waters Reach the Old Town") -> str:
    """A headline, two paragraphs of prose, then the furniture lines, one per paragraph."""
    return "\n\n".join([head, PROSE, MORE_PROSE, *furniture])


# -- each category ---------------------------------------------------------------------------------
CATEGORY_LINES = {
    "call_to_action": ["Click here to read the full story", "Subscribe now", "Share this article", "Follow us on Twitter", "Download the app", "Read more"],
    "comments": ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "12 Comments"],
    "legal": ["© 2024 Harbor Times. All rights reserved.", "Privacy Policy", "We use cookies to improve your experience on our site."],
    "media_credit": ["Source: Jane Roe/Unsplash", "Photo: Sam Lee/Getty Images", "(AP Photo/Mark Jensen)"],
    "navigation": ["Skip to content", "Back to top", "You may also like", "Related Stories"],
    "metadata": ["8 min read", "By: Maria Lopez", "Published: March 3, 2024"],
    "advertising": ["Advertisement", "Sponsored content", "This post contains affiliate links."],
}


@pytest.mark.parametrize("category", sorted(CATEGORY_LINES))
def test_each_category_is_found_with_its_label(category: str) -> None:
    found = flagged(article(*CATEGORY_LINES[category]))
    for line in CATEGORY_LINES[category]:
        assert found.get(line) == category, (line, found)
    assert PROSE not in found and MORE_PROSE not in found


def test_columns_count_lines_per_category() -> None:
    text = article("Subscribe now", "Privacy Policy", "Back to top")
    values = boilerplate.compute(segment([text]))
    assert list(values) == list(boilerplate.COLUMNS)
    assert values["boilerplate.call_to_action"][0] == 1
    assert values["boilerplate.legal"][0] == 1
    assert values["boilerplate.navigation"][0] == 1
    assert values["boilerplate.lines"][0] == 3
    assert values["boilerplate.line_share"][0] == pytest.approx(3 / 6)
    furniture = len("Subscribe now") + len("Privacy Policy") + len("Back to top")
    total = furniture + len(PROSE) + len(MORE_PROSE) + len("Flood Waters Reach the Old Town")
    assert values["boilerplate.char_share"][0] == pytest.approx(furniture / total)
    assert all(v.dtype == np.float64 and v.shape == (1,) for v in values.values())


# -- precision first: what must not be flagged ---------------------------------------------------------
def test_headline_subhead_list_items_and_quotes_are_content() -> None:
    text = "\n\n".join(
        [
            "Council Approves New Budget For Parks",  # headline: first line, title case, no end mark
            PROSE,
            "Why the River Flooded",  # subhead before prose
            MORE_PROSE,
            "What residents can do",  # subhead before a list
            "• Subscribe to the county alert system before the next storm",  # a list item that opens like a call to action
            "• Share the road with emergency vehicles",
            "1. Sign up for sandbag deliveries at the fire station",
            "“Subscribe to the county alerts and keep your family safe.”",  # a quotation ending in a curly quote
            PROSE,
        ]
    )
    assert flagged(text) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "The company declined to comment.",
        "A spokesperson did not respond to a request for comment.",
        "Comments are closed for now, the moderator told reporters.",
        "Source: the ministry said in a statement that the dam held.",
        "Click here, the hackers wrote in the message, according to a statement from police.",
        "Share prices fell 4 percent, CNN reported.",
    ],
)
def test_attribution_sentences_are_exempt(sentence: str) -> None:
    corpus = segment([article(sentence)])
    assert attribution.line_cues(corpus)[-1]
    assert sentence not in flagged(article(sentence))


def test_wordless_and_code_lines_are_not_flagged() -> None:
    text = "\n".join(["How to parse the file", PROSE, "___", "---", "const rows = parse(file);", "if (rows.length > 0) {", "}", MORE_PROSE])
    assert flagged(text) == {}


def test_an_empty_list_item_is_flagged() -> None:
    # "-" alone is what an extractor leaves of a list item whose link or picture it dropped
    assert flagged(article("-", "•")) == {"-": "other", "•": "other"}


@pytest.mark.parametrize(
    "line",
    [
        "I love the new slogan. Nobody will take it from you. https://t.co/AbCdEf123",
        "Who are we as a nation if we respond to threats with threats? pic.twitter.com/s96jjh8AlD",
        "— Jane Roe (@janeroe) November 18, 2019",
    ],
)
def test_embedded_posts_are_quotations(line: str) -> None:
    assert line not in flagged(article(line, "— Jane Roe (@janeroe) November 18, 2019", MORE_PROSE))


def test_live_blog_times_and_datelines_are_content() -> None:
    text = "\n".join(["The Latest: Storm hits the coast", "HAYWARD, Calif. (AP) — The Latest on the storm (all times local):", "10 p.m.", PROSE, "4:14 p.m.", MORE_PROSE])
    assert flagged(text) == {}


def test_reference_lists_and_foreign_script_lines_are_not_judged_by_the_model() -> None:
    text = "\n".join([PROSE, MORE_PROSE, "[1] Ruskin KJ. Alarm fatigue. Curr Opin Anaesthesiol. 2015; 28: 685", "[2] Joint Commission Safety Goal: Alarm Management |ECRI top 10", "再起動して完了"])
    table = boilerplate.line_table(segment([text]), probabilities=np.ones(5))
    assert table.flagged.tolist() == [False] * 5


def test_patterns_do_not_run_into_the_next_line() -> None:
    # "Ability" + next line "Nuno Alberto/Unsplash" must not make one credit out of two lines
    text = "\n".join(["Storm Season", PROSE, "Reducing Migration Ability", "Nuno Alberto/Unsplash", MORE_PROSE])
    found = flagged(text)
    assert found["Nuno Alberto/Unsplash"] == "media_credit"
    assert found.get("Reducing Migration Ability") != "media_credit"


# -- evidence, batches, compat -------------------------------------------------------------------------
BATCH = [
    article("Subscribe now", "Leave a Reply"),
    "A short note without furniture.",
    article("Photo: Sam Lee/Getty Images", head="Dams Hold After Rain"),
    article("Skip to content", "11 min read", "© 2023 Example Media"),
    "",
    "Read more",
]


def test_evidence_spans_are_slices_of_the_text() -> None:
    corpus = segment(BATCH)
    seen = 0
    for doc in range(corpus.n_docs):
        for item in boilerplate.evidence(corpus, doc):
            assert item.text == corpus.texts[doc][item.start : item.end]
            assert item.signal == f"boilerplate.{item.label}" and item.label in boilerplate.LABELS
            seen += 1
    assert seen >= 7


def test_results_do_not_depend_on_the_batch() -> None:
    together = boilerplate.compute(segment(BATCH))
    alone = [boilerplate.compute(segment([text])) for text in BATCH]
    reversed_ = boilerplate.compute(segment(BATCH[::-1]))
    for column in boilerplate.COLUMNS:
        single = np.array([a[column][0] for a in alone])
        np.testing.assert_array_equal(together[column], single)
        np.testing.assert_array_equal(together[column], reversed_[column][::-1])


def test_invalid_and_empty_input() -> None:
    values = boilerplate.compute(segment(["", None, "Read more"]))
    assert np.isnan(values["boilerplate.line_share"][0]) and np.isnan(values["boilerplate.line_share"][1])
    assert values["boilerplate.lines"][:2].tolist() == [0.0, 0.0]
    assert values["boilerplate.call_to_action"][2] == 1.0
    empty = boilerplate.compute(segment([]))
    assert all(len(v) == 0 for v in empty.values())


def test_compat_mode_changes_nothing() -> None:
    corpus = segment(BATCH)
    default = boilerplate.compute(corpus)
    compat = boilerplate.compute(corpus, compat="textstat")
    for column in boilerplate.COLUMNS:
        np.testing.assert_array_equal(default[column], compat[column])
    with pytest.raises(ValueError):
        boilerplate.compute(corpus, compat="nope")


# -- user patterns ---------------------------------------------------------------------------------
def test_user_patterns_short_and_file_forms(tmp_path) -> None:
    text = article("Brought to you by Acme Umbrellas", "More in Weather")
    assert "Brought to you by Acme Umbrellas" in flagged(text)  # "brought to you by" ships
    assert "More in Weather" in flagged(text)  # "more in <section>" ships
    custom = "\n\n".join([PROSE, "Harbor Times Daily Edition", MORE_PROSE])
    assert flagged(custom) == {}
    mine = boilerplate.load_patterns({"navigation": {"line": ["harbor times daily edition"]}})
    assert flagged(custom, mine) == {"Harbor Times Daily Edition": "navigation"}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"categories": {"advertising": {"contains": ["daily edition"]}}}), encoding="utf-8")
    assert flagged(custom, boilerplate.load_patterns(path)) == {"Harbor Times Daily Edition": "advertising"}
    only_mine = boilerplate.load_patterns({"legal": ["daily edition"]}, extend=False)
    found = flagged(article("Subscribe now") + "\n\nHarbor Times Daily Edition", only_mine)
    assert found["Harbor Times Daily Edition"] == "legal"
    assert found.get("Subscribe now") != "call_to_action"  # the shipped patterns are not used
    assert len(only_mine) == 1


def test_patterns_are_a_parameter_not_a_registry() -> None:
    """Patterns of one's own change only the run they are passed to (no module-level state)."""
    import framing

    text = "\n\n".join([PROSE, "Harbor Times Daily Edition", MORE_PROSE])
    mine = {"navigation": {"line": ["harbor times daily edition"]}}
    with_mine = framing.score([text], signals="boilerplate", patterns=mine)
    assert with_mine["boilerplate.navigation"].tolist() == [1.0]
    assert framing.score([text], signals="boilerplate")["boilerplate.navigation"].tolist() == [0.0]
    assert not hasattr(boilerplate, "add_patterns")


@pytest.mark.parametrize(
    "bad",
    [
        {"sports": ["goal"]},  # unknown category
        {"legal": {"anywhere": ["x"]}},  # unknown kind
        {"legal": ["(unclosed"]},  # invalid regex
        {"legal": ["(?P<name>x)"]},  # named group
        {"legal": ["x*"]},  # matches the empty string
        {"legal": ["{{NOPE}} x"]},  # unknown definition
    ],
)
def test_bad_patterns_are_rejected(bad) -> None:
    with pytest.raises(ValueError):
        boilerplate.load_patterns(bad)


def test_contains_dispatch_matches_like_plain_alternation() -> None:
    """The first-character dispatch of ``contains`` patterns finds the same lines as a plain search."""
    import re

    patterns = boilerplate.shipped_patterns()
    regex, groups = patterns.regex("contains")
    plain = [
        (category, re.compile(boilerplate.patterns._expand(p, patterns.definitions)))
        for category in boilerplate.CATEGORIES
        for p in patterns.patterns[category]["contains"]
    ]
    lines = [line.lower() for text in BATCH for line in text.splitlines()] + [
        "the photo: x", "by john smith | may 2", "credit…jane", "story by reuters, ap", "seen via ap",
        "clicking here", "declicking here", "all rights reserved.", "minutes read by the clerk", "5 min read",
    ]  # fmt: skip
    for line in lines:
        expected = {c for c, r in plain if r.search(line)}
        found = {boilerplate.CATEGORIES[groups[m.lastgroup]] for m in regex.finditer(line)}
        assert bool(expected) == bool(found) and found <= expected, line


# -- the shipped data ------------------------------------------------------------------------------
def test_shipped_model_and_patterns_are_plain_json() -> None:
    model = boilerplate.shipped_model()
    assert model["features"] == list(boilerplate.FEATURES)
    assert len(model["coef"]) == len(model["mean"]) == len(model["scale"]) == len(boilerplate.FEATURES)
    assert model["cv"]["grouped_by"] == "page"
    assert len(boilerplate.shipped_patterns()) > 100


# -- attribution ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Officials said the road would reopen.", True),
        ("The mayor told reporters she would run again.", True),
        ("According to the census, the town shrank.", True),
        ("The agency declined to comment.", True),
        ("CNN reported the fire late on Monday.", True),
        ("Reports", False),  # a menu item, not an attribution
        ("Reported by Jane Doe", False),  # a credit line
        ("The aforesaid property was sold.", False),
        ("Share this story", False),
        ("Tell us what you think", False),
    ],
)
def test_attribution_cues(sentence: str, cue: bool) -> None:
    corpus = segment([sentence])
    assert bool(attribution.sentence_cues(corpus).any()) is cue
    assert bool(attribution.line_cues(corpus)[0]) is cue


def test_attribution_phrases_need_adjacent_words_in_one_sentence() -> None:
    corpus = segment(["In a\nstatement issued today, nothing.", "She spoke in a  statement."])
    starts, ends = attribution.cue_matches(corpus)
    assert [corpus.joined[s:e] for s, e in zip(starts, ends)] == ["in a  statement"]


def test_lexicon_is_data() -> None:
    lexicon = attribution.cue_lexicon()
    assert {"said", "told", "reported", "wrote"} <= lexicon["forms"]
    assert "say" not in lexicon["forms"] and "share" not in lexicon["forms"]
    assert "declined to comment" in lexicon["phrases"]


# -- seeds -----------------------------------------------------------------------------------------
#: Every line framing must flag in the seeds, and nothing else (so no body sentence is flagged).
SEED_FURNITURE = {
    "000": [
        ("metadata", "11 min readJul 3, 2024"),
        ("call_to_action", "To Read the complete article click here"),
        ("call_to_action", "To Read the complete article click here"),
        ("call_to_action", "To Read the complete article click here"),
    ],
    "001": [
        ("metadata", "By: Alex Trent | Published: Jul 04, 2024"),
        ("media_credit", "The silhouette of a plane flying through dark storm clouds."),  # each caption over its credit
        ("media_credit", "Source: Trinity Moss/Unsplash"),
        ("media_credit", "Xi Jinping and Joe Biden shaking hands and smiling."),
        ("media_credit", "Source: Public Domain/Wikimedia Commons"),
        ("media_credit", "Nancy Pelosi speaking in front of American flags."),
        ("media_credit", "Us Department of Labor/Wikimedia"),
        ("media_credit", "Joe Biden walking with border control agents at the U.S. southern border in the daytime."),
        ("media_credit", "Source: Public Domain/Wikimedia Commons"),
        ("media_credit", "A street in China when it's raining. People are walking down the street holding umbrellas."),
        ("media_credit", "Nuno Alberto/Unsplash"),
        ("media_credit", "Chinese migrants talking with a Border Patrol agent at the southern border in the evening."),
        ("media_credit", "Source: Brandon Bell/Getty Images"),
        ("media_credit", "A jungle path located in the Darién Gap between Columbia and Panama."),
        ("media_credit", "Source: Päivi & Santeri/Wikimedia"),
        ("media_credit", "Close-up of Donald Trump speaking into a microphone, with an intense expression on his face"),
        ("media_credit", "Source: Gage Skidmore/Wikimedia Commons"),
        ("media_credit", "The China flag flies in the wind."),
        ("media_credit", "Source: Alejandro Luengo/Unsplash"),
        ("media_credit", "A woman wearing a mask while riding a train"),
        ("media_credit", "Source: Ketut Subiyanto/Pexels"),
        ("media_credit", "Protestors hold signs demanding a stop to hateful conduct towards Asians."),
        ("media_credit", "Source: Kareem Hayes/Unsplash"),
    ],
    "002": [
        ("call_to_action", "Read next: US driving Chinese scientists away amid tensions with China: FP"),
        ("navigation", "Dive deeper"),
        ("call_to_action", "Read next: Trump allies forge anti-racism plan focused on white protection"),
    ],
    "003": [
        ("comments", "Leave a Reply"),
        ("comments", "Your email address will not be published. Required fields are marked *"),
    ],
    "004": [("legal", "Copyright 2024,")],
}


def test_seeds_furniture_found_and_no_body_sentence_flagged(seed_texts: dict[str, str]) -> None:
    names = sorted(seed_texts)
    corpus = segment([seed_texts[n] for n in names])
    for doc, name in enumerate(names):
        found = [(e.label, e.text) for e in boilerplate.evidence(corpus, doc)]
        assert found == SEED_FURNITURE[name[:3]], name


# -- captions -------------------------------------------------------------------------------------
CAPTION = "A man walks past a shuttered shop in the rain."


def caption_evidence(text: str) -> dict[str, dict]:
    corpus = segment([text])
    return {e.text: e.details for e in boilerplate.evidence(corpus, 0)}


def test_a_caption_above_its_credit_is_flagged() -> None:
    text = "\n\n".join(["Shops Close Across the High Street", PROSE, CAPTION, "Source: Jane Roe/Unsplash", MORE_PROSE])
    found = caption_evidence(text)
    assert set(found) == {CAPTION, "Source: Jane Roe/Unsplash"}
    assert found[CAPTION]["category"] == "media_credit" and found[CAPTION]["source"] == "caption" and found[CAPTION]["caption"] is True
    assert found["Source: Jane Roe/Unsplash"]["caption"] is False
    # also without blank lines between the lines (boilerpipe's layout), and for a run of pictures
    slideshow = ["Shops Close Across the High Street", PROSE, CAPTION, "(AP Photo/Mark Jensen)",
                 "Shoppers queue outside the last open bakery on Friday morning.", "Photo: Sam Lee/Getty Images", MORE_PROSE]
    assert flagged("\n".join(slideshow)) == {line: "media_credit" for line in slideshow[2:6]}


def test_a_repeated_caption_is_a_caption_everywhere_in_its_document() -> None:
    text = "\n\n".join(["Shops Close Across the High Street", CAPTION, PROSE, CAPTION, "Source: Jane Roe/Unsplash", MORE_PROSE])
    corpus = segment([text])
    found = [(e.text, e.details["caption"]) for e in boilerplate.evidence(corpus, 0)]
    assert found == [(CAPTION, True), (CAPTION, True), ("Source: Jane Roe/Unsplash", False)]
    # but not in another document
    corpus = segment([text, "\n\n".join([PROSE, CAPTION, MORE_PROSE])])
    assert boilerplate.evidence(corpus, 1) == []


def test_a_caption_below_its_credit_is_flagged_when_it_shows_a_picture() -> None:
    below = "Mayor Jane Roe, left, speaks with shop owners on Main Street, Tuesday, Nov. 19, 2019."
    text = "\n\n".join(["Shops Close Across the High Street", PROSE, "(AP Photo/Mark Jensen)", below, MORE_PROSE])
    assert flagged(text) == {"(AP Photo/Mark Jensen)": "media_credit", below: "media_credit"}
    assert caption_evidence(text)[below]["caption"] is True


def test_body_sentences_next_to_a_credit_are_not_captions() -> None:
    after = "Officials said the shop had been closed since March, and the owners plan to reopen next year."
    short_after = "The council will vote on the plan in May."
    for sentence in (after, short_after):
        text = "\n\n".join(["Shops Close Across the High Street", PROSE, CAPTION, "Source: Jane Roe/Unsplash", sentence, MORE_PROSE])
        assert sentence not in flagged(text)
    # the last line of a longer paragraph, a quotation, a credit that carries its own caption, a
    # credit closing the document, a gallery counter and a bare media label take no caption
    cases = [
        ([PROSE + "\n" + short_after, "Source: Jane Roe/Unsplash", MORE_PROSE], short_after),
        ([PROSE, "\u201cWe will reopen,\u201d the owner said on Tuesday, standing at the door.", "Source: Jane Roe/Unsplash", MORE_PROSE], None),
        ([PROSE, short_after, "The shop in 2019 (Image: Getty)", MORE_PROSE], short_after),
        ([PROSE, short_after, "Top image credit: Getty"], short_after),
        ([PROSE, short_after, "Image 1 of 5", MORE_PROSE], short_after),
        ([PROSE, short_after, "VIDEO", MORE_PROSE], short_after),
    ]
    for parts, line in cases:
        found = caption_evidence("\n\n".join(["Shops Close Across the High Street"] + parts))
        assert not any(d.get("caption") for d in found.values()), parts
        if line is not None:
            assert line not in found, parts
    # never across a document boundary
    corpus = segment(["\n\n".join([PROSE, CAPTION]), "\n\n".join(["Source: Jane Roe/Unsplash", MORE_PROSE])])
    assert [e.text for e in boilerplate.evidence(corpus, 0)] == []


def test_reader_comments_after_a_comments_heading_are_flagged() -> None:
    comment = "I think the new keyboard is the redesign, they just started it with the bigger model and will follow up soon."
    text = "\n".join(["Flood Waters Reach the Old Town", PROSE, MORE_PROSE, "Top Rated Comments", comment, "Totally agree with this."])
    assert flagged(text) == {"Top Rated Comments": "comments", comment: "comments", "Totally agree with this.": "comments"}
    # a "Leave a comment" link over the article opens no comment section
    assert flagged("\n".join(["Leave a comment", PROSE, MORE_PROSE])) == {"Leave a comment": "comments"}


def test_the_shipped_patterns_pass_the_checks_user_patterns_get() -> None:
    # the shipped file is loaded unchecked at start-up; this is where it is checked
    from framing.core.resources import data_text
    from framing.families.boilerplate import patterns as module

    checked = module._merge(None, json.loads(data_text(module.PATTERNS_FILE)), check=True)
    assert checked == module.shipped_patterns()
