import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

import framing


def test_transformer_in_a_pipeline(seed_texts):
    texts = list(seed_texts.values()) * 2
    y = [1, 0, 0, 0, 0] * 2
    pipe = Pipeline([("scores", framing.Analyzer()), ("scale", StandardScaler()), ("model", LogisticRegression())])
    pipe.fit(texts, y)
    assert pipe.predict(texts).shape == (10,)
    names = pipe.named_steps["scores"].get_feature_names_out()
    assert list(names) == framing.columns()


def test_transform_matches_score(seed_texts):
    texts = list(seed_texts.values())
    analyzer = framing.Analyzer(compat="textstat").fit(texts)
    X = analyzer.transform(texts)
    expected = framing.score(texts, compat="textstat")[framing.columns(config=framing.Config(compat="textstat"))].to_numpy()
    np.testing.assert_array_equal(X, expected)
    assert X.dtype == np.float64


def test_clone_and_params():
    analyzer = framing.Analyzer(signals=["readability"], compat="textstat", n_jobs=2)
    copy = clone(analyzer)
    assert copy.get_params() == analyzer.get_params()
    assert not hasattr(copy, "feature_names_out_")


def test_validation_happens_in_fit():
    analyzer = framing.Analyzer(compat="nope")  # the constructor only stores
    with pytest.raises(ValueError, match="compat"):
        analyzer.fit(["text"])
    with pytest.raises(NotFittedError):
        framing.Analyzer().transform(["text"])
