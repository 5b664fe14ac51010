"""A scikit-learn transformer over framing's scores."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.multiclass import type_of_target
from sklearn.utils.validation import check_is_fitted

from framing.config import Config
from framing.faces.api import score
from framing.judges.flags import LinearFlagger, QualityFlagger
from framing.judges.norms import Norms
from framing.pipeline import columns


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
    patterns : optional
        Boilerplate patterns added to the shipped ones, as in :func:`framing.score`.
    high_percentile : float, default 99.5
        Passed to the :class:`~framing.judges.flags.QualityFlagger` that :meth:`flag` uses.
    C : float, default 1.0
        Regularisation of the :class:`~framing.judges.flags.LinearFlagger` trained when ``fit`` gets labels.
    register : {None, "news", "web"}, default None
        The norms :meth:`flag` compares with when ``fit`` gets no labels: ``None`` the in-domain
        norms learnt by ``fit`` (``norms_``, always learnt); ``"news"`` or ``"web"`` the shipped
        norms of that register (:func:`framing.judges.norms.reference_norms`).

    Attributes
    ----------
    config_ : Config
        The checked configuration ``fit`` built from the parameters.
    feature_names_out_ : ndarray of str
        The column names of :meth:`transform`'s output.
    n_features_out_ : int
    norms_ : Norms
        Norms learnt from the texts given to :meth:`fit`: the in-domain baseline of :meth:`flag`.
    flagger_ : QualityFlagger or LinearFlagger
        What :meth:`flag` applies: the rules against ``norms_``, or, when ``fit`` got labels
        ``y``, a logistic regression trained on them (save it with ``flagger_.save(path)``).

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
        patterns: Any = None,
        high_percentile: float = 99.5,
        C: float = 1.0,
        register: str | None = None,
    ) -> None:
        self.signals = signals
        self.compat = compat
        self.n_jobs = n_jobs
        self.batch_size = batch_size
        self.lexicons = lexicons
        self.patterns = patterns
        self.high_percentile = high_percentile
        self.C = C
        self.register = register

    def _scores(self, X: Iterable[Any]):
        config = getattr(self, "config_", None) or self._config()
        return score(X, config=config, n_jobs=self.n_jobs, batch_size=self.batch_size)

    def _config(self) -> Config:
        return Config(signals=self.signals, compat=self.compat, lexicons=self.lexicons, patterns=self.patterns)

    def _fit_scores(self, X: Iterable[Any], y: Any):
        """Validate the parameters, score ``X`` once and learn norms (and, with ``y``, a flagger)."""
        self.config_ = self._config()
        if not isinstance(self.n_jobs, int) or self.n_jobs < 1:
            raise ValueError(f"n_jobs must be a positive integer, got {self.n_jobs!r}")
        self.feature_names_out_ = np.asarray(columns(self.config_), dtype=object)
        self.n_features_out_ = len(self.feature_names_out_)
        scores = self._scores(X)
        self.norms_ = Norms.fit(scores, columns=list(self.feature_names_out_), meta={"learnt_by": "Analyzer.fit", "documents": len(scores)})
        if y is None or type_of_target(np.asarray(y)) != "binary":
            if self.register is None:
                self.flagger_ = QualityFlagger(self.norms_, high_percentile=self.high_percentile)
            else:
                self.flagger_ = QualityFlagger(register=self.register, high_percentile=self.high_percentile)
                self.flagger_._check()  # an unknown register fails here, not at flag time
        else:
            self.flagger_ = LinearFlagger(C=self.C, columns=list(self.feature_names_out_)).fit(scores, y)
        return scores

    def fit(self, X: Iterable[Any], y: Any = None) -> Analyzer:
        """Score ``X``, learn its norms and, when labels ``y`` are given, train a linear flagger.

        Parameters
        ----------
        X : iterable of str
            The user's own corpus: :meth:`flag` will compare documents with it.
        y : array-like of {0, 1}, optional
            1 for low-quality documents. Trains ``flagger_`` as a
            :class:`~framing.judges.flags.LinearFlagger` over the score columns. A ``y`` that is not
            binary (a target meant for a later step of a pipeline) trains no flagger.
        """
        self._fit_scores(X, y)
        return self

    def fit_transform(self, X: Iterable[Any], y: Any = None, **fit_params: Any) -> np.ndarray:
        """:meth:`fit` and :meth:`transform` with one scoring pass."""
        scores = self._fit_scores(X, y)
        return scores[list(self.feature_names_out_)].to_numpy(dtype=np.float64)

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Scores as a float array of shape (n_documents, n_features); NaN where a text is invalid."""
        check_is_fitted(self, "feature_names_out_")
        return self._scores(X)[list(self.feature_names_out_)].to_numpy(dtype=np.float64)

    def flag(self, X: Iterable[Any]):
        """Quality flags (``quality.flagged``, ``quality.score``, ``quality.reasons``) against what ``fit`` learnt.

        Returns
        -------
        pandas.DataFrame
            One row per text, as :func:`framing.flag`.
        """
        check_is_fitted(self, "flagger_")
        scores = self._scores(X)
        return self.flagger_.flag(scores).assign(error=scores["error"])

    def explain(self, X: Iterable[Any], **options: Any):
        """The reasons of :meth:`flag` as data: one row per reason (``explain`` of ``flagger_``).

        Returns
        -------
        pandas.DataFrame
            Columns :data:`framing.judges.flags.REASON_COLUMNS` (code, value, percentile, status,
            the reason string and a sentence); ``options`` go to the flagger's ``explain``.
        """
        check_is_fitted(self, "flagger_")
        return self.flagger_.explain(self._scores(X), **options)

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
