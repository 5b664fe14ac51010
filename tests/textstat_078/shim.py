"""textstat 0.7.8's backend functions (the names its test suite imports), answered by framing.

The test files beside this one are textstat 0.7.8's own (``tests/`` of github.com/textstat/textstat
at tag 0.7.8, commit 92af1c54669d6420083a141f514bd63c4b4c536b; MIT, Copyright (c) 2016 Shivam
Bansal; the notice is in ``LICENSE`` here), with one change: ``from textstat... import X`` reads
``from textstat_078.shim import X``. Every measure of a text with textstat's default arguments
is read from ``framing.score(texts, compat="textstat", language=lang)``, the columns
``readability.<name>`` (NaN there is textstat's ``ValueError``); other arguments go through
``framing.textstat``, and the word-level helpers (``list_words``, ``remove_punctuation``,
``is_difficult_word``) are framing's restatements of textstat's rules. Nothing here imports textstat.
"""

from __future__ import annotations

import math
import warnings
from types import SimpleNamespace

import framing
import framing.textstat as fts
from framing.core import language as _language
from framing.core.resources import cmu_syllables, textstat_easy_words
from framing.core.syllables import _pyphen


def _column(name: str, text: str, lang: str = "en_US") -> float:
    value = float(framing.score([text], compat="textstat", signals="readability", language=lang)[f"readability.{name}"].iloc[0])
    if math.isnan(value):  # textstat raises: a key missing from its LANG_CONFIGS
        keys = {"flesch_reading_ease": "fre_base", "szigriszt_pazos": "fre_base", "gunning_fog": "syllable_threshold"}
        raise ValueError(f"Unknown config key {keys.get(name, 'fre_base')}")
    return value


def _count(name: str, text: str, lang: str = "en_US") -> int:
    return int(_column(name, text, lang))


def _ts(lang: str = "en_US") -> fts.textstatistics:
    return fts.textstatistics(lang=lang)


metrics = SimpleNamespace(
    automated_readability_index=lambda text: _column("automated_readability_index", text),
    chars_per_word=lambda text, ignore_spaces=True: (
        _column("avg_character_per_word", text) if ignore_spaces
        else _safe(_ts().char_count(text, ignore_spaces=False), _ts().lexicon_count(text, removepunct=False))
    ),
    coleman_liau_index=lambda text: _column("coleman_liau_index", text),
    crawford=lambda text, lang: _column("crawford", text, lang),
    dale_chall_readability_score=lambda text, lang: _column("dale_chall_readability_score", text, lang),
    dale_chall_readability_score_v2=lambda text, lang: _column("dale_chall_readability_score_v2", text, lang),
    fernandez_huerta=lambda text, lang: _column("fernandez_huerta", text, lang),
    flesch_kincaid_grade=lambda text, lang: _column("flesch_kincaid_grade", text, lang),
    flesch_reading_ease=lambda text, lang: _column("flesch_reading_ease", text, lang),
    gulpease_index=lambda text: _column("gulpease_index", text),
    gunning_fog=lambda text, lang: _column("gunning_fog", text, lang),
    gutierrez_polini=lambda text: _column("gutierrez_polini", text),
    letters_per_word=lambda text: _column("avg_letter_per_word", text),
    linsear_write_formula=lambda text, lang, strict_lower, strict_upper: (
        _column("linsear_write_formula", text, lang) if (not strict_lower and strict_upper)
        else _ts(lang).linsear_write_formula(text, strict_lower=strict_lower, strict_upper=strict_upper)
    ),
    lix=lambda text: _column("lix", text),
    mcalpine_eflaw=lambda text: _column("mcalpine_eflaw", text),
    osman=lambda text: _column("osman", text),
    reading_time=lambda text, ms_per_char: _ts().reading_time(text, ms_per_char=ms_per_char),
    rix=lambda text: _column("rix", text),
    sentences_per_word=lambda text: _column("avg_sentence_per_word", text),
    smog_index=lambda text, lang: _column("smog_index", text, lang),
    spache_readability=lambda text, lang: _column("spache_readability", text, lang),
    syllables_per_word=lambda text, lang: _column("avg_syllables_per_word", text, lang),
    szigriszt_pazos=lambda text, lang: _column("szigriszt_pazos", text, lang),
    text_standard=lambda text, lang: _column("text_standard", text, lang),
    wiener_sachtextformel=lambda text, variant, lang: _ts(lang).wiener_sachtextformel(text, variant),
    words_per_sentence=lambda text: _column("words_per_sentence", text),
)  # fmt: skip


