"""Relation-level sourcing validation (issue 15): the relation engine against the blind labels.

Tables (each a flat :class:`pandas.DataFrame`):

- :func:`sentence_table`: per split (``dev``, ``test``, ``fresh``, ``fresh2``, ``fresh3``: the rules were
  tuned on their errors, ``dev`` from the start, ``test``, ``fresh`` and ``fresh2`` in session 7, ``fresh3``
  (the third blind draw, scored once after session 7's rules were frozen) in session 8; ``held_out``: the
  splits never tuned on (:data:`HELD_OUT`; a row only when such a split is scored); ``all``), precision and
  recall of "this sentence carries a relation" (it holds the cue of at least one relation) on the labelled
  sentences of ``benchmarks/sourcing_labels/`` (guide: ``RELATIONS.md``).
- :func:`relation_table`: relation-level precision, recall and F1. A predicted relation **matches**
  a gold relation of the same document when their cue spans overlap by at least one character;
  matching is one to one (each gold relation at most once, predicted relations in text order,
  each taking the first unmatched gold relation it overlaps). Only predicted relations whose cue
  lies in a labelled sentence are scored. On the matched pairs: source-class accuracy (the five
  classes of ``source_class``), resolved-class accuracy (four classes, pronouns resolved) and kind
  accuracy.
- :func:`calibration_table`: relations per 100 words and per sentence, framing against the hand
  count on the same labelled sentences (per split and corpus), and framing's per-document median
  and IQR on the whole Narrative Frames Corpus (US/UK news), beside PolNeAR's IQR.
- :func:`seed_table`: the new relation columns on the five seeds.
- :func:`distribution_table`: quantiles of the vague-source share and of unsourced specific claims
  (count and per 100 words) on Wikinews, NFC and NewsArticles (US/UK outlets), for the flags.

Run from the repository root::

    FRAMING_SHARED_DATA=/path/to/shared/data python -m benchmarks.relations_validation

to print every table and write ``benchmarks/results/relations_validation.json`` (numbers only).
``benchmarks/validation/test_relations.py`` asserts the issue's thresholds on ``held_out``. Sessions 7 and 8
tuned the rules on the errors of the five scored splits (``--errors SPLIT`` prints them; it refuses any
split of :data:`HELD_OUT`); their numbers are tuning numbers and say so (``tuned_on``). The held-out split is
``fresh4`` (``RELATIONS.md`` §11), scored once after the session-8 rules were frozen.
"""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing.core.segment import segment
from framing.cues import relations as rel
from framing.families import sourcing

from . import _data
from ._tables import markdown_table, print_and_save, versions
from .sourcing_labels import relations as labels_module

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "relations_validation.json"
#: PolNeAR (research note §1b): attributions per 100 words, p25 / median / p75.
POLNEAR_PER_100 = (2.63, 3.26, 3.91)
POLNEAR_PER_SENTENCE = (0.46, 0.62, 0.77)
#: ``dev``: tuned on from the start; ``test``: held out from the first labelling, seen in aggregate, then tuned
#: on in session 7; ``fresh`` (seed 1515) and ``fresh2`` (seed 1516): blind draws, held out until session 6,
#: tuned on in session 7; ``fresh3`` (seed 1517, 420 sentences): the third blind draw, labelled and committed
#: before the session-7 rules existed, scored once after they were frozen (``RELATIONS.md`` §10) and tuned on
#: in session 8; ``fresh4`` (seed 1518, 420 sentences): the fourth blind draw, labelled and committed in
#: session 7 before the session-8 rules existed and scored once after they were frozen (``RELATIONS.md`` §11);
#: ``held_out``: the splits never tuned on (:data:`HELD_OUT`); ``all``: every labelled sentence.
SPLITS = ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "held_out", "all")
#: The blind draws in ``held_out``: labelled before the rules ran on them and never tuned on (``fresh4``,
#: since the session-8 rules were frozen).
HELD_OUT: tuple[str, ...] = ("fresh4",)
#: The splits whose errors the rules were tuned on: ``dev`` until session 6; in session 7 the four earlier
#: splits; in session 8 ``fresh3`` too (``all`` mixes them with the held-out draw; it is marked tuned on).
TUNED_ON = frozenset(("dev", "test", "fresh", "fresh2", "fresh3", "all"))
#: The draws of ``benchmarks/sourcing_labels/relations.py`` that are scored (``""``: the first one, splits dev
#: and test).
DRAWS = ("", "fresh", "fresh2", "fresh3", "fresh4")
NEW_COLUMNS = [c for c in sourcing.COLUMNS if c in sourcing.RELATION_COLUMNS]


