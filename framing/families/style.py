"""Style: the template phrases, generic hedges, exhortations, FAQ blocks and flattened tables that
padded and generated pages are made of.

Entry points: :func:`compute` (``Corpus -> {column: array}``) and :func:`evidence` (one document's
matches).

What is counted
---------------
Phrases come from ``framing/data/style_phrases.json`` (written by this project; see
``framing/data/PROVENANCE.md``), in three categories: ``template_phrase`` ("It's important to",
"It's vital that", "In conclusion", "Key Takeaways", "Lessons learned", "navigate the complex"),
``generic_hedge`` ("Some support …, while others …", "some think", "on the other hand") and
``exhortation`` ("we must", "we need to", "we can build"). They are matched with
:class:`~framing.cues.phrases.PhraseMatcher` (consecutive words of one sentence, any case). A phrase
inside a direct quotation is the speaker's, not the page's, and is not counted (quotations as the
sourcing family pairs them: :func:`framing.cues.quotes.quote_spans`).

Two layouts are counted as lines:

* **FAQ questions**: a line that is one sentence of at most :data:`FAQ_MAX_WORDS` words ending in
  ``?`` and is followed, in the same document, by a line that is not a question (its answer).
* **Flattened tables**: a line of at least :data:`TABLE_MIN_WORDS` words that the segmenter finds
  to be one sentence and that does not end in sentence punctuation (``. ! ? : ;`` or a closing
  quotation mark or bracket): the cells of a table joined into one run-on line.

Phrases one by one are weak evidence; professional news uses "on the other hand" too. The quality
flags (:mod:`framing.judges.flags`) compare the rates with the reference norms of real reporting.

Columns
-------
``style.template_phrases``, ``style.generic_hedges``, ``style.exhortations``
    Matches of each category outside quotations.
``style.filler_per_1000_words``
    All three categories together, per 1,000 words.
``style.filler_sentence_share``
    Sentences with at least one match / sentences.
``style.faq_questions``
    FAQ question lines.
``style.flattened_table_lines``
    Flattened-table lines.

Examples
--------
>>> from framing.core.segment import segment
>>> text = "Key Takeaways\\n\\nIt's important to act. Some support it, while others don't agree. We must act."
>>> columns = compute(segment([text]))
>>> [int(columns[c][0]) for c in ("style.template_phrases", "style.generic_hedges", "style.exhortations")]
[2, 2, 1]
"""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np

from framing.core.evidence import Evidence, EvidenceCode
from framing.core.resources import data_text
from framing.core.segment import Corpus
from framing.cues.phrases import PhraseMatcher
from framing.cues.quotes import inside_quotes
from framing.families.base import FunctionFamily

NAME = "style"
PHRASES_FILE = "style_phrases.json"
CATEGORIES = ("template_phrase", "generic_hedge", "exhortation")
_CATEGORY_COLUMNS = {"template_phrase": "style.template_phrases", "generic_hedge": "style.generic_hedges", "exhortation": "style.exhortations"}
FAQ_MAX_WORDS = 30
TABLE_MIN_WORDS = 20
COLUMNS: tuple[str, ...] = (
    *_CATEGORY_COLUMNS.values(),
    "style.filler_per_1000_words",
    "style.filler_sentence_share",
    "style.faq_questions",
    "style.flattened_table_lines",
)
_LINE_END_PUNCTUATION = frozenset(map(ord, '.!?:;"”’)]'))

__all__ = ["NAME", "COLUMNS", "CATEGORIES", "EVIDENCE_CODES", "compute", "evidence", "matcher"]


@lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    """The shipped phrase lists, compiled once."""
    phrases = json.loads(data_text(PHRASES_FILE))["phrases"]
    unknown = set(phrases) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"{PHRASES_FILE}: unknown categories {sorted(unknown)}")
    return PhraseMatcher({category: phrases[category] for category in CATEGORIES})


