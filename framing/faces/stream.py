"""Score corpora that do not fit in memory: read records in chunks, write rows as they are scored.

:func:`score_files` is what ``framing score`` runs. It reads text files, folders of them, JSONL,
CSV or Parquet, scores a chunk of records at a time (in worker processes with ``jobs > 1``) and
writes CSV, JSONL or Parquet, chosen by the extension of the output.

Guarantees
----------
* **One row per record, in input order, with its id.** A record that cannot be scored (a malformed
  JSONL line, an undecodable file, a missing or non-text field, an empty or over-long text) gives a
  row of NaN scores with the reason in ``error``, and a warning naming the file and line.
* **Bounded memory.** At most ``2 * jobs`` chunks are in memory at once, whatever the input size.
* **Atomic output.** Chunk ``k`` is written to ``OUT.partial/part-k`` (each part itself written to a
  temporary name, then renamed); only when every part exists are they joined into a temporary file
  next to ``OUT``, which is renamed onto ``OUT``. A crash or Ctrl-C never leaves a half-written
  ``OUT``.
* **Resumable, verified.** ``resume=True`` keeps the parts already written and scores only the
  missing chunks. Chunk boundaries depend only on the input and ``chunk_size``; the manifest
  (``OUT.partial/manifest.json``) records the options and every input's size and SHA-256, and the
  journal (``OUT.partial/parts.jsonl``) every part's row count, size and SHA-256 once the part is
  fsynced and renamed. A part that fails verification (truncated, garbage, swapped, not in the
  journal) is scored again, so a resumed run writes the same bytes as an uninterrupted one.
* **One run per output.** ``OUT.lock`` (``flock``) keeps a second run off the same output; an
  output that is one of the inputs is refused.
* **The sentence table streams the same way.** ``sentences=PATH`` (``framing score --sentences
  PATH``) writes :func:`framing.sentences`'s table of the same records, chunk by chunk, beside the
  scores, with the same guarantees: every record gives its sentences once, in order (a record that
  cannot be scored gives one row with its ``error``), atomic, resumable and verified (its own
  ``PATH.partial``, manifest, journal and lock), identical for any ``jobs`` and ``chunk_size``.
* **Clear errors.** Failures raise :class:`~framing.faces.options.FramingError` subclasses whose
  message names the file and the cause, with the command's exit code (docs/corpus-command.md).
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import re
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future  # ProcessPoolExecutor (multiprocessing) loads with a pool of workers
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config
from framing.faces.api import ERROR_COLUMN, score
from framing.faces.durable import OutputLock, file_digest, fsync_dir, replace_durably
from framing.faces.options import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_MAX_CHARS,
    ID_COLUMN,
    BusyError,
    FramingError,
    InputError,
    OutputError,
    UsageError,
    missing_file,
)
from framing.judges.flags import QualityFlagger
from framing.judges.norms import norms_file

INPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
OUTPUT_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
MANIFEST_VERSION = 2  # 2: inputs by size and SHA-256; parts journal with checksums
MAX_WARNINGS = 50


@dataclass
class Record:
    """One input record: its id, its text (any object; validated by the scorer) and where it came from."""

    id: str
    text: Any
    where: str
    error: str | None = None
    kept: tuple = ()  # the values of the ``keep`` fields, as strings (None when absent)


@dataclass
class Source:
    """One input file and how to read it."""

    path: Path
    kind: str  # "text", "jsonl", "csv" or "parquet"
    id_prefix: str = ""

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:  # gone or unreadable since it was found: its reader says so
            return 0


@dataclass
class Progress:
    """Counts shared by the readers and the progress line."""

    total_bytes: int
    bytes_read: int = 0
    docs: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)
    start_bytes: int = 0
    last_print: float = 0.0


# -- inputs ---------------------------------------------------------------------------------------
def clean_text(value: str) -> str:
    """``value`` if UTF-8 can encode it, else with its lone surrogates written as ``\\udc80``
    escapes: a lone surrogate in an id, a kept field or a file name that is not UTF-8 cannot go into
    a UTF-8 file, and must not stop the run."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _walk_error(err: OSError) -> None:
    raise InputError(f"{err.filename}: cannot read folder: {err.strerror or err}")


def find_sources(inputs: Sequence[str | os.PathLike]) -> list[Source]:
    """Files to read, in the order given; folders give their ``.txt`` files, sorted by path.

    A folder (or subfolder) that cannot be listed stops the command (:class:`InputError`): its files
    would be lost without a word."""
    sources: list[Source] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = []
            for folder, _, names in os.walk(path, onerror=_walk_error):
                files += [Path(folder, n) for n in names if n.endswith(".txt")]
            files = sorted(p for p in files if p.is_file())
            if not files:
                raise InputError(f"{name}: no .txt files in this folder (JSONL, CSV and Parquet files are named one by one)")
            for file in files:
                sources.append(Source(file, "text", file.relative_to(path).with_suffix("").as_posix()))
        elif path.is_file():
            kind = INPUT_FORMATS.get(path.suffix.lower(), "text")
            sources.append(Source(path, kind, path.stem if kind == "text" else path.name))
        elif path.exists() or path.is_symlink():
            raise InputError(f"{name}: not a file or folder (or a broken link)")
        else:
            raise InputError(missing_file(name))
    return sources


_WIDE_BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


