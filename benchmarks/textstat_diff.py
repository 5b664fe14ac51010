"""Side by side: framing's ``compat="textstat"`` against textstat 0.7.8, per measure and language.

For every textstat language (``set_lang``: en_US, de, es, fr, it, nl, pl, ru, hu) and every
measure textstat computes for a text (the ``readability.<name>`` columns of compat mode), the
largest absolute difference between framing's value and textstat's over real text in that
language (``benchmarks/textstat_data.py`` says which). NaN on both sides (textstat raises
``ValueError`` for a key its language lacks) counts as equal and is reported as ``raises``.

Writes ``benchmarks/results/textstat_diff.json``::

    python -m benchmarks.textstat_diff [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np

import framing
from benchmarks.textstat_data import texts_for
from framing.families.readability.textstat import TEXTSTAT_MEASURES

RESULTS = Path(__file__).resolve().parent / "results"
LANGUAGES = ("en_US", "de", "es", "fr", "it", "nl", "pl", "ru", "hu")


def textstat_value(textstat, name: str, text: str) -> float:
    try:
        if name.startswith("wiener_sachtextformel_"):
            return float(textstat.wiener_sachtextformel(text, int(name[-1])))
        if name == "text_standard":
            return float(textstat.text_standard(text, float_output=True))
        return float(getattr(textstat, name)(text))
    except ValueError:
        return float("nan")


def run(limit: int | None) -> dict:
    import textstat

    table: dict[str, dict] = {}
    for lang in LANGUAGES:
        texts, source = texts_for(lang.split("_")[0], limit)
        frame = framing.score(texts, compat="textstat", signals="readability", language=lang)
        textstat.set_lang(lang)
        rows = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name in TEXTSTAT_MEASURES:
                ours = frame[f"readability.{name}"].to_numpy(dtype=np.float64)
                theirs = np.array([textstat_value(textstat, name, t) for t in texts])
                both_nan = np.isnan(ours) & np.isnan(theirs)
                one_nan = np.isnan(ours) ^ np.isnan(theirs)
                diff = np.abs(np.where(both_nan, 0.0, ours - theirs))
                rows[name] = {
                    "max_abs_diff": None if one_nan.any() else float(diff.max()),
                    "docs_differing": int(((diff > 1e-9) | one_nan).sum()),
                    "raises": int(both_nan.sum()),
                }
        textstat.set_lang("en_US")
        table[lang] = {"source": source, "documents": len(texts), "characters": int(sum(map(len, texts))), "measures": rows}
    return table


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per language (default: all)")
    args = parser.parse_args(argv)
    started = time.time()
    table = run(args.limit)
    worst = max((r["max_abs_diff"] if r["max_abs_diff"] is not None else np.inf) for lang in table.values() for r in lang["measures"].values())
    result = {
        "script": "benchmarks/textstat_diff.py",
        "textstat": "0.7.8",
        "limit": args.limit,
        "seconds": round(time.time() - started, 1),
        "max_abs_diff_overall": worst,
        "documents_differing_overall": sum(r["docs_differing"] for lang in table.values() for r in lang["measures"].values()),
        "languages": table,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "textstat_diff.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "languages"}))
    for lang, entry in table.items():
        nonzero = {k: v["max_abs_diff"] for k, v in entry["measures"].items() if v["max_abs_diff"] != 0.0}
        print(f"{lang:6} {entry['documents']:4} docs  {entry['source']}: non-zero {nonzero or 'none'}")
    return result


if __name__ == "__main__":
    main()
