"""The package's one stemmer: Porter (1980), for the word types of the vocabulary.

Every family that compares words by stem (repetition's restated sentences, the frame lexicons'
patterns) uses :func:`porter_stem`, so a word type is stemmed the same way everywhere.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # pure code, no NLTK data needed

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


def porter_stem(word: str) -> str:
    """The Porter stem of a lower-case word type, without a possessive ``'s``; figures and
    compounds stay as they are.

    Examples
    --------
    >>> porter_stem("deported"), porter_stem("migrant's"), porter_stem("e-commerce")
    ('deport', 'migrant', 'e-commerce')
    """
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    return _porter().stem(word) if word.isalpha() else word
