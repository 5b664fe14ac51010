"""A/B of this checkout against a git revision in one process, chunk by chunk: the whole pipeline (every
family, one segmentation per chunk), a new vocabulary every round, the order of the two flipped from one
chunk to the next, so that both see the same machine (on a shared machine, separate runs a minute apart
do not).

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/ab_inprocess.py --ref main [--docs 2000] [--rounds 5]

The revision's ``framing`` package is extracted (``git archive``) into a temporary directory and renamed
``framing_ref`` (its imports rewritten), so both packages load side by side, each with its own vocabulary
and caches. Every chunk's columns are compared (the run stops at the first difference: a speed-up must
change no output). Writes ``benchmarks/results/ab_inprocess.json`` (CPU seconds per round, the ratios
reference / this checkout, the load before each round). CPU seconds (``time.process_time``); read the
ratios beside the load.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks._batch import build_batch

OUT = ROOT / "benchmarks" / "results" / "ab_inprocess.json"
REF = "framing_ref"


def extract(ref: str, into: Path) -> str:
    """Write the revision's ``framing`` package to ``into / framing_ref`` (imports renamed); its commit."""
    found = subprocess.run(["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True, check=True)
    commit = found.stdout.strip()
    archive = subprocess.run(["git", "archive", commit, "framing"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            target = into / REF / Path(member.name).relative_to("framing")
            target.parent.mkdir(parents=True, exist_ok=True)
            data = tar.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.endswith(".py"):
                text = data.decode("utf-8")
                text = re.sub(r"\bfrom framing([. ])", rf"from {REF}\1", text)
                text = re.sub(r"\bimport framing\b", f"import {REF}", text)
                text = text.replace('"framing.', f'"{REF}.').replace('files("framing")', f'files("{REF}")')
                data = text.encode("utf-8")
            target.write_bytes(data)
    return commit


def load(package: str) -> tuple:
    """segment, the families, a default configuration and the default vocabulary of ``package``."""
    segment = importlib.import_module(f"{package}.core.segment").segment
    pipeline = importlib.import_module(f"{package}.pipeline")
    config = importlib.import_module(f"{package}.config").Config()
    vocabulary = importlib.import_module(f"{package}.core.vocabulary").default_vocabulary
    return segment, pipeline.FAMILIES, config, vocabulary, pipeline.DEFAULT_BATCH_SIZE


def same(ref: dict, new: dict) -> bool:
    # (column names that hold the package's name: the frames family's)
    ref = {name.replace(f"{REF}.", "framing."): values for name, values in ref.items()}
    if set(ref) != set(new):
        return False
    for name, values in new.items():
        a, b = np.asarray(ref[name]), np.asarray(values)
        if not (np.array_equal(a, b, equal_nan=True) if a.dtype.kind == "f" else a.tolist() == b.tolist()):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="the git revision to compare with (default: main)")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        commit = extract(args.ref, Path(tmp))
        sys.path.insert(0, tmp)
        runs = {"ref": load(REF), "new": load("framing")}
        batch = build_batch(args.docs)
        size = runs["new"][4]
        chunks = [batch[i : i + size] for i in range(0, len(batch), size)]

        def run(name: str, chunk: list[str]) -> tuple[float, dict]:
            segment, families, config, _, _ = runs[name]
            cpu = time.process_time()
            corpus = segment(chunk)
            columns: dict = {}
            for family in families.values():
                columns.update(family.compute(corpus, config))
            return time.process_time() - cpu, columns

        for name in runs:  # tables loaded
            for chunk in chunks[:2]:
                run(name, chunk)
        cpu: dict[str, list[float]] = {"ref": [], "new": []}
        loads = []
        for r in range(args.rounds):
            loads.append(os.getloadavg()[0])
            for name in runs:
                runs[name][3]().clear()  # a new vocabulary every round, for both
            total = {"ref": 0.0, "new": 0.0}
            for k, chunk in enumerate(chunks):
                found = {}
                for name in ("ref", "new") if (k + r) % 2 == 0 else ("new", "ref"):
                    seconds, found[name] = run(name, chunk)
                    total[name] += seconds
                if not same(found["ref"], found["new"]):
                    raise SystemExit(f"round {r}, chunk {k}: the columns differ from {args.ref}")
            for name, seconds in total.items():
                cpu[name].append(seconds)
            print(f"round {r}: {args.ref} {total['ref']:.2f} s CPU, this checkout {total['new']:.2f} s CPU, "
                  f"ratio {total['ref'] / total['new']:.3f} (load {loads[-1]:.2f})")  # fmt: skip
    ratios = [a / b for a, b in zip(cpu["ref"], cpu["new"])]
    result = {
        "ref": args.ref, "ref_commit": commit, "docs": args.docs, "rounds": args.rounds, "load_before_rounds": loads,
        "cpu_seconds_ref": cpu["ref"], "cpu_seconds_new": cpu["new"], "ratios_ref_over_new": ratios,
        "median_ratio": float(np.median(ratios)), "ratio_of_sums": sum(cpu["ref"]) / sum(cpu["new"]),
        "docs_per_cpu_second_ref": args.docs * args.rounds / sum(cpu["ref"]),
        "docs_per_cpu_second_new": args.docs * args.rounds / sum(cpu["new"]),
    }  # fmt: skip
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"median ratio {result['median_ratio']:.3f}, ratio of sums {result['ratio_of_sums']:.3f}: "
          f"{result['docs_per_cpu_second_ref']:.0f} -> {result['docs_per_cpu_second_new']:.0f} docs per CPU second")  # fmt: skip


if __name__ == "__main__":
    main()
