"""The vocabulary: every per-word-type feature, computed once per type, shared by every family,
bounded in size.

A corpus has far fewer word types than tokens. The segmenter identifies each token's type by a
hash (:func:`framing.core.chars.span_hashes`) and numbers the distinct types of its batch
(:attr:`framing.core.segment.Corpus.word_types`, ids local to the batch). A :class:`Vocabulary`
keeps, for the types it has seen, their strings, their base features (syllables, Dale–Chall
familiarity, letters, Punkt's statistics, ...: :func:`framing_features`) and the derived columns
the families ask for (:class:`TypeColumn`: stems, stop words, lexicon and cue-list membership,
attribution-cue classes), each computed the first time a type needs it. A batch reads them through
its corpus (:meth:`~framing.core.segment.Corpus.type_values`), as arrays over its own types.

Bounded: a vocabulary holds at most ``max_types`` types of each kind; when a batch brings more,
the types used longest ago are dropped (the batch's own types always stay) and recomputed if they
come back. Every value is a function of the type's string alone and no id of the vocabulary ever
reaches a result, so the numbers never depend on what a vocabulary has seen, kept or dropped:
eviction, :meth:`Vocabulary.clear`, ``n_jobs``, ``batch_size`` and the start method of worker
processes change nothing but time.

Each process has a default vocabulary (:func:`default_vocabulary`), used by
:func:`~framing.core.segment.segment` unless one is passed; it is bounded like any other and can be
cleared. A corpus carries a reference to the vocabulary it was segmented with.
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.core.chars import (
    ALNUM,
    ALPHA,
    SPACE,
    WORD,
    StringIndex,
    classes_of,
    codepoints,
    span_hashes,
    unique_ints,
)
from framing.core.language import easy_word_root
from framing.core.resources import dale_chall_easy_words, punkt_parameters, textstat_easy_words
from framing.core.stemming import stem_words
from framing.core.syllables import count_syllables, textstat_syllables_many

FeatureFunction = Callable[[str], Mapping[str, float]]
ManyFeatureFunction = Callable[[list[str]], Mapping[str, np.ndarray]]

# Regular inflections that keep a Dale–Chall list word familiar (Chall & Dale 1995 counting rules).
_INFLECTIONS = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"),
    ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("'s", ""),
)  # fmt: skip


_INFLECTIONS_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(i for i in _INFLECTIONS if i[0].endswith(last)) for last in {suffix[-1] for suffix, _ in _INFLECTIONS}
}


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
    for suffix, replacement in _INFLECTIONS_BY_LAST.get(word[-1:], ()):  # the inflections it can end in
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
TEXTSTAT_FEATURES = ("syllables", "easy", "difficult_syllables", "alefs", "faseeh_marks")


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


def textstat_features_many(words: list[str], lang: str = "en_US") -> dict[str, np.ndarray]:
    """:func:`textstat_features` of many words at once: word lists looked up by hash, syllables by
    ``textstat_syllables_many``; ``lang`` as textstat's ``set_lang`` (:mod:`framing.core.language`).

    The words are decoded to code points once, with a space after each but the last: their
    hashes, the check for characters that textstat's ``remove_punctuation`` would drop, and the
    Arabic letters all read that one array (a hash does not depend on where its run stands).

    Examples
    --------
    >>> textstat_features_many(["cat", "readability"])["syllables"].tolist()
    [1.0, 5.0]
    """
    n = len(words)
    sizes = np.fromiter(map(len, words), np.int64, n)
    cp = codepoints(" ".join(words))
    word_start = np.cumsum(sizes + 1) - (sizes + 1)
    hashes = span_hashes(cp, word_start, word_start + sizes)
    # each character's word (the space after a word goes with it)
    owner = np.repeat(np.arange(n), sizes + 1)[: len(cp)] if n else np.zeros(0, dtype=np.int64)
    easy = _easy_word_index() if easy_word_root(lang) == "en" else _easy_word_index_for(easy_word_root(lang))
    syllables = textstat_syllables_many(words, hashes, lang=lang).astype(np.float64)
    # is_difficult_word counts the syllables of the word lower-cased first and stripped of
    # punctuation after: they differ where lower-casing makes a mark ("İ" -> "i" + U+0307).
    # _NOT_KEPT ([^\w\s']) by the code-point classes, which match \w and \s exactly.
    difficult_syllables = syllables.copy()
    not_kept = ((classes_of(cp) & (WORD | SPACE)) == 0) & (cp != 0x27)
    changed = unique_ints(owner[not_kept]).tolist() if not_kept.any() else []
    if changed:
        stripped = [_NOT_KEPT.sub("", _NONCONTRACTION_APOSTROPHE.sub("", words[i])) for i in changed]
        difficult_syllables[changed] = [textstat_syllables_many([w], lang=lang)[0] if w else 0 for w in stripped]
    return {
        "syllables": syllables,
        "easy": (easy.find(hashes) >= 0).astype(np.float64),
        "difficult_syllables": difficult_syllables,
        **_arabic_features(cp, owner, n),
    }


_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_NOT_KEPT = re.compile(r"[^\w\s']")


def _arabic_features(cp: np.ndarray, owner: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """What textstat's ``count_faseeh`` reads of a word: its alefs (U+0627, U+0649) and whether it
    holds a faseeh letter (U+0621, U+0624, U+0626, U+0630, U+0638) or pair (U+0648 U+0627, U+0648 U+0646).

    ``cp`` are the code points of the ``n`` words joined with a space after each but the last (a
    pair never crosses words) and ``owner`` each one's word. Every code point read lies in
    U+0621..U+0649: without one, every count is 0."""
    if n == 0 or not ((cp >= 0x621) & (cp <= 0x649)).any():
        return {"alefs": np.zeros(n), "faseeh_marks": np.zeros(n)}
    alef = (cp == 0x627) | (cp == 0x649)
    single = np.isin(cp, (0x621, 0x624, 0x626, 0x630, 0x638))
    pair = np.zeros(len(cp), dtype=bool)
    pair[:-1] = (cp[:-1] == 0x648) & ((cp[1:] == 0x627) | (cp[1:] == 0x646))
    return {
        "alefs": np.bincount(owner[alef], minlength=n).astype(np.float64),
        "faseeh_marks": (np.bincount(owner[single | pair], minlength=n) > 0).astype(np.float64),
    }


@lru_cache(maxsize=4)
def _easy_word_index_for(root: str) -> StringIndex:
    return StringIndex(sorted(textstat_easy_words(root)))


def framing_features_many(words: list[str]) -> dict[str, np.ndarray]:
    """:func:`framing_features` of many words, as one array per feature: character counts from the
    code-point classes of all the words at once, word-list lookups per word.

    Examples
    --------
    >>> framing_features_many(["cat", "116,000"])["letters"].tolist()
    [3.0, 0.0]
    """
    n = len(words)
    if n == 0:
        return {name: np.zeros(0) for name in FRAMING_FEATURES}
    lengths = np.fromiter(map(len, words), np.int64, n)
    codes = codepoints("".join(words))
    classes = classes_of(codes)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    nonempty = lengths > 0

    def per_word(flag) -> np.ndarray:
        counts = np.zeros(n, dtype=np.float64)
        if len(codes):
            counts[nonempty] = np.add.reduceat(((classes & flag) != 0).view(np.int8), starts[nonempty], dtype=np.int64)
        return counts

    letters, alnum = per_word(ALPHA), per_word(ALNUM)
    if len(codes) and int(codes.max()) >= 0x10000:  # ALPHA covers the BMP only: count those words in Python
        astral = np.flatnonzero(np.add.reduceat((codes >= 0x10000).view(np.int8), starts[nonempty], dtype=np.int64) > 0)
        for i in np.flatnonzero(nonempty)[astral].tolist():
            letters[i] = sum(ch.isalpha() for ch in words[i])
    syllables = np.fromiter(map(count_syllables, words), np.float64, n)
    is_number = letters == 0
    punkt = punkt_parameters()
    abbreviations, ortho, starters = punkt["abbrev_types"], punkt["ortho_context"], punkt["sent_starters"]
    punkt_types = ["##number##" if _PUNKT_NUMBER.match(w) else w for w in words]
    poly = syllables >= 3
    complex_stem = np.zeros(n, dtype=np.float64)
    for i in np.flatnonzero(poly).tolist():
        word = words[i]
        complex_stem[i] = float(_fog_syllables(word, int(syllables[i])) >= 3 and "-" not in word)
    familiar = is_number.astype(np.float64)
    for i in np.flatnonzero(~is_number).tolist():
        familiar[i] = is_familiar(words[i])
    return {
        "punkt_abbreviation": np.fromiter(
            (w in abbreviations or w.rsplit("-", 1)[-1] in abbreviations for w in words), np.float64, n
        ),
        "punkt_initial": ((lengths == 1) & (letters == 1)).astype(np.float64),
        "punkt_number": np.fromiter((t == "##number##" for t in punkt_types), np.float64, n),
        "punkt_ortho": np.fromiter((ortho.get(t, 0) for t in punkt_types), np.float64, n),
        "punkt_starter": np.fromiter((t in starters for t in punkt_types), np.float64, n),
        "syllables": syllables,
        "letters": letters,
        "alnum": alnum,
        "familiar": familiar,
        "polysyllable": poly.astype(np.float64),
        "complex_stem": complex_stem,
        "long_word": (letters > 6).astype(np.float64),
        "is_number": is_number.astype(np.float64),
    }


#: Types a vocabulary keeps of each kind (framing's word types, textstat's) before dropping the
#: least recently used: ~100 MB at most (see ``docs/vocabulary.md``).
DEFAULT_MAX_TYPES = 200_000
#: Derived columns a table keeps (least recently used dropped first, recomputed when asked again).
MAX_COLUMNS = 64


class TypeColumn:
    """A value per word type, derived from the type's string (and from other columns).

    A column is a definition; its values live in each :class:`Vocabulary` that is asked for them,
    computed once per type. Two columns are the same column only if they are the same object.

    Parameters
    ----------
    name : str
        What the column holds (for messages and :meth:`Vocabulary.stats`).
    derive : callable
        ``derive(word, *needed)`` gives the value of one type; with ``many=True``,
        ``derive(words, *needed)`` gives the values of a list of types (a sequence or array).
        ``needed`` are the values of the columns in ``needs`` for the same types.
    dtype : numpy dtype
        The values' dtype (``object`` for strings).
    needs : sequence of TypeColumn
        Columns whose values ``derive`` receives after the word.
    many : bool
        Whether ``derive`` takes a list of words.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> short = TypeColumn("short", lambda word: len(word) < 4, bool)
    >>> corpus = segment(["The cat slept"])
    >>> corpus.word_values(short).tolist()
    [True, True, False]
    """

    __slots__ = ("name", "derive", "dtype", "needs", "many", "__weakref__")

    def __init__(
        self, name: str, derive: Callable, dtype: type | np.dtype, *, needs: Sequence[TypeColumn] = (), many: bool = False
    ) -> None:
        self.name = name
        self.derive = derive
        self.dtype = np.dtype(dtype)
        self.needs = tuple(needs)
        self.many = many

    def __repr__(self) -> str:
        return f"TypeColumn({self.name!r})"

    def compute(self, words: list[str], needed: list[np.ndarray]) -> np.ndarray:
        """The values of ``words`` (``needed``: the values of :attr:`needs` for them)."""
        if self.many:
            values = np.asarray(self.derive(words, *needed), dtype=self.dtype)
        elif self.dtype == object:
            values = np.empty(len(words), dtype=object)
            values[:] = list(map(self.derive, words, *needed))
        else:
            values = np.fromiter(map(self.derive, words, *needed), self.dtype, len(words))
        if values.shape != (len(words),):
            raise ValueError(f"column {self.name!r} gave {values.shape} values for {len(words)} types")
        return values


def _stems(words: list[str]) -> np.ndarray:
    out = np.empty(len(words), dtype=object)
    # a word that is its own stem keeps one string object
    out[:] = [w if s == w else s for w, s in zip(words, stem_words(words))]
    return out


#: Porter stem of every type (:func:`framing.core.stemming.porter_stem`): strings, compared within
#: a batch (:meth:`framing.core.segment.Corpus.type_ids_of`).
STEMS = TypeColumn("stem", _stems, object, many=True)


class TypeSet:
    """The distinct types of one batch, as a :class:`TypeTable` knows them: their hashes, how to get
    their strings, and their rows in the table (looked up again if the table dropped types since).

    Made by :meth:`TypeTable.type_set`; read through the table's methods, which hold its lock.
    """

    __slots__ = ("hashes", "strings_of", "rows", "generation")

    def __init__(self, hashes: np.ndarray, strings_of: Callable[[np.ndarray], list[str]]) -> None:
        self.hashes = hashes
        self.strings_of = strings_of
        self.rows: np.ndarray | None = None
        self.generation = -1

    def __len__(self) -> int:
        return len(self.hashes)


_TABLES: weakref.WeakSet[TypeTable] = weakref.WeakSet()


def _new_locks_after_fork() -> None:  # a lock held by another thread at fork time stays held in the child
    for table in list(_TABLES):
        table._lock = threading.RLock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_locks_after_fork)


class TypeTable:
    """A bounded table of word types keyed by 64-bit hashes: strings, base features and derived
    columns, computed once per type, least recently used types dropped beyond ``max_types``.

    Parameters
    ----------
    featurize_many : callable
        Maps a list of new types' strings to a mapping of feature name to array.
    names : sequence of str
        The feature names ``featurize_many`` returns.
    max_types : int
        Types kept; a batch that brings more drops the types used longest ago, down to half of
        ``max_types`` (its own types always stay, even beyond the cap).

    Examples
    --------
    >>> table = TypeTable(lambda ws: {"length": [len(w) for w in ws]}, ["length"], max_types=4)
    >>> words = ["cat", "horse", "dog"]
    >>> types = table.type_set(np.array([7, 9, 11], dtype=np.uint64), lambda i: [words[k] for k in i])
    >>> table.features("length", types).tolist(), len(table)
    ([3.0, 5.0, 3.0], 3)
    >>> more = table.type_set(np.array([12, 13], dtype=np.uint64), lambda i: [["emu", "yak"][k] for k in i])
    >>> table.features("length", more).tolist(), len(table)  # over the cap: the older types go
    ([3.0, 3.0], 2)
    >>> table.features("length", types).tolist()  # looked up again, same values
    [3.0, 5.0, 3.0]
    """

    def __init__(self, featurize_many: ManyFeatureFunction, names: Sequence[str], *, max_types: int = DEFAULT_MAX_TYPES) -> None:
        if isinstance(max_types, bool) or not isinstance(max_types, int) or max_types < 1:
            raise ValueError(f"max_types must be a positive integer, got {max_types!r}")
        self.featurize_many = featurize_many
        self.names = tuple(names)
        self.max_types = max_types
        self.generation = 0  # changes whenever rows are dropped or renumbered
        self.evictions = 0
        self._lock = threading.RLock()
        self._reset()
        _TABLES.add(self)

    def _reset(self) -> None:
        # Known hashes in levels of row ranges (first row, hash table of the range's hashes), each
        # less than half the size of the one before: a batch's new types become a small level of
        # their own instead of rebuilding one table of every type (log2(n) levels at most).
        self._levels: list[tuple[int, pd.Index]] = []
        self._n = 0
        self._strings: list[str] = []
        self._hashes = np.zeros(0, dtype=np.uint64)
        self._used = np.zeros(0, dtype=np.int64)  # the lookup that last used each row
        self._features: dict[str, np.ndarray] = {name: np.zeros(0) for name in self.names}
        self._columns: OrderedDict[TypeColumn, tuple[np.ndarray, np.ndarray]] = OrderedDict()  # values, known
        self._tick = 0

    def __len__(self) -> int:
        return self._n

    def clear(self) -> None:
        """Drop every type and column value (memory is given back; later lookups start afresh)."""
        with self._lock:
            self._reset()
            self.generation += 1

    # -- lookup ---------------------------------------------------------------------------------
    def type_set(self, hashes: np.ndarray, strings_of: Callable[[np.ndarray], list[str]]) -> TypeSet:
        """The :class:`TypeSet` of distinct type ``hashes``; ``strings_of(indices)`` gives the strings
        of some of them (asked only for types the table does not hold)."""
        types = TypeSet(np.asarray(hashes, dtype=np.uint64), strings_of)
        self.rows(types)
        return types

    def rows(self, types: TypeSet) -> np.ndarray:
        """Rows of ``types`` in the table now (call under the lock to use them)."""
        with self._lock:
            if types.generation != self.generation or types.rows is None:
                types.rows = self._lookup(types.hashes, types.strings_of)
                types.generation = self.generation
            return types.rows

    def _lookup(self, hashes: np.ndarray, strings_of: Callable[[np.ndarray], list[str]]) -> np.ndarray:
        rows = np.full(len(hashes), -1, dtype=np.int64)
        todo = None  # every type, until a level has answered some
        for first_row, index in self._levels:
            query = hashes if todo is None else hashes[todo]
            at = index.get_indexer(query)
            hit = at >= 0
            if todo is None:
                rows[hit] = at[hit] + first_row
                todo = np.flatnonzero(~hit)
            else:
                rows[todo[hit]] = at[hit] + first_row
                todo = todo[~hit]
            if not len(todo):
                break
        missing = np.arange(len(hashes)) if todo is None else todo
        if len(missing):
            rows[missing] = self._add(list(strings_of(missing)), hashes[missing])
        self._tick += 1
        self._used[rows] = self._tick
        if self._n > self.max_types:
            rows = self._evict(rows)
        return rows

    def _add(self, strings: list[str], hashes: np.ndarray) -> np.ndarray:
        start, end = self._n, self._n + len(strings)
        columns = self.featurize_many(strings)
        if len(self._hashes) < end:  # grow by doubling: adding n types costs O(n) over a run
            size = max(end, 2 * len(self._hashes))
            self._hashes = _grown(self._hashes, start, size)
            self._used = _grown(self._used, start, size)
            self._features = {name: _grown(values, start, size) for name, values in self._features.items()}
        self._hashes[start:end] = hashes
        for name in self.names:
            self._features[name][start:end] = columns[name]
        self._strings.extend(strings)
        self._n = end
        self._levels.append((start, pd.Index(hashes)))
        while len(self._levels) > 1 and 2 * len(self._levels[-1][1]) > len(self._levels[-2][1]):
            (first_row, older), (_, newer) = self._levels[-2:]
            self._levels[-2:] = [(first_row, pd.Index(np.concatenate((older.to_numpy(), newer.to_numpy()))))]
        return np.arange(start, end, dtype=np.int64)

    def _evict(self, rows: np.ndarray) -> np.ndarray:
        """Keep the rows of this lookup and the most recently used others, half the cap in all."""
        n = self._n
        used = self._used[:n]
        budget = max(self.max_types // 2, len(rows))
        if budget >= n:
            return rows
        # the budget's most recent rows (the current lookup's rows have the newest tick)
        kept = np.sort(np.argpartition(-used, budget - 1)[:budget])
        remap = np.full(n, -1, dtype=np.int64)
        remap[kept] = np.arange(len(kept))
        self._hashes = self._hashes[kept]  # copies: the old buffers are freed
        self._used = used[kept]
        self._features = {name: values[kept] for name, values in self._features.items()}
        strings = self._strings
        self._strings = [strings[i] for i in kept.tolist()]
        self._columns = OrderedDict((c, _kept(v, k, kept)) for c, (v, k) in self._columns.items())
        self._n = len(kept)
        self._levels = [(0, pd.Index(self._hashes))]
        self.generation += 1
        self.evictions += 1
        return remap[rows]

    # -- reading ----------------------------------------------------------------------------------
    def features(self, name: str, types: TypeSet) -> np.ndarray:
        """Base feature ``name`` of each type of ``types``."""
        with self._lock:
            rows = self.rows(types)  # first: a lookup may renumber the rows and replace the arrays
            return self._features[name][rows]

    def strings(self, types: TypeSet) -> list[str]:
        """The string of each type of ``types``."""
        with self._lock:
            rows = self.rows(types).tolist()
            strings = self._strings
            return [strings[r] for r in rows]

    def values(self, column: TypeColumn, types: TypeSet) -> np.ndarray:
        """``column``'s value for each type of ``types``, computed for the types that lack it."""
        with self._lock:
            return self._values(column, self.rows(types))

    def _values(self, column: TypeColumn, rows: np.ndarray) -> np.ndarray:
        entry = self._columns.get(column)
        if entry is None or len(entry[0]) < self._n:
            size = max(self._n, 2 * len(entry[0])) if entry is not None else len(self._hashes)
            old_values, old_known = entry if entry is not None else (np.zeros(0, column.dtype), np.zeros(0, bool))
            entry = (_grown(old_values, len(old_values), size), _grown(old_known, len(old_known), size))
            self._columns[column] = entry
            if len(self._columns) > MAX_COLUMNS:
                self._columns.popitem(last=False)
        self._columns.move_to_end(column)
        values, known = entry
        need = rows[~known[rows]]
        if len(need):
            need = unique_ints(need)
            needed = [self._values(c, need) for c in column.needs]
            strings = self._strings
            values[need] = column.compute([strings[r] for r in need.tolist()], needed)
            known[need] = True
        return values[rows]

    def stats(self) -> dict[str, object]:
        """Types held, the cap, evictions so far and the derived columns held."""
        with self._lock:
            return {"types": self._n, "max_types": self.max_types, "evictions": self.evictions,
                    "columns": [c.name for c in self._columns]}  # fmt: skip


