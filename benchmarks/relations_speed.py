"""CPU seconds per 1,000 documents of the relation engine, against another checkout of the package.

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/relations_speed.py --baseline /path/to/other/checkout

Each checkout is timed in its own subprocess, alternately (``--rounds`` times), on the speed batch
(``benchmarks._batch.build_batch``, 768 documents) and on 256 NewsArticles documents, in batches
of 256: segmentation alone (every lazy array the engine reads), and segmentation plus
``framing.cues.relations.relations``. CPU time (``time.process_time``), the minimum of 5 passes
after a warm-up, so that other processes on the machine weigh less than in wall-clock time; the
load is recorded. Writes ``benchmarks/results/relations_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "relations_speed.json"

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
from benchmarks import _data
from benchmarks._batch import build_batch
from framing.core.segment import segment
from framing.cues import relations as R
sets = {"speed_batch": build_batch(768), "news_articles": list(_data.news_articles()["text"][:256])}
out = {"framing": R.__file__}
for name, texts in sets.items():
    chunks = [texts[i:i + 256] for i in range(0, len(texts), 256)]
    def seg():
        t = time.process_time()
        for b in chunks:
            c = segment(b)
            c.word_types; c.word_sentence; c._word_bounds; c.sentences; c.char_classes; c.codepoints; c.word_is_capitalized
        return (time.process_time() - t) / len(texts) * 1000
    def eng():
        t = time.process_time()
        for b in chunks:
            R.relations(segment(b))
        return (time.process_time() - t) / len(texts) * 1000
    eng()
    s, e = min(seg() for _ in range(5)), min(eng() for _ in range(5))
    out[name] = {"segmentation": s, "engine_with_segmentation": e, "engine": e - s}
print(json.dumps(out))
"""


def measure(root: Path) -> dict:
    """One timing run of the checkout at ``root`` (benchmarks' data loaders from this checkout)."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(ROOT)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout (e.g. the main branch)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {"baseline": [], "this": []}
    load_before = os.getloadavg()
    for _ in range(args.rounds):
        runs["baseline"].append(measure(args.baseline.resolve()))
        runs["this"].append(measure(ROOT))
    summary = {}
    for name in ("speed_batch", "news_articles"):
        base = min(r[name]["engine"] for r in runs["baseline"])
        this = min(r[name]["engine"] for r in runs["this"])
        summary[name] = {"baseline_engine_s_per_1000": base, "this_engine_s_per_1000": this, "speedup": base / this}
        print(f"{name:14s} engine {base:.3f} -> {this:.3f} s per 1000 docs ({base / this:.2f}x)")
    result = {"load_before": load_before, "load_after": os.getloadavg(), "rounds": args.rounds, "summary": summary, "runs": runs}
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
