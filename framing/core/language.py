"""Languages: textstat 0.7.8's per-language settings, restated without its global state, and the
per-document language identifier of the default mode.

textstat keeps one language in a module-level object (``textstat.set_lang``); here a language is
a value passed in (``framing.Config(language=...)``). What a language changes in textstat 0.7.8:

* **syllables**: CMUdict for a language whose root (the part before ``_``) is ``en``, else (and
  for words CMUdict lacks) Pyphen's hyphenation points plus one, with Pyphen's dictionary for the
  language code as given (``"de"``, ``"en_GB"``);
* **easy words** (Dale–Chall, Spache, difficult words): textstat ships lists for ``en`` and
  ``es``; every other language falls back to the English list;
* **constants** (:data:`TEXTSTAT_LANG_CONFIGS`): Flesch Reading Ease's three constants and the
  Gunning Fog syllable threshold. A language root without an entry uses the English entry; an
  entry without a key makes textstat raise ``ValueError("Unknown config key ...")`` (German has
  no Fog threshold, Polish no Flesch constants): those values are NaN in a batch.
"""

from __future__ import annotations

import math
import re
import weakref
from functools import lru_cache

import numpy as np

#: textstat 0.7.8's ``LANG_CONFIGS`` (``textstat/backend/utils/constants.py``), unchanged.
TEXTSTAT_LANG_CONFIGS: dict[str, dict[str, float]] = {
    "en": {"fre_base": 206.835, "fre_sentence_length": 1.015, "fre_syll_per_word": 84.6, "syllable_threshold": 3},
    "de": {"fre_base": 180, "fre_sentence_length": 1, "fre_syll_per_word": 58.5},  # Toni Amstad
    "es": {"fre_base": 206.84, "fre_sentence_length": 1.02, "fre_syll_per_word": 60.0},  # Fernández Huerta
    "fr": {"fre_base": 207, "fre_sentence_length": 1.015, "fre_syll_per_word": 73.6},
    "it": {"fre_base": 217, "fre_sentence_length": 1.3, "fre_syll_per_word": 60.0},  # Flesch–Vacca
    "nl": {"fre_base": 206.835, "fre_sentence_length": 0.93, "fre_syll_per_word": 77},  # Flesch–Douma
    "pl": {"syllable_threshold": 4},
    "ru": {"fre_base": 206.835, "fre_sentence_length": 1.3, "fre_syll_per_word": 60.1},
    "hu": {"fre_base": 206.835, "fre_sentence_length": 1.015, "fre_syll_per_word": 58.5, "syllable_threshold": 5},
}  # fmt: skip

#: The languages textstat 0.7.8 documents for ``set_lang``.
TEXTSTAT_LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "it", "nl", "pl", "ru", "hu")
#: The roots textstat ships an easy-word list for (others use English's).
EASY_WORD_ROOTS: tuple[str, ...] = ("en", "es")
DEFAULT_TEXTSTAT_LANG = "en_US"
#: ``Config(language=AUTO)``: detect each document's language (default mode).
AUTO = "auto"


def lang_root(lang: str) -> str:
    """``"de_DE"`` -> ``"de"`` (textstat's ``get_lang_root``).

    Examples
    --------
    >>> lang_root("en_GB"), lang_root("fr")
    ('en', 'fr')
    """
    return lang.split("_")[0] if "_" in lang else lang


def textstat_lang_value(lang: str, key: str) -> float | None:
    """textstat's ``get_lang_cfg(lang, key)``, or ``None`` where textstat raises ``ValueError``.

    Examples
    --------
    >>> textstat_lang_value("de_DE", "fre_base"), textstat_lang_value("de", "syllable_threshold")
    (180, None)
    >>> textstat_lang_value("cs", "syllable_threshold")  # no entry: English's
    3
    """
    config = TEXTSTAT_LANG_CONFIGS.get(lang_root(lang), TEXTSTAT_LANG_CONFIGS["en"])
    return config.get(key)


def easy_word_root(lang: str) -> str:
    """The root whose easy-word list textstat uses for ``lang``."""
    root = lang_root(lang)
    return root if root in EASY_WORD_ROOTS else "en"


@lru_cache(maxsize=64)
def pyphen_language(lang: str) -> str | None:
    """The Pyphen dictionary ``pyphen.Pyphen(lang=lang)`` loads, or ``None`` if Pyphen has none."""
    import pyphen

    return pyphen.language_fallback(lang)


