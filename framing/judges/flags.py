"""Quality flags: low-quality and generated-looking pages, each flag with its reasons.

Entry points: :func:`flag` (texts in, one row of flags per text out), :class:`QualityFlagger`
(the named rules and their thresholds, applied to scores from :func:`framing.score`) and
:class:`LinearFlagger` (a logistic regression a user trains on their own labels).

The rules
---------
Each rule watches one score column and fires when the document is extreme against the reference
norms (:mod:`framing.judges.norms`) *and* past an absolute limit, so a rule never fires on a value that is
rare but harmless (one orphan quote) or common but bad (when the norms were learnt on a bad corpus).

====================== ============================================== ====== ========================================
reason code            column                                         side   absolute limit (constructor argument)
====================== ============================================== ====== ========================================
boilerplate_prompts    ``boilerplate.call_to_action``                 high   ``min_prompt_lines`` = 3
boilerplate_lines      ``boilerplate.furniture_lines`` (derived)      high   ``min_boilerplate_lines`` = 4
duplicate_paragraphs   ``repetition.duplicate_paragraph_char_fraction`` high ``min_duplicate_paragraph_fraction`` = 0.10
duplicate_lines        ``repetition.duplicate_line_char_fraction``    high   ``min_duplicate_line_fraction`` = 0.10
paraphrase_repetition  ``repetition.paraphrase_share``                high   ``min_paraphrase_share`` = 0.15
filler_phrases         ``style.filler_per_1000_words``                high   ``min_filler_per_1000_words`` = 4.0
orphan_quotes          ``sourcing.orphan_quotes``                     high   ``min_orphan_quotes`` = 2
sourcing_density       ``sourcing.attributions_per_100_words``        low    ``max_attributions_per_100_words`` = 0.5
low_specificity        ``sourcing.specifics_per_100_words``           low    ``max_specifics_per_100_words`` = 1.0
hedged_balance         ``style.hedged_balance``                       high   ``min_hedged_balance`` = 1
generic_framing *      ``style.generic_framing_share``                high   ``min_generic_framing_share`` = 0.05
lead_restatement *     ``style.lead_restatement_share``               high   ``min_lead_restatement_share`` = 0.15
unspecific_claims *    ``style.unspecific_claim_share``               high   ``min_unspecific_claim_share`` = 0.6
uniform_rhythm *       ``style.sentence_length_cv``                   low    ``max_sentence_length_cv`` = 0.3
vague_sources *        ``sourcing.vague_source_share``                high   ``min_vague_source_share`` = 0.5
unsourced_claims *     ``sourcing.unsourced_claims_per_100_words``    high   ``min_unsourced_claims_per_100_words`` = 1.0
====================== ============================================== ====== ========================================

Rules marked * only corroborate (``Rule.fires`` False): on real news their tails reach the values of
generated pages, so they are listed among a flagged document's reasons but never flag one alone and
do not enter ``quality.score`` (``docs/flags.md``). ``boilerplate.furniture_lines`` is
``boilerplate.lines`` minus ``boilerplate.media_credit`` (:data:`DERIVED_COLUMNS`): captions and
picture credits belong to a published article. The norms are the shipped ones of ``register``
(``news`` or ``web``, :data:`framing.judges.norms.REGISTERS`) unless ``norms`` is given.

The trained model
-----------------
``model="shipped"`` (the default) adds the generated-style model of
``framing/data/flagger_model.json`` (a :class:`LinearFlagger` trained by ``models/train_flagger.py``
on the project's generated pages against real news, cross-validated by topic; model card
``models/flagger.md``): its probability ``p`` flags a document at ``p >= threshold`` (the model's
own, or ``model_threshold``), lowers ``quality.score`` to at most ``1 - p``, and adds the reason
``"generated_style: <p> (model)"`` after the rules' reasons. ``model=None`` gives the rules alone.

A ``high`` rule fires when the value is at least its limit and its reference percentile is at
least ``high_percentile`` (default 99.5); a ``low`` rule when the value is at most its limit and
its percentile at most ``100 - high_percentile``, and only for documents of at least ``min_words``
words (default 150: a short notice need not quote anyone). From ``score_min_words`` words (default
50) a ``low`` rule's percentile still enters ``quality.score`` (it never flags or is a reason below
``min_words``): the score keeps ranking a short text that attributes nothing below one that does.
The limits' defaults are round numbers
set from the reference distributions (``models/reference_norms.md``) and seed 000; the Gopher
duplicate thresholds (Rae et al. 2021: 0.20 of characters in duplicate lines or paragraphs) are
looser than needed once the norms say that professional news repeats almost nothing, so the limits
here are half of them. ``min_prompt_lines`` is 3 so that the two "Read next:" promos an ordinary
news page carries do not flag it. Rules whose column was not computed are skipped.

``style.flattened_table_lines`` and ``style.faq_questions`` are columns but not rules: real pages
in the reference corpus carry tables and FAQ blocks too (the shipped norms' maxima are 43 table
lines and 24 questions), so as rules they flagged held-out professional pages while adding nothing
that the phrase and sourcing rules do not already find in generated pages.

Outputs
-------
``quality.flagged``
    True when at least one rule fires or the model's probability reaches its threshold.
``quality.score``
    In [0, 1], higher is better: ``min(1 - (1 - t)^k, 1 - p)``, where ``t`` is the reference tail
    share of the document's most unusual firing signal (``1 - percentile/100`` on the rule's bad
    side; a signal short of its absolute limit counts as no rarer than ``reason_percentile``: it
    cannot be a reason), ``k`` the number of firing rules evaluated (Šidák's correction) and ``p``
    the model's probability (left out without a model). A fired rule puts the score at or below
    ``1 - (high_percentile/100)^k``.
``quality.reasons``
    For a flagged document, the fired rules and the corroborating ones (past their limit and
    beyond ``reason_percentile``, default 95), most unusual first, as stable strings
    ``"<code>: <value> (p<percentile>)"``, e.g. ``"boilerplate_prompts: 3 lines (p99.8)"``; the
    percentile says which fired. Empty for documents that are not flagged.

The same reasons as data: :meth:`QualityFlagger.explain` gives one row per reason with its
``code``, ``column``, ``value``, ``percentile``, ``limit``, ``status`` (``fired`` or
``corroborating``), the ``reason`` string and a ``sentence`` for people (``every_rule=True`` adds
the rules that are not reasons); :meth:`LinearFlagger.explain` and
:meth:`framing.Analyzer.explain` give the same columns. The codes are listed in
``docs/evidence.md``.

Examples
--------
>>> from framing import flag
>>> page = "\\n\\n".join(["The council approved the budget on Monday, its chair said.",
...                      "To Read the complete article click here", "Read more", "Click here to subscribe"])
>>> row = flag([page]).iloc[0]
>>> bool(row["quality.flagged"]), row["quality.reasons"]  # doctest: +ELLIPSIS
(True, ['boilerplate_prompts: 3 lines (p9...)'])
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.core.resources import data_text
from framing.judges.norms import DEFAULT_REGISTER, REGISTERS, Norms, reference_norms
from framing.pipeline import ERROR_COLUMN

__all__ = ["Rule", "RULES", "QualityFlagger", "LinearFlagger", "FLAG_COLUMNS", "REASON_COLUMNS", "STATUSES", "MODEL_CODE", "shipped_model"]

FLAG_COLUMNS = ("quality.flagged", "quality.score", "quality.reasons")
WORDS_COLUMN = "text.words"


@dataclass(frozen=True)
class Rule:
    """One named rule: the column it watches, its bad side and the argument holding its limit."""

    code: str
    column: str
    side: str  # "high" or "low"
    limit: str  # name of the QualityFlagger argument with the absolute limit
    unit: str = ""
    #: What the value says, for people: ``{value}`` is replaced by the formatted value.
    what: str = "{value}"
    #: False for a rule that only corroborates: it is listed among a flagged document's reasons but
    #: never flags a document on its own, and does not enter ``quality.score``.
    fires: bool = True


RULES: tuple[Rule, ...] = (
    Rule("boilerplate_prompts", "boilerplate.call_to_action", "high", "min_prompt_lines", "lines",
         "{value} call-to-action lines"),
    Rule("boilerplate_lines", "boilerplate.furniture_lines", "high", "min_boilerplate_lines", "lines",
         "{value} boilerplate lines other than captions and picture credits"),
    Rule("duplicate_paragraphs", "repetition.duplicate_paragraph_char_fraction", "high", "min_duplicate_paragraph_fraction",
         "of characters", "{value} of the paragraph characters in repeated paragraphs"),
    Rule("duplicate_lines", "repetition.duplicate_line_char_fraction", "high", "min_duplicate_line_fraction",
         "of characters", "{value} of the line characters in repeated lines"),
    Rule("paraphrase_repetition", "repetition.paraphrase_share", "high", "min_paraphrase_share", "of sentences",
         "{value} of the sentences restate an earlier one"),
    Rule("filler_phrases", "style.filler_per_1000_words", "high", "min_filler_per_1000_words", "/1000w",
         "{value} filler phrases per 1,000 words"),
    Rule("orphan_quotes", "sourcing.orphan_quotes", "high", "min_orphan_quotes", "",
         "{value} quotes without a speaker"),
    Rule("sourcing_density", "sourcing.attributions_per_100_words", "low", "max_attributions_per_100_words", "/100w",
         "{value} attributions per 100 words"),
    Rule("low_specificity", "sourcing.specifics_per_100_words", "low", "max_specifics_per_100_words", "/100w",
         "{value} figures, dates and names per 100 words"),
    Rule("hedged_balance", "style.hedged_balance", "high", "min_hedged_balance", "",
         "{value} hedged balances ('some say ..., while others ...')"),
    Rule("generic_framing", "style.generic_framing_share", "high", "min_generic_framing_share", "of claims",
         "{value} of the claim sentences carry a generic framing phrase", fires=False),
    Rule("lead_restatement", "style.lead_restatement_share", "high", "min_lead_restatement_share", "of sentences",
         "{value} of the later sentences restate the lead", fires=False),
    Rule("unspecific_claims", "style.unspecific_claim_share", "high", "min_unspecific_claim_share", "of claims",
         "{value} of the claim sentences have no figure, date or name", fires=False),
    Rule("uniform_rhythm", "style.sentence_length_cv", "low", "max_sentence_length_cv", "",
         "sentence lengths vary by {value} of their mean", fires=False),
    Rule("vague_sources", "sourcing.vague_source_share", "high", "min_vague_source_share", "of sources",
         "{value} of the attributions name only a vague source ('experts', 'some')", fires=False),
    Rule("unsourced_claims", "sourcing.unsourced_claims_per_100_words", "high", "min_unsourced_claims_per_100_words", "/100w",
         "{value} specific claims without a source per 100 words", fires=False),
)  # fmt: skip
#: The reason code of the trained model (:class:`LinearFlagger`, shipped in
#: ``framing/data/flagger_model.json``): ``"generated_style: <probability> (model)"``.
MODEL_CODE = "generated_style"
#: The column name the model's reason rows carry in :meth:`QualityFlagger.explain`.
MODEL_COLUMN = "quality.model_probability"
MODEL_FILE = "flagger_model.json"
#: Columns the rules compute from score columns: name -> (column, column subtracted). Their norms
#: are stored beside the score columns' (``models/build_norms.py``).
DERIVED_COLUMNS: dict[str, tuple[str, str]] = {
    "boilerplate.furniture_lines": ("boilerplate.lines", "boilerplate.media_credit"),
}


def derived_columns(scores: pd.DataFrame) -> pd.DataFrame:
    """The :data:`DERIVED_COLUMNS` that ``scores`` allows, same index.

    Examples
    --------
    >>> derived_columns(pd.DataFrame({"boilerplate.lines": [5.0], "boilerplate.media_credit": [4.0]}))["boilerplate.furniture_lines"].tolist()
    [1.0]
    """
    found = {name: scores[a] - scores[b] for name, (a, b) in DERIVED_COLUMNS.items() if a in scores.columns and b in scores.columns}
    return pd.DataFrame(found, index=scores.index)


def _rule_values(rule: Rule, scores: pd.DataFrame) -> np.ndarray | None:
    if rule.column in scores.columns:
        return scores[rule.column].to_numpy(np.float64)
    if rule.column in DERIVED_COLUMNS:
        a, b = DERIVED_COLUMNS[rule.column]
        if a in scores.columns and b in scores.columns:
            return (scores[a] - scores[b]).to_numpy(np.float64)
    return None

#: The columns of :meth:`QualityFlagger.explain` and :meth:`LinearFlagger.explain`, one row per reason.
REASON_COLUMNS = ("document", "code", "column", "side", "value", "percentile", "limit", "status", "reason", "sentence")
#: ``status`` of a rule for a document: it fired; it corroborates a fired rule (past its limit and
#: beyond ``reason_percentile``); it did not fire; it was not applied (no value, or a ``low`` rule
#: on a document shorter than ``min_words``). Only the first two are reasons.
STATUSES = ("fired", "corroborating", "not_fired", "skipped")


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def _format_value(value: float, unit: str) -> str:
    number = _number(value)
    return f"{number} {unit}".strip() if unit.startswith(("lines", "questions", "of")) or not unit else f"{number}{unit}"


class QualityFlagger:
    """The named quality rules, with their thresholds as arguments (see the module docstring).

    Parameters
    ----------
    norms : Norms, optional
        The reference the percentiles are taken against (default: the shipped norms of
        professional news, :func:`framing.judges.norms.reference_norms`).
    high_percentile : float, default 99.5
        A rule fires only beyond this reference percentile on its bad side. The default is about
        Šidák's per-rule level for nine rules and a 5% false-positive budget: 1 − 0.95^(1/9) ≈ 0.0057.
    reason_percentile : float, default 95.0
        A flagged document's reasons also list the rules that did not fire but are past their
        limit and beyond this percentile: the corroborating evidence an analyst wants to see.
    min_words : int, default 150
        ``low`` rules neither fire nor are reasons on shorter documents.
    score_min_words : int, default 50
        ``low`` rules still enter ``quality.score`` from this many words (at most ``min_words``):
        a 100-word text without any attribution scores lower than one with several, though no
        rule flags it (``docs/flags.md``, "Stripped attributions").
    min_prompt_lines, min_boilerplate_lines, min_duplicate_paragraph_fraction,
    min_duplicate_line_fraction, min_paraphrase_share, min_filler_per_1000_words, min_orphan_quotes,
    max_attributions_per_100_words, max_specifics_per_100_words : float
        The rules' absolute limits (defaults in the module docstring's table).

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({"boilerplate.call_to_action": [0.0, 4.0], "error": [None, None]})
    >>> QualityFlagger().flag(scores)["quality.flagged"].tolist()
    [False, True]
    """

    def __init__(
        self,
        norms: Norms | None = None,
        *,
        high_percentile: float = 99.5,
        reason_percentile: float = 95.0,
        min_words: int = 150,
        score_min_words: int = 50,
        min_prompt_lines: float = 3,
        min_boilerplate_lines: float = 4,
        min_duplicate_paragraph_fraction: float = 0.10,
        min_duplicate_line_fraction: float = 0.10,
        min_paraphrase_share: float = 0.15,
        min_filler_per_1000_words: float = 4.0,
        min_orphan_quotes: float = 2,
        max_attributions_per_100_words: float = 0.5,
        max_specifics_per_100_words: float = 1.0,
        min_hedged_balance: float = 1,
        min_generic_framing_share: float = 0.05,
        min_lead_restatement_share: float = 0.15,
        min_unspecific_claim_share: float = 0.6,
        max_sentence_length_cv: float = 0.3,
        min_vague_source_share: float = 0.5,
        min_unsourced_claims_per_100_words: float = 1.0,
        register: str = DEFAULT_REGISTER,
        model: LinearFlagger | str | None = "shipped",
        model_threshold: float | None = None,
    ) -> None:
        self.norms = norms
        self.register = register
        self.model = model
        self.model_threshold = model_threshold
        self.min_hedged_balance = min_hedged_balance
        self.min_generic_framing_share = min_generic_framing_share
        self.min_lead_restatement_share = min_lead_restatement_share
        self.min_unspecific_claim_share = min_unspecific_claim_share
        self.max_sentence_length_cv = max_sentence_length_cv
        self.min_vague_source_share = min_vague_source_share
        self.min_unsourced_claims_per_100_words = min_unsourced_claims_per_100_words
        self.high_percentile = high_percentile
        self.reason_percentile = reason_percentile
        self.min_words = min_words
        self.score_min_words = score_min_words
        self.min_prompt_lines = min_prompt_lines
        self.min_boilerplate_lines = min_boilerplate_lines
        self.min_duplicate_paragraph_fraction = min_duplicate_paragraph_fraction
        self.min_duplicate_line_fraction = min_duplicate_line_fraction
        self.min_paraphrase_share = min_paraphrase_share
        self.min_filler_per_1000_words = min_filler_per_1000_words
        self.min_orphan_quotes = min_orphan_quotes
        self.max_attributions_per_100_words = max_attributions_per_100_words
        self.max_specifics_per_100_words = max_specifics_per_100_words

    def _check(self) -> Norms:
        if not 50.0 <= float(self.high_percentile) < 100.0:
            raise ValueError(f"high_percentile must be in [50, 100), got {self.high_percentile!r}")
        if not 50.0 <= float(self.reason_percentile) <= float(self.high_percentile):
            raise ValueError(f"reason_percentile must be in [50, high_percentile], got {self.reason_percentile!r}")
        if not 0 <= self.score_min_words <= self.min_words:
            raise ValueError(f"score_min_words must be in [0, min_words], got {self.score_min_words!r}")
        if self.norms is not None and not isinstance(self.norms, Norms):
            raise TypeError(f"norms must be a framing.judges.norms.Norms, got {type(self.norms).__name__}")
        if self.register not in REGISTERS:
            raise ValueError(f"register must be one of {REGISTERS}, got {self.register!r}")
        return self.norms if self.norms is not None else reference_norms(self.register)

    def _model(self) -> tuple[LinearFlagger | None, float]:
        """The trained model and its threshold (``None`` without a model)."""
        model = self.model
        if model is None:
            return None, np.nan
        if isinstance(model, str):
            if model != "shipped":
                raise ValueError(f"model must be 'shipped', None or a LinearFlagger, got {model!r}")
            model = shipped_model()
        elif not isinstance(model, LinearFlagger):
            raise TypeError(f"model must be 'shipped', None or a LinearFlagger, got {type(model).__name__}")
        threshold = self.model_threshold if self.model_threshold is not None else getattr(model, "threshold_", 0.5)
        if not 0.0 < float(threshold) < 1.0:
            raise ValueError(f"model_threshold must be in (0, 1), got {threshold!r}")
        return model, float(threshold)

    def model_probability(self, scores: pd.DataFrame) -> np.ndarray:
        """The trained model's probability that each document is generated-style (NaN without a
        model, when ``scores`` lacks one of its columns, and on error rows)."""
        model, _ = self._model()
        if model is None or any(c not in scores.columns for c in model.columns_):
            return np.full(len(scores), np.nan)
        probability = model.predict_proba(scores)
        if ERROR_COLUMN in scores:
            probability = np.where(scores[ERROR_COLUMN].notna().to_numpy(), np.nan, probability)
        return probability

    def rule_table(self, scores: pd.DataFrame) -> dict[str, pd.DataFrame]:
        """Per evaluated rule: ``value``, ``percentile``, ``tail`` (NaN for a rule that only corroborates),
        ``order`` (the reference tail share on the bad side), ``fired`` and ``notable`` for every row.

        A rule is evaluated when ``scores`` has its column and the norms know it.
        """
        norms = self._check()
        n = len(scores)
        words = scores[WORDS_COLUMN].to_numpy(np.float64) if WORDS_COLUMN in scores else np.full(n, np.inf)
        cut = float(self.high_percentile)
        table = {}
        for rule in RULES:
            value = _rule_values(rule, scores)
            if value is None or rule.column not in norms.quantiles:
                continue
            pct = norms.percentile(rule.column, value)
            limit = float(getattr(self, rule.limit))
            if rule.side == "high":
                bad_pct, past_limit = pct, value >= limit
            else:
                # a low rule scores from score_min_words words, but fires and is a reason only from min_words
                scored = words >= self.score_min_words
                bad_pct, past_limit = 100.0 - pct, (value <= limit) & scored
                bad_pct = np.where(scored, bad_pct, np.nan)
            fired = past_limit & (bad_pct >= cut) & rule.fires
            notable = past_limit & (bad_pct >= float(self.reason_percentile))
            if rule.side == "low":
                fired, notable = fired & (words >= self.min_words), notable & (words >= self.min_words)
            tail = order = 1.0 - bad_pct / 100.0
            # a value short of its limit is never a reason, so it counts as no rarer than a reason's line
            tail = np.where(past_limit, tail, np.maximum(tail, 1.0 - float(self.reason_percentile) / 100.0 + 1e-9))
            if not rule.fires:
                tail = np.full(n, np.nan)  # corroborating only: not part of quality.score
            table[rule.code] = pd.DataFrame(
                {"value": value, "percentile": pct, "tail": tail, "order": order, "fired": fired, "notable": notable},
                index=scores.index,
            )
        return table

    def flag(self, scores: pd.DataFrame) -> pd.DataFrame:
        """Flags for scored documents.

        Parameters
        ----------
        scores : pandas.DataFrame
            Output of :func:`framing.score` (any families; rules on missing columns are skipped).

        Returns
        -------
        pandas.DataFrame
            :data:`FLAG_COLUMNS`, same index; rows with an ``error`` get ``quality.flagged`` NA,
            ``quality.score`` NaN and no reasons.
        """
        table = self.rule_table(scores)
        n = len(scores)
        if table:
            tails = np.column_stack([t["tail"].to_numpy() for t in table.values()])
            evaluated = np.isfinite(tails).sum(axis=1)
            worst = np.nanmin(np.where(np.isfinite(tails), tails, np.inf), axis=1)
            quality = 1.0 - (1.0 - np.clip(worst, 0.0, 1.0)) ** evaluated
            fired = np.column_stack([t["fired"].to_numpy() for t in table.values()])
        else:
            quality, fired = np.full(n, np.nan), np.zeros((n, 0), dtype=bool)
        probability = self.model_probability(scores)
        _, threshold = self._model()
        quality = np.fmin(quality, 1.0 - probability)
        flagged = fired.any(axis=1) | (probability >= threshold)
        reasons = [[r["reason"] for r in rows] for rows in self._reason_rows(scores, table, flagged, probability=probability)]
        result = pd.DataFrame(
            {"quality.flagged": pd.array(flagged, dtype="boolean"), "quality.score": quality, "quality.reasons": reasons},
            index=scores.index,
        )
        return _blank_errors(result, scores)

    def _reason_rows(
        self, scores: pd.DataFrame, table: dict[str, pd.DataFrame], flagged: np.ndarray, every_rule: bool = False,
        probability: np.ndarray | None = None,
    ) -> list[list[dict[str, Any]]]:
        """Per document, one dict per reason (every evaluated rule with ``every_rule``), reasons
        first, most unusual first, the model's after the rules'; the rest in :data:`RULES` order."""
        if probability is None:
            probability = self.model_probability(scores)
        _, threshold = self._model()
        rules = {rule.code: rule for rule in RULES}
        words = scores[WORDS_COLUMN].to_numpy(np.float64) if WORDS_COLUMN in scores else np.full(len(scores), np.inf)
        errors = scores[ERROR_COLUMN].notna().to_numpy() if ERROR_COLUMN in scores else np.zeros(len(scores), bool)
        columns = {
            code: {name: t[name].to_numpy() for name in ("value", "percentile", "order", "fired", "notable")}
            for code, t in table.items()
        }
        out = []
        for row, label in enumerate(scores.index):
            reasons, rest = [], []
            if errors[row]:  # an error row has no flag and no reasons
                out.append([])
                continue
            for code, c in columns.items():
                rule = rules[code]
                value, pct = float(c["value"][row]), float(c["percentile"][row])
                if flagged[row] and c["notable"][row]:
                    status = "fired" if c["fired"][row] else "corroborating"
                elif not every_rule:
                    continue
                elif np.isnan(value) or np.isnan(pct) or (rule.side == "low" and words[row] < self.min_words):
                    status = "skipped"
                else:
                    status = "not_fired"
                limit = float(getattr(self, rule.limit))
                item = {
                    "document": label, "code": code, "column": rule.column, "side": rule.side,
                    "value": None if np.isnan(value) else value, "percentile": None if np.isnan(pct) else pct,
                    "limit": limit, "status": status,
                    "reason": f"{code}: {_format_value(value, rule.unit)} (p{pct:.1f})" if status in STATUSES[:2] else "",
                    "sentence": _sentence(rule, value, pct, limit, status),
                }  # fmt: skip
                (reasons if status in STATUSES[:2] else rest).append((float(c["order"][row]), item))
            reasons.sort(key=lambda pair: pair[0])
            model_item = self._model_item(label, float(probability[row]), threshold, bool(flagged[row]), every_rule)
            if model_item is not None:
                (reasons if model_item["status"] in STATUSES[:2] else rest).append((np.inf, model_item))
            out.append([item for _, item in reasons + rest])
        return out

    @staticmethod
    def _model_item(label: Any, p: float, threshold: float, flagged: bool, every_rule: bool) -> dict[str, Any] | None:
        """The trained model's reason row of one document (None when it is not one and not asked for)."""
        if np.isnan(threshold):
            return None
        if flagged and p >= threshold:
            status = "fired"
        elif flagged and p >= 0.5:
            status = "corroborating"
        elif not every_rule:
            return None
        else:
            status = "skipped" if np.isnan(p) else "not_fired"
        is_reason = status in STATUSES[:2]
        verdict = {"fired": "the model flagged it", "corroborating": "above even odds: it corroborates the fired rules",
                   "not_fired": "the model did not flag it", "skipped": "the model does not apply"}[status]
        return {
            "document": label, "code": MODEL_CODE, "column": MODEL_COLUMN, "side": "high",
            "value": None if np.isnan(p) else p, "percentile": None, "limit": threshold, "status": status,
            "reason": f"{MODEL_CODE}: {p:.2f} (model)" if is_reason else "",
            "sentence": ("no model probability" if np.isnan(p) else f"generated-style probability {p:.2f} from the trained model")
                        + f", threshold {threshold:.2f}; {verdict}.",
        }  # fmt: skip

    def explain(self, scores: pd.DataFrame, *, every_rule: bool = False) -> pd.DataFrame:
        """The reasons of :meth:`flag` as data: one row per reason, with its code, value and percentile.

        Parameters
        ----------
        scores : pandas.DataFrame
            Output of :func:`framing.score`, as for :meth:`flag`.
        every_rule : bool, default False
            Also list, for every document, the evaluated rules that are not reasons (``status``
            ``not_fired`` or ``skipped``).

        Returns
        -------
        pandas.DataFrame
            Columns :data:`REASON_COLUMNS`: ``document`` (the row label of ``scores``), ``code``
            (the rule's reason code), ``column``, ``side``, ``value``, ``percentile`` (against the
            norms), ``limit`` (the absolute limit), ``status`` (one of :data:`STATUSES`),
            ``reason`` (the string in ``quality.reasons``; empty for rules that are not reasons)
            and ``sentence`` (the same for people). Without ``every_rule`` the rows of one document
            are exactly its ``quality.reasons``, in that order. Rows whose scores carry an
            ``error`` have none. ``explain(scores).to_dict("records")`` is plain JSON.

        Examples
        --------
        >>> import pandas as pd
        >>> scores = pd.DataFrame({"boilerplate.call_to_action": [0.0, 4.0], "error": [None, None]})
        >>> reasons = QualityFlagger().explain(scores)
        >>> reasons[["document", "code", "value", "status", "reason"]].to_dict("records")  # doctest: +ELLIPSIS
        [{'document': 1, 'code': 'boilerplate_prompts', 'value': 4.0, 'status': 'fired', 'reason': 'boilerplate_prompts: 4 lines (p...)'}]
        >>> reasons["sentence"].iloc[0]  # doctest: +ELLIPSIS
        '4 call-to-action lines: percentile ... of the norms, limit at least 3; the rule fired.'
        """
        table = self.rule_table(scores)
        probability = self.model_probability(scores)
        _, threshold = self._model()
        flagged = probability >= threshold
        for t in table.values():
            flagged |= t["fired"].to_numpy()
        rows = [item for items in self._reason_rows(scores, table, flagged, every_rule, probability) for item in items]
        frame = pd.DataFrame(rows, columns=list(REASON_COLUMNS))
        if any(row["percentile"] is None for row in rows):  # the model's rows: keep None, not NaN (plain JSON)
            frame["percentile"] = pd.Series([row["percentile"] for row in rows], index=frame.index, dtype=object)
        return frame


