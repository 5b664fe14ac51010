"""Train the boilerplate line model shipped in ``framing/data/boilerplate_line_model.json``.

The model is a logistic regression over the line features of ``framing.families.boilerplate.line_features``
(:data:`framing.families.boilerplate.FEATURES`), standardised. It is trained on the lines of the texts that
trafilatura 2.0.0, readability-lxml and boilerpipe extracted from the 181 pages of the Scrapinghub
article-extraction benchmark (MIT), labelled by the recipe of
``../shared/research/sourcing-boilerplate-anchors.md`` §0 as implemented in
``benchmarks/boilerplate_validation.py`` (a line is boilerplate when it is not in the hand-made gold
article body; headlines and standfirsts that the gold leaves out are labelled not-boilerplate).

Cross-validation is grouped by page (:data:`N_FOLDS` folds, scikit-learn's deterministic
``GroupKFold``): the three extractors' versions of a page are always in the same fold, so no page
is ever scored by a model that saw it. The weights are exported as plain JSON (no pickle).

Usage::

    PYTHONPATH=. python models/train_boilerplate.py [--out framing/data/boilerplate_line_model.json]

The output is deterministic for a given data folder and scikit-learn version. Model card:
``models/boilerplate_lines.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks import boilerplate_validation as validation  # noqa: E402
from framing.families import boilerplate  # noqa: E402

#: Inverse L2 regularisation strength of the logistic regression.
C = 0.1
#: Folds of the page-grouped cross-validation.
N_FOLDS = 5
MAX_ITER = 5000


def training_lines(pages: pd.DataFrame | None = None) -> dict[str, Any]:
    """Features, labels and page groups of every line of the three extractor outputs.

    Returns
    -------
    dict
        ``X`` (n_lines × len(FEATURES)), ``y`` (bool: boilerplate), ``groups`` (page id),
        ``extractor`` (name per line) and ``per_extractor``: extractor → (corpus, labelled lines).
    """
    pages = _data.article_extraction_benchmark() if pages is None else pages
    parts = {}
    for extractor in _data.EXTRACTORS:
        corpus, lines = validation.labelled_lines(pages, extractor)
        features, _ = boilerplate.line_features(corpus)
        parts[extractor] = (corpus, lines, features)
    X = np.vstack([p[2] for p in parts.values()])
    labels = pd.concat([p[1] for p in parts.values()], ignore_index=True)
    return {
        "X": X,
        "y": (labels["label"] == validation.BOILERPLATE).to_numpy(),
        "groups": labels["page"].to_numpy(),
        "extractor": np.concatenate([[name] * len(p[1]) for name, p in parts.items()]),
        "per_extractor": {name: (p[0], p[1]) for name, p in parts.items()},
    }


def fit(X: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """Fit the standardised logistic regression; return its weights as JSON-ready data."""
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=MAX_ITER).fit((X - mean) / scale, y)
    return {
        "features": list(boilerplate.FEATURES),
        "mean": [float(v) for v in mean],
        "scale": [float(v) for v in scale],
        "coef": [float(v) for v in model.coef_[0]],
        "intercept": float(model.intercept_[0]),
    }


def out_of_fold(X: np.ndarray, y: np.ndarray, groups: np.ndarray, n_folds: int = N_FOLDS) -> np.ndarray:
    """Probabilities for every line from a model trained without that line's page (GroupKFold)."""
    from sklearn.model_selection import GroupKFold

    probabilities = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=n_folds).split(X, y, groups):
        probabilities[test] = boilerplate.model_probabilities(X[test], fit(X[train], y[train]))
    return probabilities


def cv_report(data: dict[str, Any], probabilities: np.ndarray) -> dict[str, Any]:
    """Model-alone ranking scores and full-detector P/R/F1 per extractor, out of fold."""
    from sklearn.metrics import average_precision_score, roc_auc_score

    report: dict[str, Any] = {
        "roc_auc": float(roc_auc_score(data["y"], probabilities)),
        "average_precision": float(average_precision_score(data["y"], probabilities)),
        "detector": {},
    }
    for name, (corpus, lines) in data["per_extractor"].items():
        table = boilerplate.line_table(corpus, probabilities=probabilities[data["extractor"] == name])
        report["detector"][name] = validation.scores(lines, table.flagged)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "framing" / "data" / boilerplate.MODEL_FILE)
    args = parser.parse_args()

    import sklearn

    data = training_lines()
    probabilities = out_of_fold(data["X"], data["y"], data["groups"])
    report = cv_report(data, probabilities)
    model = fit(data["X"], data["y"])
    payload = {
        "format": "framing-logistic-line-model/1",
        "description": "Logistic regression over standardised line features: p = 1 / (1 + exp(-(((x - mean) / scale) . coef + intercept))).",
        "trained_on": (
            "Scrapinghub article-extraction benchmark (MIT), 181 pages: lines of the trafilatura 2.0.0, readability-lxml and "
            "boilerpipe outputs, labelled against the hand-made gold articleBody (benchmarks/boilerplate_validation.py)"
        ),
        "n_lines": int(len(data["y"])),
        "n_boilerplate": int(data["y"].sum()),
        "n_pages": int(len(set(data["groups"]))),
        "C": C,
        "sklearn_version": sklearn.__version__,
        "cv": {"folds": N_FOLDS, "grouped_by": "page", "threshold": boilerplate.MODEL_THRESHOLD, **report},
        **model,
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {payload['n_lines']} lines, {payload['n_boilerplate']} boilerplate, {payload['n_pages']} pages")
    print(f"out-of-fold ROC AUC {report['roc_auc']:.3f}, average precision {report['average_precision']:.3f}")
    for name, s in report["detector"].items():
        print(f"  {name:12s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (boilerplate lines {s['boilerplate']})")
    ranked = sorted(zip(model["features"], model["coef"]), key=lambda t: -abs(t[1]))
    print("largest standardised weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in ranked[:12]))


if __name__ == "__main__":
    main()