def check_textstat_lang(lang: object) -> str:
    """``lang`` if textstat 0.7.8 can count syllables in it (Pyphen has a dictionary), else ``ValueError``.

    Examples
    --------
    >>> check_textstat_lang("de_DE")
    'de_DE'
    >>> check_textstat_lang("xx")
    Traceback (most recent call last):
    ...
    ValueError: textstat language 'xx' has no Pyphen dictionary (textstat would raise KeyError)
    """
    if not isinstance(lang, str) or not lang:
        raise ValueError(f"a textstat language is a locale string such as 'en_US' or 'de', got {lang!r}")
    if pyphen_language(lang) is None:
        raise ValueError(f"textstat language {lang!r} has no Pyphen dictionary (textstat would raise KeyError)")
    return lang


#: A language code: two or three letters, optionally a region or script (``"de"``, ``"pt_BR"``, ``"zh-Hant"``).
_CODE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


def check_code(code: object) -> str | None:
    """Why ``code`` is not a language of the default mode (``"auto"``, :data:`UNDETERMINED` or a
    code such as ``"de"``, ``"pt_BR"``), or ``None`` when it is one.

    Examples
    --------
    >>> check_code("de"), check_code("auto"), check_code("English")
    (None, None, "unknown language code 'English' (a code such as 'en', 'de', 'fr', or 'auto')")
    """
    if isinstance(code, str) and (code == AUTO or _CODE.match(code)):
        return None
    return f"unknown language code {code!r} (a code such as 'en', 'de', 'fr', or 'auto')"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())


def check_language(language: object, compat: str | None) -> str | tuple[str, ...]:
    """The ``language`` of a :class:`framing.Config`, checked.

    With ``compat="textstat"``: textstat's language (``None`` becomes ``"en_US"``). In the default
    mode: ``"auto"`` (also for ``None``, the default: detect each text's language), a code that
    declares every text's language, or a sequence with one entry per text (a code, or ``"auto"``;
    a missing entry, ``None``, NaN or ``""``, is ``"auto"``), kept as a tuple. An entry that is not
    a language code stays in the tuple: that text gets an ``error`` (a batch never fails for one row).

    Examples
    --------
    >>> check_language(None, "textstat"), check_language("de", "textstat"), check_language(None, None)
    ('en_US', 'de', 'auto')
    >>> check_language(["de", None, "auto"], None)
    ('de', 'auto', 'auto')
    """
    if compat == "textstat":
        if language is not None and not isinstance(language, str):
            raise ValueError("compat='textstat' takes one language for the batch (textstat's set_lang), not one per text")
        # "auto" is the default mode's default (carried over by Config.replace): textstat's default
        return DEFAULT_TEXTSTAT_LANG if language in (None, AUTO) else check_textstat_lang(language)
    if language is None:
        return AUTO
    if isinstance(language, str):
        problem = check_code(language)
        if problem is not None:
            raise ValueError(problem)
        return language
    if isinstance(language, (bytes, dict)) or not hasattr(language, "__iter__"):
        raise ValueError(f"language must be a language code, 'auto' or one code per text, got {type(language).__name__}")
    return tuple(AUTO if _missing(v) else (v.strip() if isinstance(v, str) else v) for v in language)


def row_language_errors(language: str | tuple) -> list[str | None] | None:
    """For a per-text ``language`` tuple, why each entry cannot be used (``None``: it can); else ``None``."""
    if not isinstance(language, tuple):
        return None
    return [check_code(v) for v in language]


def document_languages(corpus, language: str | tuple | None = AUTO) -> np.ndarray:
    """Each document's language: :func:`detect_languages` for ``"auto"``, the root of a declared
    code (``"de_AT"`` -> ``"de"``), and for a per-text tuple each entry (``"auto"`` entries are
    detected; an entry that is not a code gives :data:`UNDETERMINED`, its row has an ``error``).
    ``None`` is English for every document (framing's measurement before languages). Detection is
    run once per batch and kept with the corpus, so families share it.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Die Katze sitzt auf der Matte und schläft.", "Le chat dort sur le tapis et il rêve."])
    >>> document_languages(corpus, ("auto", "es")).tolist(), document_languages(corpus, "en_GB").tolist()
    (['de', 'es'], ['en', 'en'])
    """
    n = corpus.n_docs
    if language is None:
        return np.full(n, "en", dtype=object)
    if isinstance(language, str) and language != AUTO:
        return np.full(n, lang_root(language), dtype=object)
    if isinstance(language, tuple) and len(language) != n:
        raise ValueError(f"language has {len(language)} entries but the batch has {n} texts")
    detected = _detected(corpus)
    if isinstance(language, str):
        return detected.copy()
    out = np.empty(n, dtype=object)
    for d, code in enumerate(language):
        out[d] = detected[d] if code == AUTO else (lang_root(code) if check_code(code) is None else UNDETERMINED)
    return out


_DETECTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _detected(corpus) -> np.ndarray:
    cached = _DETECTED.get(corpus)
    if cached is None:
        cached = detect_languages(corpus)
        _DETECTED[corpus] = cached
    return cached


