import subprocess
import sys
from pathlib import Path

import pandas as pd

from framing.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_score_prints_a_table(capsys):
    assert main(["score", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "readability.flesch_kincaid_grade" in out
    assert "000_381e8b15b645cf75" in out


def test_score_writes_csv_and_jsonl(tmp_path):
    for name in ("scores.csv", "scores.jsonl"):
        out = tmp_path / name
        assert main(["score", str(SEEDS), "-o", str(out), "--compat", "textstat"]) == 0
        frame = pd.read_csv(out) if name.endswith(".csv") else pd.read_json(out, lines=True)
        assert len(frame) == 5 and "readability.gunning_fog" in frame.columns


def test_undecodable_file_gives_an_error_row(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A fine sentence here.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    assert main(["score", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "bad: missing text" in captured.out
    assert "bad.txt" in captured.err


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "framing.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("framing ")
