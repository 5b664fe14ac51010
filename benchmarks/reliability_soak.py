"""A long fault soak of ``framing score`` (not in CI): random corpora, options, kills and damage.

Each round draws a corpus (seed lines mixed with adversarial records: malformed JSON, non-objects,
lone surrogates, formula-like ids, bare CRs, huge and empty texts, deep nesting), an output format,
``--chunk-size`` and ``--jobs``, scores it once without interruption (the reference), then runs
the same command again and, until it finishes, SIGKILLs it at a random moment, damages random
parts (truncate, flip a byte, empty, swap two, delete the journal's last line) and resumes. The
round passes when the resumed output is byte for byte the reference, no run printed a traceback
and nothing but the output is left in the folder.

Usage::

    python benchmarks/reliability_soak.py --minutes 30          # prints one line per round
    python benchmarks/reliability_soak.py --rounds 5 --seed 1

Exits 1 at the first failing round, leaving its folder for inspection.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(REPO))
ADVERSARIAL = [
    b"{not json",
    b"[1, 2]",
    b'"a string"',
    b'{"id": "\\ud800", "text": "A lone surrogate in the id.", "source": "\\udfff"}',
    b'{"id": "=HYPERLINK(\\"x\\")", "text": "A formula id.", "source": "@SUM(A1)"}',
    b'{"id": "cr", "text": "bare\\rCR\\rlines"}',
    b'{"id": "empty", "text": "   "}',
    b'{"id": "none"}',
    b'{"id": "num", "text": 42}',
    b'{"id": "bad", "text": "\xff\xfe"}',
    b"[" * 5000 + b"]" * 5000,
    b'{"id": "quote", "text": "\\u201cWe will win this fight for all of us.\\u201d"}',
    b'{"id": "speaker", "text": "\\u2013 Dawn R."}',
    b'{"id": "post", "text": "t.co/abc123 Follow us on Twitter"}',
]


def corpus(rng: random.Random, folder: Path) -> Path:
    lines = [x for p in sorted((REPO / "seeds").glob("*.txt")) for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    path = folder / "corpus.jsonl"
    with path.open("wb") as handle:
        for i in range(rng.randint(200, 1500)):
            if rng.random() < 0.05:
                handle.write(rng.choice(ADVERSARIAL) + b"\n")
            else:
                text = "\n".join(rng.sample(lines, rng.randint(1, 6)))
                record = {"id": f"r{i}", "text": text, "source": rng.choice(["a", "b", "-c"])}
                handle.write(json.dumps(record).encode() + b"\n")
    return path


def damage(rng: random.Random, partial: Path) -> str:
    parts = sorted(partial.glob("part-*"))
    if not parts:
        return "none"
    how = rng.choice(["truncate", "flip", "empty", "swap", "journal", "none"])
    part = rng.choice(parts)
    data = bytearray(part.read_bytes())
    if how == "truncate" and data:
        part.write_bytes(bytes(data[: rng.randrange(len(data))]))
    elif how == "flip" and data:
        data[rng.randrange(len(data))] ^= 0x01
        part.write_bytes(bytes(data))
    elif how == "empty":
        part.write_bytes(b"")
    elif how == "swap" and len(parts) > 1:
        other = rng.choice([p for p in parts if p != part])
        a, b = part.read_bytes(), other.read_bytes()
        part.write_bytes(b)
        other.write_bytes(a)
    elif how == "journal":
        journal = partial / "parts.jsonl"
        if journal.exists():
            kept = journal.read_bytes().splitlines(keepends=True)[:-1]
            journal.write_bytes(b"".join(kept))
    return how


def run_round(rng: random.Random, folder: Path) -> str:
    source = corpus(rng, folder)
    ext = rng.choice(["csv", "jsonl", "parquet"])
    options = ["--chunk-size", str(rng.choice([7, 50, 200])), "--jobs", str(rng.choice([1, 2])), "--keep", "source"]
    options += rng.choice([[], ["--signals", "readability,sourcing"], ["--flags"]])
    reference = folder / f"reference.{ext}"
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "framing", "score", str(source), "-o", str(reference), *options],
                          env=ENV, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    seconds = time.monotonic() - started  # kills fall anywhere from start-up to the join
    out = folder / f"out.{ext}"
    base = [sys.executable, "-m", "framing", "score", str(source), "-o", str(out), *options]
    events = []
    for attempt in range(20):
        process = subprocess.Popen(base + (["--resume"] if attempt else []), env=ENV, stderr=subprocess.PIPE,
                                   start_new_session=True)
        if attempt < 19:
            time.sleep(rng.uniform(0.2, 1.1) * seconds)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                events.append("kill")
        _, err = process.communicate()
        assert b"Traceback" not in err, err.decode()
        assert not out.exists() or out.read_bytes() == reference.read_bytes(), "half an output"
        if process.returncode == 0:
            break
        events.append(damage(rng, folder / f"out.{ext}.partial"))
    assert out.read_bytes() == reference.read_bytes(), "resumed output differs"
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted(["corpus.jsonl", reference.name, out.name]), left
    return f"{ext} {' '.join(options)}: {' '.join(events) or 'no kill'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=0, help="stop after this many rounds (0: by --minutes)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    deadline = time.monotonic() + 60 * args.minutes
    n = 0
    while (args.rounds and n < args.rounds) or (not args.rounds and time.monotonic() < deadline):
        folder = Path(tempfile.mkdtemp(prefix="framing-soak-"))
        try:
            print(f"round {n}: {run_round(rng, folder)}: ok", flush=True)
        except AssertionError as err:
            print(f"round {n}: FAILED: {err} (folder kept: {folder})", flush=True)
            return 1
        for p in sorted(folder.rglob("*"), reverse=True):
            p.rmdir() if p.is_dir() else p.unlink()
        folder.rmdir()
        n += 1
    print(f"{n} rounds passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
