"""Reference norms: where a document's scores fall among documents of professional reporting.

A :class:`Norms` holds, for every numeric score column, the quantiles of that column over a
reference corpus. :meth:`Norms.percentiles` places new scores among them as percentiles in
[0, 100]. The shipped norms (:func:`reference_norms`, ``framing/data/reference_norms.json``) are
built by ``models/build_norms.py``, one file per register (:data:`REGISTERS`: ``news``, from
professional news, and ``web``, from web pages of every kind; model card:
``models/reference_norms.md``); :meth:`Norms.fit` learns norms from any scored corpus, for
in-domain baselines.

How a percentile is computed
----------------------------
The norms store the column's quantiles at :data:`PERCENTILE_GRID` (0, 0.5, …, 100). For a value
``v`` strictly between two stored quantiles the percentile is interpolated linearly; for a value
equal to stored quantiles (ties, common for counts such as 0) it is the middle of the grid
positions that hold ``v`` (the mid-rank); below the minimum it is 0, above the maximum 100. NaN
stays NaN.

Examples
--------
>>> import pandas as pd
>>> norms = Norms.fit(pd.DataFrame({"x": [0.0, 0.0, 1.0, 2.0, 3.0]}))
>>> norms.percentiles(pd.DataFrame({"x": [0.0, 1.5, 5.0]}))["x"].round(1).tolist()
[12.5, 62.5, 100.0]
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.core.resources import data_text

FORMAT = "framing-norms/1"
NORMS_FILE = "reference_norms.json"
#: The registers of the shipped norms: ``news`` (professional news, the default) and ``web`` (web
#: pages of every kind); ``models/reference_norms.md`` describes both.
REGISTERS = ("news", "web")
DEFAULT_REGISTER = "news"
PERCENTILE_GRID = np.linspace(0.0, 100.0, 201)
PERCENTILE_SUFFIX = ".pct"

__all__ = ["Norms", "reference_norms", "norms_file", "REGISTERS", "DEFAULT_REGISTER", "PERCENTILE_GRID", "PERCENTILE_SUFFIX"]


def norms_file(register: str = DEFAULT_REGISTER) -> str:
    """The data file of a register's shipped norms (``reference_norms.json`` for ``news``).

    Examples
    --------
    >>> norms_file("web")
    'reference_norms_web.json'
    """
    if register not in REGISTERS:
        raise ValueError(f"register must be one of {REGISTERS}, got {register!r}")
    return NORMS_FILE if register == DEFAULT_REGISTER else f"reference_norms_{register}.json"


class Norms:
    """Quantiles of score columns over a reference corpus.

    Parameters
    ----------
    quantiles : mapping of str to sequence of float
        Column → its values at :data:`PERCENTILE_GRID` (non-decreasing).
    counts : mapping of str to int, optional
        Column → how many reference documents had a value.
    meta : mapping, optional
        Free-form description (sources, sizes, date), kept in the JSON.
    """

    def __init__(self, quantiles: Mapping[str, Any], counts: Mapping[str, int] | None = None, meta: Mapping[str, Any] | None = None) -> None:
        self.quantiles = {name: np.asarray(values, dtype=np.float64) for name, values in quantiles.items()}
        for name, values in self.quantiles.items():
            if values.shape != PERCENTILE_GRID.shape or np.any(np.diff(values) < 0) or not np.isfinite(values).all():
                raise ValueError(f"norms for {name!r} must be {len(PERCENTILE_GRID)} finite non-decreasing quantiles")
        self.counts = dict(counts or {})
        self.meta = dict(meta or {})

    @property
    def columns(self) -> list[str]:
        """The columns these norms know."""
        return list(self.quantiles)

    @classmethod
    def fit(cls, scores: pd.DataFrame, columns: list[str] | None = None, meta: Mapping[str, Any] | None = None) -> Norms:
        """Learn norms from scored documents (rows with an ``error`` or NaN are left out per column).

        Parameters
        ----------
        scores : pandas.DataFrame
            Output of :func:`framing.score`.
        columns : list of str, optional
            Columns to learn (default: every numeric column).
        meta : mapping, optional
            Description stored with the norms.
        """
        if "error" in scores.columns:
            scores = scores[scores["error"].isna()]
        if columns is None:
            columns = [c for c in scores.columns if c != "error" and pd.api.types.is_numeric_dtype(scores[c])]
        quantiles, counts = {}, {}
        for name in columns:
            values = pd.to_numeric(scores[name], errors="coerce").to_numpy(dtype=np.float64)
            values = values[np.isfinite(values)]
            if len(values) == 0:
                continue
            quantiles[name] = np.quantile(values, PERCENTILE_GRID / 100.0)
            counts[name] = int(len(values))
        if not quantiles:
            raise ValueError("no numeric column with a finite value to learn norms from")
        return cls(quantiles, counts, meta)

    def percentile(self, name: str, values: Any) -> np.ndarray:
        """Percentiles in [0, 100] of ``values`` among the reference values of column ``name``."""
        q = self.quantiles[name]
        v = np.asarray(values, dtype=np.float64)
        left = np.searchsorted(q, v, side="left")
        right = np.searchsorted(q, v, side="right")
        grid = PERCENTILE_GRID
        tied = right > left
        # mid-rank over the grid positions holding v
        mid = (grid[np.minimum(left, len(q) - 1)] + grid[np.maximum(right - 1, 0)]) / 2.0
        lower = np.clip(left - 1, 0, len(q) - 1)
        upper = np.clip(left, 0, len(q) - 1)
        span = q[upper] - q[lower]
        with np.errstate(divide="ignore", invalid="ignore"):
            between = grid[lower] + np.where(span > 0, (v - q[lower]) / span, 0.0) * (grid[upper] - grid[lower])
        result = np.where(tied, mid, between)
        result = np.where(v < q[0], 0.0, np.where(v > q[-1], 100.0, result))
        return np.where(np.isnan(v), np.nan, result)

    def percentiles(self, scores: pd.DataFrame) -> pd.DataFrame:
        """Percentiles of every column of ``scores`` that the norms know, same index and names."""
        known = [c for c in scores.columns if c in self.quantiles]
        return pd.DataFrame({c: self.percentile(c, scores[c].to_numpy(dtype=np.float64)) for c in known}, index=scores.index)

    def with_percentiles(self, scores: pd.DataFrame) -> pd.DataFrame:
        """``scores`` with a ``<column>.pct`` column after each column the norms know."""
        pct = self.percentiles(scores).add_suffix(PERCENTILE_SUFFIX)
        order = [c for name in scores.columns for c in (name, name + PERCENTILE_SUFFIX) if c in scores.columns or c in pct.columns]
        return pd.concat([scores, pct], axis=1)[order]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "format": FORMAT,
            "meta": self.meta,
            "percentiles": PERCENTILE_GRID.tolist(),
            "counts": self.counts,
            "quantiles": {name: [float(x) for x in values] for name, values in self.quantiles.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Norms:
        """Norms from :meth:`to_dict`'s output; the format and grid are checked."""
        if not isinstance(data, Mapping):
            raise ValueError(f"not a {FORMAT} document: not a JSON object but a {type(data).__name__}")
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} document (format={data.get('format')!r})")
        if not np.allclose(data.get("percentiles", []), PERCENTILE_GRID):
            raise ValueError("norms use a different percentile grid")
        return cls(data["quantiles"], data.get("counts"), data.get("meta"))

    def save(self, path: str | PathLike) -> None:
        """Write the norms as JSON."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | PathLike) -> Norms:
        """Read norms written by :meth:`save` (a :class:`ValueError` naming the file for any file
        that is not one)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise ValueError(f"{path}: not UTF-8 at byte {error.start}") from None
        except RecursionError:
            raise ValueError(f"{path}: not valid JSON: nested too deeply") from None
        except ValueError as error:
            raise ValueError(f"{path}: not valid JSON: {error}") from None
        try:
            return cls.from_dict(data)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from None


def reference_norms(register: str = DEFAULT_REGISTER) -> Norms:
    """The shipped norms of a register: ``"news"`` (professional news, ``reference_norms.json``)
    or ``"web"`` (web pages of every kind, ``reference_norms_web.json``).

    Examples
    --------
    >>> norms = reference_norms()
    >>> "readability.flesch_kincaid_grade" in norms.columns, norms.meta["register"]
    (True, 'news')
    >>> reference_norms("web").meta["register"]
    'web'
    """
    return _load_norms(norms_file(register))


@lru_cache(maxsize=len(REGISTERS))
def _load_norms(name: str) -> Norms:
    return Norms.from_dict(json.loads(data_text(name)))
