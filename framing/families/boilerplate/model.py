"""The shipped line model: a logistic regression over line features, stored as JSON
(``models/train_boilerplate.py``, model card ``models/boilerplate_lines.md``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from framing.core.resources import data_text
from framing.families.boilerplate.features import FEATURES
from framing.families.boilerplate.settings import MODEL_FILE


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
    model = shipped_model() if model is None else model
    if list(model["features"]) != list(FEATURES):
        raise ValueError("the line model was trained on other features; retrain it with models/train_boilerplate.py")
    if len(features) == 0:
        return np.zeros(0)
    mean = np.asarray(model["mean"], dtype=np.float64)
    scale = np.asarray(model["scale"], dtype=np.float64)
    coef = np.asarray(model["coef"], dtype=np.float64)
    z = ((features - mean) / scale) @ coef + float(model["intercept"])
    return 1.0 / (1.0 + np.exp(-z))


