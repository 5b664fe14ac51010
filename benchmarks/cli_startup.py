"""How long the ``framing`` command takes to start: ``--help``, and ``framing score`` of one tiny
document (everything before and around the first document), against bare imports of numpy and pandas.

Each command (the ``framing`` console script next to the interpreter, as ``benchmarks/speed_all.py``
runs it) runs once untimed (so bytecode and the OS's file cache are warm: the start-up a user
sees the second time; ``PYTHONDONTWRITEBYTECODE`` is dropped from the children's environment, or
every run would compile the package again), then ``--runs`` times, the commands interleaved run by
run, each in a fresh interpreter (wall time, median). Issue 18 asked that ``framing --help`` load
none of numpy, pandas or rich; issue 12 that it take at most 2× a bare ``import numpy`` and that
``framing score`` start in under 1 s before its first document (``benchmarks/speed_all.py`` takes
the same measure, ``score-tiny``, among its whole-process timings).

``--baseline DIR`` times the framing commands of another checkout too (``PYTHONPATH=DIR``, e.g.
``main``), interleaved with these, so that before and after are measured under the same load; the
ratios are the result. A ``phases`` probe splits ``framing score TINY/`` in one process: importing
the command's modules, reading CMUdict's syllables, compiling the boilerplate patterns, and the
rest of the command (scoring and printing); median over the runs. The machine is shared: the
1-minute load average before and after is recorded with the numbers.

Usage::

    python benchmarks/cli_startup.py [--runs 7] [--baseline ../main]   # writes benchmarks/results/cli_startup.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "cli_startup.json"
HEAVY = ("numpy", "pandas", "rich", "scipy", "sklearn", "pyarrow", "matplotlib", "cmudict", "multiprocessing")
TINY_TEXT = "The council met on Monday.\n"  # as benchmarks/speed_all.py's score-tiny
PROBE = (
    "import sys\nfrom framing.faces.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    "print('HEAVY', sorted(m for m in {heavy!r} if m in sys.modules))"
)
PHASES = """
import contextlib, io, json, sys, time
started = time.perf_counter()
import framing.faces.stream, framing.faces.cli
imported = time.perf_counter()
from framing.core.resources import cmu_syllables
cmu_syllables()
cmu = time.perf_counter()
from framing.families.boilerplate.patterns import shipped_patterns
for kind in ("line", "start", "contains"):
    shipped_patterns().regex(kind, False)
patterns = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    try:
        framing.faces.cli.main(["score", {tiny!r}])
    except SystemExit:
        pass
done = time.perf_counter()
print("PHASES", json.dumps({{"imports": imported - started, "cmudict": cmu - imported,
                            "boilerplate_patterns": patterns - cmu, "score_and_print": done - patterns}}))
"""


def environment(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPATH": str(root)}


def framing_command() -> list[str]:
    """The ``framing`` console script next to this interpreter, as ``benchmarks/speed_all.py`` runs
    it (else ``python -m framing``); ``PYTHONPATH`` picks the checkout either way."""
    script = Path(sys.executable).parent / "framing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "framing"]


def commands(tiny: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(framing's commands, the reference commands), as whole command lines."""
    framing = framing_command()
    ours = {
        "framing --help": [*framing, "--help"],
        "framing score --help": [*framing, "score", "--help"],
        "framing score TINY/": [*framing, "score", str(tiny)],
        "framing score seeds/": [*framing, "score", str(REPO / "seeds")],
    }
    python = sys.executable
    reference = {"python -c pass": [python, "-c", "pass"], "import numpy": [python, "-c", "import numpy"],
                 "import pandas": [python, "-c", "import pandas"]}  # fmt: skip
    return ours, reference


def run_once(args: list[str], root: Path) -> float:
    started = time.perf_counter()
    subprocess.run(args, capture_output=True, check=True, env=environment(root), cwd=root)
    return time.perf_counter() - started


def heavy_modules(argv: list[str], root: Path) -> list[str]:
    code = PROBE.format(argv=argv, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment(root), cwd=root)
    line = next(x for x in done.stdout.splitlines() if x.startswith("HEAVY"))
    return json.loads(line.split(" ", 1)[1].replace("'", '"'))


