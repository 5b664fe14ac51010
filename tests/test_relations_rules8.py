"""The relation rules added in session 8 (issue 15, recall III, tuned on every scored split): constructed sentences only."""

from __future__ import annotations

import pytest

from framing.cues import relations as rel
from tests.test_relations import table  # the one (cue, kind, source, class) reader of the relation tests


@pytest.mark.parametrize(
    "text, expected",
    [
        # a social-media handle before a colon: a quoted post; an initialism opens an outlet's handle
        ("The feed went on. @JaneDoe: The vote is on Friday.", [("JaneDoe", "speech", "JaneDoe", "named_person", "named_person")]),
        ("The feed went on. @NYTmag: Our next cover story is up.", [("NYTmag", "speech", "NYTmag", "named_org", "named_org")]),
        # a verb that needs "that" elsewhere is a verb of saying after a closing quotation and a pronoun or name
        ("\u201cWe are ready,\u201d they continued.", [("continued", "speech", "they", "pronoun", "vague")]),
        ("\u201cThe vote is on Friday,\u201d Ms Lee explained.", [("explained", "speech", "Ms Lee", "named_person", "named_person")]),
        # verbs of a document's content, only with a document as their subject
        ("The proposal requires that every new bill be costed.", [("requires", "document", "The proposal", "described", "described")]),
        ("\u201cThey are harmful,\u201d the plan states.", [("states", "document", "the plan", "described", "described")]),
        ("The official statement read: \u201cWe are sorry.\u201d",
         [("read", "document", "The official statement", "described", "described")]),
        # control verbs of two and three words, and "tend to"
        ("Dittmar went on to add, \u201cWe need parity.\u201d", [("add", "speech", "Dittmar", "named_person", "named_person")]),
        ("People tend to think of the disease as foreign.", [("think", "belief", "People", "vague", "vague")]),
        # non-responses and intention phrases
        ("The company declined to reveal the names of its clients.",
         [("declined to reveal", "speech", "The company", "described", "described")]),
        ("Her lawyer did not specify when the talks would resume.",
         [("did not specify", "speech", "Her lawyer", "described", "described")]),
        ("Neither the mayor nor the governor made any mention of the cuts.",
         [("made any mention", "speech", "the governor", "described", "described")]),
        ("Mr Cole expressed a desire to ban fracking.", [("expressed a desire to", "intention", "Mr Cole", "named_person", "named_person")]),
        ("He plans on leaving the union next year.", [("plans on", "intention", "He", "pronoun", "vague")]),
        # a possessive before an excluded noun phrase ("support for") or a new possessor noun ("request")
        ("The minister stressed his support for the new rules.",
         [("stressed", "speech", "The minister", "described", "described"), ("support for", "nominal", "his", "pronoun", "vague")]),
        ("The committee confirmed the agency's request for more time.",
         [("confirmed", "speech", "The committee", "described", "described"),
          ("request for", "nominal", "the agency's", "described", "described")]),
        # "and called X Y" takes the clause's source
        ("The mayor blamed the council for the delay and called the plan \u201ca disaster\u201d.",
         [("blamed", "speech", "The mayor", "described", "described"), ("called", "speech", "The mayor", "described", "described")]),
        ("The board had formally requested that the files be released.",
         [("requested", "speech", "The board", "described", "described")]),
        # a relative "that" after a document noun; a named organisation's document is named_org
        ("Shares fell after a Congressional Budget Office report that forecast higher costs.",
         [("forecast", "document", "a Congressional Budget Office report", "named_org", "named_org")]),
        ("The department released a study by the Geological Survey that highlighted the risk.",
         [("highlighted", "document", "a study by the Geological Survey", "named_org", "named_org")]),
        ("A US Fish and Wildlife Service survey found that fewer people hunt.",
         [("found", "document", "A US Fish and Wildlife Service survey", "named_org", "named_org")]),
        # a name set off after its role; an opening parenthetical before the subject
        ("His chief of staff, Ana Ruiz, accused the council of delay.",
         [("accused", "speech", "Ana Ruiz", "named_person", "named_person")]),
        ("However, Sen. Rand Paul, a former rival, said the deal made no sense.",
         [("said", "speech", "Sen. Rand Paul", "named_person", "named_person")]),
        # hearsay after a contracted "is", a reduced hearsay participle, a withheld disclosure
        ("It is a move that's expected to slow the talks.", [("that's expected", "belief", "", "vague", "vague")]),
        ("A man suspected to have supplied the gun was arrested.", [("suspected", "belief", "", "vague", "vague")]),
        ("The cause of death was not announced.", [("was not announced", "speech", "", "vague", "vague")]),
        # a first-person source after a single quotation mark that nothing closes before it
        ("\u2018I think the plan is right,\u2019 he said.",
         [("think", "belief", "I", "pronoun", "vague"), ("said", "speech", "he", "pronoun", "vague")]),
        # "'d like to (see)": the pronoun is the source, resolved inside the quotation to its speaker
        ("Lee said on Tuesday: \u201cWe\u2019d like to see more data.\u201d",
         [("said", "speech", "Lee", "named_person", "named_person"), ("We\u2019d like to see", "belief", "We\u2019d", "pronoun", "named_person")]),
        ("Thousands of users rushed to applaud the teenager.", [("applaud", "speech", "users", "vague", "vague")]),
    ],
)
def test_session8_rules_find_the_relation(text: str, expected: list) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The region must cut emissions to meet its environmental pledges within the treaty.",  # a noun after its modifiers
        "The plan folds in parts of her other campaign promises.",  # the same, at the end of the clause
        "Whoever wants the job must apply by Friday.",  # a generic subject
        "The office placed calls to both senators on Monday.",  # phone calls, not calls for something
        "Nobody responded to the paper's request for comment.",  # the reporter's own request
        "A 2005 law that requires refiners to blend ethanol is under review.",  # the purpose of a law
        "Mail the form to help@example.org: it is free.",  # an e-mail address is no handle
        "I think the plan is right.",  # the writer's own voice, no quotation mark
        "We\u2019d like to see more of this.",  # the same, with a contracted "would"
        "The hostages were not released.",  # "released" is no disclosure verb
        "The officials expected to attend arrived late.",  # a reduced participle before no "be"/"have"
        "He identified the victim as a local man.",  # "identified" is a cue only before "that", a colon or a quote
    ],
)
def test_session8_rules_stay_quiet(text: str) -> None:
    assert table(text) == []


