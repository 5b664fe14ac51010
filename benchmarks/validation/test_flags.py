"""Quality-flag validation (issue targets): seeds, false positives on held-out news, degradations.

Run from the repository root with ``-s`` to see the tables::

    python -m pytest benchmarks/validation/test_flags.py -q -s
"""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks import _data
from benchmarks import flags_validation as fv

#: Seed 000 carries at least this many distinct reasons (issue target).
MIN_SEED_REASONS = 3
#: Held-out professional news flagged at most this often (issue target).
MAX_FALSE_POSITIVE_RATE = 0.05
#: Every degradation separates from the originals at least this well (issue target).
MIN_AUROC = 0.9
#: Of the degraded texts that are flagged, at least this share names the degradation's reason.
MIN_RIGHT_REASON = 0.9


def _show(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    print(f"\n\n{fv.render(name, frame)}")
    return frame


@pytest.fixture(scope="module")
def split():
    return fv.reference_split()


def test_seeds():
    table = _show("seeds", fv.seed_table(_data.seeds())).set_index("seed")
    assert table["flagged"].iloc[0] and table["distinct_reasons"].iloc[0] >= MIN_SEED_REASONS
    assert not table["flagged"].iloc[1:].any()


def test_false_positive_rate(split):
    _, held_out, flagger = split
    table = _show("false_positives", fv.false_positive_table(held_out, flagger)).set_index("source")
    assert table.loc["all", "false_positive_rate"] <= MAX_FALSE_POSITIVE_RATE


def test_degradations(split):
    _, held_out, flagger = split
    texts = _data.reference_news().set_index("id").loc[held_out.index, ["text"]].reset_index()
    table = _show("degradations", fv.degradation_table(texts, flagger)).set_index("degradation")
    assert (table["auroc"] >= MIN_AUROC).all(), table["auroc"]
    assert (table["flagged_with_expected_reason"] >= MIN_RIGHT_REASON).all(), table["flagged_with_expected_reason"]
