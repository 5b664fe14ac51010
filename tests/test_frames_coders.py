"""The second-coder path of ``benchmarks/frames_topic.py``, on a made-up file in a temp directory (never
the real labels): reading and checking the file, Cohen's kappa, and precision / recall per pole
against coder 2 and against the sentences both coders agree on."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from benchmarks import frames_topic as ft

HEADER = "split\tcorpus\tdoc\tstart\tend\tsha1\tlabel\n"


def _first() -> pd.DataFrame:
    labels = ["security", "humanitarian", "both", "neither", "neither", "security", "humanitarian", "neither"]
    return pd.DataFrame({"split": "test", "corpus": "newsarticles", "doc": ["a"] * 4 + ["b"] * 4,
                         "start": [0, 10, 20, 30] * 2, "end": [9, 19, 29, 39] * 2,
                         "sha1": [f"{i:010x}" for i in range(8)], "label": labels})  # fmt: skip


def _write(path, table: pd.DataFrame) -> None:
    rows = ["\t".join(str(v) for v in row) for row in table[["split", "corpus", "doc", "start", "end", "sha1", "label"]].to_numpy()]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


def test_kappa_known_values():
    assert ft.cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    # 2x2 table [[20, 5], [10, 15]]: observed 0.7, expected 0.5 -> 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert math.isclose(ft.cohen_kappa(a, b), 0.4)
    assert math.isnan(ft.cohen_kappa(["a", "a"], ["a", "a"]))


def test_second_coder_file_is_read_and_checked(tmp_path):
    first = _first()
    second = first.copy()
    second["label"] = ["security", "neither", "both", "neither", "security", "security", "humanitarian", "humanitarian"]
    path = tmp_path / "second_coder.tsv"
    _write(path, second.iloc[::-1])  # any row order
    read = ft.read_second_coder(path, first)
    assert read["label"].tolist() == second["label"].tolist()  # in the first coder's order
    _write(path, second.iloc[:-1])
    with pytest.raises(ValueError, match="not the 8 sentences"):
        ft.read_second_coder(path, first)
    bad = second.copy()
    bad.loc[0, "label"] = "threat"
    _write(path, bad)
    with pytest.raises(ValueError, match="unknown labels"):
        ft.read_second_coder(path, first)
    bad = second.copy()
    bad.loc[0, "sha1"] = "ffffffffff"
    _write(path, bad)
    with pytest.raises(ValueError, match="not the 8 sentences"):
        ft.read_second_coder(path, first)


def test_coder_tables(tmp_path):
    first = _first()
    second = first.copy()
    second["label"] = ["security", "neither", "both", "neither", "security", "security", "humanitarian", "humanitarian"]
    path = tmp_path / "second_coder.tsv"
    _write(path, second)
    second = ft.read_second_coder(path, first)
    second[["doc", "start", "end"]] = first[["doc", "start", "end"]]
    predicted = first[["doc", "start", "end"]].copy()
    predicted["pred_security"] = [True, False, True, False, True, False, False, False]
    predicted["pred_humanitarian"] = [False, True, True, False, False, False, True, True]
    tables = ft.coder_tables(first, second, {"after": predicted})
    coders = tables["coders"].set_index("labels")
    four = coders.loc["4 labels (security, humanitarian, both, neither)"]
    assert four["sentences"] == 8 and math.isclose(four["agreement"], 5 / 8)
    # security binary: coder 1 [1,0,1,0,0,1,0,0], coder 2 [1,0,1,0,1,1,0,0]: 7/8 agree
    security = coders.loc["security (binary)"]
    assert math.isclose(security["agreement"], 7 / 8)
    assert math.isclose(security["kappa"], ft.cohen_kappa([1, 0, 1, 0, 0, 1, 0, 0], [1, 0, 1, 0, 1, 1, 0, 0]))
    scores = tables["coders_scores"].set_index(["pole", "against"])
    # security vs coder 2: gold [1,0,1,0,1,1,0,0], pred [1,0,1,0,1,0,0,0] -> P 1, R 3/4
    row = scores.loc[("security", "coder 2")]
    assert (row["precision"], row["recall"], row["gold"], row["predicted"]) == (1.0, 0.75, 4, 3)
    # security where both agree (7 sentences, not the fifth): gold [1,0,1,0,1,0,0], pred [1,0,1,0,0,0,0]
    row = scores.loc[("security", "both coders agree")]
    assert row["sentences"] == 7 and (row["precision"], row["recall"]) == (1.0, 2 / 3)
    # humanitarian vs coder 2: gold [0,0,1,0,0,0,1,1], pred [0,1,1,0,0,0,1,1] -> P 3/4, R 1
    row = scores.loc[("humanitarian", "coder 2")]
    assert np.isclose(row["precision"], 0.75) and row["recall"] == 1.0


def test_no_file_no_tables(tmp_path):
    assert ft.second_coder_tables(tmp_path / "absent.tsv") == {}


def test_every_second_coded_draw_is_stacked_with_its_name(tmp_path, monkeypatch):
    tables = {"coders": pd.DataFrame({"labels": ["4 labels"], "kappa": [0.5]})}
    monkeypatch.setattr(ft, "second_coder_tables", lambda path: tables if path.name != "absent.tsv" else {})
    stacked = ft.all_second_coder_tables({"draw 5": tmp_path / "a.tsv", "draw 6": tmp_path / "b.tsv", "draw 9": tmp_path / "absent.tsv"})
    assert stacked["coders"]["draw"].tolist() == ["draw 5", "draw 6"]
    assert list(stacked["coders"].columns) == ["draw", "labels", "kappa"]
