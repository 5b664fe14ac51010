"""Tables for a terminal: one row per signal grouped by family, numbers formatted by kind, at most
100 characters wide.

The command line prints score tables with ``rich`` (a well-kept library that measures cell widths,
wraps long cells and leaves colour out when the output is not a terminal). Everything here is
plain data in, text out, so it is tested without a terminal: :func:`signal_table` lays out a table
whose rows are signals and whose columns are documents (or sources, or statistics), cutting the
columns into pages that fit the width; :func:`format_value` formats one number by its kind.

Kinds (:func:`value_kind`): a column whose values are all whole numbers is a **count** (``14,772``);
``*.pct`` columns are **percentiles** (``p97``); booleans are **flags** (``yes``/``no``); other
numbers are **measures**, to 3 significant digits (``0.0123``, ``45.7``, ``1,234``). Missing
values print as ``—``.
"""

from __future__ import annotations

import io
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: The widest a table gets, also on a wider terminal.
MAX_WIDTH = 100
MISSING = "—"
_NAME_WIDTH = 38  # the signal column; longer names wrap
_MIN_VALUE_WIDTH = 7
_MAX_VALUE_WIDTH = 10


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pd.NA raises TypeError in bool()
    except TypeError:
        return True


def value_kind(name: str, values: Iterable[Any]) -> str:
    """The kind of a column: ``"percentile"``, ``"flag"``, ``"count"``, ``"measure"`` or ``"text"``.

    Examples
    --------
    >>> value_kind("text.words", [2723.0, 1010.0]), value_kind("repetition.mattr", [0.71, 0.68])
    ('count', 'measure')
    >>> value_kind("text.words.pct", [41.0]), value_kind("quality.flagged", [True, False])
    ('percentile', 'flag')
    """
    if name.endswith(".pct"):
        return "percentile"
    present = [v for v in values if not _is_missing(v)]
    if present and all(isinstance(v, (bool,)) or type(v).__name__ in ("bool_", "bool") for v in present):
        return "flag"
    if not all(
        isinstance(v, (int, float)) or hasattr(v, "is_integer") or type(v).__module__ == "numpy" for v in present
    ):
        return "text"
    floats = [float(v) for v in present]
    if all(math.isfinite(v) and float(v).is_integer() for v in floats):
        return "count"
    return "measure"


def format_value(value: Any, kind: str = "measure") -> str:
    """One value as text for its kind (see :func:`value_kind`).

    Examples
    --------
    >>> format_value(14772.0, "count"), format_value(0.012345), format_value(45.678), format_value(0.0)
    ('14,772', '0.0123', '45.7', '0')
    >>> format_value(99.6, "percentile"), format_value(True, "flag"), format_value(float("nan"))
    ('p99.6', 'yes', '—')
    """
    if _is_missing(value):
        return MISSING
    if kind == "flag":
        return "yes" if bool(value) else "no"
    if kind == "text":
        if isinstance(value, (list, tuple)):
            return "; ".join(map(str, value)) or MISSING
        return str(value) or MISSING
    number = float(value)
    if not math.isfinite(number):
        return str(number)
    if kind == "percentile":
        return f"p{number:.0f}" if 1 <= number <= 99 or number in (0.0, 100.0) else f"p{number:.1f}"
    if kind == "count" or (abs(number) >= 1000):
        return f"{number:,.0f}"
    if number == 0:
        return "0"
    text = f"{number:.3g}"
    return text if "e" not in text else f"{number:.2e}"


def family_of(name: str) -> str:
    return name.split(".", 1)[0]


def _short(name: str) -> str:
    return name.split(".", 1)[1] if "." in name else name


def signal_rows(rows: Mapping[str, Sequence[Any]]) -> list[tuple[str, str | None, list[str]]]:
    """``(label, family, cells)`` per signal, formatted, with a ``(family, None, [])`` heading row
    before each family's first signal (rows keep their order). Rows without a family (plain labels
    such as ``documents``) have family ``""``."""
    out: list[tuple[str, str | None, list[str]]] = []
    family = None
    for name, values in rows.items():
        values = list(values)
        if "." in name and family_of(name) != family:
            family = family_of(name)
            out.append((family, None, []))
        kind = value_kind(name, values)
        label = "  " + _short(name) if "." in name else name
        out.append((label, family if "." in name else "", [format_value(v, kind) for v in values]))
    return out