class _Analysis:
    """Everything the columns and the evidence of one batch need."""

    def __init__(self, corpus: Corpus) -> None:
        starts, ends, labels = matcher().spans(corpus)
        keep = ~inside_quotes(corpus, starts)
        self.match_start, self.match_end, self.match_label = starts[keep], ends[keep], labels[keep]
        self.match_doc = corpus.doc_of(self.match_start)

        line_start, line_end, _ = corpus._line_bounds
        lines = corpus.lines
        word_start = corpus._word_bounds[0]
        words_per_line = np.diff(np.searchsorted(word_start, np.append(line_start, len(corpus.joined))))
        sentences_per_line = np.bincount(corpus.sentence_line, minlength=len(line_start))
        last_char = corpus.codepoints[np.maximum(line_end - 1, 0)] if len(line_end) else np.zeros(0, np.uint32)
        question = (sentences_per_line == 1) & (last_char == ord("?")) & (words_per_line <= FAQ_MAX_WORDS)
        answered = np.zeros(len(question), dtype=bool)
        answered[:-1] = ~question[1:] & (lines.doc[1:] == lines.doc[:-1])
        self.faq_line = question & answered
        unpunctuated = ~np.isin(last_char, list(_LINE_END_PUNCTUATION))
        self.table_line = (words_per_line >= TABLE_MIN_WORDS) & (sentences_per_line == 1) & unpunctuated

        n = corpus.n_docs
        words = corpus.words.per_doc(n).astype(np.float64)
        sentences = corpus.sentences.per_doc(n).astype(np.float64)
        columns: dict[str, np.ndarray] = {}
        for index, category in enumerate(CATEGORIES):
            columns[_CATEGORY_COLUMNS[category]] = corpus.per_doc_sum(self.match_doc[self.match_label == index])
        with np.errstate(divide="ignore", invalid="ignore"):
            columns["style.filler_per_1000_words"] = corpus.per_doc_sum(self.match_doc) * 1000.0 / words
            sentence_start = corpus._sentence_bounds[0]
            matched_sentences = np.unique(np.searchsorted(sentence_start, self.match_start, side="right") - 1)
            columns["style.filler_sentence_share"] = corpus.per_doc_sum(corpus.sentences.doc[matched_sentences]) / sentences
        columns["style.faq_questions"] = corpus.per_doc_sum(lines.doc[self.faq_line])
        columns["style.flattened_table_lines"] = corpus.per_doc_sum(lines.doc[self.table_line])
        self.columns = columns


def compute(corpus: Corpus, *, compat: str | None = None) -> dict[str, np.ndarray]:
    """Style columns for every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).
    compat : str, optional
        Ignored: no other tool's numbers are reproduced by this family.

    Returns
    -------
    dict of str to ndarray
        One float array of length ``corpus.n_docs`` per name in :data:`COLUMNS`.
    """
    columns = _Analysis(corpus).columns
    return {name: columns[name] for name in COLUMNS}


#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "filler_phrase", "A template phrase, generic hedge or exhortation outside quotations.",
        tuple(_CATEGORY_COLUMNS.values()), {"category": "one of " + ", ".join(CATEGORIES)},
    ),
    EvidenceCode(
        "faq_question", "A one-sentence question line followed by its answer (an FAQ block).",
        ("style.faq_questions",), {"answer_start": "start of the line that answers it", "answer_end": "its end"},
    ),
    EvidenceCode(
        "flattened_table_line", "A long one-sentence line without end punctuation: a table's cells run together.",
        ("style.flattened_table_lines",), {"words": "words in the line"},
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None) -> list[Evidence]:
    """Phrase matches, FAQ questions and flattened-table lines of one document.

    Codes (:data:`EVIDENCE_CODES`): ``filler_phrase`` (details: ``category``, also the label),
    ``faq_question`` (``answer_start``, ``answer_end``) and ``flattened_table_line`` (``words``).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> [(e.label, e.text) for e in evidence(segment(['In conclusion, we must act. "We must go," she said.']), 0)]
    [('template_phrase', 'In conclusion'), ('exhortation', 'we must')]
    >>> [(e.code, dict(e.details)) for e in evidence(segment(["What is it?\\nA bridge."]), 0)]
    [('faq_question', {'answer_start': 12, 'answer_end': 21})]
    """
    analysis = _Analysis(corpus)
    text, offset = corpus.texts[doc], int(corpus.offsets[doc])
    items: list[Evidence] = []
    in_doc = analysis.match_doc == doc
    for start, end, label in zip(analysis.match_start[in_doc], analysis.match_end[in_doc], analysis.match_label[in_doc]):
        category = CATEGORIES[label]
        s, e = int(start) - offset, int(end) - offset
        items.append(Evidence(_CATEGORY_COLUMNS[category], category, s, e, text[s:e], "filler_phrase", {"category": category}))
    lines = corpus.lines
    in_doc_lines = lines.doc == doc
    for i in np.flatnonzero(analysis.faq_line & in_doc_lines).tolist():
        s, e = int(lines.start[i]), int(lines.end[i])
        details = {"answer_start": int(lines.start[i + 1]), "answer_end": int(lines.end[i + 1])}  # the next line answers
        items.append(Evidence("style.faq_questions", "faq_question", s, e, text[s:e], "faq_question", details))
    table_lines = np.flatnonzero(analysis.table_line & in_doc_lines)
    if len(table_lines):
        line_start, line_end, _ = corpus._line_bounds
        word_start = corpus._word_bounds[0]
        n_words = np.searchsorted(word_start, line_end[table_lines]) - np.searchsorted(word_start, line_start[table_lines])
        for i, words in zip(table_lines.tolist(), n_words.tolist()):
            s, e = int(lines.start[i]), int(lines.end[i])
            items.append(Evidence("style.flattened_table_lines", "flattened_table", s, e, text[s:e], "flattened_table_line", {"words": words}))
    return items


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(NAME, columns=lambda config: COLUMNS, compute=compute, evidence=evidence, codes=EVIDENCE_CODES)
