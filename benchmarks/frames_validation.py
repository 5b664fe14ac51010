"""Framing validation: hand-labelled seed sentences, contrast pairs, seed order, generic frames on NFC.

Each check is a function that returns a flat :class:`pandas.DataFrame`:

- :func:`seed_sentence_table`: sentence-level precision, recall and F1 of the ``immigration`` set
  per pole against the hand labels of ``benchmarks/labels/seed_sentence_frames.tsv`` (rules in
  ``benchmarks/labels/README.md``), with bootstrap 95 % intervals, for the bundled topic window
  and, as an ablation, without it (``window = 0``) and without any topic condition (no document
  gate either).
- :func:`seed_order_table`: the ``immigration`` columns of each seed; 004 should lean most to
  security and 000 most to humanitarian.
- :func:`contrast_table`: the contrast pairs and topic-only sentences of
  ``tests/data/frame_contrasts.json``: how many behave as written.
- :func:`generic_table`: per-frame F1 of the ``generic`` lexicon against a majority baseline and a
  bag-of-words logistic regression on the Narrative Frames Corpus, by grouped cross-validation
  (:func:`models.train_generic_frames.cross_validate`, reading ``../shared``).
- :func:`speed_table`: documents per second of the framing family beside the readability family.

Run ``python -m benchmarks.frames_validation`` from the repository root to print every table as
Markdown and write ``benchmarks/results/frames_validation.json`` (numbers only, no corpus text).
``python -m pytest benchmarks/validation/test_frames.py -q -s`` asserts the targets.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from framing.core.segment import segment
from framing.cues.lexicon import bundled_lexicon, load_lexicon
from framing.families import frames, readability

from . import _data
from ._tables import markdown_table, print_and_save, versions

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "frames_validation.json"
LABELS_PATH = Path(__file__).resolve().parent / "labels" / "seed_sentence_frames.tsv"
CONTRASTS_PATH = _data.REPO_ROOT / "tests" / "data" / "frame_contrasts.json"
POLES = ("security", "humanitarian")
#: Published anchors (Mendelsohn et al. 2021, fine-tuned RoBERTa on immigration tweets, F1).
ANCHORS = {"security": 0.768, "humanitarian": 0.681}
TITLES = {
    "seed_sentences": "Seed sentences: immigration set vs hand labels (sentence level)",
    "seed_order": "Seed articles: immigration scores",
    "contrasts": "Contrast pairs and topic-only sentences",
    "generic": "Generic frames on the Narrative Frames Corpus (grouped 5-fold CV, document level)",
    "speed": "Speed (documents per second, same batch)",
}


def seed_labels() -> pd.DataFrame:
    """The hand labels: ``seed`` (3-digit prefix), ``label`` and ``sentence`` (the seed's text)."""
    with LABELS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    frame = pd.DataFrame(rows, columns=["seed", "label", "sentence"])
    frame["seed"] = frame["seed"].str.zfill(3)
    return frame


def _sentence_predictions(lexicon, seeds: pd.DataFrame) -> pd.DataFrame:
    """Every sentence of the seeds with whether it carries each pole (same rule as the columns: the
    set's sentence model when its lexicon names one, else the cue rule)."""
    corpus = segment(seeds["text"].tolist())
    found = frames.match(corpus, lexicon)
    sentences = corpus.sentences
    carries, _ = frames._decisions(corpus, lexicon, found)
    rows = {
        "seed": [seeds["id"].iloc[d][:3] for d in sentences.doc],
        "sentence": [corpus.texts[d][s:e] for d, s, e in zip(sentences.doc, sentences.start, sentences.end)],
    }
    for pole in POLES:
        rows[f"pred_{pole}"] = carries[:, lexicon.frame_names.index(pole)]
    return pd.DataFrame(rows)


def _joined_labels(lexicon, seeds: pd.DataFrame) -> pd.DataFrame:
    predicted = _sentence_predictions(lexicon, seeds)
    labels = seed_labels()
    key = ["seed", "sentence"]
    predicted["n"] = predicted.groupby(key).cumcount()
    labels["n"] = labels.groupby(key).cumcount()
    joined = predicted.merge(labels, on=[*key, "n"], how="left", validate="one_to_one")
    missing = joined["label"].isna().sum()
    if missing:
        raise ValueError(f"{missing} seed sentences have no label: the segmenter changed; relabel them")
    for pole in POLES:
        joined[f"gold_{pole}"] = joined["label"].isin([pole, "both"])
    return joined


def _prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(gold & pred))
    precision = tp / pred.sum() if pred.sum() else np.nan
    recall = tp / gold.sum() if gold.sum() else np.nan
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def _variants() -> dict[str, object]:
    """The bundled set (its sentence model), its cue rule alone, and two ablations of the cue rule's
    topic condition."""
    data = bundled_lexicon("immigration").to_dict()
    data.pop("sentence_model", None)  # the ablations are of the cue rule
    cue_rule = load_lexicon(data)
    window0 = json.loads(json.dumps(data))
    window0["topic"]["window"] = 0
    for frame in window0["frames"].values():
        frame["topic"] = True
        frame["cues"] = {p: (w["weight"] if isinstance(w, dict) else w) for p, w in frame["cues"].items()}
    no_topic = json.loads(json.dumps(data))
    del no_topic["topic"]
    from framing.cues.lexicon import frame_window

    bundled = bundled_lexicon("immigration")
    windows = ", ".join(f"{f.name} {frame_window(bundled, f)}" + (f" (its migration-specific cues {min(str(frame_window(bundled, f, t)) for _, t in f.cue_topic)})" if f.cue_topic else "")
                        for f in bundled.frames)  # fmt: skip
    return {f"bundled (sentence model; topic windows: {windows})": bundled, "cue rule (no sentence model)": cue_rule,
            "cue rule, topic window 0": load_lexicon(window0), "cue rule, no topic condition": load_lexicon(no_topic)}  # fmt: skip


