"""Peak memory of one record of every shape, and of the attacks of issue 13 on ``framing score``.

Each measurement runs in a fresh process, whose peak resident set (``ru_maxrss`` from ``wait4``)
is reported:

* ``single_record``: ``framing.score([text])`` (all families) for one text of ``--chars``
  characters (default: the default ``max_chars``, 1,000,000) made of one repeated unit: one-letter
  lines, one-word lines, blank-line paragraphs, words, sentences, quotations, list items, bare-CR
  lines, one unbroken word. ``per_char_bytes`` is (peak - the peak of importing framing and scoring
  a one-line text) / characters: the work arrays' cost per character of that shape.
* ``cli``: the command on the attacks' inputs, scored to CSV: four records of 333,333 two-letter
  lines (999,999 characters each, just under ``max_chars``), one text of 500,000 one-letter lines,
  and one 4,000,000-character text with ``--max-chars 0`` (beyond the bound: for the record).

Usage::

    python benchmarks/reliability.py            # writes benchmarks/results/reliability.json
    python benchmarks/reliability.py --chars 200000   # a quick look

Generated inputs live in a temporary folder; nothing from the shared data is read.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "reliability.json"
SHAPES = {
    "one-letter lines": "a\n",
    "one-word lines": "word\n",
    "blank-line paragraphs": "a\n\n",
    "bare-CR lines": "a\r",
    "list items": "- a\n",
    "handles": "@a\n",
    "words": "a ",
    "sentences": "a. ",
    "quotations": "\u201ca\u201d ",
    "one word": "x",
}
CHILD = """
import json, resource, sys, time
import framing
unit, n = json.loads(sys.argv[1]), int(sys.argv[2])
text = (unit * (n // len(unit) + 1))[:n]
started = time.perf_counter()
framing.score([text])
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def _run(args: list[str], **kwargs) -> dict:
    """Run ``args``; its exit code, peak RSS (MiB, from wait4) and wall time."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    out, err = process.stdout.read(), process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": process.returncode,
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "wall_seconds": round(time.perf_counter() - started, 2),
        "stdout": out.decode(errors="replace"),
        "stderr": err.decode(errors="replace")[-500:],
    }


def single_records(chars: int) -> dict:
    base = _run([sys.executable, "-c", CHILD, json.dumps("A short text."), "13"])
    found = {"baseline_peak_rss_mib": base["peak_rss_mib"], "chars": chars, "shapes": {}}
    for name, unit in SHAPES.items():
        run = _run([sys.executable, "-c", CHILD, json.dumps(unit), str(chars)])
        assert run["exit"] == 0, run["stderr"]
        extra = (run["peak_rss_mib"] - base["peak_rss_mib"]) * 1024 * 1024
        found["shapes"][name] = {
            "unit": unit,
            "peak_rss_mib": run["peak_rss_mib"],
            "per_char_bytes": round(extra / chars, 1),
            "score_seconds": round(json.loads(run["stdout"])["seconds"], 2),
        }
        print(f"{name:24} {run['peak_rss_mib']:8.1f} MiB  {extra / chars:6.1f} B/char", flush=True)
    return found


def cli_attacks(folder: Path) -> dict:
    found = {}
    four = folder / "four.jsonl"
    with four.open("w", encoding="utf-8") as handle:
        for i in range(4):  # 999,999 characters each: just under the default max_chars
            handle.write(json.dumps({"id": i, "text": "ab\n" * 333_333}) + "\n")
    lines = folder / "lines.jsonl"
    lines.write_text(json.dumps({"id": "a", "text": "a\n" * 500_000}) + "\n", encoding="utf-8")
    huge = folder / "huge.jsonl"  # over max_chars: scored only with --max-chars 0 (no bound promised)
    huge.write_text(json.dumps({"id": "a", "text": "ab\n" * 1_333_333}) + "\n", encoding="utf-8")
    cases = (
        ("four records of 333,333 two-letter lines", four, []),
        ("one text of 500,000 one-letter lines", lines, []),
        ("one text of 4,000,000 characters (two-letter lines), --max-chars 0", huge, ["--max-chars", "0"]),
    )
    for name, source, extra in cases:
        run = _run([sys.executable, "-m", "framing", "score", str(source), "-o", str(folder / "out.csv"), *extra])
        found[name] = {k: run[k] for k in ("exit", "peak_rss_mib", "wall_seconds")} | {
            "input_bytes": source.stat().st_size
        }
        print(f"{name:40} exit {run['exit']}  {run['peak_rss_mib']:8.1f} MiB  {run['wall_seconds']:.1f} s", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = {
            "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
            "single_record": single_records(args.chars),
            "cli": cli_attacks(Path(tmp)),
        }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
