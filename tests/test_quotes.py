"""Quotation spans shared by the sourcing and style families."""

import numpy as np

from framing.core.segment import segment
from framing.cues.quotes import inside_quotes, quote_spans
from framing.families import sourcing, style


def _texts(corpus, spans):
    return [corpus.joined[s:e] for s, e in zip(spans.start, spans.end)]


def test_curly_straight_and_unclosed_quotes():
    corpus = segment(['\u201cWe will rebuild,\u201d she said. "It is done," he said.\n\u201cAn open quote runs on', "Next doc"])
    spans = quote_spans(corpus)
    assert _texts(corpus, spans) == ['\u201cWe will rebuild,\u201d', '"It is done,"', "\u201cAn open quote runs on"]
    assert spans.doc.tolist() == [0, 0, 0]
    assert spans.closing_char.tolist()[:2] == [ord(","), ord(",")]


def test_inch_marks_and_apostrophes_do_not_open():
    corpus = segment(['A 12" screen and a 9" one, it\u2019s said.'])
    assert len(quote_spans(corpus)) == 0


def test_inside_quotes_covers_an_unclosed_quote_over_a_later_one():
    text = "\u201cFirst part \u201cinner words\u201d tail\nAfter the line."
    corpus = segment([text])
    positions = [text.index("First"), text.index("inner"), text.index("tail"), text.index("After")]
    assert inside_quotes(corpus, positions).tolist() == [True, True, True, False]


def test_style_and_sourcing_read_the_same_quotations():
    text = 'The mayor said: "In conclusion, we must rebuild the bridge by May." In conclusion, it is important to act.'
    corpus = segment([text])
    quoted = sourcing.quotes(corpus)
    assert len(quoted) == 1 and quoted.start[0] == quote_spans(corpus).start[0]
    # the quoted "In conclusion" and "we must" are the mayor's; the page's own "In conclusion" and
    # "it is important to" count
    scores = style.compute(corpus)
    assert scores["style.template_phrases"][0] == 2
    assert scores["style.exhortations"][0] == 0
    assert np.isfinite(scores["style.filler_per_1000_words"][0])


def test_a_mark_displaced_by_joined_paragraphs_opens():
    corpus = segment(['It sued 30 times on policy." The world is not flat, pollution is not free," said Becerra.'])
    assert _texts(corpus, quote_spans(corpus)) == ['The world is not flat, pollution is not free,"']
    # a closing mark after a quote that is open stays a closing mark
    corpus = segment(['He said "we will go." Then he left.'])
    assert _texts(corpus, quote_spans(corpus)) == ['"we will go."']
