"""Direct quotations: one pairing of the batch's quotation marks, shared by two families.

The sourcing family builds its quotes, speakers and orphan quotes on these spans
(:func:`framing.families.sourcing.quotes`); the style family leaves out phrases inside them, which are the
speaker's words, not the page's (:mod:`framing.families.style`).

How marks pair
--------------
Curly opening marks (``“ „ «``) open; a straight ``"`` opens when white space, the start of the
text or one of :data:`OPEN_AFTER` comes before it and no white space after it, or when it stands
between end punctuation and a space and capital letter with no quotation open before it (a mark
displaced when paragraphs were joined: ``policy." The world is not flat," said Becerra``). An
opening mark pairs with the next mark of its document when that mark closes, on the same line or a
later one; otherwise its quotation runs to the end of its line, the news convention for a quote
that goes on in the next paragraph. Everything is array operations over the marks of the whole batch.

Examples
--------
>>> from framing.core.segment import segment
>>> corpus = segment(['He said \\u201cwe will rebuild\\u201d and left. "Soon," she said.'])
>>> spans = quote_spans(corpus)
>>> [corpus.joined[s:e] for s, e in zip(spans.start, spans.end)]
['\\u201cwe will rebuild\\u201d', '"Soon,"']
>>> inside_quotes(corpus, [10, 30]).tolist()
[True, False]
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from framing.core.chars import UPPER, covered
from framing.core.segment import Corpus
from framing.cues.attribution import chars_at

__all__ = ["OPENING", "CLOSING", "STRAIGHT", "OPEN_AFTER", "QuoteSpans", "quote_spans", "inside_quotes"]

OPENING = "\u201c\u201e\u00ab"
CLOSING = "\u201d\u00bb"
STRAIGHT = '"'
#: Characters after which a straight quotation mark opens a quote (besides white space).
OPEN_AFTER = "([{\u2014\u2013-/"


@dataclass(frozen=True)
class QuoteSpans:
    """Every quotation of a batch, sorted by start (positions in ``corpus.joined``).

    Attributes
    ----------
    start, end : ndarray of int64
        From the opening mark (after a displaced mark: the character after it and its space) to
        just after the closing mark (or to the end of its line).
    doc : ndarray of int64
    line, end_line : ndarray of int64
        Lines (``corpus.lines``) of the opening mark and of the closing mark (the opening line
        when the quotation is not closed).
    closing_char : ndarray
        The code point just before the closing mark (0 when not closed): ``“We lost,”`` ends in a
        comma.
    """

    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    line: np.ndarray
    end_line: np.ndarray
    closing_char: np.ndarray

    def __len__(self) -> int:
        return len(self.start)


_SPANS: weakref.WeakKeyDictionary[Corpus, QuoteSpans] = weakref.WeakKeyDictionary()


def code_array(chars: str, dtype: np.dtype) -> np.ndarray:
    """The code points of ``chars`` as an array of ``dtype`` (to compare with ``corpus.codepoints``)."""
    return np.array([ord(c) for c in chars], dtype=dtype)


def quote_spans(corpus: Corpus) -> QuoteSpans:
    """The quotations of ``corpus`` (computed once per batch and cached)."""
    cached = _SPANS.get(corpus)
    if cached is not None:
        return cached
    cp = corpus.codepoints
    dtype = cp.dtype
    marks = chars_at(corpus, OPENING + CLOSING + STRAIGHT)
    code = cp[marks]
    last = len(cp) - 1
    space = corpus.space
    before = np.where(marks > 0, cp[np.maximum(marks - 1, 0)], ord(" "))
    prev_space = (marks == 0) | space[np.maximum(marks - 1, 0)] | np.isin(before, code_array(OPEN_AFTER, dtype))
    next_space = space[np.minimum(marks + 1, last)]
    straight = code == ord(STRAIGHT)
    is_open = np.isin(code, code_array(OPENING, dtype)) | straight & prev_space & ~next_space
    doc = corpus.doc_of(marks)
    # a straight mark after end punctuation with nothing open before it cannot close anything: it
    # opens a quote whose mark lost its place when paragraphs were joined ('policy." The world is')
    capital_next = (corpus.char_classes[np.minimum(marks + 2, last)] & UPPER) != 0
    after_stop = np.isin(before, code_array(".?!", dtype)) & next_space & capital_next
    nothing_open = np.r_[True, ~is_open[:-1] | (doc[1:] != doc[:-1])] if len(marks) else np.zeros(0, bool)
    reopened = straight & ~is_open & after_stop & nothing_open
    reopened &= ~np.r_[False, reopened[:-1]]  # the next displaced mark closes this one's quote
    is_open |= reopened
    # the line of every mark (a line is a paragraph in news text; many texts have no blank lines)
    line_start, line_end, _ = corpus._line_bounds
    line = np.maximum(np.searchsorted(line_start, marks, side="right") - 1, 0)
    k = np.flatnonzero(is_open)
    nxt = np.minimum(k + 1, len(marks) - 1)
    closed = (k + 1 < len(marks)) & ~is_open[nxt] & (doc[nxt] == doc[k])
    # a displaced mark belongs to the sentence before: the quotation starts after it and its space
    start = np.where(reopened[k], np.minimum(marks[k] + 2, last), marks[k])
    end = np.where(closed, marks[nxt] + 1, line_end[line[k]] if len(line_end) else start)
    spans = QuoteSpans(
        start=start.astype(np.int64),
        end=end.astype(np.int64),
        doc=doc[k].astype(np.int64),
        line=line[k].astype(np.int64),
        end_line=np.where(closed, line[nxt], line[k]).astype(np.int64),
        closing_char=np.where(closed, cp[np.maximum(marks[nxt] - 1, 0)], 0),
    )
    _SPANS[corpus] = spans
    return spans


def inside_quotes(corpus: Corpus, positions: np.ndarray | list[int]) -> np.ndarray:
    """Whether each position of ``corpus.joined`` lies inside a quotation (its marks included).

    Returns
    -------
    ndarray of bool, one per position.
    """
    # an unclosed quotation may run over a later one of its line: covered() allows overlapping spans
    spans = quote_spans(corpus)
    return covered(spans.start, spans.end, np.asarray(positions, dtype=np.int64))
