"""Where the default pipeline spends its time, by module and by function: a sampling profile of
``framing.pipeline.score_texts`` (every family, one process) on distinct news documents.

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/profile_modules.py [--docs 1000] [--interval 0.001]

Writes ``benchmarks/results/profile_modules.json``. The documents are the speed batch
(``benchmarks._batch.build_batch``); the pipeline first scores 256 other documents of the batch
(tables loaded; the vocabulary holds their types, so the profiled documents still bring new ones).
A profiling timer (``signal.setitimer(ITIMER_PROF)``: every ``--interval`` seconds of the
process's CPU time, so other processes on the machine do not skew it) samples the stack and
charges the sample to the innermost frame inside the ``framing`` package (library and C calls
count for the framing function that made them; a signal that arrives during a C call is handled
when it returns, in the same framing function); nothing is excluded. Unix only. A sampler does not inflate Python-heavy code the
way ``cProfile`` does (which charges every Python call its own overhead, several times the cost
of numpy work): read the shares, not the seconds, and the load beside them (the machine is
shared).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._batch import build_batch
from framing.config import Config
from framing.pipeline import score_texts

OUT = ROOT / "benchmarks" / "results" / "profile_modules.json"
PACKAGE = str(ROOT / "framing") + os.sep


def charge(frame, counts: collections.Counter) -> None:
    """Count the innermost ``framing`` frame of the stack at ``frame``."""
    while frame is not None and not frame.f_code.co_filename.startswith(PACKAGE):
        frame = frame.f_back
    if frame is None:
        counts[("(outside framing)", "")] += 1
        return
    module = frame.f_code.co_filename[len(PACKAGE) - len("framing/") :].replace(os.sep, "/")
    counts[(module, f"{frame.f_code.co_name}:{frame.f_code.co_firstlineno}")] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=0.001)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    batch = build_batch(args.docs + 256)
    config = Config()
    score_texts(batch[args.docs :], config)  # warm-up on other documents
    counts: collections.Counter = collections.Counter()
    load_before = os.getloadavg()
    previous = signal.signal(signal.SIGPROF, lambda signum, frame: charge(frame, counts))
    wall, cpu = time.perf_counter(), time.process_time()
    signal.setitimer(signal.ITIMER_PROF, args.interval, args.interval)
    try:
        score_texts(batch[: args.docs], config)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    total = sum(counts.values()) or 1
    modules: collections.Counter = collections.Counter()
    for (module, _), n in counts.items():
        modules[module] += n
    result = {
        "docs": args.docs, "interval": args.interval, "samples": total, "load_before": load_before,
        "load_after": os.getloadavg(), "wall_seconds": wall, "cpu_seconds": cpu,
        "share_by_module": {m: n / total for m, n in modules.most_common()},
        "share_by_function": {f"{m}:{f}": n / total for (m, f), n in counts.most_common(args.top)},
    }  # fmt: skip
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"{args.docs} documents, {wall:.1f} s wall, {cpu:.1f} s CPU, load {load_before[0]:.1f} -> {result['load_after'][0]:.1f}")
    for module, share in result["share_by_module"].items():
        print(f"{100 * share:5.1f}%  {module}")
    print("--")
    for name, share in result["share_by_function"].items():
        print(f"{100 * share:5.1f}%  {name}")


if __name__ == "__main__":
    main()
