"""framing.compare: shared passages, figures that disagree, groups and differences, on constructed
documents with known answers and on the seeds."""

from __future__ import annotations

import json
import random

import numpy as np
import pandas as pd
import pytest

import framing
from framing.compare import Comparison, compare
from framing.compare.claims import extract
from framing.compare.features import sentence_features
from framing.compare.passages import pairs_from_keys
from framing.core.segment import segment

A = (
    "The council voted on Tuesday to approve the new bridge over the river. "
    "Officials said the bridge would cost 45 million dollars and take three years to build. "
    "Construction crews are expected to start work in the spring of 2025, the mayor said. "
    "Residents of the eastern district had campaigned for a crossing since 1998."
)
B = (
    "Local businesses welcomed the decision at a packed meeting downtown. "
    "Officials said the bridge would cost 45 million dollars and take three years to build. "
    "Construction crews are expected to start work in the spring of 2026, the mayor said. "
    "Opponents argue that the money should be spent on schools instead of roads."
)
UNRELATED = (
    "The orchestra opened its winter season with a program of Brahms and Sibelius. "
    "Critics praised the young conductor for her lively tempo and clear phrasing. "
    "Tickets for the remaining twelve concerts went on sale this morning at the box office."
)


def test_is_public_and_callable():
    assert framing.compare is not None and callable(framing.compare)
    assert framing.Comparison is Comparison
    result = framing.compare([A, B], ids=["a", "b"], differences=False)
    assert isinstance(result, Comparison)


def test_copied_sentences_are_found_with_both_spans():
    result = compare([A, B, UNRELATED], ids=["a", "b", "c"], differences=False)
    p = result.passages
    assert set(zip(p["id_a"], p["id_b"])) == {("a", "b")}
    exact = p[p["kind"] == "exact"].iloc[0]
    assert A[exact.start_a : exact.end_a] == B[exact.start_b : exact.end_b]
    assert A[exact.start_a : exact.end_a].startswith("Officials said the bridge")
    near = p[p["kind"] == "near"].iloc[0]
    assert "2025" in A[near.start_a : near.end_a] and "2026" in B[near.start_b : near.end_b]
    assert near.similarity < 1.0
    # the two sentences follow each other in both documents: one passage
    assert p["passage"].nunique() == 1
    docs = result.documents.set_index("id")
    assert docs.loc["c", "reused_share"] == 0.0 and docs.loc["c", "independence"] == 1.0
    assert 0.3 < docs.loc["a", "reused_share"] < 0.7
    assert docs.loc["a", "shares_most_with"] == "b"


def test_changed_figure_is_a_disagreement_and_copied_figures_agree():
    result = compare([A, B], ids=["a", "b"], groups=["x", "x"], differences=False)
    dis = result.disagreements
    assert dis[["value_a", "value_b"]].values.tolist() == [[2025.0, 2026.0]]
    row = dis.iloc[0]
    assert A[row.start_a : row.end_a] == "2025" and B[row.start_b : row.end_b] == "2026"
    agreed = result.claims[result.claims["agree"]]
    assert {"45 million dollars", "three years"} <= set(agreed["text_a"]) | set(agreed["text_b"]) or len(agreed) >= 2
    assert set(agreed["kind"]) >= {"amount", "duration"}


def test_unrelated_documents_share_nothing_and_do_not_disagree():
    result = compare([A, UNRELATED], ids=["a", "c"], groups=["x", "x"], differences=False)
    assert len(result.passages) == 0
    assert len(result.disagreements) == 0


def test_groups_limit_claims():
    result = compare([A, B], ids=["a", "b"], groups=["x", "y"], differences=False)
    assert len(result.claims) == 0
    assert len(result.passages) > 0  # copying is reported whatever the groups


@pytest.mark.parametrize(
    ("left", "right", "agree"),
    [
        ("The agency deported 116 Chinese migrants on the charter flight last week.",
         "The agency deported over 100 Chinese migrants on the charter flight last week.", True),
        ("At least 42 people died in the attack on the mosque, police said on Friday.",
         "At least 63 people died in the attack on the mosque, police said on Friday.", False),
        ("This was the first deportation flight to China in five years, officials said.",
         "This was the first deportation flight to China in six years, officials said.", False),
        ("Hate crimes against Asians rose by 339 percent in the city last year, the report found.",
         "Hate crimes against Asians rose by 150% in the city last year, the report found.", False),
        ("Officials did not disclose the number of passengers on the charter flight.",
         "Officials said there were 14 passengers on the charter flight.", False),
    ],
)  # fmt: skip
def test_figure_agreement(left, right, agree):
    result = compare([left, right], ids=["l", "r"], groups=["g", "g"], differences=False)
    assert len(result.claims) >= 1, result.figures
    assert bool(result.claims["agree"].all()) is agree


