"""The package's one stemmer: Porter (1980), for the word types of the vocabulary.

Every family that compares words by stem (repetition's restated sentences, the frame lexicons'
``~word`` patterns) uses the vocabulary's stem column (:data:`framing.core.vocabulary.STEMS`),
computed once per word type with :func:`stem_words`, so a word type is stemmed once and the same
way everywhere.

The stems are those of NLTK's ``PorterStemmer(mode=ORIGINAL_ALGORITHM)``, computed with PyStemmer
(Snowball's compiled ``porter`` algorithm: ~9x faster, and no NLTK import, which takes seconds).
The two differ in one rule: after removing ``-ed``/``-ing``, Snowball undoubles a final consonant
only for ``b d f g m n p r t`` ("hopped" → "hop"), Porter's paper and NLTK for every consonant but
``l s z`` ("revved" → "rev", Snowball "revv"; 5 of 139,164 alphabetic types of CMUdict and the
validation corpora). No later step of either changes a stem that ends in a double consonant, and
none changes the undoubled stem unless it ends in ``ic`` (step 4) or ``y`` (step 1c, which Snowball
applies to the doubled ``yy`` as well), so those stems are undoubled here, and words ending in
``icc`` or ``yy`` plus ``-ed``/``-ing`` (none in any corpus) stemmed by NLTK itself: the stems are NLTK's
(checked on 164,170 types and a synthetic list of doubled forms, ``benchmarks/stemmer_check.py``).
Without PyStemmer installed, NLTK stems everything: same stems, slower.
"""

from __future__ import annotations

from functools import lru_cache

# a final double consonant that NLTK may undo and Snowball does not: any but l s z (kept by both)
# and b d f g m n p r t (undone by both)
_BOTH_AGREE = frozenset("aeiou" "lsz" "bdfgmnprt")


@lru_cache(maxsize=1)
def _nltk():
    from nltk.stem.porter import PorterStemmer  # pure code, no NLTK data needed

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=1)
def _snowball():
    try:
        import Stemmer  # PyStemmer
    except ImportError:  # pragma: no cover - PyStemmer is a dependency; NLTK gives the same stems
        return None
    return Stemmer.Stemmer("porter", 0)  # no cache: the vocabulary stems each type once


def _strip(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("'"):
        return word[:-1]
    return word


_STEP_1B = ("ed", "ing", "eds", "ings")  # -s goes in step 1a, then -ed or -ing in step 1b
_NLTK_ONLY = tuple(double + suffix for double in ("icc", "yy") for suffix in _STEP_1B)


def _porter_fix(word: str, stem: str) -> str:
    """NLTK's stem of ``word`` given Snowball's ``stem`` (see the module docstring)."""
    if word.endswith(_NLTK_ONLY):
        return _nltk().stem(word)
    if stem[-1] not in _BOTH_AGREE and word.startswith(stem) and word[len(stem) :] in _STEP_1B:
        return stem[:-1]  # step 1b kept a double consonant that Porter undoes
    return stem


def stem_words(words: list[str]) -> list[str]:
    """:func:`porter_stem` of many lower-case word types at once.

    Examples
    --------
    >>> stem_words(["deported", "migrant's", "e-commerce", "revved", "3.5"])
    ['deport', 'migrant', 'e-commerce', 'rev', '3.5']
    """
    stripped = [w[:-2] if w.endswith("'s") else w[:-1] if w.endswith("'") else w for w in words]  # _strip
    alpha = [i for i, w in enumerate(stripped) if w.isalpha()]
    snowball = _snowball()
    todo = [stripped[i] for i in alpha]
    if snowball is None:
        stems = [_nltk().stem(w) for w in todo]
    else:
        stems = snowball.stemWords(todo)
        for k, (word, stem) in enumerate(zip(todo, stems)):
            if (len(stem) > 1 and stem[-1] == stem[-2]) or word.endswith(_NLTK_ONLY):
                stems[k] = _porter_fix(word, stem)
    for i, stem in zip(alpha, stems):
        stripped[i] = stem
    return stripped


def porter_stem(word: str) -> str:
    """The Porter stem of a lower-case word type, without a possessive ``'s``; figures and
    compounds stay as they are.

    Examples
    --------
    >>> porter_stem("deported"), porter_stem("migrant's"), porter_stem("e-commerce")
    ('deport', 'migrant', 'e-commerce')
    """
    return stem_words([word])[0]


def nltk_porter_stem(word: str) -> str:
    """:func:`porter_stem` computed by NLTK alone: the reference, for checks."""
    word = _strip(word)
    return _nltk().stem(word) if word.isalpha() else word
