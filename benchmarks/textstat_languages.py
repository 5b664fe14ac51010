"""How well ``Config(language="auto")`` tells a document's language (``framing.core.language.detect_languages``).

Sets (gold language = the corpus's): the UD GSD treebanks' pseudo-documents of ten sentences and
their single sentences (German, French, Spanish; test and dev splits), and English news (the
seed articles and the Wikinews sample). For each set: how many units are detected as the gold
language, left undetermined (``und``: too few function words, e.g. a short sentence) or given
another language; and, where py3langid is installed (the ``bench`` extra), how often framing's
decided answers agree with py3langid's (restricted to the same ten languages).

**English corpora** (issue 19: detection is the default, so English text must stay English):
every English validation corpus (OneStopEnglish, CLEAR, the Narrative Frames Corpus, Wikinews,
NewsArticles, WCXB, the article-extraction benchmark's gold bodies, the seeds, the generated
pages): how many documents are detected as English, left undetermined (measured as English) or
given another language, with the ids of the latter. The extraction benchmark is a multilingual
crawl: its pages in other languages are listed in :data:`EXTRACTION_NOT_ENGLISH` (read by eye,
language only) and counted apart. **Cost**: docs/s of ``framing.score`` on 200 NewsArticles
with the language detected and with ``language="en"`` (detection skipped), a small-N check.

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
#: Article-extraction-benchmark pages whose gold body is not in English (id prefix: language), read by eye.
EXTRACTION_NOT_ENGLISH = {
    "0ec95c7261d1": "ko", "11ea381ad92b": "pt", "20b2b64916b0": "it", "21486419bb10": "id", "23aaecd14171": "pt",
    "3252222e61fe": "pt", "3c6d3381ef52": "ru", "57b4dafd18cf": "de", "7837c9d66c81": "id", "85439e26c41c": "ja",
    "9da36ae4714b": "ko", "b3c19dd5f061": "pt", "b6fb53e9fb04": "it", "ba07d1e64775": "de", "c4a3637c6696": "ru",
    "c82b3d1d540b": "ru", "cc03ddb5ef7d": "pt", "f105de6e63ca": "ja", "f6ac15a4d985": "pt", "ff0f958ade71": "ru",
}  # fmt: skip


def english_corpora() -> dict[str, tuple[list, list[str]]]:
    """Every English validation corpus: name -> (ids, texts); corpora missing here are left out."""
    from benchmarks import _data
    from benchmarks.flagger_data import generated_pages

    loaders = {
        "OneStopEnglish": _data.onestopenglish, "CLEAR": _data.clear, "Narrative Frames Corpus": _data.narrative_frames,
        "Wikinews": _data.wikinews, "NewsArticles": _data.news_articles, "WCXB": _data.wcxb, "seeds": _data.seeds,
        "generated pages": generated_pages,
    }  # fmt: skip
    out = {}
    for name, load in loaders.items():
        try:
            frame = load()
        except (FileNotFoundError, ImportError):
            continue
        out[name] = (list(frame["id"]), [t if isinstance(t, str) else "" for t in frame["text"]])
    try:
        aeb = _data.article_extraction_benchmark()
        english = [i for i in aeb.index if i[:12] not in EXTRACTION_NOT_ENGLISH]
        out["article-extraction benchmark (English pages)"] = (english, [aeb.loc[i, "gold"] for i in english])
        other = [i for i in aeb.index if i[:12] in EXTRACTION_NOT_ENGLISH]
        out["article-extraction benchmark (other languages)"] = (other, [aeb.loc[i, "gold"] for i in other])
    except FileNotFoundError:
        pass
    return out


def english_table() -> dict:
    """Per English corpus: documents detected as English, undetermined, another language (ids)."""
    table = {}
    for name, (ids, texts) in english_corpora().items():
        found = []
        for start in range(0, len(texts), 256):
            found += detect_languages(segment(texts[start : start + 256])).tolist()
        other = [(str(i), f) for i, f in zip(ids, found) if f not in ("en", UNDETERMINED)]
        entry = {"documents": len(texts), "english": found.count("en"), "undetermined": found.count(UNDETERMINED),
                 "another_language": len(other), "another_language_share": round(len(other) / max(len(texts), 1), 5),
                 "another_language_ids": other[:40]}  # fmt: skip
        if "other languages" in name:
            entry["right_language"] = sum(EXTRACTION_NOT_ENGLISH[i[:12]] == f for i, f in zip(ids, found))
        table[name] = entry
    return table


def detection_cost(n: int = 200, rounds: int = 3) -> dict:
    """docs/s of ``framing.score`` on ``n`` NewsArticles, detected vs declared English (best of ``rounds``)."""
    import framing
    from benchmarks import _data

    texts = list(_data.news_articles()["text"][:n])
    framing.score(texts[:20])  # warm the vocabulary for both
    best = {}
    for label, language in (("auto", "auto"), ("declared en", "en")):
        times = []
        for _ in range(rounds):
            clock = time.perf_counter()
            framing.score(texts, language=language)
            times.append(time.perf_counter() - clock)
        best[label] = round(n / min(times), 1)
    best["documents"] = n
    best["cost_share"] = round(1 - best["auto"] / best["declared en"], 4)
    return best


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
    english = english_table()
    cost = detection_cost()
    result = {"script": "benchmarks/textstat_languages.py", "seconds": round(time.time() - started, 1),
              "timing_on_50_english_news_articles": timing, "sets": table, "english_corpora": english,
              "detection_cost_docs_per_s": cost}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "textstat_languages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, e in table.items():
        print(f"{name:40} {e['units']:5}  correct {e['correct']:5}  und {e['undetermined']:4}  wrong {e['wrong']:3}  py3langid {e['py3langid_agreement']}")
    print(timing)
    for name, e in english.items():
        print(f"{name:48} {e['documents']:5}  en {e['english']:5}  und {e['undetermined']:4}  other {e['another_language']:3} {e['another_language_ids'][:5]}")
    print(cost)
    return result


if __name__ == "__main__":
    main()
