"""How well ``Config(language="auto")`` tells a document's language (``framing.core.language.detect_languages``).

Sets (gold language = the corpus's): the UD GSD treebanks' pseudo-documents of ten sentences and
their single sentences (German, French, Spanish; test and dev splits), and English news (the
seed articles and the Wikinews sample). For each set: how many units are detected as the gold
language, left undetermined (``und``: too few function words, e.g. a short sentence) or given
another language; and, where py3langid is installed (the ``bench`` extra), how often framing's
decided answers agree with py3langid's (restricted to the same ten languages).

Writes ``benchmarks/results/textstat_languages.json``::

    python -m benchmarks.textstat_languages
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from benchmarks._data import seeds, wikinews
from benchmarks.textstat_data import UD_LANGUAGES, ud_documents, ud_sentences
from framing.core.language import DETECTED_LANGUAGES, UNDETERMINED, detect_languages
from framing.core.segment import segment

RESULTS = Path(__file__).resolve().parent / "results"


def _py3langid():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(DETECTED_LANGUAGES))
    return identifier


def main() -> dict:
    started = time.time()
    sets: dict[str, tuple[str, list[str]]] = {}
    for lang in UD_LANGUAGES:
        texts = [t for split in ("test", "dev") for t, _ in ud_documents(lang, split)]
        sets[f"UD {lang} pseudo-documents"] = (lang, texts)
        sets[f"UD {lang} sentences"] = (lang, [s for split in ("test", "dev") for s in ud_sentences(lang, split)])
    sets["English news (seeds/, Wikinews)"] = ("en", list(seeds()["text"]) + list(wikinews()["text"]))
    clock = time.perf_counter()
    identifier = _py3langid()
    load_seconds = time.perf_counter() - clock
    timing = {"py3langid_load_seconds": round(load_seconds, 2) if identifier is not None else None}
    news = sets["English news (seeds/, Wikinews)"][1][:50]
    corpus = segment(news)
    corpus.word_types  # noqa: B018 - a scoring run has the batch's word types anyway
    clock = time.perf_counter()
    detect_languages(corpus)
    timing["framing_ms_per_1000_chars"] = round(1000 * (time.perf_counter() - clock) / (sum(map(len, news)) / 1000), 3)
    if identifier is not None:
        clock = time.perf_counter()
        for text in news:
            identifier.classify(text)
        timing["py3langid_ms_per_1000_chars"] = round(1000 * (time.perf_counter() - clock) / (sum(map(len, news)) / 1000), 3)
    table = {}
    for name, (gold, texts) in sets.items():
        found = detect_languages(segment(texts)).tolist()
        entry = {
            "gold": gold, "units": len(texts), "correct": sum(f == gold for f in found),
            "undetermined": sum(f == UNDETERMINED for f in found),
            "wrong": sum(f not in (gold, UNDETERMINED) for f in found), "py3langid_agreement": None,
        }  # fmt: skip
        if identifier is not None and "sentences" not in name:
            decided = [(t, f) for t, f in zip(texts, found) if f != UNDETERMINED][:200]
            entry["py3langid_agreement"] = round(sum(identifier.classify(t[:2000])[0] == f for t, f in decided) / max(len(decided), 1), 4)
            entry["py3langid_compared"] = len(decided)
        table[name] = entry
    # framing's time is its cost in a scoring run, which has segmented the batch already
    result = {"script": "benchmarks/textstat_languages.py", "seconds": round(time.time() - started, 1), "timing_on_50_english_news_articles": timing, "sets": table}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "textstat_languages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, e in table.items():
        print(f"{name:40} {e['units']:5}  correct {e['correct']:5}  und {e['undetermined']:4}  wrong {e['wrong']:3}  py3langid {e['py3langid_agreement']}")
    print(timing)
    return result


if __name__ == "__main__":
    main()