def measured_as_english(languages: np.ndarray) -> np.ndarray:
    """Which documents are measured with the English rules: English and undetermined ones."""
    return np.array([lang in ("en", UNDETERMINED) for lang in languages.tolist()], dtype=bool)


@lru_cache(maxsize=1)
def _attribution_cue_file() -> dict:
    import json

    from framing.core.resources import data_text

    return json.loads(data_text("attribution_cues_de_fr_es.json"))["languages"]


def attribution_cues(lang: str) -> dict[str, tuple[str, ...]]:
    """Attribution cues of German, French or Spanish (``framing/data/attribution_cues_de_fr_es.json``):
    ``verbs`` (reporting-verb forms), ``phrases`` and ``anonymous`` (source phrases), lower case.

    Examples
    --------
    >>> "sagte" in attribution_cues("de")["verbs"], "selon" in attribution_cues("fr")["phrases"]
    (True, True)
    """
    cues = _attribution_cue_file().get(lang_root(lang))
    if cues is None:
        raise ValueError(f"attribution cues ship for {sorted(_attribution_cue_file())}, not {lang!r}")
    return {kind: tuple(cues[kind]) for kind in ("verbs", "phrases", "anonymous")}


# -- which language a document is in ----------------------------------------------------------------
#: The languages :func:`detect_languages` tells apart, in bit order.
DETECTED_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pl", "ru", "hu", "pt")
#: A document's language when its function words do not decide it (too short, or mixed).
UNDETERMINED = "und"
#: A document is in language L when at least this many *different* function words of L occur in
#: it (a word repeated in a product list or a menu is one piece of evidence, not several) ...
MIN_FUNCTION_WORDS = 3
#: ... and L's (shared words split evenly) count is at least this many times the runner-up's.
MIN_MARGIN = 1.5


@lru_cache(maxsize=1)
def _function_word_bits() -> dict[str, int]:
    import json

    from framing.core.resources import data_text

    lists = json.loads(data_text("function_words.json"))["languages"]
    bits: dict[str, int] = {}
    for k, lang in enumerate(DETECTED_LANGUAGES):
        for word in lists[lang]:
            bits[word] = bits.get(word, 0) | (1 << k)
    return bits


@lru_cache(maxsize=1)
def function_word_column():
    """The :class:`~framing.core.vocabulary.TypeColumn` of each word type's languages (a bit per
    language of :data:`DETECTED_LANGUAGES` whose function word it is), kept in the vocabulary."""
    from framing.core.vocabulary import TypeColumn

    bits = _function_word_bits()
    return TypeColumn("function_word_languages", lambda word: bits.get(word, 0), np.int64)


def detect_languages(corpus) -> np.ndarray:
    """The language of each document of a segmented batch, from its function words.

    Every word that is a function word of some languages of :data:`DETECTED_LANGUAGES`
    (``framing/data/function_words.json``) adds ``1/k`` to each of its ``k`` languages; a document
    is in the language with the largest sum if that language has at least
    :data:`MIN_FUNCTION_WORDS` different function words in it and beats the runner-up
    :data:`MIN_MARGIN` times, else :data:`UNDETERMINED`. A document's language depends on its own
    words only.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> detect_languages(segment(["Die Katze sitzt auf der Matte und schläft.", "Le chat dort sur le tapis et il rêve.", "Hi."])).tolist()
    ['de', 'fr', 'und']
    """
    n = corpus.n_docs
    out = np.full(n, UNDETERMINED, dtype=object)
    if not len(corpus.words):
        return out
    mask = corpus.word_values(function_word_column())
    hit = np.flatnonzero(mask > 0)
    mask, doc, types = mask[hit], corpus.words.doc[hit], corpus.word_types[hit]
    members = [((mask >> k) & 1).astype(bool) for k in range(len(DETECTED_LANGUAGES))]
    shares = 1.0 / np.sum(members, axis=0)
    scores = np.stack([np.bincount(doc[m], weights=shares[m], minlength=n) for m in members], axis=1)
    # distinct function words of each language per document (one per document and word type)
    first = np.unique(doc * (int(types.max()) + 1 if len(types) else 1) + types, return_index=True)[1]
    hits = np.stack([np.bincount(doc[first][m[first]], minlength=n) for m in members], axis=1)
    order = np.argsort(-scores, axis=1, kind="stable")
    best, second = order[:, 0], order[:, 1]
    rows = np.arange(n)
    decided = (hits[rows, best] >= MIN_FUNCTION_WORDS) & (scores[rows, best] >= MIN_MARGIN * scores[rows, second])
    out[decided] = np.array(DETECTED_LANGUAGES, dtype=object)[best[decided]]
    return out
