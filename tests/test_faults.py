"""Fault injection on the corpus command with real processes: SIGKILL at random points then
--resume, damaged parts, concurrent runs, unreadable inputs, a read-only folder and a full disk.

The read-only and full disks are small tmpfs mounts made in a private mount namespace
(``unshare -m``), so nothing is left mounted; where that is not allowed the tests are skipped
with the reason. Unreadable files need permissions that bind: as root they run with
CAP_DAC_OVERRIDE dropped (``capsh``), else with chmod. The longer soak is
``benchmarks/reliability_soak.py``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framing
from framing.faces.cli import main

REPO = Path(framing.__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(REPO))
SIGNALS = ["--signals", "readability,boilerplate"]
SEEDS = REPO / "seeds"


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "framing", "score", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """4,000 records of seed lines (80 chunks of 50: a few seconds to score), as JSONL."""
    lines = [x for p in sorted(SEEDS.glob("*.txt")) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    path = tmp_path_factory.mktemp("faults") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(4000):
            text = " ".join(lines[(i + k) % len(lines)] for k in range(1 + i % 4))
            handle.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("reference") / "whole.csv"
    assert main(["score", str(corpus), "-o", str(out), "--chunk-size", "50", *SIGNALS]) == 0
    return out.read_bytes()


def test_sigkill_at_random_points_then_resume(tmp_path, corpus, reference):
    rng = random.Random(13)
    out = tmp_path / "out.csv"
    args = command(str(corpus), "-o", str(out), "--chunk-size", "50", "--jobs", "2", *SIGNALS)
    partial = tmp_path / "out.csv.partial"
    kills = 0
    for attempt in range(4):
        process = subprocess.Popen(args + (["--resume"] if attempt else []), env=ENV, stderr=subprocess.PIPE,
                                   start_new_session=True)
        if attempt < 3:
            # at a random point: during start-up (no part yet), or once a random number of parts is
            # on disk plus a random few milliseconds (mid-part, mid-journal, mid-join), whatever the
            # machine's speed
            target = 0 if attempt == 0 and rng.random() < 0.5 else rng.randint(1, 75)
            deadline = time.monotonic() + 60
            while process.poll() is None and time.monotonic() < deadline:
                if len(list(partial.glob("part-*.csv"))) >= target:
                    break
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.05))
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)  # the command and its workers, without warning
                kills += 1
        _, err = process.communicate(timeout=120)
        assert b"Traceback" not in err, err.decode()
        assert not out.exists() or out.read_bytes() == reference  # never half an output
        if process.returncode == 0:
            break
    assert process.returncode == 0 and out.read_bytes() == reference
    assert kills >= 1
    assert not (tmp_path / "out.csv.partial").exists() and not (tmp_path / "out.csv.lock").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no stale temporary files


def test_damaged_parts_are_scored_again(tmp_path, corpus, reference, monkeypatch):
    from framing.faces import stream

    rng = random.Random(7)
    out = tmp_path / "out.csv"
    real, calls = stream.score_chunk, []

    def stop_after_20(*args, **kwargs):
        calls.append(1)
        if len(calls) > 20:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(stream, "score_chunk", stop_after_20)
    assert main(["score", str(corpus), "-o", str(out), "--chunk-size", "50", *SIGNALS]) == 130
    monkeypatch.setattr(stream, "score_chunk", real)
    parts = sorted((tmp_path / "out.csv.partial").glob("part-*.csv"))
    assert len(parts) == 20
    for part in rng.sample(parts, 6):  # flip a byte, cut, empty, append
        data = bytearray(part.read_bytes())
        how = rng.choice(["flip", "cut", "empty", "append"])
        if how == "flip":
            data[rng.randrange(len(data))] ^= 0x20
        elif how == "cut":
            data = data[: rng.randrange(len(data))]
        elif how == "empty":
            data = bytearray()
        else:
            data += b"x,1,2\n"
        part.write_bytes(bytes(data))
    assert main(["score", str(corpus), "-o", str(out), "--chunk-size", "50", "--resume", *SIGNALS]) == 0
    assert out.read_bytes() == reference


def test_concurrent_runs_on_one_output(tmp_path, corpus, reference):
    out = tmp_path / "out.csv"
    args = command(str(corpus), "-o", str(out), "--chunk-size", "50", *SIGNALS)
    first = subprocess.Popen(args, env=ENV, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (tmp_path / "out.csv.partial").exists() and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.02)
    second = subprocess.run(args, env=ENV, capture_output=True, timeout=120)
    overlapped = first.poll() is None  # the first still held the output when the second ended
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode()
    if overlapped:
        assert second.returncode == 5 and b"another framing run" in second.stderr, second.stderr.decode()
        assert b"Traceback" not in second.stderr
    else:  # pragma: no cover - a machine fast enough to finish the first run meanwhile
        assert second.returncode in (0, 5)
    assert out.read_bytes() == reference


# -- permissions and mounts ---------------------------------------------------------------------
def _unprivileged(args: list[str]) -> list[str]:
    """``args`` run so that file permissions bind (as root: without CAP_DAC_OVERRIDE)."""
    if os.geteuid() != 0:
        return args
    capsh = shutil.which("capsh")
    if capsh is None:
        pytest.skip("running as root without capsh: permissions do not bind")
    probe = subprocess.run([capsh, "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"capsh cannot drop CAP_DAC_OVERRIDE here: {probe.stderr.decode().strip()}")
    return [capsh, "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", " ".join(map(_quote, args))]


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def _one_line(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text, text
    lines = [x for x in text.splitlines() if x.strip()]
    assert lines and lines[-1].startswith("framing: "), text
    return lines[-1]


def test_unreadable_file_and_subfolder(tmp_path):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("A fine sentence.", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Another one.", encoding="utf-8")
    out = tmp_path / "out.csv"
    os.chmod(folder / "sub", 0)
    try:
        run = subprocess.run(_unprivileged(command(str(folder), "-o", str(out), "--signals", "readability")),
                             env=ENV, capture_output=True, timeout=120)
    finally:
        os.chmod(folder / "sub", 0o755)
    assert run.returncode == 3 and "cannot read folder" in _one_line(run.stderr)
    assert not out.exists()

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "A fine sentence."}\n', encoding="utf-8")
    os.chmod(source, 0)
    try:
        run = subprocess.run(_unprivileged(command(str(source), "-o", str(out), "--signals", "readability")),
                             env=ENV, capture_output=True, timeout=120)
    finally:
        os.chmod(source, 0o644)
    assert run.returncode == 3 and "in.jsonl: cannot read: Permission denied" in _one_line(run.stderr)


def _in_mount(tmp_path: Path, options: str, args: list[str]) -> subprocess.CompletedProcess:
    """Run ``args`` with a fresh tmpfs (``options``) at ``tmp_path / 'mnt'``, in a private mount
    namespace; skip when this machine does not allow it."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare(1): cannot make a private tmpfs")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    probe = subprocess.run([unshare, "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {_quote(str(mnt))}"],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a private namespace here: {probe.stderr.decode().strip()}")
    script = f"mount -t tmpfs -o {options} tmpfs {_quote(str(mnt))} && exec " + " ".join(map(_quote, args))
    return subprocess.run([unshare, "-m", "sh", "-c", script], env=ENV, capture_output=True, timeout=120)


def test_read_only_output_folder(tmp_path, corpus):
    run = _in_mount(tmp_path, "ro,size=64k", command(str(corpus), "-o", str(tmp_path / "mnt" / "out.csv"),
                                                     "--signals", "readability"))
    assert run.returncode == 4, run.stderr.decode()
    assert "Read-only file system" in _one_line(run.stderr) or "permission denied" in _one_line(run.stderr)


def test_full_disk(tmp_path, corpus):
    out = tmp_path / "mnt" / "out.csv"
    run = _in_mount(tmp_path, "size=64k", command(str(corpus), "-o", str(out), "--chunk-size", "50", "--signals",
                                                  "readability"))
    assert run.returncode == 4, run.stderr.decode()
    line = _one_line(run.stderr)
    assert "No space left on device" in line and "--resume" in line


def test_sigterm_stops_like_ctrl_c(tmp_path, corpus, reference):
    out = tmp_path / "out.csv"
    args = command(str(corpus), "-o", str(out), "--chunk-size", "50", "--jobs", "2", *SIGNALS)
    process = subprocess.Popen(args, env=ENV, stderr=subprocess.PIPE)
    partial = tmp_path / "out.csv.partial"
    deadline = time.monotonic() + 60
    while len(list(partial.glob("part-*.csv"))) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.terminate()  # SIGTERM to the command only, as a scheduler or `kill` sends it
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143 and b"--resume" in err and b"Traceback" not in err, err.decode()
    assert not out.exists() and not (tmp_path / "out.csv.lock").exists()
    assert main(["score", str(corpus), "-o", str(out), "--chunk-size", "50", "--resume", *SIGNALS]) == 0
    assert out.read_bytes() == reference
