"""How long ``framing --help`` takes, against bare imports of numpy and pandas, and what it imports.

Each command runs ``--runs`` times in a fresh interpreter (wall time, median); the ratio to a bare
``import numpy`` is what issue 18 asked about (``framing --help`` must not load numpy, pandas or
rich at all). The machine is shared, so the seconds are noisy; the ratios and the list of heavy
modules loaded are the result.

Usage::

    python benchmarks/cli_startup.py          # writes benchmarks/results/cli_startup.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "cli_startup.json"
HEAVY = ("numpy", "pandas", "rich", "scipy", "sklearn", "pyarrow", "matplotlib")
COMMANDS = {
    "framing --help": ["-m", "framing", "--help"],
    "framing score --help": ["-m", "framing", "score", "--help"],
    "python -c pass": ["-c", "pass"],
    "import numpy": ["-c", "import numpy"],
    "import pandas": ["-c", "import pandas"],
}
PROBE = (
    "import sys\nfrom framing.faces.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    "print('HEAVY', sorted(m for m in {heavy!r} if m in sys.modules))"
)


def wall(args: list[str], runs: int) -> float:
    env = os.environ | {"PYTHONPATH": str(REPO)}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, check=True, env=env, cwd=REPO)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def heavy_modules(argv: list[str]) -> list[str]:
    code = PROBE.format(argv=argv, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=os.environ | {"PYTHONPATH": str(REPO)}, cwd=REPO)  # fmt: skip
    line = next(x for x in done.stdout.splitlines() if x.startswith("HEAVY"))
    return json.loads(line.split(" ", 1)[1].replace("'", '"'))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    seconds = {name: round(wall(command, args.runs), 4) for name, command in COMMANDS.items()}
    result = {
        "runs": args.runs,
        "median_seconds": seconds,
        "help_over_import_numpy": round(seconds["framing --help"] / seconds["import numpy"], 3),
        "score_help_over_import_numpy": round(seconds["framing score --help"] / seconds["import numpy"], 3),
        "heavy_modules_loaded": {
            "framing --help": heavy_modules(["--help"]),
            "framing score --help": heavy_modules(["score", "--help"]),
        },  # fmt: skip
        "note": "wall time on a shared 2-core machine; ratios are the result",
    }
    print(json.dumps(result, indent=1))
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
