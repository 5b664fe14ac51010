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
from framing.faces.options import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_MAX_CHARS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    FAMILY_NAMES,
    ID_COLUMN,
    FramingError,
    InputError,
    OutputError,
    Terminated,
    UsageError,
    missing_file,
)

# numpy, pandas and the families load when a command runs, not for `framing --help`


#: Up to this many documents, ``framing score`` without ``-o`` prints every score of every document;
#: more get a summary and a hint to write a file.
DOCUMENT_TABLE_MAX = 10


def _print_table(frame, inputs: list[str]) -> None:
    """A few documents: one column per document, one row per signal; many: a summary and a hint."""
    from framing.faces.summary import FLAGGED_COLUMN, REASONS_COLUMN, main_signals, summarize, summary_renderables
    from framing.faces.terminal import emit, signal_table

    if len(frame) == 0:
        print(f"framing: no documents in {' '.join(inputs)}: nothing to show", file=sys.stderr)
        return
    if len(frame) > DOCUMENT_TABLE_MAX:
        emit(summary_renderables(summarize(frame, by=None), signals=main_signals(frame)))
        emit(f"\n{len(frame):,} documents: the main signals are summarised here; write every score of every document "
             f"with -o scores.csv (or .jsonl, .parquet), then `framing summary scores.csv`.")
        return
    text_columns = {ID_COLUMN, "error", REASONS_COLUMN}
    rows = {c: frame[c].tolist() for c in frame.columns if c not in text_columns and ("." in c or c == FLAGGED_COLUMN)}
    emit(signal_table(rows, [str(i) for i in frame[ID_COLUMN]]))
    notes = []
    if REASONS_COLUMN in frame.columns:
        flagged = [f"{i}: {r}" for i, r in zip(frame[ID_COLUMN], frame[REASONS_COLUMN]) if isinstance(r, str) and r]
        notes += ["", "flagged, with the reasons (value, reference percentile):", *flagged] if flagged else []
    errors = [f"{i}: {e}" for i, e in zip(frame[ID_COLUMN], frame["error"]) if isinstance(e, str)]
    notes += ["", "not scored:", *errors] if errors else []
    if notes:
        emit(notes)


def _score_command(args: argparse.Namespace) -> int:
    from framing.faces.stream import score_files

    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    if args.max_chars < 0:
        raise UsageError(f"--max-chars must be 0 (no limit) or positive, got {args.max_chars}")
    result = score_files(
        args.inputs,
        args.output,
        signals=flat(args.signals),
        flags=args.flags,
        register=args.register,
        compat=args.compat,
        id_field=args.id_field,
        text_field=args.text_field,
        keep=flat(args.keep) or [],
        sentences=args.sentences,
        max_chars=args.max_chars or None,
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        resume=args.resume,
        progress=progress,
        lexicons=args.lexicons,
        patterns=args.patterns,
        csv_raw=args.csv_raw,
        language=args.language,
        language_field=args.language_field,
    )
    if args.output is None:
        _print_table(result, [str(i) for i in args.inputs])
    return 0


def _report_command(args: argparse.Namespace) -> int:
    from framing.faces.api import analyze
    from framing.faces.render import html_page, reference_percentiles, report_renderables
    from framing.faces.terminal import emit

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise InputError(missing_file(args.file)) from None
    except OSError as err:
        raise InputError(f"{args.file}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{args.file}: not UTF-8 at byte {err.start}") from None
    try:
        report = analyze(text, signals=flat(args.signals), compat=args.compat, lexicons=args.lexicons, patterns=args.patterns)
    except (OSError, ValueError, TypeError) as err:
        raise UsageError(str(err)) from None
    percentiles = reference_percentiles(report.scores)
    if args.html is None:
        emit(report_renderables(report, percentiles, every_score=args.scores))
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
    from framing.faces.summary import plot, read_scores, summarize, summary_renderables
    from framing.faces.terminal import emit

    if args.plot is not None:
        _import_optional("matplotlib", "plot")  # before any output: fail early and clearly
    try:
        frame = read_scores(args.scores)
    except FileNotFoundError:
        raise InputError(missing_file(args.scores)) from None
    except (OSError, ValueError) as err:
        raise InputError(f"{args.scores}: {getattr(err, 'strerror', None) or err}") from None
    emit(summary_renderables(summarize(frame, by=args.by)))
    if args.plot is not None:
        try:
            plot(frame, args.plot, by=args.by)
        except OSError as err:
            raise OutputError(f"cannot write {args.plot}: {err.strerror or err}") from None
        print(f"framing: wrote {args.plot}", file=sys.stderr)
    return 0