def _fold(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` characters (at ``_``, ``.``, spaces when it can)."""
    lines = []
    while len(text) > width:
        cut = max(text.rfind(c, 0, width) for c in " _.-/")  # the cut keeps its separator: at most width
        cut = cut + 1 if cut > width // 2 else width
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return lines + [text]


def signal_table(
    rows: Mapping[str, Sequence[Any]], headers: Sequence[str], *, width: int = MAX_WIDTH, title: str | None = None
):
    """A list of ``rich`` tables, one per page of columns, each at most ``width`` characters wide.

    Parameters
    ----------
    rows : mapping
        Signal name (``family.signal``, or a plain label) → one value per column.
    headers : list of str
        The column names (document ids, source names, statistics); long ones wrap.
    width : int, default 100
    title : str, optional
        Printed above the first page.

    Examples
    --------
    >>> pages = signal_table({"text.words": [10.0, 12.0], "readability.flesch_reading_ease": [61.234, 55.0]}, ["a", "b"])
    >>> text = to_text(pages)
    >>> print(text.splitlines()[-1])
      flesch_reading_ease      61.2        55
    >>> max(len(line) for line in text.splitlines()) <= 100
    True
    """
    from rich import box
    from rich.table import Table

    laid = signal_rows(rows)
    name_width = min(_NAME_WIDTH, max([len(label) for label, _, _ in laid] + [6]))
    value_width = max([_MIN_VALUE_WIDTH] + [len(c) for _, _, cells in laid for c in cells])
    value_width = min(_MAX_VALUE_WIDTH, max(value_width, min(_MAX_VALUE_WIDTH, max([len(h) for h in headers] + [1]))))
    # each column costs its width plus 2 of padding; the name column likewise
    per_page = max(1, (width - name_width) // (value_width + 2))  # each column: a separator, 1 of padding, its width
    n = len(headers)
    pages = []
    for lo in range(0, max(n, 1), per_page):
        hi = min(n, lo + per_page)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=title if lo == 0 else None, padding=(0, 0, 0, 1),
                      title_justify="left", min_width=None)  # fmt: skip
        table.add_column("", width=name_width, overflow="fold", no_wrap=False)
        for header in headers[lo:hi]:
            table.add_column("\n".join(_fold(str(header), value_width)), justify="right", width=value_width,
                             overflow="fold")  # fmt: skip
        for label, family, cells in laid:
            if family is None:
                table.add_row(f"[bold]{label}[/bold]", *([""] * (hi - lo)))
            else:
                table.add_row(label.replace("[", r"\["), *cells[lo:hi])
        pages.append(table)
    return pages


def console(file=None, width: int | None = None):
    """A ``rich`` console: at most :data:`MAX_WIDTH` wide (narrower on a narrow terminal), colour
    only on a terminal."""
    from rich.console import Console

    file = file if file is not None else sys.stdout
    terminal = hasattr(file, "isatty") and file.isatty()
    if width is None:
        width = MAX_WIDTH
        if terminal:
            width = min(MAX_WIDTH, Console(file=file).width)
    return Console(file=file, width=width, force_terminal=terminal, no_color=not terminal, highlight=False,
                   emoji=False, soft_wrap=False)  # fmt: skip


def to_text(renderables: Any, width: int = MAX_WIDTH) -> str:
    """Render ``rich`` renderables (or a list of them) as plain text, each line at most ``width``."""
    buffer = io.StringIO()
    out = console(buffer, width=width)
    for item in renderables if isinstance(renderables, (list, tuple)) else [renderables]:
        out.print(item)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def emit(renderables: Any, file=None) -> None:
    """Print ``rich`` renderables (or strings) to ``file`` (standard output)."""
    file = file if file is not None else sys.stdout
    if not (hasattr(file, "isatty") and file.isatty()):  # plain text, no trailing blanks
        file.write(to_text(renderables))
        return
    out = console(file)
    for item in renderables if isinstance(renderables, (list, tuple)) else [renderables]:
        out.print(item)
