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
* **Resumable.** ``resume=True`` keeps the parts already written and scores only the missing
  chunks. Chunk boundaries depend only on the input and ``chunk_size`` (recorded in
  ``OUT.partial/manifest.json`` with the options and the inputs' sizes and modification times), so
  a resumed run writes the same bytes as an uninterrupted one.
"""

from __future__ import annotations

import csv
import json
import math
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config
from framing.faces.api import ERROR_COLUMN, score
from framing.faces.options import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, ID_COLUMN, InputError
from framing.judges.flags import QualityFlagger

INPUT_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
OUTPUT_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
MANIFEST_VERSION = 1
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
        return self.path.stat().st_size


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
def find_sources(inputs: Sequence[str | os.PathLike]) -> list[Source]:
    """Files to read, in the order given; folders give their ``.txt`` files, sorted by path."""
    sources: list[Source] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                sources.append(Source(file, "text", file.relative_to(path).with_suffix("").as_posix()))
        elif path.is_file():
            kind = INPUT_FORMATS.get(path.suffix.lower(), "text")
            sources.append(Source(path, kind, path.stem if kind == "text" else path.name))
        else:
            raise InputError(f"no such file or folder: {name}")
    return sources


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
    return None if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


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
                value = json.loads(raw)
            except UnicodeDecodeError:
                yield Record(fallback, None, where, "undecodable line: not UTF-8")
                continue
            except ValueError as err:
                yield Record(fallback, None, where, f"malformed JSON: {err}")
                continue
            if not isinstance(value, dict):
                yield Record(fallback, None, where, f"not a JSON object: {type(value).__name__}")
                continue
            kept = tuple(_kept(value.get(name)) for name in keep)
            if text_field not in value:
                yield Record(_field_id(value, id_field, fallback), None, where, f"no {text_field!r} field", kept)
            else:
                yield Record(_field_id(value, id_field, fallback), value[text_field], where, None, kept)


def _csv_records(
    source: Source, id_field: str, text_field: str, progress: Progress, skip: int, keep: Sequence[str] = ()
) -> Iterator[Record | None]:
    csv.field_size_limit(sys.maxsize)
    bad_lines: set[int] = set()

    def lines(handle) -> Iterator[str]:
        for lineno, raw in enumerate(handle, 1):
            progress.bytes_read += len(raw)
            try:
                yield raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                bad_lines.add(lineno)
                yield raw.decode("utf-8", errors="replace")

    with source.path.open("rb") as handle:
        reader = csv.reader(lines(handle))
        header = next(reader, None)
        if header is None:
            return
        if text_field not in header:
            raise InputError(f"{source.path}: no column {text_field!r} (columns: {', '.join(header)}); see --text-field")
        text_at, id_at = header.index(text_field), header.index(id_field) if id_field in header else None
        keep_at = [header.index(name) if name in header else None for name in keep]
        first = reader.line_num + 1
        for n, row in enumerate(reader, 1):
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
            if any(line in bad_lines for line in span):
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
            record = _text_record(source, max_chars)
            record.kept = (None,) * len(keep)
            yield record
            continue
        for record in readers[source.kind](source, id_field, text_field, progress, skip, keep):
            if record is None:  # the reader skipped one
                skip -= 1
                progress.start_bytes = progress.bytes_read
                continue
            if max_chars is not None and isinstance(record.text, str) and len(record.text) > max_chars:
                # the scorer would refuse it too; dropping the text here keeps it out of the worker queue
                record.error = f"text longer than max_chars={max_chars} ({len(record.text)} characters)"
                record.text = None
            yield record


def _import_optional(module: str, extra: str):
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as err:
        raise SystemExit(f"framing: {module} is needed here: pip install 'framing-analyzer[{extra}]' ({err})") from None


# -- scoring one chunk (runs in worker processes) -------------------------------------------------
def score_chunk(
    ids: list[str], texts: list[Any], errors: list[str | None], options: dict[str, Any], kept: list[tuple] | None = None
) -> pd.DataFrame:
    """The output rows for one chunk: ``id``, the kept fields, the scores, the flags if asked, ``error``."""
    frame = score(texts, config=options["config"])
    frame.index = pd.RangeIndex(len(texts))
    if options["flags"]:
        flags = QualityFlagger().flag(frame)  # from the chunk's scores: nothing is scored twice
        for name in flags.columns:
            if name not in frame.columns:
                values = flags[name]
                if values.dtype == object and any(isinstance(v, list) for v in values):
                    values = values.map(lambda v: "; ".join(v) if isinstance(v, list) else v)  # one cell, any format
                frame.insert(len(frame.columns) - 1, name, values.to_numpy())
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


def write_part(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    """Write one chunk's rows to ``path`` atomically (CSV without header; JSONL; Parquet)."""
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "csv":
        frame.to_csv(tmp, header=False, index=False, lineterminator="\n")
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
    os.replace(tmp, path)


def _arrow_type(pa, column: pd.Series):
    if pd.api.types.is_bool_dtype(column):
        return pa.bool_()
    if pd.api.types.is_numeric_dtype(column):
        return pa.float64()
    return pa.string()  # ids, error, reasons: also when a chunk has only None


def _score_part(job: tuple) -> list[str | None]:
    ids, texts, errors, kept, options, path, fmt = job
    frame = score_chunk(ids, texts, errors, options, kept)
    write_part(frame, path, fmt)
    return frame[ERROR_COLUMN].tolist()


def _score_in_memory(job: tuple) -> pd.DataFrame:
    ids, texts, errors, kept, options = job[:5]
    return score_chunk(ids, texts, errors, options, kept)


# -- the run --------------------------------------------------------------------------------------
def _fingerprint(sources: Sequence[Source]) -> list[list[Any]]:
    return [[str(s.path.resolve()), s.kind, s.size, s.path.stat().st_mtime_ns] for s in sources]


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
    config = Config(signals=signals, compat=compat, lexicons=lexicons, patterns=patterns)
    options = {
        "signals": list(config.signals),
        "compat": config.compat,
        "lexicons": [lex.name for lex in config.lexicons],
        "patterns": _json_safe(patterns),
        "flags": bool(flags),
        "max_chars": max_chars,
        "keep": list(keep),
    }
    if any(name in (ID_COLUMN, ERROR_COLUMN) or "." in name for name in keep):
        raise ValueError(f"--keep fields may not be named id or error or hold a dot: {list(keep)}")
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    sources = find_sources(inputs)
    fmt = None
    if output is not None:
        output = Path(output)
        fmt = OUTPUT_FORMATS.get(output.suffix.lower())
        if fmt is None:
            raise ValueError(f"unknown output format {output.suffix!r}; use .csv, .jsonl or .parquet")
        if fmt == "parquet":
            _import_optional("pyarrow.parquet", "parquet")
    if any(s.kind == "parquet" for s in sources):
        _import_optional("pyarrow.parquet", "parquet")

    state = Progress(total_bytes=sum(s.size for s in sources))
    warn = _Warnings(progress)
    partial = None if output is None else output.with_name(output.name + ".partial")
    done_parts: set[int] = set()
    if partial is not None:
        manifest = {
            "version": MANIFEST_VERSION,
            "format": fmt,
            "chunk_size": chunk_size,
            "options": options | {"id_field": id_field, "text_field": text_field},
            "config": _config_digest(config),
            "inputs": _fingerprint(sources),
        }
        done_parts = _prepare_partial(partial, manifest, resume, fmt)
    # skip the chunks already written at the start of the input without scoring (or re-reading text files)
    prefix = 0
    while prefix in done_parts:
        prefix += 1
    options["config"] = config  # sent to every worker with its chunk; not part of the JSON manifest
    records = iter_records(
        sources,
        id_field=id_field,
        text_field=text_field,
        max_chars=max_chars,
        progress=state,
        skip=prefix * chunk_size,
        keep=options["keep"],
    )
    state.started = time.perf_counter()

    frames: list[pd.DataFrame] = []
    pending: deque[tuple[Future | Any, list[str]]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    n_chunks = prefix

    def finish(result: Any, wheres: list[str]) -> None:
        errors = result[ERROR_COLUMN].tolist() if isinstance(result, pd.DataFrame) else result
        if isinstance(result, pd.DataFrame):
            frames.append(result)
        for where, error in zip(wheres, errors):
            if error is not None:
                state.errors += 1
                warn(where, error)
        state.docs += len(wheres)
        if progress:
            _print_progress(state)

    try:
        for k, chunk in enumerate(_batched(records, chunk_size), start=prefix):
            n_chunks = k + 1
            if k in done_parts:
                continue
            job = (
                [r.id for r in chunk],
                [r.text for r in chunk],
                [r.error for r in chunk],
                [r.kept for r in chunk],
                options,
                None if partial is None else partial / f"part-{k:08d}.{fmt}",
                fmt,
            )
            run = _score_in_memory if partial is None else _score_part
            wheres = [r.where for r in chunk]
            if pool is None:
                finish(run(job), wheres)
                continue
            pending.append((pool.submit(run, job), wheres))
            while len(pending) >= 2 * jobs:  # bounded memory: wait for the oldest chunk
                future, where_list = pending.popleft()
                finish(future.result(), where_list)
        while pending:
            future, where_list = pending.popleft()
            finish(future.result(), where_list)
    except BaseException:
        for future, _ in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if partial is not None:
            print(
                f"\nframing: stopped; the chunks written so far are kept in {partial}; run the same command with"
                " --resume to continue",
                file=sys.stderr,
            )
        raise
    if pool is not None:
        pool.shutdown()
    if progress:
        _print_progress(state, final=True)
    if warn.count > MAX_WARNINGS:
        print(f"framing: {warn.count:,} records with errors (see the error column)", file=sys.stderr)

    if partial is None:
        if frames:
            return pd.concat(frames, ignore_index=True)
        return score_chunk([], [], [], options)
    _join_parts(partial, n_chunks, output, fmt, options)
    shutil.rmtree(partial)
    return output


def _prepare_partial(partial: Path, manifest: dict, resume: bool, fmt: str) -> set[int]:
    """Create or check ``partial``; the chunk indices already written there when resuming."""
    manifest_path = partial / "manifest.json"
    if resume and manifest_path.exists():
        found = json.loads(manifest_path.read_text(encoding="utf-8"))
        if found != json.loads(json.dumps(manifest)):
            raise SystemExit(
                f"framing: --resume: {partial} was made from other inputs or options; run without --resume to start over"
            )
        return {int(p.name[5:13]) for p in partial.glob(f"part-*.{fmt}")}
    if resume:
        print(f"framing: --resume: nothing to resume at {partial}; starting from the beginning", file=sys.stderr)
    elif partial.exists():
        print(f"framing: removing an earlier unfinished run at {partial} (use --resume to continue one)", file=sys.stderr)
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    tmp = manifest_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, manifest_path)
    return set()


def _join_parts(partial: Path, n_chunks: int, output: Path, fmt: str, options: dict) -> None:
    """Join the parts into a temporary file next to ``output``, then rename it onto ``output``."""
    parts = [partial / f"part-{k:08d}.{fmt}" for k in range(n_chunks)]
    missing = [p.name for p in parts if not p.exists()]
    if missing:
        raise RuntimeError(f"framing: parts missing from {partial}: {missing[:5]}")
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            pq = _import_optional("pyarrow.parquet", "parquet")
            empty = score_chunk([], [], [], options)
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
                    header = score_chunk([], [], [], options).to_csv(index=False, lineterminator="\n")
                    out.write(header.encode("utf-8"))
                for part in parts:
                    with part.open("rb") as handle:
                        shutil.copyfileobj(handle, out, 1 << 20)
        os.replace(tmp, output)
    finally:
        if tmp.exists():
            tmp.unlink()