def check_source(source: Source, text_field: str) -> None:
    """Stop before anything is written if a JSONL, CSV or Parquet input cannot be read at all: not
    readable, UTF-16/32 text, no text column. (Text files are checked one by one: an unreadable one
    gives an error row.)"""
    if source.kind == "text":
        return
    try:
        with source.path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as err:
        raise InputError(f"{source.path}: cannot read: {err.strerror or err}") from None
    if source.kind in ("jsonl", "csv"):
        for bom, name in _WIDE_BOMS.items():
            if head.startswith(bom):
                raise InputError(f"{source.path}: {name} text (byte-order mark); framing reads UTF-8: convert it first "
                                 f"(iconv -f {name} -t UTF-8)")
        if head.count(b"\x00") * 10 > len(head):  # UTF-16 without a byte-order mark, or binary
            raise InputError(f"{source.path}: mostly NUL bytes (UTF-16 or binary?); framing reads UTF-8 text")
    if source.kind == "csv":
        if b"\r" in head and b"\n" not in head:
            raise InputError(f"{source.path}: lines end in CR only (old Mac text); framing reads LF or CRLF: convert "
                             "it first (tr '\\r' '\\n')")
        header = _csv_header(source)
        if header is not None and text_field not in header:
            raise InputError(f"{source.path}: no column {text_field!r} (columns: {_names(header)}); see --text-field")
    elif source.kind == "parquet":
        pq = _import_optional("pyarrow.parquet", "parquet")
        try:
            names = pq.ParquetFile(source.path).schema_arrow.names
        except Exception as err:  # pyarrow raises its own types for a file that is not Parquet
            raise InputError(f"{source.path}: not a readable Parquet file: {err}") from None
        if text_field not in names:
            raise InputError(f"{source.path}: no column {text_field!r} (columns: {_names(names)}); see --text-field")


def _names(names: Sequence[str]) -> str:
    """Column names for a one-line message (the first 20, each cut at 40 characters)."""
    shown = [n if len(n) <= 40 else n[:37] + "..." for n in map(str, names[:20])]
    return clean_text(", ".join(shown) + (f", ... ({len(names)} in all)" if len(names) > 20 else ""))


def _text_record(source: Source, max_chars: int | None) -> Record:
    where = str(source.path)
    try:
        if max_chars is not None and source.size > 4 * max_chars:  # > max_chars characters in any UTF-8
            return Record(source.id_prefix, None, where, f"text longer than max_chars={max_chars} ({source.size} bytes)")
        data = source.path.read_bytes()
    except OSError as err:
        return Record(source.id_prefix, None, where, f"unreadable file: {err.strerror or err}")
    try:
        return Record(source.id_prefix, data.decode("utf-8"), where)
    except UnicodeDecodeError as err:
        return Record(source.id_prefix, None, where, f"undecodable file: not UTF-8 at byte {err.start}")


def _field_id(record: dict, id_field: str, fallback: str) -> str:
    value = record.get(id_field)
    return fallback if value is None or value == "" else str(value)


def _kept(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):  # NaN is fine; only absurd nesting fails
        return repr(value)


