"""Build the reference norms shipped in ``framing/data/reference_norms.json``.

Scores the reference corpus of professional news (``benchmarks._data.reference_news``: the
article-extraction-benchmark gold article bodies, the WCXB ``article`` pages' main content and the
advanced OneStopEnglish texts; all freely licensed, CLEAR left out) with every signal family and
stores, per numeric column, the quantiles at ``framing.judges.norms.PERCENTILE_GRID``. Only numbers are
stored, no text. The sources, their sizes, the package version and the date go into the file's
``meta``. Model card: ``models/reference_norms.md``.

Usage::

    PYTHONPATH=. python models/build_norms.py [--out framing/data/reference_norms.json]

Deterministic for a given data folder and framing version (the date aside).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import framing  # noqa: E402
from benchmarks import _data  # noqa: E402
from framing.judges.norms import NORMS_FILE, Norms  # noqa: E402

DEFAULT_OUT = ROOT / "framing" / "data" / NORMS_FILE


def build() -> Norms:
    """Score the reference corpus and learn its norms."""
    corpus = _data.reference_news()
    scores = framing.score(corpus["text"], ids=corpus["id"])
    sizes = corpus.groupby("source").size()
    meta = {
        "description": "Quantiles of framing's score columns over professional news (see models/reference_norms.md).",
        "sources": {
            "article-extraction-benchmark": "gold articleBody of the Scrapinghub article-extraction benchmark (MIT)",
            "wcxb-article": "main_content of the WCXB test pages of page_type 'article' (CC BY 4.0)",
            "onestopenglish-adv": "advanced-level OneStopEnglish texts, adapted from The Guardian (CC BY-SA 4.0)",
        },
        "documents": {source: int(sizes.get(source, 0)) for source in _data.REFERENCE_SOURCES},
        "scored_without_error": int(scores["error"].isna().sum()),
        "framing_version": framing.__version__,
        "families": list(framing.FAMILIES),
        "built": datetime.date.today().isoformat(),
    }
    return Norms.fit(scores, meta=meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    norms = build()
    norms.save(args.out)
    print(f"wrote {args.out}: {len(norms.columns)} columns, documents {norms.meta['documents']}")


if __name__ == "__main__":
    main()
