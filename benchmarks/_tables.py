"""Helpers the validation scripts share: Markdown tables and the versions behind the numbers."""

from __future__ import annotations

import json
import platform
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

import framing


def markdown_table(frame: pd.DataFrame, digits: int = 3) -> str:
    """``frame`` as a Markdown table: floats with ``digits`` decimals, NaN as an em dash, None empty.

    Examples
    --------
    >>> print(markdown_table(pd.DataFrame({"a": ["x|y"], "r": [0.12345], "n": [3]})))
    | a | r | n |
    | --- | --- | --- |
    | x\\|y | 0.123 | 3 |
    """

    def cell(value: object) -> str:
        if isinstance(value, (float, np.floating)):
            return "—" if np.isnan(value) else f"{value:.{digits}f}"
        if value is None:
            return ""
        return str(value).replace("|", "\\|")

    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "| " + " | ".join("---" for _ in frame.columns) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def versions(*packages: str) -> dict[str, str]:
    """Versions of Python, framing and ``packages``, stored beside the numbers they produced."""
    found = {"python": platform.python_version(), "framing": framing.__version__}
    return found | {package: metadata.version(package) for package in packages}


def write_results(path: Path, tables: dict[str, pd.DataFrame], **extra: object) -> None:
    """Write a validation run's tables (records) and ``extra`` entries as JSON to ``path``, and say so."""
    payload = dict(extra) | {name: json.loads(frame.to_json(orient="records")) for name, frame in tables.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