def test_figure_kinds():
    text = ("Spending rose 3.5 percent to $2.4 billion in 2023, a tenfold rise over five years. "
            "On July 2, 2024 officials said twenty-one people and a dozen officers were hurt, "
            "but the exact number of victims remains unknown. Section 243(d) allows it.")  # fmt: skip
    corpus = segment([text])
    found = {(f.kind, f.text) for f in extract(corpus, 0, 0)}
    assert ("percent", "3.5 percent") in found
    assert ("amount", "2.4 billion") in found
    assert ("year", "2023") in found
    assert ("ratio", "tenfold") in found
    assert ("duration", "five years") in found
    assert ("date", "July 2, 2024") in found
    assert ("count", "twenty-one") in found
    assert ("count", "dozen") in found
    assert any(kind == "undisclosed" for kind, _ in found)
    assert not any("243" in t for _, t in found)


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype(str)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_same_output_whatever_the_order(seed_texts):
    ids = list(seed_texts)
    texts = list(seed_texts.values())
    first = compare(texts, ids=ids, differences=False)
    order = list(range(len(texts)))
    random.Random(3).shuffle(order)
    second = compare([texts[i] for i in order], ids=[ids[i] for i in order], differences=False)
    for name in ("pairs", "passages", "claims", "figures"):
        pd.testing.assert_frame_equal(_sorted(getattr(first, name)), _sorted(getattr(second, name)))
    pd.testing.assert_frame_equal(_sorted(first.documents), _sorted(second.documents))


def test_features_do_not_depend_on_the_batch(seed_texts):
    texts = list(seed_texts.values())
    one = sentence_features(texts, batch_size=1)
    all_ = sentence_features(texts, batch_size=256)
    for name in ("doc", "start", "end", "key", "n_stems", "pair_stem", "bigram_key"):
        assert np.array_equal(getattr(one, name), getattr(all_, name)), name


def test_bad_inputs_keep_their_row():
    result = compare([A, None, "", 42, B], ids=list("vwxyz"), differences=False)
    docs = result.documents
    assert docs["id"].tolist() == list("vwxyz")
    assert docs["error"].tolist()[:4] == [None, "missing text", "empty text", "not a string: int"]
    assert docs["group"].tolist()[1:4] == [None, None, None]
    assert len(result.passages) > 0


def test_input_checks():
    with pytest.raises(TypeError):
        compare("one string")
    with pytest.raises(ValueError, match="unique"):
        compare([A, B], ids=["x", "x"])
    with pytest.raises(ValueError, match="groups"):
        compare([A, B], groups=["x"])


def test_empty_input():
    result = compare([], differences=False)
    assert all(len(getattr(result, name)) == 0 for name in Comparison.TABLES)


def test_to_dict_is_json(seed_texts):
    result = compare(list(seed_texts.values()), ids=list(seed_texts))
    data = json.loads(result.to_json())
    assert set(data) == set(Comparison.TABLES)
    assert len(data["documents"]) == len(seed_texts)
    assert data["differences"] and {"measure", "value", "group_value", "drivers"} <= set(data["differences"][0])


def test_direction_guess_from_containment_and_dates():
    long_text = A + " " + UNRELATED
    result = compare([A, long_text], ids=["short", "long"], differences=False)
    row = result.pairs.iloc[0]
    assert (row.id_a, row.id_b, row.direction_basis) == ("long", "short", "contains")
    assert row.direction == "a->b"  # the short text is guessed to be cut from the long one
    dated = compare([A, long_text], ids=["short", "long"], dates=["2024-01-02", "2024-01-01"], differences=False)
    assert (dated.pairs.iloc[0].direction, dated.pairs.iloc[0].direction_basis) == ("a->b", "date")


def test_pairs_from_keys_caps_frequent_keys():
    items = np.arange(6)
    keys = np.array([1, 1, 1, 2, 2, 9])
    docs = np.array([0, 1, 2, 3, 4, 5])
    a, b = pairs_from_keys(items, keys, docs, max_key_docs=2)
    assert list(zip(a.tolist(), b.tolist())) == [(3, 4)]


# -- the seeds ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_result(seed_texts_module):
    return compare(list(seed_texts_module.values()), ids=[k[:3] for k in seed_texts_module])


