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

from framing.judges.norms import PERCENTILE_GRID
from framing.judges.norms import reference_norms as shipped_norms

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
#: The flag columns of ``framing score --flags``.
FLAGGED_COLUMN, REASONS_COLUMN = "quality.flagged", "quality.reasons"
_SECURITY = re.compile(r"^framing\..*secur", re.I)
_HUMANITARIAN = re.compile(r"^framing\..*humanitar", re.I)


def _empty_frame() -> pd.DataFrame:
    return pd.DataFrame({"id": pd.Series(dtype=object), "error": pd.Series(dtype=object)})


def read_scores(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A scores file (``.csv``, ``.jsonl`` or ``.parquet``) as a DataFrame; ids as strings.

    Every file ``framing score`` writes reads back: with ``--flags`` (``quality.flagged`` as a
    nullable boolean, ``quality.reasons`` as text), and empty ones (no records: a header only, or
    nothing at all), which give a table without rows. In CSV the ``'`` that ``framing score`` puts
    before a text cell a spreadsheet would run as a formula (``'=x``, ``'-c``) is taken off again,
    so sources group by their own names.

    Raises
    ------
    FileNotFoundError, OSError
        The file cannot be read.
    ValueError
        An unknown extension, or a file that is not a scores table.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson", ".parquet", ".pq"):
        raise ValueError(f"unknown scores format {suffix!r}; use .csv, .jsonl or .parquet")
    if path.is_dir():
        raise ValueError("is a folder, not a scores file")
    if path.stat().st_size == 0:
        return _empty_frame()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype={"id": str}, usecols=columns)
        for name in frame.columns:
            if frame[name].dtype == object or pd.api.types.is_string_dtype(frame[name]):
                frame[name] = frame[name].map(_unprefixed).astype(object)
    elif suffix in (".jsonl", ".ndjson"):
        frame = pd.read_json(path, lines=True, dtype={"id": str}, precise_float=True)
        frame = frame if columns is None else frame[columns]
    else:
        from framing.faces.stream import _import_optional

        _import_optional("pyarrow.parquet", "parquet")
        frame = pd.read_parquet(path, columns=columns)
    if FLAGGED_COLUMN in frame.columns:
        frame[FLAGGED_COLUMN] = _as_boolean(frame[FLAGGED_COLUMN])
    return frame


def _as_boolean(values: pd.Series) -> pd.Series:
    """``quality.flagged`` as a nullable boolean whatever the file made of it (bool, object, text)."""
    mapping = {True: True, False: False, "True": True, "False": False, "true": True, "false": False}  # 1 == True, 0 == False
    return pd.array([mapping.get(v, pd.NA) if not pd.isna(v) else pd.NA for v in values], dtype="boolean")


def _unprefixed(value):
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def score_columns(frame: pd.DataFrame) -> list[str]:
    """The ``family.signal`` numeric columns of a scores table (not the boolean flag)."""
    return [
        c for c in frame.columns
        if "." in c and pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]  # fmt: skip


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


def topic_columns(frame: pd.DataFrame) -> dict[str, str]:
    """``lexicon -> its on-topic column`` for each lexicon that declares a topic (``framing.<lexicon>.on_topic``)."""
    return {c.split(".")[1]: c for c in frame.columns if c.startswith("framing.") and c.endswith(".on_topic")}


def _on_topic(frame: pd.DataFrame, column: str) -> pd.Series:
    """Whether each document is on its lexicon's topic (NaN, for error rows, counts as not)."""
    return pd.to_numeric(frame[column], errors="coerce").fillna(0) > 0


def reason_codes(reasons: pd.Series) -> pd.Series:
    """How many flagged documents give each reason code (``quality.reasons`` as lists or ``"; "``-joined text)."""
    counts: dict[str, int] = {}
    for value in reasons:
        items = value if isinstance(value, (list, tuple, np.ndarray)) else (str(value).split("; ") if isinstance(value, str) else [])
        for item in {str(i).split(":", 1)[0].strip() for i in items if str(i).strip()}:
            counts[item] = counts.get(item, 0) + 1
    return pd.Series(counts, dtype=int).sort_values(ascending=False, kind="stable")


