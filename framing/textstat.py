"""textstat 0.7.8 under its own names and signatures, computed by framing's ``compat="textstat"``.

Swap an import::

    import framing.textstat as textstat          # instead of: import textstat
    textstat.flesch_reading_ease(text)           # the same number as textstat 0.7.8
    textstat.flesch_reading_ease(texts)          # a list of texts: a numpy array, one pass
    textstat.flesch_reading_ease(text, lang="de")  # instead of textstat.set_lang("de")

Every public function of textstat 0.7.8 is here with its signature, plus a keyword-only ``lang``
(textstat's ``set_lang`` value, default ``"en_US"``). There is no module-level ``set_lang``: a
module-level language would be global state. For textstat's object style, :class:`textstatistics`
takes the language (and rounding and apostrophe settings) in its constructor, and its ``set_*``
methods change that object only.

A function given one string returns what textstat returns (``int``, ``float``, ``str``, ``list``);
given a list (or any iterable) of strings it returns a numpy array (a list for ``text_standard``'s
strings and ``difficult_words_list``), scored in one vectorised pass. Where textstat raises for a
language (``ValueError: Unknown config key``: Gunning Fog in German, Flesch Reading Ease in
Polish, ...), one string raises the same error and a batch holds NaN.

Non-default arguments that change how words are split (``lexicon_count(split_contractions=True)``,
``split_hyphens=True``, ``miniword_count(max_size=...)``, ``long_word_count(threshold=...)``,
``difficult_words`` with another threshold, ``difficult_words_list``) are computed text by text
with textstat's own rules restated here, with framing's syllable counts.

Examples
--------
>>> import framing.textstat as textstat
>>> textstat.lexicon_count("The cat sat on the mat.")
6
>>> textstat.flesch_reading_ease(["The cat sat on the mat.", ""]).tolist()
[116.14500000000001, 0.0]
>>> textstat.text_standard("The cat sat on the mat. It was happy.")
'0th and 1st grade'
>>> textstat.wiener_sachtextformel("Die Katze sitzt auf der Matte.", 1, lang="de")
-2.0518
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import numpy as np

from framing.core.language import DEFAULT_TEXTSTAT_LANG, check_textstat_lang, easy_word_root, textstat_lang_value
from framing.core.resources import textstat_easy_words
from framing.core.segment import Corpus
from framing.core.syllables import textstat_syllables_many
from framing.families.readability.textstat import READING_MS_PER_CHAR, textstat_counts, textstat_formulas

__all__ = ["score", "textstatistics"]

_CONTRACTION_APOSTROPHE = re.compile(r"\'(?=[tsd]|ve|ll|re)")
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")

# which LANG_CONFIGS keys a measure reads, in the order textstat reads them (a missing key raises)
_CONFIG_KEYS = {
    "flesch_reading_ease": ("fre_base", "fre_sentence_length", "fre_syll_per_word"),
    "gunning_fog": ("syllable_threshold",),
    "szigriszt_pazos": ("fre_base",),
    "text_standard": ("fre_base", "fre_sentence_length", "fre_syll_per_word", "syllable_threshold"),
}
_MEASURE_CACHE_SIZE = 16


class _Measures:
    """A bounded cache of the last few batches' measures (per language): calling many functions
    on the same texts segments them once. The numbers never depend on it."""

    def __init__(self, size: int = _MEASURE_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple, tuple[dict, dict]] = OrderedDict()

    def get(self, texts: tuple[str, ...], lang: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        key = (lang, texts)
        found = self._items.get(key)
        if found is None:
            corpus = Corpus(list(texts), [None] * len(texts))
            counts = textstat_counts(corpus, lang)
            found = (counts, textstat_formulas(counts, lang))
            self._items[key] = found
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(key)
        return found


_MEASURES = _Measures()


def _texts(text: Any) -> tuple[tuple[str, ...], bool]:
    """``(texts, one)``: a string is one text; an iterable of strings a batch."""
    if isinstance(text, str):
        return (text,), True
    if isinstance(text, (bytes, bytearray)) or not isinstance(text, Iterable):
        raise TypeError(f"expected a string or an iterable of strings, got {type(text).__name__}")
    texts = tuple(text)
    bad = [type(t).__name__ for t in texts if not isinstance(t, str)]
    if bad:
        raise TypeError(f"expected strings, got {bad[0]}")
    return texts, False


def _remove_punctuation(text: str, rm_apostrophe: bool) -> str:
    """textstat's ``remove_punctuation``."""
    if rm_apostrophe:
        return re.sub(r"[^\w\s]", "", text)
    return re.sub(r"[^\w\s\']", "", _NONCONTRACTION_APOSTROPHE.sub("", text))


