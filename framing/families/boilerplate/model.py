"""The shipped line model: a logistic regression over line features, stored as JSON
(``models/train_boilerplate.py``, model card ``models/boilerplate_lines.md``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from framing.core.resources import data_text
from framing.families.boilerplate.features import FEATURES, stack_features
from framing.families.boilerplate.settings import MODEL_FILE

MODEL_BLOCK_ROWS = 8192  # lines standardised at once (~4.5 MB of work arrays)


# --------------------------------------------------------------------------------------------
# Line model
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any]:
    """The shipped line model: ``features``, ``mean``, ``scale``, ``coef``, ``intercept`` (JSON).

    Examples
    --------
    >>> shipped_model()["features"] == list(FEATURES)
    True
    """
    return json.loads(data_text(MODEL_FILE))


def model_probabilities(features: np.ndarray, model: Mapping[str, Any] | None = None) -> np.ndarray:
    """Probability that each line is furniture, from standardised features and logistic weights.

    Parameters
    ----------
    features : ndarray of shape (n_lines, len(FEATURES))
        From :func:`line_features`.
    model : mapping, optional
        Weights in the layout of ``framing/data/boilerplate_line_model.json`` (default: shipped).

    Returns
    -------
    ndarray of float64, shape (n_lines,)

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> from framing.families.boilerplate.features import line_features
    >>> features, _ = line_features(segment(["Officials said the vote was delayed again on Monday night.\\nShare"]))
    >>> probabilities = model_probabilities(features)
    >>> bool(probabilities[1] > probabilities[0])
    True
    """
    return _probabilities(len(features), lambda lo, hi: features[lo:hi], model)


def column_probabilities(columns: Mapping[str, np.ndarray], n: int, model: Mapping[str, Any] | None = None) -> np.ndarray:
    """:func:`model_probabilities` from the feature columns of
    :func:`~framing.families.boilerplate.features.line_columns`, a block of lines at a time, without
    the whole feature matrix (8 bytes x 69 features per line); the same bits."""
    return _probabilities(n, lambda lo, hi: stack_features(columns, n, lo, hi), model)


def _probabilities(n: int, rows, model: Mapping[str, Any] | None) -> np.ndarray:
    model = shipped_model() if model is None else model
    if list(model["features"]) != list(FEATURES):
        raise ValueError("the line model was trained on other features; retrain it with models/train_boilerplate.py")
    if n == 0:
        return np.zeros(0)
    mean = np.asarray(model["mean"], dtype=np.float64)
    scale = np.asarray(model["scale"], dtype=np.float64)
    coef = np.asarray(model["coef"], dtype=np.float64)
    # in blocks of rows (the standardised copy of the whole matrix cost ~1.1 kB per line), and with
    # a row-wise sum rather than a BLAS product, whose last bits depend on the number of rows: a
    # line's probability is the same bits whatever else is in its batch
    z = np.empty(n, dtype=np.float64)
    for lo in range(0, n, MODEL_BLOCK_ROWS):
        block = rows(lo, lo + MODEL_BLOCK_ROWS)
        z[lo : lo + len(block)] = ((block - mean) / scale * coef).sum(axis=1)
    z += float(model["intercept"])
    return 1.0 / (1.0 + np.exp(-z))


