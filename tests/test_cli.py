import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.faces import stream
from framing.faces.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SCORE_CHUNK = stream.score_chunk


def read_any(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"id": str})
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype={"id": str}, precise_float=True)
    return pd.read_parquet(path)


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory) -> tuple[Path, list[str]]:
    """23 records of seed sentences (distinct), as JSONL with ids."""
    texts = []
    for p in sorted(SEEDS.glob("*.txt")):
        lines = [x for x in p.read_text(encoding="utf-8").splitlines() if len(x.split()) > 3]
        texts.extend(lines[:6])
    texts = list(dict.fromkeys(texts))[:23]
    assert len(texts) == 23
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            handle.write(json.dumps({"id": f"doc{i}", "text": text}) + "\n")
    return path, texts


def test_score_prints_a_table(capsys):
    assert main(["score", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "\nreadability\n" in out and "  flesch_kincaid_grade " in out  # rows grouped by family
    assert "000_381e8b" in out and "15b645cf75" in out  # a long id wraps in its column's header
    assert max(len(line) for line in out.splitlines()) <= 100
    words = framing.score([(SEEDS / "000_381e8b15b645cf75.txt").read_text(encoding="utf-8")])["text.words"][0]
    assert f"{words:,.0f}" in out and f"{words:.2f}" not in out  # counts as integers


@pytest.mark.parametrize("name", ["scores.csv", "scores.jsonl", "scores.parquet"])
def test_outputs_hold_the_numbers_of_framing_score(tmp_path, name):
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the [parquet] extra)")
    out = tmp_path / name
    assert main(["score", str(SEEDS), "-o", str(out), "--compat", "textstat"]) == 0
    frame = read_any(out)
    files = sorted(SEEDS.glob("*.txt"))
    expected = framing.score([p.read_text(encoding="utf-8") for p in files], compat="textstat")
    assert frame["id"].tolist() == [p.stem for p in files]
    assert list(frame.columns) == ["id", *expected.columns]
    for column in framing.columns():
        np.testing.assert_array_equal(frame[column].to_numpy(float), expected[column].to_numpy(float), err_msg=column)
    assert frame["error"].isna().all()
    assert not list(tmp_path.glob("*.partial")) and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_undecodable_file_gives_an_error_row(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("A fine sentence here.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf-8")
    assert main(["score", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "bad: undecodable file" in captured.out
    assert "bad.txt" in captured.err


def test_bad_jsonl_records_give_error_rows_in_order(tmp_path, capsys):
    lines = [
        '{"id": "a", "text": "A fine sentence here."}',
        "{not json",
        "",  # a blank line is not a record
        '{"id": "c", "text": 42}',
        '{"id": "d"}',
        '{"id": "e", "text": "   "}',
        '{"id": "f", "text": "' + "word " * 30 + '"}',
        "[1, 2]",
        '{"text": "No id in this record."}',
        '{"id": 9, "text": "Numbers are ids too."}',
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "h", "text": "\xff"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["score", str(source), "-o", str(out), "--max-chars", "100", "--chunk-size", "3"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "in.jsonl:2", "c", "d", "e", "f", "in.jsonl:8", "in.jsonl:9", "9", "in.jsonl:11"]
    errors = [r["error"] for r in rows]
    assert errors[0] is None and errors[7] is None and errors[8] is None
    assert errors[1].startswith("malformed JSON")
    assert errors[2] == "not a string: int"
    assert errors[3] == "no 'text' field"
    assert errors[4] == "empty text"
    assert errors[5].startswith("text longer than max_chars=100")
    assert errors[6] == "not a JSON object: list"
    assert errors[9].startswith("undecodable line")
    assert rows[1]["text.words"] is None and rows[0]["text.words"] == 4.0
    err = capsys.readouterr().err
    for lineno in (2, 4, 5, 6, 7, 8, 11):
        assert f"in.jsonl:{lineno}: " in err


def test_csv_input_with_named_fields(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(
        'key,body,extra\nk1,"First line.\nSecond, quoted line.",x\nk2,Short one.,y\nk3,too,many,fields\n,No key here.,z\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    args = ["score", str(source), "-o", str(out), "--id-field", "key", "--text-field", "body", "--signals", "readability"]
    assert main(args) == 0
    frame = pd.read_csv(out, dtype={"id": str})
    assert frame["id"].tolist() == ["k1", "k2", "k3", "in.csv:6"]
    assert frame["text.sentences"].tolist()[:2] == [2.0, 2.0 - 1.0]
    assert frame["error"].iloc[2].startswith("malformed CSV row") and frame["error"].isna().sum() == 3
    capsys.readouterr()
    assert main(["score", str(source), "-o", str(tmp_path / "x.csv")]) == 3  # input unreadable
    assert not (tmp_path / "x.csv.partial").exists() and not (tmp_path / "x.csv").exists()
    assert "no column 'text'" in capsys.readouterr().err


def test_parquet_input(tmp_path):
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the [parquet] extra)")
    source = tmp_path / "in.parquet"
    pd.DataFrame({"id": [3, 4, 5], "text": ["One sentence.", None, "Two words. Three more words."]}).to_parquet(source)
    frame = stream.score_files([source], signals=["readability"], chunk_size=2)
    assert frame["id"].tolist() == ["3", "4", "5"]
    assert frame["text.words"].tolist()[::2] == [2.0, 5.0] and frame["error"].tolist()[1] == "missing text"


def test_output_does_not_depend_on_chunks_or_jobs(tmp_path, corpus_jsonl):
    source, _ = corpus_jsonl
    for ext in ("csv", "jsonl"):
        outputs = []
        for chunk, jobs in ((1000, 1), (4, 1), (3, 2)):
            out = tmp_path / f"c{chunk}j{jobs}.{ext}"
            assert main(["score", str(source), "-o", str(out), "--chunk-size", str(chunk), "--jobs", str(jobs)]) == 0
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1] == outputs[2]


def _interrupt_after(monkeypatch, n_chunks: int) -> list[int]:
    calls: list[int] = []
    real = SCORE_CHUNK

    def flaky(*args, **kwargs):
        calls.append(len(args[0]))
        if len(calls) > n_chunks:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "score_chunk", flaky)
    return calls


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
def test_interrupted_run_resumes_to_the_same_bytes(tmp_path, corpus_jsonl, monkeypatch, ext, capsys):
    if ext == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (the [parquet] extra)")
    source, texts = corpus_jsonl
    whole = tmp_path / f"whole.{ext}"
    assert main(["score", str(source), "-o", str(whole), "--chunk-size", "5"]) == 0

    out = tmp_path / f"out.{ext}"
    out.write_text("an older result\n")
    calls = _interrupt_after(monkeypatch, 2)
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "5"]) == 130
    assert out.read_text() == "an older result\n"  # untouched: the output is replaced only at the end
    assert "--resume" in capsys.readouterr().err
    assert len(list((tmp_path / f"out.{ext}.partial").glob("part-*"))) == 2

    calls = _interrupt_after(monkeypatch, 100)
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "5", "--resume"]) == 0
    assert [n for n in calls if n] == [5, 5, 3]  # only the chunks that were missing (0: the CSV header)
    assert out.read_bytes() == whole.read_bytes()
    assert not (tmp_path / f"out.{ext}.partial").exists()
    assert len(read_any(out)) == len(texts)


