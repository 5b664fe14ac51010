"""What each family costs on one batch, in one process (steady state), and the relation engine's
share of the sourcing family: the figures behind the README's note on issue 12's speed target.

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/family_costs.py [--docs 1000] [--repeats 3]

Writes ``benchmarks/results/family_costs.json``. Every family is timed with its own segmentation
(as ``benchmarks._batch.time_families`` does: each chunk segmented afresh, then the family's
``compute``), after a warm-up pass (steady state: the word types known; with
``--new-vocabulary`` the default vocabulary is cleared before every pass, so every type is new, as in
``speed_all.py``'s *new vocabulary*); the relation engine (``framing.cues.relations.relations``)
likewise. Wall-clock seconds (read them beside the load) and, beside them, the process's CPU
seconds (``time.process_time``), which a busy machine inflates less: on a shared machine compare
CPU seconds across runs (``cpu_seconds_fastest_repeat``, the fastest repeat of each, is the
least disturbed by other processes).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._batch import build_batch  # noqa: E402
from framing.config import Config  # noqa: E402
from framing.core.segment import segment  # noqa: E402
from framing.core.vocabulary import default_vocabulary
from framing.cues import relations  # noqa: E402
from framing.pipeline import DEFAULT_BATCH_SIZE, FAMILIES  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "family_costs.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, default=OUT)
    parser.add_argument("--new-vocabulary", action="store_true",
                        help="clear the default vocabulary before every pass (every word type new, as in speed_all's "
                             "'new vocabulary'), instead of the steady state")  # fmt: skip
    args = parser.parse_args()
    batch = build_batch(args.docs)
    chunks = [batch[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(batch), DEFAULT_BATCH_SIZE)]
    config = Config()
    load_before = os.getloadavg()

    def timed(work) -> tuple[float, float]:
        if args.new_vocabulary:
            default_vocabulary().clear()  # outside the timing
        wall, cpu = time.perf_counter(), time.process_time()
        for chunk in chunks:
            work(segment(chunk))
        return time.perf_counter() - wall, time.process_time() - cpu

    cpu_min: dict[str, float] = {}

    def median_of(name: str, work) -> tuple[float, float]:
        timed(work)  # warm-up: word types and tables loaded (the steady state)
        runs = [timed(work) for _ in range(args.repeats)]
        cpu_min[name] = min(c for _, c in runs)
        return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)

    families, families_cpu = {}, {}
    for name, family in FAMILIES.items():
        families[name], families_cpu[name] = median_of(name, lambda corpus, family=family: family.compute(corpus, config))
    engine, engine_cpu = median_of("relations", relations.relations)
    every, every_cpu = median_of("all six", lambda corpus: [family.compute(corpus, config) for family in FAMILIES.values()])
    result = {
        "docs": args.docs, "repeats": args.repeats, "new_vocabulary": args.new_vocabulary, "load_before": load_before, "load_after": os.getloadavg(),
        "seconds_per_family_with_its_segmentation": families,
        "seconds_relation_engine_with_segmentation": engine,
        "cpu_seconds_per_family_with_its_segmentation": families_cpu,
        "cpu_seconds_relation_engine_with_segmentation": engine_cpu,
        "seconds_all_families_one_segmentation": every,
        "cpu_seconds_all_families_one_segmentation": every_cpu,
        "cpu_seconds_fastest_repeat": cpu_min,
    }  # fmt: skip
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"load before {load_before[0]:.2f}, after {result['load_after'][0]:.2f}")
    for name, seconds in families.items():
        print(f"{name:12s} {seconds:6.2f} s wall {families_cpu[name]:6.2f} s CPU (fastest {cpu_min[name]:.2f})")
    print(f"{'relations':12s} {engine:6.2f} s wall {engine_cpu:6.2f} s CPU (the engine inside sourcing)")
    print(f"{'all six':12s} {every:6.2f} s wall {every_cpu:6.2f} s CPU (one segmentation per chunk)")


if __name__ == "__main__":
    main()