def _list_words(
    text: str, rm_punctuation: bool = True, rm_apostrophe: bool = False, lowercase: bool = False,
    split_contractions: bool = False, split_hyphens: bool = False,
) -> list[str]:  # fmt: skip
    """textstat's ``list_words``."""
    if split_hyphens:
        text = re.sub(r"-", " ", text)
    if rm_punctuation:
        text = _remove_punctuation(text, rm_apostrophe)
    if lowercase:
        text = text.lower()
    if split_contractions:
        text = _CONTRACTION_APOSTROPHE.sub(" ", text)
    return text.split()


class textstatistics:  # textstat's class name (lower case)
    """textstat 0.7.8's ``textstatistics`` object with its settings passed in.

    Parameters
    ----------
    lang : str, default "en_US"
        textstat's language (``set_lang``): any language Pyphen has a dictionary for.
    round_points : int, optional
        Decimals of the float outputs (``set_rounding_points``); ``None`` (textstat's default)
        does not round.
    rm_apostrophe : bool, default True
        ``remove_punctuation`` also removes contraction apostrophes (``set_rm_apostrophe``).

    Examples
    --------
    >>> ts = textstatistics(lang="es")
    >>> ts.fernandez_huerta("El perro come. La casa es grande y bonita.")
    102.25
    >>> ts.set_lang("de"); ts.lang
    'de'
    """

    def __init__(self, lang: str = DEFAULT_TEXTSTAT_LANG, round_points: int | None = None, rm_apostrophe: bool = True) -> None:
        self.lang = lang
        self.round_points = round_points
        self.rm_apostrophe = rm_apostrophe

    # -- settings ------------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        """Set this object's language (no other object changes)."""
        self.lang = check_textstat_lang(lang)

    def set_rounding_points(self, points: int | None) -> None:
        self.round_points = points

    def set_rounding(self, rounding: bool, points: int | None = None) -> None:
        warnings.warn(
            "set_rounding is deprecated and will be removed in version 0.8.0. Use set_rounding_points instead",
            DeprecationWarning, stacklevel=2,
        )  # fmt: skip
        self.round_points = points if rounding else None

    def set_rm_apostrophe(self, rm_apostrophe: bool) -> None:
        self.rm_apostrophe = rm_apostrophe

    def _cache_clear(self) -> None:
        warnings.warn(
            "The _cache_clear() method is deprecated and will be removed in version 0.8.0. "
            "It has no effect due to a caching redesign.", DeprecationWarning, stacklevel=2,
        )  # fmt: skip

    def _legacy_round(self, number: float, points: int | None = None) -> float:
        if points is not None:
            warnings.warn("The points argument is deprecated and will be removed in version 0.8.0. "
                          "Use set_rounding_points instead.", DeprecationWarning, stacklevel=2)  # fmt: skip
        return number if self.round_points is None else round(number, self.round_points)

    # -- machinery -----------------------------------------------------------------------------
    def _measure(self, text: Any, name: str, *, kind: str = "float", rounded: bool = True, count: bool = False) -> Any:
        texts, one = _texts(text)
        lang = check_textstat_lang(self.lang)
        counts, formulas = _MEASURES.get(texts, lang)
        values = counts[name] if count else formulas[name]
        return self._out(values, one, name, kind, rounded)

    def _out(self, values: np.ndarray, one: bool, name: str, kind: str, rounded: bool) -> Any:
        if one:
            value = float(values[0])
            if np.isnan(value):
                missing = next(k for k in _CONFIG_KEYS[name] if textstat_lang_value(self.lang, k) is None)
                raise ValueError(f"Unknown config key {missing}")
            if kind == "int":
                return int(value)
            return self._legacy_round(value) if rounded else value
        if kind == "int":
            return values.astype(np.int64)
        values = np.array(values, dtype=np.float64)
        if rounded and self.round_points is not None:
            values = np.array([round(float(v), self.round_points) for v in values])
        return values

    def _per_text(self, text: Any, function, kind: str = "int") -> Any:
        texts, one = _texts(text)
        values = [function(t) for t in texts]
        if one:
            return values[0]
        return np.array(values, dtype=np.int64 if kind == "int" else np.float64) if kind != "list" else values

    def _syllables(self, words: list[str]) -> np.ndarray:
        return textstat_syllables_many(words, lang=check_textstat_lang(self.lang))

    def _difficult(self, words: list[str], syllable_threshold: int) -> list[bool]:
        """textstat's ``is_difficult_word`` for words of ``list_words``."""
        easy = textstat_easy_words(easy_word_root(self.lang))
        lowered = [w.lower() for w in words]
        stripped = [" ".join(_list_words(w, lowercase=True)) for w in lowered]
        syllables = self._syllables([s for s in stripped if s]).tolist()
        counts = iter(syllables)
        result = []
        for word, low, s in zip(words, lowered, stripped):
            n = next(counts) if s else 0
            result.append(len(word.split()) == 1 and low not in easy and n >= syllable_threshold)
        return result

    # -- counts --------------------------------------------------------------------------------
    def char_count(self, text: str, ignore_spaces: bool = True) -> int:
        return self._measure(text, "characters" if ignore_spaces else "all_characters", kind="int", count=True)

    def letter_count(self, text: str, ignore_spaces: bool | None = None) -> int:
        if ignore_spaces is not None:
            warnings.warn("The 'ignore_spaces' argument has been deprecated and will be removed in version 0.8.0. "
                          "This argument has no effect.", DeprecationWarning, stacklevel=2)  # fmt: skip
        return self._measure(text, "letter_count", kind="int")

    def remove_punctuation(self, text: str) -> str:
        return _remove_punctuation(text, self.rm_apostrophe)

    def lexicon_count(self, text: str, removepunct: bool = True, split_contractions: bool = False, split_hyphens: bool = False) -> int:
        if split_contractions or split_hyphens:
            return self._per_text(text, lambda t: len(_list_words(
                t, rm_punctuation=removepunct, split_contractions=split_contractions, split_hyphens=split_hyphens)))  # fmt: skip
        return self._measure(text, "words" if removepunct else "chunks", kind="int", count=True)

    def miniword_count(self, text: str, max_size: int = 3) -> int:
        if max_size != 3:
            return self._per_text(text, lambda t: sum(len(w) <= max_size for w in _list_words(t, rm_apostrophe=True)))
        return self._measure(text, "miniword_count", kind="int")

    def syllable_count(self, text: str, lang: str | None = None) -> int:
        if lang:
            warnings.warn("The 'lang' argument has been moved to 'textstat.set_lang(<lang>)'. This argument will be "
                          "removed in the future.", DeprecationWarning, stacklevel=2)  # fmt: skip
        return self._measure(text, "syllable_count", kind="int")

    def sentence_count(self, text: str) -> int:
        return self._measure(text, "sentence_count", kind="int")

    def polysyllabcount(self, text: str) -> int:
        return self._measure(text, "polysyllabcount", kind="int")

    def monosyllabcount(self, text: str) -> int:
        return self._measure(text, "monosyllabcount", kind="int")

    def long_word_count(self, text: str, threshold: int = 6) -> int:
        if threshold != 6:
            return self._per_text(text, lambda t: sum(len(w) > threshold for w in _list_words(t, rm_apostrophe=True)))
        return self._measure(text, "long_word_count", kind="int")

    def difficult_words(self, text: str, syllable_threshold: int = 2, unique: bool = True) -> int:
        if syllable_threshold == 2 and unique:
            return self._measure(text, "difficult_words", kind="int")
        if syllable_threshold == 2 and not unique:
            return self._measure(text, "difficult_words_2", kind="int", count=True)
        if syllable_threshold <= 0 and not unique:  # every word off the easy list (Dale-Chall's count)
            return self._measure(text, "difficult_words", kind="int", count=True)
        return self._per_text(text, lambda t: len(self._difficult_list(t, syllable_threshold, unique)))

    def _difficult_list(self, text: str, syllable_threshold: int, unique: bool) -> list[str]:
        words = _list_words(text)
        hard = [w for w, d in zip(words, self._difficult(words, syllable_threshold)) if d]
        return list(set(hard)) if unique else hard

    def difficult_words_list(self, text: str, syllable_threshold: int = 2, unique: bool = True) -> list[str]:
        return self._per_text(text, lambda t: self._difficult_list(t, syllable_threshold, unique), kind="list")

    def is_difficult_word(self, word: str, syllable_threshold: int = 2) -> bool:
        if len(word.split()) != 1:
            return False
        return self._difficult([word], syllable_threshold)[0]

    def is_easy_word(self, word: str, syllable_threshold: int = 2) -> bool:
        return len(word.split()) == 1 and not self.is_difficult_word(word, syllable_threshold)

    def count_complex_arabic_words(self, text: str) -> int:
        return self._measure(text, "count_complex_arabic_words", kind="int")

    def count_arabic_syllables(self, text: str) -> int:
        return self._measure(text, "count_arabic_syllables", kind="int")

    def count_faseeh(self, text: str) -> int:
        return self._measure(text, "count_faseeh", kind="int")

    def count_arabic_long_words(self, text: str) -> int:
        return self._measure(text, "count_arabic_long_words", kind="int")

    # -- averages ------------------------------------------------------------------------------
    def avg_sentence_length(self, text: str) -> float:
        warnings.warn("The 'avg_sentence_length' method has been deprecated due to being the same as "
                      "'words_per_sentence'. This method will be removed in thefuture.", DeprecationWarning, stacklevel=2)  # fmt: skip
        return self._measure(text, "avg_sentence_length")

    def avg_syllables_per_word(self, text: str, interval: int | None = None) -> float:
        texts, one = _texts(text)
        _, formulas = _MEASURES.get(texts, check_textstat_lang(self.lang))
        return self._out(formulas["avg_syllables_per_word"] * (1 if interval is None else interval), one, "", "float", True)

    def avg_character_per_word(self, text: str) -> float:
        return self._measure(text, "avg_character_per_word")

    def avg_letter_per_word(self, text: str) -> float:
        return self._measure(text, "avg_letter_per_word")

    def avg_sentence_per_word(self, text: str) -> float:
        return self._measure(text, "avg_sentence_per_word")

    def words_per_sentence(self, text: str) -> float:
        return self._measure(text, "words_per_sentence")

    # -- formulas ------------------------------------------------------------------------------
    def flesch_reading_ease(self, text: str) -> float:
        return self._measure(text, "flesch_reading_ease")

    def flesch_kincaid_grade(self, text: str) -> float:
        return self._measure(text, "flesch_kincaid_grade")

    def smog_index(self, text: str) -> float:
        return self._measure(text, "smog_index")

    def coleman_liau_index(self, text: str) -> float:
        return self._measure(text, "coleman_liau_index")

    def automated_readability_index(self, text: str) -> float:
        return self._measure(text, "automated_readability_index")

    def linsear_write_formula(self, text: str, strict_lower: bool = False, strict_upper: bool = True) -> float:
        if not strict_lower and strict_upper:
            return self._measure(text, "linsear_write_formula")
        texts, one = _texts(text)
        counts, formulas = _MEASURES.get(texts, check_textstat_lang(self.lang))
        if strict_upper:
            values = formulas["linsear_write_formula"]
        else:  # every word, and the sentences of the chunks joined by spaces
            sentences = np.where(counts["chunks"] > 0, counts["sentences"], 0)
            values = _linsear(counts["linsear_easy_all"], counts["polysyllables"], sentences)
        if strict_lower:
            values = np.where(counts["words"] < 100, 0.0, values)
        return self._out(values, one, "", "float", True)

    def dale_chall_readability_score(self, text: str) -> float:
        return self._measure(text, "dale_chall_readability_score")

    def gunning_fog(self, text: str) -> float:
        return self._measure(text, "gunning_fog")

    def lix(self, text: str) -> float:
        return self._measure(text, "lix")

    def rix(self, text: str) -> float:
        return self._measure(text, "rix")

    def spache_readability(self, text: str, float_output: bool = True) -> float | int:
        if float_output:
            return self._measure(text, "spache_readability")
        return self._measure(text, "spache_readability", kind="int")

    def dale_chall_readability_score_v2(self, text: str) -> float:
        return self._measure(text, "dale_chall_readability_score_v2")

    def text_standard(self, text: str, float_output: bool = False) -> float | str:
        value = self._measure(text, "text_standard", rounded=float_output)
        if float_output:
            return value
        if isinstance(value, float):
            return _grade_string(value)
        return [_grade_string(v) if not np.isnan(v) else None for v in value.tolist()]

    def reading_time(self, text: str, ms_per_char: float = READING_MS_PER_CHAR) -> float:
        texts, one = _texts(text)
        counts, _ = _MEASURES.get(texts, check_textstat_lang(self.lang))
        return self._out(ms_per_char * counts["characters"] / 1000, one, "", "float", True)

    def fernandez_huerta(self, text: str) -> float:
        return self._measure(text, "fernandez_huerta")

    def szigriszt_pazos(self, text: str) -> float:
        return self._measure(text, "szigriszt_pazos")

    def gutierrez_polini(self, text: str) -> float:
        return self._measure(text, "gutierrez_polini")

    def crawford(self, text: str) -> float:
        return self._measure(text, "crawford")

    def osman(self, text: str) -> float:
        return self._measure(text, "osman")

    def gulpease_index(self, text: str) -> float:
        return self._measure(text, "gulpease_index")

    def wiener_sachtextformel(self, text: str, variant: int) -> float:
        texts, one = _texts(text)
        counts, formulas = _MEASURES.get(texts, check_textstat_lang(self.lang))
        if variant not in (1, 2, 3, 4):
            if (counts["words"] > 0).any():
                raise ValueError("variant can only be an integer between 1 and 4")
            return self._out(np.zeros(len(texts)), one, "", "float", True)
        return self._out(formulas[f"wiener_sachtextformel_{variant}"], one, "", "float", True)

    def mcalpine_eflaw(self, text: str) -> float:
        return self._measure(text, "mcalpine_eflaw")


