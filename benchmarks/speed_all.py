"""All six families side by side with textstat and datatrove, two jobs, and whole-process start-up.

The measurement side of issue 12's "Numbers to reach". Usage (from the repository root, with the
``bench`` extra installed: ``pip install -e ".[test,bench]"``)::

    FRAMING_SHARED_DATA=../shared/data .venv/bin/python benchmarks/speed_all.py \
        [--rounds 3] [--docs 2000] [--jobs-docs 8000] [--process-runs 11] [--skip-datatrove] \
        [--output benchmarks/results/speed_all.json] [--quick]
    .venv/bin/python benchmarks/tables.py benchmarks/results/speed_all.json   # the README's tables

``--quick`` (1 round, 100 documents, 200 for the jobs, one run per command, no warm-up run) is a
smoke test: about 30 s on an idle machine, over a minute at a load of 7. This is a benchmark, not a
test: the validation suite never runs it (it takes minutes and its numbers depend on the machine and
its load); ``benchmarks/validation/test_speed_tables.py`` only checks the committed JSON.

Method (the helpers are :mod:`benchmarks.speed_readability`'s, whose docstring says more)
------------------------------------------------------------------------------------------
* **Batch.** ``--docs`` distinct news documents from :func:`benchmarks._batch.build_batch`; the
  two-job comparison uses a larger batch of ``--jobs-docs`` documents (default 4 × ``--docs``) so
  that starting the pool (forking two workers, each of which meets the vocabulary again) does not
  dominate.
* **Fresh process per measurement.** Each run is this file with ``--worker`` in a new interpreter,
  which builds its batch, warms up on three short texts outside the batch (tables loaded, the
  batch's vocabulary still new: *new vocabulary*), records the 1-minute load average
  (``os.getloadavg``), times one call, records the load again and its peak RSS
  (``getrusage``: the process; with ``n_jobs=2`` also the largest pool worker).
* **Engines.**

  - ``all``: ``framing.score(texts)`` (every family, default signals, ``n_jobs`` 1 or 2, default
    ``batch_size``; the pool's start-up is inside the timing);
  - ``compat``: ``framing.score(texts, signals="readability", compat="textstat")``;
  - ``textstat``: textstat 0.7.8's eight formulas in a loop, cache-cold (its ``lru_cache``\\ s
    cleared before every document; only the formula calls are timed) — the same loop as
    ``speed_readability.py``;
  - ``datatrove``: datatrove's ``GopherQualityFilter``, ``GopherRepetitionFilter`` and
    ``C4QualityFilter`` (default settings) called through ``filter`` on every document, each
    filter on every document whatever the previous one decided (a datatrove pipeline would drop
    a rejected document before the next filter; each filter still stops at its own first failed
    check). ``Document`` objects are built before the clock starts. For English, datatrove
    tokenizes with ``spacy.blank("en")`` (no model download; NLTK's punkt is not used by these
    three filters), so ``spacy`` is part of the ``bench`` extra.
* **Rounds.** ``--rounds`` rounds; each runs every engine once, in the order textstat, all
  families, compat, datatrove, all families on the larger batch with 1 job and then 2 jobs, then
  the whole-process timings. A ratio is taken within a round; the summary gives the median of
  the rounds' ratios and their range.
* **Docs per CPU-second.** CPU seconds of the timed part (``time.process_time``; with ``n_jobs=2``
  plus the pool workers' CPU, from ``RUSAGE_CHILDREN``), a figure other processes on the machine
  disturb less than the wall clock.
* **Whole process.** ``--process-runs`` runs of each command (after one untimed run of each, so
  bytecode and the OS's file cache are warm: the start-up a user sees the second time), the
  commands interleaved run by run; wall time from spawn to exit, peak RSS from ``wait4``, both
  taken by a small standard-library launcher (``benchmarks/_processes.py``: a child spawned by this
  process would report this process's peak RSS; plain subprocess timing, so no ``hyperfine`` needed):

  - ``python -c "pass"`` and ``python -c "import numpy"`` (the reference),
  - ``framing --help`` (the console script next to this interpreter),
  - ``framing score TINY/``, a folder with one one-sentence document: **start-up**, i.e.
    everything the command does before and around its first document (interpreter, imports,
    argument parsing, loading tables, scoring a document too small to cost anything, printing),
  - ``framing score seeds/`` (the five founding articles); ``seeds − tiny`` is what scoring the
    five articles added.

  The ratio ``framing --help`` / ``import numpy`` is of the two medians of one round.
* **Identity.** Each framing run hashes its output frame (CSV, SHA-1, outside the timing); the
  summary says whether ``n_jobs=2`` gave the same frame as ``n_jobs=1`` in every round.

Results: ``--output`` (default ``benchmarks/results/speed_all.json``); the Markdown tables
(:func:`benchmarks.tables.speed_all_markdown`) are printed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:  # ``python benchmarks/speed_all.py`` puts benchmarks/, not the repo, first
    sys.path.insert(0, str(REPO))

from benchmarks import speed_readability as sr

RESULTS = HERE / "results" / "speed_all.json"
ENGINES = ("textstat", "all", "compat", "datatrove")
#: (key, engine, n_jobs, batch) of one round, in the order they run; batch "docs" or "jobs_docs".
RUNS = (
    ("textstat", "textstat", 1, "docs"),
    ("all-1", "all", 1, "docs"),
    ("compat-1", "compat", 1, "docs"),
    ("datatrove", "datatrove", 1, "docs"),
    ("all-big-1", "all", 1, "jobs_docs"),
    ("all-big-2", "all", 2, "jobs_docs"),
)
TINY_TEXT = "The council met on Monday.\n"
#: Issue 12's bars: (summary key, comparison, bar).
TARGETS = {
    "all_docs_per_s": (">=", 1000.0),
    "all_vs_textstat": (">=", 8.0),
    "compat_vs_textstat": (">=", 50.0),
    "jobs2_vs_jobs1": (">=", 1.8),
    "help_vs_numpy": ("<=", 2.0),
    "score_startup_s": ("<", 1.0),
}


# --------------------------------------------------------------------------------------------
# measurements (inside a worker process)
# --------------------------------------------------------------------------------------------


def children_cpu_seconds() -> float:
    """User + system CPU seconds of the reaped child processes (the pool workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_all(texts: Sequence[str], *, n_jobs: int) -> tuple[dict[str, Any], str]:
    """``framing.score(texts, n_jobs=n_jobs)`` with every family, after a warm-up on three short
    texts: wall and CPU seconds (this process and the pool workers), the memory after warm-up;
    and the SHA-1 of the frame as CSV."""
    import framing

    framing.score(sr._warmup_texts())
    mark = sr.memory_mark()
    children = children_cpu_seconds()
    start, start_cpu = time.perf_counter(), time.process_time()
    frame = framing.score(texts, n_jobs=n_jobs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    timing = {"seconds": elapsed, "cpu_seconds_main": cpu, "cpu_seconds_children": children_cpu_seconds() - children}
    timing["columns"] = frame.shape[1]
    return timing | mark, hashlib.sha1(frame.to_csv().encode("utf-8")).hexdigest()


def time_datatrove(texts: Sequence[str]) -> dict[str, Any]:
    """Wall and CPU seconds of datatrove's Gopher quality, Gopher repetition and C4 filters on every
    document (each filter on each document), after a warm-up; how many documents each one kept."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter, GopherQualityFilter, GopherRepetitionFilter

    filters = (GopherQualityFilter(), GopherRepetitionFilter(), C4QualityFilter())
    for i, text in enumerate(sr._warmup_texts()):
        for step in filters:
            step.filter(Document(text=text, id=f"warm-up {i}"))
    mark = sr.memory_mark()
    documents = [Document(text=text, id=str(i)) for i, text in enumerate(texts)]
    kept = [0] * len(filters)
    start, start_cpu = time.perf_counter(), time.process_time()
    for document in documents:
        for j, step in enumerate(filters):
            verdict = step.filter(document)  # True, or (False, reason); C4 rewrites the text last
            kept[j] += verdict is True or (isinstance(verdict, tuple) and bool(verdict[0]))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    names = [type(step).__name__ for step in filters]
    return {"seconds": elapsed, "cpu_seconds_main": cpu, "kept": dict(zip(names, kept))} | mark


def run_worker(args: argparse.Namespace) -> None:
    """Build the batch, time one engine on it, write the numbers as JSON to ``args.out``."""
    from benchmarks import _batch

    texts = _batch.build_batch(args.docs)
    load_before = os.getloadavg()[0]
    digest = None
    if args.worker == "textstat":
        timing, _ = sr.time_textstat(texts, cold=True)
    elif args.worker == "compat":
        timing, _ = sr.time_framing(texts, compat="textstat", n_jobs=args.jobs)
    elif args.worker == "datatrove":
        timing = time_datatrove(texts)
    else:
        timing, digest = time_all(texts, n_jobs=args.jobs)
    load_after = os.getloadavg()[0]
    cpu = timing["cpu_seconds_main"] + timing.get("cpu_seconds_children", 0.0)
    result = {
        "engine": args.worker,
        "n_jobs": args.jobs,
        "docs": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        **timing,
        "cpu_seconds": cpu,
        "docs_per_s": len(texts) / timing["seconds"],
        "docs_per_cpu_s": len(texts) / cpu if cpu > 0 else float("nan"),
        "loadavg_1min_before": load_before,
        "loadavg_1min_after": load_after,
        "peak_rss_mib": sr.peak_rss_mib(),
        "peak_rss_children_mib": sr.peak_rss_mib(resource.RUSAGE_CHILDREN) if args.jobs > 1 else None,
        "output_sha1": digest,
    }
    Path(args.out).write_text(json.dumps(result), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# orchestration (main process)
# --------------------------------------------------------------------------------------------


def spawn_worker(engine: str, *, docs: int, jobs: int) -> dict[str, Any]:
    """One measurement in a fresh interpreter (this file with ``--worker``); its numbers."""
    return sr.run_fresh(Path(__file__), ["--worker", engine, "--docs", str(docs), "--jobs", str(jobs)])


def framing_command() -> list[str]:
    """The ``framing`` console script installed next to this interpreter (else ``python -m framing``)."""
    script = Path(sys.executable).parent / "framing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "framing"]


def process_commands(tiny: Path) -> dict[str, list[str]]:
    """The whole-process commands, by key."""
    framing = framing_command()
    return {
        "python-pass": [sys.executable, "-c", "pass"],
        "import-numpy": [sys.executable, "-c", "import numpy"],
        "framing-help": [*framing, "--help"],
        "score-tiny": [*framing, "score", str(tiny)],
        "score-seeds": [*framing, "score", str(REPO / "seeds")],
    }


def time_processes(commands: dict[str, list[str]], runs: int, *, warm_up: bool) -> dict[str, dict[str, Any]]:
    """``runs`` timings of every command by the small launcher ``benchmarks/_processes.py`` (so that
    no command inherits this process's peak RSS)."""
    request = json.dumps({"commands": commands, "runs": runs, "warm_up": warm_up, "cwd": str(REPO)})
    done = subprocess.run(
        [sys.executable, str(HERE / "_processes.py"), request], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def round_ratios(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    """The ratios of one round (every one whose runs are there)."""
    ratios: dict[str, float] = {}

    def put(name: str, numerator: str, denominator: str, field: str = "docs_per_s") -> None:
        if numerator in results and denominator in results:
            ratios[name] = results[numerator][field] / results[denominator][field]

    if "all-1" in results:
        ratios["all_docs_per_s"] = results["all-1"]["docs_per_s"]
        ratios["all_docs_per_cpu_s"] = results["all-1"]["docs_per_cpu_s"]
    put("all_vs_textstat", "all-1", "textstat")
    put("all_vs_textstat_per_cpu_s", "all-1", "textstat", "docs_per_cpu_s")
    put("all_vs_datatrove", "all-1", "datatrove")
    put("all_vs_datatrove_per_cpu_s", "all-1", "datatrove", "docs_per_cpu_s")
    put("compat_vs_textstat", "compat-1", "textstat")
    put("compat_vs_textstat_per_cpu_s", "compat-1", "textstat", "docs_per_cpu_s")
    put("jobs2_vs_jobs1", "all-big-2", "all-big-1")
    put("jobs2_vs_jobs1_per_cpu_s", "all-big-2", "all-big-1", "docs_per_cpu_s")  # pool overhead, not load
    processes = results.get("processes")
    if processes:
        ratios["help_vs_numpy"] = (
            processes["framing-help"]["seconds_median"] / processes["import-numpy"]["seconds_median"]
        )
        ratios["score_startup_s"] = processes["score-tiny"]["seconds_median"]
        ratios["score_seeds_s"] = processes["score-seeds"]["seconds_median"]
        ratios["score_seeds_minus_startup_s"] = ratios["score_seeds_s"] - ratios["score_startup_s"]
    return ratios


def summarize(per_round: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every ratio's median over the rounds, range, each round's value, and its bar when it has one."""
    each = [round_ratios(results) for results in per_round]
    summary: dict[str, dict[str, Any]] = {}
    for name in each[0]:
        values = [ratios[name] for ratios in each if name in ratios]
        entry: dict[str, Any] = {
            "median": statistics.median(values), "min": min(values), "max": max(values), "rounds": values,
        }  # fmt: skip
        if name in TARGETS:
            op, bar = TARGETS[name]
            entry["target"] = f"{op} {bar:g}"
            entry["met"] = bool(
                {">=": entry["median"] >= bar, "<=": entry["median"] <= bar, "<": entry["median"] < bar}[op]
            )
        summary[name] = entry
    digests = [(r["all-big-1"]["output_sha1"], r["all-big-2"]["output_sha1"]) for r in per_round if "all-big-2" in r]
    if digests:
        summary["jobs2_output_identical"] = {"value": all(a == b for a, b in digests), "rounds": len(digests)}
    return summary


def load_range(per_round: list[dict[str, Any]]) -> dict[str, float]:
    """The smallest and largest 1-minute load average recorded before or after any measurement."""
    loads = []
    for results in per_round:
        runs = [run for key, run in results.items() if key != "processes"] + list(results.get("processes", {}).values())
        loads += [run[f"loadavg_1min_{when}"] for run in runs for when in ("before", "after")]
    return {"min": min(loads), "max": max(loads)}


def versions() -> dict[str, str | None]:
    """Versions of the peers (textstat's is in ``machine``)."""
    found: dict[str, str | None] = {}
    for package in ("datatrove", "spacy", "psutil"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Every round of every measurement; all numbers, with the summary."""
    clock = sr.Stopwatch()
    sizes = {"docs": args.docs, "jobs_docs": args.jobs_docs}
    report: dict[str, Any] = {
        "machine": sr.machine_info() | {"peers": versions()},
        "settings": {
            key: getattr(args, key)
            for key in ("rounds", "docs", "jobs_docs", "process_runs", "skip_datatrove", "quick")
        },
        "batch": sr.batch_info(args.docs),
        "jobs_batch": sr.batch_info(args.jobs_docs),
        "process_commands": {},
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    per_round: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny"
        tiny.mkdir()
        (tiny / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
        commands = process_commands(tiny)
        report["process_commands"] = {key: " ".join(command) for key, command in commands.items()}
        for r in range(args.rounds):
            results: dict[str, Any] = {}
            for key, engine, jobs, batch in RUNS:
                if engine == "datatrove" and args.skip_datatrove:
                    continue
                print(f"round {r + 1}/{args.rounds}: {key} ({sizes[batch]} docs)", file=sys.stderr, flush=True)

                def run(e: str = engine, d: int = sizes[batch], j: int = jobs) -> dict[str, Any]:
                    return spawn_worker(e, docs=d, jobs=j)

                results[key] = clock.time(f"round {r + 1}: {key}", run)
            print(f"round {r + 1}/{args.rounds}: whole-process timings", file=sys.stderr, flush=True)
            results["processes"] = clock.time(
                f"round {r + 1}: processes",
                lambda: time_processes(commands, args.process_runs, warm_up=not args.quick),
            )
            per_round.append(results)
    report["rounds"] = per_round
    report["summary"] = summarize(per_round)
    report["load_1min"] = load_range(per_round)
    report["wall_seconds"] = clock.parts
    return report


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (``--worker``, ``--jobs`` and ``--out`` are for the subprocesses)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds, each a fresh process per measurement (default 3)"
    )
    parser.add_argument("--docs", type=int, default=2000, help="documents in the side-by-side batch (default 2000)")
    parser.add_argument(
        "--jobs-docs", type=int, default=None, help="documents in the 1-job vs 2-job batch (default 4 × --docs)"
    )
    parser.add_argument(
        "--process-runs", type=int, default=11, help="runs of each whole-process command per round (default 11)"
    )
    parser.add_argument("--skip-datatrove", action="store_true", help="leave datatrove's filters out")
    parser.add_argument(
        "--quick", action="store_true", help="smoke test: 1 round, 100 docs, 200 for jobs, 1 process run"
    )
    sr.add_output_and_worker_options(parser, ENGINES, RESULTS)
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.docs, args.process_runs = 1, 100, 1
        args.jobs_docs = args.jobs_docs or 200
    if args.jobs_docs is None:
        args.jobs_docs = 4 * args.docs
    if min(args.docs, args.rounds, args.jobs_docs, args.process_runs) < 1:
        parser.error("--docs, --rounds, --jobs-docs and --process-runs must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print its tables, or one measurement when called with ``--worker``."""
    from benchmarks import tables

    args = parse_args(argv)
    report = sr.run_main(args, run_worker, run_benchmark)
    if report is not None:
        print(tables.speed_all_markdown(report))
        print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
