"""What each family costs on one batch, in one process (steady state), and the relation engine's
share of the sourcing family: the figures behind the README's note on issue 12's speed target.

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/family_costs.py [--docs 1000] [--repeats 3]

Writes ``benchmarks/results/family_costs.json``. Every family is timed with its own segmentation
(``benchmarks._batch.time_families``), after a warm-up pass; the relation engine
(``framing.cues.relations.relations``) likewise. Wall-clock seconds: read them beside the load.
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

from benchmarks._batch import build_batch, time_families  # noqa: E402
from framing.core.segment import segment  # noqa: E402
from framing.cues import relations  # noqa: E402
from framing.pipeline import DEFAULT_BATCH_SIZE, FAMILIES  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "family_costs.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    batch = build_batch(args.docs)
    load_before = os.getloadavg()
    families = time_families(batch, {name: (family,) for name, family in FAMILIES.items()}, args.repeats, DEFAULT_BATCH_SIZE)

    def relation_engine() -> float:
        started = time.perf_counter()
        for i in range(0, len(batch), DEFAULT_BATCH_SIZE):
            relations.relations(segment(batch[i : i + DEFAULT_BATCH_SIZE]))
        return time.perf_counter() - started

    relation_engine()  # warm-up
    engine = statistics.median(relation_engine() for _ in range(args.repeats))
    result = {
        "docs": args.docs, "repeats": args.repeats, "load_before": load_before, "load_after": os.getloadavg(),
        "seconds_per_family_with_its_segmentation": families,
        "seconds_relation_engine_with_segmentation": engine,
    }  # fmt: skip
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, seconds in families.items():
        print(f"{name:12s} {seconds:6.2f} s")
    print(f"{'relations':12s} {engine:6.2f} s (the engine inside sourcing)")


if __name__ == "__main__":
    main()
