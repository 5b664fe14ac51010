"""Loaders for the data files that ship with the package (see ``framing/data/PROVENANCE.md``).

Every loader reads local files only: the package never downloads anything.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

#: Syllables of the CMUdict words (``models/build_cmudict_syllables.py``).
CMU_SYLLABLES_FILE = "cmudict_syllables.txt"


def data_text(name: str) -> str:
    """The text of ``framing/data/<name>``."""
    return resources.files("framing").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def dale_chall_easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, lower case, as textstat 0.7.8 ships it."""
    return frozenset(line.strip() for line in data_text("dale_chall_easy_words.txt").splitlines())


@lru_cache(maxsize=2)
def textstat_easy_words(root: str) -> frozenset[str]:
    """textstat 0.7.8's easy-word list of a language root (``"en"`` or ``"es"``), as textstat reads
    it: every line stripped (``framing/data/PROVENANCE.md``)."""
    if root == "en":
        return dale_chall_easy_words()
    if root != "es":
        raise ValueError(f"textstat 0.7.8 ships easy words for 'en' and 'es' only, not {root!r}")
    return frozenset(line.strip() for line in io.StringIO(data_text("textstat_easy_words_es.txt")))  # as a file's lines


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop words of ``framing/data/stop_words.txt`` (lower case), shared by the families.

    Examples
    --------
    >>> {"the", "has", "over"} <= stop_words(), "deported" in stop_words()
    (True, False)
    """
    lines = (line.strip() for line in data_text("stop_words.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def punkt_parameters() -> dict[str, Any]:
    """Punkt parameters written by ``models/train_punkt.py``, with sets for lookups."""
    params = json.loads(data_text("punkt_english.json"))
    params["abbrev_types"] = frozenset(params["abbrev_types"])
    params["sent_starters"] = frozenset(params["sent_starters"])
    params["collocations"] = frozenset(tuple(pair) for pair in params["collocations"])
    return params


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of the first CMUdict pronunciation of every word, in the dictionary's order.

    The syllable count of a pronunciation is its number of stress-marked phones (vowels), which
    is what NLTK and textstat count. The counts are read from ``framing/data/cmudict_syllables.txt``,
    written from the CMU Pronouncing Dictionary by ``models/build_cmudict_syllables.py`` (parsing
    the dictionary's text at every start took ~0.18 s; this file loads in a few ms).

    Examples
    --------
    >>> cmu = cmu_syllables()
    >>> cmu["beautiful"], cmu["readability"], "qwzx" in cmu
    (3, 5, False)
    """
    header, counts, words = data_text(CMU_SYLLABLES_FILE).split("\n", 2)
    if not header.startswith("framing-cmudict-syllables/1 "):
        raise ValueError(f"{CMU_SYLLABLES_FILE} is not a framing-cmudict-syllables/1 file: {header[:60]!r}")
    names = words.split("\n")
    if names and not names[-1]:
        names.pop()
    syllables = (np.frombuffer(counts.encode("ascii"), dtype=np.uint8) - ord("0")).tolist()
    if len(syllables) != len(names):
        raise ValueError(f"{CMU_SYLLABLES_FILE}: {len(syllables)} counts for {len(names)} words")
    return dict(zip(names, syllables))
