"""Readability: the classic formulas under textstat's names, as numpy arithmetic on count arrays.

Entry point: :func:`compute` (``Corpus -> {column: array}``) and :func:`evidence`.

Default mode (``compat=None``) counts on framing's own segmentation (``framing.core.segment``) and uses
the textbook constants:

============================================  ===================================================
column                                        formula (W words, S sentences, Y syllables)
============================================  ===================================================
``readability.flesch_reading_ease``           206.835 − 1.015·W/S − 84.6·Y/W  (Flesch 1948)
``readability.flesch_kincaid_grade``          0.39·W/S + 11.8·Y/W − 15.59  (Kincaid et al. 1975)
``readability.gunning_fog``                   0.4·(W/S + 100·complex/W)  (Gunning 1952)
``readability.smog_index``                    1.0430·√(30·poly/S) + 3.1291  (McLaughlin 1969)
``readability.coleman_liau_index``            0.0588·L − 0.296·S₁₀₀ − 15.8  (Coleman & Liau 1975)
``readability.automated_readability_index``   4.71·chars/W + 0.5·W/S − 21.43  (Smith & Senter 1967)
``readability.dale_chall_readability_score``  0.1579·PDW + 0.0496·W/S, + 3.6365 if PDW > 5
                                              (Dale & Chall 1948; PDW = % unfamiliar words)
``readability.linsear_write_formula``         r = (easy + 3·hard)/S on the first 100 words;
                                              r/2 if r > 20 else (r − 2)/2
============================================  ===================================================

``compat="textstat"`` reproduces textstat 0.7.8 (see ``framing.families.readability.textstat``), including its
constants (Coleman–Liau 0.058) and its segmentation, and adds every other textstat measure as
``readability.<textstat function name>`` (:data:`COMPAT_COLUMNS`; ``wiener_sachtextformel_1`` …
``_4`` for the four variants), in the language of ``Config(language=...)`` (textstat's ``set_lang``
value, default ``"en_US"``). Empty and white-space-only strings get textstat's values in that mode.

A text without words gets NaN for every formula; any text with a word gets a finite value.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from framing.core.compat import check_compat
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.language import UNDETERMINED, lang_root, pyphen_language, textstat_lang_value
from framing.core.language import document_languages as _document_languages
from framing.core.segment import PUNKT_LANGUAGES, Corpus, language_sentence_spans
from framing.core.syllables import _hyphenator
from framing.core.vocabulary import TypeColumn
from framing.families.base import FunctionFamily
from framing.families.readability.textstat import TEXTSTAT_MEASURES, textstat_counts, textstat_formulas

NAME = "readability"

FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
)
COUNTS = (
    "characters",
    "letters",
    "words",
    "sentences",
    "syllables",
    "polysyllables",
    "complex_words",
    "difficult_words",
    "long_words",
    "lines",
    "paragraphs",
)
COLUMNS = tuple(f"text.{c}" for c in COUNTS) + tuple(f"readability.{f}" for f in FORMULAS) + (
    "readability.words_per_sentence",
    "readability.syllables_per_word",
)
#: The columns of ``compat="textstat"``: :data:`COLUMNS`, then every other textstat 0.7.8 measure
#: as ``readability.<textstat function name>``.
COMPAT_COLUMNS = COLUMNS + tuple(f"readability.{m}" for m in TEXTSTAT_MEASURES if m not in FORMULAS)
LINSEAR_SAMPLE_WORDS = 100


def _framing_counts(corpus: Corpus) -> dict[str, np.ndarray]:
    """Per-document counts on framing's segmentation (definitions in docs/counting.md)."""
    doc = corpus.words.doc
    per_doc = corpus.per_doc_sum
    feature = corpus.word_feature
    # A capitalised word that does not open its sentence is taken for a proper name: Dale–Chall
    # counts names as familiar and Gunning does not count them as complex.
    proper_name = corpus.word_is_capitalized & ~corpus.word_starts_sentence
    syllables = feature("syllables")

    sentence_ids = corpus.word_sentence
    has_word = np.zeros(len(corpus.sentences), dtype=bool)
    has_word[sentence_ids] = True

    sample = corpus.words.rank() < LINSEAR_SAMPLE_WORDS
    sample_sentences = np.unique(sentence_ids[sample])
    return {
        "characters": per_doc(doc, feature("alnum")),
        "letters": per_doc(doc, feature("letters")),
        "words": per_doc(doc),
        "sentences": per_doc(corpus.sentences.doc[has_word]),
        "syllables": per_doc(doc, syllables),
        "polysyllables": per_doc(doc, feature("polysyllable")),
        "complex_words": per_doc(doc, feature("complex_stem") * ~proper_name),
        "difficult_words": per_doc(doc, (feature("familiar") == 0) & ~proper_name),
        "long_words": per_doc(doc, feature("long_word")),
        "linsear_easy": per_doc(doc[sample], syllables[sample] < 3),
        "linsear_hard": per_doc(doc[sample], syllables[sample] >= 3),
        "linsear_sentences": per_doc(corpus.sentences.doc[sample_sentences]),
    }


