"""Session fixtures for the readability validation suite.

Each table of :mod:`benchmarks.readability_validation` is computed once per session and printed
as Markdown when it is first needed (run with ``-s`` to see it). Run from the repository root::

    python -m pytest benchmarks/validation -q -s
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:  # make ``benchmarks`` importable from any working directory
    sys.path.insert(0, str(_REPO_ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks import readability_validation as rv  # noqa: E402


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Print table ``name`` as Markdown and return it unchanged."""
    print(f"\n\n{rv.render(name, frame)}")
    return frame


@pytest.fixture(scope="session")
def texts() -> dict[str, list[str]]:
    """The texts of every validation corpus, by corpus name."""
    return {
        "onestopenglish": _data.onestopenglish()["text"].tolist(),
        "clear": _data.clear()["text"].tolist(),
        "seeds": _data.seeds()["text"].tolist(),
    }


@pytest.fixture(scope="session")
def agreement_table(texts: dict[str, list[str]]) -> pd.DataFrame:
    """:func:`~benchmarks.readability_validation.textstat_agreement` on all three corpora."""
    return _show("textstat_agreement", rv.textstat_agreement(texts))


@pytest.fixture(scope="session")
def onestop_table() -> pd.DataFrame:
    """:func:`~benchmarks.readability_validation.onestopenglish_validation`, indexed by score."""
    return _show("onestopenglish", rv.onestopenglish_validation(_data.onestopenglish())).set_index("score")


@pytest.fixture(scope="session")
def clear_table() -> pd.DataFrame:
    """:func:`~benchmarks.readability_validation.clear_validation`, indexed by formula."""
    return _show("clear", rv.clear_validation(_data.clear())).set_index("formula")


@pytest.fixture(scope="session")
def split_table(texts: dict[str, list[str]]) -> pd.DataFrame:
    """:func:`~benchmarks.readability_validation.sentence_split_agreement`, indexed by corpus."""
    corpora = {name: texts[name] for name in ("onestopenglish", "seeds")}
    return _show("sentence_splitting", rv.sentence_split_agreement(corpora)).set_index("corpus")


@pytest.fixture(scope="session")
def syllable_table() -> pd.DataFrame:
    """:func:`~benchmarks.readability_validation.syllable_fallback`, indexed by method."""
    return _show("syllable_fallback", rv.syllable_fallback()).set_index("method")