def _jsonl_records(
    source: Source, id_field: str, text_field: str, progress: Progress, skip: int, keep: Sequence[str] = ()
) -> Iterator[Record | None]:
    n = 0
    with source.path.open("rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            progress.bytes_read += len(raw)
            if not raw.strip():
                continue  # blank lines are not records (JSON Lines)
            n += 1
            if n <= skip:
                yield None  # skipped: counted, not parsed
                continue
            where, fallback = f"{source.path}:{lineno}", f"{source.id_prefix}:{lineno}"
            try:
                # UTF-8 only (json.loads of bytes would guess UTF-16/32 line by line)
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield Record(fallback, None, where, f"undecodable line: not UTF-8 at byte {err.start}")
                continue
            try:
                value = json.loads(line)
            except ValueError as err:
                yield Record(fallback, None, where, f"malformed JSON: {err}")
                continue
            except RecursionError:
                yield Record(fallback, None, where, "malformed JSON: nested too deeply")
                continue
            if not isinstance(value, dict):
                yield Record(fallback, None, where, f"not a JSON object: {type(value).__name__}")
                continue
            kept = tuple(_kept(value.get(name)) for name in keep)
            if text_field not in value:
                yield Record(_field_id(value, id_field, fallback), None, where, f"no {text_field!r} field", kept)
            else:
                yield Record(_field_id(value, id_field, fallback), value[text_field], where, None, kept)


#: Stands for a bare CR while the csv module parses a line (it ends an unquoted field there).
_CR = "\uf8ff"
_BARE_CR = re.compile(r"\r(?!\n)")


def _csv_lines(handle, progress: Progress | None, bad_lines: set[int], bare_cr: list[bool], cr_lines: set[int] | None = None) -> Iterator[str]:
    """Decoded lines for the csv module; a bare CR inside a line (old Mac line ends pasted into a
    field) becomes :data:`_CR`, restored in the fields of that row, instead of breaking the row
    (``cr_lines``: the lines where it did)."""
    for lineno, raw in enumerate(handle, 1):
        if progress is not None:
            progress.bytes_read += len(raw)
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError:
            bad_lines.add(lineno)
            line = raw.decode("utf-8", errors="replace")
        if "\r" in line and _CR not in line:
            fixed = _BARE_CR.sub(_CR, line)
            if fixed != line:
                line, bare_cr[0] = fixed, True
                if cr_lines is not None:
                    cr_lines.add(lineno)
        yield line


def _csv_header(source: Source) -> list[str] | None:
    csv.field_size_limit(sys.maxsize)
    with source.path.open("rb") as handle:
        bare_cr = [False]
        reader = csv.reader(_csv_lines(handle, None, set(), bare_cr))
        try:
            header = next(reader, None)
            return header if header is None or not bare_cr[0] else [f.replace(_CR, "\r") for f in header]
        except csv.Error as err:
            raise InputError(f"{source.path}:1: malformed CSV header: {err}") from None


def _csv_records(
    source: Source, id_field: str, text_field: str, progress: Progress, skip: int, keep: Sequence[str] = ()
) -> Iterator[Record | None]:
    csv.field_size_limit(sys.maxsize)
    bad_lines: set[int] = set()
    bare_cr = [False]
    cr_lines: set[int] = set()
    with source.path.open("rb") as handle:
        reader = csv.reader(_csv_lines(handle, progress, bad_lines, bare_cr, cr_lines))
        try:
            header = next(reader, None)
        except csv.Error as err:
            raise InputError(f"{source.path}:1: malformed CSV header: {err}") from None
        if header is None:
            return
        if bare_cr[0]:
            header = [f.replace(_CR, "\r") for f in header]
        if text_field not in header:
            raise InputError(f"{source.path}: no column {text_field!r} (columns: {', '.join(header)}); see --text-field")
        text_at, id_at = header.index(text_field), header.index(id_field) if id_field in header else None
        keep_at = [header.index(name) if name in header else None for name in keep]
        first = reader.line_num + 1
        n = 0
        while True:
            problem = None
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as err:  # a NUL, or a quote the csv module cannot place: this record only
                row, problem = [], f"malformed CSV row: {err}"
            if bare_cr[0] and any(line in cr_lines for line in range(first, reader.line_num + 1)):
                row = [f.replace(_CR, "\r") for f in row]  # only in the rows whose CRs were replaced
            n += 1
            if n <= skip:
                first = reader.line_num + 1
                yield None
                continue
            span = range(first, reader.line_num + 1)
            where = f"{source.path}:{first}"
            fallback = f"{source.id_prefix}:{first}"
            first = reader.line_num + 1
            row_id = row[id_at] if id_at is not None and id_at < len(row) and row[id_at] != "" else fallback
            kept = tuple(row[i] if i is not None and i < len(row) else None for i in keep_at)
            if problem is not None:
                yield Record(row_id, None, where, problem, kept)
            elif any(line in bad_lines for line in span):
                yield Record(row_id, None, where, "undecodable line: not UTF-8", kept)
            elif len(row) != len(header):
                yield Record(row_id, None, where, f"malformed CSV row: {len(row)} fields, header has {len(header)}", kept)
            else:
                yield Record(row_id, row[text_at], where, None, kept)


def _parquet_records(
    source: Source, id_field: str, text_field: str, progress: Progress, skip: int, keep: Sequence[str] = ()
) -> Iterator[Record | None]:
    pq = _import_optional("pyarrow.parquet", "parquet")
    file = pq.ParquetFile(source.path)
    names = file.schema_arrow.names
    if text_field not in names:
        raise InputError(f"{source.path}: no column {text_field!r} (columns: {', '.join(names)}); see --text-field")
    wanted = list(dict.fromkeys([text_field] + [n for n in (id_field, *keep) if n in names]))
    per_row = source.size / max(file.metadata.num_rows, 1)
    n = 0
    for batch in file.iter_batches(batch_size=DEFAULT_CHUNK_SIZE, columns=wanted):
        texts = batch.column(text_field).to_pylist()
        ids = batch.column(id_field).to_pylist() if id_field in wanted else [None] * len(texts)
        kept_columns = [batch.column(n).to_pylist() if n in wanted else [None] * len(texts) for n in keep]
        for row, (text, row_id) in enumerate(zip(texts, ids)):
            n += 1
            progress.bytes_read = min(progress.bytes_read + per_row, progress.total_bytes)
            if n <= skip:
                yield None
                continue
            kept = tuple(_kept(column[row]) for column in kept_columns)
            row_id = f"{source.id_prefix}:{n}" if row_id is None else str(row_id)
            yield Record(row_id, text, f"{source.path}:row {n}", None, kept)


def iter_records(
    sources: Sequence[Source],
    *,
    id_field: str = "id",
    text_field: str = "text",
    max_chars: int | None = DEFAULT_MAX_CHARS,
    progress: Progress | None = None,
    skip: int = 0,
    keep: Sequence[str] = (),
) -> Iterator[Record]:
    """All records of ``sources`` in order, after skipping the first ``skip`` (cheaply: text files are not read)."""
    progress = progress if progress is not None else Progress(total_bytes=0)
    readers: dict[str, Callable[..., Iterator[Record | None]]] = {
        "jsonl": _jsonl_records,
        "csv": _csv_records,
        "parquet": _parquet_records,
    }
    for source in sources:
        if source.kind == "text":
            progress.bytes_read += source.size
            if skip > 0:
                skip -= 1
                progress.start_bytes = progress.bytes_read  # rates count only what this run scores
                continue
            yield _cleaned(_text_record(source, max_chars), len(keep))
            continue
        try:
            for record in readers[source.kind](source, id_field, text_field, progress, skip, keep):
                if record is None:  # the reader skipped one
                    skip -= 1
                    progress.start_bytes = progress.bytes_read
                    continue
                if max_chars is not None and isinstance(record.text, str) and len(record.text) > max_chars:
                    # the scorer would refuse it too; dropping the text here keeps it out of the worker queue
                    record.error = f"text longer than max_chars={max_chars} ({len(record.text)} characters)"
                    record.text = None
                yield _cleaned(record, len(keep))
        except OSError as err:  # the file vanished or the disk failed mid-read
            raise InputError(f"{source.path}: cannot read: {err.strerror or err}") from None


def _cleaned(record: Record, n_keep: int) -> Record:
    """Every record leaves the readers with one kept value per ``keep`` field (error rows too) and
    with an id, kept values and location that UTF-8 can write."""
    if len(record.kept) != n_keep:
        record.kept = (None,) * n_keep
    record.id = clean_text(record.id)
    record.where = clean_text(record.where)
    if any(isinstance(k, str) for k in record.kept):
        record.kept = tuple(clean_text(k) if isinstance(k, str) else k for k in record.kept)
    return record


def _import_optional(module: str, extra: str):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as err:
        raise UsageError(f"{module} is needed here: pip install 'framing-analyzer[{extra}]' ({err})") from None


# -- scoring one chunk (runs in worker processes) -------------------------------------------------
def score_chunk(
    ids: list[str], texts: list[Any], errors: list[str | None], options: dict[str, Any], kept: list[tuple] | None = None
) -> pd.DataFrame:
    """The output rows for one chunk: ``id``, the kept fields, the scores, the flags if asked, ``error``."""
    config = options["config"]
    field_name = options.get("language_field")
    if field_name and texts:  # one language per record: its field, else the run's language
        at = options["read"].index(field_name)
        config = config.replace(language=tuple(
            (k[at] if k and isinstance(k[at], str) and k[at].strip() else config.language) for k in (kept or [()] * len(texts))
        ))  # fmt: skip
    frame = score(texts, config=config)
    frame.index = pd.RangeIndex(len(texts))
    if options["flags"]:
        # from the chunk's scores: nothing is scored twice
        flags = QualityFlagger(register=options.get("register", "news")).flag(frame)
        for name in flags.columns:
            if name not in frame.columns:
                values = flags[name]
                if values.dtype == object and any(isinstance(v, list) for v in values):
                    values = values.map(lambda v: "; ".join(v) if isinstance(v, list) else v)  # one cell, any format
                # .array keeps a nullable boolean column boolean when error rows hold <NA> (to_numpy
                # made it an object column, which Parquet could not write)
                frame.insert(len(frame.columns) - 1, name, values.array)
    reader_errors = pd.Series(errors, dtype=object)
    frame[ERROR_COLUMN] = reader_errors.where(reader_errors.notna(), frame[ERROR_COLUMN]).astype(object)
    frame.insert(0, ID_COLUMN, pd.Series(ids, dtype=object))
    for i, name in enumerate(options.get("keep", ())):
        frame.insert(1 + i, name, pd.Series([k[i] for k in kept] if kept else [None] * len(ids), dtype=object))
    return frame


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        return _cell(value.item())
    return value


#: A cell starting with one of these is a formula to a spreadsheet (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """``value`` with a ``'`` before it when it is text that a spreadsheet would run as a formula
    (``=HYPERLINK(...)``, ``+1+cmd``, ``@SUM``, a leading tab or CR); numbers (also ``-3.5`` as
    text) and everything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The text columns of ``frame`` made :func:`spreadsheet_safe`; number columns untouched."""
    text = _text_columns(frame)
    if not text:
        return frame
    frame = frame.copy()
    for name in text:
        frame[name] = frame[name].map(spreadsheet_safe).astype(object)
    return frame


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [name for name in frame.columns if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name])]


def csv_rows(frame: pd.DataFrame) -> str:
    """The rows of ``frame`` as CSV without a header. A row whose text holds a bare CR is written
    with every text cell quoted (the csv module leaves a CR unquoted when lines end in LF, and
    readers then split the row); the others as pandas writes them. Each row's bytes depend only on
    the row, so the output is the same for any chunk size."""
    text = _text_columns(frame)
    has_cr = np.zeros(len(frame), dtype=bool)
    for name in text:
        has_cr |= frame[name].map(lambda v: isinstance(v, str) and "\r" in v).to_numpy(dtype=bool)
    if not has_cr.any():
        return frame.to_csv(header=False, index=False, lineterminator="\n")
    out = []
    change = np.flatnonzero(np.diff(has_cr.astype(np.int8))) + 1
    for lo, hi in zip(np.r_[0, change], np.r_[change, len(frame)]):
        quoting = csv.QUOTE_NONNUMERIC if has_cr[lo] else csv.QUOTE_MINIMAL
        out.append(frame.iloc[lo:hi].to_csv(header=False, index=False, lineterminator="\n", quoting=quoting))
    return "".join(out)


def csv_header(columns: Sequence[str], raw: bool = False) -> str:
    names = list(columns) if raw else [spreadsheet_safe(n) for n in columns]
    return pd.DataFrame(columns=names).to_csv(index=False, lineterminator="\n")


def write_part(frame: pd.DataFrame, path: Path, fmt: str, csv_raw: bool = False) -> tuple[int, str]:
    """Write one chunk's rows to ``path`` atomically and durably (CSV without header; JSONL;
    Parquet): a temporary file, fsynced, renamed, the folder fsynced. Returns the part's size and
    SHA-256 (for the journal). Raises :class:`OutputError` when it cannot be written."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8", newline="") as handle:
                handle.write(csv_rows(frame if csv_raw else csv_safe_frame(frame)))
        elif fmt == "jsonl":
            # floats as Python's shortest round-trip repr (pandas' writer rounds to 10 digits)
            names = list(frame.columns)
            with tmp.open("w", encoding="utf-8", newline="\n") as handle:
                for row in frame.itertuples(index=False, name=None):
                    handle.write(json.dumps(dict(zip(names, map(_cell, row))), ensure_ascii=False) + "\n")
        elif fmt == "parquet":
            pa = _import_optional("pyarrow", "parquet")
            pq = _import_optional("pyarrow.parquet", "parquet")
            schema = pa.schema([(name, _arrow_type(pa, frame[name])) for name in frame.columns])
            pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), tmp)
        else:
            raise ValueError(f"unknown output format {fmt!r}")
        replace_durably(tmp, path)
        return file_digest(path)
    except OSError as err:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise OutputError(f"cannot write {err.filename or path}: {err.strerror or err}") from None


