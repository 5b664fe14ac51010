"""framing.dask on a real dask.distributed cluster of two worker processes."""

import numpy as np
import pandas as pd
import pytest

import framing

dd = pytest.importorskip("dask.dataframe", reason="needs the [dask] extra (dask[dataframe])")
distributed = pytest.importorskip("distributed", reason="needs the [dask] extra (distributed)")

import framing.faces.dask  # noqa: E402


@pytest.fixture(scope="module")
def texts(seed_texts):
    lines = [line for text in seed_texts.values() for line in text.splitlines() if line.strip()]
    return lines[:60] + [None, "", "Last one. Really."]  # (dask turns a non-string into a string)


def test_same_numbers_as_framing_score_on_a_local_cluster(texts):
    frame = pd.DataFrame({"text": texts, "source": [f"s{i % 3}" for i in range(len(texts))]},
                         index=pd.Index([f"d{i}" for i in range(len(texts))], name="doc"))
    expected = framing.score(frame["text"])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            ddf = dd.from_pandas(frame, npartitions=4, sort=False)
            lazy = framing.faces.dask.score(ddf, text="text")
            assert list(lazy.columns) == list(expected.columns)
            result = lazy.compute()
            # each of the two worker processes scored partitions
            who = client.run(lambda: __import__("os").getpid())
            assert len(set(who.values())) == 2
    assert result.index.tolist() == expected.index.tolist()
    for column in framing.columns():
        np.testing.assert_array_equal(result[column].to_numpy(), expected[column].to_numpy(), err_msg=column)
    assert result["error"].tolist() == expected["error"].tolist()


def test_series_and_meta(texts):
    series = dd.from_pandas(pd.Series(texts[:10]), npartitions=2, sort=False)
    lazy = framing.faces.dask.score(series, signals="readability")
    assert list(lazy.columns) == [*framing.columns("readability"), "text.language", "error"]
    assert lazy.dtypes["text.words"] == np.float64
    pd.testing.assert_frame_equal(lazy.compute(scheduler="sync"), framing.score(pd.Series(texts[:10]), signals="readability"))
    with pytest.raises(KeyError, match="no column 'body'"):
        framing.faces.dask.score(dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1), text="body")
