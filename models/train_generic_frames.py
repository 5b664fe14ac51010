"""Learn the ``generic`` frame lexicon (conflict, economic, human interest, moral, resolution) from the
Narrative Frames Corpus and export it as ``framing/data/lexicons/generic.toml`` (weights only, no text).

Method (see ``models/generic_frames.md``):

* Words are framing's own (:mod:`framing.core.segment`), reduced to Porter stems
  (:func:`framing.core.stemming.porter_stem`); stop words (``framing/data/stop_words.txt``), figures,
  words under three letters and stems found in fewer than :data:`MIN_DF` training articles are left
  out. An article is a binary stem-presence vector.
* Per frame, an L2 logistic regression (balanced class weights, ``C`` = :data:`C`) is fitted, and
  the :data:`TOP_K` stems with the largest positive coefficients become the frame's cues
  ``~word`` (``word`` = the stem's most frequent form), weighted ``2 * coef / max coef``.
* The lexicon is applied by framing's engine (:func:`framing.families.frames.compute`): the document score
  is ``framing.generic.<frame>_score`` (cue weights per 1,000 words); the frame is predicted
  present when the score reaches a threshold chosen on the training articles (best F1).
* Cross-validation: :data:`N_FOLDS`-fold ``GroupKFold``; articles with the same title or the same
  opening are one group, so no article (or republished copy) is both trained and tested on. The
  same folds score a majority-class baseline and a plain bag-of-words logistic regression on all
  stems (same features, no cue selection, threshold 0.5).

Run from the repository root: ``PYTHONPATH=. python models/train_generic_frames.py`` (needs
``../shared/data`` or ``$FRAMING_SHARED_DATA``). It rewrites the lexicon and the CV table of the
model card (between the ``<!-- cv -->`` markers).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import GroupKFold

from benchmarks import _data
from benchmarks._tables import markdown_table
from framing.core.resources import stop_words
from framing.core.segment import segment
from framing.core.stemming import porter_stem
from framing.cues.lexicon import load_lexicon
from framing.families import frames

ROOT = Path(__file__).resolve().parents[1]
LEXICON_PATH = ROOT / "framing" / "data" / "lexicons" / "generic.toml"
CARD_PATH = ROOT / "models" / "generic_frames.md"
FRAMES = tuple(_data.NFC_FRAMES.values())
N_FOLDS = 5
MIN_DF = 5
TOP_K = 40
C = 0.1
SEED = 0


def load_corpus() -> pd.DataFrame:
    """The NFC articles with a ``group`` column: same title or same first 200 characters, one group."""
    corpus = _data.narrative_frames()
    title = corpus["title"].str.lower().str.replace(r"\W+", " ", regex=True).str.strip()
    opening = corpus["text"].str[:200].str.lower()
    group = pd.factorize(title)[0]
    first_of_opening = pd.Series(group).groupby(pd.factorize(opening)[0]).transform("min").to_numpy()
    corpus["group"] = first_of_opening
    return corpus


def stem_matrix(texts: list[str]) -> tuple[sp.csr_matrix, list[str], dict[str, str]]:
    """Binary article-by-stem matrix, the stems, and each stem's most frequent word form."""
    corpus = segment(texts)
    types = corpus.word_types
    strings = corpus.type_strings
    stops = stop_words()
    unique, counts = np.unique(types, return_counts=True)
    stem_of: dict[int, str] = {}
    form_count: dict[str, dict[str, int]] = {}
    for t, n in zip(unique.tolist(), counts.tolist()):
        word = strings[t]
        if len(word) < 3 or word in stops or not re.fullmatch(r"[a-z][a-z'-]*", word):
            continue
        stem = porter_stem(word)
        if "'" in stem:
            continue
        stem_of[t] = stem
        form_count.setdefault(stem, {})[word.removesuffix("'s")] = form_count.get(stem, {}).get(word.removesuffix("'s"), 0) + n
    stems = sorted(form_count)
    index = {s: i for i, s in enumerate(stems)}
    column = np.array([index[stem_of[t]] if t in stem_of else -1 for t in types.tolist()], dtype=np.int64)
    doc = corpus.words.doc
    keep = column >= 0
    matrix = sp.csr_matrix((np.ones(keep.sum()), (doc[keep], column[keep])), shape=(len(texts), len(stems)))
    matrix.data[:] = 1.0
    forms = {s: max(f.items(), key=lambda kv: (kv[1], -len(kv[0])))[0] for s, f in form_count.items()}
    return matrix, stems, forms


