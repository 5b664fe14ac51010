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

from functools import lru_cache

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


def check_language(language: object, compat: str | None) -> str | None:
    """The ``language`` of a :class:`framing.Config`, checked: textstat's language in compat mode
    (``None`` becomes ``"en_US"``), else ``None`` (detect per text) or a language code.

    Examples
    --------
    >>> check_language(None, "textstat"), check_language("de", "textstat"), check_language(None, None)
    ('en_US', 'de', None)
    """
    if compat == "textstat":
        return DEFAULT_TEXTSTAT_LANG if language is None else check_textstat_lang(language)
    if language is None:
        return None
    if not isinstance(language, str) or not language:
        raise ValueError(f"language must be a language code such as 'en' or 'de', or None, got {language!r}")
    return language
