"""Per-word-type features, computed once per unique type and kept across batches.

A corpus has far fewer word types than tokens. The segmenter identifies each token's type by a
hash (``framing.core.chars.span_hashes``); a :class:`TypeTable` maps hashes to rows of feature
arrays, computing the features of a type the first time it is seen. Token-level features are
then ``table.features[name][token_type_ids]``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.core.chars import StringIndex, string_hashes
from framing.core.resources import dale_chall_easy_words, punkt_parameters
from framing.core.syllables import count_syllables, textstat_syllables_many

FeatureFunction = Callable[[str], Mapping[str, float]]
ManyFeatureFunction = Callable[[list[str]], Mapping[str, np.ndarray]]

# Regular inflections that keep a Dale–Chall list word familiar (Chall & Dale 1995 counting rules).
_INFLECTIONS = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"),
    ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("'s", ""),
)  # fmt: skip


def is_familiar(word: str) -> bool:
    """Whether a lower-case word is on the Dale–Chall list or a regular inflection of a list word.

    Examples
    --------
    >>> is_familiar("returned"), is_familiar("giants"), is_familiar("deportation")
    (True, True, False)
    """
    easy = dale_chall_easy_words()
    word = word.replace("’", "'")
    if word in easy:
        return True
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + replacement
            if stem in easy:
                return True
            # doubled consonant: "stopped" -> "stop", "bigger" -> "big"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
                return True
    return False


FRAMING_FEATURES = (
    "syllables", "letters", "alnum", "familiar", "polysyllable", "complex_stem", "long_word", "is_number",
    "punkt_abbreviation", "punkt_initial", "punkt_number", "punkt_ortho", "punkt_starter",
)  # fmt: skip
_PUNKT_NUMBER = re.compile(r"^-?[.,]?\d[\d,.\-]*\.?$")
TEXTSTAT_FEATURES = ("syllables", "easy")


def framing_features(word: str) -> dict[str, float]:
    """Features of a lower-case word type in framing's default mode."""
    syllables = count_syllables(word)
    letters = sum(ch.isalpha() for ch in word)
    is_number = letters == 0
    punkt = punkt_parameters()
    punkt_type = "##number##" if _PUNKT_NUMBER.match(word) else word
    return {
        # Punkt's view of the type (Kiss & Strunk 2006), used by the sentence splitter
        "punkt_abbreviation": float(word in punkt["abbrev_types"] or word.rsplit("-", 1)[-1] in punkt["abbrev_types"]),
        "punkt_initial": float(len(word) == 1 and word.isalpha()),
        "punkt_number": float(punkt_type == "##number##"),
        "punkt_ortho": float(punkt["ortho_context"].get(punkt_type, 0)),
        "punkt_starter": float(punkt_type in punkt["sent_starters"]),
        "syllables": syllables,
        "letters": letters,
        "alnum": sum(ch.isalnum() for ch in word),
        "familiar": float(is_number or is_familiar(word)),
        "polysyllable": float(syllables >= 3),
        # Gunning: inflectional endings -es, -ed, -ing do not make a word complex
        "complex_stem": float(_fog_syllables(word, syllables) >= 3 and "-" not in word),
        "long_word": float(letters > 6),
        "is_number": float(is_number),
    }


def _fog_syllables(word: str, syllables: int) -> int:
    """Syllables without an inflectional -es, -ed or -ing syllable (Gunning 1952)."""
    if word.endswith("ing") and len(word) > 5:
        return syllables - 1
    if word.endswith(("ted", "ded")) and len(word) > 5:
        return syllables - 1
    if word.endswith(("ses", "zes", "xes", "ches", "shes", "ces", "ges")) and len(word) > 5:
        return syllables - 1
    return syllables


def textstat_features(word: str) -> dict[str, float]:
    """Features of a lower-case, punctuation-stripped word exactly as textstat 0.7.8 sees it."""
    return {name: float(values[0]) for name, values in textstat_features_many([word]).items()}


@lru_cache(maxsize=1)
def _easy_word_index() -> StringIndex:
    return StringIndex(sorted(dale_chall_easy_words()))


def textstat_features_many(words: list[str]) -> dict[str, np.ndarray]:
    """:func:`textstat_features` of many words at once: word lists looked up by hash, syllables by
    ``textstat_syllables_many``."""
    hashes = string_hashes(words)
    return {
        "syllables": textstat_syllables_many(words, hashes).astype(np.float64),
        "easy": (_easy_word_index().find(hashes) >= 0).astype(np.float64),
    }


