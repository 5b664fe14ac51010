"""The README's scikit-learn example, as it is printed there, runs without warnings: the features
are imputed (a frame balance is NaN off its topic) and scaled before the logistic regression."""

import warnings
from pathlib import Path

import numpy as np
import pytest

import framing

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def texts_and_labels():
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
        texts += paragraphs[:6]
    labels = np.arange(len(texts)) % 2
    return texts, labels


def test_readme_pipeline_example_fits_without_warnings(texts_and_labels):
    texts, labels = texts_and_labels
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails, ConvergenceWarning first of all
        # --- the README's snippet ---
        from sklearn.impute import SimpleImputer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        model = make_pipeline(framing.Analyzer(), SimpleImputer(), StandardScaler(), LogisticRegression()).fit(
            texts, labels
        )
        # --- end ---
    assert model.predict(texts[:3]).shape == (3,)
    assert issubclass(ConvergenceWarning, Warning)