class Labels:
    """The labelled sentences and relations, the documents, and framing's relations on them.

    Parameters
    ----------
    files : dict, optional
        Per draw name (``""``, ``"fresh"``, ``"fresh2"``, ``"fresh3"``), other (sentences, relations) label files to read
        instead of the stored ones: a test's stand-in. Such files are not checked against the draw.
    verify_draw : bool
        Check the stored files of every draw against a new :func:`draw` (seed, corpora, segmentation).

    A draw is scored when it is in :data:`DRAWS` and its label files exist; :attr:`splits` lists the
    splits present, then ``held_out`` (only when a split of :data:`HELD_OUT` is present) and ``all``.
    """

    def __init__(self, files: dict[str, tuple[Path, Path]] | None = None, verify_draw: bool = True) -> None:
        files = files or {}
        docs = labels_module.corpora()
        sentences, relations = [], []
        for name in DRAWS:
            if name not in files and not labels_module.has_labels(name):
                continue
            s, r, _ = labels_module.check(docs, fresh=name, files=files.get(name), verify_draw=verify_draw and name not in files)
            sentences, relations = sentences + s, relations + r
        self.sentences = pd.DataFrame(sentences)
        present = set(self.sentences["split"])
        scored = tuple(x for x in SPLITS if x not in ("held_out", "all") and x in present)
        self.splits = scored + (("held_out",) if any(x in present for x in HELD_OUT) else ()) + ("all",)
        for col in ("start", "end", "carries_relation", "relations"):
            self.sentences[col] = self.sentences[col].astype(int)
        self.gold = pd.DataFrame(relations)
        for col in ("sentence_start", "cue_start", "cue_end"):
            self.gold[col] = self.gold[col].astype(int)
        split = {(r.corpus, r.doc): r.split for r in self.sentences.itertuples()}
        self.gold["split"] = [split[(c, d)] for c, d in zip(self.gold["corpus"], self.gold["doc"])]
        keys = list(dict.fromkeys(zip(self.sentences["corpus"], self.sentences["doc"])))
        self.keys = keys
        self.texts = [docs[c][d] for c, d in keys]
        corpus = segment(self.texts)
        found = rel.relations(corpus)
        offsets = corpus.offsets
        rows = []
        for i in range(len(found)):
            d = int(found.doc[i])
            o = int(offsets[d])
            rows.append({
                "corpus": keys[d][0], "doc": keys[d][1], "cue_start": int(found.cue_start[i]) - o, "cue_end": int(found.cue_end[i]) - o,
                "kind": rel.KINDS[found.kind[i]], "source_class": rel.CLASSES[found.source_class[i]],
                "resolved_class": rel.CLASSES[found.resolved_class[i]],
                "source_start": int(found.source_start[i]) - o if found.source_start[i] >= 0 else -1,
                "source_end": int(found.source_end[i]) - o if found.source_start[i] >= 0 else -1,
            })  # fmt: skip
        pred = pd.DataFrame(rows, columns=["corpus", "doc", "cue_start", "cue_end", "kind", "source_class", "resolved_class",
                                           "source_start", "source_end"])
        # keep the predictions whose cue starts in a labelled sentence
        sentence_of = []
        by_doc = {k: g for k, g in self.sentences.groupby(["corpus", "doc"])}
        for r in pred.itertuples():
            g = by_doc[(r.corpus, r.doc)]
            hit = g[(g["start"] <= r.cue_start) & (r.cue_start < g["end"])]
            sentence_of.append(int(hit["start"].iloc[0]) if len(hit) else -1)
        pred["sentence_start"] = sentence_of
        pred = pred[pred["sentence_start"] >= 0].copy()
        pred["split"] = [split[(c, d)] for c, d in zip(pred["corpus"], pred["doc"])]
        self.pred = pred.reset_index(drop=True)
        self.words = dict(zip(zip(self.sentences["corpus"], self.sentences["doc"], self.sentences["start"]),
                              segment([docs[r.corpus][r.doc][r.start:r.end] for r in self.sentences.itertuples()]).words.per_doc(len(self.sentences)).tolist()))
        self.docs = docs

    def match(self) -> pd.DataFrame:
        """Pairs of (predicted index, gold index) matched by cue overlap, one to one (:func:`match_by_cue`)."""
        return match_by_cue(self.pred, self.gold)


