"""A deterministic batch of distinct, news-length documents for the speed benchmarks.

Sources: the news articles in ``<repo>/seeds/*.txt`` and the OneStopEnglish texts
(``onestopenglish/onestopenglish.jsonl``, field ``text``) from the shared-data folder
(environment variable ``FRAMING_SHARED_DATA``, else ``<repo>/../shared/data``).

Document ``i`` of a batch is source ``i mod n_sources`` with

* a dateline sentence of its own in front (``"Filed in Lagos on March 4, 2001."``; the city, month,
  day and year are a function of ``i`` alone, so no two documents share one), and
* from the second pass over the sources on, its body paragraphs (all but the headline/first
  paragraph) shuffled with a random generator seeded by ``i``.

:func:`scaled_batch` repeats a batch ``copies`` times, each copy behind its own sentence
(``"Archive edition 7."``), so that a 10× or 100× batch is distinct as well.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from benchmarks import _data

REPO = Path(__file__).resolve().parents[1]
SEED = 20240701

_CITIES = (
    "Lagos", "Manila", "Toronto", "Lisbon", "Nairobi", "Santiago", "Osaka", "Krakow", "Denver",
    "Mumbai", "Glasgow", "Hanoi", "Cairo", "Perth", "Bogota", "Helsinki", "Dakar", "Seville",
    "Calgary", "Auckland",
)  # fmt: skip
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def load_sources() -> list[str]:
    """The seed articles (sorted by file name), then the OneStopEnglish texts in file order."""
    sources = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    path = _data.shared_data_dir() / "onestopenglish" / "onestopenglish.jsonl"
    with path.open(encoding="utf-8") as handle:
        sources.extend(json.loads(line)["text"] for line in handle if line.strip())
    sources = [s for s in sources if s.strip()]
    if not sources:
        raise RuntimeError(f"no source texts found under {REPO / 'seeds'} or {path}")
    return sources


def dateline(i: int) -> str:
    """A sentence unique to document ``i``."""
    city = _CITIES[i % len(_CITIES)]
    month = _MONTHS[(i // len(_CITIES)) % len(_MONTHS)]
    day = 1 + (i // (len(_CITIES) * len(_MONTHS))) % 28
    year = 2000 + i // (len(_CITIES) * len(_MONTHS) * 28)
    return f"Filed in {city} on {month} {day}, {year}."


def make_document(source: str, i: int, n_sources: int) -> str:
    """Document ``i`` of the batch, made from ``source`` (see the module docstring)."""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(source.strip()) if p]
    if i >= n_sources and len(paragraphs) > 2:
        head, body = paragraphs[0], paragraphs[1:]
        random.Random(SEED * 1_000_003 + i).shuffle(body)
        paragraphs = [head, *body]
    return dateline(i) + "\n\n" + "\n\n".join(paragraphs)


def build_batch(n_docs: int, sources: list[str] | None = None) -> list[str]:
    """``n_docs`` distinct documents (raises if two coincide)."""
    sources = load_sources() if sources is None else sources
    docs = [make_document(sources[i % len(sources)], i, len(sources)) for i in range(n_docs)]
    if len(set(docs)) != len(docs):
        raise RuntimeError("the batch has duplicate documents")
    return docs


def iter_scaled(batch: list[str], copies: int) -> Iterator[str]:
    """``batch`` repeated ``copies`` times, every copy behind its own first sentence."""
    for copy in range(copies):
        prefix = f"Archive edition {copy + 1}.\n\n"
        for doc in batch:
            yield prefix + doc


def scaled_batch(batch: list[str], copies: int) -> list[str]:
    """The list form of :func:`iter_scaled`."""
    return list(iter_scaled(batch, copies))


def warmup_documents() -> list[str]:
    """A few short texts that are not in any batch, for loading tables before timing.

    They hold a made-up word ("Zorvexian"), so that the hyphenation fallback for words missing
    from CMUdict gets loaded too.
    """
    return [
        "The committee met on Tuesday. Members voted to delay the Zorvexian decision until spring.",
        "Heavy rain flooded several roads overnight, and officials urged drivers to stay home.",
        "A new library opened downtown. Visitors praised its bright reading rooms and quiet garden.",
    ]


def time_families(batch: list[str], configurations: dict[str, tuple], repeats: int = 3, batch_size: int = 256) -> dict[str, float]:
    """Median seconds of each configuration (a tuple of family modules) on ``batch``.

    Each timing segments the batch afresh, in chunks of ``batch_size`` documents (framing's
    default), and runs the families' ``compute`` on each chunk, so every configuration pays for
    the segmentation it needs; every configuration runs once as a warm-up first (word types and
    tables loaded: the steady state). One process: compare configurations of one call, not calls.
    """
    import statistics
    import time

    from framing.config import Config
    from framing.core.segment import segment

    chunks = [batch[i : i + batch_size] for i in range(0, len(batch), batch_size)]
    config = Config()

    def run(families: tuple) -> float:
        started = time.perf_counter()
        for chunk in chunks:
            corpus = segment(chunk)
            for family in families:
                getattr(family, "FAMILY", family).compute(corpus, config)  # a family module or its FAMILY
        return time.perf_counter() - started

    for families in configurations.values():
        run(families)
    return {name: float(statistics.median(run(families) for _ in range(repeats))) for name, families in configurations.items()}
