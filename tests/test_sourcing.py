"""The sourcing family and the precise attribution cues of framing.cues.attribution, on texts written for
these tests (known answers) and on seeds/."""

from __future__ import annotations

import math

import numpy as np
import pytest

import framing
from framing.core.segment import segment
from framing.cues import attribution
from framing.families import sourcing


def attributed(sentence: str) -> bool:
    """Whether the last sentence of ``sentence`` holds a precise attribution cue."""
    return bool(attribution.attributed_sentences(segment([sentence]))[-1])


def scores(text: str) -> dict[str, float]:
    return {k.removeprefix("sourcing."): float(v[0]) for k, v in sourcing.compute(segment([text])).items()}


# -- attribution sentences ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Police said the road would reopen on Friday.",
        "The road will reopen on Friday, according to Reuters.",
        "\u201cWe will win,\u201d added Claure, who also runs the fund.",
        "Data show a sharp rise in arrivals.",
        "A report from the Center for the Study of Hate found a rise in attacks.",
        "Cartwright noted that the aircraft holds 14 passengers.",
        "In a statement, the ministry rejected the claims.",
        "The ministry's message: \u201cWe see the signs of overexploitation.\u201d",
        "People familiar with the matter said talks had stalled.",
        "The minister told reporters he would resign.",
        "Some religious groups oppose the scheme, arguing that it would cause distress.",
        "They say the migrants were treated badly.",
        "WeWork is reportedly being investigated by the attorney general.",
        "The company declined to comment.",
    ],
)
def test_attribution_cues(sentence: str) -> None:
    assert attributed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "That said, the plan has merit.",  # the writer's hinge, not a report
        "The aforesaid property was sold.",
        "As I said, it is the so-called deal of the century.",  # the writer's aside
        "They came to places like the United States seeking safety.",
        "Spot gold added 0.1% to $1,472 an ounce.",
        "Ben Patton added to his collection of state titles.",
        "The hiker was found dead near the summit.",
        "The network shows reruns on Sundays.",
        "Adjust the straps according to your needs.",
        "Important Note: keep your receipt.",
        "APPLICATION PERIOD TO BE ANNOUNCED",
        "Reported by Jane Doe",  # a credit line
        "Is it fair to say that the event was a success?",
        "This indicates that the charity failed the standard.",
        "As the name suggests, there is crab on the menu.",
        "Reports",
    ],
)
def test_not_attribution(sentence: str) -> None:
    assert not attributed(sentence)


def test_cues_close_together_are_one_attribution() -> None:
    corpus = segment(["The ministry said in a statement that the flight left on Tuesday."])
    found = attribution.attributions(corpus)
    assert [corpus.joined[s:e] for s, e in zip(found.start, found.end)] == ["said in a statement"]


def test_boilerplate_cues_stay_recall_first() -> None:
    # the boilerplate exemption keeps its wider lexicon: "added" exempts a line from furniture
    corpus = segment(["Spot gold added 0.1% to $1,472 an ounce."])
    assert attribution.sentence_cues(corpus).tolist() == [True]
    assert attribution.attributed_sentences(corpus).tolist() == [False]


# -- sources --------------------------------------------------------------------------------------
def test_named_sources_are_counted_once_by_last_name() -> None:
    text = (
        "\u201cWe will enforce the law,\u201d said Homeland Security Secretary Alejandro Mayorkas. "
        "Mayorkas added that more flights would follow. Thomas Cartwright noted that the plane was small."
    )
    found = scores(text)
    assert found["attributions"] == 3
    assert found["named_sources"] == 2


def test_source_kinds() -> None:
    corpus = segment(
        [
            "Officials said the talks stalled. A survey found that prices rose. He said it was over. "
            "Critics argue the plan is flawed. According to Jane Roe, the fire began at noon."
        ]
    )
    found = attribution.attributions(corpus)
    kinds = [attribution.SOURCE_KINDS[k] for k in found.source_kind]
    assert kinds == ["anonymous", "document", "pronoun", "group", "named"]
    named = np.flatnonzero(found.source_kind == 1)[0]
    assert corpus.joined[found.source_start[named] : found.source_end[named]] == "Jane Roe"


def test_anonymity_phrase_makes_the_source_anonymous() -> None:
    found = scores("The deal is off, a senior official said on condition of anonymity.")
    assert found["anonymous_sources"] == 1 and found["named_sources"] == 0


# -- quotes ---------------------------------------------------------------------------------------
def test_orphan_and_attributed_quotes() -> None:
    text = (
        "The storm passed.\n\n"
        "\u201cThe refugee crisis is not just a crisis of numbers, but a crisis of humanity.\u201d\n\n"
        "\u201cWe will rebuild every house on this street,\u201d the mayor said.\n\n"
        "The town council met on Monday."
    )
    found = scores(text)
    assert (found["quotes"], found["quotes_with_speaker"], found["orphan_quotes"]) == (2, 1, 1)
    assert found["orphan_quote_share"] == 0.5
    labels = [(e.label, e.text[:12]) for e in sourcing.evidence(segment([text]), 0) if e.code in ("quote", "orphan_quote")]
    assert labels == [("orphan_quote", "\u201cThe refugee"), ("quote", "\u201cWe will reb")]


