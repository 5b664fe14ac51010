"""``framing compare INPUT... [-o OUT] [--html PAGE]``: compare documents across outlets.

Reads the inputs with the corpus stream's readers (text files, folders of ``.txt``, JSONL, CSV,
Parquet: :mod:`framing.faces.stream`), runs :func:`framing.compare.compare` on all records, and
prints a summary or writes its tables. ``-o OUT.csv`` (or ``.jsonl``, ``.parquet``) writes one
file per table next to it, ``OUT.documents.csv``, ``OUT.pairs.csv``, ``OUT.passages.csv``,
``OUT.claims.csv``, ``OUT.figures.csv``, ``OUT.differences.csv``, each written to a temporary name,
fsynced and renamed. Every record has its row in ``documents``, with the reader's ``error`` when it
could not be read. ``--html PAGE`` writes the self-contained comparison page
(:mod:`framing.faces.compare_page`).

The ``framing`` command wires it in with :func:`add_parser` and :func:`run`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from framing.faces.options import DEFAULT_MAX_CHARS, InputError, OutputError, UsageError

TABLES = ("documents", "pairs", "passages", "claims", "figures", "differences")
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}


def register(commands: Any, shared: Any) -> None:
    """Add ``compare`` to the ``framing`` command (``framing.faces.cli.SUBCOMMANDS``), with the shared
    help formatter and exit-code table."""
    add_parser(commands, formatter_class=shared.formatter_class, epilog=shared.epilog)


def add_parser(subparsers: Any, **overrides: Any) -> argparse.ArgumentParser:
    """Add the ``compare`` command to an ``argparse`` sub-parsers object; returns its parser."""
    options: dict[str, Any] = {
        "epilog": "exit codes: 0 done, 2 usage, 3 an input cannot be read, 4 the output cannot be written, 1 internal "
        "error.",
    }
    options.update(overrides)
    parser = subparsers.add_parser(
        "compare",
        help="compare documents: shared passages, figures that disagree, framing and sourcing differences",
        description="Compare text files, folders of .txt files, JSONL, CSV or Parquet records: the passages they "
        "share, the figures they disagree on, and how each frames and sources the story beside its group "
        "(docs/compare.md). Prints a summary, or writes one table per file with -o.",
        **options,
    )
    parser.add_argument("inputs", nargs="+", help="text files, folders of .txt files, .jsonl, .csv or .parquet files")
    parser.add_argument("-o", "--output", type=Path, help="OUT.csv|.jsonl|.parquet: write OUT.<table>.<ext> per table")
    parser.add_argument("--html", type=Path, help="write the self-contained comparison page here")
    parser.add_argument("--id-field", default="id", help="id field/column of JSONL, CSV, Parquet (default: id)")
    parser.add_argument("--text-field", default="text", help="text field/column of JSONL, CSV, Parquet (default: text)")
    parser.add_argument("--group-field", help="field/column holding an event key: documents with equal keys form a "
                        "group (default: automatic groups by content similarity)")
    parser.add_argument("--date-field", help="field/column holding a publication date (for the direction guess)")
    parser.add_argument("--threshold", type=float, default=None, help="sentence similarity of a copy (default 0.7)")
    parser.add_argument("--group-threshold", type=float, default=None, help="TF-IDF cosine of a group link (default 0.3)")
    parser.add_argument("--no-differences", action="store_true", help="skip the framing and sourcing differences")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                        help=f"longer documents get an error row (default: {DEFAULT_MAX_CHARS:,}; 0 for no limit)")
    parser.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="print the traceback of an error")
    parser.set_defaults(func=run)
    return parser


def _read(args: argparse.Namespace) -> tuple[list, list, list, list | None, list | None]:
    from framing.faces.stream import check_source, find_sources, iter_records

    sources = find_sources(args.inputs)
    for source in sources:
        check_source(source, args.text_field)
    keep = [f for f in (args.group_field, args.date_field) if f]
    records = list(iter_records(sources, id_field=args.id_field, text_field=args.text_field,
                                max_chars=args.max_chars or None, keep=keep))
    ids, texts, errors = [], [], []
    groups = [] if args.group_field else None
    dates = [] if args.date_field else None
    seen: dict[str, int] = {}
    for record in records:
        if record.id in seen:
            raise InputError(f"{record.where}: id {record.id!r} also names {records[seen[record.id]].where}; ids must "
                             "be unique (see --id-field)")
        seen[record.id] = len(ids)
        ids.append(record.id)
        texts.append(record.text if record.error is None else None)
        errors.append(record.error)
        kept = dict(zip(keep, record.kept))
        if groups is not None:
            groups.append(kept.get(args.group_field))
        if dates is not None:
            dates.append(kept.get(args.date_field))
    if groups is not None:  # a record without a key is a group of its own
        groups = [g if g not in (None, "") else f"\x00{i}" for i, g in zip(ids, groups)]
    return ids, texts, errors, groups, dates


def _write_table(frame, path: Path, fmt: str) -> None:
    from framing.faces.durable import replace_durably
    from framing.faces.stream import csv_header, csv_rows, csv_safe_frame, write_part

    if fmt != "csv":
        write_part(frame, path, fmt)
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            handle.write(csv_header(frame.columns))
            handle.write(csv_rows(csv_safe_frame(frame)))
        replace_durably(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True) if tmp.parent.is_dir() else None
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None


def table_paths(output: Path) -> dict[str, Path]:
    """Where ``-o OUT.ext`` writes each table: ``OUT.<table>.ext``."""
    return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name in TABLES}


def _summary(result, out=None) -> None:
    import pandas as pd

    out = sys.stdout if out is None else out
    with pd.option_context("display.max_rows", 200, "display.max_columns", None, "display.width", 200):
        docs = result.documents.drop(columns=["error"]).copy()
        print(docs.round(3).to_string(index=False), file=out)
        for doc_id, error in zip(result.documents["id"], result.documents["error"]):
            if error is not None:
                print(f"{doc_id}: {error}", file=out)
        copies = result.passages[result.passages["kind"] != "paraphrase"]
        print(f"\nshared passages: {len(copies)} copied sentence pairs "
              f"({(copies['kind'] == 'exact').sum()} exact), "
              f"{len(result.passages) - len(copies)} paraphrased", file=out)
        dis = result.disagreements
        print(f"figures: {len(result.figures)} found, {len(result.claims)} aligned pairs, {len(dis)} disagree", file=out)
        if len(dis):
            cols = ["id_a", "id_b", "kind", "unit", "text_a", "text_b", "alignment"]
            print(dis[cols].to_string(index=False), file=out)


def run(args: argparse.Namespace) -> int:
    """Run ``framing compare`` with parsed arguments; returns the exit code."""
    from framing.compare import compare

    if args.max_chars < 0:
        raise UsageError(f"--max-chars must be 0 (no limit) or positive, got {args.max_chars}")
    fmt = None
    if args.output is not None:
        fmt = FORMATS.get(args.output.suffix.lower())
        if fmt is None:
            raise UsageError(f"-o {args.output}: choose a .csv, .jsonl or .parquet name (one file per table)")
        if not args.output.parent.is_dir():
            raise OutputError(f"cannot write {args.output}: no such folder {args.output.parent}")
        if fmt == "parquet":
            from framing.faces.stream import _import_optional

            _import_optional("pyarrow", "parquet")
    ids, texts, errors, groups, dates = _read(args)
    options = {}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    if args.group_threshold is not None:
        options["group_threshold"] = args.group_threshold
    try:
        result = compare(texts, ids=ids, groups=groups, dates=dates, differences=not args.no_differences,
                         max_chars=args.max_chars or None, **options)
    except (TypeError, ValueError) as err:
        raise UsageError(str(err)) from None
    # the reader's reason where a record could not be read
    result.documents["error"] = [r if r is not None else e for r, e in zip(errors, result.documents["error"])]
    if groups is not None:
        result.documents["group"] = [g if g is None or not str(g).startswith("\x00") else None for g in result.documents["group"]]
    if args.output is not None:
        for name, path in table_paths(args.output).items():
            _write_table(getattr(result, name), path, fmt)
        print(f"framing: wrote {len(TABLES)} tables next to {args.output}", file=sys.stderr)
    else:
        _summary(result)
    if args.html is not None:
        from framing.faces.compare_page import write_page

        write_page(result, args.html, ids=ids)
        print(f"framing: wrote {args.html}", file=sys.stderr)
    return 0