def _linsear(easy: np.ndarray, hard: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    from framing.families.readability.textstat import _linsear as linsear

    return linsear(easy, hard, sentences)


def _grade_suffix(grade: int) -> str:
    """textstat's ``get_grade_suffix``."""
    return {11: "th", 12: "th", 13: "th"}.get(grade % 100, {1: "st", 2: "nd", 3: "rd"}.get(grade % 10, "th"))


def _grade_string(value: float) -> str:
    lower = int(value) - 1
    upper = lower + 1
    return f"{lower}{_grade_suffix(lower)} and {upper}{_grade_suffix(upper)} grade"


def score(texts: Iterable[str], lang: str = DEFAULT_TEXTSTAT_LANG):
    """Every textstat measure of every text, as a DataFrame (``framing.score(texts,
    compat="textstat", signals="readability", language=lang)``).

    Examples
    --------
    >>> float(score(["The cat sat on the mat."]).loc[0, "readability.lexicon_count"])
    6.0
    """
    from framing.faces.api import score as framing_score

    return framing_score(list(texts), compat="textstat", signals="readability", language=lang)


def _module_function(name: str):
    method = getattr(textstatistics, name)
    signature = inspect.signature(method)
    parameters = [p for p in signature.parameters.values() if p.name not in ("self", "lang")]
    parameters.append(inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_TEXTSTAT_LANG, annotation="str"))

    def function(*args: Any, lang: str | None = DEFAULT_TEXTSTAT_LANG, **kwargs: Any) -> Any:
        # syllable_count's deprecated ``lang`` argument selects the language here
        return getattr(textstatistics(lang=lang or DEFAULT_TEXTSTAT_LANG), name)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"textstat 0.7.8's ``{name}``, on one text or a batch; ``lang`` as ``set_lang``."
    function.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return function


#: The functions of textstat 0.7.8 that score a text or a word (its ``set_*`` functions are
#: :class:`textstatistics` methods: no module-level state).
FUNCTIONS: tuple[str, ...] = tuple(
    name for name, member in vars(textstatistics).items()
    if callable(member) and not name.startswith("_") and not name.startswith("set_")
)  # fmt: skip
for _name in FUNCTIONS:
    globals()[_name] = _module_function(_name)
__all__ += list(FUNCTIONS)