def test_resume_refuses_other_options(tmp_path, corpus_jsonl, monkeypatch, capsys):
    source, _ = corpus_jsonl
    out = tmp_path / "out.csv"
    _interrupt_after(monkeypatch, 1)
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "5"]) == 130
    capsys.readouterr()
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "5", "--resume", "--signals", "readability"]) == 5
    assert "other inputs or options" in capsys.readouterr().err


def test_progress_line(tmp_path, corpus_jsonl, capsys):
    source, _ = corpus_jsonl
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--progress", "--chunk-size", "5"]) == 0
    err = capsys.readouterr().err
    assert "docs/s" in err and "MB/s" in err and "23 documents" in err
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv")]) == 0  # not a terminal: quiet
    assert capsys.readouterr().err == ""


def test_flags_add_the_quality_columns(tmp_path, corpus_jsonl):
    source, _ = corpus_jsonl
    out = tmp_path / "flags.csv"
    assert main(["score", str(source), "-o", str(out), "--flags"]) == 0
    assert any(c.startswith("quality.") for c in pd.read_csv(out).columns)


def test_unknown_output_and_missing_input(tmp_path, capsys):
    assert main(["score", str(SEEDS), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "unknown output format" in capsys.readouterr().err
    assert main(["score", str(tmp_path / "nowhere")]) == 3
    assert "no such file" in capsys.readouterr().err


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("framing ")


def test_keep_fields_and_summary(tmp_path, corpus_jsonl, capsys):
    source, texts = corpus_jsonl
    tagged = tmp_path / "tagged.jsonl"
    with tagged.open("w", encoding="utf-8") as handle:
        for i, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line) | ({"source": f"outlet{i % 3}"} if i != 4 else {})
            handle.write(json.dumps(record) + "\n")
    scores = tmp_path / "scores.csv"
    assert main(["score", str(tagged), "-o", str(scores), "--keep", "source"]) == 0
    frame = pd.read_csv(scores)
    assert list(frame.columns[:2]) == ["id", "source"]
    assert frame["source"].isna().tolist() == [i == 4 for i in range(len(texts))]
    capsys.readouterr()

    plot = tmp_path / "summary.png"
    assert main(["summary", str(scores), "--plot", str(plot)]) == 0
    out = capsys.readouterr().out
    assert f"{len(texts)} documents, 0 with errors" in out
    assert "  flesch_kincaid_grade " in out and "by source" in out and "outlet2" in out and "(none)" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    expected_mean = frame.loc[frame["source"] == "outlet1", "readability.flesch_kincaid_grade"].mean()
    assert f" {expected_mean:.3g} " in out or out.rstrip().endswith(f" {expected_mean:.3g}") or f" {expected_mean:.3g}\n" in out
    assert out.count("immigration.balance") == 2  # once in the signals, once by source (on-topic documents only)
    assert plot.read_bytes().startswith(b"\x89PNG") and plot.stat().st_size > 10_000


def test_summary_balance_by_source():
    from framing.faces.summary import summarize

    frame = pd.DataFrame(
        {
            "id": list("abcd"),
            "source": ["x", "x", "y", "y"],
            "framing.security": [3.0, 1.0, 0.0, 0.0],
            "framing.humanitarian": [1.0, 1.0, 2.0, 0.0],
            "error": [None] * 4,
        }
    )
    sources = summarize(frame)["sources"]
    assert sources["security_humanitarian_balance"].tolist() == [0.25, -1.0]  # x: (0.5 + 0) / 2; y: only c counts
    frame["framing.immigration.balance"] = [0.5, 0.1, -0.2, np.nan]  # the family's own balance wins
    assert summarize(frame)["sources"]["security_humanitarian_balance"].round(6).tolist() == [0.3, -0.2]


def test_ctrl_c_leaves_no_output_and_resume_completes_it(tmp_path, corpus_jsonl):
    import os
    import signal
    import time

    source, texts = corpus_jsonl
    big = tmp_path / "big.jsonl"  # long enough to be interrupted midway
    with big.open("w", encoding="utf-8") as handle:
        for copy in range(40):
            for i, text in enumerate(texts):
                handle.write(json.dumps({"id": f"{copy}-{i}", "text": f"Copy {copy}. {text}"}) + "\n")
    out, whole = tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    command = [sys.executable, "-m", "framing", "score", str(big), "--chunk-size", "20", "--jobs", "2"]
    env = dict(os.environ, PYTHONPATH=str(Path(framing.__file__).resolve().parents[1]))
    process = subprocess.Popen([*command, "-o", str(out)], env=env, stderr=subprocess.PIPE, start_new_session=True)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 120
    while len(list(partial.glob("part-*.jsonl"))) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the command and its workers
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err.decode()
    assert not out.exists() and b"--resume" in err
    written = len(list(partial.glob("part-*.jsonl")))
    assert 3 <= written < 46

    subprocess.run([*command, "-o", str(out), "--resume"], env=env, check=True, capture_output=True, timeout=300)
    subprocess.run([*command, "-o", str(whole)], env=env, check=True, capture_output=True, timeout=300)
    assert out.read_bytes() == whole.read_bytes()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 40 * len(texts)


def test_flags_columns_come_before_error(tmp_path, corpus_jsonl):
    from framing.judges.flags import QualityFlagger

    source, texts = corpus_jsonl
    out = tmp_path / "flags.jsonl"
    assert main(["score", str(source), "-o", str(out), "--flags", "--signals", "readability,boilerplate"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    names = [*framing.columns(["readability", "boilerplate"]), "quality.flagged", "quality.score", "quality.reasons"]
    assert list(rows[0]) == ["id", *names[:-3], "text.language", *names[-3:], "error"]
    expected = QualityFlagger().flag(framing.score(texts, signals=["readability", "boilerplate"]))
    assert [r["quality.flagged"] for r in rows] == expected["quality.flagged"].tolist()
    assert [r["quality.reasons"] for r in rows] == ["; ".join(r) for r in expected["quality.reasons"]]
    np.testing.assert_array_equal([r["quality.score"] for r in rows], expected["quality.score"].to_numpy())


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_a_huge_document_gives_an_error_row(tmp_path, kind, capsys):
    huge = "All work and no play. " * 2_400_000  # 52.8 MB
    if kind == "txt":
        (tmp_path / "a.txt").write_text("A normal article.", encoding="utf-8")
        (tmp_path / "huge.txt").write_text(huge, encoding="utf-8")
        source = tmp_path
    else:
        source = tmp_path / "in.jsonl"
        source.write_text(json.dumps({"id": "a", "text": "A normal article."}) + "\n"
                          + json.dumps({"id": "huge", "text": huge}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--signals", "readability"]) == 0
    frame = pd.read_csv(out)
    assert frame["id"].tolist() == ["a", "huge"] and frame["text.words"].tolist()[0] == 3.0
    assert frame["error"].iloc[1].startswith("text longer than max_chars=1000000")
    assert "huge" in capsys.readouterr().err
