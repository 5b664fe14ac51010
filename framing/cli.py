"""The ``framing`` command.

``framing score PATH... [-o OUT]`` scores text files (``.txt``; folders are searched for them)
and prints a table, or writes CSV or JSONL chosen by the extension of ``OUT``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import __version__
from .api import FAMILIES, score


def _text_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise SystemExit(f"framing: no such file or folder: {name}")
    return files


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as err:
        print(f"framing: warning: {path}: {err}", file=sys.stderr)
        return None


def _print_table(frame: pd.DataFrame) -> None:
    table = frame.drop(columns=["error"]).T
    table.columns = [str(c) for c in table.columns]
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        print(table.round(2).to_string())
    errors = frame["error"].dropna()
    for doc_id, error in errors.items():
        print(f"{doc_id}: {error}")


def _score_command(args: argparse.Namespace) -> int:
    files = _text_files(args.inputs)
    texts = [_read(p) for p in files]
    ids = [p.stem for p in files]
    frame = score(texts, ids=ids, signals=args.signals, compat=args.compat, n_jobs=args.jobs, progress=args.progress)
    if args.output is None:
        _print_table(frame)
    elif args.output.suffix == ".csv":
        frame.to_csv(args.output)
    elif args.output.suffix == ".jsonl":
        frame.reset_index().to_json(args.output, orient="records", lines=True, force_ascii=False)
    else:
        raise SystemExit(f"framing: unknown output format {args.output.suffix!r}; use .csv or .jsonl")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Content-quality and framing scores for articles.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    scorer = commands.add_parser("score", help="score text files and print or write a table")
    scorer.add_argument("inputs", nargs="+", help="text files or folders of .txt files")
    scorer.add_argument("-o", "--output", type=Path, help="write CSV or JSONL instead of printing")
    scorer.add_argument("--signals", nargs="+", choices=list(FAMILIES), help="signal families (default: all)")
    scorer.add_argument("--compat", choices=["textstat"], help="reproduce textstat 0.7.8's readability numbers")
    scorer.add_argument("--jobs", type=int, default=1, help="worker processes")
    scorer.add_argument("--progress", action="store_true", help="report documents per second")
    scorer.set_defaults(func=_score_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