def _arrow_type(pa, column: pd.Series):
    if pd.api.types.is_bool_dtype(column):
        return pa.bool_()
    if pd.api.types.is_integer_dtype(column) and pd.api.types.is_extension_array_dtype(column):
        return pa.int64()  # the sentence table's nullable counts and offsets
    if pd.api.types.is_numeric_dtype(column):
        return pa.float64()
    return pa.string()  # ids, error, reasons: also when a chunk has only None


def sentence_chunk(ids: list[str], texts: list[Any], errors: list[str | None], options: dict[str, Any]) -> pd.DataFrame:
    """The sentence-table rows for one chunk (:func:`framing.sentences`); a record the reader could
    not read gives its one row with the reader's reason in ``error``."""
    from framing.faces.sentences import _document_rows, _frame

    config = options["config"]
    rows: list[dict[str, Any]] = []
    for doc_id, text, error in zip(ids, texts, errors):
        found = _document_rows(doc_id, text, config, False)
        if error is not None:
            for row in found:
                row[ERROR_COLUMN] = error
        rows += found
    return _frame(rows, config, False)


def _score_part(job: tuple) -> dict[str, Any]:
    """Score one chunk; write its part of every table on disk (``paths``: table -> part path or
    None, for the scores kept in memory). Returns the errors, the in-memory scores if any, and each
    written part's journal entry."""
    ids, texts, errors, kept, options, paths, fmts = job
    frame = score_chunk(ids, texts, errors, options, kept)
    result: dict[str, Any] = {"errors": frame[ERROR_COLUMN].tolist(), "parts": {}}
    for table, path in paths.items():
        if table == "scores" and path is None:
            result["frame"] = frame
            continue
        rows = frame if table == "scores" else sentence_chunk(ids, texts, errors, options)
        size, digest = write_part(rows, path, fmts[table], csv_raw=options.get("csv_raw", False))
        result["parts"][table] = {"rows": len(rows), "bytes": size, "sha256": digest}
    return result


