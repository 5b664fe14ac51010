"""``framing compare`` through its two functions (add_parser, run), as the ``framing`` command wires them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd
import pytest

from framing.faces import compare_cli
from framing.faces.options import InputError, UsageError

REPO = Path(__file__).resolve().parents[1]
A = ("Officials said the bridge would cost 45 million dollars and take three years to build. "
     "Construction crews are expected to start work in the spring of 2025, the mayor said.")
B = ("Officials said the bridge would cost 45 million dollars and take three years to build. "
     "Construction crews are expected to start work in the spring of 2026, the mayor said.")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="framing")
    commands = parser.add_subparsers(dest="command", required=True)
    compare_cli.add_parser(commands)
    return parser.parse_args(argv)


def test_summary_of_the_seeds(capsys):
    args = parse(["compare", str(REPO / "seeds"), "--no-differences"])
    assert args.func is compare_cli.run
    assert compare_cli.run(args) == 0
    out = capsys.readouterr().out
    assert "001_0ddebc35b08551c2" in out and "2022" in out and "2021" in out


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".parquet"])
def test_tables_are_written_and_nothing_is_lost(tmp_path, ext):
    pytest.importorskip("pyarrow") if ext == ".parquet" else None
    records = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": A, "event": "bridge"}), "not json",
             json.dumps({"id": "b", "text": B, "event": "bridge"}), json.dumps({"id": "c", "text": None})]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"result{ext}"
    args = parse(["compare", str(records), "-o", str(out), "--group-field", "event", "--no-differences"])
    assert compare_cli.run(args) == 0
    paths = compare_cli.table_paths(out)
    assert all(p.is_file() for p in paths.values())
    read = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True), ".parquet": pd.read_parquet}[ext]
    docs = read(paths["documents"])
    assert docs["id"].astype(str).tolist() == ["a", "in.jsonl:2", "b", "c"]
    errors = docs["error"].tolist()
    assert str(errors[1]).startswith("malformed JSON") and errors[3] == "missing text"
    claims = read(paths["claims"])
    dis = claims[~claims["agree"].astype(bool)]
    assert dis[["value_a", "value_b"]].astype(float).values.tolist() == [[2025.0, 2026.0]]
    assert docs["group"].iloc[0] == "bridge"


def test_html_page_is_written(tmp_path):
    page = tmp_path / "page.html"
    args = parse(["compare", str(REPO / "seeds"), "--html", str(page), "--no-differences"])
    assert compare_cli.run(args) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'id="passages"' in text


def test_bad_output_name_and_missing_input(tmp_path):
    with pytest.raises(UsageError):
        compare_cli.run(parse(["compare", str(REPO / "seeds"), "-o", str(tmp_path / "out.txt")]))
    with pytest.raises(InputError):
        compare_cli.run(parse(["compare", str(tmp_path / "missing.jsonl")]))


def test_duplicate_ids_are_refused(tmp_path):
    records = tmp_path / "dup.jsonl"
    records.write_text(json.dumps({"id": "x", "text": A}) + "\n" + json.dumps({"id": "x", "text": B}) + "\n")
    with pytest.raises(InputError, match="unique"):
        compare_cli.run(parse(["compare", str(records)]))
