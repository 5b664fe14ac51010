"""Helpers the validation scripts share: Markdown tables and the versions behind the numbers."""

from __future__ import annotations

import platform
from importlib import metadata

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


def print_and_save(tables: dict[str, pd.DataFrame], render, path, info: dict) -> None:
    """Print each table with ``render(name, frame)`` and write them, after ``info``, as JSON records to ``path``."""
    import json

    for name, frame in tables.items():
        print(render(name, frame))
    payload = dict(info) | {name: json.loads(frame.to_json(orient="records")) for name, frame in tables.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
