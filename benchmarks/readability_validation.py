"""Readability validation: framing against textstat 0.7.8, human reading levels and NLTK's Punkt.

Five checks, each a function that returns a flat :class:`pandas.DataFrame`:

- :func:`textstat_agreement`: ``compat="textstat"`` against the real textstat 0.7.8, per document.
- :func:`onestopenglish_validation`: paired accuracy, cross-topic concordance and Spearman ρ with the
  reading level on OneStopEnglish, for framing's default mode, its textstat mode and textstat.
- :func:`clear_validation`: Pearson r with the teachers' easiness on CLEAR, next to the formula
  scores the corpus ships.
- :func:`sentence_split_agreement`: framing's Punkt against NLTK's ``PunktSentenceTokenizer`` with the
  same parameters.
- :func:`syllable_fallback`: framing's out-of-dictionary syllable estimate against Pyphen (textstat's
  fallback) on CMUdict words.

The definitions of "paired" and "cross-topic concordance" are those of the project's research
notes (``research/readability-and-generated-anchors.md``, Part 1), whose numbers are printed next
to ours in the ``note`` columns. Run ``python -m benchmarks.readability_validation`` from the
repository root to print every table as Markdown and write ``benchmarks/results/readability_validation.json``
(numbers only, no corpus text). ``python -m pytest benchmarks/validation -q -s`` runs the same
computations with assertions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyphen
import textstat
from scipy.stats import spearmanr
from textstat.backend import metrics as textstat_metrics

import framing
from framing.core.resources import cmu_syllables
from framing.core.segment import nltk_punkt_tokenizer, punkt_breaks
from framing.core.syllables import _vowel_group_estimate
from framing.families.readability import FORMULAS

from . import _data
from ._tables import markdown_table, print_and_save, versions

#: The formulas plus the two averages they are built from, in table order.
SCORES: tuple[str, ...] = (*FORMULAS, "words_per_sentence", "syllables_per_word")
#: Scores for which a higher value means an easier text; they are negated before ranking.
EASIER_IS_HIGHER = frozenset({"flesch_reading_ease"})
#: Largest accepted |framing compat − textstat| per document.
TOLERANCE = 0.01
#: CLEAR's shipped formula columns, by the textstat name of the same formula.
CLEAR_SHIPPED: dict[str, str] = {
    "flesch_reading_ease": "clear_flesch_reading_ease",
    "flesch_kincaid_grade": "clear_flesch_kincaid_grade",
    "automated_readability_index": "clear_ari",
    "smog_index": "clear_smog",
    "dale_chall_readability_score": "clear_new_dale_chall",
}
#: Research-note anchors on OneStopEnglish (textstat 0.7.8): paired (all pairs), cross-topic, Spearman ρ.
NOTE_ONESTOP: dict[str, tuple[float, float, float]] = {
    "flesch_reading_ease": (0.984, 0.731, 0.484),
    "flesch_kincaid_grade": (0.986, 0.774, 0.567),
    "gunning_fog": (0.984, 0.768, 0.555),
    "smog_index": (0.980, 0.742, 0.504),
    "coleman_liau_index": (0.958, 0.695, 0.411),
    "automated_readability_index": (0.986, 0.783, 0.584),
    "dale_chall_readability_score": (0.977, 0.705, 0.430),
    "linsear_write_formula": (0.862, 0.738, 0.493),
    "words_per_sentence": (0.968, 0.786, 0.588),
    "syllables_per_word": (0.945, 0.660, 0.339),
}
#: Research-note anchors on CLEAR: r with easiness of textstat 0.7.13 and of the shipped column.
NOTE_CLEAR: dict[str, tuple[float, float]] = {
    "flesch_reading_ease": (0.532, 0.547),
    "flesch_kincaid_grade": (-0.501, -0.517),
    "gunning_fog": (-0.518, np.nan),
    "smog_index": (-0.549, -0.563),
    "coleman_liau_index": (-0.477, np.nan),
    "automated_readability_index": (-0.469, -0.485),
    "dale_chall_readability_score": (-0.526, -0.557),
    "linsear_write_formula": (np.nan, np.nan),
}
#: Size and seed of the CMUdict sample for :func:`syllable_fallback`.
SYLLABLE_SAMPLE = 5000
SYLLABLE_SEED = 0
#: Where :func:`main` writes the numbers.
RESULTS_PATH = Path(__file__).resolve().parent / "results" / "readability_validation.json"
#: Table titles, in print order, by the key :func:`run` uses.
TITLES: dict[str, str] = {
    "textstat_agreement": "textstat 0.7.8 agreement: max |framing compat − textstat| per formula",
    "onestopenglish": "OneStopEnglish: paired accuracy, cross-topic concordance, Spearman ρ vs level",
    "clear": "CLEAR: Pearson r with BT easiness (higher = easier)",
    "sentence_splitting": "Sentence splitting: framing Punkt vs NLTK PunktSentenceTokenizer (same parameters)",
    "syllable_fallback": "Syllable fallback on CMUdict words (exact = same count as CMUdict)",
}

_LINE_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029]")  # the line ends framing's segmenter honours
_ALPHABETIC = re.compile(r"[a-z]+")


# -- scores ----------------------------------------------------------------------------------
def framing_scores(texts: Iterable[str], compat: str | None = None) -> pd.DataFrame:
    """framing's readability scores, one row per text.

    Parameters
    ----------
    texts : iterable of str
        The documents.
    compat : {None, "textstat"}
        framing's own measurement or its textstat 0.7.8 reproduction.

    Returns
    -------
    pandas.DataFrame
        One column per name in :data:`SCORES` (without the ``readability.`` prefix).
    """
    frame = framing.score(list(texts), signals="readability", compat=compat)
    return pd.DataFrame({name: frame[f"readability.{name}"].to_numpy(dtype=float) for name in SCORES})


@cache
def _textstat_row(text: str) -> tuple[float, ...]:
    """textstat 0.7.8's value of every score in :data:`SCORES` for one text (memoised per run)."""
    values = [float(getattr(textstat, name)(text)) for name in FORMULAS]
    # the public averages are rounded to two decimals; the formulas use the unrounded ratios
    values.append(float(textstat_metrics.words_per_sentence(text)))
    values.append(float(textstat_metrics.syllables_per_word(text, "en_US")))
    return tuple(values)