def summarize(frame: pd.DataFrame, by: str | None = "source") -> dict[str, Any]:
    """Corpus-level tables of a scores table.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows from ``framing score`` (``id``, ``family.signal`` columns, ``error``; the flag columns
        of ``--flags`` when present).
    by : str, optional
        A column naming each document's source; per-source rows are given when it exists.

    Returns
    -------
    dict
        ``"documents"``, ``"errors"`` (count per error reason), ``"signals"`` (one row per score
        column: documents, mean, sd, p10, p50, p90), ``"on_topic"`` (documents on each topical
        lexicon's topic); with flags ``"flagged"`` (flagged, evaluated) and ``"reasons"`` (flagged
        documents per reason code); with a source column ``"sources"``: documents, errors,
        flagged, on-topic documents per lexicon, the mean of each main signal, and
        ``security_humanitarian_balance``, the mean immigration balance over the source's
        on-topic documents only (NaN for a source with none).

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
    values = frame[columns].astype(float)
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
    topics = topic_columns(frame)
    result: dict[str, Any] = {
        "documents": len(frame), "errors": errors, "signals": signals,
        "on_topic": {lexicon: int(_on_topic(frame, column).sum()) for lexicon, column in topics.items()},
    }  # fmt: skip
    if FLAGGED_COLUMN in frame.columns:
        flagged = frame[FLAGGED_COLUMN]
        result["flagged"] = (int(flagged.fillna(False).sum()), int(flagged.notna().sum()))
        if REASONS_COLUMN in frame.columns:
            result["reasons"] = reason_codes(frame.loc[flagged.fillna(False).to_numpy(bool), REASONS_COLUMN])
    if by is not None and by in frame.columns:
        key = frame[by].astype(object).where(frame[by].notna(), "(none)")
        groups = frame.groupby(key, sort=True, dropna=False)
        sources = pd.DataFrame({"documents": groups.size()})
        if "error" in frame:
            sources["errors"] = groups["error"].apply(lambda e: int(e.notna().sum()))
        if FLAGGED_COLUMN in frame.columns:
            sources["flagged"] = frame[FLAGGED_COLUMN].fillna(False).astype(int).groupby(key).sum()
        for lexicon, column in topics.items():
            sources[f"framing.{lexicon}.on_topic"] = _on_topic(frame, column).astype(int).groupby(key).sum()
        for column in main_signals(frame):
            if column != BALANCE_COLUMN and not column.endswith(".on_topic"):
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
            if "immigration" in topics:  # balance only where the lexicon's topic is present
                balance = balance.where(_on_topic(frame, topics["immigration"]))
            sources["security_humanitarian_balance"] = balance.groupby(key, dropna=False).mean()
        result["sources"] = sources
    return result


def _ticks_apart(values: list[float], span: float, min_gap: float = 0.06) -> list[tuple[float, str]]:
    """Reference lines ``(value, label)`` with the labels of lines closer than ``min_gap`` of the axis merged."""
    out: list[tuple[float, list[str]]] = []
    for level, value in values:
        if out and span > 0 and abs(value - out[-1][0]) < min_gap * span:
            out[-1][1].append(level)
        elif out and span == 0 and value == out[-1][0]:
            out[-1][1].append(level)
        else:
            out.append((value, [level]))
    return [(value, "ref " + "/".join(levels)) for value, levels in out]


def plot(frame: pd.DataFrame, path: str | Path, by: str | None = "source") -> Path:
    """Histograms of the main signals (reference norms dashed when known), and the
    security–humanitarian balance per source (over on-topic documents only) when it can be
    computed; saved as an image.

    A signal whose values are all the same (often all 0: no boilerplate in a clean corpus) gets no
    histogram but a line of text saying so, so no panel has a meaningless axis; reference lines
    that would sit on top of each other share one label.
    """
    from framing.faces.stream import _import_optional

    _import_optional("matplotlib", "plot").use("Agg")  # files only, no screen
    plt = _import_optional("matplotlib.pyplot", "plot")
    from matplotlib.ticker import MaxNLocator

    columns = [c for c in main_signals(frame) if not c.endswith(".on_topic")]
    norms = reference_norms()
    tables = summarize(frame, by)
    balance = None
    if "sources" in tables and "security_humanitarian_balance" in tables["sources"]:
        balance = tables["sources"]["security_humanitarian_balance"].dropna().sort_values()
        balance = balance if len(balance) else None
    n = len(columns) + int(balance is not None)
    ncols = min(3, max(n, 1))
    nrows = max(1, -(-n // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows), squeeze=False)
    for ax, column in zip(axes.flat, columns):
        data = pd.to_numeric(frame[column], errors="coerce").dropna().to_numpy(float)
        ax.set_title(column, fontsize=9)
        if column == BALANCE_COLUMN and "immigration" in tables["on_topic"]:
            ax.set_title(f"{column}\n({tables['on_topic']['immigration']:,} on-topic documents)", fontsize=9)
        if len(data) == 0 or np.ptp(data) == 0:
            what = "no values" if len(data) == 0 else f"all {len(data):,} documents: {data[0]:.3g}"
            ax.text(0.5, 0.5, what, ha="center", va="center", transform=ax.transAxes, fontsize=9, color="#555")
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        refs = []
        if column in norms.columns:
            refs = [(f"p{float(level):.0f}", float(value)) for level, value in norms[column].dropna().items()]
        lo = min([float(data.min())] + [v for _, v in refs])
        hi = max([float(data.max())] + [v for _, v in refs])
        ax.hist(data, bins=np.linspace(lo, hi, 41), color="#5fa8e8", alpha=0.85)
        ax.set_xlim(lo - 0.03 * (hi - lo), hi + 0.03 * (hi - lo))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel("documents", fontsize=8)
        if refs:
            for value, label in _ticks_apart(refs, hi - lo):
                ax.axvline(value, color="#333", linestyle="--", linewidth=1)
                ax.annotate(label, (value, 1), xycoords=("data", "axes fraction"), fontsize=7, rotation=90, va="top",
                            ha="right", xytext=(-1, -2), textcoords="offset points")  # fmt: skip
    if balance is not None:
        ax = axes.flat[len(columns)]
        sources = tables["sources"]
        on_topic = sources.get("framing.immigration.on_topic")
        labels = [f"{s} (n={int(on_topic[s])})" if on_topic is not None else str(s) for s in balance.index]
        ax.barh(labels, balance.to_numpy(), color=np.where(balance > 0, "#ef6f6c", "#6cc38a"))
        ax.axvline(0, color="#333", linewidth=1)
        ax.set_xlim(-1, 1)
        ax.tick_params(axis="y", labelsize=8)
        ax.set_title("immigration balance by source (on-topic documents)\n+ security, − humanitarian", fontsize=9)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.suptitle(f"{len(frame):,} documents", fontsize=10)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


#: The statistics of the signals table, as printed.
STATISTICS = ("n", "mean", "sd", "p10", "p50", "p90")


def format_summary(tables: dict[str, Any], *, signals: list[str] | None = None, width: int = 100) -> str:
    """The tables of :func:`summarize` as text for a terminal, at most ``width`` characters wide.

    ``signals`` limits the signals table to those columns (default: every score column).
    """
    from framing.faces.terminal import to_text

    return to_text(summary_renderables(tables, signals=signals, width=width), width=width).rstrip("\n")


def summary_renderables(tables: dict[str, Any], *, signals: list[str] | None = None, width: int = 100) -> list[Any]:
    """The ``rich`` renderables of :func:`format_summary` (for a colour terminal)."""
    from framing.faces.terminal import signal_table

    n, n_errors = tables["documents"], int(tables["errors"].sum())
    head = [f"{n:,} documents, {n_errors:,} with errors"]
    if "flagged" in tables:
        flagged, evaluated = tables["flagged"]
        head.append(f"{flagged:,} of {evaluated:,} flagged")
    for lexicon, count in tables.get("on_topic", {}).items():
        head.append(f"{count:,} on the {lexicon} topic")
    out: list[Any] = [", ".join(head)]
    if n == 0:
        out.append("no documents: the scores file has no rows")
        return out
    table = tables["signals"]
    if signals is not None:
        table = table.loc[[s for s in signals if s in table.index]]
    rows = {name: [table.at[name, "documents" if s == "n" else s] for s in STATISTICS] for name in table.index}
    if rows:
        out.append("")
        out += signal_table(rows, list(STATISTICS), width=width)
    if len(tables["errors"]):
        out += ["", "errors"] + [f"  {count:>6,}  {reason}" for reason, count in tables["errors"].head(20).items()]
    if len(tables.get("reasons", ())):
        out += ["", "flag reasons (flagged documents)"]
        out += [f"  {count:>6,}  {code}" for code, count in tables["reasons"].items()]
    if "sources" in tables:
        sources = tables["sources"]
        rows = {}
        topical = [name for name in sources.columns if name.endswith(".on_topic")]
        order = [n for n in sources.columns if n not in topical and n != "security_humanitarian_balance"] + topical
        order += ["security_humanitarian_balance"] if "security_humanitarian_balance" in sources.columns else []
        for name in order:  # the on-topic counts next to the balance they condition
            label = {"security_humanitarian_balance": "framing.immigration.balance (on topic)"}.get(name, name)
            rows[label] = sources[name].tolist()
        out.append("")
        out += signal_table(rows, [str(s) for s in sources.index], width=width, title="by source (means)")
    return out