@dataclass
class _Table:
    """One table a run writes: the scores (``output`` None: kept in memory) or the sentences."""

    name: str
    output: Path | None
    fmt: str | None
    partial: Path | None = None
    done: dict[int, dict[str, Any]] = field(default_factory=dict)
    journal: _Journal | None = None

    def empty(self, options: dict[str, Any]) -> pd.DataFrame:
        if self.name == "scores":
            return score_chunk([], [], [], options)
        return sentence_chunk([], [], [], options)


# -- the run --------------------------------------------------------------------------------------
def _fingerprint(sources: Sequence[Source]) -> list[list[Any]]:
    """Every input's path, kind, size and SHA-256 (None when it cannot be read: its records say so)."""
    found = []
    for s in sources:
        try:
            size, digest = file_digest(s.path)
        except OSError:
            size, digest = s.size, None
        found.append([clean_text(str(s.path.resolve())), s.kind, size, digest])
    return found


def _human_bytes(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _print_progress(progress: Progress, final: bool = False) -> None:
    now = time.perf_counter()
    if not final and now - progress.last_print < 0.5:
        return
    progress.last_print = now
    elapsed = max(now - progress.started, 1e-9)
    rate = progress.docs / elapsed
    scored = progress.bytes_read - progress.start_bytes
    line = f"{progress.docs:,} documents, {rate:,.0f} docs/s, {scored / elapsed / 1e6:,.1f} MB/s"
    if progress.total_bytes:
        done = min(progress.bytes_read / progress.total_bytes, 1.0)
        bar = "#" * int(20 * done) + "." * (20 - int(20 * done))
        line = f"[{bar}] {line}, {done:.0%} of {_human_bytes(progress.total_bytes)}"
        if not final and scored > 0:
            eta = elapsed * (progress.total_bytes - progress.bytes_read) / scored
            line += f", ETA {int(eta) // 3600}:{int(eta) % 3600 // 60:02d}:{int(eta) % 60:02d}"
    line = "framing: " + line
    if progress.errors:
        line += f", {progress.errors:,} errors"
    print(f"\r{line}\033[K", end="\n" if final else "", file=sys.stderr, flush=True)


class _Warnings:
    def __init__(self, progress: bool) -> None:
        self.count = 0
        self.clear, self.end = ("\r", "\033[K") if progress else ("", "")  # over the progress line

    def __call__(self, where: str, error: str) -> None:
        self.count += 1
        if self.count <= MAX_WARNINGS:
            print(f"{self.clear}framing: warning: {where}: {error}{self.end}", file=sys.stderr)
        elif self.count == MAX_WARNINGS + 1:
            print(f"{self.clear}framing: warning: more records with errors; see the error column{self.end}", file=sys.stderr)


def _json_safe(value: Any) -> Any:
    """A user's option as it goes into the manifest: paths as strings, mappings as they are."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return repr(value)


def _config_digest(config: Config) -> str:
    """A checksum of what the configuration computes (patterns and lexicons by content), so a
    resumed run with an edited pattern or lexicon file is refused."""
    import hashlib

    content = {
        "signals": list(config.signals),
        "compat": config.compat,
        "patterns": config.patterns.to_dict(),
        "definitions": dict(config.patterns.definitions),
        "lexicons": [repr(lex) for lex in config.lexicons],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=repr).encode()).hexdigest()


def _batched(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(islice(records, size)):
        yield chunk


def score_files(
    inputs: Sequence[str | os.PathLike],
    output: str | os.PathLike | None = None,
    *,
    signals: Sequence[str] | None = None,
    flags: bool = False,
    register: str = "news",
    compat: str | None = None,
    id_field: str = "id",
    text_field: str = "text",
    keep: Sequence[str] = (),
    max_chars: int | None = DEFAULT_MAX_CHARS,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    resume: bool = False,
    progress: bool = False,
    lexicons: Any = None,
    patterns: Any = None,
    csv_raw: bool = False,
    sentences: str | os.PathLike | None = None,
    language: str | None = None,
    language_field: str | None = None,
) -> pd.DataFrame | Path:
    """Score files of records in chunks; write ``output`` atomically, or return a DataFrame.

    Parameters
    ----------
    inputs : list of path
        Text files, folders of ``.txt`` files, ``.jsonl``/``.ndjson``, ``.csv`` or ``.parquet`` files.
    output : path, optional
        ``.csv``, ``.jsonl`` or ``.parquet``. Without it, the rows are returned (all in memory).
    signals, compat
        As in :func:`framing.score`.
    flags : bool, default False
        Add the quality-flag columns of ``framing.flag``.
    register : {"news", "web"}, default "news"
        The reference norms the flags compare with (:data:`framing.judges.norms.REGISTERS`).
    id_field, text_field : str
        Field (JSONL) or column (CSV, Parquet) names. Records without an id get ``file:line``
        (``file:row n`` for Parquet); text files are named by their path without ``.txt``.
    keep : list of str
        Fields copied to the output after ``id`` (e.g. ``source``, for ``framing summary``), as
        strings; empty for text files.
    max_chars : int, optional
        Longer texts get an ``error`` row instead of scores.
    jobs : int, default 1
        Worker processes; the output is identical for any value.
    chunk_size : int, default 1000
        Records per chunk: memory grows with ``jobs * chunk_size``.
    resume : bool, default False
        Continue an interrupted run of the same command (see the module docstring).
    progress : bool, default False
        Print documents/s, MB/s and an ETA on standard error.
    lexicons, patterns : optional
        Frame sets and boilerplate patterns, as in :func:`framing.score` (files or mappings).
    csv_raw : bool, default False
        Write CSV text cells as they are. By default a text cell that a spreadsheet would run as a
        formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR; not a number) gets a ``'``
        before it (:func:`spreadsheet_safe`).
    language : str, optional
        The records' language: ``"auto"`` (default: detected per record) or a code (``"de"``), as
        in :func:`framing.score`; with ``compat="textstat"``, textstat's language.
    language_field : str, optional
        A field (JSONL) or column (CSV, Parquet) holding each record's language code; a record
        without it (or with an empty value) gets ``language``; a value that is not a language
        code gives that record an ``error``.
    sentences : path, optional
        Also write the sentence table of the same records (:func:`framing.sentences`, without the
        sentence text) to this ``.csv``, ``.jsonl`` or ``.parquet``, with the same guarantees as
        ``output`` (see the module docstring).

    Raises
    ------
    FramingError
        :class:`UsageError`, :class:`InputError`, :class:`OutputError` or :class:`BusyError`, with
        a one-line message naming the file and the cause.

    Returns
    -------
    pandas.DataFrame or pathlib.Path
        The rows (``id`` first, ``error`` last) when ``output`` is None, else the output path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"id": 7, "text": "A cat sat."}\\n{"id": 8}\\n', encoding="utf-8")
    >>> rows = score_files([folder / "a.jsonl"], signals=["readability"])
    >>> rows[["id", "text.words", "error"]]
      id  text.words             error
    0  7         3.0              None
    1  8         NaN  no 'text' field
    """
    try:
        config = Config(signals=signals, compat=compat, lexicons=lexicons, patterns=patterns, language=language)
    except (OSError, ValueError, TypeError, RecursionError) as err:
        raise UsageError(str(err) if not isinstance(err, RecursionError) else "an option file is nested too deeply") from None
    options = {
        "signals": list(config.signals),
        "compat": config.compat,
        "lexicons": [lex.name for lex in config.lexicons],
        "patterns": _json_safe(patterns),
        "flags": bool(flags),
        "register": register,
        "max_chars": max_chars,
        "keep": list(keep),
        "csv_raw": bool(csv_raw),
        "language": config.language,
        "language_field": language_field,
        "read": list(dict.fromkeys([*keep, *([language_field] if language_field else [])])),
    }
    if language_field and config.compat is not None:
        raise UsageError("--language-field is for the default mode; compat='textstat' has one language per run")
    try:
        norms_file(register)  # the one check of a register's name
    except ValueError as err:
        raise UsageError(str(err)) from None
    if any(name in (ID_COLUMN, ERROR_COLUMN) or "." in name for name in keep):
        raise UsageError(f"--keep fields may not be named id or error or hold a dot: {list(keep)}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs must be a positive integer, got {jobs!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise UsageError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise UsageError(f"max_chars must be a positive integer or None, got {max_chars!r}")
    tables = [_Table("scores", None if output is None else Path(output), None)]
    if sentences is not None:
        tables.append(_Table("sentences", Path(sentences), None))
    for table in tables:
        if table.output is None:
            continue
        table.fmt = OUTPUT_FORMATS.get(table.output.suffix.lower())
        if table.fmt is None:
            flag = "-o" if table.name == "scores" else "--sentences"
            raise UsageError(f"{flag} {table.output}: unknown output format {table.output.suffix!r}; use .csv, .jsonl or .parquet")
        if table.fmt == "parquet":
            _import_optional("pyarrow.parquet", "parquet")
        table.partial = table.output.with_name(table.output.name + ".partial")
    if len(tables) == 2 and tables[0].output is not None and tables[0].output.resolve() == tables[1].output.resolve():
        raise UsageError(f"--sentences {tables[1].output} is also -o: choose another file for the sentence table")
    sources = find_sources(inputs)
    if any(s.kind == "parquet" for s in sources):
        _import_optional("pyarrow.parquet", "parquet")
    for source in sources:
        check_source(source, text_field)  # before anything is written
    written = [t for t in tables if t.output is not None]
    for table in written:
        _check_output(table.output, sources)
    with contextlib.ExitStack() as stack:
        for table in written:
            stack.enter_context(OutputLock(table.output))
            _remove_stale_joins(table.output)
        return _run(sources, tables, config, options, id_field, text_field, max_chars, jobs, chunk_size, resume, progress)


def _check_output(output: Path, sources: Sequence[Source]) -> None:
    """Refuse an output that is an input, or whose folder is missing or not writable."""
    folder = output.parent
    if not folder.is_dir():
        raise OutputError(f"{output}: no such folder {folder}")
    if output.is_dir():
        raise OutputError(f"{output}: is a folder")
    target = output.resolve()
    for source in sources:
        same = source.path.resolve() == target
        if not same and output.exists():
            try:
                same = os.path.samefile(source.path, output)
            except OSError:
                same = False
        if same:
            raise UsageError(f"-o {output} is also an input: it would replace the corpus with its scores; choose another -o")
    # whether the folder is writable is found by writing (the lock file): the error names the cause


def _remove_stale_joins(output: Path) -> None:
    """The temporary files of joins that a killed run left beside ``output`` (we hold its lock)."""
    for stale in output.parent.glob(f".{glob_escape(output.name)}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _run(
    sources: list[Source],
    tables: list[_Table],
    config: Config,
    options: dict[str, Any],
    id_field: str,
    text_field: str,
    max_chars: int | None,
    jobs: int,
    chunk_size: int,
    resume: bool,
    progress: bool,
) -> pd.DataFrame | Path:
    state = Progress(total_bytes=sum(s.size for s in sources))
    warn = _Warnings(progress)
    scores = tables[0]
    on_disk = [t for t in tables if t.partial is not None]
    for table in on_disk:
        manifest = {
            "version": MANIFEST_VERSION,
            "format": table.fmt,
            "chunk_size": chunk_size,
            "options": options | {"id_field": id_field, "text_field": text_field},
            "config": _config_digest(config),
            "inputs": _fingerprint(sources),
        }
        if table.name != "scores":
            manifest["table"] = table.name
        table.done = _prepare_partial(table.partial, manifest, resume, table.fmt, chunk_size if table.name == "scores" else None)
        table.journal = _Journal(table.partial, table.done)
    # skip the chunks already written at the start of the input (in every table) without scoring
    # them or re-reading text files; the scores kept in memory are never skipped
    prefix = 0
    if scores.output is not None:
        while all(prefix in t.done for t in tables):
            prefix += 1
    options["config"] = config  # sent to every worker with its chunk; not part of the JSON manifest
    records = iter_records(
        sources,
        id_field=id_field,
        text_field=text_field,
        max_chars=max_chars,
        progress=state,
        skip=prefix * chunk_size,
        keep=options["read"],
    )
    state.started = time.perf_counter()

    frames: list[pd.DataFrame] = []
    pending: deque[tuple[Future | Any, list[str], int]] = deque()
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start) if jobs > 1 else None
    n_chunks = prefix
    fmts = {t.name: t.fmt for t in tables}

    def journal(result: dict[str, Any], k: int) -> None:
        for table in on_disk:
            if table.name in result["parts"]:
                table.journal.add(k, result["parts"][table.name])  # the part is on disk (fsynced, renamed)

    def finish(result: dict[str, Any], wheres: list[str], k: int) -> None:
        if "frame" in result:
            frames.append(result["frame"])
        journal(result, k)
        for where, error in zip(wheres, result["errors"]):
            if error is not None:
                state.errors += 1
                warn(where, error)
        state.docs += len(wheres)
        if progress:
            _print_progress(state)

    def already_written(k: int, n: int) -> bool:
        """Chunk ``k`` (of ``n`` records) is on disk in every table; a part that cannot hold it is dropped."""
        if scores.output is None or not all(k in t.done for t in tables):
            return False
        if scores.done[k]["rows"] == n and all(t.done[k]["rows"] >= n for t in tables[1:]):
            return True
        for table in tables:
            if table.done[k]["rows"] != n and not (table.name != "scores" and table.done[k]["rows"] >= n):
                warn(f"{table.partial}/{_part_name(k, table.fmt)}", f"holds {table.done[k]['rows']} rows for {n} records; "
                     "scoring its chunk again")  # fmt: skip
        for table in tables:
            table.done.pop(k, None)
        return False

    try:
        for k, chunk in enumerate(_batched(records, chunk_size), start=prefix):
            n_chunks = k + 1
            if already_written(k, len(chunk)):
                continue
            paths = {t.name: None if t.partial is None else t.partial / _part_name(k, t.fmt) for t in tables}
            job = (
                [r.id for r in chunk],
                [r.text for r in chunk],
                [r.error for r in chunk],
                [r.kept for r in chunk],
                options,
                paths,
                fmts,
            )
            wheres = [r.where for r in chunk]
            if pool is None:
                finish(_score_part(job), wheres, k)
                continue
            pending.append((pool.submit(_score_part, job), wheres, k))
            while len(pending) >= 2 * jobs:  # bounded memory: wait for the oldest chunk
                future, where_list, kk = pending.popleft()
                finish(future.result(), where_list, kk)
        while pending:
            future, where_list, kk = pending.popleft()
            finish(future.result(), where_list, kk)
    except BaseException as err:
        for future, _, _ in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        # the parts that workers finished while the run stopped are on disk: journal them, so a
        # resume keeps them instead of scoring them again
        try:
            for future, _, kk in pending:
                if future.done() and not future.cancelled() and future.exception() is None:
                    journal(future.result(), kk)
        except OutputError:
            pass
        for table in on_disk:
            table.journal.close()
        kept = [str(t.partial) for t in on_disk if t.partial.exists()]
        hint = ""
        if kept:
            hint = f"the chunks written so far are kept in {' and '.join(kept)}; run the same command with --resume to continue"
        if isinstance(err, KeyboardInterrupt):
            if hint:
                print(f"\nframing: stopped; {hint}", file=sys.stderr)
            raise
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(err, BrokenProcessPool):
            raise FramingError(f"a worker process died (out of memory, or killed){'; ' + hint if hint else ''}") from None
        if isinstance(err, FramingError):
            raise type(err)(f"{err}{'; ' + hint if hint else ''}") from None
        if hint:
            print(f"framing: {hint}", file=sys.stderr)
        raise
    if pool is not None:
        pool.shutdown()
    if progress:
        _print_progress(state, final=True)
    if warn.count > MAX_WARNINGS:
        print(f"framing: {warn.count:,} records with errors (see the error column)", file=sys.stderr)
    if state.docs == 0 and prefix == 0 and on_disk:
        print(f"framing: no records in the inputs; writing {' and '.join(str(t.output) for t in on_disk)} "
              "with the columns and no rows", file=sys.stderr)  # fmt: skip
    for table in on_disk:
        table.journal.close()
        empty = table.empty(options)
        empty.attrs["csv_raw"] = options.get("csv_raw", False)
        try:
            _join_parts(table.partial, table.journal.entries, n_chunks, table.output, table.fmt, empty)
        except OSError as err:
            raise OutputError(
                f"cannot write {table.output}: {err.strerror or err}; the chunks are kept in {table.partial}; "
                "run the same command with --resume to join them"
            ) from None
    for table in on_disk:
        shutil.rmtree(table.partial, ignore_errors=True)
    if scores.output is None:
        if frames:
            return pd.concat(frames, ignore_index=True)
        return score_chunk([], [], [], options)
    return scores.output


def _worker_start() -> None:
    """Workers die on SIGTERM (the default), whatever handler the command installed before they forked."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _part_name(k: int, fmt: str) -> str:
    return f"part-{k:08d}.{fmt}"


