"""The relation rules added in session 7 (issue 15, recall II): constructed sentences only."""

from __future__ import annotations

import pytest

from framing.cues import relations as rel
from tests.test_relations import table  # the one (cue, kind, source, class) reader of the relation tests


@pytest.mark.parametrize(
    "text, expected",
    [
        # "call X Y" with a quotation after the object
        ("Mayor Ana Ruiz has called the budget \u201ca disgrace\u201d.",
         [("called", "speech", "Mayor Ana Ruiz", "named_person", "named_person")]),
        # a cue after a control verb and "to" takes the control verb's subject
        ("The senator tried to frame the vote as a victory.", [("frame", "belief", "The senator", "described", "described")]),
        ("Local farmers continue to insist the river is clean.", [("insist", "speech", "Local farmers", "described", "described")]),
        ("The union went so far as to say the deal was illegal.", [("say", "speech", "The union", "described", "described")]),
        # be + seen / viewed / presented / referred to + as: the viewers are implicit
        ("The result was seen as a rebuke to the mayor.", [("was seen", "belief", "", "vague", "vague")]),
        ("The turnout was widely seen as a sign of support.", [("was widely seen", "belief", "", "vague", "vague")]),
        ("The tower was always referred to as the jewel of the city.", [("was always referred", "speech", "", "vague", "vague")]),
        ("It is presented as a bold new plan.", [("is presented", "speech", "", "vague", "vague")]),
        # verbs of knowing and feeling before a clause opened by a pronoun (or a possessive and a finite verb)
        ("They know they are losing the argument.", [("know", "belief", "They", "pronoun", "vague")]),
        ("\u201cI felt my legs were giving way,\u201d she said.",
         [("felt", "belief", "I", "pronoun", "vague"), ("said", "speech", "she", "pronoun", "vague")]),
        # passive "by" after be and "first"; a reduced passive of a public judgement after punctuation
        ("The story was first reported by the Daily Courier.", [("reported by", "speech", "the Daily Courier", "named_org", "named_org")]),
        ("The plan passed \u2013 slammed by farm groups for its cost.", [("slammed by", "speech", "farm groups", "vague", "vague")]),
        # nominal "<noun> from": the phrase after "from" is the source
        ("The club received threats from rival fans.", [("threats from", "nominal", "rival fans", "vague", "vague")]),
        ("The council rejected a request from the developer for more time.",
         [("rejected", "speech", "The council", "described", "described"),
          ("a request from", "nominal", "the developer", "described", "described")]),
        # a possessor noun after a possessive, before a link word
        ("Lee's statement about the vote surprised her allies.",
         [("statement about", "nominal", "Lee's", "named_person", "named_person")]),
        ("The campaign criticised the governor's refusal to debate.",
         [("criticised", "speech", "The campaign", "described", "described"),
          ("refusal to", "nominal", "the governor's", "described", "described")]),
        ("Critics rejected her claim that the vote was rigged.",
         [("rejected", "speech", "Critics", "vague", "vague"), ("claim that", "nominal", "her", "pronoun", "vague")]),
        # a content noun before "that" and a clause: implicit, or the name right before it
        ("The firm resigned after revelations that its chief had misled the board.",
         [("revelations that", "nominal", "", "vague", "vague")]),
        ("The paper corrected an earlier BBC report that a guard had locked the gate.",
         [("report that", "nominal", "BBC", "named_org", "named_org")]),
        # implicit askers
        ("The duke was asked about his travel habits.", [("was asked", "speech", "", "vague", "vague")]),
        ("When asked whether he would resign, the minister smiled.", [("When asked", "speech", "", "vague", "vague")]),
        # new speech phrases and verbs
        ("The spokeswoman fired back at the critics on Monday.", [("fired back", "speech", "The spokeswoman", "described", "described")]),
        ("The rebel movement claimed responsibility for the attack.",
         [("claimed responsibility", "speech", "The rebel movement", "described", "described")]),
        ("The association proposed adopting a new code.", [("proposed", "speech", "The association", "described", "described")]),
        ("Ana Ruiz outlined what the new budget should fund.", [("outlined", "speech", "Ana Ruiz", "named_person", "named_person")]),
        # a parenthetical adverb between subject and cue
        ("Corn growers, however, support the mandate.", [("support", "belief", "Corn growers", "described", "described")]),
    ],
)
def test_session7_rules_find_the_relation(text: str, expected: list) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The report that was released on Monday is long.",  # a relative "that", not a content clause
        "The governor declared a state of emergency.",  # an act, not a report
        "Masked characters called \u201cGilles\u201d lead the parade.",  # a name, no object before the quotation
        "The team spoke to reporters after the match.",  # "spoke" alone is left out: mostly no content
        "The bridge was seen from the hills.",  # perception, no "as"
        "He tried to open the door.",  # a control verb before a verb that is no cue
        "There is concern that the idea will spread.",  # no content noun and no possessor
    ],
)
def test_session7_rules_stay_quiet(text: str) -> None:
    assert table(text) == []


def test_session7_lists_are_data() -> None:
    lexicon = rel.relation_lexicon()
    assert ("tried",) in lexicon["control_verbs"] and ("went", "so", "far", "as") in lexicon["control_verbs"]
    assert "seen" in lexicon["as_passives"] and "seen" in lexicon["cue_words"]
    assert "revelations" in lexicon["content_nouns"] and "about" in lexicon["possessor_links"]
    assert "session7_needs" in lexicon["raw"]["rules"]