def _fit(X: sp.csr_matrix, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="liblinear").fit(X, y)


def learn_lexicon(X: sp.csr_matrix, labels: pd.DataFrame, stems: list[str], forms: dict[str, str],
                  texts: list[str]) -> dict:  # fmt: skip
    """The lexicon dict learned from the articles ``X`` (rows) with ``labels``, thresholds included."""
    df = np.asarray((X > 0).sum(axis=0)).ravel()
    usable = np.flatnonzero(df >= MIN_DF)
    frames_data = {}
    for name in FRAMES:
        model = _fit(X[:, usable], labels[name].to_numpy())
        coef = model.coef_[0]
        top = np.argsort(-coef)[:TOP_K]
        top = top[coef[top] > 0]
        scale = 2.0 / coef[top].max()
        cues = {f"~{forms[stems[usable[i]]]}": round(float(coef[i] * scale), 3) for i in top}
        frames_data[name] = {"negation": "keep", "cues": {k: max(v, 0.001) for k, v in cues.items()}}
    lexicon = {"name": "generic", "frames": frames_data}
    # thresholds on the training articles, scored by framing's engine
    scores = pd.DataFrame(frames.compute(segment(texts), lexicons=lexicon))
    for name in FRAMES:
        frames_data[name]["threshold"] = _best_threshold(scores[f"framing.generic.{name}_score"].to_numpy(), labels[name].to_numpy())
    return lexicon


def _best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    candidates = np.unique(score[score > 0])
    best, best_f1 = float(candidates.max()) if len(candidates) else 1.0, -1.0
    for t in candidates:
        f1 = f1_score(y, score >= t, zero_division=0)
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return round(max(best, 0.001), 3)


def cross_validate(corpus: pd.DataFrame) -> pd.DataFrame:
    """Out-of-fold per-frame precision, recall and F1 of the three methods (pooled over folds)."""
    texts = corpus["text"].tolist()
    X, stems, forms = stem_matrix(texts)
    predictions = {m: pd.DataFrame(False, index=corpus.index, columns=list(FRAMES)) for m in ("majority", "bow_lr", "lexicon")}
    folds = GroupKFold(n_splits=N_FOLDS).split(texts, groups=corpus["group"])
    for train, test in folds:
        labels = corpus.iloc[train][list(FRAMES)]
        lexicon = learn_lexicon(X[train], labels, stems, forms, [texts[i] for i in train])
        scores = pd.DataFrame(frames.compute(segment([texts[i] for i in test]), lexicons=lexicon))
        for name in FRAMES:
            y = labels[name].to_numpy()
            predictions["majority"].loc[corpus.index[test], name] = bool(y.mean() > 0.5)
            usable = np.flatnonzero(np.asarray((X[train] > 0).sum(axis=0)).ravel() >= 2)
            model = _fit(X[train][:, usable], y)
            predictions["bow_lr"].loc[corpus.index[test], name] = model.predict(X[test][:, usable]).astype(bool)
            threshold = lexicon["frames"][name]["threshold"]
            predictions["lexicon"].loc[corpus.index[test], name] = scores[f"framing.generic.{name}_score"].to_numpy() >= threshold
    rows = []
    for name in FRAMES:
        y = corpus[name].to_numpy()
        row = {"frame": name, "positives": int(y.sum()), "articles": len(y)}
        for method, table in predictions.items():
            p = table[name].to_numpy()
            row[f"{method}_f1"] = f1_score(y, p, zero_division=0)
            if method == "lexicon":
                row["lexicon_precision"] = precision_score(y, p, zero_division=0)
                row["lexicon_recall"] = recall_score(y, p, zero_division=0)
        rows.append(row)
    table = pd.DataFrame(rows)
    macro = {"frame": "macro mean", "positives": int(table["positives"].sum()), "articles": len(corpus)}
    macro |= {c: table[c].mean() for c in table.columns if c.endswith(("_f1", "_precision", "_recall"))}
    return pd.concat([table, pd.DataFrame([macro])], ignore_index=True)


