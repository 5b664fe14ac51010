"""Speed of ``compat="textstat"`` over every textstat measure against a cache-cold textstat 0.7.8
loop over the same measures, per language, in one run.

For each textstat language (``set_lang``), over the texts of ``benchmarks/textstat_data.py``
(``--docs`` per language):

* **textstat, cache-cold**: before each document, every ``lru_cache`` of textstat's modules is
  cleared except its ``get_*`` loaders (CMUdict, Pyphen, easy words), as in
  ``benchmarks/speed_readability.py``; then every measure of :data:`TEXTSTAT_MEASURES` is called
  on it (the Wiener Sachtextformel once per variant; a ``ValueError`` that textstat raises for its
  language is caught and counted in its time).
* **framing**: one ``framing.score(texts, compat="textstat", signals="readability",
  language=lang, vocabulary=Vocabulary())`` call: a new vocabulary, so the batch's word types are
  discovered (their syllables hyphenated) inside the timing (``speedup``); then the same call
  again with that vocabulary, every type known: a long run's steady state (``speedup_seen``).
  textstat's cache-cold loop keeps Pyphen's own memo of hyphenated words across documents.

Both engines are warmed up on three short texts outside the batch first (loading CMUdict, Pyphen
and the word lists). The ratio is textstat's seconds over framing's; the JSON also holds the
largest difference between the two engines' numbers, the 1-minute load average before and
after, and the CPU count. The machine is shared: run at modest ``--docs``.

    python -m benchmarks.textstat_speed [--docs 100]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from benchmarks.textstat_data import texts_for
from benchmarks.textstat_diff import LANGUAGES, textstat_value

RESULTS = Path(__file__).resolve().parent / "results"
# a word outside CMUdict ("zorvexian") so that both engines load the language's Pyphen patterns
WARMUP = ["A short text to load the zorvexian dictionaries.", "Noch ein kurzer Satz.", "Una frase corta."]


def textstat_caches() -> list:
    caches: dict[int, object] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat") or module is None:
            continue
        for attr, value in vars(module).items():
            if hasattr(value, "cache_clear") and not attr.startswith("get_"):
                caches[id(value)] = value
    return list(caches.values())


def time_language(lang: str, docs: int) -> dict:
    import textstat

    import framing
    from framing.core.vocabulary import Vocabulary
    from framing.families.readability.textstat import TEXTSTAT_MEASURES

    texts, source = texts_for(lang.split("_")[0], docs)
    textstat.set_lang(lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in WARMUP:
            for name in TEXTSTAT_MEASURES:
                textstat_value(textstat, name, text)
        caches = textstat_caches()
        theirs = np.empty((len(texts), len(TEXTSTAT_MEASURES)))
        elapsed = 0.0
        for i, text in enumerate(texts):
            for cache in caches:
                cache.cache_clear()
            start = time.perf_counter()
            theirs[i] = [textstat_value(textstat, name, text) for name in TEXTSTAT_MEASURES]
            elapsed += time.perf_counter() - start
    textstat.set_lang("en_US")
    framing.score(WARMUP, compat="textstat", signals="readability", language=lang)
    vocabulary = Vocabulary()
    start = time.perf_counter()
    frame = framing.score(texts, compat="textstat", signals="readability", language=lang, vocabulary=vocabulary)
    ours_seconds = time.perf_counter() - start
    start = time.perf_counter()  # the same batch again: every word type known (a long run's steady state)
    framing.score(texts, compat="textstat", signals="readability", language=lang, vocabulary=vocabulary)
    seen_seconds = time.perf_counter() - start
    ours = frame[[f"readability.{n}" for n in TEXTSTAT_MEASURES]].to_numpy(dtype=np.float64)
    diff = np.where(np.isnan(ours) & np.isnan(theirs), 0.0, np.abs(ours - theirs))
    return {
        "source": source, "documents": len(texts), "characters": int(sum(map(len, texts))),
        "measures": len(TEXTSTAT_MEASURES), "textstat_cold_seconds": round(elapsed, 4),
        "framing_seconds": round(ours_seconds, 4), "speedup": round(elapsed / ours_seconds, 1),
        "framing_seen_seconds": round(seen_seconds, 4), "speedup_seen": round(elapsed / seen_seconds, 1),
        "max_abs_diff": float(np.nanmax(diff)) if diff.size else 0.0,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="documents per language")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    per_language = {lang: time_language(lang, args.docs) for lang in LANGUAGES}
    result = {
        "script": "benchmarks/textstat_speed.py",
        "docs_per_language": args.docs,
        "load_average_1min_before": round(load_before, 2),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "min_speedup": min(v["speedup"] for v in per_language.values()),
        "min_speedup_seen": min(v["speedup_seen"] for v in per_language.values()),
        "languages": per_language,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "textstat_speed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"load {result['load_average_1min_before']} -> {result['load_average_1min_after']} on {result['cpu_count']} cores")
    for lang, v in per_language.items():
        print(f"{lang:6} {v['documents']:4} docs {v['characters']:8} chars  textstat cold {v['textstat_cold_seconds']:8.3f} s"
              f"  framing {v['framing_seconds']:7.3f} s  x{v['speedup']:6.1f}  (vocabulary seen: x{v['speedup_seen']:6.1f})"
              f"  max diff {v['max_abs_diff']}")  # fmt: skip
    return result


if __name__ == "__main__":
    main()