def _framing_formulas(c: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    words = c["words"]
    with np.errstate(divide="ignore", invalid="ignore"):
        undefined = words == 0
        wps = c["words"] / c["sentences"]
        spw = c["syllables"] / words
        pdw = 100 * c["difficult_words"] / words
        linsear = (c["linsear_easy"] + 3 * c["linsear_hard"]) / c["linsear_sentences"]
        formulas = {
            "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
            "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
            "gunning_fog": 0.4 * (wps + 100 * c["complex_words"] / words),
            "smog_index": 1.0430 * np.sqrt(30 * c["polysyllables"] / c["sentences"]) + 3.1291,
            "coleman_liau_index": 0.0588 * (100 * c["letters"] / words) - 0.296 * (100 * c["sentences"] / words) - 15.8,
            "automated_readability_index": 4.71 * c["characters"] / words + 0.5 * wps - 21.43,
            "dale_chall_readability_score": 0.1579 * pdw + 0.0496 * wps + np.where(pdw > 5, 3.6365, 0.0),
            "linsear_write_formula": np.where(linsear > 20, linsear, linsear - 2) / 2,
            "words_per_sentence": wps,
            "syllables_per_word": spw,
        }
    return {name: np.where(undefined, np.nan, values) for name, values in formulas.items()}


#: Default-mode columns that have no meaning outside English, NaN for a document in another
#: language (``docs/languages.md``): grade formulas fitted on US readers of English text, and the
#: counts that read English word lists (Dale–Chall's familiar words) or English suffix rules.
ENGLISH_ONLY = (
    "readability.flesch_kincaid_grade", "readability.gunning_fog", "readability.smog_index",
    "readability.coleman_liau_index", "readability.automated_readability_index",
    "readability.dale_chall_readability_score", "readability.linsear_write_formula",
    "text.complex_words", "text.difficult_words",
)  # fmt: skip
LANGUAGE_COLUMN = "text.language"


@lru_cache(maxsize=32)
def _syllable_column(lang: str) -> TypeColumn:
    """Syllables of a word type in ``lang``: Pyphen's hyphenation points plus one (as textstat)."""
    dictionary = pyphen_language(lang)

    def derive(words: list[str]) -> np.ndarray:
        return _hyphenator(dictionary).count(list(words)) + 1

    return TypeColumn(f"syllables_{dictionary}", derive, np.int64, many=True)


def document_languages(corpus: Corpus, language: str | tuple | None = None) -> np.ndarray:
    """Each document's language (:func:`framing.core.language.document_languages`: ``"auto"``
    detects, a code or one code per document declares; ``None``: English)."""
    return _document_languages(corpus, language)


def _apply_languages(corpus: Corpus, counts: dict, formulas: dict, languages: np.ndarray) -> None:
    """Re-count syllables (Pyphen) and, in German, French and Spanish, sentences (the language's
    Punkt parameters) with each non-English document's own language and give it its own
    Flesch formula (textstat's constants of the language: Amstad for German, Kandel & Moles for
    French, Fernández Huerta for Spanish, Vacca for Italian, Douma for Dutch, Oborneva for
    Russian; NaN where the language has none); the English-only columns become NaN."""
    other = np.array([lang not in ("en", UNDETERMINED) for lang in languages.tolist()], dtype=bool)
    if not other.any():
        return
    doc = corpus.words.doc
    for lang in sorted(set(languages[other].tolist())):
        in_lang = languages == lang
        if pyphen_language(lang) is None:
            syllables_of_word = np.full(len(doc), np.nan)
        else:
            syllables_of_word = corpus.word_values(_syllable_column(lang)).astype(np.float64)
        word_in = in_lang[doc]
        syllables = corpus.per_doc_sum(doc[word_in], syllables_of_word[word_in])
        polysyllables = corpus.per_doc_sum(doc[word_in], (syllables_of_word[word_in] >= 3).astype(np.float64))
        words = counts["words"]
        with np.errstate(divide="ignore", invalid="ignore"):
            spw = np.where(words > 0, syllables / words, np.nan)
        if lang_root(lang) in PUNKT_LANGUAGES:  # the language's own Punkt parameters
            sentences = counts["sentences"].copy()
            for d in np.flatnonzero(in_lang).tolist():
                sentences[d] = _sentences_with_a_word(corpus, d, lang_root(lang))
            counts["sentences"] = sentences
            with np.errstate(divide="ignore", invalid="ignore"):
                formulas["words_per_sentence"] = np.where(in_lang, words / sentences, formulas["words_per_sentence"])
        wps = formulas["words_per_sentence"]
        base, per_sentence, per_syllable = (textstat_lang_value(lang, k) for k in ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
        own = lang_root(lang) in ("de", "fr", "es", "it", "nl", "ru", "hu") and base is not None
        fre = base - per_sentence * wps - per_syllable * spw if own else np.full(corpus.n_docs, np.nan)
        counts["syllables"] = np.where(in_lang, syllables, counts["syllables"])
        counts["polysyllables"] = np.where(in_lang, polysyllables, counts["polysyllables"])
        formulas["syllables_per_word"] = np.where(in_lang, spw, formulas["syllables_per_word"])
        formulas["flesch_reading_ease"] = np.where(in_lang & (words > 0), fre, formulas["flesch_reading_ease"])
    for name in ENGLISH_ONLY:
        family, key = name.split(".")
        table = counts if family == "text" else formulas
        table[key] = np.where(other, np.nan, table[key])


def _sentences_with_a_word(corpus: Corpus, doc: int, lang: str) -> int:
    """Sentences of document ``doc`` by ``lang``'s Punkt parameters that hold a word."""
    spans = language_sentence_spans(corpus, doc, lang)
    if not spans:
        return 0
    starts = corpus.words.start[corpus.words.doc == doc]
    begin = np.searchsorted(starts, [s for s, _ in spans], side="left")
    stop = np.searchsorted(starts, [e for _, e in spans], side="left")
    return int((stop > begin).sum())


def columns(compat: str | None = None) -> tuple[str, ...]:
    """The family's columns in a mode: :data:`COLUMNS`, or :data:`COMPAT_COLUMNS` for ``"textstat"``."""
    return COMPAT_COLUMNS if compat == "textstat" else COLUMNS


def compute(corpus: Corpus, *, compat: str | None = None, language: str | None = None) -> dict[str, np.ndarray]:
    """Readability columns and ``text.*`` counts for every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).
    compat : {None, "textstat"}
        ``None`` for framing's measurement, ``"textstat"`` to reproduce textstat 0.7.8.
    language : str, optional
        With ``compat="textstat"``, textstat's language (``set_lang``; default ``"en_US"``). In
        the default mode: ``"auto"`` detects each document's language, a code (``"de"``) declares
        every document's, ``None`` (default) measures every document as English.

    Returns
    -------
    dict of str to ndarray
        One float array of length ``corpus.n_docs`` per name in :func:`columns`; in the default
        mode with a ``language``, also :data:`LANGUAGE_COLUMN`, each document's language (object array).
    """
    check_compat(compat)
    if compat == "textstat":
        return compat_columns(compat_counts(corpus, language), language)
    counts = _framing_counts(corpus)
    formulas = _framing_formulas(counts)
    extra: dict[str, np.ndarray] = {}
    if language is not None:
        languages = document_languages(corpus, language)
        _apply_languages(corpus, counts, formulas, languages)
        extra = {LANGUAGE_COLUMN: languages}
    _add_lines(corpus, counts)
    return _columns(counts, formulas, extra)


def _add_lines(corpus: Corpus, counts: dict[str, np.ndarray]) -> None:
    counts["lines"] = corpus.lines.per_doc(corpus.n_docs).astype(np.float64)
    counts["paragraphs"] = corpus.paragraphs.per_doc(corpus.n_docs).astype(np.float64)


def _columns(counts: dict, formulas: dict, extra: dict) -> dict[str, np.ndarray]:
    out = {f"text.{c}": counts[c] for c in COUNTS}
    out.update({f"readability.{f}": formulas[f] for f in (*FORMULAS, "words_per_sentence", "syllables_per_word")})
    out.update(extra)
    return out


def compat_counts(corpus: Corpus, language: str | None = None) -> dict[str, np.ndarray]:
    """The per-document counts behind ``compute(corpus, compat="textstat")``: textstat 0.7.8's
    (:func:`~framing.families.readability.textstat.textstat_counts`), lines and paragraphs.

    Every column of compat mode is a function of one document's counts alone, so counts of
    several batches can be concatenated and turned into columns once (:func:`compat_columns`):
    what the pipeline does for a run of compat mode alone, which saves the formulas' fixed cost
    per batch.
    """
    counts = textstat_counts(corpus, "en_US" if language is None else language)
    _add_lines(corpus, counts)
    return counts


def compat_columns(counts: dict[str, np.ndarray], language: str | None = None) -> dict[str, np.ndarray]:
    """The columns of ``compat="textstat"`` (:data:`COMPAT_COLUMNS`) from :func:`compat_counts`
    (of one batch, or of several concatenated)."""
    lang = "en_US" if language is None else language
    counts = dict(counts)
    formulas = textstat_formulas(counts, lang)
    formulas["syllables_per_word"] = formulas["avg_syllables_per_word"]
    extra = {f"readability.{m}": formulas[m] for m in TEXTSTAT_MEASURES if m not in FORMULAS}
    counts["long_words"] = counts["long_words_6"]  # long_word_count: more than 6 letters
    return _columns(counts, formulas, extra)


#: The evidence codes of :func:`evidence` (framing's counts only: textstat's have no spans).
EVIDENCE_CODES = (
    EvidenceCode(
        "sentence", "A sentence as framing segments it (one of text.sentences when it holds a word).",
        ("text.sentences",), {"words": "words in the sentence (0: not counted in text.sentences)"},
    ),
    EvidenceCode(
        "polysyllable", "A word of three or more syllables (SMOG's polysyllables).",
        ("text.polysyllables",), {"syllables": "the word's syllable count"},
    ),
    EvidenceCode(
        "unfamiliar_word", "A word off the Dale–Chall list of familiar words, not taken for a proper name.",
        ("text.difficult_words",),
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, language: str | None = None) -> list[Evidence]:
    """Sentences, polysyllabic words and unfamiliar (Dale–Chall) words of one document.

    Codes (:data:`EVIDENCE_CODES`): ``sentence`` (details: ``words``), ``polysyllable``
    (``syllables``) and ``unfamiliar_word``. ``compat="textstat"`` has no evidence.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> [(e.code, e.text, dict(e.details)) for e in evidence(segment(["Bureaucracy grows."]), 0)]
    [('sentence', 'Bureaucracy grows.', {'words': 2}), ('polysyllable', 'Bureaucracy', {'syllables': 4}), ('unfamiliar_word', 'Bureaucracy', {})]
    """
    if compat == "textstat":
        return []  # textstat's counts have no spans
    text = corpus.texts[doc]
    items: list[Evidence] = []
    sentences = corpus.sentences
    in_doc_sentences = np.flatnonzero(sentences.doc == doc)
    words = corpus.words
    in_doc = words.doc == doc
    words_per_sentence = np.bincount(corpus.word_sentence[in_doc], minlength=len(sentences))
    for s in in_doc_sentences.tolist():
        start, end = int(sentences.start[s]), int(sentences.end[s])
        details = {"words": int(words_per_sentence[s])}
        items.append(Evidence("text.sentences", "sentence", start, end, text[start:end], "sentence", details))
    proper_name = corpus.word_is_capitalized & ~corpus.word_starts_sentence
    polysyllable = (corpus.word_feature("polysyllable") > 0) & in_doc
    unfamiliar = (corpus.word_feature("familiar") == 0) & ~proper_name & in_doc
    syllables = corpus.word_feature("syllables")
    for w in np.flatnonzero(polysyllable).tolist():
        start, end = int(words.start[w]), int(words.end[w])
        details = {"syllables": int(syllables[w])}
        items.append(Evidence("text.polysyllables", "polysyllable", start, end, text[start:end], "polysyllable", details))
    for w in np.flatnonzero(unfamiliar).tolist():
        start, end = int(words.start[w]), int(words.end[w])
        items.append(Evidence("text.difficult_words", "unfamiliar word", start, end, text[start:end], "unfamiliar_word"))
    return items


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(
    NAME,
    columns=lambda config: columns(config.compat), compute=compute, evidence=evidence,
    options=lambda config: {"compat": config.compat, "language": config.language},
    codes=EVIDENCE_CODES,
)
