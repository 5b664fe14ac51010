"""Speed of framing's eight readability formulas against textstat 0.7.8, side by side.

Usage::

    PYTHONPATH=. python benchmarks/speed_readability.py [--docs 2000] [--rounds 3] [--skip-scaling] [--quick]

Method
------
* **Batch.** ``--docs`` distinct news-length documents built deterministically by
  ``benchmarks/_batch.py`` from ``seeds/*.txt`` and the OneStopEnglish texts of the shared-data
  folder: each document gets a dateline sentence of its own, and from the second pass over the
  sources on, its body paragraphs are shuffled with a generator seeded by its index.
* **Fresh processes.** Every measurement runs in its own subprocess (this file with ``--worker``),
  which builds the batch itself, so that no cache survives from one measurement to the next and the
  peak resident memory (``getrusage(RUSAGE_SELF).ru_maxrss``; with ``n_jobs=2`` also
  ``RUSAGE_CHILDREN``, the largest pool worker) belongs to that measurement alone.
* **Warm-up.** Before the clock starts, each engine scores three short texts that are not in the
  batch (``_batch.warmup_documents``): this loads CMUdict, Pyphen and the word lists once, but
  leaves the discovery of the batch's word types inside the timing.
* **textstat, cache-cold.** textstat 0.7.8 wraps its functions in ``functools.lru_cache``. Before
  every document, every such cache of every ``textstat*`` module is cleared, except the loaders
  whose names start with ``get_`` (CMUdict, Pyphen, easy words). Only the eight formula calls are
  timed. Pyphen's own memo of hyphenated words (``HyphDict.cache``) is not textstat's and is not
  cleared: it fills during the run, as framing's per-type table does in a *new vocabulary* run.
  A second, informative run keeps textstat's caches (``textstat, warm caches``).
* **framing.** ``framing.score(batch, signals="readability", compat=...)`` timed as one call, for
  ``compat="textstat"`` and the default mode, ``n_jobs`` 1 and 2 (default ``batch_size``; the
  pool's start-up is inside the timing). *New vocabulary*: the batch's word types are unknown to
  framing's per-type tables when the clock starts; *vocabulary seen before*: the worker scores the
  batch once before the timed call (the steady state of a long run over one corpus).
* **Rounds.** ``--rounds`` rounds; each runs textstat cache-cold and then every framing
  configuration, each in a fresh process. A ratio to textstat is taken within a round, and the
  headline is the median of the rounds' ratios (with their range), which a load that changes
  between rounds (other jobs on a shared machine) disturbs less than a ratio of two medians.
* **Identity.** The eight compat-mode columns are compared with textstat's numbers on the batch
  (maximum absolute difference; the issue's bar is < 0.01).
* **Scaling.** 1×, 10× and 100× the batch (50× with ``--quick``), every copy behind its own first
  sentence (``"Archive edition 7."``), ``n_jobs=1``, one fresh process each, generated inside the
  worker. The resident memory after building the input and after the warm-up is reported next
  to the peak, so that ``peak − warm-up`` is what scoring the batch added.
* **Busy machines.** Each worker records the 1-minute load average before it starts and the CPU
  seconds of its own process, so the 1-core runs are also given in documents per CPU-second,
  which other processes disturb less than the wall clock.

Units: MB/s counts UTF-8 bytes of input (10⁶ bytes); memory is in MiB.
Results go to stdout (Markdown) and ``benchmarks/results/speed_readability.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "speed_readability.json"
ENGINES = ("textstat", "textstat-warm", "compat", "default", "compat-seen", "default-seen")
LABELS = {
    "textstat": "textstat 0.7.8, cache-cold",
    "textstat-warm": "textstat 0.7.8, warm caches",
    "compat": 'framing compat="textstat"',
    "default": "framing default mode",
    "compat-seen": 'framing compat="textstat", vocabulary seen before',
    "default-seen": "framing default mode, vocabulary seen before",
}
IDENTITY_BAR = 0.01


# --------------------------------------------------------------------------------------------
# measurements (run inside a worker process)
# --------------------------------------------------------------------------------------------


def textstat_caches() -> list[Callable[..., Any]]:
    """The ``lru_cache`` wrappers of every loaded ``textstat*`` module, except the ``get_*`` loaders."""
    caches: dict[int, Callable[..., Any]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for attr, value in vars(module).items():
            if hasattr(value, "cache_clear") and not attr.startswith("get_"):
                caches[id(value)] = value
    return list(caches.values())


def formula_names() -> tuple[str, ...]:
    """The eight formulas, as ``framing.families.readability.FORMULAS`` names them (textstat's names)."""
    from framing.families.readability import FORMULAS

    return tuple(FORMULAS)


def memory_mark() -> dict[str, float]:
    """Resident memory now and at its peak so far, to tell warm-up memory from scoring memory."""
    return {"warm_rss_mib": current_rss_mib(), "warm_peak_rss_mib": peak_rss_mib()}


def time_textstat(texts: Sequence[str], *, cold: bool) -> tuple[dict[str, float], np.ndarray]:
    """Wall and CPU seconds spent in the eight textstat formulas over ``texts`` (plus the memory
    after warm-up), and their values (docs × 8)."""
    import textstat

    formulas = [getattr(textstat, name) for name in formula_names()]
    for text in _warmup_texts():
        for formula in formulas:
            formula(text)
    mark = memory_mark()
    caches = textstat_caches()
    if cold and not caches:
        raise RuntimeError("found no textstat caches to clear; is textstat 0.7.8 installed?")
    values = np.empty((len(texts), len(formulas)))
    elapsed = cpu = 0.0
    for i, text in enumerate(texts):
        if cold:
            for cache in caches:
                cache.cache_clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        row = [formula(text) for formula in formulas]
        elapsed += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        values[i] = row
    return {"seconds": elapsed, "cpu_seconds_main": cpu, **mark}, values


def time_framing(
    texts: Sequence[str], *, compat: str | None, n_jobs: int, seen: bool = False
) -> tuple[dict[str, float], np.ndarray]:
    """Wall seconds for one ``framing.score`` call over ``texts`` (after a warm-up), the calling
    process's CPU seconds and the memory after warm-up; and the eight formulas (docs × 8).

    With ``seen``, the warm-up scores ``texts`` once more, so that the timed call finds every word
    type already in the type table: the steady state of a long run over one corpus, where new
    vocabulary becomes rare.
    """
    import framing

    framing.score(_warmup_texts(), signals="readability", compat=compat)
    if seen:
        framing.score(texts, signals="readability", compat=compat)
    mark = memory_mark()
    start, start_cpu = time.perf_counter(), time.process_time()
    frame = framing.score(texts, signals="readability", compat=compat, n_jobs=n_jobs)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    values = frame[[f"readability.{name}" for name in formula_names()]].to_numpy(dtype=np.float64)
    return {"seconds": elapsed, "cpu_seconds_main": cpu, **mark}, values


def _warmup_texts() -> list[str]:
    """Short texts outside every batch, scored before the clock starts."""
    from benchmarks import _batch

    return _batch.warmup_documents()


def current_rss_mib() -> float:
    """Resident memory right now (Linux ``/proc``; NaN elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MiB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1024**2 if sys.platform == "darwin" else peak / 1024


def run_worker(args: argparse.Namespace) -> None:
    """Build the batch, time one engine on it, write the numbers as JSON to ``args.out``."""
    sys.path.insert(0, str(REPO))
    from benchmarks import _batch

    base = _batch.build_batch(args.docs)
    texts = base if args.copies == 1 else _batch.scaled_batch(base, args.copies)
    del base
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    input_rss = current_rss_mib()
    load_before = os.getloadavg()[0]
    if args.worker == "textstat":
        timing, values = time_textstat(texts, cold=True)
    elif args.worker == "textstat-warm":
        timing, values = time_textstat(texts, cold=False)
    else:
        compat = "textstat" if args.worker.startswith("compat") else None
        timing, values = time_framing(texts, compat=compat, n_jobs=args.jobs, seen=args.worker.endswith("-seen"))
    if args.values:
        np.save(args.values, values)
    result = {
        "engine": args.worker,
        "n_jobs": args.jobs,
        "copies": args.copies,
        "docs": len(texts),
        "bytes": n_bytes,
        **timing,
        "loadavg_1min_before": load_before,
        "docs_per_s": len(texts) / timing["seconds"],
        "mb_per_s": n_bytes / 1e6 / timing["seconds"],
        "input_rss_mib": input_rss,
        "peak_rss_mib": peak_rss_mib(),
        "peak_rss_children_mib": peak_rss_mib(resource.RUSAGE_CHILDREN) if args.jobs > 1 else None,
    }
    Path(args.out).write_text(json.dumps(result), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# orchestration (main process)
# --------------------------------------------------------------------------------------------


def spawn(engine: str, *, docs: int, jobs: int = 1, copies: int = 1, values: Path | None = None) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its numbers (plus the process's wall time)."""
    argv = ["--worker", engine, "--docs", str(docs), "--jobs", str(jobs), "--copies", str(copies)]
    if values is not None:
        argv += ["--values", str(values)]
    return run_fresh(Path(__file__), argv)


def run_fresh(script: Path, argv: Sequence[str]) -> dict[str, Any]:
    """``python script *argv --out FILE`` in a fresh interpreter with the repository on ``PYTHONPATH``:
    the JSON object the script wrote to FILE, plus the process's wall time (``process_wall_s``)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, str(Path(script).resolve()), *argv, "--out", str(out)]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env)
        result = json.loads(out.read_text(encoding="utf-8"))
    result["process_wall_s"] = time.perf_counter() - start
    return result


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time, with every run's docs/s attached."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    chosen = dict(ordered[len(ordered) // 2])
    chosen["runs"] = len(runs)
    chosen["docs_per_s_all"] = [r["docs_per_s"] for r in runs]
    return chosen


def identity(reference: np.ndarray, other: np.ndarray) -> dict[str, Any]:
    """Maximum absolute difference per formula, and whether the NaNs sit in the same cells."""
    same_nan = bool(np.array_equal(np.isnan(reference), np.isnan(other)))
    diff = np.abs(reference - other)
    per_formula = {name: float(np.nanmax(diff[:, j], initial=0.0)) for j, name in enumerate(formula_names())}
    worst = max(per_formula.values())
    return {
        "max_abs_diff": worst,
        "per_formula": per_formula,
        "same_nan": same_nan,
        "identical": same_nan and worst < IDENTITY_BAR,
    }


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def machine_info() -> dict[str, Any]:
    """Platform, CPU, library versions and the state of ``framing/`` (commit, hash of its files)."""
    import pandas

    import framing

    try:
        import textstat

        version = textstat.__version__
        textstat_version = ".".join(map(str, version)) if isinstance(version, tuple) else str(version)
    except ImportError:
        textstat_version = None
    cpu_model = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            models = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        cpu_model = models[0] if models else cpu_model
    except OSError:
        pass
    status = _git("status", "--porcelain", "framing")
    digest = hashlib.sha1()
    for path in sorted((REPO / "framing").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": cpu_model,
        "cpu_count": os.cpu_count(),
        "cpus_available": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "pandas": pandas.__version__,
        "textstat": textstat_version,
        "framing": framing.__version__,
        "git_commit": _git("rev-parse", "HEAD"),
        "framing_dirty": None if status is None else bool(status),
        "framing_tree_sha1": digest.hexdigest(),
    }


def batch_info(docs: int) -> dict[str, Any]:
    """Size of the batch of ``docs`` documents: count, distinct count, MB, characters per document."""
    sys.path.insert(0, str(REPO))
    from benchmarks import _batch

    sources = _batch.load_sources()
    batch = _batch.build_batch(docs, sources)
    lengths = np.array([len(t) for t in batch])
    n_bytes = sum(len(t.encode("utf-8")) for t in batch)
    return {
        "docs": len(batch),
        "distinct": len(set(batch)),
        "sources": len(sources),
        "bytes": n_bytes,
        "mb": n_bytes / 1e6,
        "mean_chars": float(lengths.mean()),
        "median_chars": float(np.median(lengths)),
        "min_chars": int(lengths.min()),
        "max_chars": int(lengths.max()),
    }


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_mem(run: dict[str, Any]) -> str:
    """Peak RSS of a run, with the largest pool worker's when there was a pool."""
    text = f"{run['peak_rss_mib']:,.0f}"
    if run.get("peak_rss_children_mib"):
        text += f" (+ {run['peak_rss_children_mib']:,.0f} per worker)"
    return text


#: (engine, n_jobs, key in the results) of the side-by-side runs, in table order.
SIDE_BY_SIDE = (
    ("textstat", 1, "textstat"),
    ("textstat-warm", 1, "textstat-warm"),
    ("compat", 1, "compat-1"),
    ("compat", 2, "compat-2"),
    ("default", 1, "default-1"),
    ("default", 2, "default-2"),
    ("compat-seen", 1, "compat-seen-1"),
    ("default-seen", 1, "default-seen-1"),
)


class Stopwatch:
    """Wall time of each part of the benchmark, by name."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}

    def time(self, part: str, function: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = function()
        self.parts[part] = time.perf_counter() - start
        return result


def measure_batch(args: argparse.Namespace, clock: Stopwatch) -> tuple[dict[str, Any], dict[str, Any]]:
    """The side-by-side runs on the batch in ``--rounds`` rounds, and the identity check of compat
    mode against textstat.

    Every round runs textstat cache-cold and then every framing configuration, each in a fresh
    process, so that each ratio compares runs made minutes apart at most; on a shared machine the
    load changes more between rounds than within one. textstat with warm caches runs in the first
    round only (it is informative, and a run takes as long as the cold one).
    """
    per_round: list[dict[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        saved = {key: Path(tmp) / f"{key}.npy" for key in ("textstat", "compat-1", "compat-2")}
        for r in range(args.rounds):
            results: dict[str, dict[str, Any]] = {}
            for engine, jobs, key in SIDE_BY_SIDE:
                if key == "textstat-warm" and r > 0:
                    continue
                values = saved.get(key) if r == 0 else None
                def run(e: str = engine, j: int = jobs, v: Path | None = values) -> dict[str, Any]:
                    return spawn(e, docs=args.docs, jobs=j, values=v)

                results[key] = clock.time(f"round {r + 1}: {key}", run)
            per_round.append(results)
        reference, compat1, compat2 = (np.load(saved[key]) for key in ("textstat", "compat-1", "compat-2"))
    runs = {key: median_run([results[key] for results in per_round if key in results]) for _, _, key in SIDE_BY_SIDE}
    check = identity(reference, compat1)
    check["n_jobs_2_bitwise_equal_to_1"] = bool(np.array_equal(compat1, compat2, equal_nan=True))
    return {"median": runs, "rounds": per_round}, check


def round_ratios(per_round: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, list[float]]]:
    """Per round, every configuration's documents per second over textstat's (cache-cold) in the
    same round: on the wall clock, and per CPU-second of the calling process (1-core runs only)."""
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for results in per_round:
        base = results["textstat"]
        for _engine, jobs, key in SIDE_BY_SIDE[1:]:
            if key not in results:
                continue
            run = results[key]
            wall.setdefault(key, []).append(run["docs_per_s"] / base["docs_per_s"])
            if jobs == 1:
                cpu.setdefault(key, []).append(
                    (run["docs"] / run["cpu_seconds_main"]) / (base["docs"] / base["cpu_seconds_main"])
                )
    return {"wall_clock": wall, "per_cpu_second": cpu}


def print_speed(measured: dict[str, Any], cpus: int) -> dict[str, Any]:
    """Print the side-by-side table and the ratios to textstat; return the ratios (median over
    rounds of the per-round ratios, and every round's)."""
    runs, per_round = measured["median"], measured["rounds"]
    ratios = round_ratios(per_round)
    median_ratio = {kind: {k: float(np.median(v)) for k, v in by_key.items()} for kind, by_key in ratios.items()}
    rows = []
    for engine, jobs, key in SIDE_BY_SIDE:
        run = runs[key]
        spread = ""
        if len(run.get("docs_per_s_all", ())) > 1:
            spread = f"{min(run['docs_per_s_all']):,.0f}–{max(run['docs_per_s_all']):,.0f}"
        per_cpu = f"{run['docs'] / run['cpu_seconds_main']:,.0f}" if jobs == 1 else "–"
        if key == "textstat":
            ratio = "1.0×"
        else:
            values = ratios["wall_clock"][key]
            ratio = f"{median_ratio['wall_clock'][key]:.1f}×"
            if len(values) > 1:
                ratio += f" ({min(values):.1f}–{max(values):.1f})"
        rows.append([
            LABELS[engine], jobs, f"{run['seconds']:.2f}", f"{run['docs_per_s']:,.0f}", spread,
            f"{run['mb_per_s']:.2f}", per_cpu, fmt_mem(run), ratio,
        ])  # fmt: skip
    header = ["engine", "cores (n_jobs)", "seconds", "docs/s (median)", "docs/s range", "MB/s",
              "docs per CPU-second", "peak RSS MiB", "vs textstat cache-cold (median of rounds, range)"]  # fmt: skip
    print(f"\n## Speed on the batch ({len(per_round)} rounds, same documents, fresh process per run)\n")
    print(table(header, rows))
    loads = [r["loadavg_1min_before"] for results in per_round for r in results.values()]
    print(f"\n1-minute load average before the runs: {min(loads):.2f}–{max(loads):.2f} on {cpus} CPUs.")
    if max(loads) > 0.5:
        print("Other processes were running: each ratio compares runs of the same round, and the table gives "
              "the median over rounds; the n_jobs=2 figures are pessimistic, and docs per CPU-second is the "
              "steadier figure for the 1-core runs.")  # fmt: skip
    print()
    for engine, jobs, key in SIDE_BY_SIDE[1:]:
        mode = LABELS[engine]
        line = f"- {mode}, {jobs} core{'s' if jobs > 1 else ''}: {median_ratio['wall_clock'][key]:.1f}× textstat"
        line += " (cache-cold, wall clock, median of rounds)"
        if jobs == 1:
            line += f"; {median_ratio['per_cpu_second'][key]:.1f}× per CPU-second"
        print(line)
    for key, what in (("compat-1", "new vocabulary"), ("compat-seen-1", "vocabulary seen before")):
        value = median_ratio["wall_clock"][key]
        verdict = "meets" if value >= 50 else "is BELOW"
        print(f"compat mode on 1 core, {what}, {verdict} the 50× bar: {value:.1f}×")
    print(f"compat mode on 2 cores, new vocabulary: {median_ratio['wall_clock']['compat-2']:.1f}×")
    return {"median": median_ratio, "rounds": ratios}


def print_identity(check: dict[str, Any]) -> None:
    """Print the compat-mode identity check."""
    print('\n## Identity: framing compat="textstat" vs textstat 0.7.8 on the batch\n')
    print(table(["formula", "max abs diff"], [[name, f"{d:.3g}"] for name, d in check["per_formula"].items()]))
    print(f"\nmax abs diff over the 8 formulas: {check['max_abs_diff']:.3g} (bar < {IDENTITY_BAR}); "
          f"NaNs in the same cells: {check['same_nan']}; "
          f"n_jobs=2 bitwise equal to n_jobs=1: {check['n_jobs_2_bitwise_equal_to_1']}")  # fmt: skip


def measure_scaling(args: argparse.Namespace, clock: Stopwatch) -> dict[str, list[dict[str, Any]]]:
    """1×, 10× and 100× (50× with ``--quick``) the batch, n_jobs=1, one fresh process each."""
    largest = 50 if args.quick else 100
    scaling: dict[str, list[dict[str, Any]]] = {}
    for engine in ("compat", "default"):
        scaling[engine] = [
            clock.time(f"scaling {engine} {copies}×", lambda c=copies, e=engine: spawn(e, docs=args.docs, copies=c))
            for copies in (1, 10, largest)
        ]
    return scaling


def print_scaling(scaling: dict[str, list[dict[str, Any]]], quick: bool) -> None:
    """Print the scaling table."""
    largest = scaling["compat"][-1]["copies"]
    note = " — QUICK: 50× instead of 100×" if quick else ""
    print(f"\n## Scaling (n_jobs=1, 1×/10×/{largest}× the batch, every copy distinct){note}\n")
    rows = []
    for engine, results in scaling.items():
        unit = results[0]["seconds"] / results[0]["docs"]
        for run in results:
            rows.append([
                LABELS[engine], f"{run['copies']}×", f"{run['docs']:,}", f"{run['bytes'] / 1e6:,.1f}",
                f"{run['seconds']:.1f}", f"{run['docs_per_s']:,.0f}", f"{run['mb_per_s']:.2f}",
                f"{run['seconds'] / run['docs'] / unit:.2f}", f"{run['input_rss_mib']:,.0f}",
                f"{run['warm_rss_mib']:,.0f}", f"{run['peak_rss_mib']:,.0f}",
                f"{run['peak_rss_mib'] - run['warm_rss_mib']:,.0f}",
            ])  # fmt: skip
    header = ["engine", "batch", "docs", "MB", "seconds", "docs/s", "MB/s", "time per doc vs 1×",
              "RSS input built MiB", "RSS after warm-up MiB", "peak RSS MiB", "peak − warm-up MiB"]  # fmt: skip
    print(table(header, rows))
    print("\n(RSS input built: the worker after generating its texts; after warm-up: plus imports and the "
          "tables loaded by scoring three short texts; the last column is what scoring the batch added.)")  # fmt: skip


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Run every measurement, print the Markdown tables and return all numbers."""
    clock = Stopwatch()
    settings = {"docs": args.docs, "rounds": args.rounds, "quick": args.quick, "skip_scaling": args.skip_scaling}
    report: dict[str, Any] = {"machine": machine_info(), "settings": settings}

    info = report["batch"] = clock.time("batch", lambda: batch_info(args.docs))
    print("## Batch\n")
    print(table(["documents", "distinct", "sources", "MB (UTF-8)", "mean chars", "median chars", "min–max chars"], [[
        f"{info['docs']:,}", f"{info['distinct']:,}", info["sources"], f"{info['mb']:.2f}",
        f"{info['mean_chars']:,.0f}", f"{info['median_chars']:,.0f}", f"{info['min_chars']:,}–{info['max_chars']:,}",
    ]]))  # fmt: skip

    measured, check = measure_batch(args, clock)
    report["speed"] = measured["median"]
    report["speed_rounds"] = measured["rounds"]
    report["identity"] = check
    ratios = print_speed(measured, report["machine"]["cpus_available"])
    report["ratios_vs_textstat_cold"] = ratios["median"]["wall_clock"]
    report["ratios_vs_textstat_cold_per_cpu_second"] = ratios["median"]["per_cpu_second"]
    report["ratios_vs_textstat_cold_each_round"] = ratios["rounds"]
    print_identity(check)

    if not args.skip_scaling:
        report["scaling"] = measure_scaling(args, clock)
        print_scaling(report["scaling"], args.quick)

    report["wall_seconds"] = clock.parts
    print("\n## Wall time of each part\n")
    print(table(["part", "seconds"], [[part, f"{s:.1f}"] for part, s in clock.parts.items()]))
    return report


def add_output_and_worker_options(parser: argparse.ArgumentParser, engines: Sequence[str], results: Path) -> None:
    """``--output`` and the hidden options of the ``--worker`` subprocesses (``--worker``, ``--jobs``,
    ``--out``), which every speed benchmark has."""
    parser.add_argument(
        "--output", type=Path, default=results, help=f"JSON results (default {results.relative_to(REPO)})"
    )
    parser.add_argument("--worker", choices=engines, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options (``--worker`` and the options after it are for the subprocesses)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the batch (default 2000)")
    parser.add_argument(
        "--rounds",
        "--repeats",
        type=int,
        default=3,
        help="rounds of side-by-side runs, each a fresh process per engine (medians shown; default 3)",
    )
    parser.add_argument("--skip-scaling", action="store_true", help="skip the 1×/10×/100× scaling runs")
    parser.add_argument("--quick", action="store_true", help="scale to 50× instead of 100×")
    add_output_and_worker_options(parser, ENGINES, RESULTS)
    parser.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--values", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.docs < 1 or args.rounds < 1:
        parser.error("--docs and --rounds must be positive")
    return args


def run_main(
    args: argparse.Namespace,
    worker: Callable[[argparse.Namespace], None],
    benchmark: Callable[[argparse.Namespace], dict[str, Any]],
) -> dict[str, Any] | None:
    """A benchmark script's entry point: ``worker(args)`` in a ``--worker`` subprocess (None);
    otherwise ``benchmark(args)``, its report written as JSON to ``args.output`` and returned."""
    if args.worker:
        worker(args)
        return None
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    report = benchmark(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, or one measurement when called with ``--worker``."""
    args = parse_args(argv)
    if run_main(args, run_worker, run_benchmark) is not None:
        print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
