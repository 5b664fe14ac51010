"""Inter-coder agreement of the relation labels (issue 15): the first coding against a blind second one.

The relation labels of ``benchmarks/sourcing_labels/`` were each written by one coder. A second coder
labelled two of the sets again by the same guide (``RELATIONS.md`` §1–§2), blind to the first
coding and to the rules: the second fresh draw (``fresh2``, 270 sentences) and the old ``test``
split of the first draw (195 sentences). Their labels are stored the same way (offsets + hashes),
as ``coder2_*.tsv``.

Tables (per set):

- sentence level, "carries a relation": both codings' positives, raw agreement and Cohen's kappa;
- relation level: the second coding scored against the first with the validation's matching rule
  (cue spans overlapping by at least one character, one to one, in text order): precision, recall,
  F1 — the F1 is symmetric, so it is the agreement of the two codings; on matched pairs, agreement on
  the source class (five classes), on the resolved class (four) and on the kind;
- count: relations per 100 words of each coding (the calibration target is stated against one
  coding; this says how far two codings of the same text are apart).

Run from the repository root::

    FRAMING_SHARED_DATA=/path/to/shared/data python -m benchmarks.relations_agreement

to print the tables and write ``benchmarks/results/relations_agreement.json``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from framing.core.segment import segment

from ._tables import markdown_table, print_and_save, versions
from .frames_topic import cohen_kappa
from .relations_validation import match_by_cue
from .sourcing_labels import relations as labels_module

HERE = Path(__file__).resolve().parent / "sourcing_labels"
RESULTS_PATH = Path(__file__).resolve().parent / "results" / "relations_agreement.json"
#: set name -> (first coding's draw, second coding's sentence file, relation file)
SETS = {
    "fresh2": ("fresh2", HERE / "coder2_fresh2_sentences.tsv", HERE / "coder2_fresh2_relations.tsv"),
    "test": ("", HERE / "coder2_test_sentences.tsv", HERE / "coder2_test_relations.tsv"),
}


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _match(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (first, second) by the validation's rule (:func:`benchmarks.relations_validation.match_by_cue`),
    the second coding in text order."""
    def frame(rows: list[dict]) -> pd.DataFrame:
        out = pd.DataFrame(rows, columns=["corpus", "doc", "cue_start", "cue_end"])
        return out.astype({"cue_start": np.int64, "cue_end": np.int64})

    order = sorted(range(len(second)), key=lambda k: (second[k]["corpus"], second[k]["doc"], int(second[k]["cue_start"])))
    pairs = match_by_cue(frame([second[k] for k in order]), frame(first))
    return [(first[g], second[order[p]]) for p, g in zip(pairs["pred"], pairs["gold"])]


def agreement(name: str, docs: dict[str, dict[str, str]] | None = None) -> dict | None:
    """The agreement figures of one set, or ``None`` when its second coding is not in the repository."""
    draw, sentences_path, relations_path = SETS[name]
    if not (sentences_path.exists() and relations_path.exists()):
        return None
    first_sentences, first_relations = labels_module.load(draw)
    second_sentences, second_relations = _read(sentences_path), _read(relations_path)
    if name == "test":
        first_sentences = [r for r in first_sentences if r["split"] == "test"]
        second_sentences = [r for r in second_sentences if r["split"] == "test"]
    key = lambda r: (r["corpus"], r["doc"], r["start"])  # noqa: E731
    second_by_key = {key(r): r for r in second_sentences}
    if set(second_by_key) != {key(r) for r in first_sentences}:
        raise SystemExit(f"{name}: the second coding's sentences are not the first coding's")
    for r in first_sentences:
        if second_by_key[key(r)]["sha1"] != r["sha1"]:
            raise SystemExit(f"{name}: sentence hash differs at {key(r)}")
    starts = {(r["corpus"], r["doc"], r["start"]) for r in first_sentences}
    in_set = lambda rel: (rel["corpus"], rel["doc"], rel["sentence_start"]) in starts  # noqa: E731
    first_relations = [r for r in first_relations if in_set(r)]
    second_relations = [r for r in second_relations if in_set(r)]
    a = np.array([int(r["carries_relation"]) for r in first_sentences])
    b = np.array([int(second_by_key[key(r)]["carries_relation"]) for r in first_sentences])
    pairs = _match(first_relations, second_relations)
    precision = len(pairs) / len(second_relations) if second_relations else float("nan")
    recall = len(pairs) / len(first_relations) if first_relations else float("nan")
    docs = docs or labels_module.corpora()
    # words as the validation's calibration counts them: framing's word tokens of each labelled sentence
    texts = [docs[r["corpus"]][r["doc"]][int(r["start"]) : int(r["end"])] for r in first_sentences]
    words = int(segment(texts).words.per_doc(len(texts)).sum())
    return {
        "set": name,
        "sentences": len(first_sentences),
        "first_positive": int(a.sum()),
        "second_positive": int(b.sum()),
        "sentence_agreement": round(float(np.mean(a == b)), 3),
        "sentence_kappa": round(cohen_kappa(a, b), 3),
        "first_relations": len(first_relations),
        "second_relations": len(second_relations),
        "matched": len(pairs),
        "relation_precision": round(precision, 3),
        "relation_recall": round(recall, 3),
        "relation_f1": round(2 * precision * recall / (precision + recall), 3) if pairs else 0.0,
        "source_class_agreement": round(float(np.mean([g["source_class"] == s["source_class"] for g, s in pairs])), 3),
        "resolved_class_agreement": round(float(np.mean([g["resolved_class"] == s["resolved_class"] for g, s in pairs])), 3),
        "kind_agreement": round(float(np.mean([g["kind"] == s["kind"] for g, s in pairs])), 3),
        "words": words,
        "first_per_100_words": round(100 * len(first_relations) / words, 3),
        "second_per_100_words": round(100 * len(second_relations) / words, 3),
        "count_difference": round(len(second_relations) / len(first_relations) - 1, 3),
    }


def agreement_table() -> pd.DataFrame:
    docs = labels_module.corpora()
    rows = [row for name in SETS if (row := agreement(name, docs)) is not None]
    return pd.DataFrame(rows)


def main() -> None:
    table = agreement_table()
    print_and_save({"agreement": table}, lambda name, frame: markdown_table(frame), RESULTS_PATH,
                   {"script": "benchmarks/relations_agreement.py", **versions()})


if __name__ == "__main__":
    main()