def test_quote_across_sentences_and_paragraphs_keeps_its_speaker() -> None:
    text = (
        "\u201cWe ask people what they want,\u201d Limal said. \u201cBut we do not make them choose. "
        "That would be too much like shopping.\n"
        "\u201cWe had 50 sign-ups an hour when we launched in June.\u201d\n"
        "Later that year the site closed for good after a long fight."
    )
    found = sourcing.quotes(segment([text]))
    assert len(found) == 3
    assert found.speaker.tolist() == [True, True, True]
    assert found.own_cue.tolist()[0] >= 0 and found.continues.tolist()[1:] == [0, 0]


def test_straight_quotes_and_colon_introductions() -> None:
    text = 'Steve Menet says: "Alarm management continues to be a high focus for hospitals."'
    found = scores(text)
    assert (found["quotes"], found["orphan_quotes"]) == (1, 0)


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = "Some call it a \u201cmigrant crisis\u201d. She watched \u201cGame Of Thrones Season Eight\u201d again."
    assert scores(text)["quotes"] == 0


def test_short_utterance_with_a_cue_is_a_quote() -> None:
    assert scores("\u201cBetterBoyfriend hit something,\u201d Sullivan said.")["quotes"] == 1


# -- specifics ------------------------------------------------------------------------------------
def test_specifics() -> None:
    text = "Immigration Policies and Deportation Procedures\nOn July 2, the Department of Homeland Security deported 116 migrants, 10% more than in 2023."
    found = scores(text)
    assert found["figures"] == 4  # 2, 116, 10, 2023
    assert found["dates"] == 1  # July
    assert found["named_entities"] == 1  # Department of Homeland Security; the title-case heading is not counted
    words = 21
    assert math.isclose(found["specifics_per_100_words"], 100 * 6 / words)


# -- the family's contract ------------------------------------------------------------------------
def test_columns_and_bad_input() -> None:
    frame = framing.score(["Police said so.", None, "", "!!!"], signals="sourcing")
    assert list(frame.columns) == list(sourcing.COLUMNS) + ["text.language", "error"]
    assert frame.loc[0, "sourcing.attributions"] == 1
    assert frame.iloc[1:3, :-1].isna().all().all()  # text.language too (None)
    assert frame.loc[3, "sourcing.attributions"] == 0 and math.isnan(frame.loc[3, "sourcing.attributions_per_100_words"])


def test_texts_with_words_get_finite_values() -> None:
    frame = framing.score(["A quiet day.", "Nothing was said by anyone here."], signals="sourcing")
    assert np.isfinite(frame[list(sourcing.COLUMNS)].to_numpy()).all()


def test_results_do_not_depend_on_the_batch(seed_texts) -> None:
    texts = list(seed_texts.values())
    together = framing.score(texts, signals="sourcing")
    alone = [framing.score([t], signals="sourcing") for t in texts]
    for i, frame in enumerate(alone):
        np.testing.assert_array_equal(together.iloc[i, :-2].to_numpy(float), frame.iloc[0, :-2].to_numpy(float))
        assert together.loc[i, "text.language"] == frame.loc[0, "text.language"]


def test_evidence_spans_match_the_text(seed_texts) -> None:
    texts = list(seed_texts.values())
    corpus = segment(texts)
    for doc, text in enumerate(texts):
        items = sourcing.evidence(corpus, doc)
        assert items
        for item in items:
            assert item.text == text[item.start : item.end]
            assert item.signal in sourcing.COLUMNS


def test_compat_is_checked() -> None:
    with pytest.raises(ValueError):
        sourcing.compute(segment(["x"]), compat="nope")


# -- the seeds ------------------------------------------------------------------------------------
def test_seed_000_is_far_below_the_other_seeds(seed_texts) -> None:
    frame = framing.score(list(seed_texts.values()), ids=[k[:3] for k in seed_texts], signals="sourcing")
    rate = frame["sourcing.attributions_per_100_words"]
    assert rate["000"] < 0.5 * rate.drop("000").min()
    assert frame.loc["000", "sourcing.orphan_quotes"] >= 5 and frame.loc["000", "sourcing.quotes_with_speaker"] == 0
    assert (frame["sourcing.orphan_quotes"].drop("000") == 0).all()
    assert frame["sourcing.specifics_per_100_words"].idxmin() == "000"


def test_speakers_given_by_layout() -> None:
    text = (
        "Reviews\n\n"
        "\u201cAmazing support, easy to use and so much still to explore\u201d \u2013 Dawn R., Small Business\n\n"
        "Lawrence Yun, NAR Chief Economist\n\n"
        "\u201cWe are seeing a little better condition for more home sales next year.\u201d\n\n"
        "A Reawakening in Home Sales\n\n"
        "\u201cThe desire for homeownership has not fallen among renters.\u201d"
    )
    found = sourcing.quotes(segment([text]))
    assert found.speaker.tolist() == [True, True, False]  # a title-case heading is not a speaker
