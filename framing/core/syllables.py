"""Syllable counts for word types.

``count_syllables`` is framing's own count: the first CMUdict pronunciation when the word is in
CMUdict, else a rule-based estimate (a figure is one syllable; hyphenated compounds by part,
possessives, initialisms by letter, then a vowel-group count with English spelling corrections).

``textstat_syllables`` reproduces textstat 0.7.8: the first CMUdict pronunciation, else Pyphen's
hyphenation points plus one (Pyphen's ``en_US`` dictionary). In another textstat language
(``lang=``, as ``textstat.set_lang``), CMUdict only for a language whose root is ``en`` and
Pyphen's dictionary for that language.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from framing.core import chars as _chars
from framing.core.resources import cmu_syllables

_VOWEL_GROUPS = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")  # y before a vowel is a consonant: "mayor"
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})

def _vowel_group_estimate(word: str) -> int:
    """Vowel groups with corrections for silent final ``e``, ``-le`` and ``-ed``/``-es`` endings."""
    groups = len(_VOWEL_GROUPS.findall(word))
    if groups > 1 and len(word) > 3 and word[-3] not in "aeiouy":
        if word.endswith("e") and not word.endswith("le"):
            groups -= 1  # silent e: "make"
        elif word.endswith(("ed", "es")) and not word.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes")):
            groups -= 1  # "jumped", "hopes"
    return max(1, groups)


def count_syllables(word: str) -> int:
    """Syllables of a lower-case word token, framing's definition.

    Parameters
    ----------
    word : str
        A lower-case token as the segmenter produces it (``"u.s"``, ``"don't"``, ``"116,000"``).

    Returns
    -------
    int
        At least 1 for any token with a letter or digit.

    Examples
    --------
    >>> count_syllables("readability"), count_syllables("116,000"), count_syllables("e-commerce")
    (5, 1, 3)
    """
    cmu = cmu_syllables()
    word = word.translate(_APOSTROPHES)
    # CMUdict writes initialisms with their final period ("u.s." has 2 syllables, "u.s" has 1)
    for candidate in (word + ".", word) if "." in word else (word,):
        if candidate in cmu and cmu[candidate] > 0:
            return cmu[candidate]
    if _NUMBER.match(word):
        # A figure counts as one syllable. Reading figures aloud ("116,000" = 7) was measured and
        # rejected: it lowers OneStopEnglish paired accuracy of syllables/word from 0.94 to 0.90,
        # because simplified rewrites keep the figures of the original.
        return 1
    parts = [p for p in re.split(r"[-/]", word) if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    if word.endswith("'s") and len(word) > 2:  # possessive: "boss's" adds a syllable, "cat's" does not
        base = word[:-2]
        return count_syllables(base) + (1 if base.endswith(("s", "x", "z", "ch", "sh", "ce", "ge", "se")) else 0)
    if "." in word:  # initialisms such as "n.a.t.o" are read letter by letter
        return sum(count_syllables(p) if len(p) > 1 else (3 if p == "w" else 1) for p in word.split(".") if p)
    letters = re.sub(r"[^a-z]", "", word)
    if not letters:
        return 1
    return _vowel_group_estimate(letters)


@lru_cache(maxsize=16)
def _pyphen(lang: str = "en_US"):
    import pyphen

    return pyphen.Pyphen(lang=lang)


class _Hyphenator:
    """Pyphen's hyphenation points (Liang's algorithm, ``pyphen.HyphDict.positions``) counted for
    many words at once with numpy.

    Pyphen looks up every substring of ``.word.`` in its pattern dictionary, one Python call per
    substring. Here the substrings of all words are looked up together, one length at a time,
    among the patterns and their prefixes; a substring that is no pattern's prefix is not extended
    further (once few are left, all their remaining lengths are looked up in one go and cut at
    their first non-prefix). The words are written one after the other, each followed by a character that no
    pattern holds (NUL), so a substring that runs past its word's end is no prefix and drops out
    like any other. The substrings of the first few lengths (most of the look-ups) are found in
    one step: the window of ``window`` characters at each start, written in base ``size + 1`` of
    its characters' positions in the patterns' alphabet, indexes a dense table of its longest
    prefix that is a prefix of some pattern (whose own prefixes are then prefixes too: the
    patterns among them are that prefix's hits, their values combined once per prefix by taking
    the largest at each position, as Pyphen's ``max`` would); a longer substring is found one
    character at a time along the patterns' prefix tree (a dense table of prefix x character, when
    it is small: every textstat language but German and Hungarian, whose long patterns make
    hundreds of thousands of prefixes) or else looked up by hash (:class:`_chars.StringIndex`). Each pattern found raises the inter-letter values it
    covers to its own (``np.maximum.at``), and an odd value is a hyphenation point. The patterns
    and the ``left``/``right`` margins are Pyphen's own objects, so the counts are Pyphen's
    (``tests/test_readability.py`` compares them with Pyphen in every textstat language, on a
    seventh of CMUdict's words and on random strings).
    """

    #: Largest dense table (entries, 4 bytes each) for the substrings of one length.
    DENSE_ENTRIES = 1 << 21
    #: Once the substrings still growing times the lengths left are this few, all are looked up at once.
    TAIL_LOOKUPS = 1 << 14
    #: Largest table of the patterns' prefix tree (prefixes x alphabet, 4 bytes each): within it,
    #: the lengths past the window follow the tree (one gather per length) instead of hashing.
    TRIE_ENTRIES = 1 << 21

    def __init__(self, pyphen_object) -> None:
        self.left, self.right = pyphen_object.left, pyphen_object.right
        # A non-standard pattern (Hungarian's) carries a replacement in its values' ``data``; the
        # points themselves, which are all a count needs, are its integer values as for any other.
        patterns = pyphen_object.hd.patterns
        keys = list(patterns)
        if "\x00" in "".join(keys):
            raise ValueError("a hyphenation pattern holds NUL, the separator between words")
        row_of = {key: row for row, key in enumerate(keys)}
        prefixes = sorted({key[:k] for key in keys for k in range(1, len(key) + 1)})
        self.maxlen = max(map(len, keys))
        self.prefix_index = _chars.StringIndex(prefixes)
        self.prefix_pattern = np.array([row_of.get(prefix, -1) for prefix in prefixes], dtype=np.int64)
        # the non-zero inter-letter values of each pattern: (position from its start, value)
        position, value, count = [], [], []
        # whether every pattern's values stay within its substring and the point after it (then a
        # value never reaches past its word's references)
        self.values_fit = True
        for key in keys:
            offset, values = patterns[key]
            if offset + len(values) > len(key) + 1:
                self.values_fit = False
            nonzero = [(offset + t, int(v)) for t, v in enumerate(values) if v]
            position += [p for p, _ in nonzero]
            value += [v for _, v in nonzero]
            count.append(len(nonzero))
        self.value_count = np.array(count, dtype=np.int64)
        self.value_start = np.cumsum(self.value_count) - self.value_count
        self.value_position = np.array(position, dtype=np.int64)
        self.value = np.array(value, dtype=np.int8)
        # the patterns' alphabet: a character's symbol is its position in it, or ``size`` for any
        # other character (NUL among them); a dense table per length maps the symbols of a
        # substring (base ``size + 1``) to its prefix row, -1 for no prefix
        alphabet = sorted(set("".join(keys)))
        base = len(alphabet) + 1
        self.base = base
        self.symbol = np.full(max(map(ord, alphabet)) + 2, base - 1, dtype=np.int64)  # the last entry: other
        self.symbol[[ord(c) for c in alphabet]] = np.arange(len(alphabet))
        symbol_of = {c: i for i, c in enumerate(alphabet)}
        window = 0
        while window < self.maxlen and base ** (window + 1) <= self.DENSE_ENTRIES:
            window += 1
        self.window = window
        # the prefixes of at most ``window`` characters ("short"), each with the patterns among its
        # own prefixes (its hits, CSR) and whether it is as long as a window (then it grows on)
        short = sorted({key[:k] for key in keys for k in range(1, min(window, len(key)) + 1)})
        short_id = {prefix: i for i, prefix in enumerate(short)}
        # a short prefix's values: the largest value at each position over the patterns among its
        # prefixes (all found at the same start, so Pyphen's max over them is theirs), built from
        # its parent's (``short`` is sorted: a parent comes first)
        combined: dict[str, dict[int, int]] = {}
        for prefix in short:
            own = dict(combined.get(prefix[:-1], {}))
            if prefix in patterns:
                offset, values = patterns[prefix]
                for t, v in enumerate(values):
                    if int(v) > own.get(offset + t, 0):
                        own[offset + t] = int(v)
            combined[prefix] = own
        vectors = [sorted(combined[prefix].items()) for prefix in short]
        self.short_value_count = np.fromiter(map(len, vectors), np.int64, len(short))
        self.short_value_start = np.cumsum(self.short_value_count) - self.short_value_count
        self.short_value_position = np.fromiter((p for v in vectors for p, _ in v), np.int64, int(self.short_value_count.sum()))
        self.short_value = np.fromiter((x for v in vectors for _, x in v), np.int8, int(self.short_value_count.sum()))
        self.short_full = np.fromiter((len(prefix) == window for prefix in short), bool, len(short))
        # deepest[window code] = the short id of the window's longest short prefix (-1: none): the
        # codes whose first k characters are a short prefix p are p's code times base**(window - k)
        # and the next base**(window - k) - 1, written in order of length so that longer ones win
        self.deepest = np.full(base**window, -1, dtype=np.int32)
        for prefix in sorted(short, key=len):
            flat = 0
            for c in prefix:
                flat = flat * base + symbol_of[c]
            span = base ** (window - len(prefix))
            self.deepest[flat * span : (flat + 1) * span] = short_id[prefix]
        # the prefix tree, where it is small (most languages; not German's or Hungarian's long
        # patterns): child[row * base + symbol] = the row of the prefix one character longer, -1 if
        # none; a window-long short prefix's row is where a start grows on from
        self.child = None
        if len(prefixes) * base <= self.TRIE_ENTRIES:
            prefix_row = {prefix: row for row, prefix in enumerate(prefixes)}
            self.child = np.full(len(prefixes) * base, -1, dtype=np.int32)
            for row, prefix in enumerate(prefixes):
                if len(prefix) > 1:
                    self.child[prefix_row[prefix[:-1]] * base + symbol_of[prefix[-1]]] = row
            self.short_row = np.fromiter((prefix_row[prefix] for prefix in short), np.int64, len(short))
            self.root = np.full(base, -1, dtype=np.int32)  # the one-character prefixes (a window of 0)
            for prefix in prefixes:
                if len(prefix) == 1:
                    self.root[symbol_of[prefix]] = prefix_row[prefix]

    def _pointed(self, words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The code points of every ``f".{word.lower()}."`` followed by a NUL, then ``maxlen`` more
        NULs (so that nothing reads past the end), the length of each pointed word, and the length
        of each word as given (Pyphen's margins count it).

        The words are lower-cased in one go. ``str.lower`` maps each character on its own except
        capital sigma, whose form looks past case-ignorable characters (such as ".") to the
        nearest cased or other character on either side; a NUL is neither, so it ends that
        context as the ends of a word do, and the whole lower-cased equals the words lower-cased
        one by one. Where a word holds a NUL itself, they are lower-cased one by one.

        No character lower-cases to nothing, so when the whole keeps its length every word does
        (only a few, such as "İ", lengthen), and each word's length is its pointed length less 2."""
        joined = ".\x00.".join(words)
        tail = ".\x00" + "\x00" * self.maxlen
        if joined.count("\x00") != len(words) - 1:  # a NUL of a word's own
            pointed = [f".{w.lower()}." for w in words]
            size = np.fromiter(map(len, pointed), np.int64, len(words))
            word_len = np.fromiter(map(len, words), np.int64, len(words))
            return _chars.codepoints("\x00".join(pointed) + "\x00" * (self.maxlen + 1)), size, word_len
        lowered = joined.lower()
        codes = _chars.codepoints("." + lowered + tail)
        ends = np.flatnonzero(codes[: len(codes) - self.maxlen] == 0)  # the NUL after each word
        size = np.diff(ends, prepend=-1) - 1
        word_len = size - 2 if len(lowered) == len(joined) else np.fromiter(map(len, words), np.int64, len(words))
        return codes, size, word_len

    def count(self, words: list[str]) -> np.ndarray:
        """``len(pyphen.positions(word))`` for every word."""
        n = len(words)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        # ".word." lower-cased (as HyphDict.positions), each followed by a NUL: its references
        # (Pyphen's list of len(pointed) + 1 values) take the same slots
        codes, size, word_len = self._pointed(words)
        word_start = np.cumsum(size + 1) - (size + 1)
        total = int(word_start[-1] + size[-1] + 1)
        symbols = np.take(self.symbol, codes, mode="clip")
        # substrings start before the last character of a word (as Pyphen): not at its final "." or NUL
        candidate = np.ones(total, dtype=bool)
        candidate[word_start + size - 1] = False
        candidate[word_start + size] = False
        start = np.flatnonzero(candidate)
        prefix = None
        hit_start, hit_pattern = [], []
        window = self.window
        if window:
            # the lengths up to ``window`` in one look-up: each start's window code, its longest short
            # prefix, that prefix's hits; the starts whose whole window is a prefix grow on
            flat = symbols[start]
            for offset in range(1, window):
                flat = flat * self.base + symbols[start + offset]
            deepest = self.deepest[flat]
            start, deepest = start[deepest >= 0], deepest[deepest >= 0]
            count = self.short_value_count[deepest]
            entry = np.repeat(self.short_value_start[deepest] - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
            window_start = np.repeat(start, count)
            window_slot = window_start + self.short_value_position[entry]
            window_value = self.short_value[entry]
            full = self.short_full[deepest]
            start, deepest = start[full], deepest[full]
        if self.child is not None:  # the longer lengths along the prefix tree
            row = self.short_row[deepest] if window else np.full(len(start), -1, dtype=np.int64)
            for length in range(window + 1, self.maxlen + 1):
                if not len(start):
                    break
                symbol = symbols[start + (length - 1)]
                row = self.child[row * self.base + symbol] if length > 1 else self.root[symbol]
                known = row >= 0
                start, row = start[known], row[known]
                pattern = self.prefix_pattern[row]
                found = pattern >= 0
                hit_start.append(start[found])
                hit_pattern.append(pattern[found])
            start = start[:0]
        for length in range(window + 1, self.maxlen + 1):
            if not len(start):
                break
            if len(start) * (self.maxlen - length + 1) <= self.TAIL_LOOKUPS:
                # the few substrings still growing: every remaining length at once, in one look-up
                if prefix is None:
                    prefix = _chars.prefix_sums(codes)
                lengths = np.arange(length, self.maxlen + 1)
                entry = self.prefix_index.find(
                    _chars.hashes_from_prefix(prefix, np.repeat(start, len(lengths)), (start[:, None] + lengths).ravel())
                ).reshape(len(start), len(lengths))
                reached = np.logical_and.accumulate(entry >= 0, axis=1)  # every shorter one a prefix too
                pattern = np.where(reached, self.prefix_pattern[entry], -1)
                at, _ = np.nonzero(pattern >= 0)
                hit_start.append(start[at])
                hit_pattern.append(pattern[pattern >= 0])
                break
            if prefix is None:
                prefix = _chars.prefix_sums(codes)
            entry = self.prefix_index.find(_chars.hashes_from_prefix(prefix, start, start + length))
            known = entry >= 0  # a prefix of some pattern: worth extending
            start, entry = start[known], entry[known]
            if not len(start):
                break
            pattern = self.prefix_pattern[entry]
            found = pattern >= 0
            hit_start.append(start[found])
            hit_pattern.append(pattern[found])
        # spread each hit of the longer lengths to its pattern's non-zero values
        starts = np.concatenate(hit_start) if hit_start else np.zeros(0, dtype=np.int64)
        patterns = np.concatenate(hit_pattern) if hit_pattern else np.zeros(0, dtype=np.int64)
        count = self.value_count[patterns]
        entry = np.repeat(self.value_start[patterns] - (np.cumsum(count) - count), count) + np.arange(int(count.sum()))
        value_start = np.repeat(starts, count)
        slot = value_start + self.value_position[entry]
        value = self.value[entry]
        if window:
            value_start = np.concatenate([window_start, value_start])
            slot, value = np.concatenate([window_slot, slot]), np.concatenate([window_value, value])
        if not len(slot):
            return np.zeros(n, dtype=np.int64)
        if not self.values_fit:  # Pyphen's slice assignment stops at the end of the references list
            inside = slot < np.repeat(word_start + size + 1, size + 1)[value_start]
            slot, value = slot[inside], value[inside]
        references = np.zeros(total, dtype=np.int8)
        np.maximum.at(references, slot, value)
        odd = np.flatnonzero(references & 1)
        odd_word = np.searchsorted(word_start, odd, side="right") - 1
        point = odd - word_start[odd_word] - 1
        keep = (point >= self.left) & (point <= word_len[odd_word] - self.right)  # the word as given
        return np.bincount(odd_word[keep], minlength=n)


@lru_cache(maxsize=16)
def _hyphenator(lang: str = "en_US") -> _Hyphenator:
    return _Hyphenator(_pyphen(lang))


def load_hyphenator(lang: str = "en_US") -> None:
    """Load ``lang``'s Pyphen dictionary and its pattern tables now (once per process).

    textstat counts the syllables of every word CMUdict lacks with Pyphen; compat mode loads the
    dictionary with its first batch rather than at the first such word, so that the one-time cost
    falls at a predictable place (and a warm-up pays it, as textstat's import does its own).
    """
    _hyphenator(lang)


def textstat_syllables(word: str, lang: str = "en_US") -> int:
    """Syllables of a lower-case word exactly as textstat 0.7.8 counts them (after ``set_lang(lang)``).

    Examples
    --------
    >>> textstat_syllables("faeries")  # a known Pyphen undercount (textstat issue #195)
    1
    >>> textstat_syllables("lesbarkeit", "de")
    3
    """
    return int(textstat_syllables_many([word], lang=lang)[0])


@lru_cache(maxsize=1)
def _cmu_index() -> tuple[_chars.StringIndex, np.ndarray]:
    cmu = cmu_syllables()
    return _chars.StringIndex(list(cmu)), np.fromiter(cmu.values(), np.int64, len(cmu))


def textstat_syllables_many(words: list[str], hashes: np.ndarray | None = None, lang: str = "en_US") -> np.ndarray:
    """:func:`textstat_syllables` of many words: CMUdict, else Pyphen's points plus one, with
    CMUdict looked up by hash (:class:`framing.core.chars.StringIndex`) and the Pyphen fallback
    computed for all the words at once (:class:`_Hyphenator`).

    ``hashes`` are the words' :func:`framing.core.chars.string_hashes`, if the caller has them.
    ``lang`` is textstat's language: CMUdict is used only when its root is ``en``.

    Examples
    --------
    >>> textstat_syllables_many(["readability", "zorvexian", "2024"]).tolist()
    [5, 3, 1]
    """
    if lang == "en" or lang.startswith("en_"):
        index, syllables = _cmu_index()
        at = index.find(_chars.string_hashes(words) if hashes is None else hashes)
        counts = np.where(at >= 0, syllables[at], -1)
    else:  # textstat's get_cmudict gives None: every word goes to Pyphen
        counts = np.full(len(words), -1, dtype=np.int64)
    missing = np.flatnonzero(counts < 0)
    if len(missing) == len(words):
        counts[:] = _hyphenator(lang).count(words) + 1
    elif len(missing):
        counts[missing] = _hyphenator(lang).count([words[i] for i in missing]) + 1
    return counts
