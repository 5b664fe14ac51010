"""framing.faces.dask.compare: blocks found on the cluster, the same passages and figures as in one process."""

import pandas as pd
import pytest

from framing.compare import compare

dd = pytest.importorskip("dask.dataframe", reason="needs the [dask] extra (dask[dataframe])")
dask = pytest.importorskip("dask")

import framing.faces.dask  # noqa: E402  (after the importorskip)


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


def _reference_blocks(texts, ids, min_shared_keys=3):
    """candidate_blocks' definition computed in one process: every (key, sentence) entry at once."""
    import numpy as np

    from framing.compare.features import sentence_features
    from framing.compare.passages import MAX_KEY_DOCS, pairs_from_keys
    from framing.faces.dask import BLOCK_KEY_SHARE

    f = sentence_features(texts)
    take = f.takes_part
    sent = np.concatenate((np.flatnonzero(take), f.bigram_sentence[take[f.bigram_sentence]]))
    keys = np.concatenate((f.key[take], f.bigram_key[take[f.bigram_sentence]]))
    entries = pd.DataFrame({"s": sent, "k": keys}).drop_duplicates()
    per = np.bincount(entries["s"], minlength=len(f))
    a, b, n = pairs_from_keys(entries["s"].to_numpy(), entries["k"].to_numpy(), f.doc, max_key_docs=MAX_KEY_DOCS,
                              counts=True)
    keep = (n >= min_shared_keys) & (n >= BLOCK_KEY_SHARE * np.minimum(per[a], per[b]))
    da, db = np.asarray(ids, dtype=object)[f.doc[a[keep]]], np.asarray(ids, dtype=object)[f.doc[b[keep]]]
    frame = pd.DataFrame({"a": np.where(da < db, da, db), "b": np.where(da < db, db, da)})
    return frame.groupby(["a", "b"]).size().reset_index(name="n").astype({"n": "int64"})


def _copied_corpus(seed_texts):
    texts = list(seed_texts.values())
    sentences = [t.split(". ") for t in texts]
    extra = [". ".join(sentences[0][2:6] + sentences[3][1:3]), ". ".join(sentences[2][:4]) + ". A closing line here.",
             "Rain is expected across the north on Monday, with snow on high ground and strong winds.", None, ""]
    return texts + extra, [f"d{i}" for i in range(len(texts) + len(extra))]


@pytest.mark.parametrize("npartitions", [1, 3, 7])
def test_candidate_blocks_match_one_process(seed_texts, npartitions):
    from framing.faces.dask import candidate_blocks

    texts, ids = _copied_corpus(seed_texts)
    expected = _reference_blocks(texts, ids)
    assert len(expected) > 0
    frame = pd.DataFrame({"text": texts}, index=pd.Index(ids, name="doc"))
    with dask.config.set(scheduler="synchronous"):
        got = candidate_blocks(dd.from_pandas(frame, npartitions=npartitions, sort=False))
        by_column = candidate_blocks(dd.from_pandas(frame.reset_index(), npartitions=npartitions, sort=False), id="doc")
        series = candidate_blocks(dd.from_pandas(frame["text"], npartitions=npartitions, sort=False))
    pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(by_column, expected)
    pd.testing.assert_frame_equal(series, expected)


def test_candidate_blocks_on_a_processes_scheduler(seed_texts):
    from framing.faces.dask import candidate_blocks

    texts, ids = _copied_corpus(seed_texts)
    frame = pd.DataFrame({"text": texts}, index=pd.Index(ids, name="doc"))
    with dask.config.set(scheduler="processes", num_workers=2):
        got = candidate_blocks(dd.from_pandas(frame, npartitions=2, sort=False))
    pd.testing.assert_frame_equal(got, _reference_blocks(texts, ids))


def test_candidate_blocks_without_any_copy():
    from framing.faces.dask import candidate_blocks

    frame = pd.DataFrame({"text": ["The orchestra opened its winter season with Brahms and Sibelius.", None]})
    with dask.config.set(scheduler="synchronous"):
        got = candidate_blocks(dd.from_pandas(frame, npartitions=2))
    assert got.empty and list(got.columns) == ["a", "b", "n"]


def test_candidate_blocks_through_a_workdir_resume(seed_texts, tmp_path):
    from framing.faces.dask import candidate_blocks

    texts, ids = _copied_corpus(seed_texts)
    frame = pd.DataFrame({"text": texts}, index=pd.Index(ids, name="doc"))
    ddf = dd.from_pandas(frame, npartitions=3, sort=False)
    expected = _reference_blocks(texts, ids)
    with dask.config.set(scheduler="synchronous"):
        first = candidate_blocks(ddf, workdir=tmp_path / "w")
        # a run stopped after the keys of two partitions: the rest is computed, the result the same
        for stage in ("pairs", "likely"):
            for path in (tmp_path / "w" / stage).rglob("*"):
                if path.is_file():
                    path.unlink()
        (tmp_path / "w" / "keys" / "p000002.done").unlink()
        again = candidate_blocks(ddf, workdir=tmp_path / "w")
        with pytest.raises(ValueError, match="another run"):
            candidate_blocks(ddf, workdir=tmp_path / "w", min_shared_keys=2)
    pd.testing.assert_frame_equal(first, expected)
    pd.testing.assert_frame_equal(again, expected)
