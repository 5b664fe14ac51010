"""A/B of ``framing.score(texts, signals="readability", compat="textstat")`` between checkouts,
next to textstat 0.7.8's cache-cold loop of the eight formulas (issue 12: >= 50x textstat).

Each measurement is one fresh process of ``benchmarks/speed_readability.py --worker`` (the
``compat-1`` measurement of ``speed_all.py``: the batch of ``_batch.build_batch(--docs)``, a
warm-up on three short texts, then one timed call; textstat's loop timed document by document
with its caches cleared), run with ``PYTHONPATH`` set to the checkout measured. Rounds interleave
the engines (textstat, then the checkouts, their order reversed every other round), so that a
load that changes over the run (a shared machine) falls on all of them; a ratio is taken within a
round, and the medians of the rounds' ratios are reported with every round's numbers and the
1-minute load average before each run.

    python benchmarks/compat_speed.py --checkout main=/work/main --checkout branch=. [--rounds 3]
        [--docs 2000] --output benchmarks/results/compat_speed_<name>.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def run_worker(checkout: Path, engine: str, docs: int) -> dict:
    """One ``speed_readability.py --worker`` measurement in a fresh process on ``checkout``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = dict(os.environ, PYTHONPATH=str(checkout))
        command = [sys.executable, str(checkout / "benchmarks" / "speed_readability.py"), "--worker", engine,
                   "--docs", str(docs), "--out", str(out)]  # fmt: skip
        subprocess.run(command, check=True, env=env, cwd=checkout)
        result = json.loads(out.read_text(encoding="utf-8"))
    keep = ("engine", "docs", "seconds", "cpu_seconds_main", "docs_per_s", "loadavg_1min_before", "peak_rss_mib")
    return {key: result[key] for key in keep}


def git_commit(checkout: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", action="append", required=True, help="NAME=PATH of a checkout (repeat)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    checkouts = {}
    for item in args.checkout:
        name, _, path = item.partition("=")
        checkouts[name] = Path(path).resolve()

    rounds = []
    started = time.time()
    for r in range(args.rounds):
        order = list(checkouts) if r % 2 == 0 else list(reversed(checkouts))
        result = {"textstat": run_worker(next(iter(checkouts.values())), "textstat", args.docs)}
        for name in order:
            result[name] = run_worker(checkouts[name], "compat", args.docs)
        result["order"] = ["textstat", *order]
        rounds.append(result)
        line = ", ".join(f"{k} {v['docs_per_s']:,.0f} docs/s" for k, v in result.items() if k != "order")
        print(f"round {r + 1}: {line}", flush=True)

    def ratios(a: str, b: str, key: str = "docs_per_s") -> list[float]:
        return [rnd[a][key] / rnd[b][key] for rnd in rounds]

    names = list(checkouts)
    summary = {
        f"{name}_vs_textstat": {
            "median": float(np.median(ratios(name, "textstat"))),
            "rounds": ratios(name, "textstat"),
        }
        for name in names
    }
    for other in names[1:]:
        values = ratios(other, names[0])
        summary[f"{other}_vs_{names[0]}"] = {"median": float(np.median(values)), "rounds": values}
    report = {
        "script": "benchmarks/compat_speed.py",
        "what": 'framing.score(texts, signals="readability", compat="textstat") (speed_readability --worker compat, '
        "one fresh process per run) vs textstat 0.7.8 cache-cold (--worker textstat)",
        "docs": args.docs,
        "checkouts": {name: {"path": str(path), "commit": git_commit(path)} for name, path in checkouts.items()},
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "cpu_count": os.cpu_count(),
        "ratios": summary,
        "docs_per_s_median": {
            name: float(np.median([rnd[name]["docs_per_s"] for rnd in rounds])) for name in ["textstat", *names]
        },
        "loadavg_1min_before_range": [
            min(v["loadavg_1min_before"] for rnd in rounds for k, v in rnd.items() if k != "order"),
            max(v["loadavg_1min_before"] for rnd in rounds for k, v in rnd.items() if k != "order"),
        ],
        "rounds": rounds,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report["ratios"], indent=1))
    print(f"wrote {args.output}")
    return report


if __name__ == "__main__":
    main()