def phases(tiny: Path, root: Path) -> dict[str, float]:
    code = PHASES.format(tiny=str(tiny))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment(root), cwd=root)
    return json.loads(next(x for x in done.stdout.splitlines() if x.startswith("PHASES")).split(" ", 1)[1])


def pattern_sources() -> dict[str, dict[str, int]]:
    """Sizes of the shipped boilerplate patterns' compiled sources, by kind (what compiling costs
    grows with): the joined source, the patterns as written and with their definitions expanded,
    the literal phrases among them, and the patterns whose first character cannot be told."""
    sys.path.insert(0, str(REPO))
    from framing.families.boilerplate import patterns as bp

    shipped = bp.shipped_patterns()
    metacharacters = set(".^$*+?{}[]\\|()")
    sizes = {}
    for kind in ("line", "start", "contains"):
        written = [p for c in bp.CATEGORIES for p in shipped.patterns[c][kind]]
        expanded = [bp._expand(p, shipped.definitions) for p in written]
        literal = [e for e in expanded if not metacharacters & set(e)]
        unknown = [e for e in expanded if not bp._leading_literal(e) or any(not f.isalnum() for f, _, _ in bp._leading_literal(e))]
        regex, _ = bp._compile(shipped, kind, False)
        sizes[kind] = {
            "patterns": len(written), "source_chars": len(regex.pattern) if regex else 0,
            "written_chars": sum(map(len, written)), "expanded_chars": sum(map(len, expanded)),
            "literal_patterns": len(literal), "literal_chars": sum(map(len, literal)),
            "unknown_first_patterns": len(unknown), "unknown_first_chars": sum(map(len, unknown)),
        }  # fmt: skip
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="another checkout whose framing commands to time alongside")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny"
        tiny.mkdir()
        (tiny / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
        framing, reference = commands(tiny)
        jobs = {("this", name): (command, REPO) for name, command in framing.items()}
        if args.baseline is not None:
            jobs |= {("baseline", name): (command, args.baseline.resolve()) for name, command in framing.items()}
        jobs |= {("reference", name): (command, REPO) for name, command in reference.items()}
        for command, root in jobs.values():  # warm-up: bytecode and file cache
            run_once(command, root)
        times: dict[tuple[str, str], list[float]] = {key: [] for key in jobs}
        split: dict[str, list[dict[str, float]]] = {"this": []} | ({"baseline": []} if args.baseline else {})
        for _ in range(args.runs):
            for key, (command, root) in jobs.items():
                times[key].append(run_once(command, root))
            split["this"].append(phases(tiny, REPO))
            if args.baseline is not None:
                split["baseline"].append(phases(tiny, args.baseline.resolve()))
        heavy = {name: heavy_modules(command[len(framing_command()):], REPO) for name, command in framing.items() if name != "framing score seeds/"}
    median = {who: {name: round(statistics.median(t), 4) for (w, name), t in times.items() if w == who} for who in ("this", "baseline", "reference")}
    seconds = median["this"] | median["reference"]
    result = {
        "runs": args.runs,
        "median_seconds": seconds,
        "help_over_import_numpy": round(seconds["framing --help"] / seconds["import numpy"], 3),
        "score_help_over_import_numpy": round(seconds["framing score --help"] / seconds["import numpy"], 3),
        "score_tiny_s": seconds["framing score TINY/"],
        "score_tiny_target_met": seconds["framing score TINY/"] < 1.0,
        "phases_median_seconds": {
            who: {k: round(statistics.median(p[k] for p in runs), 4) for k in runs[0]} for who, runs in split.items()
        },
        "heavy_modules_loaded": heavy,
        "pattern_sources": pattern_sources(),
        "load_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "note": "wall time on a shared 2-core machine, warm bytecode; ratios and the modules loaded are the result",
    }
    if args.baseline is not None:
        result["baseline"] = {"path": str(args.baseline), "median_seconds": median["baseline"]}
        result["this_over_baseline"] = {name: round(median["this"][name] / median["baseline"][name], 3) for name in framing}
    print(json.dumps(result, indent=1))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
