"""Markdown tables for the docs from the speed benchmarks' JSON, so that no number is copied by hand.

Usage::

    python benchmarks/tables.py [benchmarks/results/speed_all.json]            # print the tables
    python benchmarks/tables.py --update docs/performance.md                   # rewrite the page's block
    python benchmarks/tables.py --check docs/performance.md                    # exit 1 if the block is stale

prints the tables of :func:`speed_all_markdown` (the JSON that ``benchmarks/speed_all.py`` writes).
With ``--update``/``--check``, the tables stand in FILE between the lines ``<!-- speed_all:begin -->``
and ``<!-- speed_all:end -->`` (put them there once); ``docs/make_validation.py`` renders the same
block with every other generated block of the docs, and the tests check it against the committed JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import speed_readability as sr

DEFAULT = HERE / "results" / "speed_all.json"
BEGIN, END = "<!-- speed_all:begin -->", "<!-- speed_all:end -->"
RUN_LABELS = {
    "textstat": "textstat 0.7.8, cache-cold, 8 formulas",
    "all-1": "framing, all six families",
    "compat-1": 'framing readability, compat="textstat"',
    "datatrove": "datatrove Gopher quality + Gopher repetition + C4",
    "all-big-1": "framing, all six families, larger batch",
    "all-big-2": "framing, all six families, larger batch",
}
PROCESS_LABELS = {
    "python-pass": 'python -c "pass"',
    "import-numpy": 'python -c "import numpy"',
    "framing-help": "framing --help",
    "score-tiny": "framing score TINY/ (one one-sentence document: start-up)",
    "score-seeds": "framing score seeds/ (five articles)",
}


def _fmt(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f}×" if value < 10 else f"{value:.1f}×"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:,.0f} {unit}".rstrip()


def _row(summary: dict[str, Any], label: str, key: str, unit: str, per_cpu: str | None = None) -> list[str]:
    """One line of the headline table: median over rounds, range, per CPU-second, bar, met."""
    entry = summary[key]
    spread = f"{_fmt(entry['min'], unit)} – {_fmt(entry['max'], unit)}" if len(entry["rounds"]) > 1 else "–"
    cpu = _fmt(summary[per_cpu]["median"], "×" if unit == "×" else "docs/CPU-s") if per_cpu in summary else "–"
    target = entry.get("target", "–")
    if target != "–":
        op, bar = target.split()
        target = f"{op.replace('>=', '≥').replace('<=', '≤')} {_fmt(float(bar), unit)}"
    met = {True: "yes", False: "**no**"}.get(entry.get("met"), "–")
    return [label, f"**{_fmt(entry['median'], unit)}**", spread, cpu, target, met]


def headline(report: dict[str, Any]) -> str:
    """Issue 12's numbers: each as the median of the rounds' values, with their range and the bar."""
    s = report["summary"]
    docs, big = report["batch"]["docs"], report["jobs_batch"]["docs"]
    rows = [_row(s, f"all six families, 1 core, new vocabulary ({docs:,} docs): docs/s", "all_docs_per_s", "docs/s",
                 "all_docs_per_cpu_s"),
            _row(s, "all six families ÷ textstat cache-cold (8 formulas)", "all_vs_textstat", "×",
                 "all_vs_textstat_per_cpu_s")]  # fmt: skip
    if "all_vs_datatrove" in s:
        rows.append(_row(s, "all six families ÷ datatrove Gopher quality + Gopher repetition + C4",
                         "all_vs_datatrove", "×", "all_vs_datatrove_per_cpu_s"))  # fmt: skip
    rows += [
        _row(s, 'readability, compat="textstat" ÷ textstat cache-cold', "compat_vs_textstat", "×",
             "compat_vs_textstat_per_cpu_s"),
        _row(s, f"all six families, 2 jobs ÷ 1 job ({big:,} docs)", "jobs2_vs_jobs1", "×", "jobs2_vs_jobs1_per_cpu_s"),
        _row(s, 'whole process: framing --help ÷ python -c "import numpy"', "help_vs_numpy", "×"),
        _row(s, "framing score start-up (whole command on one one-sentence document)", "score_startup_s", "s"),
        _row(s, "framing score seeds/ (whole command, five articles)", "score_seeds_s", "s"),
    ]  # fmt: skip
    header = ["measurement", f"median of {len(report['rounds'])} rounds", "range over rounds", "per CPU-second",
              "target (issue 12)", "met"]  # fmt: skip
    text = sr.table(header, rows)
    if "jobs2_vs_jobs1_per_cpu_s" in s:
        efficiency = s["jobs2_vs_jobs1_per_cpu_s"]["median"]
        text += (f"\n\nPer CPU-second, 2 jobs ÷ 1 job is the pool's CPU efficiency (documents per CPU-second of "
                 f"the command and its workers, 2 jobs over 1 job), which other processes on the machine change less "
                 f"than the wall clock: on two idle cores the speed-up can reach at most about 2 × {efficiency:.2f} = "
                 f"{2 * efficiency:.2f}×.")  # fmt: skip
    identical = s.get("jobs2_output_identical")
    if identical:
        text += f"\n\n2 jobs gave the same frame as 1 job (SHA-1 of the CSV) in {'every' if identical['value'] else 'NOT every'} round."
    return text


def _load(runs: list[dict[str, Any]]) -> str:
    low = min(min(r["loadavg_1min_before"], r["loadavg_1min_after"]) for r in runs)
    high = max(max(r["loadavg_1min_before"], r["loadavg_1min_after"]) for r in runs)
    return f"{low:.2f}–{high:.2f}"


def runs_table(report: dict[str, Any]) -> str:
    """Each in-process measurement: the round with the median time, the range, CPU, memory, load."""
    rows = []
    for key, label in RUN_LABELS.items():
        runs = [results[key] for results in report["rounds"] if key in results]
        if not runs:
            continue
        run = sr.median_run(runs)
        spread = f"{min(run['docs_per_s_all']):,.0f}–{max(run['docs_per_s_all']):,.0f}" if len(runs) > 1 else "–"
        rows.append([label, run["n_jobs"], f"{run['docs']:,}", f"{run['docs_per_s']:,.0f}", spread,
                     f"{run['docs_per_cpu_s']:,.0f}", sr.fmt_mem(run), _load(runs)])  # fmt: skip
    header = ["engine", "n_jobs", "docs", "docs/s (median)", "docs/s range", "docs per CPU-second",
              "peak RSS MiB", "1-min load before/after"]  # fmt: skip
    return sr.table(header, rows)


def process_table(report: dict[str, Any]) -> str:
    """Each whole-process command: the median over rounds of its per-round median, range, memory, load."""
    rows = []
    for key, label in PROCESS_LABELS.items():
        runs = [results["processes"][key] for results in report["rounds"] if key in results.get("processes", {})]
        if not runs:
            continue
        medians = [r["seconds_median"] for r in runs]
        middle = sorted(medians)[len(medians) // 2]
        spread = f"{min(medians):.3f}–{max(medians):.3f}" if len(runs) > 1 else "–"
        peak = max(r["peak_rss_mib"] for r in runs)
        rows.append([label, f"{middle:.3f}", spread, f"{peak:,.0f}", _load(runs)])
    n = report["settings"]["process_runs"]
    header = [f"command (median of {n} runs per round)", "seconds (median of rounds)", "range of round medians",
              "peak RSS MiB", "1-min load before/after"]  # fmt: skip
    return sr.table(header, rows)


def machine_line(report: dict[str, Any]) -> str:
    """Where and under which load the numbers were measured."""
    m, load = report["machine"], report["load_1min"]
    peers = ", ".join(f"{name} {v}" for name, v in m.get("peers", {}).items() if v)
    commit = (m.get("git_commit") or "?")[:10]
    dirty = " (framing/ modified)" if m.get("framing_dirty") else ""
    quick = " QUICK MODE (smoke test, not for the README)." if report["settings"].get("quick") else ""
    return (f"Machine: {m['cpus_available']} CPUs ({m['cpu_model']}), Python {m['python']}, numpy {m['numpy']}, "
            f"pandas {m['pandas']}, textstat {m['textstat']}, {peers}; framing {m['framing']} at {commit}{dirty}; "
            f"{report.get('date_utc', '')}. 1-minute load average {load['min']:.2f}–{load['max']:.2f} over the "
            f"run (before and after every measurement).{quick}")  # fmt: skip


def speed_all_markdown(report: dict[str, Any]) -> str:
    """Every table of a ``speed_all.json`` report, as Markdown."""
    return "\n\n".join([
        "#### Issue 12's numbers (`benchmarks/speed_all.py`, `benchmarks/results/speed_all.json`)", headline(report),
        machine_line(report), "#### Each measurement", runs_table(report), "#### Whole process", process_table(report),
    ])  # fmt: skip


def with_block(document: str, block: str) -> str | None:
    """``document`` with the text between its ``BEGIN`` and ``END`` lines replaced by ``block``
    (None when it has no such pair of lines)."""
    start, stop = document.find(BEGIN), document.find(END)
    if start < 0 or stop < start:
        return None
    return document[: start + len(BEGIN)] + "\n\n" + block + "\n\n" + document[stop:]


def main(argv: list[str] | None = None) -> None:
    """Print the tables, or write them into (or check them against) a Markdown file's block."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "report", nargs="?", type=Path, default=DEFAULT, help="a speed_all.json (default: the committed one)"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--update", type=Path, metavar="FILE", help=f"write the tables between {BEGIN} and {END} in FILE")
    mode.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE's block differs from the tables")
    args = parser.parse_args(argv)
    block = speed_all_markdown(json.loads(args.report.read_text(encoding="utf-8")))
    target = args.update or args.check
    if target is None:
        print(block)
        return
    document = target.read_text(encoding="utf-8")
    updated = with_block(document, block)
    if updated is None:
        sys.exit(f"{target} has no {BEGIN} … {END} block")
    if args.update:
        target.write_text(updated, encoding="utf-8")
        print(f"updated {target}")
    elif updated != document:
        sys.exit(
            f"{target}: the speed_all block differs from {args.report}; run: python benchmarks/tables.py --update {target}"
        )


if __name__ == "__main__":
    main()