#: The epilog of every command: the exit codes (docs/cli.md).
EXIT_CODES = """exit codes (errors are one line on standard error, 'framing: error: ...'; docs/cli.md):

  0        done; records that cannot be scored are rows with an error, not a failure
  1        internal error (a bug; --verbose prints the traceback)
  2        usage: bad options, an invalid option file, a missing optional package
  3        an input cannot be read: no such file, not UTF-8, no text column, a folder without .txt files
  4        the output cannot be written
  5        another run holds the output, or --resume refuses what it found
  130/143  interrupted (Ctrl-C / SIGTERM): run the same command with --resume"""


class _Parser(argparse.ArgumentParser):
    """argparse with the command's one error style: the usage, then ``framing: error: ...``, exit 2."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"framing: error: {message} (see {self.prog} --help)\n")


class _Formatter(argparse.HelpFormatter):
    """Help that shows every option's default (unless its help already says it); descriptions and
    epilogs wrapped by paragraph, with indented lines (examples, tables) kept as they are."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        out = []
        for paragraph in text.split("\n\n"):
            if paragraph.startswith("  "):
                out.append(paragraph)
            else:
                out.append(textwrap.fill(" ".join(paragraph.split()), width, initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if (
            "default" not in text and default not in (None, False, [], argparse.SUPPRESS)
            and action.option_strings and not isinstance(action, argparse._VersionAction)
        ):  # fmt: skip
            text += f" (default: {default})"
        return text


def comma_list(choices: tuple[str, ...] | None = None):
    """An option value ``a,b,c`` as a list (checked against ``choices``); with ``action="append"``
    the option can also be repeated. One value per option, so it never takes an input path."""

    def parse(value: str) -> list[str]:
        items = [v.strip() for v in value.split(",") if v.strip()]
        if not items:
            raise argparse.ArgumentTypeError("give at least one name")
        bad = [v for v in items if choices is not None and v not in choices]
        if bad:
            raise argparse.ArgumentTypeError(f"unknown {', '.join(map(repr, bad))}; choose from {', '.join(choices)}")
        return items

    return parse


def flat(values: list[list[str]] | None) -> list[str] | None:
    """The lists of a repeated comma-list option, joined; None when it was not given."""
    return None if values is None else list(dict.fromkeys(v for group in values for v in group))


class Shared:
    """The options every scoring command has, for subcommands registered by other modules
    (see :data:`SUBCOMMANDS`): ``Shared.scoring(parser)`` adds ``--signals``, ``--compat``,
    ``--lexicons`` and ``--patterns``; ``Shared.verbose(parser)`` adds ``--verbose``."""

    parser_class = _Parser
    formatter_class = _Formatter
    epilog = EXIT_CODES

    @staticmethod
    def scoring(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--signals", action="append", type=comma_list(FAMILY_NAMES), metavar="FAMILY[,FAMILY]",
            help=f"signal families, comma-separated or repeated: {', '.join(FAMILY_NAMES)} (default: all)",
        )  # fmt: skip
        parser.add_argument("--compat", choices=["textstat"], help="reproduce textstat 0.7.8's readability numbers")
        parser.add_argument(
            "--lexicons", action="append", metavar="LEXICON",
            help="a frame set for the framing family: a bundled name (immigration, generic) or a .toml/.json file; "
            "repeat for several (default: the bundled ones)",
        )  # fmt: skip
        parser.add_argument(
            "--patterns", type=Path, metavar="FILE",
            help="a JSON file of boilerplate patterns added to the shipped ones (the layout of "
            "framing/data/boilerplate_patterns.json; default: the shipped ones only)",
        )  # fmt: skip

    @staticmethod
    def verbose(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS,
                            help="print the traceback of an error")  # fmt: skip

    @staticmethod
    def add(commands, name: str, **kwargs) -> argparse.ArgumentParser:
        """A subcommand's parser with the shared formatter and exit-code epilog."""
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("epilog", EXIT_CODES)
        return commands.add_parser(name, **kwargs)


#: Subcommands defined in other modules, in help order: each module has ``register(commands, shared)``
#: that adds its parser (``shared.add(commands, name, help=...)``, :class:`Shared`) and sets ``func``.
#: It is imported when the parser is built, so it must import nothing heavy at module level.
SUBCOMMANDS: tuple[str, ...] = ("framing.faces.compare_cli",)


def _register_score(commands, shared: type[Shared]) -> None:
    scorer = shared.add(
        commands, "score",
        help="score a corpus and print or write a table",
        description="Score text files, folders of .txt files, JSONL, CSV or Parquet files; print a table (up to "
        f"{DOCUMENT_TABLE_MAX} documents: every score; more: a summary), or write CSV, JSONL or Parquet (chosen by "
        "the extension of -o) in chunks, atomically.\n\n"
        "  framing score seeds/\n  framing score corpus.jsonl --keep source -o scores.parquet --flags\n"
        "  framing score corpus.jsonl --signals sourcing,style -o scores.csv --sentences sentences.parquet",
    )  # fmt: skip
    scorer.add_argument("inputs", nargs="+", help="text files, folders of .txt files, .jsonl, .csv or .parquet files")
    scorer.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="write .csv, .jsonl or .parquet instead of printing")  # fmt: skip
    scorer.add_argument(
        "--sentences", type=Path, metavar="OUT",
        help="also write the sentence table (one row per sentence, framing.sentences; docs/sentences.md) to this "
        ".csv, .jsonl or .parquet, streamed with the same guarantees as -o",
    )  # fmt: skip
    scorer.add_argument("--flags", action="store_true", help="add the quality-flag columns")
    scorer.add_argument(
        "--register", choices=("news", "web"), default="news",
        help="the reference norms --flags compares with: professional news, or web pages of every kind",
    )  # fmt: skip
    shared.scoring(scorer)
    scorer.add_argument("--id-field", default="id", metavar="NAME", help="id field/column of JSONL, CSV, Parquet")
    scorer.add_argument("--text-field", default="text", metavar="NAME", help="text field/column of JSONL, CSV, Parquet")
    scorer.add_argument(
        "--keep", action="append", type=comma_list(), metavar="FIELD[,FIELD]",
        help="copy these fields to the output, comma-separated or repeated (e.g. --keep source,date; default: none)",
    )  # fmt: skip
    scorer.add_argument(
        "--language", metavar="CODE|auto",
        help="the records' language: auto (default: detected per record) or a code such as en, de, fr, es "
        "(with --compat textstat: textstat's language)",
    )  # fmt: skip
    scorer.add_argument("--language-field", metavar="NAME",
                        help="a JSONL field / CSV or Parquet column with each record's language code (default: none)")
    scorer.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                        help="longer documents get an error row; 0 for no limit")  # fmt: skip
    scorer.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (same output for any number)")
    scorer.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N", help="records scored together")
    scorer.add_argument("--resume", action="store_true", help="continue an interrupted run of the same command")
    scorer.add_argument(
        "--csv-raw", action="store_true",
        help="write CSV text cells as they are (default: a cell starting with = + - @ tab or CR gets a ' "
        "before it, so spreadsheets do not run it as a formula)",
    )  # fmt: skip
    scorer.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show documents/s and ETA on standard error (default: when it is a terminal)")  # fmt: skip
    shared.verbose(scorer)
    scorer.set_defaults(func=_score_command)


