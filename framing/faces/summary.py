"""Corpus-level summaries of a scores file written by ``framing score``: tables and plots.

:func:`summarize` describes each score column (documents, mean, spread, deciles), counts the
errors, and, when the file has a source column (``framing score --keep source``), gives one row per
source with the means of the main signals and the security–humanitarian balance (the framing
family's ``framing.immigration.balance``, positive = security; else computed from security and
humanitarian columns). :func:`plot` draws the distributions of the main signals, with the
reference norms' deciles dashed (see :func:`reference_norms`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.judges.norms import PERCENTILE_GRID, reference_norms as shipped_norms

#: Columns drawn and averaged per source when present; each other family adds its first column.
MAIN_SIGNALS = (
    "readability.flesch_kincaid_grade",
    "readability.flesch_reading_ease",
    "repetition.duplicate_line_char_fraction",
    "repetition.duplicate_5gram_char_fraction",
    "repetition.paraphrase_share",
    "boilerplate.line_share",
    "sourcing.attributions_per_100_words",
    "sourcing.orphan_quote_share",
    "style.filler_per_1000_words",
    "framing.immigration.balance",
    "quality.score",
)
#: The framing family's own security–humanitarian balance (positive = security), used when present.
BALANCE_COLUMN = "framing.immigration.balance"
_SECURITY = re.compile(r"^framing\..*secur", re.I)
_HUMANITARIAN = re.compile(r"^framing\..*humanitar", re.I)


def read_scores(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A scores file (``.csv``, ``.jsonl`` or ``.parquet``) as a DataFrame; ids as strings. In CSV
    the ``'`` that ``framing score`` puts before a text cell a spreadsheet would run as a formula
    (``'=x``, ``'-c``) is taken off again, so sources group by their own names."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype={"id": str}, usecols=columns)
        for name in frame.columns:
            if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name]):
                frame[name] = frame[name].map(_unprefixed).astype(object)
        return frame
    if suffix == ".jsonl":
        frame = pd.read_json(path, lines=True, dtype={"id": str}, precise_float=True)
        return frame if columns is None else frame[columns]
    if suffix == ".parquet":
        return pd.read_parquet(path, columns=columns)
    raise ValueError(f"unknown scores format {suffix!r}; use .csv, .jsonl or .parquet")


def _unprefixed(value):
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def score_columns(frame: pd.DataFrame) -> list[str]:
    """The ``family.signal`` numeric columns of a scores table."""
    return [c for c in frame.columns if "." in c and pd.api.types.is_numeric_dtype(frame[c])]


def main_signals(frame: pd.DataFrame) -> list[str]:
    """:data:`MAIN_SIGNALS` present in ``frame``, then the first column of each other family."""
    columns = score_columns(frame)
    chosen = [c for c in MAIN_SIGNALS if c in columns]
    families = {c.split(".", 1)[0] for c in chosen} | {"text"}
    for column in columns:
        family = column.split(".", 1)[0]
        if family not in families:
            chosen.append(column)
            families.add(family)
    return chosen


def balance_columns(frame: pd.DataFrame) -> tuple[str, str] | None:
    """The framing family's security and humanitarian columns, when both exist."""
    security = [c for c in score_columns(frame) if _SECURITY.search(c)]
    humanitarian = [c for c in score_columns(frame) if _HUMANITARIAN.search(c)]
    return (security[0], humanitarian[0]) if security and humanitarian else None


def reference_norms(levels: tuple[float, ...] = (10.0, 50.0, 90.0)) -> pd.DataFrame:
    """The shipped reference norms' quantiles (:mod:`framing.judges.norms`) at ``levels`` (percent).

    Rows: the levels; columns: the signals the norms know.
    """
    norms = shipped_norms()
    at = np.searchsorted(PERCENTILE_GRID, levels)
    return pd.DataFrame({name: q[at] for name, q in norms.quantiles.items()}, index=pd.Index(levels, name="percentile"))


