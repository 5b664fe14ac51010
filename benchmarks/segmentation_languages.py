"""Sentence segmentation in German, French and Spanish against the UD GSD treebanks' gold boundaries.

The treebanks' sentences (``benchmarks/textstat_data.py``: ten to a pseudo-document, joined by a
space) are segmented again, and every sentence boundary inside a document is scored: precision,
recall and F1 of the predicted boundary offsets against the gold ones (a document's end is
always a boundary and is not counted). Held out: the Punkt parameters of ``--lang`` were
trained on the *dev* split (``models/train_punkt.py``), so the *test* split is the reported one;
dev is given for reference (training data).

Segmenters:

* ``framing_english``: framing's own segmentation (``framing.core.segment``, English parameters);
* ``punkt_language``: NLTK's Punkt with the language's parameters (``framing/data/punkt_<lang>.json``,
  ``framing.core.segment.language_sentence_spans``, which framing's readability family uses for a
  document in that language);
* ``punkt_english``: NLTK's Punkt with framing's English parameters (the reference of the first).

Writes ``benchmarks/results/segmentation_languages.json``::

    python -m benchmarks.segmentation_languages
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from benchmarks.textstat_data import SENTENCES_PER_DOC, UD_LANGUAGES, ud_documents
from framing.core.segment import language_sentence_spans, nltk_punkt_tokenizer, segment

RESULTS = Path(__file__).resolve().parent / "results"


def score(gold: list[set[int]], predicted: list[set[int]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    n_gold, n_pred = sum(map(len, gold)), sum(map(len, predicted))
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "gold": n_gold, "predicted": n_pred}


def boundaries(lang: str, split: str) -> dict:
    docs = ud_documents(lang, split)
    texts = [text for text, _ in docs]
    gold = [set(ends[:-1]) for _, ends in docs]
    corpus = segment(texts)
    framing_ends: list[set[int]] = [set() for _ in texts]
    for d, end in zip(corpus.sentences.doc.tolist(), corpus.sentences.end.tolist()):
        framing_ends[d].add(end)
    english = nltk_punkt_tokenizer()
    results = {}
    for name, ends in (
        ("framing_english", framing_ends),
        ("punkt_language", [{e for _, e in language_sentence_spans(corpus, d, lang)} for d in range(len(texts))]),
        ("punkt_english", [{e for _, e in english.span_tokenize(t)} for t in texts]),
    ):
        results[name] = score(gold, [e - {len(t)} for e, t in zip(ends, texts)])
    return {"documents": len(texts), **results}


def main() -> dict:
    started = time.time()
    table = {lang: {split: boundaries(lang, split) for split in ("test", "dev")} for lang in UD_LANGUAGES}
    result = {
        "script": "benchmarks/segmentation_languages.py",
        "held_out": "test (the Punkt parameters were trained on dev)",
        "sentences_per_document": SENTENCES_PER_DOC,
        "seconds": round(time.time() - started, 1),
        "languages": table,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "segmentation_languages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for lang, splits in table.items():
        for split, entry in splits.items():
            cells = "  ".join(f"{k} F1 {v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f})" for k, v in entry.items() if isinstance(v, dict))
            print(f"{lang} {split:4} {entry['documents']:4} docs  {cells}")
    return result


if __name__ == "__main__":
    main()