def textstat_scores(texts: Iterable[str]) -> pd.DataFrame:
    """The real textstat's scores, one row per text, with the columns of :func:`framing_scores`."""
    return pd.DataFrame([_textstat_row(text) for text in texts], columns=list(SCORES), dtype=float)


def all_scores(texts: Sequence[str]) -> dict[str, pd.DataFrame]:
    """Scores of ``texts`` from the three sources: framing ``default``, framing ``compat`` and ``textstat``."""
    return {
        "default": framing_scores(texts),
        "compat": framing_scores(texts, compat="textstat"),
        "textstat": textstat_scores(texts),
    }


def _difficulty(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Score ``name`` oriented so that higher means harder."""
    values = frame[name].to_numpy(dtype=float)
    return -values if name in EASIER_IS_HIGHER else values


# -- a. textstat agreement -------------------------------------------------------------------
def textstat_agreement(corpora: Mapping[str, Sequence[str]], tolerance: float = TOLERANCE) -> pd.DataFrame:
    """How far framing's ``compat="textstat"`` is from the real textstat 0.7.8, per document.

    Parameters
    ----------
    corpora : mapping of str to sequence of str
        Corpus name to its texts.
    tolerance : float
        A document counts as off when |compat − textstat| exceeds this (a NaN on one side only
        counts as off).

    Returns
    -------
    pandas.DataFrame
        One row per formula; for each corpus the columns ``<corpus>_max_diff`` (largest
        |compat − textstat| over its documents) and ``<corpus>_over`` (documents off by more
        than ``tolerance``).
    """
    table = pd.DataFrame({"formula": list(FORMULAS)})
    for corpus, texts in corpora.items():
        compat = framing_scores(texts, compat="textstat")[list(FORMULAS)].to_numpy()
        real = textstat_scores(texts)[list(FORMULAS)].to_numpy()
        diff = np.abs(compat - real)
        diff[np.isnan(compat) & np.isnan(real)] = 0.0
        diff[np.isnan(compat) ^ np.isnan(real)] = np.inf
        table[f"{corpus}_max_diff"] = diff.max(axis=0, initial=0.0)
        table[f"{corpus}_over"] = (diff > tolerance).sum(axis=0)
    return table


# -- b. OneStopEnglish -----------------------------------------------------------------------
def concordance(difficulty: np.ndarray, level: np.ndarray, group: np.ndarray, *, same_group: bool) -> float:
    """Share of document pairs of different levels that ``difficulty`` orders like ``level``.

    Parameters
    ----------
    difficulty : ndarray
        Scores, higher = harder. A NaN makes its pairs count as wrong.
    level : ndarray
        Reading levels, higher = harder.
    group : ndarray
        Article of each document.
    same_group : bool
        True for the paired test (pairs within an article), False for cross-topic concordance
        (pairs of different articles).

    Returns
    -------
    float
        Correct pairs / all pairs, a tie counting 1/2.

    Examples
    --------
    >>> concordance(np.array([1.0, 2.0, 2.0]), np.array([0, 1, 2]), np.array([7, 7, 7]), same_group=True)
    0.8333333333333334
    """
    level, group = np.asarray(level), np.asarray(group)
    easier, harder = np.nonzero((level[:, None] < level[None, :]) & ((group[:, None] == group[None, :]) == same_group))
    diff = difficulty[harder] - difficulty[easier]
    return float(np.mean(np.where(diff > 0, 1.0, np.where(diff == 0, 0.5, 0.0))))


def onestopenglish_validation(corpus: pd.DataFrame) -> pd.DataFrame:
    """Paired accuracy, cross-topic concordance and Spearman ρ vs level on OneStopEnglish.

    Parameters
    ----------
    corpus : pandas.DataFrame
        :func:`benchmarks._data.onestopenglish`.

    Returns
    -------
    pandas.DataFrame
        One row per name in :data:`SCORES`; columns ``paired_<source>``, ``cross_<source>`` and
        ``rho_<source>`` for the sources ``default``, ``compat``, ``textstat`` and ``note`` (the
        research note's textstat numbers).
    """
    level = corpus["label"].to_numpy(dtype=int)
    group = corpus["topic_id"].to_numpy()
    scores = all_scores(corpus["text"].tolist())
    rows = []
    for name in SCORES:
        row: dict[str, object] = {"score": name}
        oriented = {source: _difficulty(frame, name) for source, frame in scores.items()}
        for metric, index in (("paired", 0), ("cross", 1), ("rho", 2)):
            for source, difficulty in oriented.items():
                if metric == "rho":
                    value = spearmanr(level, difficulty, nan_policy="omit").statistic
                else:
                    value = concordance(difficulty, level, group, same_group=metric == "paired")
                row[f"{metric}_{source}"] = float(value)
            row[f"{metric}_note"] = NOTE_ONESTOP[name][index]
        rows.append(row)
    return pd.DataFrame(rows)


# -- c. CLEAR --------------------------------------------------------------------------------
def clear_validation(corpus: pd.DataFrame) -> pd.DataFrame:
    """Pearson r of each formula with CLEAR's easiness, and agreement with the shipped columns.

    Parameters
    ----------
    corpus : pandas.DataFrame
        :func:`benchmarks._data.clear`.

    Returns
    -------
    pandas.DataFrame
        One row per formula: ``r_default``, ``r_textstat``, ``r_shipped`` (r with ``label``),
        ``default_vs_shipped`` and ``textstat_vs_shipped`` (r between the implementations; NaN
        where the corpus ships no column), and the research note's ``note_r_textstat`` and
        ``note_r_shipped``.
    """
    texts = corpus["text"].tolist()
    label = corpus["label"].astype(float)
    default = framing_scores(texts).set_index(corpus.index)
    real = textstat_scores(texts).set_index(corpus.index)
    rows = []
    for formula in FORMULAS:
        shipped = corpus[CLEAR_SHIPPED[formula]].astype(float) if formula in CLEAR_SHIPPED else None
        rows.append(
            {
                "formula": formula,
                "r_default": default[formula].corr(label),
                "r_textstat": real[formula].corr(label),
                "r_shipped": shipped.corr(label) if shipped is not None else np.nan,
                "default_vs_shipped": default[formula].corr(shipped) if shipped is not None else np.nan,
                "textstat_vs_shipped": real[formula].corr(shipped) if shipped is not None else np.nan,
                "note_r_textstat": NOTE_CLEAR[formula][0],
                "note_r_shipped": NOTE_CLEAR[formula][1],
            }
        )
    return pd.DataFrame(rows)


# -- d. sentence splitting -------------------------------------------------------------------
def line_breaks(line: str, ends: Iterable[int]) -> set[int]:
    """Sentence breaks inside ``line``: sentence ends with trailing white space stripped, line end excluded.

    Examples
    --------
    >>> sorted(line_breaks("One. Two.  ", [5, 9, 11]))
    [4]
    """
    last = len(line.rstrip())
    stripped = (len(line[:end].rstrip()) for end in ends)
    return {position for position in stripped if 0 < position < last}


class LineBreaks(NamedTuple):
    """Breaks that framing and NLTK find in one line of one document."""

    document: int
    line: int
    framing: set[int]
    nltk: set[int]


def compare_breaks(texts: Iterable[str]) -> Iterator[LineBreaks]:
    """Split every text into lines and give framing's and NLTK's breaks for each line."""
    tokenizer = nltk_punkt_tokenizer()
    for document, text in enumerate(texts):
        for number, line in enumerate(_LINE_BREAK.split(text)):
            if not line.strip():
                continue
            ours = line_breaks(line, punkt_breaks(line))
            theirs = line_breaks(line, (end for _, end in tokenizer.span_tokenize(line)))
            yield LineBreaks(document, number, ours, theirs)


def sentence_split_agreement(corpora: Mapping[str, Iterable[str]]) -> pd.DataFrame:
    """Precision, recall and F1 of framing's sentence breaks, with NLTK's as the reference.

    Parameters
    ----------
    corpora : mapping of str to iterable of str
        Corpus name to its texts.

    Returns
    -------
    pandas.DataFrame
        One row per corpus: ``lines``, ``nltk_breaks``, ``framing_breaks``, ``matched``,
        ``precision``, ``recall``, ``f1``.
    """
    rows = []
    for corpus, texts in corpora.items():
        lines = ours = theirs = matched = 0
        for item in compare_breaks(texts):
            lines += 1
            ours += len(item.framing)
            theirs += len(item.nltk)
            matched += len(item.framing & item.nltk)
        precision = matched / ours if ours else 1.0
        recall = matched / theirs if theirs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append(
            {
                "corpus": corpus,
                "lines": lines,
                "nltk_breaks": theirs,
                "framing_breaks": ours,
                "matched": matched,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )
    return pd.DataFrame(rows)


# -- e. syllable fallback --------------------------------------------------------------------
def syllable_fallback(n_words: int = SYLLABLE_SAMPLE, seed: int = SYLLABLE_SEED) -> pd.DataFrame:
    """Out-of-dictionary syllable estimates, scored on a random sample of CMUdict words.

    Parameters
    ----------
    n_words : int
        Sample size, drawn without replacement from the purely alphabetic CMUdict words (sorted,
        then ``numpy.random.default_rng(seed)``).
    seed : int
        Seed of the sample.

    Returns
    -------
    pandas.DataFrame
        One row per method (``framing_vowel_groups``, ``pyphen``): ``words``, ``exact`` (share equal
        to CMUdict's count), ``mae`` and ``bias`` (mean signed error).
    """
    cmu = cmu_syllables()
    words = sorted(w for w, n in cmu.items() if n > 0 and _ALPHABETIC.fullmatch(w))
    rng = np.random.default_rng(seed)
    sample = [words[i] for i in sorted(rng.choice(len(words), size=n_words, replace=False))]
    truth = np.array([cmu[w] for w in sample])
    hyphenator = pyphen.Pyphen(lang="en_US")
    estimates = {
        "framing_vowel_groups": np.array([_vowel_group_estimate(w) for w in sample]),
        "pyphen": np.array([len(hyphenator.positions(w)) + 1 for w in sample]),
    }
    rows = []
    for method, estimate in estimates.items():
        error = estimate - truth
        rows.append(
            {
                "method": method,
                "words": n_words,
                "exact": float(np.mean(error == 0)),
                "mae": float(np.mean(np.abs(error))),
                "bias": float(np.mean(error)),
            }
        )
    return pd.DataFrame(rows)


# -- running and printing --------------------------------------------------------------------
def run() -> dict[str, pd.DataFrame]:
    """Every table, keyed as in :data:`TITLES`."""
    onestop, clear, seeds = _data.onestopenglish(), _data.clear(), _data.seeds()
    corpora = {"onestopenglish": onestop, "clear": clear, "seeds": seeds}
    texts = {name: frame["text"].tolist() for name, frame in corpora.items()}
    return {
        "textstat_agreement": textstat_agreement(texts),
        "onestopenglish": onestopenglish_validation(onestop),
        "clear": clear_validation(clear),
        "sentence_splitting": sentence_split_agreement({k: texts[k] for k in ("onestopenglish", "seeds")}),
        "syllable_fallback": syllable_fallback(),
    }


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    digits = 4 if name == "textstat_agreement" else 3
    return f"### {TITLES[name]}\n\n{markdown_table(frame, digits)}\n"


def main() -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    tables = run()
    print_and_save(tables, render, RESULTS_PATH, {"versions": versions("textstat", "nltk", "pyphen", "cmudict", "numpy", "pandas", "scipy")})


if __name__ == "__main__":
    main()