def summarize(frame: pd.DataFrame, by: str | None = "source") -> dict[str, Any]:
    """Corpus-level tables of a scores table.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows from ``framing score`` (``id``, ``family.signal`` columns, ``error``).
    by : str, optional
        A column naming each document's source; per-source rows are given when it exists.

    Returns
    -------
    dict
        ``"documents"``, ``"errors"`` (count per error reason), ``"signals"`` (one row per score
        column: documents, mean, sd, p10, p50, p90) and, with a source column, ``"sources"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["a", "b", "c"], "source": ["x", "x", "y"],
    ...                       "readability.flesch_kincaid_grade": [8.0, 10.0, np.nan],
    ...                       "error": [None, None, "empty text"]})
    >>> tables = summarize(frame)
    >>> tables["signals"].loc["readability.flesch_kincaid_grade", ["documents", "mean", "p50"]].tolist()
    [2.0, 9.0, 9.0]
    >>> tables["sources"]["documents"].tolist(), tables["errors"].to_dict()
    ([2, 1], {'empty text': 1})
    """
    columns = score_columns(frame)
    values = frame[columns]
    signals = pd.DataFrame(
        {
            "documents": values.notna().sum().astype(float),
            "mean": values.mean(),
            "sd": values.std(),
            "p10": values.quantile(0.1),
            "p50": values.quantile(0.5),
            "p90": values.quantile(0.9),
        }
    )
    errors = frame["error"].dropna().value_counts() if "error" in frame else pd.Series(dtype=int)
    result: dict[str, Any] = {"documents": len(frame), "errors": errors, "signals": signals}
    if by is not None and by in frame.columns:
        groups = frame.groupby(by, sort=True, dropna=False)
        sources = pd.DataFrame({"documents": groups.size()})
        if "error" in frame:
            sources["errors"] = groups["error"].apply(lambda e: int(e.notna().sum()))
        for column in main_signals(frame):
            sources[column] = groups[column].mean()
        pair = balance_columns(frame)
        if BALANCE_COLUMN in frame.columns:
            balance = frame[BALANCE_COLUMN]
        elif pair is not None:  # from the two poles' columns: (S - H) / (S + H)
            security, humanitarian = frame[pair[0]], frame[pair[1]]
            total = security + humanitarian
            balance = (security - humanitarian) / total.where(total > 0)
        else:
            balance = None
        if balance is not None:
            sources["security_humanitarian_balance"] = balance.groupby(frame[by], dropna=False).mean()
        result["sources"] = sources
    return result


def plot(frame: pd.DataFrame, path: str | Path, by: str | None = "source") -> Path:
    """Histograms of the main signals (reference norms dashed when known), and the
    security–humanitarian balance per source when it can be computed; saved as an image."""
    from framing.faces.stream import _import_optional

    _import_optional("matplotlib", "plot").use("Agg")  # files only, no screen
    plt = _import_optional("matplotlib.pyplot", "plot")

    columns = main_signals(frame)
    norms = reference_norms()
    tables = summarize(frame, by)
    show_balance = "sources" in tables and "security_humanitarian_balance" in tables["sources"]
    n = len(columns) + int(show_balance)
    ncols = min(3, max(n, 1))
    nrows = max(1, -(-n // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows), squeeze=False)
    for ax, column in zip(axes.flat, columns):
        data = frame[column].dropna().to_numpy()
        if len(data):
            ax.hist(data, bins=40, color="#5fa8e8", alpha=0.85)
        if column in norms.columns:
            for level, value in norms[column].dropna().items():
                ax.axvline(value, color="#333", linestyle="--", linewidth=1)
                ax.annotate(f"ref p{float(level):.0f}", (value, 1), xycoords=("data", "axes fraction"),
                            fontsize=7, rotation=90, va="top")
        ax.set_title(column, fontsize=9)
        ax.set_ylabel("documents", fontsize=8)
    if show_balance:
        ax = axes.flat[len(columns)]
        balance = tables["sources"]["security_humanitarian_balance"].dropna().sort_values()
        ax.barh([str(s) for s in balance.index], balance.to_numpy(), color=np.where(balance > 0, "#ef6f6c", "#6cc38a"))
        ax.axvline(0, color="#333", linewidth=1)
        ax.set_title("security (+) vs humanitarian (−) framing, by source", fontsize=9)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.suptitle(f"{len(frame):,} documents", fontsize=10)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def format_summary(tables: dict[str, Any]) -> str:
    """The tables of :func:`summarize` as text for a terminal."""
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 160):
        lines = [f"{tables['documents']:,} documents, {int(tables['errors'].sum()):,} with errors", ""]
        lines.append(tables["signals"].round(3).to_string())
        if len(tables["errors"]):
            lines += ["", "errors", tables["errors"].head(20).to_string()]
        if "sources" in tables:
            lines += ["", "by source", tables["sources"].round(3).to_string()]
    return "\n".join(lines)
