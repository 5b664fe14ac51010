"""The rules that turn line features and model probabilities into flagged lines with a category
(see the package docstring, part 3)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from framing.core.segment import Corpus
from framing.families.boilerplate.features import LineTable, line_columns, stack_features
from framing.families.boilerplate.model import column_probabilities, model_probabilities
from framing.families.boilerplate.patterns import PatternSet
from framing.families.boilerplate.settings import CATEGORIES, LABELS, MODEL_THRESHOLD, OTHER


def line_table(
    corpus: Corpus,
    *,
    patterns: PatternSet | None = None,
    model: Mapping[str, Any] | None = None,
    probabilities: np.ndarray | None = None,
    threshold: float = MODEL_THRESHOLD,
    keep_features: bool = True,
) -> LineTable:
    """Judge every line of ``corpus``: features, pattern hits, model probability, exemptions, decision.

    Parameters
    ----------
    corpus : Corpus
    patterns : PatternSet, optional
        Default: :func:`shipped_patterns`.
    model : mapping, optional
        Line-model weights (default: the shipped model).
    probabilities : ndarray, optional
        Use these model probabilities instead (e.g. out-of-fold predictions in validation).
    threshold : float, default MODEL_THRESHOLD
        A line whose model probability reaches it is furniture (unless exempt).
    keep_features : bool, default True
        False: the table's ``features`` is None, and the model reads the feature columns a block
        of lines at a time (what :func:`compute` needs: ~0.55 kB less per line).

    Returns
    -------
    LineTable

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> table = line_table(segment(["Officials declined to comment.\\nLeave a Reply"]))
    >>> table.flagged.tolist(), [LABELS[i] for i in table.label if i >= 0]
    ([False, True], ['comments'])
    """
    columns, extra = line_columns(corpus, patterns)
    n = len(extra["pattern"])
    features = stack_features(columns, n) if keep_features else None
    if probabilities is None:
        probabilities = model_probabilities(features, model) if keep_features else column_probabilities(columns, n, model)
    del columns
    probabilities = np.asarray(probabilities, dtype=np.float64)
    pattern = extra["pattern"]
    exempt = extra["attribution"] | extra["end_quote"] | extra["embedded_post"] | extra["time_subhead"] | (extra["no_words"] & ~extra["empty_item"])
    model_exempt = extra["headline"] | extra["prose"] | extra["list_marker"] | extra["subhead"] | extra["table_row"] | extra["code_like"]
    model_exempt |= extra["foreign_script"] | extra["dateline"] | extra["continued"]
    by_pattern = pattern >= 0
    by_model = (probabilities >= threshold) & ~model_exempt
    in_comments = extra["comments_region"] & ~extra["no_words"]
    caption = extra["caption"] & ~by_pattern & ~in_comments & ~exempt
    flagged = (by_pattern | by_model | extra["empty_item"] | in_comments | caption) & ~exempt
    metadata = CATEGORIES.index("metadata")
    label = np.where(extra["has_date"], metadata, LABELS.index(OTHER))
    label = np.where(caption, CATEGORIES.index("media_credit"), label)  # a caption is its picture's furniture
    label = np.where(by_pattern, pattern, np.where(in_comments, CATEGORIES.index("comments"), label))
    label = np.where(flagged, label, -1)
    lines = corpus.lines
    return LineTable(lines.doc, lines.start, lines.end, features, pattern, probabilities, exempt, model_exempt, flagged, label, caption)