def test_session8_lists_are_data() -> None:
    lexicon = rel.relation_lexicon()
    assert ("went", "on") in lexicon["control_verbs"] and ("went", "as", "far") in lexicon["control_verbs"]
    assert "requires" in lexicon["verbs"]["document"] and "requires" in lexicon["needs_that"]
    assert "request" in lexicon["possessor_nouns"] and "caption" in lexicon["document_nouns"]
    assert "whoever" in lexicon["weak_subjects"] and "airlines" in lexicon["org_words"]
    assert "session8_needs" in lexicon["raw"]["rules"] and "session8_accounts" in lexicon["raw"]["rules"]
    assert "poll" in lexicon["in_documents"] and "reckoning" in lexicon["by_accounts"]


def test_handles_are_found_in_one_pass() -> None:
    from framing.core.segment import segment

    corpus = segment(["No handle here.", "Then @AP_Politics: a post, and a@b.com: none, and @x without a colon."])
    words = rel._handle_words(corpus)
    start = corpus._word_bounds[0]
    assert [corpus.joined[start[w] : start[w] + 2] for w in words.tolist()] == ["AP"]
    assert len(rel._handle_words(segment(["No at sign at all."]))) == 0


def test_session8_appositives_and_clarity() -> None:
    # a name set off after a document-like role ("the UK journal, The Lancet,"), "made very clear", weak "highlighted"
    assert table("A new study was out. The UK journal, The Lancet, suggested that smog kills.") == [
        ("suggested", "speech", "The Lancet", "named_person", "named_person")]
    assert table("\u201cThat is what he made very clear,\u201d said Spicer.") == [
        ("made very clear", "speech", "he", "pronoun", "vague"), ("said", "speech", "Spicer", "named_person", "named_person")]
    assert table("Anderson Cooper also highlighted his coverage.") == [
        ("highlighted", "speech", "Anderson Cooper", "named_person", "named_person")]
    assert table("The storm highlighted the need for drains.") == []
    assert table("The officials, who did not wish to be named, gave no details.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "In a … poll," opening its clause: a document cue of its own when the sentence holds no other relation
        ("In a Gallup poll last month, just 1 percent of Americans named the environment.",
         [("In a Gallup poll", "document", "a Gallup poll", "described", "described")]),
        ("In a report released Tuesday, the agency said prices would rise.",
         [("said", "speech", "the agency", "described", "described")]),  # the report is the agency's relation's
        # "by <possessive> (own) <account noun>": the possessor is the source
        ("He won 279 votes by NBC's reckoning.", [("by NBC's reckoning", "speech", "NBC's", "named_org", "named_org")]),
        ("By his own account, the trip was a failure.", [("By his own account", "speech", "his", "pronoun", "vague")]),
    ],
)
def test_session8_accounts_without_a_verb(text: str, expected: list) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She lives in a house next to the study.",  # "in" does not open the clause
        "The rise shows in the census data, which is new.",  # the same
        "In a survey of the coast the team mapped the reef.",  # no comma closes the phrase
        "The bill passed by a narrow count.",  # no possessor
    ],
)
def test_session8_accounts_stay_quiet(text: str) -> None:
    assert table(text) == []