def _sentence(rule: Rule, value: float, percentile: float, limit: float, status: str) -> str:
    """One rule's verdict on one document, for people."""
    what = rule.what.format(value="no value" if np.isnan(value) else _number(value))
    bound = "at least" if rule.side == "high" else "at most"
    where = "" if np.isnan(percentile) else f"percentile {percentile:.1f} of the norms, "
    verdict = {
        "fired": "the rule fired",
        "corroborating": "past the limit and unusual: it corroborates the fired rules",
        "not_fired": "the rule did not fire",
        "skipped": "the rule does not apply",
    }[status]
    return f"{what}: {where}limit {bound} {_number(limit)}; {verdict}."


def _blank_errors(result: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Rows whose scores carry an ``error`` get no flag, no score and no reasons."""
    if ERROR_COLUMN in scores:
        bad = scores[ERROR_COLUMN].notna().to_numpy()
        result.loc[bad, "quality.flagged"] = pd.NA
        result.loc[bad, "quality.score"] = np.nan
        result["quality.reasons"] = [[] if b else r for b, r in zip(bad, result["quality.reasons"])]
    return result


class LinearFlagger:
    """A logistic regression over score columns, trained on a user's own labels.

    Standardised features, missing values imputed with the training median; the weights save and
    load as JSON (:meth:`save`, :meth:`load`), never pickle.

    Parameters
    ----------
    C : float, default 1.0
        Inverse L2 regularisation strength.
    columns : sequence of str, optional
        Feature columns (default: every numeric column of the training scores).
    """

    FORMAT = "framing-linear-flagger/1"

    def __init__(self, C: float = 1.0, columns: Sequence[str] | None = None, class_weight: str | None = None) -> None:
        self.C = C
        self.columns = columns
        self.class_weight = class_weight

    def fit(self, scores: pd.DataFrame, y: Any) -> LinearFlagger:
        """Learn the weights; ``y`` is 1 (or True) for low-quality documents, 0 otherwise."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.utils.multiclass import type_of_target

        y = np.asarray(y)
        if len(y) != len(scores):
            raise ValueError(f"y has {len(y)} labels but there are {len(scores)} documents")
        if type_of_target(y) != "binary" or not set(np.unique(y).tolist()) <= {0, 1}:
            raise ValueError("y must be binary: 1 (or True) for low-quality documents, 0 otherwise")
        columns = list(self.columns) if self.columns is not None else [
            c for c in scores.columns if c != ERROR_COLUMN and pd.api.types.is_numeric_dtype(scores[c])
        ]
        X = scores[columns].to_numpy(np.float64)
        median = np.nan_to_num(np.nanmedian(np.where(np.isfinite(X), X, np.nan), axis=0))
        X = np.where(np.isfinite(X), X, median)
        mean, scale = X.mean(axis=0), X.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=self.C, max_iter=5000, class_weight=self.class_weight).fit((X - mean) / scale, y.astype(int))
        self.columns_ = columns
        self.median_, self.mean_, self.scale_ = median, mean, scale
        self.coef_, self.intercept_ = model.coef_[0].copy(), float(model.intercept_[0])
        return self

    def predict_proba(self, scores: pd.DataFrame) -> np.ndarray:
        """Probability that each document is low quality."""
        if not hasattr(self, "coef_"):
            raise RuntimeError("LinearFlagger is not fitted: call fit(scores, y) or load(path)")
        missing = [c for c in self.columns_ if c not in scores.columns]
        if missing:
            raise ValueError(f"scores lack the flagger's columns {missing[:5]}")
        X = scores[self.columns_].to_numpy(np.float64)
        X = np.where(np.isfinite(X), X, self.median_)
        logit = ((X - self.mean_) / self.scale_) @ self.coef_ + self.intercept_
        return 1.0 / (1.0 + np.exp(-logit))

    def flag(self, scores: pd.DataFrame, *, top: int = 3) -> pd.DataFrame:
        """Flags from the trained model, in the shape of :meth:`QualityFlagger.flag`.

        ``quality.flagged`` is probability ≥ 0.5, ``quality.score`` is 1 − probability and
        ``quality.reasons`` the ``top`` features that push hardest towards low quality, as
        ``"linear:<column> +<contribution in logits>"``.
        """
        probability = self.predict_proba(scores)
        reasons = [[r["reason"] for r in rows] for rows in self._reason_rows(scores, probability, top)]
        result = pd.DataFrame(
            {"quality.flagged": pd.array(probability >= 0.5, dtype="boolean"), "quality.score": 1.0 - probability, "quality.reasons": reasons},
            index=scores.index,
        )
        return _blank_errors(result, scores)

    def _reason_rows(self, scores: pd.DataFrame, probability: np.ndarray, top: int) -> list[list[dict[str, Any]]]:
        X = scores[self.columns_].to_numpy(np.float64)
        X = np.where(np.isfinite(X), X, self.median_)
        contribution = (X - self.mean_) / self.scale_ * self.coef_
        out = []
        for label, values, row, p in zip(scores.index, X, contribution, probability):
            order = [j for j in np.argsort(-row)[:top] if row[j] > 0] if p >= 0.5 else []
            out.append([
                {
                    "document": label, "code": "linear", "column": self.columns_[j], "side": "high" if self.coef_[j] > 0 else "low",
                    "value": float(values[j]), "percentile": None, "limit": None, "status": "fired",
                    "reason": f"linear:{self.columns_[j]} +{row[j]:.2f}",
                    "sentence": f"{self.columns_[j]} = {_number(values[j])} pushes the document towards low quality by "
                                f"{row[j]:.2f} logits (probability {p:.2f}).",
                    "contribution": float(row[j]),
                }
                for j in order
            ])  # fmt: skip
        return out

    def explain(self, scores: pd.DataFrame, *, top: int = 3) -> pd.DataFrame:
        """The reasons of :meth:`flag` as data, in the shape of :meth:`QualityFlagger.explain`.

        One row per reason: ``code`` is ``"linear"``, ``column`` the feature, ``value`` its value
        (missing values imputed with the training median), ``side`` the direction in which it raises
        the probability, ``status`` ``"fired"``, ``reason`` the string in ``quality.reasons`` and
        ``sentence`` the same for people; ``percentile`` and ``limit`` are ``None`` (the model has
        neither), and an extra column ``contribution`` holds the feature's push in logits.
        Rows whose scores carry an ``error`` have none.
        """
        probability = self.predict_proba(scores)
        rows = self._reason_rows(scores, probability, top)
        if ERROR_COLUMN in scores:
            rows = [[] if bad else r for bad, r in zip(scores[ERROR_COLUMN].notna().to_numpy(), rows)]
        return pd.DataFrame([item for items in rows for item in items], columns=[*REASON_COLUMNS, "contribution"])

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready weights."""
        return {
            "format": self.FORMAT, "C": self.C, "columns": list(self.columns_),
            "median": self.median_.tolist(), "mean": self.mean_.tolist(), "scale": self.scale_.tolist(),
            "coef": self.coef_.tolist(), "intercept": self.intercept_,
        } | ({"threshold": self.threshold_} if hasattr(self, "threshold_") else {}) | ({"meta": self.meta_} if hasattr(self, "meta_") else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearFlagger:
        """A fitted flagger from :meth:`to_dict`'s output."""
        if data.get("format") != cls.FORMAT:
            raise ValueError(f"not a {cls.FORMAT} document (format={data.get('format')!r})")
        flagger = cls(C=data["C"], columns=data["columns"])
        flagger.columns_ = list(data["columns"])
        for name in ("median", "mean", "scale", "coef"):
            setattr(flagger, f"{name}_", np.asarray(data[name], dtype=np.float64))
        flagger.intercept_ = float(data["intercept"])
        if "threshold" in data:
            flagger.threshold_ = float(data["threshold"])
        if "meta" in data:
            flagger.meta_ = dict(data["meta"])
        return flagger

    def save(self, path: str | PathLike) -> None:
        """Write the weights as JSON."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | PathLike) -> LinearFlagger:
        """Read weights written by :meth:`save`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def shipped_model() -> LinearFlagger:
    """The trained generated-style model shipped in ``framing/data/flagger_model.json`` (made by
    ``models/train_flagger.py``; model card ``models/flagger.md``), with its ``threshold_``."""
    return LinearFlagger.from_dict(json.loads(data_text(MODEL_FILE)))
