"""The attacks of issue 13 on the corpus command, each as a test (docs/corpus-command.md lists them).

Every test here failed before its fix. Faults that need a real process, signal, mount or dropped
privileges are in tests/test_faults.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from framing.faces import stream
from framing.faces.cli import main

SIGNALS = ["--signals", "readability"]


def jsonl(path: Path, lines: list[str | bytes]) -> Path:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n" for x in lines))
    return path


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert lines and lines[-1].startswith("framing: "), err
    return lines[-1]


# -- 2. --keep with bad JSONL lines -------------------------------------------------------------
@pytest.mark.parametrize("bad", [b"{not json", b"[1, 2]", b'{"id": "x", "text": "\xff"}', b'"just a string"', b"[" * 100_000])
def test_keep_with_a_bad_line_gives_an_error_row(tmp_path, bad, capsys):
    source = jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": "A fine sentence.", "source": "s1"}', bad,
                                          '{"id": "c", "text": "Another sentence.", "source": "s2"}'])
    out = tmp_path / "out.jsonl"
    assert main(["score", str(source), "-o", str(out), "--keep", "source", *SIGNALS]) == 0
    rows = rows_of(out)
    assert [r["source"] for r in rows] == ["s1", None, "s2"]
    assert rows[1]["error"] is not None and rows[1]["id"] == "in.jsonl:2"
    assert "in.jsonl:2: " in capsys.readouterr().err


# -- 3. Parquet with --flags and an error row ---------------------------------------------------
def test_parquet_flags_with_error_rows(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow")
    source = jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": "A fine sentence here."}', '{"id": "b"}',
                                          '{"id": "c", "text": "Two more. Sentences here."}'])
    out = tmp_path / "out.parquet"
    assert main(["score", str(source), "-o", str(out), "--flags", "--chunk-size", "2"]) == 0
    table = pq.read_table(out)
    assert str(table.schema.field("quality.flagged").type) == "bool"
    flagged = table.column("quality.flagged").to_pylist()
    assert flagged[1] is None and isinstance(flagged[0], bool) and isinstance(flagged[2], bool)


# -- 4. one bad record never aborts the run -----------------------------------------------------
def test_lone_surrogates_in_ids_and_kept_fields(tmp_path):
    source = jsonl(tmp_path / "in.jsonl", ['{"id": "\\ud800x", "text": "A fine sentence.", "source": "s\\udfff"}',
                                          '{"id": "b", "text": "Text with \\ud800 inside it."}'])
    for ext in ("csv", "jsonl"):
        out = tmp_path / f"out.{ext}"
        assert main(["score", str(source), "-o", str(out), "--keep", "source", *SIGNALS]) == 0
        frame = pd.read_csv(out) if ext == "csv" else pd.DataFrame(rows_of(out))
        assert frame["id"].tolist() == ["\\ud800x", "b"]
        assert frame["source"].tolist()[0] == "s\\udfff"
        assert frame["text.words"].notna().all()


def test_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.txt").write_text("A fine sentence.", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"bad-\xff.txt"), "wb") as handle:
            handle.write(b"Another fine sentence.")
    except OSError as err:  # pragma: no cover - file systems that refuse such names
        pytest.skip(f"this file system refuses non-UTF-8 names: {err}")
    out = tmp_path / "out.csv"
    assert main(["score", str(folder), "-o", str(out), *SIGNALS]) == 0
    frame = pd.read_csv(out)
    assert sorted(frame["id"]) == ["bad-\\udcff", "good"] and frame["error"].isna().all()


def test_bare_cr_in_a_csv_is_part_of_its_field(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,text\na,First fine text.\nb,broken\rline here\nc,Last fine text.\n")
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), *SIGNALS]) == 0
    frame = pd.read_csv(out)
    assert frame["id"].tolist() == ["a", "b", "c"] and frame["error"].isna().all()
    import framing

    assert frame["text.lines"][1] == framing.score(["broken\rline here"])["text.lines"][0] == 2
    source.write_bytes(b"id,text\na,First fine text.\nb,nul\x00here\nc,Last fine text.\n")
    assert main(["score", str(source), "-o", str(out), *SIGNALS]) == 0  # a NUL is a character too
    assert pd.read_csv(out)["id"].tolist() == ["a", "b", "c"]


# -- 5. one run per output; the output is never an input ---------------------------------------
def test_a_second_run_on_the_same_output_is_refused(tmp_path, capsys):
    from framing.faces.durable import OutputLock

    source = jsonl(tmp_path / "in.jsonl", ['{"id": "a", "text": "A fine sentence."}'])
    out = tmp_path / "out.csv"
    with OutputLock(out):
        assert main(["score", str(source), "-o", str(out), *SIGNALS]) == 5
        assert "another framing run" in one_line_error(capsys.readouterr().err)
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()
    assert main(["score", str(source), "-o", str(out), *SIGNALS]) == 0  # released: the next run goes
    assert not (tmp_path / "out.csv.lock").exists()


def test_output_equal_to_an_input_is_refused(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("id,text\na,A fine sentence.\n", encoding="utf-8")
    before = source.read_bytes()
    assert main(["score", str(source), "-o", str(source), *SIGNALS]) == 2
    assert "is also an input" in one_line_error(capsys.readouterr().err)
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    assert main(["score", str(source), "-o", str(link), *SIGNALS]) == 2
    assert source.read_bytes() == before


# -- 6. resume verifies the parts ---------------------------------------------------------------
def _corpus(tmp_path: Path, n: int = 13) -> Path:
    return jsonl(tmp_path / "in.jsonl", [json.dumps({"id": f"d{i}", "text": f"Sentence number {i} is here. It ends."})
                                         for i in range(n)])


def _interrupted(tmp_path: Path, monkeypatch, source: Path, out: Path, after: int) -> None:
    real, calls = stream.score_chunk, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) > after:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "score_chunk", flaky)
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", *SIGNALS]) == 130
    monkeypatch.setattr(stream, "score_chunk", real)


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _garbage(p: Path) -> None:
    p.write_bytes(b"\x00garbage\xff" * 10)


def _empty(p: Path) -> None:
    p.write_bytes(b"")


@pytest.mark.parametrize("ext", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("damage", ["truncate", "empty", "garbage", "swap", "unjournaled", "stray"])
def test_resume_verifies_the_parts(tmp_path, monkeypatch, capsys, ext, damage):
    if ext == "parquet":
        pytest.importorskip("pyarrow")
    source = _corpus(tmp_path)
    whole = tmp_path / f"whole.{ext}"
    assert main(["score", str(source), "-o", str(whole), "--chunk-size", "3", *SIGNALS]) == 0
    out = tmp_path / f"out.{ext}"
    _interrupted(tmp_path, monkeypatch, source, out, after=3)
    partial = tmp_path / f"out.{ext}.partial"
    parts = sorted(partial.glob(f"part-*.{ext}"))
    assert len(parts) == 3
    if damage == "truncate":
        _truncate(parts[1])
    elif damage == "empty":
        _empty(parts[0])
    elif damage == "garbage":
        _garbage(parts[2])
    elif damage == "swap":
        a, b = parts[0].read_bytes(), parts[1].read_bytes()
        parts[0].write_bytes(b)
        parts[1].write_bytes(a)
    elif damage == "unjournaled":  # killed after the rename, before the journal line
        journal = partial / "parts.jsonl"
        journal.write_text("".join(journal.read_text().splitlines(keepends=True)[:-1]) + '{"part": 2, "rows"')
    elif damage == "stray":
        (partial / f"part-abc.{ext}").write_text("junk")
        (partial / f"part-00000007.{ext}.tmp").write_text("junk")
    capsys.readouterr()
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", "--resume", *SIGNALS]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if damage != "stray":
        assert "failed verification" in err
    assert out.read_bytes() == whole.read_bytes()


def test_resume_with_a_corrupt_manifest_says_what_to_do(tmp_path, monkeypatch, capsys):
    source = _corpus(tmp_path)
    out = tmp_path / "out.csv"
    _interrupted(tmp_path, monkeypatch, source, out, after=2)
    (tmp_path / "out.csv.partial" / "manifest.json").write_text('{"version": 2, "form')
    capsys.readouterr()
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", "--resume", *SIGNALS]) == 5
    line = one_line_error(capsys.readouterr().err)
    assert "manifest.json is unreadable" in line and "run without --resume" in line
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", *SIGNALS]) == 0


def test_resume_refuses_an_edited_input(tmp_path, monkeypatch, capsys):
    source = _corpus(tmp_path)
    out = tmp_path / "out.csv"
    _interrupted(tmp_path, monkeypatch, source, out, after=2)
    data = source.read_bytes()
    source.write_bytes(data.replace(b"number 12", b"number 99"))  # same size, other content
    os.utime(source, ns=(0, 0))
    capsys.readouterr()
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", "--resume", *SIGNALS]) == 5
    assert "other inputs or options" in one_line_error(capsys.readouterr().err)


def test_parts_are_fsynced_before_they_are_renamed(tmp_path, monkeypatch):
    synced: set[int] = set()
    renamed: list[tuple[str, bool]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        synced.add(os.fstat(fd).st_ino)
        return real_fsync(fd)

    def replace(src, dst):
        renamed.append((os.path.basename(dst), os.stat(src).st_ino in synced))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    source = _corpus(tmp_path, 7)
    assert main(["score", str(source), "-o", str(tmp_path / "out.csv"), "--chunk-size", "3", *SIGNALS]) == 0
    names = [name for name, _ in renamed]
    assert {"part-00000000.csv", "part-00000002.csv", "manifest.json", "out.csv"} <= set(names)
    assert all(ok for _, ok in renamed), renamed


# -- 8. no silent loss, no tracebacks -----------------------------------------------------------
def test_unreadable_subfolder_stops_the_run(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("A fine sentence.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.csv"
    assert main(["score", str(folder), "-o", str(out), *SIGNALS]) == 3
    line = one_line_error(capsys.readouterr().err)
    assert "sub: cannot read folder: Permission denied" in line
    assert not out.exists() and not (tmp_path / "out.csv.partial").exists()


def test_unreadable_jsonl_is_one_line(tmp_path, monkeypatch, capsys):
    source = _corpus(tmp_path, 2)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == source:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), *SIGNALS]) == 3
    assert "in.jsonl: cannot read: Permission denied" in one_line_error(capsys.readouterr().err)


def test_disk_full_while_writing_a_part(tmp_path, monkeypatch, capsys):
    source = _corpus(tmp_path)
    whole = tmp_path / "whole.csv"
    assert main(["score", str(source), "-o", str(whole), "--chunk-size", "3", *SIGNALS]) == 0
    real, calls = stream.replace_durably, []

    def full(tmp, path):
        calls.append(path)
        if len(calls) == 4:  # manifest, two parts, then the disk is full
            raise OSError(28, "No space left on device", str(tmp))
        return real(tmp, path)

    monkeypatch.setattr(stream, "replace_durably", full)
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", *SIGNALS]) == 4
    line = one_line_error(capsys.readouterr().err)
    assert "No space left on device" in line and "--resume" in line
    monkeypatch.setattr(stream, "replace_durably", real)
    assert main(["score", str(source), "-o", str(out), "--chunk-size", "3", "--resume", *SIGNALS]) == 0
    assert out.read_bytes() == whole.read_bytes()


def test_missing_output_folder(tmp_path, capsys):
    source = _corpus(tmp_path, 1)
    assert main(["score", str(source), "-o", str(tmp_path / "nowhere" / "o.csv"), *SIGNALS]) == 4
    assert "no such folder" in one_line_error(capsys.readouterr().err)


def test_csv_without_the_text_column_writes_nothing(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("id,body\na,text\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out)]) == 3
    line = one_line_error(capsys.readouterr().err)
    assert "no column 'text'" in line and "--resume" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_utf16_jsonl_is_refused_not_a_phantom_record(tmp_path, capsys, bom):
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    source = tmp_path / "in.jsonl"
    source.write_bytes(bom + '{"id": "a", "text": "A fine sentence."}\n'.encode(codec))
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), *SIGNALS]) == 3
    assert "UTF-16" in one_line_error(capsys.readouterr().err)


def test_bad_lexicon_files_are_one_line(tmp_path, capsys):
    from framing.cues.lexicon import LexiconError, load_lexicon

    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'name = "caf\xe9"\n')
    for path in (deep, latin):
        with pytest.raises(LexiconError, match=path.name):
            load_lexicon(path)
        assert main(["score", str(_corpus(tmp_path, 1)), "--lexicons", str(path), "--signals", "framing"]) == 2
        one_line_error(capsys.readouterr().err)


def test_norms_load_of_a_json_list(tmp_path):
    from framing.judges.norms import Norms

    path = tmp_path / "norms.json"
    path.write_text("[1, 2, 3]")
    with pytest.raises(ValueError, match="not a JSON object"):
        Norms.load(path)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ValueError, match="not UTF-8"):
        Norms.load(path)


def test_internal_errors_are_one_line_and_verbose_shows_the_traceback(tmp_path, monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("injected")

    monkeypatch.setattr(stream, "score_chunk", boom)
    source = _corpus(tmp_path, 2)
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), *SIGNALS]) == 1
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: injected" in err and "Traceback" not in err
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), "--verbose", *SIGNALS]) == 1
    assert "Traceback" in capsys.readouterr().err


# -- 9. CSV formula injection -------------------------------------------------------------------
def test_csv_cells_are_safe_for_spreadsheets(tmp_path):
    values = ["=HYPERLINK(\"http://x\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tTab", "\rcr", "-3.5", "+7", "plain"]
    source = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": v, "text": "A fine sentence.", "source": v}) for v in values])
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--keep", "source", *SIGNALS]) == 0
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    expected = ["'" + v if v[0] in "=+-@\t\r" and v not in ("-3.5", "+7") else v for v in values]
    assert frame["id"].tolist() == expected and frame["source"].tolist() == expected
    assert float(frame["text.words"][0]) == 3.0
    raw = tmp_path / "raw.csv"
    assert main(["score", str(source), "-o", str(raw), "--keep", "source", "--csv-raw", *SIGNALS]) == 0
    assert pd.read_csv(raw, dtype=str, keep_default_na=False)["id"].tolist() == values
    jsonl_out = tmp_path / "out.jsonl"  # JSON is data, not a spreadsheet: unchanged
    assert main(["score", str(source), "-o", str(jsonl_out), *SIGNALS]) == 0
    assert [r["id"] for r in rows_of(jsonl_out)] == values


# -- 7. bounded memory per record ---------------------------------------------------------------
def test_boilerplate_memory_per_line():
    import tracemalloc

    from framing.core.segment import segment
    from framing.families import boilerplate

    corpus = segment(["a\n" * 100_000])
    for level in ("lines", "words", "word_types", "sentences", "line_paragraph", "sentence_line"):
        getattr(corpus, level)  # the shared levels, computed before measuring the family
    tracemalloc.start()
    try:
        boilerplate.compute(corpus)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / 100_000 < 750, f"{peak / 100_000:.0f} bytes per line"  # was ~2 kB (the whole feature matrix, twice)


def test_line_probabilities_do_not_depend_on_the_batch(seed_texts):
    from framing.core.segment import segment
    from framing.families.boilerplate import line_table

    texts = list(seed_texts.values())
    together = line_table(segment(texts))
    for i, text in enumerate(texts):
        alone = line_table(segment([text]))
        assert alone.probability.tobytes() == together.probability[together.doc == i].tobytes()


def test_batches_close_at_a_character_budget():
    from framing.pipeline import _batches

    texts = ["x" * 600_000, "y" * 600_000, "z", None, "w" * 2_000_000, "v"]
    batches = _batches(texts, 256, 1_000_000)
    assert [len(b) for b in batches] == [1, 3, 1, 1]
    assert [t for b in batches for t in b] == texts
    assert [len(b) for b in _batches(["a"] * 5, 2, 1_000_000)] == [2, 2, 1]


def test_summary_reads_the_prefixed_cells_back(tmp_path, capsys):
    from framing.faces.summary import read_scores

    source = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": f"d{i}", "text": "A fine sentence.", "source": s})
                                          for i, s in enumerate(["-left", "-left", "=right", "plain"])])
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--keep", "source", *SIGNALS]) == 0
    assert "'-left" in out.read_text(encoding="utf-8")
    assert read_scores(out)["source"].tolist() == ["-left", "-left", "=right", "plain"]


def test_private_use_character_survives_a_bare_cr_elsewhere(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes("id,text\na,bare\rCR here.\nb,An apple \uf8ff logo.\n".encode())
    out = tmp_path / "out.csv"
    assert main(["score", str(source), "-o", str(out), "--keep", "text", "--text-field", "text", *SIGNALS]) == 0
    kept = pd.read_csv(out)["text"].tolist()
    assert kept == ["bare\rCR here.", "An apple \uf8ff logo."]


def test_csv_with_cr_only_line_ends_is_refused_in_one_line(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,text\ra,First text.\rb,Second text.\r")
    assert main(["score", str(source), "-o", str(tmp_path / "o.csv"), *SIGNALS]) == 3
    assert "CR only" in one_line_error(capsys.readouterr().err)
