"""Train the generated-style model shipped in ``framing/data/flagger_model.json``.

A logistic regression (scikit-learn, L2, ``class_weight="balanced"``, features standardised, so it
converges without warnings) over :data:`FEATURES` — rates and shares that do not depend on a
document's length, its line breaks or its quotation marks — trained on the labelled generated
pages of ``benchmarks/generated_pages`` (positives) against the real news of the ``news``
register's norms part (negatives; ``benchmarks.flagger_data``: the held-out third of every source
is never used; :data:`TRAINING_NEWSARTICLES` of NewsArticles' documents). Model card: ``models/flagger.md``.

Cross-validation is **by topic**: ``GroupKFold`` whose groups are the generated pages' topics (and,
for the real news, a hash of the id cut into as many groups), so no page is scored by a model that
saw a page of its topic. The out-of-fold probabilities give

* the **threshold**: the smallest probability that flags at most :data:`TARGET_FALSE_POSITIVES` of
  the out-of-fold real news of every source;
* the **calibration** table (out-of-fold probability bins against the observed share of generated
  pages, with the classes weighted equally as in training) and the Brier score;
* the out-of-fold recall per tier at that threshold.

The final model is fitted on every training document and stored with its threshold and these
tables as plain JSON (never a pickle).

Usage::

    PYTHONPATH=. python models/train_flagger.py [--out framing/data/flagger_model.json]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from benchmarks import flagger_data as fd  # noqa: E402
from framing.judges.flags import MODEL_FILE, LinearFlagger  # noqa: E402

DEFAULT_OUT = ROOT / "framing" / "data" / MODEL_FILE
#: The model's features: rates and shares, robust to length, line breaks and quote style.
FEATURES = (
    "style.filler_per_1000_words",
    "style.hedged_balance_per_1000_words",
    "style.generic_framing_share",
    "style.lead_restatement_share",
    "style.specifics_per_claim",
    "style.names_per_claim",
    "style.figures_per_claim",
    "style.unspecific_claim_share",
    "style.sentence_length_cv",
    "sourcing.attributions_per_100_words",
    "sourcing.relations_per_sentence",
    "sourcing.named_person_source_share",
    "sourcing.named_org_source_share",
    "sourcing.described_source_share",
    "sourcing.vague_source_share",
    "sourcing.named_sources_distinct_per_100_words",
    "sourcing.unsourced_claims_per_100_words",
    "sourcing.specifics_per_100_words",
    "sourcing.quote_share_of_attributions",
    "repetition.mattr",
)
C = 0.3
N_SPLITS = 8
#: NewsArticles documents among the negatives (the first by id hash): about as many as the other four
#: sources together, so that one outlet mix does not make the model, and the validation stays fast.
TRAINING_NEWSARTICLES = 800
#: The threshold keeps out-of-fold false positives at most this share on every real-news source.
TARGET_FALSE_POSITIVES = 0.02
CALIBRATION_BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0)


def training_set() -> tuple[pd.DataFrame, np.ndarray, np.ndarray, pd.DataFrame]:
    """Scores, labels (1 generated), CV groups and the documents' ``id``/``source``/``tier``/``topic``."""
    real = fd.real_news(fd.NEWS_SOURCES)
    real = real[~real["held_out"]].reset_index(drop=True)
    rank = real["id"].map(lambda i: hashlib.sha256(i.encode()).hexdigest())
    newsarticles = real["source"] == "newsarticles"
    keep = ~newsarticles | rank.isin(set(sorted(rank[newsarticles])[:TRAINING_NEWSARTICLES]))
    real = real[keep].reset_index(drop=True)
    generated = fd.generated_pages()
    docs = pd.concat(
        [
            pd.DataFrame({"id": real["id"], "source": real["source"], "tier": "real", "topic": "", "text": real["text"]}),
            pd.DataFrame({"id": generated["id"], "source": "generated", "tier": generated["tier"], "topic": generated["topic"],
                          "text": generated["text"]}),
        ],
        ignore_index=True,
    )  # fmt: skip
    scores = framing.score(docs["text"], ids=docs["id"])
    keep = scores["error"].isna().to_numpy()
    docs, scores = docs[keep].reset_index(drop=True), scores[keep]
    y = (docs["source"] == "generated").to_numpy().astype(int)
    groups = np.where(
        y == 1, "topic:" + docs["topic"], [f"real:{hashlib.sha256(i.encode()).digest()[1] % N_SPLITS}" for i in docs["id"]]
    )
    return scores, y, groups, docs.drop(columns=["text"])