def match_by_cue(pred: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Pairs of (``pred`` index, ``gold`` index): relations of the same document (``corpus``, ``doc``)
    whose cue spans (``cue_start``, ``cue_end``, integers) overlap by at least one character, one to
    one; ``pred`` in its order (text order), each taking the first unmatched gold relation it overlaps."""
    pairs = []
    used: set[int] = set()
    gold_by_doc = {k: g for k, g in gold.groupby(["corpus", "doc"])}
    for p in pred.itertuples():
        g = gold_by_doc.get((p.corpus, p.doc))
        if g is None:
            continue
        for gi, row in g.iterrows():
            if gi in used:
                continue
            if row["cue_start"] < p.cue_end and p.cue_start < row["cue_end"]:
                pairs.append((p.Index, gi))
                used.add(gi)
                break
    return pd.DataFrame(pairs, columns=["pred", "gold"])


@lru_cache(maxsize=1)
def labels() -> Labels:
    return Labels()


def _in_split(frame: pd.DataFrame, split: str) -> pd.Series:
    if split == "all":
        return pd.Series(True, index=frame.index)
    if split == "held_out":
        return frame["split"].isin(HELD_OUT)
    return frame["split"] == split


def sentence_table(lab: Labels | None = None) -> pd.DataFrame:
    lab = lab or labels()
    predicted = set(zip(lab.pred["corpus"], lab.pred["doc"], lab.pred["sentence_start"]))
    rows = []
    for split in lab.splits:
        s = lab.sentences[_in_split(lab.sentences, split)]
        gold = s["carries_relation"].astype(bool).to_numpy()
        pred = np.array([(c, d, st) in predicted for c, d, st in zip(s["corpus"], s["doc"], s["start"])])
        tp = int((gold & pred).sum())
        precision = tp / max(pred.sum(), 1)
        recall = tp / max(gold.sum(), 1)
        rows.append({"split": split, "tuned_on": split in TUNED_ON, "sentences": len(s), "gold_positive": int(gold.sum()),
                     "predicted_positive": int(pred.sum()), "precision": precision, "recall": recall,
                     "f1": 2 * precision * recall / max(precision + recall, 1e-9)})
    return pd.DataFrame(rows)


def relation_table(lab: Labels | None = None) -> pd.DataFrame:
    lab = lab or labels()
    pairs = lab.match()
    rows = []
    for split in lab.splits:
        pred = lab.pred[_in_split(lab.pred, split)]
        gold = lab.gold[_in_split(lab.gold, split)]
        m = pairs[pairs["pred"].isin(pred.index)]
        tp = len(m)
        precision, recall = tp / max(len(pred), 1), tp / max(len(gold), 1)
        p, g = lab.pred.loc[m["pred"]].reset_index(drop=True), lab.gold.loc[m["gold"]].reset_index(drop=True)
        rows.append({
            "split": split, "tuned_on": split in TUNED_ON, "gold_relations": len(gold), "predicted_relations": len(pred), "matched": tp,
            "precision": precision, "recall": recall, "f1": 2 * precision * recall / max(precision + recall, 1e-9),
            "source_class_accuracy": float((p["source_class"] == g["source_class"]).mean()) if tp else float("nan"),
            "resolved_class_accuracy": float((p["resolved_class"] == g["resolved_class"]).mean()) if tp else float("nan"),
            "kind_accuracy": float((p["kind"] == g["kind"]).mean()) if tp else float("nan"),
        })  # fmt: skip
    return pd.DataFrame(rows)


def confusion_table(lab: Labels | None = None, split: str = "test") -> pd.DataFrame:
    """Source classes of the matched relations: gold (rows) against framing (columns)."""
    lab = lab or labels()
    pairs = lab.match()
    pred = lab.pred[_in_split(lab.pred, split)]
    m = pairs[pairs["pred"].isin(pred.index)]
    table = pd.crosstab(lab.gold.loc[m["gold"], "source_class"].to_numpy(), lab.pred.loc[m["pred"], "source_class"].to_numpy())
    table = table.reindex(index=list(rel.CLASSES), columns=list(rel.CLASSES), fill_value=0)
    table.insert(0, "gold", table.index)
    return table.reset_index(drop=True)


def _doc_scores(texts: list[str]) -> pd.DataFrame:
    return framing.score(texts, signals="sourcing")


def calibration_table(lab: Labels | None = None) -> pd.DataFrame:
    lab = lab or labels()
    rows = []
    groups = [(split, None) for split in lab.splits] + [("all", c) for c in labels_module.CORPORA]
    for split, corpus in groups:
        s = lab.sentences[_in_split(lab.sentences, split)]
        p = lab.pred[_in_split(lab.pred, split)]
        g = lab.gold[_in_split(lab.gold, split)]
        if corpus:
            s, p, g = s[s["corpus"] == corpus], p[p["corpus"] == corpus], g[g["corpus"] == corpus]
        words = sum(lab.words[(c, d, st)] for c, d, st in zip(s["corpus"], s["doc"], s["start"]))
        hand, ours = 100 * len(g) / words, 100 * len(p) / words
        rows.append({"group": f"{corpus or 'all corpora'} / {split}", "sentences": len(s), "words": words,
                     "hand_per_100_words": hand, "framing_per_100_words": ours, "relative_difference": ours / hand - 1,
                     "hand_per_sentence": len(g) / len(s), "framing_per_sentence": len(p) / len(s)})
    frame = pd.DataFrame(rows)
    nfc = _data.narrative_frames()
    scores = _doc_scores(nfc["text"].tolist())
    per100 = scores["sourcing.relations_per_100_words"].dropna()
    per_sentence = scores["sourcing.relations_per_sentence"].dropna()
    whole = pd.DataFrame([{
        "group": "NFC whole documents (per-document p25 / median / p75)", "sentences": int(len(per100)), "words": np.nan,
        "hand_per_100_words": np.nan, "framing_per_100_words": float(per100.median()), "relative_difference": np.nan,
        "hand_per_sentence": np.nan, "framing_per_sentence": float(per_sentence.median()),
        "p25_per_100_words": float(per100.quantile(0.25)), "p75_per_100_words": float(per100.quantile(0.75)),
        "polnear_p25_median_p75": "2.63 / 3.26 / 3.91",
    }])  # fmt: skip
    return pd.concat([frame, whole], ignore_index=True)


def seed_table() -> pd.DataFrame:
    seeds = _data.seeds()
    scores = _doc_scores(seeds["text"].tolist())
    out = scores[NEW_COLUMNS].copy()
    out.insert(0, "seed", [s.split("_")[0] for s in seeds["id"]])
    return out.reset_index(drop=True)


def _newsarticles() -> list[str]:
    return list(labels_module.newsarticles().values())


def distribution_table() -> pd.DataFrame:
    corpora = {
        "Wikinews 2019-2020": list(labels_module.wikinews().values()),
        "Narrative Frames Corpus": _data.narrative_frames()["text"].tolist(),
        "NewsArticles (US/UK outlets)": _newsarticles(),
    }
    rows = []
    for name, texts in corpora.items():
        texts = [t for t in texts if isinstance(t, str) and len(t.split()) >= 50]
        scores = _doc_scores(texts)
        for column in ("sourcing.vague_source_share", "sourcing.unsourced_claims", "sourcing.unsourced_claims_per_100_words",
                       "sourcing.relations_per_100_words", "sourcing.named_sources_distinct_per_100_words"):
            values = scores[column].dropna()
            rows.append({"corpus": name, "documents": len(values), "column": column,
                         **{f"p{q}": float(values.quantile(q / 100)) for q in (10, 25, 50, 75, 90)}, "mean": float(values.mean())})
    return pd.DataFrame(rows)


def render(name: str, frame: pd.DataFrame) -> str:
    return f"### {name}\n\n{markdown_table(frame)}"


def errors(split: str = "dev") -> None:
    """Print the false positives, misses and class errors of one tuning split (never one of :data:`HELD_OUT`)."""
    if split in HELD_OUT or split not in TUNED_ON:
        raise ValueError(f"{split} is not a tuning split")
    lab = labels()
    pairs = lab.match()
    pred = lab.pred[lab.pred["split"] == split]
    gold = lab.gold[lab.gold["split"] == split]
    matched_pred, matched_gold = set(pairs["pred"]), set(pairs["gold"])

    def ctx(c, d, a, b):
        t = lab.docs[c][d]
        return t[max(0, a - 60):a].replace("\n", " ") + "[[" + t[a:b] + "]]" + t[b:b + 40].replace("\n", " ")

    print("== false positives")
    for p in pred.itertuples():
        if p.Index not in matched_pred:
            src = lab.docs[p.corpus][p.doc][p.source_start:p.source_end] if p.source_start >= 0 else "-"
            print(f"FP {p.kind} <{src}> {p.source_class}: {ctx(p.corpus, p.doc, p.cue_start, p.cue_end)}")
    print("== misses")
    for gi, g in gold.iterrows():
        if gi not in matched_gold:
            print(f"FN {g['kind']} {g['source_class']}: {ctx(g['corpus'], g['doc'], g['cue_start'], g['cue_end'])}")
    print("== class errors")
    for a, b in zip(pairs["pred"], pairs["gold"]):
        p, g = lab.pred.loc[a], lab.gold.loc[b]
        if p["split"] != split:
            continue
        if p["source_class"] != g["source_class"] or p["resolved_class"] != g["resolved_class"] or p["kind"] != g["kind"]:
            src = lab.docs[p["corpus"]][p["doc"]][p["source_start"]:p["source_end"]] if p["source_start"] >= 0 else "-"
            gs = lab.docs[g["corpus"]][g["doc"]][int(g["source_start"]):int(g["source_end"])] if g["source_start"] != "" else "-"
            print(f"CLS pred {p['kind']} <{src}> {p['source_class']}>{p['resolved_class']} | gold {g['kind']} <{gs}> "
                  f"{g['source_class']}>{g['resolved_class']}: {ctx(p['corpus'], p['doc'], p['cue_start'], p['cue_end'])}")


def all_tables() -> dict[str, pd.DataFrame]:
    lab = labels()
    return {
        "sentences": sentence_table(lab),
        "relations": relation_table(lab),
        "class_confusion_test": confusion_table(lab, "test"),
        **({"class_confusion_held_out": confusion_table(lab, "held_out")} if "held_out" in lab.splits else {}),
        "class_confusion_dev": confusion_table(lab, "dev"),
        "calibration": calibration_table(lab),
        "seeds": seed_table(),
        "distribution": distribution_table(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    tuning = [s for s in SPLITS if s in TUNED_ON and s != "all"]
    parser.add_argument("--errors", choices=tuning, help="print the errors of one tuning split and stop (never of a held-out split)")
    parser.add_argument("--output", type=Path, default=RESULTS_PATH, help="where to write the JSON")
    args = parser.parse_args()
    if args.errors:
        errors(args.errors)
        return
    tables = all_tables()
    print_and_save(tables, render, args.output, {"versions": versions("numpy", "pandas"),
                                                  "matching": "cue span overlap, one to one",
                                                  "splits": list(labels().splits), "held_out": [s for s in HELD_OUT if s in labels().splits]})


if __name__ == "__main__":
    main()
