"""Where the time of one ``compat="textstat"`` call on the French UD batch goes (issue 19): the
whole call with a new and with a seen vocabulary, the word-type features of the batch's types
(``textstat_features_many``), their hyphenation alone, and ``textstat_counts`` with every type
known (the per-batch arrays). Medians of ``--repeats`` runs of each, the 1-minute load before
and after. Run it under two checkouts (``PYTHONPATH``) to compare them; small, for a busy machine.

    python -m benchmarks.textstat_batch_profile [--lang fr] [--repeats 15] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", choices=("de", "fr", "es"))
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--output", type=Path, default=RESULTS / "textstat_batch_profile.json")
    args = parser.parse_args(argv)

    import framing
    from benchmarks.textstat_speed import framing_commit, ud_large_texts
    from framing.core.segment import segment
    from framing.core.syllables import _hyphenator
    from framing.core.vocabulary import Vocabulary, textstat_features_many
    from framing.families.readability.textstat import textstat_counts

    lang = args.lang
    texts, source = ud_large_texts(lang, 1000)
    load_before = os.getloadavg()[0]
    seen = Vocabulary()
    framing.score(texts, compat="textstat", signals="readability", language=lang, vocabulary=seen)
    table = seen.textstat_table(lang)
    words = list(table._strings)  # the batch's types (a new vocabulary has seen just this batch)

    def ms(fn) -> float:
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return round(float(np.median(times)) * 1000, 2)

    def counts_seen() -> None:
        textstat_counts(segment(texts, vocabulary=seen, blank_ok=True), lang)

    timings = {
        "score_new_vocabulary_ms": ms(lambda: framing.score(texts, compat="textstat", signals="readability", language=lang, vocabulary=Vocabulary())),
        "score_seen_vocabulary_ms": ms(lambda: framing.score(texts, compat="textstat", signals="readability", language=lang, vocabulary=seen)),
        "type_features_ms": ms(lambda: textstat_features_many(words, lang)),
        "hyphenation_ms": ms(lambda: _hyphenator(lang).count(words)),
        "counts_seen_vocabulary_ms": ms(counts_seen),
    }  # fmt: skip
    timings["type_features_outside_hyphenation_ms"] = round(timings["type_features_ms"] - timings["hyphenation_ms"], 2)
    result = {
        "script": "benchmarks/textstat_batch_profile.py", "framing_commit": framing_commit(), "lang": lang, "source": source,
        "documents": len(texts), "characters": int(sum(map(len, texts))), "types": len(words), "repeats": args.repeats,
        **timings, "load_average_1min_before": round(load_before, 2), "load_average_1min_after": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
    }  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