def _register_report(commands, shared: type[Shared]) -> None:
    reporter = shared.add(
        commands, "report",
        help="one document: the verdict, the findings, the scores; or an HTML page with the findings highlighted",
        description="One document: the verdict (flagged or not, and why), the top findings of each family, then "
        "the scores with their reference percentiles; --html writes a standalone page instead.",
    )  # fmt: skip
    reporter.add_argument("file", help="a UTF-8 text file ('-' for standard input)")
    reporter.add_argument("--html", type=Path, metavar="OUT", help="write a standalone HTML page here instead of printing")
    reporter.add_argument("--scores", action="store_true", help="also print every score (default: the findings only)")
    shared.scoring(reporter)
    shared.verbose(reporter)
    reporter.set_defaults(func=_report_command)


def _register_summary(commands, shared: type[Shared]) -> None:
    summary = shared.add(commands, "summary", help="corpus-level tables and plots of a scores file")
    summary.add_argument("scores", help="a .csv, .jsonl or .parquet file written by framing score")
    summary.add_argument("--plot", type=Path, metavar="PNG",
                         help="also draw the distributions (and balance by source) to this PNG")  # fmt: skip
    summary.add_argument("--by", default="source", metavar="COLUMN", help="the column naming each document's source")
    shared.verbose(summary)
    summary.set_defaults(func=_summary_command)


def build_parser() -> argparse.ArgumentParser:
    """The ``framing`` command's parser (score, report, summary, then :data:`SUBCOMMANDS`)."""
    import importlib

    parser = _Parser(prog="framing", description="Content-quality and framing scores for articles.",
                     epilog=EXIT_CODES, formatter_class=_Formatter)  # fmt: skip
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    parser.add_argument("--verbose", action="store_true", help="print the traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    for register in (_register_score, _register_report, _register_summary):
        register(commands, Shared)
    for module in SUBCOMMANDS:
        importlib.import_module(module).register(commands, Shared)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit code (see :mod:`framing.faces.options`). Errors are one line on
    standard error; ``--verbose`` prints the traceback too."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed: its code
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
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
        print(f"framing: error: {err}", file=sys.stderr)
        return err.exit_code
    except (MemoryError, RecursionError, Exception) as err:  # a bug: say so in one line
        if verbose:
            traceback.print_exc()
        else:
            where = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
            at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
            print(
                f"framing: error: internal error: {type(err).__name__}: {err}{at} (run with --verbose for the traceback)",
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
