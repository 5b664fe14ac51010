"""The ``framing`` command.

``framing score INPUT... [-o OUT]`` scores text files, folders of ``.txt`` files, JSONL, CSV or
Parquet and prints a table, or writes CSV, JSONL or Parquet chosen by the extension of ``OUT``
(streamed in chunks, atomically, resumable: see :mod:`framing.faces.stream`).

Errors are one line on standard error, ``framing: <file>[:<line>]: <cause>``, and an exit code per
class (:mod:`framing.faces.options`): 2 usage, 3 input unreadable, 4 output unwritable, 5 output
busy or resume refused, 130 interrupted, 1 a bug. ``--verbose`` adds the traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback
from pathlib import Path

from framing import __version__
from framing.config import FAMILY_NAMES
from framing.faces.options import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_MAX_CHARS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    ID_COLUMN,
    FramingError,
    InputError,
    OutputError,
    Terminated,
    UsageError,
)

# numpy, pandas and the families load when a command runs, not for `framing --help`


def _print_table(frame) -> None:
    import pandas as pd

    table = frame.drop(columns=["error"]).T
    table.columns = [str(c) for c in table.columns]
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        print(table.round(2).to_string())
    errors = frame["error"].dropna()
    for doc_id, error in errors.items():
        print(f"{doc_id}: {error}")


def _score_command(args: argparse.Namespace) -> int:
    from framing.faces.stream import score_files

    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    if args.max_chars < 0:
        raise UsageError(f"--max-chars must be 0 (no limit) or positive, got {args.max_chars}")
    result = score_files(
        args.inputs,
        args.output,
        signals=args.signals,
        flags=args.flags,
        compat=args.compat,
        id_field=args.id_field,
        text_field=args.text_field,
        keep=args.keep,
        max_chars=args.max_chars or None,
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        resume=args.resume,
        progress=progress,
        lexicons=args.lexicons,
        patterns=args.patterns,
        csv_raw=args.csv_raw,
    )
    if args.output is None:
        _print_table(result.set_index(ID_COLUMN))
    return 0


def _report_command(args: argparse.Namespace) -> int:
    from framing.faces.api import analyze
    from framing.faces.render import html_page, reference_percentiles, text_table

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text = data.decode("utf-8")
    except OSError as err:
        raise InputError(f"{args.file}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{args.file}: not UTF-8 at byte {err.start}") from None
    try:
        report = analyze(text, signals=args.signals, compat=args.compat, lexicons=args.lexicons, patterns=args.patterns)
    except (OSError, ValueError, TypeError) as err:
        raise UsageError(str(err)) from None
    percentiles = reference_percentiles(report.scores)
    if args.html is None:
        print(text_table(report, percentiles))
    else:
        title = "framing report: " + ("standard input" if args.file == "-" else Path(args.file).name)
        tmp = args.html.with_name(f".{args.html.name}.tmp")
        try:
            tmp.write_text(html_page(report, title=title, percentiles=percentiles), encoding="utf-8")
            os.replace(tmp, args.html)
        except OSError as err:
            if tmp.parent.is_dir():
                tmp.unlink(missing_ok=True)
            raise OutputError(f"cannot write {args.html}: {err.strerror or err}") from None
        print(f"framing: wrote {args.html}", file=sys.stderr)
    return 0


def _summary_command(args: argparse.Namespace) -> int:
    from framing.faces.stream import _import_optional
    from framing.faces.summary import format_summary, plot, read_scores, summarize

    if args.plot is not None:
        _import_optional("matplotlib", "plot")  # before any output: fail early and clearly
    try:
        frame = read_scores(args.scores)
    except (OSError, ValueError) as err:
        raise InputError(f"{args.scores}: {getattr(err, 'strerror', None) or err}") from None
    print(format_summary(summarize(frame, by=args.by)))
    if args.plot is not None:
        try:
            plot(frame, args.plot, by=args.by)
        except OSError as err:
            raise OutputError(f"cannot write {args.plot}: {err.strerror or err}") from None
        print(f"framing: wrote {args.plot}", file=sys.stderr)
    return 0


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lexicons",
        action="append",
        metavar="LEXICON",
        help="a frame set for the framing family: a bundled name (immigration, generic) or a .toml/.json file; "
        "repeat for several (default: the bundled ones)",
    )
    parser.add_argument(
        "--patterns",
        type=Path,
        metavar="FILE",
        help="a JSON file of boilerplate patterns added to the shipped ones (the layout of "
        "framing/data/boilerplate_patterns.json)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Content-quality and framing scores for articles.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    parser.add_argument("--verbose", action="store_true", help="print the traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True)
    scorer = commands.add_parser(
        "score",
        help="score a corpus and print or write a table",
        description="Score text files, folders of .txt files, JSONL, CSV or Parquet files; print a table, or "
        "write CSV, JSONL or Parquet (chosen by the extension of -o) in chunks, atomically.",
        epilog="exit codes: 0 done (records that cannot be scored are rows with an error), 2 usage, 3 an input "
        "cannot be read, 4 the output cannot be written, 5 another run holds the output or --resume refuses, "
        "130 interrupted (resume with --resume), 1 internal error. See docs/corpus-command.md.",
    )
    scorer.add_argument("inputs", nargs="+", help="text files, folders of .txt files, .jsonl, .csv or .parquet files")
    scorer.add_argument("-o", "--output", type=Path, help="write .csv, .jsonl or .parquet instead of printing")
    scorer.add_argument("--signals", nargs="+", choices=list(FAMILY_NAMES), help="signal families (default: all)")
    scorer.add_argument("--flags", action="store_true", help="add the quality-flag columns")
    scorer.add_argument("--compat", choices=["textstat"], help="reproduce textstat 0.7.8's readability numbers")
    _config_arguments(scorer)
    scorer.add_argument("--id-field", default="id", help="id field/column of JSONL, CSV, Parquet (default: id)")
    scorer.add_argument("--text-field", default="text", help="text field/column of JSONL, CSV, Parquet (default: text)")
    scorer.add_argument("--keep", nargs="+", default=[], metavar="FIELD", help="copy these fields to the output (e.g. source)")
    scorer.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        help=f"longer documents get an error row (default: {DEFAULT_MAX_CHARS:,}; 0 for no limit)",
    )
    scorer.add_argument("--jobs", type=int, default=1, help="worker processes (same output for any number)")
    scorer.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, help="records scored together")
    scorer.add_argument("--resume", action="store_true", help="continue an interrupted run of the same command")
    scorer.add_argument(
        "--csv-raw",
        action="store_true",
        help="write CSV text cells as they are (default: a cell starting with = + - @ tab or CR gets a ' "
        "before it, so spreadsheets do not run it as a formula)",
    )
    scorer.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show documents/s and ETA on standard error (default: when it is a terminal)",
    )
    scorer.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="print the traceback of an error")
    scorer.set_defaults(func=_score_command)

    reporter = commands.add_parser(
        "report", help="one document's scores as a table, or an HTML page with its evidence highlighted"
    )
    reporter.add_argument("file", help="a UTF-8 text file ('-' for standard input)")
    reporter.add_argument("--html", type=Path, help="write a standalone HTML page here instead of printing a table")
    reporter.add_argument("--signals", nargs="+", choices=list(FAMILY_NAMES), help="signal families (default: all)")
    reporter.add_argument("--compat", choices=["textstat"], help="reproduce textstat 0.7.8's readability numbers")
    _config_arguments(reporter)
    reporter.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="print the traceback of an error")
    reporter.set_defaults(func=_report_command)

    summary = commands.add_parser("summary", help="corpus-level tables and plots of a scores file")
    summary.add_argument("scores", help="a .csv, .jsonl or .parquet file written by framing score")
    summary.add_argument("--plot", type=Path, help="also draw the distributions (and balance by source) to this PNG")
    summary.add_argument("--by", default="source", help="the column naming each document's source (default: source)")
    summary.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="print the traceback of an error")
    summary.set_defaults(func=_summary_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit code (see :mod:`framing.faces.options`). Errors are one line on
    standard error; ``--verbose`` prints the traceback too."""
    args = build_parser().parse_args(argv)
    verbose = getattr(args, "verbose", False)
    previous = _on_sigterm()
    try:
        return args.func(args)
    except BrokenPipeError:  # `framing score seeds/ | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as err:
        if verbose:
            traceback.print_exc()
        return EXIT_TERMINATED if isinstance(err, Terminated) else EXIT_INTERRUPTED
    except FramingError as err:
        if verbose:
            traceback.print_exc()
        print(f"framing: {err}", file=sys.stderr)
        return err.exit_code
    except (MemoryError, RecursionError, Exception) as err:  # a bug: say so in one line
        if verbose:
            traceback.print_exc()
        else:
            where = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
            at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
            print(
                f"framing: internal error: {type(err).__name__}: {err}{at} (run with --verbose for the traceback)",
                file=sys.stderr,
            )
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminate(signum, frame) -> None:
    raise Terminated()


def _on_sigterm():
    """SIGTERM stops a run as Ctrl-C does (in the main thread only; the previous handler back after)."""
    try:
        return signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        return None


if __name__ == "__main__":
    raise SystemExit(main())