def _kept(values: np.ndarray, known: np.ndarray, kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A column's values and known flags at rows ``kept`` (a column may not cover the newest rows)."""
    inside = kept[kept < len(values)]
    new_values, new_known = np.zeros(len(kept), dtype=values.dtype), np.zeros(len(kept), dtype=bool)
    new_values[: len(inside)] = values[inside]  # kept is sorted: the rows a column covers come first
    new_known[: len(inside)] = known[inside]
    return new_values, new_known


def _grown(values: np.ndarray, keep: int, size: int) -> np.ndarray:
    """A zeroed array of ``size`` with ``values[:keep]`` in front."""
    out = np.zeros(size, dtype=values.dtype)
    out[:keep] = values[:keep]
    return out


class Vocabulary:
    """Every per-type feature of the word types a scorer has seen, computed once per type, bounded.

    Two tables: :attr:`words`, framing's word types (the segmenter's lower-cased words, with
    :data:`FRAMING_FEATURES` and the families' :class:`TypeColumn` values), and :attr:`textstat`,
    the word types of textstat compatibility (:data:`TEXTSTAT_FEATURES`). Pass one to
    :func:`framing.core.segment.segment` (``vocabulary=``) to own it; else the process's
    :func:`default_vocabulary` is used. The numbers never depend on the vocabulary (see the module
    docstring): it only saves recomputing.

    Parameters
    ----------
    max_types : int, default :data:`DEFAULT_MAX_TYPES`
        Types kept in each table before the least recently used are dropped.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> vocabulary = Vocabulary(max_types=1000)
    >>> corpus = segment(["The cat sat. The cat slept."], vocabulary=vocabulary)
    >>> corpus.word_feature("syllables").tolist()
    [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    >>> corpus.vocabulary is vocabulary, len(vocabulary)
    (True, 4)
    >>> vocabulary.clear(); len(vocabulary)
    0
    >>> corpus.word_feature("letters").tolist()  # still readable: looked up again
    [3.0, 3.0, 3.0, 3.0, 3.0, 5.0]
    """

    def __init__(self, max_types: int = DEFAULT_MAX_TYPES) -> None:
        self.words = TypeTable(framing_features_many, FRAMING_FEATURES, max_types=max_types)
        self.textstat = TypeTable(textstat_features_many, TEXTSTAT_FEATURES, max_types=max_types)
        self._textstat_languages: dict[str, TypeTable] = {}

    def textstat_table(self, lang: str = "en_US") -> TypeTable:
        """The textstat word types of language ``lang`` (:attr:`textstat` for ``en_US``): one
        bounded table per language asked for."""
        if lang == "en_US":
            return self.textstat
        table = self._textstat_languages.get(lang)
        if table is None:
            table = TypeTable(lambda words: textstat_features_many(words, lang), TEXTSTAT_FEATURES, max_types=self.max_types)
            table = self._textstat_languages.setdefault(lang, table)
        return table

    @property
    def max_types(self) -> int:
        return self.words.max_types

    def __len__(self) -> int:
        """Word types held (framing's)."""
        return len(self.words)

    def __repr__(self) -> str:
        return f"Vocabulary({len(self.words)} word types, {len(self.textstat)} textstat types, max_types={self.max_types})"

    def clear(self) -> None:
        """Drop every type of both tables and give the memory back."""
        self.words.clear()
        self.textstat.clear()
        for table in self._textstat_languages.values():
            table.clear()

    def stats(self) -> dict[str, dict[str, object]]:
        return {"words": self.words.stats(), "textstat": self.textstat.stats()}

    def __getstate__(self) -> dict:  # a vocabulary sent to another process arrives empty
        return {"max_types": self.max_types}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["max_types"])


_DEFAULT: Vocabulary | None = None
_DEFAULT_LOCK = threading.Lock()


def default_vocabulary() -> Vocabulary:
    """The process's vocabulary, used when none is passed: bounded (:data:`DEFAULT_MAX_TYPES`),
    clearable (``default_vocabulary().clear()``)."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Vocabulary()
    return _DEFAULT
