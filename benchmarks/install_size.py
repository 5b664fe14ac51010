"""The size of the test install: a fresh virtual environment with ``pip install -e '.[test]'``.

For each source tree given (a git revision of this repository, exported to a temporary folder, or
the working tree ``.``) this creates a throwaway venv, installs the package with the ``test`` extra
through pip's ordinary client (the configured index), and measures the venv on disk (``du``), with
the ten largest installed packages. The result goes to ``benchmarks/results/install_size.json``.

Usage::

    python benchmarks/install_size.py --before a5cebdb --after .   # before and after issue 18
    python benchmarks/install_size.py --after . --extra spark      # the Spark extra on its own

Downloads packages (it is a benchmark, never run by the tests); the venvs are removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "install_size.json"


def du_bytes(path: Path) -> int:
    """Disk usage of ``path`` in bytes (``du -sb``: apparent size, as ``du -sh`` reports it in blocks)."""
    done = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[0]) * 1024


def source_tree(revision: str, folder: Path) -> Path:
    """A tree to install: the working tree for ``.``, else ``git archive`` of ``revision``."""
    if revision == ".":
        return REPO
    target = folder / "src"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def measure(revision: str, extra: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="install-size-") as tmp:
        folder = Path(tmp)
        tree = source_tree(revision, folder)
        venv = folder / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / "bin" / "pip"
        empty = du_bytes(venv)
        started = time.perf_counter()
        done = subprocess.run([str(pip), "install", "-q", "-e", f"{tree}[{extra}]"], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"pip install failed for {revision}:\n{done.stderr[-3000:]}")
        seconds = time.perf_counter() - started
        site = next((venv / "lib").glob("python3*/site-packages"))
        packages = sorted(((du_bytes(p), p.name) for p in site.iterdir() if p.is_dir()), reverse=True)[:10]
        listed = subprocess.run([str(pip), "list", "--format=json"], capture_output=True, text=True, check=True)
        total = du_bytes(venv)
        return {
            "revision": revision if revision != "." else "working tree",
            "extra": extra,
            "venv_bytes": total,
            "venv_mb": round(total / 2**20, 1),
            "empty_venv_mb": round(empty / 2**20, 1),
            "packages_installed": len(json.loads(listed.stdout)),
            "largest_mb": {name: round(size / 2**20, 1) for size, name in packages},
            "pyspark_installed": any(name == "pyspark" for _, name in packages),
            "install_seconds": round(seconds, 1),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", help="a git revision to measure first (e.g. the commit before the change)")
    parser.add_argument("--after", default=".", help="the tree to measure: '.' (working tree) or a revision")
    parser.add_argument("--extra", default="test")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    runs = {}
    if args.before:
        runs["before"] = measure(args.before, args.extra)
        print(json.dumps(runs["before"], indent=1))
    runs["after"] = measure(args.after, args.extra)
    print(json.dumps(runs["after"], indent=1))
    result = {
        "what": f"disk size of a fresh venv after pip install -e '.[{args.extra}]' (du -sk)",
        "python": platform.python_version(),
        "pip_index": "the machine's configured index (pip's ordinary client)",
        **runs,
    }
    if "before" in runs:
        result["saved_mb"] = round(runs["before"]["venv_mb"] - runs["after"]["venv_mb"], 1)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
