"""The relation engine (framing.cues.relations), its sourcing columns, evidence and framing.relations()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing
from framing.core.segment import segment
from framing.cues import relations as rel
from framing.families import sourcing


def table(text: str) -> list[tuple[str, str, str, str, str]]:
    """(cue, kind, source, source class, resolved class) of every relation of ``text``."""
    corpus = segment([text])
    found = rel.relations(corpus)
    out = []
    for i in range(len(found)):
        source = corpus.joined[found.source_start[i] : found.source_end[i]] if found.source_start[i] >= 0 else ""
        out.append((corpus.joined[found.cue_start[i] : found.cue_end[i]], rel.KINDS[found.kind[i]], source,
                    rel.CLASSES[found.source_class[i]], rel.CLASSES[found.resolved_class[i]]))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sen. Ana Ruiz said the bill would pass.", [("said", "speech", "Sen. Ana Ruiz", "named_person", "named_person")]),
        ("Critics believe the plan will fail.", [("believe", "belief", "Critics", "vague", "vague")]),
        ("The ministry plans to close the mine.", [("plans to", "intention", "The ministry", "described", "described")]),
        ("The report found that rents rose.", [("found", "document", "The report", "described", "described")]),
        ("Prices will rise, according to the Department of Energy.",
         [("according to", "speech", "the Department of Energy", "named_org", "named_org")]),
        ("A spokesperson for the Air Force declined to comment.",
         [("declined to comment", "speech", "A spokesperson for the Air Force", "described", "described")]),
        ("US officials said the talks failed.", [("said", "speech", "US officials", "described", "described")]),
        ("Many people want a say in the plan.", [("want", "belief", "Many people", "vague", "vague")]),
        ("Unions are worried that jobs will go.", [("are worried", "belief", "Unions", "vague", "vague")]),
        ("The aid was reportedly stolen.", [("reportedly", "speech", "", "vague", "vague")]),
    ],
)
def test_kinds_and_classes(text, expected):
    assert table(text) == expected


def test_one_relation_per_source_and_cue_and_nested_relations():
    # "said in a statement" is one relation; "said" and the survey's "found" are two
    assert [r[0] for r in table("The agency said in a statement that it would appeal.")] == ["said in a statement"]
    nested = table("Smith said the survey found that most voters oppose the plan.")
    assert [(r[0], r[1]) for r in nested] == [("said", "speech"), ("found", "document"), ("oppose", "belief")]


def test_inverted_participle_and_appositive_sources():
    found = table("\u201cWe are ready,\u201d said Mayor Ann Lee, adding that the vote is on Friday.")
    assert [(r[0], r[2]) for r in found] == [("said", "Mayor Ann Lee"), ("adding", "Mayor Ann Lee")]
    found = table("Douglas Lute, a former ambassador, said the alliance would hold.")
    assert [(r[2], r[3]) for r in found] == [("Douglas Lute", "named_person")]


def test_the_writers_own_voice_is_not_a_relation_but_a_quoted_i_is():
    assert table("We think the plan is bad. I said so last week.") == []
    found = table("\u201cI think we can win,\u201d Ruiz said.")
    assert [(r[0], r[3], r[4]) for r in found] == [("think", "pronoun", "named_person"), ("said", "named_person", "named_person")]


def test_pronouns_resolve_within_their_document_only():
    corpus = segment(["Ana Ruiz said the plan was sound.", "He said it would fail."])
    found = rel.relations(corpus)
    assert found.doc.tolist() == [0, 1]
    assert rel.CLASSES[found.resolved_class[1]] == "vague"  # no earlier source in document 1
    found = rel.relations(segment(["Ana Ruiz said the plan was sound. He said it would fail."]))
    assert [rel.CLASSES[c] for c in found.resolved_class] == ["named_person", "named_person"]


def test_interview_answers_have_the_interviewee_as_source():
    text = "((WN)) What did you find?\n((Ana Ruiz)) I think the data are clear."
    assert [(r[0], r[3], r[4]) for r in table(text)] == [("think", "pronoun", "named_person")]


def test_content_spans_run_over_a_quotation():
    text = "\u201cWe are ready. The vote is on Friday,\u201d he said."
    corpus = segment([text])
    found = rel.relations(corpus)
    assert corpus.joined[found.content_start[0] : found.content_end[0]] == "\u201cWe are ready. The vote is on Friday,\u201d"


def test_unsourced_claims_look_at_neighbours_of_the_same_document_only():
    claim = "Prices rose by 12 percent over the past year in the city."
    assert rel.unsourced_claims(segment([claim])).tolist() == [True]
    assert rel.unsourced_claims(segment([claim + " The mayor said so on Monday."])).tolist() == [False, False]
    corpus = segment([claim, "The mayor said so on Monday."])
    assert rel.unsourced_claims(corpus).tolist() == [True, False]
    assert rel.unsourced_claims(segment(["He moved to Paris in 2019 with his family."])).tolist() == [False]


def test_relation_columns_are_appended_after_the_cue_columns():
    assert sourcing.COLUMNS[: len(sourcing.COLUMNS) - len(sourcing.RELATION_COLUMNS)][-1] == "sourcing.specifics_per_100_words"
    assert sourcing.COLUMNS[-len(sourcing.RELATION_COLUMNS):] == sourcing.RELATION_COLUMNS
    text = ("Critics say the plan will fail. Sen. Ana Ruiz said it would pass. She said the vote is Friday. "
            "Prices rose 12 percent in May over the whole of the last year.")
    frame = framing.score([text, "", "The sky is blue today and nothing happens."], signals="sourcing")
    row = frame.iloc[0]
    assert row["sourcing.relations"] == 3
    assert row["sourcing.vague_source_share"] == pytest.approx(1 / 3)
    assert row["sourcing.named_person_source_share"] == pytest.approx(2 / 3)
    assert row["sourcing.pronoun_source_share"] == pytest.approx(1 / 3)
    assert row["sourcing.named_sources_distinct"] == 1  # Ruiz, and "She" refers to her
    assert row["sourcing.unsourced_claims"] == 0  # its neighbour holds a relation
    shares = [c for c in sourcing.RELATION_COLUMNS if c.endswith("_source_share") and "pronoun" not in c]
    assert frame.loc[0, shares].sum() == pytest.approx(1.0)
    assert frame.loc[1, list(sourcing.RELATION_COLUMNS)].isna().all()
    assert (frame.loc[2, shares] == 0).all() and frame.loc[2, "sourcing.relations"] == 0


def test_relation_evidence_spans_match_the_text():
    text = "\u201cWe will rebuild the bridge,\u201d Mayor Ann Lee said. Experts believe it will cost 40 million dollars."
    report = framing.analyze(text, signals="sourcing")
    relations = report.evidence_for(code="relation")
    assert len(relations) == 2
    for item in report.evidence:
        assert text[item.start : item.end] == item.text
        assert item.signal in sourcing.COLUMNS
    fields = relations[0].details
    assert fields["kind"] == "speech" and fields["source_class"] == "named_person"
    assert text[fields["source_start"] : fields["source_end"]] == "Mayor Ann Lee"
    assert text[fields["cue_start"] : fields["cue_end"]] == relations[0].text
    assert [e.details["source_class"] for e in report.evidence_for(code="quote_speaker")] == ["named_person"]


def test_relations_table():
    frame = framing.relations(pd.Series(["Officials said the road is closed.", None, "He told me."], index=["x", "y", "z"]))
    assert list(frame.columns) == framing.faces.api.RELATION_TABLE_COLUMNS
    assert frame["id"].tolist() == ["x", "z"]
    assert frame.loc[0, "source"] == "Officials" and frame.loc[0, "source_class"] == "vague"
    empty = framing.relations([])
    assert len(empty) == 0 and list(empty.columns) == framing.faces.api.RELATION_TABLE_COLUMNS
    with pytest.raises(ValueError):
        framing.relations(["a"], ids=[1, 2])


def test_batches_give_the_same_relations():
    texts = ["Ana Ruiz said the plan was sound.", "Critics fear the cost.", "He said so."] * 3
    one = framing.relations(texts, batch_size=1)
    many = framing.relations(texts, batch_size=256)
    pd.testing.assert_frame_equal(one, many)
    assert np.array_equal(one["id"].to_numpy(), many["id"].to_numpy())