def _safe(a: float, b: float) -> float:
    return a / b if b else 0.0


counts = SimpleNamespace(
    count_chars=lambda text, ignore_spaces: _ts().char_count(text, ignore_spaces=ignore_spaces),
    count_arabic_long_words=lambda text, rm_apostrophe=True: _count("count_arabic_long_words", text),
    count_arabic_syllables=lambda text, rm_apostrophe=True: _count("count_arabic_syllables", text),
    count_complex_arabic_words=lambda text, rm_apostrophe=True: _count("count_complex_arabic_words", text),
    count_faseeh=lambda text, rm_apostrophe=True: _count("count_faseeh", text),
    # the backend's default is unique=False (the public method's is unique=True)
    count_difficult_words=lambda text, lang, syllable_threshold=2, unique=False: _ts(lang).difficult_words(
        text, syllable_threshold=syllable_threshold, unique=unique
    ),
    count_letters=lambda text: _count("letter_count", text),
    count_words=lambda text, rm_punctuation=True, split_contractions=False, split_hyphens=False: (
        _count("lexicon_count", text) if (rm_punctuation and not split_contractions and not split_hyphens)
        else _ts().lexicon_count(text, removepunct=rm_punctuation, split_contractions=split_contractions, split_hyphens=split_hyphens)
    ),
    count_long_words=lambda text, threshold=6: _count("long_word_count", text) if threshold == 6 else _ts().long_word_count(text, threshold),
    count_miniwords=lambda text, max_size=3: _count("miniword_count", text) if max_size == 3 else _ts().miniword_count(text, max_size),
    count_monosyllable_words=lambda text, lang: _count("monosyllabcount", text, lang),
    count_polysyllable_words=lambda text, lang: _count("polysyllabcount", text, lang),
    count_sentences=lambda text: _count("sentence_count", text),
    count_syllables=lambda text, lang: _count("syllable_count", text, lang),
)  # fmt: skip

selections = SimpleNamespace(
    list_difficult_words=lambda text, syllable_threshold, lang: _ts(lang).difficult_words_list(text, syllable_threshold, unique=False),
    set_difficult_words=lambda text, syllable_threshold, lang: set(_ts(lang).difficult_words_list(text, syllable_threshold)),
    list_words=fts._list_words,
)
transformations = SimpleNamespace(remove_punctuation=fts._remove_punctuation)
validations = SimpleNamespace(
    is_difficult_word=lambda word, syllable_threshold, lang: _ts(lang).is_difficult_word(word, syllable_threshold)
)


def _lang_cfg(lang: str, key: str) -> float:
    value = _language.textstat_lang_value(lang, key)
    if value is None:
        raise ValueError(f"Unknown config key {key}")
    return value


def _easy_words(lang: str) -> frozenset[str]:
    root = _language.easy_word_root(lang)
    if root != _language.lang_root(lang):
        warnings.warn(f"There is no easy words vocabulary for {_language.lang_root(lang)}, using english.", Warning, stacklevel=2)
    return textstat_easy_words(root)


utils = SimpleNamespace(
    # framing keeps CMUdict's syllable counts, and reads them only for a language whose root is en
    get_cmudict=lambda lang: cmu_syllables() if _language.lang_root(lang) == "en" else None,
    get_grade_suffix=fts._grade_suffix,
    get_lang_cfg=_lang_cfg,
    get_lang_easy_words=_easy_words,
    get_lang_root=_language.lang_root,
    get_pyphen=_pyphen,
    constants=SimpleNamespace(LANG_CONFIGS=_language.TEXTSTAT_LANG_CONFIGS),
)

#: textstat's module-level object: an instance of framing's ``textstatistics`` (its tests make
#: their own with ``type(textstat)()``).
textstat = fts.textstatistics()
