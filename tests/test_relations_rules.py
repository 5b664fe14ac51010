"""The relation rules added in session 6 (issue 15, recall): constructed sentences only."""

from __future__ import annotations

import pytest

from framing.cues import relations as rel
from tests.test_relations import table  # the one (cue, kind, source, class) reader of the relation tests


@pytest.mark.parametrize(
    "text, expected",
    [
        # inflections that were missing: participles after a comma take the clause's source
        ("The mayor rejected the plan, demanding that the council vote again.",
         [("rejected", "speech", "The mayor", "described", "described"), ("demanding", "speech", "The mayor", "described", "described")]),
        ("Ruiz suggests the tax be dropped.", [("suggests", "speech", "Ruiz", "named_person", "named_person")]),
        # new verbs of saying (ambiguous ones need a name, pronoun or source noun, or "that")
        ("The union denounced the cuts as reckless.", [("denounced", "speech", "The union", "described", "described")]),
        ("She speculated that the vote would be close.", [("speculated", "speech", "She", "pronoun", "vague")]),
        # stance and intention phrases
        ("The governor is optimistic that the bridge will open.",
         [("is optimistic", "belief", "The governor", "described", "described")]),
        ("Ana Ruiz is determined to finish the road.", [("is determined to", "intention", "Ana Ruiz", "named_person", "named_person")]),
        ("The company wishes to expand abroad.", [("wishes to", "intention", "The company", "described", "described")]),
        ("Residents realized that the river was rising.", [("realized", "belief", "Residents", "vague", "vague")]),
        # nominal cues after a possessive: the possessor is the source
        ("The minister's assertion that taxes will fall was disputed.",
         [("assertion that", "nominal", "The minister's", "described", "described")]),
        ("Ana Ruiz spoke on Monday. Her insistence that the mine stays open angered locals.",
         [("insistence that", "nominal", "Her", "pronoun", "named_person")]),
        # agentless passives of public judgements, with or without an adverb
        ("The plan was widely criticised.", [("was widely criticised", "speech", "", "vague", "vague")]),
        ("The firm is accused of hiding losses.", [("is accused", "speech", "", "vague", "vague")]),
        ("The plan was described as reckless.", [("was described", "speech", "", "vague", "vague")]),
        # determiner subjects of speech verbs: the class of the phrase, not an implicit source
        ("The 45-year-old mechanic told the court he was innocent.",
         [("told", "speech", "The 45-year-old mechanic", "described", "described")]),
        # plural nouns of agents are sources ("farmers", "investors"), as the listed source nouns are
        ("Prices rose as many farmers feared a drought.", [("feared", "belief", "many farmers", "vague", "vague")]),
        ("The artists did not want to join a school.", [("want to", "intention", "The artists", "described", "described")]),
        # an inverted source only for verbs of saying: "Lee, who …, welcomed the move" is Lee's stance
        ("Lee, who has long argued for lower taxes, welcomed the move.",
         [("argued", "speech", "Lee", "named_person", "named_person"), ("welcomed", "belief", "Lee", "named_person", "named_person")]),
        ("The study, published in May, found a link.", [("found", "document", "The study", "described", "described")]),
        ("Local leaders are pressing for a new school.", [("pressing for", "belief", "Local leaders", "described", "described")]),
        ("As one analyst put it, the market is nervous.", [("put it", "speech", "one analyst", "vague", "vague")]),
        ("Her warning that the dam could fail was ignored.", [("warning that", "nominal", "Her", "pronoun", "vague")]),
        ("The senator is skeptical of the plan.", [("is skeptical of", "belief", "The senator", "described", "described")]),
        ("Marine Lee is suspected of paying staff.", [("is suspected", "belief", "", "vague", "vague")]),
        # conjoined verb phrases take the clause's source
        ("Kudlow likened the deal to socialism and called for a vote.",
         [("likened", "speech", "Kudlow", "named_person", "named_person"), ("called for", "belief", "Kudlow", "named_person", "named_person")]),
        ("Mills had remarried and wanted to move on.", [("wanted to", "intention", "Mills", "named_person", "named_person")]),
        ("The video does not show the deal but shows Brown leaving.",
         [("show", "document", "The video", "described", "described"), ("shows", "document", "The video", "described", "described")]),
        ("A survey by the Pew Research Center, which found that most adults agree, was published.",
         [("found", "document", "the Pew Research Center", "named_org", "named_org")]),
        ("The UN has called on Egypt to free the reporters.", [("called on", "speech", "The UN", "named_org", "named_org")]),
        ("He attacked what the minister called \u201ca disgrace\u201d.", [("called", "speech", "the minister", "described", "described")]),
        ("Though criticised by some liberals, Navalny won.", [("criticised by", "speech", "some liberals", "vague", "vague")]),
        ("In his view, the talks should stop.", [("In his view", "belief", "his", "pronoun", "vague")]),
        ("Japan voiced deep concern over the drills.", [("voiced", "belief", "Japan", "named_org", "named_org")]),
        ("He is now understood to be stable.", [("is now understood", "belief", "", "vague", "vague")]),
        ("The bank expects to cut 500 jobs.", [("expects", "belief", "The bank", "described", "described")]),
        ("Trump has called upon manufacturers to return.", [("called upon", "speech", "Trump", "named_person", "named_person")]),
        ("Early investigations indicated that the driver fled.",
         [("indicated", "document", "Early investigations", "described", "described")]),
        ("Trump travelled to Detroit and announced he will freeze the targets.",
         [("announced", "speech", "Trump", "named_person", "named_person")]),
        ("Oxfam said the deal was risky and accused Europe of setting a precedent.",
         [("said", "speech", "Oxfam", "named_person", "named_person"), ("accused", "speech", "Oxfam", "named_person", "named_person")]),
        ("The company has no plans to close the plant.",
         [("has no plans to", "intention", "The company", "described", "described")]),
    ],
)
def test_new_rules_find_the_relation(text: str, expected: list) -> None:
    assert table(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The country was admitted to the trade bloc in 2001.",  # "to" before a noun phrase: no report
        "The patient was admitted on Monday.",
        "The scene was described in detail.",  # "described" only before "as"
        "New paragraphs were added to this article on Monday.",  # a passive that reports nothing
        "There is concern that the idea will spread.",  # a nominal cue needs a possessor
        "The weather forecast is for more rain.",  # a noun, not a verb of saying
        "Voters will have the final say in the matter.",
        "The hospital boasts a modern research unit.",  # left out: more often a property than a claim
        "A laser warning device was installed on the ship.",
        "Nobody maintaining the road was there.",
        "He put it on the table.",
        "The main suspect was arrested.",
        "About 1.5 million visitors expected over four days.",
        "The two countries back opposing sides.",
        "The computers failed and the numbers fell.",
        "It's time to admit the problem and press for change.",
        "Lee met Ruiz and saw the plant.",
        "The position will come up and be further clarified in May.",
        "The blaze claimed the lives of ten people.",
        "The crisis threatened a fragile ceasefire.",
        "Masked characters called \u201cGilles\u201d lead the parade.",
        "If confirmed by the Senate, Acosta would serve.",
    ],
)
def test_new_rules_stay_quiet(text: str) -> None:
    assert table(text) == []


def test_new_lists_are_data() -> None:
    lexicon = rel.relation_lexicon()
    assert "denounced" in lexicon["verbs"]["speech"] and "assertion" in lexicon["possessor_nouns"]
    assert "criticised" in lexicon["passive_cues"]
    # a possessor noun is never also a verb form (its phrase would hide the verb: "groups are warning that")
    assert not lexicon["possessor_nouns"] & lexicon["all_verbs"]