def seed_sentence_table(seeds: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Sentence-level precision / recall / F1 per pole, bootstrap 95 % CIs over sentences."""
    rng = np.random.default_rng(seed)
    rows = []
    for variant, lexicon in _variants().items():
        joined = _joined_labels(lexicon, seeds)
        n = len(joined)
        boots = rng.integers(0, n, size=(n_boot, n))
        for pole in POLES:
            gold, pred = joined[f"gold_{pole}"].to_numpy(), joined[f"pred_{pole}"].to_numpy()
            precision, recall, f1 = _prf(gold, pred)
            samples = np.array([_prf(gold[b], pred[b]) for b in boots])
            lo, hi = np.nanpercentile(samples, [2.5, 97.5], axis=0)
            rows.append({
                "variant": variant, "pole": pole, "sentences": n, "gold": int(gold.sum()), "predicted": int(pred.sum()),
                "precision": precision, "precision_lo": lo[0], "precision_hi": hi[0],
                "recall": recall, "recall_lo": lo[1], "recall_hi": hi[1], "f1": f1,
                "roberta_f1_tweets": ANCHORS[pole],
            })  # fmt: skip
    return pd.DataFrame(rows)


def seed_errors(seeds: pd.DataFrame) -> pd.DataFrame:
    """The sentences where the bundled set and the labels disagree (for reading, not scoring)."""
    joined = _joined_labels(bundled_lexicon("immigration"), seeds)
    wrong = np.zeros(len(joined), dtype=bool)
    for pole in POLES:
        wrong |= joined[f"gold_{pole}"] != joined[f"pred_{pole}"]
    return joined[wrong]


def seed_order_table(seeds: pd.DataFrame) -> pd.DataFrame:
    """The ``immigration`` columns of each seed, ordered by seed id."""
    scores = frames.compute(segment(seeds["text"].tolist()), lexicons="immigration")
    table = pd.DataFrame(scores)
    table.columns = [c.removeprefix("framing.immigration.") for c in table.columns]
    table.insert(0, "seed", [s[:3] for s in seeds["id"]])
    return table


def contrasts() -> dict:
    """The contrast pairs and topic-only sentences (``tests/data/frame_contrasts.json``)."""
    return json.loads(CONTRASTS_PATH.read_text(encoding="utf-8"))


def contrast_results() -> pd.DataFrame:
    """One row per sentence of the contrast file: expected pole and measured pole weights."""
    data = contrasts()
    items = [(f"pair {i}", side, text) for i, pair in enumerate(data["pairs"]) for side, text in zip(pair["expect"], pair["texts"])]
    items += [("topic only", "none", text) for text in data["topic_only"]]
    scores = frames.compute(segment([t for _, _, t in items]), lexicons="immigration")
    table = pd.DataFrame({"item": [i for i, _, _ in items], "expect": [e for _, e, _ in items], "text": [t for _, _, t in items]})
    for pole in POLES:  # the sentence carries the pole (the set's sentence decision)
        table[pole] = np.nan_to_num(scores[f"framing.immigration.{pole}"]) > 0
    table["ok"] = [
        (row.security and not row.humanitarian) if row.expect == "security"
        else (row.humanitarian and not row.security) if row.expect == "humanitarian"
        else (not row.security and not row.humanitarian)
        for row in table.itertuples()
    ]  # fmt: skip
    return table


def contrast_table() -> pd.DataFrame:
    """How many contrast sentences score as expected, by expectation, and how many whole pairs flip."""
    table = contrast_results()
    rows = [{"expect": e, "sentences": len(g), "as_expected": int(g["ok"].sum()), "share": g["ok"].mean()}
            for e, g in table.groupby("expect")]  # fmt: skip
    pairs = table[table["item"] != "topic only"].groupby("item")["ok"].all()
    rows.append({"expect": "whole pairs flip", "sentences": len(pairs), "as_expected": int(pairs.sum()), "share": pairs.mean()})
    return pd.DataFrame(rows)


def generic_table() -> pd.DataFrame:
    """Per-frame F1 on NFC: lexicon vs majority baseline vs bag-of-words LR (grouped CV)."""
    from models import train_generic_frames as tg

    return tg.cross_validate(tg.load_corpus())


def speed_table(n_docs: int = 1000, rounds: int = 3) -> pd.DataFrame:
    """Documents per second of the framing family (both bundled sets) beside the readability family,
    on the same segmented batch (segmentation, shared by all families, is not timed)."""
    from ._batch import build_batch

    texts = build_batch(n_docs)
    rows = []
    for name, run in (("readability", lambda c: readability.compute(c)), ("framing", lambda c: frames.compute(c))):
        best = np.inf
        for _ in range(rounds):
            corpus = segment(texts)
            _ = corpus.word_types, corpus.sentences  # segmentation is shared; time the family alone
            started = time.perf_counter()
            run(corpus)
            best = min(best, time.perf_counter() - started)
        rows.append({"family": name, "docs": n_docs, "docs_per_second": n_docs / best})
    table = pd.DataFrame(rows)
    table["ratio_to_readability"] = table["docs_per_second"] / table["docs_per_second"].iloc[0]
    return table


def run(generic: bool = True, speed: bool = True) -> dict[str, pd.DataFrame]:
    seeds = _data.seeds()
    tables = {"seed_sentences": seed_sentence_table(seeds), "seed_order": seed_order_table(seeds),
              "contrasts": contrast_table()}  # fmt: skip
    if generic:
        tables["generic"] = generic_table()
    if speed:
        tables["speed"] = speed_table()
    return tables


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    return f"### {TITLES[name]}\n\n{markdown_table(frame, 2 if name == 'speed' else 3)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-generic", action="store_true", help="skip the NFC cross-validation (needs ../shared)")
    parser.add_argument("--no-speed", action="store_true",
                        help="skip the speed measurement (the results file keeps the speed table of its previous run)")
    parser.add_argument("--errors", action="store_true", help="print the seed sentences where labels and lexicon disagree")
    args = parser.parse_args(argv)
    if args.errors:
        with pd.option_context("display.max_colwidth", 160, "display.width", 250):
            print(seed_errors(_data.seeds())[["seed", "label", "pred_security", "pred_humanitarian", "sentence"]].to_string())
        return
    tables = run(generic=not args.no_generic, speed=not args.no_speed)
    info = {"versions": versions("nltk", "numpy", "pandas", "scikit-learn")}
    if args.no_speed and RESULTS_PATH.is_file():  # speed is measured by the lead on an idle machine
        previous = json.loads(RESULTS_PATH.read_text(encoding="utf-8"))
        if "speed" in previous:
            tables["speed"] = pd.DataFrame(previous["speed"])
            info["speed_note"] = "speed table kept from the previous run (--no-speed)"
    print_and_save(tables, render, RESULTS_PATH, info)


if __name__ == "__main__":
    main()