class _Journal:
    """``OUT.partial/parts.jsonl``: one line per part once it is on disk (its rows, size, SHA-256),
    appended and fsynced, so a resumed run can verify every part it keeps."""

    def __init__(self, partial: Path, verified: dict[int, dict[str, Any]]) -> None:
        self.path = partial / "parts.jsonl"
        self.entries = dict(verified)
        tmp = self.path.with_suffix(".tmp")
        try:
            with tmp.open("w", encoding="utf-8") as handle:  # only the verified parts
                for k in sorted(verified):
                    handle.write(json.dumps({"part": k} | verified[k]) + "\n")
            replace_durably(tmp, self.path)
            self.handle = self.path.open("a", encoding="utf-8")
        except OSError as err:
            raise OutputError(f"cannot write {self.path}: {err.strerror or err}") from None

    def add(self, k: int, entry: dict[str, Any]) -> None:
        self.entries[k] = entry
        try:
            self.handle.write(json.dumps({"part": k} | entry) + "\n")
            self.handle.flush()
            os.fsync(self.handle.fileno())
        except OSError as err:
            raise OutputError(f"cannot write {self.path}: {err.strerror or err}") from None

    def close(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass


def _prepare_partial(partial: Path, manifest: dict, resume: bool, fmt: str, chunk_size: int | None) -> dict[int, dict[str, Any]]:
    """Create or check ``partial``; the verified parts already written there when resuming."""
    manifest_path = partial / "manifest.json"
    if resume and manifest_path.exists():
        try:
            found = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise BusyError(f"--resume: {manifest_path} is unreadable ({err}); run without --resume to start over") from None
        if found != json.loads(json.dumps(manifest)):
            raise BusyError(
                f"--resume: {partial} was made from other inputs or options; run without --resume to start over"
            )
        return _verified_parts(partial, fmt, chunk_size)
    if resume:
        print(f"framing: --resume: nothing to resume at {partial}; starting from the beginning", file=sys.stderr)
    elif partial.exists():
        print(f"framing: removing an earlier unfinished run at {partial} (use --resume to continue one)", file=sys.stderr)
    try:
        if partial.exists() or partial.is_symlink():
            if partial.is_dir() and not partial.is_symlink():
                shutil.rmtree(partial)
            else:
                partial.unlink()
        partial.mkdir()
        tmp = manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        replace_durably(tmp, manifest_path)
        fsync_dir(partial.parent)
    except OSError as err:
        raise OutputError(f"cannot write {err.filename or partial}: {err.strerror or err}") from None
    return {}


_PART = re.compile(r"part-(\d{8})\.(csv|jsonl|parquet)")


def _verified_parts(partial: Path, fmt: str, chunk_size: int | None) -> dict[int, dict[str, Any]]:
    """The parts of ``partial`` that match their journal entry (size and SHA-256, a plausible row
    count: at most ``chunk_size``, unless it is None, as for the sentence table); the others are
    removed, with a warning, to be scored again."""
    journal: dict[int, dict[str, Any]] = {}
    try:
        lines = (partial / "parts.jsonl").read_bytes().splitlines()
    except FileNotFoundError:
        lines = []
    except OSError as err:
        raise BusyError(f"--resume: cannot read {partial / 'parts.jsonl'}: {err.strerror or err}") from None
    for line in lines:
        try:
            entry = json.loads(line)
            k, rows, size, digest = entry["part"], entry["rows"], entry["bytes"], entry["sha256"]
            if not (isinstance(k, int) and isinstance(rows, int) and isinstance(size, int) and isinstance(digest, str)):
                continue
        except (ValueError, TypeError, KeyError):
            continue  # a line torn by a crash: its part is scored again
        journal[k] = {"rows": rows, "bytes": size, "sha256": digest}
    done: dict[int, dict[str, Any]] = {}
    for path in sorted(partial.iterdir()):
        name = path.name
        if name in ("manifest.json", "parts.jsonl"):
            continue
        match = _PART.fullmatch(name)
        if match is None or match.group(2) != fmt:
            if name.endswith(".tmp"):  # a part or journal being written when the run stopped
                path.unlink(missing_ok=True)
            else:
                print(f"framing: --resume: ignoring {path}: not a part of this run", file=sys.stderr)
            continue
        k = int(match.group(1))
        entry = journal.get(k)
        if entry is None:
            reason = "not in the journal (the run stopped as it was written)"
        else:
            try:
                size, digest = file_digest(path)
            except OSError as err:
                size, digest = -1, str(err)
            if size != entry["bytes"] or digest != entry["sha256"]:
                reason = f"its checksum does not match the journal ({size} bytes, {entry['bytes']} expected)"
            elif not 0 < entry["rows"] <= (chunk_size or entry["rows"]):
                reason = f"its row count {entry['rows']} is impossible"
            else:
                done[k] = entry
                continue
        print(f"framing: --resume: {path.name} failed verification: {reason}; scoring its chunk again", file=sys.stderr)
        try:
            path.unlink()
        except OSError as err:
            raise OutputError(f"cannot remove {path}: {err.strerror or err}") from None
    return done


def _join_parts(
    partial: Path, entries: dict[int, dict[str, Any]], n_chunks: int, output: Path, fmt: str, empty: pd.DataFrame
) -> None:
    """Join the parts into a temporary file next to ``output`` (each checked against its journal
    entry), fsync it, then rename it onto ``output``."""
    parts = [partial / _part_name(k, fmt) for k in range(n_chunks)]
    missing = [p.name for k, p in enumerate(parts) if k not in entries or not p.exists()]
    if missing:
        raise FramingError(f"parts missing from {partial}: {missing[:5]}; run the same command with --resume")
    for k, part in enumerate(parts):
        if part.stat().st_size != entries[k]["bytes"]:
            raise FramingError(f"{part} changed since it was written; run the same command with --resume to score it again")
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            pq = _import_optional("pyarrow.parquet", "parquet")
            writer = None
            for part in parts:
                table = pq.read_table(part)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, table.schema)
                writer.write_table(table.cast(writer.schema))
            if writer is None:  # no records: an empty table with the right columns
                pa = _import_optional("pyarrow", "parquet")
                schema = pa.schema([(n, _arrow_type(pa, empty[n])) for n in empty.columns])
                pq.write_table(pa.Table.from_pandas(empty, schema=schema, preserve_index=False), tmp)
            else:
                writer.close()
        else:
            with tmp.open("wb") as out:
                if fmt == "csv":
                    out.write(csv_header(empty.columns, raw=empty.attrs.get("csv_raw", False)).encode("utf-8"))
                for part in parts:
                    with part.open("rb") as handle:
                        shutil.copyfileobj(handle, out, 1 << 20)
        replace_durably(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()