def _toml_value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def write_toml(lexicon: dict, path: Path) -> None:
    """Write a lexicon dict (strings, numbers, lists, one level of frame tables) as TOML."""
    lines = ["# Generated by models/train_generic_frames.py; do not edit by hand (model card: models/generic_frames.md).",
             f"name = {_toml_value(lexicon['name'])}", f"description = {_toml_value(lexicon['description'])}",
             f"version = {_toml_value(lexicon['version'])}", "", "[provenance]"]  # fmt: skip
    lines += [f"{k} = {_toml_value(v)}" for k, v in lexicon["provenance"].items()]
    for name, frame in lexicon["frames"].items():
        lines += ["", f"[frames.{name}]", f"description = {_toml_value(frame['description'])}",
                  f"negation = {_toml_value(frame['negation'])}", f"threshold = {_toml_value(frame['threshold'])}",
                  "", f"[frames.{name}.cues]"]  # fmt: skip
        lines += [f"{_toml_value(cue)} = {_toml_value(weight)}" for cue, weight in frame["cues"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


DESCRIPTIONS = {
    "conflict": "Conflict: disagreement, fights and blame between parties (Semetko & Valkenburg 2000; NFC co1-co3).",
    "economic": "Economic consequences: costs, money, jobs, markets (NFC ec1-ec3).",
    "human_interest": "Human interest: individual people, emotions, personal stories (NFC hi1, hi2, hi5).",
    "moral": "Morality: moral, religious or ethical prescriptions (NFC mo1, mo2).",
    "resolution": "Resolution: solutions, remedies and who can bring them (NFC re1, re5).",
}


def main() -> None:
    corpus = load_corpus()
    table = cross_validate(corpus)
    print(markdown_table(table))
    texts = corpus["text"].tolist()
    X, stems, forms = stem_matrix(texts)
    lexicon = learn_lexicon(X, corpus[list(FRAMES)], stems, forms, texts)
    lexicon["description"] = ("Generic news frames (conflict, economic, human interest, moral, resolution); cue weights "
                              "learned from the Narrative Frames Corpus (climate news) by models/train_generic_frames.py.")  # fmt: skip
    lexicon["version"] = "1.0"
    lexicon["provenance"] = {
        "authors": "The framing developers (learned weights)",
        "licence": "MIT, as the package; learned from the Narrative Frames Corpus (MIT, Copyright (c) 2023 Lea Frermann). Only stems and weights are stored, no text.",
        "sources": ["Frermann, Li, Khanehzar & Mikolajczak (2023). Conflicts, Villains, Resolutions: Towards models of Narrative Media Framing. ACL 2023, 8712-8732. github.com/phenixace/narrative-framing @ 197314d",
                    "Semetko & Valkenburg (2000). Framing European politics: A content analysis of press and television news. Journal of Communication 50(2)."],
        "method": f"Per frame, the {TOP_K} Porter stems with the largest positive L2 logistic-regression coefficients (C={C}, balanced, binary stem presence, df >= {MIN_DF}) over all 427 labelled articles; weight = 2 * coef / max coef. threshold = the document-level cutoff of framing.generic.<frame>_score with the best F1 on the training articles.",
        "notes": "Learned from climate-change news: some cues are topical (emissions, carbon). Check them before use on other topics; per-frame F1 by grouped cross-validation is in models/generic_frames.md.",
    }  # fmt: skip
    for name in FRAMES:
        lexicon["frames"][name] = {"description": DESCRIPTIONS[name], **lexicon["frames"][name]}
    load_lexicon(lexicon)  # the schema check, before anything is written
    write_toml(lexicon, LEXICON_PATH)
    load_lexicon(LEXICON_PATH)
    print(f"wrote {LEXICON_PATH}")
    if CARD_PATH.is_file():
        card = CARD_PATH.read_text(encoding="utf-8")
        start, end = "<!-- cv -->", "<!-- /cv -->"
        if start in card and end in card:
            head, rest = card.split(start, 1)
            card = head + start + "\n" + markdown_table(table) + "\n" + end + rest.split(end, 1)[1]
            CARD_PATH.write_text(card, encoding="utf-8")
            print(f"updated the CV table of {CARD_PATH}")


if __name__ == "__main__":
    main()