class TypeTable:
    """A growing table of word-type features keyed by 64-bit type hashes.

    Parameters
    ----------
    featurize : callable
        Maps a type's string to a mapping of feature name to number. Called once per type.
    names : sequence of str
        The feature names ``featurize`` returns.
    featurize_many : callable, optional
        Maps a list of new types' strings to a mapping of feature name to array, all types at
        once; used instead of ``featurize`` when given (vectorised features).

    Examples
    --------
    >>> table = TypeTable(lambda w: {"length": len(w)}, names=["length"])
    >>> ids = table.lookup(np.array([7, 9, 7], dtype=np.uint64), lambda i: ["cat", "horse", "cat"][i])
    >>> table.features["length"][ids].tolist()
    [3.0, 5.0, 3.0]
    """

    def __init__(
        self, featurize: FeatureFunction, names: Sequence[str], *, featurize_many: ManyFeatureFunction | None = None
    ) -> None:
        self.featurize = featurize
        self.featurize_many = featurize_many
        # Known hashes in levels of row ranges (first row, hash table of the range's hashes), each
        # less than half the size of the one before: a batch's new types become a small level of
        # their own instead of rebuilding one table of every type (log2(n) levels at most).
        self._levels: list[tuple[int, pd.Index]] = []
        self.strings: list[str] = []
        self._buffers: dict[str, np.ndarray] = {name: np.zeros(0) for name in names}
        self.features: dict[str, np.ndarray] = dict(self._buffers)  # views of the rows in use
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.strings)

    def lookup(
        self,
        hashes: np.ndarray,
        string_of: Callable[[int], str] | None = None,
        *,
        strings_of: Callable[[np.ndarray], list[str]] | None = None,
    ) -> np.ndarray:
        """Type ids for token ``hashes``; ``string_of(i)`` gives the string of token ``i``, or
        ``strings_of(indices)`` the strings of several tokens at once (only new types are asked)."""
        with self._lock:
            ids = np.full(len(hashes), -1, dtype=np.int64)
            todo = None  # every token, until a level has answered some
            for first_row, index in self._levels:
                query = hashes if todo is None else hashes[todo]
                at = index.get_indexer(query)
                hit = at >= 0
                if todo is None:
                    ids[hit] = at[hit] + first_row
                    todo = np.flatnonzero(~hit)
                else:
                    ids[todo[hit]] = at[hit] + first_row
                    todo = todo[~hit]
                if not len(todo):
                    break
            missing = np.arange(len(hashes)) if todo is None else todo
            if len(missing):
                inverse, unique = pd.factorize(hashes[missing])
                first = np.empty(len(unique), dtype=np.int64)
                first[inverse] = missing  # any occurrence of a type will do
                if strings_of is not None:
                    strings = strings_of(first)
                elif string_of is not None:
                    strings = [string_of(int(i)) for i in first]
                else:
                    raise TypeError("lookup needs string_of or strings_of to add new types")
                ids[missing] = self._add(strings, np.asarray(unique, dtype=np.uint64))[inverse]
        return ids

    def _add(self, strings: list[str], hashes: np.ndarray) -> np.ndarray:
        start = len(self.strings)
        if self.featurize_many is not None:
            columns = self.featurize_many(strings)
        else:
            rows = [self.featurize(s) for s in strings]
            columns = {name: np.fromiter((r[name] for r in rows), np.float64, len(rows)) for name in self.features}
        end = start + len(strings)
        for name, buffer in self._buffers.items():
            if len(buffer) < end:  # grow by doubling: adding n types costs O(n) over a run
                buffer = np.concatenate((buffer[:start], np.zeros(max(end, 2 * len(buffer)) - start)))
                self._buffers[name] = buffer
            buffer[start:end] = columns[name]
            self.features[name] = buffer[:end]
        self.strings.extend(strings)
        self._levels.append((start, pd.Index(hashes)))
        while len(self._levels) > 1 and 2 * len(self._levels[-1][1]) > len(self._levels[-2][1]):
            (first_row, older), (_, newer) = self._levels[-2:]
            self._levels[-2:] = [(first_row, pd.Index(np.concatenate((older.to_numpy(), newer.to_numpy()))))]
        return np.arange(start, end, dtype=np.int64)


class DerivedTypeColumn:
    """A value per type of a :class:`TypeTable`, derived from the type's string and extended as
    new types appear: membership in a word list, an index into a vocabulary, a stem.

    Parameters
    ----------
    table : TypeTable
        The table whose type ids index the column.
    derive : callable
        Maps a type's string to its value.
    dtype : numpy dtype
        The column's dtype.

    Examples
    --------
    >>> table = TypeTable(lambda w: {"length": len(w)}, names=["length"])
    >>> is_short = DerivedTypeColumn(table, lambda w: len(w) < 4, bool)
    >>> ids = table.lookup(np.array([7, 9], dtype=np.uint64), lambda i: ["cat", "horse"][i])
    >>> is_short()[ids].tolist()
    [True, False]
    """

    def __init__(self, table: TypeTable, derive: Callable[[str], object], dtype: type | np.dtype) -> None:
        self.table = table
        self.derive = derive
        self.values = np.zeros(0, dtype=dtype)
        self._lock = threading.Lock()

    def __call__(self) -> np.ndarray:
        """The column, covering every type the table knows now."""
        strings = self.table.strings
        with self._lock:
            known = len(self.values)
            if known < len(strings):
                new = np.fromiter((self.derive(s) for s in strings[known:]), self.values.dtype, len(strings) - known)
                self.values = np.concatenate((self.values, new))
            return self.values
