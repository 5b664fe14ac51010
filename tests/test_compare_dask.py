"""framing.faces.dask.compare: blocks found on the cluster, the same passages and figures as in one process."""

import pandas as pd
import pytest

from framing.compare import compare

dd = pytest.importorskip("dask.dataframe", reason="needs the [dask] extra (dask[dataframe])")
dask = pytest.importorskip("dask")

import framing.faces.dask


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype(str)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_same_copies_as_in_one_process(seed_texts):
    extra = ["The orchestra opened its winter season with a program of Brahms and Sibelius. Critics praised it.",
             "Rain is expected across the north on Monday, with snow on high ground and strong winds.", None]
    frame = pd.DataFrame({"text": list(seed_texts.values()) + extra},
                         index=pd.Index([k[:3] for k in seed_texts] + ["x1", "x2", "x3"], name="doc"))
    ddf = dd.from_pandas(frame, npartitions=3, sort=False)
    with dask.config.set(scheduler="synchronous"):
        result = framing.faces.dask.compare(ddf, differences=False)
    expected = compare(frame["text"].tolist(), ids=list(frame.index), differences=False)
    # copied sentences are found alike; paraphrases only within blocks (a block holds documents
    # with a likely copy between them)
    def copies(p):
        return _sorted(p[p["kind"] != "paraphrase"])

    pd.testing.assert_frame_equal(copies(result.passages), copies(expected.passages))
    inside = set(result.passages["id_a"]) | set(result.passages["id_b"])
    within = expected.passages[expected.passages["id_a"].isin(inside) & expected.passages["id_b"].isin(inside)]
    pd.testing.assert_frame_equal(_sorted(result.passages), _sorted(within))
    # the TF-IDF of a block is its own (its idf, its blocking candidates): the pairs that share
    # sentences are the same, their similarity is not
    def sharing(pairs):
        pairs = pairs[(pairs["shared_sentences"] > 0) & pairs["id_a"].isin(inside) & pairs["id_b"].isin(inside)]
        return _sorted(pairs.drop(columns="similarity"))

    pd.testing.assert_frame_equal(sharing(result.pairs), sharing(expected.pairs))
    docs = result.documents.set_index("id")
    assert sorted(docs.index) == sorted(frame.index)
    assert docs.loc["x3", "error"] == "missing text"
    assert docs.loc["x1", "independence"] == 1.0
    assert docs.loc["001", "group"] == docs.loc["003", "group"]


def test_explicit_groups_are_the_blocks(seed_texts):
    frame = pd.DataFrame({"text": list(seed_texts.values()), "event": ["e1", "e1", "e2", "e2", "e2"]},
                         index=pd.Index([k[:3] for k in seed_texts], name="doc"))
    ddf = dd.from_pandas(frame, npartitions=2, sort=False)
    with dask.config.set(scheduler="synchronous"):
        result = framing.faces.dask.compare(ddf, group="event", differences=False)
    assert set(zip(result.claims["id_a"], result.claims["id_b"])) <= {("000", "001"), ("002", "003"), ("002", "004"),
                                                                    ("003", "004")}
    assert set(result.documents["group"]) == {"e1", "e2"}


def test_split_blocks_caps_a_chain_on_its_strongest_links():
    from framing.faces.dask import split_blocks

    docs = [f"d{i:02d}" for i in range(12)]
    strength = [5, 5, 1, 5, 5, 1, 5, 5, 1, 5, 5]  # a chain of 12, weak every third link
    pairs = pd.DataFrame({"a": docs[:-1], "b": docs[1:], "n": strength})
    blocks, lost = split_blocks(pairs, max_block_docs=3)
    assert set(blocks) == set(docs) and lost == 3
    sizes = pd.Series(blocks).value_counts()
    assert sizes.max() <= 3 and len(sizes) == 4
    # no pair to drop: cut into runs of the cap, in id order
    flat = pd.DataFrame({"a": docs[:-1], "b": docs[1:], "n": [1] * 11})
    blocks, lost = split_blocks(flat, max_block_docs=5)
    assert pd.Series(blocks).value_counts().max() <= 5 and lost == 2
    assert split_blocks(pairs, max_block_docs=100) == ({d: 0 for d in docs}, 0)
