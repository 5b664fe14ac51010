"""A scikit-learn transformer over framing's scores."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .api import _check_compat, _check_signals, columns, score


class Analyzer(TransformerMixin, BaseEstimator):
    """Turn raw texts into framing's score columns, as a scikit-learn transformer.

    Parameters
    ----------
    signals : str or list of str, optional
        Signal families (default: all), as in :func:`framing.score`.
    compat : {None, "textstat"}, default None
        Readability mode, as in :func:`framing.score`.
    n_jobs : int, default 1
        Worker processes for scoring.
    batch_size : int, default 256
        Documents segmented together.
    lexicons : optional
        Frame sets of the ``framing`` family, as in :func:`framing.score`.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The column names of :meth:`transform`'s output.
    n_features_out_ : int

    Examples
    --------
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import StandardScaler
    >>> pipe = make_pipeline(Analyzer(signals="readability"), StandardScaler())
    >>> X = pipe.fit_transform(["A short text. It is easy.", "Comprehensive institutional deliberations continue."])
    >>> X.shape
    (2, 21)
    """

    def __init__(
        self,
        signals: Iterable[str] | str | None = None,
        compat: str | None = None,
        n_jobs: int = 1,
        batch_size: int = 256,
        lexicons: Any = None,
    ) -> None:
        self.signals = signals
        self.compat = compat
        self.n_jobs = n_jobs
        self.batch_size = batch_size
        self.lexicons = lexicons

    def fit(self, X: Iterable[Any], y: Any = None) -> "Analyzer":
        """Validate the parameters and fix the output columns. Learns nothing from ``X`` yet."""
        _check_compat(self.compat)
        families = _check_signals(self.signals)
        if not isinstance(self.n_jobs, int) or self.n_jobs < 1:
            raise ValueError(f"n_jobs must be a positive integer, got {self.n_jobs!r}")
        self.feature_names_out_ = np.asarray(columns(families, lexicons=self.lexicons), dtype=object)
        self.n_features_out_ = len(self.feature_names_out_)
        return self

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Scores as a float array of shape (n_documents, n_features); NaN where a text is invalid."""
        check_is_fitted(self, "feature_names_out_")
        frame = score(
            X, signals=self.signals, compat=self.compat, n_jobs=self.n_jobs, batch_size=self.batch_size,
            lexicons=self.lexicons,
        )
        return frame[list(self.feature_names_out_)].to_numpy(dtype=np.float64)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
