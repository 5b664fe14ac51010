"""Memory of scoring a stream with millions of distinct word types: the vocabulary stays bounded.

A synthetic stream: documents of news-like sentences in which every sentence carries made-up words
(``"Officials said the bakotine plan ..."``), each made-up word new to the stream, until
``--types`` distinct word types (default 2 million) have gone by. The stream is scored with all six
families in chunks of ``--chunk`` documents, one process (``framing.score`` per chunk, as
``framing score`` on a file does); the resident set size (RSS, ``psutil``) is sampled after every
chunk. Then ``Vocabulary.clear()`` is called and RSS sampled again. Writes
``benchmarks/results/vocabulary_memory.json``::

    python -m benchmarks.vocabulary_memory [--types 2000000] [--max-types N]

``--max-types`` sets the cap of the vocabulary used (default: the default vocabulary's). The
numbers are measured, not asserted; ``tests/test_vocabulary.py`` checks the cap without timing.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "vocabulary_memory.json"

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "st", "tr", "pl", "gr")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_SYLLABLES = tuple(o + v for o, v in itertools.product(_ONSETS, _VOWELS))  # 140
_FRAMES = (
    "Officials said the {} plan would cost more than {} expected.",
    "The {} committee met on Tuesday to discuss the {} proposal.",
    "Residents of {} told reporters that the {} decision surprised them.",
    "According to the report, {} prices rose while {} sales fell.",
    "Police arrested two men near the {} border after a {} protest.",
)


def made_up_word(i: int) -> str:
    """The ``i``-th made-up word: distinct for every ``i`` below 140**3 (2.7 million)."""
    a, rest = divmod(i, len(_SYLLABLES) ** 2)
    b, c = divmod(rest, len(_SYLLABLES))
    return _SYLLABLES[a] + _SYLLABLES[b] + _SYLLABLES[c] + "ine"


def stream(n_types: int, words_per_doc: int = 100):
    """Documents until ``n_types`` made-up words have been used, ``words_per_doc`` new ones each."""
    counter = 0
    doc = 0
    while counter < n_types:
        sentences = []
        for k in range(words_per_doc // 2):
            frame = _FRAMES[(doc + k) % len(_FRAMES)]
            words = [made_up_word(counter), made_up_word(counter + 1).capitalize()]
            counter += 2
            sentences.append(frame.format(*words))
        yield " ".join(sentences)
        doc += 1


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--types", type=int, default=2_000_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--max-types", type=int, default=None)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    import framing
    from framing.core.vocabulary import Vocabulary, default_vocabulary
    from framing.pipeline import score_texts

    vocabulary = default_vocabulary() if args.max_types is None else Vocabulary(args.max_types)
    config = framing.Config()
    framing.score(["Warm-up: the tables load before the first sample."])
    start_rss = rss_mb()
    samples = []
    started = time.perf_counter()
    docs = 0
    chunk: list[str] = []
    for text in itertools.chain(stream(args.types), [None]):
        if text is not None:
            chunk.append(text)
        if len(chunk) == args.chunk or (text is None and chunk):
            score_texts(chunk, config, vocabulary=vocabulary)
            docs += len(chunk)
            chunk = []
            samples.append({"documents": docs, "rss_mb": round(rss_mb(), 1), "vocabulary_types": len(vocabulary)})
    seconds = time.perf_counter() - started
    peak = max(s["rss_mb"] for s in samples)
    vocabulary.clear()
    gc.collect()
    result = {
        "distinct_made_up_types": args.types,
        "documents": docs,
        "chunk": args.chunk,
        "max_types": vocabulary.max_types,
        "rss_mb_after_warm_up": round(start_rss, 1),
        "rss_mb_peak": peak,
        "rss_mb_after_clear": round(rss_mb(), 1),
        "evictions_words": vocabulary.words.evictions,
        "seconds": round(seconds, 1),
        "docs_per_s": round(docs / seconds, 1),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "samples": samples[:: max(1, len(samples) // 40)],
    }
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=2))
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
