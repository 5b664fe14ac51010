"""Throughput and peak memory of the whole ``framing score`` command on a >= 1 GB JSONL corpus.

The corpus is generated into a temporary folder at run time (never committed) from the seed articles
and the OneStopEnglish texts in the shared data, made distinct as in :mod:`benchmarks._batch`
(document ``i`` has a dateline of its own and, after the first pass over the sources, its body
paragraphs shuffled). The command is run as a user runs it (``python -m framing.faces.cli score
corpus.jsonl -o out.csv``, all signals, ``--flags`` when this version has quality flags), once per
``--jobs`` value, while a sampler reads the memory of the command and its worker processes every
0.25 s:

* ``peak_rss_max_process_mib``: the largest resident set of any one process;
* ``peak_pss_tree_mib``: the largest sum over the process tree of the proportional set size (shared
  pages counted once in total, split between the processes sharing them): what the run costs the
  machine.

Then the kill/resume check: the same command is started again, killed with SIGKILL (no chance to
clean up) when about half of the chunks are written, resumed with ``--resume``, and its output
compared byte for byte (SHA-256) with the uninterrupted run's.

Usage::

    FRAMING_SHARED_DATA=/work/shared/data python benchmarks/cli_throughput.py            # 1 GB, jobs 1 and 2
    FRAMING_SHARED_DATA=/work/shared/data python benchmarks/cli_throughput.py --gb 0.05  # a quick look

Writes ``benchmarks/results/cli_throughput.json`` (``cli_throughput_<gb>gb.json`` for other sizes) and
prints a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import framing  # noqa: E402
from benchmarks._batch import load_sources, make_document  # noqa: E402
from benchmarks._tables import markdown_table, versions  # noqa: E402

CHUNK_SIZE = 1000


def make_corpus(path: Path, target_bytes: int) -> dict:
    """Write distinct documents as JSONL until the file holds ``target_bytes``; its size and count."""
    meta_path = path.with_suffix(".meta.json")
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta["target_bytes"] == target_bytes and meta["bytes"] == path.stat().st_size:
            return meta
    sources = load_sources()
    written, i = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target_bytes:
            line = json.dumps({"id": f"doc{i:08d}", "text": make_document(sources[i % len(sources)], i, len(sources))})
            written += handle.write(line + "\n")  # ASCII-escaped JSON: characters == bytes
            i += 1
    meta = {"target_bytes": target_bytes, "bytes": path.stat().st_size, "docs": i, "sources": len(sources)}
    meta_path.write_text(json.dumps(meta))
    return meta


def _tree(pid: int):
    import psutil

    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def run_monitored(command: list[str], kill_when=None) -> dict:
    """Run ``command``; sample its process tree's memory; SIGKILL it when ``kill_when()`` is true."""
    import psutil

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    peak_rss, peak_pss, killed = 0, 0, False
    while process.poll() is None:
        pss = 0
        for proc in _tree(process.pid):
            try:
                info = proc.memory_full_info()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            peak_rss = max(peak_rss, info.rss)
            pss += info.pss
        peak_pss = max(peak_pss, pss)
        if kill_when is not None and not killed and kill_when():
            os.killpg(process.pid, signal.SIGKILL)  # the command and its workers: a session of our own
            killed = True
        time.sleep(0.25)
    stderr = process.stderr.read().decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers, once reaped
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if process.returncode != 0 and not killed:
        raise RuntimeError(f"{command} failed ({process.returncode}):\n{stderr[-3000:]}")
    return {
        "seconds": seconds,
        "returncode": process.returncode,
        "killed": killed,
        "peak_rss_max_process_mib": peak_rss / 2**20,
        "peak_pss_tree_mib": peak_pss / 2**20,
        "loadavg_1min_before": load_before,
        "loadavg_1min_after": os.getloadavg()[0],
        "cpu_seconds": cpu,
        "stderr_tail": stderr[-500:],
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0, help="corpus size in GB (10^9 bytes)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "framing_cli_throughput")
    parser.add_argument("--no-kill-check", action="store_true")
    parser.add_argument("--results", help="file name under benchmarks/results (default: cli_throughput.json for >= 1 GB)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress lines show up in a log file as they happen

    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = args.workdir / f"corpus_{args.gb:g}gb.jsonl"
    t0 = time.perf_counter()
    meta = make_corpus(corpus, int(args.gb * 1e9))
    print(f"corpus: {corpus} ({meta['bytes'] / 1e9:.3f} GB, {meta['docs']:,} documents) in {time.perf_counter() - t0:.0f} s")

    flags = hasattr(framing, "flag")
    base = [sys.executable, "-m", "framing", "score", str(corpus), "--no-progress", "--chunk-size", str(CHUNK_SIZE)]
    base += ["--flags"] if flags else []
    env_note = "all signal families" + (" and quality flags" if flags else "; quality flags not in this version")

    runs, outputs = [], {}
    for jobs in args.jobs:
        out = args.workdir / f"scores_jobs{jobs}.csv"
        result = run_monitored([*base, "-o", str(out), "--jobs", str(jobs)])
        outputs[jobs] = out
        result.update(
            jobs=jobs,
            docs=meta["docs"],
            bytes=meta["bytes"],
            docs_per_s=meta["docs"] / result["seconds"],
            mb_per_s=meta["bytes"] / 1e6 / result["seconds"],
            output_bytes=out.stat().st_size,
            output_sha256=sha256(out),
        )
        runs.append(result)
        print(f"jobs={jobs}: {result['seconds']:.0f} s, {result['docs_per_s']:.0f} docs/s, "
              f"peak PSS {result['peak_pss_tree_mib']:.0f} MiB")
    same = len({r["output_sha256"] for r in runs}) == 1

    kill_check = None
    if not args.no_kill_check:
        jobs = max(args.jobs)
        out = args.workdir / "scores_killed.csv"
        partial = out.with_name(out.name + ".partial")
        n_chunks = -(-meta["docs"] // CHUNK_SIZE)
        half = max(1, n_chunks // 2)
        command = [*base, "-o", str(out), "--jobs", str(jobs)]
        first = run_monitored(command, kill_when=lambda: len(list(partial.glob("part-*.csv"))) >= half)
        parts_at_kill = len(list(partial.glob("part-*.csv")))
        output_after_kill = out.exists()
        second = run_monitored([*command, "--resume"])
        kill_check = {
            "jobs": jobs,
            "chunks": n_chunks,
            "killed": first["killed"],
            "parts_written_before_kill": parts_at_kill,
            "output_existed_after_kill": output_after_kill,
            "seconds_before_kill": first["seconds"],
            "seconds_resume": second["seconds"],
            "peak_pss_tree_mib_resume": second["peak_pss_tree_mib"],
            "output_sha256": sha256(out),
            "equals_uninterrupted": sha256(out) == sha256(outputs[jobs]),
        }
        print(f"kill/resume: killed after {parts_at_kill}/{n_chunks} chunks; resumed output equals the "
              f"uninterrupted run: {kill_check['equals_uninterrupted']}")

    table = pd.DataFrame(
        {
            "jobs": [r["jobs"] for r in runs],
            "documents": [r["docs"] for r in runs],
            "GB": [r["bytes"] / 1e9 for r in runs],
            "seconds": [r["seconds"] for r in runs],
            "docs/s": [r["docs_per_s"] for r in runs],
            "MB/s": [r["mb_per_s"] for r in runs],
            "peak memory, all processes (PSS MiB)": [r["peak_pss_tree_mib"] for r in runs],
            "largest process (RSS MiB)": [r["peak_rss_max_process_mib"] for r in runs],
            "CPU s/1,000 docs": [1000 * r["cpu_seconds"] / r["docs"] for r in runs],
            "load before": [r["loadavg_1min_before"] for r in runs],
        }
    )
    print()
    print(markdown_table(table, digits=2))
    print(f"\n{env_note}; outputs of all job counts identical: {same}")
    result = {
        "corpus": meta | {"path": str(corpus)},
        "command": " ".join(base[1:]) + " -o OUT.csv --jobs N",
        "signals": env_note,
        "chunk_size": CHUNK_SIZE,
        "cpu_count": os.cpu_count(),
        "runs": runs,
        "outputs_identical_across_jobs": same,
        "kill_resume": kill_check,
        "versions": versions("numpy", "pandas", "psutil"),
    }
    name = args.results or ("cli_throughput.json" if args.gb >= 1 else f"cli_throughput_{args.gb:g}gb.json")
    (REPO / "benchmarks" / "results" / name).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