def fit(scores: pd.DataFrame, y: np.ndarray) -> LinearFlagger:
    """The model on these documents (warnings are errors: it must converge)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return LinearFlagger(C=C, columns=list(FEATURES), class_weight="balanced").fit(scores, y)


def out_of_fold(scores: pd.DataFrame, y: np.ndarray, groups: np.ndarray, n_splits: int = N_SPLITS) -> np.ndarray:
    """Out-of-fold probabilities, folds by :func:`training_set`'s groups (topics for generated pages)."""
    from sklearn.model_selection import GroupKFold

    probability = np.full(len(y), np.nan)
    n_splits = min(n_splits, len(set(groups[y == 1])))
    for train, test in GroupKFold(n_splits=n_splits).split(scores, y, groups):
        probability[test] = fit(scores.iloc[train], y[train]).predict_proba(scores.iloc[test])
    return probability


def choose_threshold(probability: np.ndarray, docs: pd.DataFrame, target: float = TARGET_FALSE_POSITIVES) -> float:
    """The smallest threshold at which every real source's out-of-fold false-positive share is ≤ ``target``."""
    real = docs["source"] != "generated"
    cut = max(float(np.quantile(probability[(docs["source"] == s).to_numpy()], 1 - target, method="higher"))
              for s in docs.loc[real, "source"].unique())  # fmt: skip
    return float(min(max(cut + 1e-6, 0.5), 0.99))


def calibration(probability: np.ndarray, y: np.ndarray) -> list[dict]:
    """Out-of-fold reliability: per probability bin, documents and the share generated (classes weighted equally)."""
    weight = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    rows = []
    edges = CALIBRATION_BINS
    for lo, hi in itertools.pairwise(edges):
        inside = (probability >= lo) & ((probability < hi) if hi < 1 else (probability <= hi))
        w = weight[inside]
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "documents": int(inside.sum()), "generated": int(y[inside].sum()),
                     "mean_probability": float(np.average(probability[inside], weights=w)) if inside.any() else None,
                     "share_generated_equal_priors": float(np.sum(w * y[inside]) / np.sum(w)) if inside.any() else None})  # fmt: skip
    return rows


def summary(probability: np.ndarray, y: np.ndarray, docs: pd.DataFrame, threshold: float) -> dict:
    """Out-of-fold flagged shares per tier and per real source, the Brier score and the calibration table."""
    flagged = probability >= threshold
    weight = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    by = {}
    for key, part in docs.groupby(np.where(y == 1, "generated/" + docs["tier"], "real/" + docs["source"])):
        by[key] = {"documents": len(part), "flagged": float(flagged[part.index].mean())}
    return {
        "threshold": threshold,
        "flagged_share": by,
        "brier_equal_priors": float(np.sum(weight * (probability - y) ** 2) / np.sum(weight)),
        "calibration": calibration(probability, y),
    }


def train() -> LinearFlagger:
    scores, y, groups, docs = training_set()
    probability = out_of_fold(scores, y, groups)
    threshold = choose_threshold(probability, docs)
    model = fit(scores, y)
    model.threshold_ = threshold
    model.meta_ = {
        "description": "Generated-style news pages vs real news (models/flagger.md).",
        "training_documents": {k: int(v) for k, v in docs.groupby(np.where(y == 1, "generated", docs["source"])).size().items()},
        "topics": sorted(docs.loc[y == 1, "topic"].unique().tolist()),
        "cross_validation": f"GroupKFold({min(N_SPLITS, len(set(groups[y == 1])))}) by topic",
        "out_of_fold": summary(probability, y, docs, threshold),
        "C": C,
        "class_weight": "balanced",
        "framing_version": framing.__version__,
        "built": datetime.date.today().isoformat(),
    }
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    model = train()
    model.save(args.out)
    print(json.dumps(model.meta_["out_of_fold"]["flagged_share"], indent=1))
    print(f"threshold {model.threshold_:.3f}; wrote {args.out}")


if __name__ == "__main__":
    main()
