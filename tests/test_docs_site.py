"""The docs build as a site with mkdocs (the ``docs`` extra), warnings as errors; skipped without mkdocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_mkdocs_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason='mkdocs is not installed (pip install -e ".[docs]")')
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    for page in ("index", "columns", "validation", "performance"):
        html = (tmp_path / "site" / (page if page != "index" else "") / "index.html").read_text(encoding="utf-8")
        assert "<table" in html, page