@pytest.fixture(scope="module")
def seed_texts_module():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "seeds"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))}


def test_seeds_are_one_story(seed_result):
    assert seed_result.documents["group"].nunique() == 1


def test_seeds_disagree_on_the_year_china_suspended_cooperation(seed_result):
    dis = seed_result.disagreements
    years = dis[dis["kind"] == "year"]
    assert [("001", "003", 2022.0, 2021.0)] == list(zip(years["id_a"], years["id_b"], years["value_a"], years["value_b"]))


def test_seeds_share_the_mayorkas_quote(seed_result, seed_texts_module):
    texts = {k[:3]: v for k, v in seed_texts_module.items()}
    p = seed_result.passages
    quote = p[(p["id_a"] == "001") & (p["id_b"] == "002") & (p["kind"] == "near")]
    assert any("We will continue to enforce our immigration laws" in texts["001"][r.start_a : r.end_a] for r in quote.itertuples())


def test_seed_differences_are_net_of_shared_text(seed_result):
    diffs = seed_result.differences
    assert set(diffs["id"]) == {"000", "001", "002", "003", "004"}
    docs = seed_result.documents.set_index("id")
    own = diffs.groupby("id")["own_sentences"].first()
    for doc_id in own.index:
        assert own[doc_id] <= docs.loc[doc_id, "sentences"]
    assert (own < docs["sentences"]).any()
    row = diffs[diffs["measure"] == "sourcing.attribution_density"].set_index("id")
    assert np.allclose(row["difference"], row["value"] - row["group_value"])


def test_seeds_disagree_on_the_years_since_the_last_flight(seed_result):
    dis = seed_result.disagreements
    gaps = dis[dis["kind"] == "duration"]
    found = {(a, b, ta, tb) for a, b, ta, tb in zip(gaps["id_a"], gaps["id_b"], gaps["text_a"], gaps["text_b"])}
    assert found == {(x, "004", "five years", "six years") for x in ("001", "002", "003")}
    assert set(gaps["alignment"]) == {"role"}


def test_seeds_116_migrants_against_an_unknown_number_of_deportees(seed_result):
    dis = seed_result.disagreements
    withheld = dis[(dis["value_a"] == 116.0) & (dis["value_b"] == "undisclosed")]
    assert set(withheld["id_b"]) == {"004"} and set(withheld["id_a"]) >= {"002", "003"}
    # 002 states 116 migrants itself: its withheld count (another flight's) is never set against 116
    assert not ((dis["id_a"] == "002") & (dis["value_a"] == "undisclosed")).any()
    assert not ((dis["id_b"] == "002") & (dis["value_b"] == "undisclosed")).any()


GAP_A = "For the first time in five years, the agency flew a charter flight of deportees to the capital city."
GAP_B = "Officials called it the first such deportation to the country in six years, a milestone for the agency."


def test_durations_since_the_last_event_align_by_role():
    result = compare([GAP_A, GAP_B], ids=["a", "b"], groups=["g", "g"], differences=False)
    dis = result.disagreements
    assert dis[["text_a", "text_b", "alignment"]].values.tolist() == [["five years", "six years", "role"]]
    # a plain duration ("for six years") has no role: contexts this different are not compared
    plain = GAP_B.replace("the first such deportation to the country in six years", "a deportation after six years")
    assert len(compare([GAP_A, plain], groups=["g", "g"], differences=False).disagreements) == 0


@pytest.mark.parametrize(("other", "expected"), [
    ("The agency deported 116 migrants on a charter flight from Texas on Tuesday morning.", 1),
    # a bound is consistent with a withheld exact number
    ("The aircraft can carry up to 14 passengers on flights from Texas to the capital.", 0),
    # other people's counts are not in the class
    ("Nearly 40 children waited at the airport in Texas for their flight on Tuesday.", 0),
])
def test_withheld_people_counts_align_by_role(other, expected):
    withheld = "The exact number of deportees on the recent charter flight remains unknown, officials said today."
    result = compare([other, withheld], ids=["a", "b"], groups=["g", "g"], differences=False)
    assert len(result.disagreements) == expected


def test_a_document_does_not_contradict_its_own_count():
    a = "The agency deported 116 migrants on a charter flight from Texas on Tuesday morning."
    b = ("The agency removed 116 migrants from the country this week, officials in Texas said. "
         "The number of passengers on an earlier flight in March was not disclosed by the agency.")
    dis = compare([a, b], ids=["a", "b"], groups=["g", "g"], differences=False).disagreements
    assert not (dis["value_b"] == "undisclosed").any()
