"""framing.spark in Spark's local mode: the same numbers as framing.score."""

import os
import shutil
import sys

import numpy as np
import pandas as pd
import pytest

import framing

pytest.importorskip("pyspark", reason="needs the [spark] extra (pyspark)")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("PySpark needs a Java runtime (java on PATH or JAVA_HOME); none found", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402

import framing.faces.spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = (
        SparkSession.builder.master("local[2]")
        .appName("framing-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "7")  # several batches per task
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.pyspark.python", sys.executable)  # the workers need this environment's framing
        .config("spark.executorEnv.PYTHONPATH", os.pathsep.join(sys.path))
        .getOrCreate()
    )
    yield session
    session.stop()


def test_same_numbers_as_framing_score_in_local_mode(spark, seed_texts):
    texts = [line for text in seed_texts.values() for line in text.splitlines() if line.strip()][:40]
    texts += [None, "", "Last one. Really."]
    frame = pd.DataFrame({"id": [f"d{i:03d}" for i in range(len(texts))], "text": texts, "other": 1})
    expected = framing.score(frame["text"].tolist(), ids=frame["id"])
    sdf = spark.createDataFrame(frame).repartition(3)
    scored = framing.faces.spark.score(sdf, text="text", keep=["id"])
    assert scored.columns == ["id", *expected.columns]
    result = scored.toPandas().set_index("id").sort_index()
    assert result.index.tolist() == expected.index.tolist()
    for column in framing.columns():
        np.testing.assert_array_equal(result[column].to_numpy(float), expected[column].to_numpy(float), err_msg=column)
    errors = result["error"].astype(object)
    assert errors.where(errors.notna(), None).tolist() == expected["error"].tolist()
    assert scored.select("`readability.gunning_fog`").count() == len(texts)
