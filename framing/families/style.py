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

Signals of fluent generated prose (issue 16; definitions and their measurement on real news in
``docs/flags.md``; phrases in ``framing/data/fluency_cues.json``), all outside quotations:

``style.hedged_balance``, ``style.hedged_balance_per_1000_words``
    One unnamed side's view ("some say") followed by the other's ("while others", "critics say")
    in the same or the next sentence.
``style.claim_sentences``
    Sentences of at least :data:`CLAIM_MIN_WORDS` words with end punctuation that are not
    questions, headings or opened inside a quotation.
``style.generic_framing_sentences``, ``style.generic_framing_share``
    Claim sentences with a generic framing phrase ("raises important questions"), and their share.
``style.lead_restatements``, ``style.lead_restatement_share``
    Later sentences restating one of the first :data:`LEAD_SENTENCES` sentences (at least
    :data:`RESTATEMENT_MIN_SHARED` shared content stems making :data:`RESTATEMENT_MIN_OVERLAP` of
    the shorter), and their share of the later sentences.
``style.specifics_per_claim``, ``style.names_per_claim``, ``style.figures_per_claim``,
``style.unspecific_claim_share``
    Figures, dates and names (as the sourcing family counts them) per claim sentence, names and
    figures apart, and the share of claims with none.
``style.sentence_length_cv``
    Coefficient of variation of the body sentences' word counts (NaN below
    :data:`RHYTHM_MIN_SENTENCES`): low is a uniform rhythm.

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

from framing.core.chars import unique_ints
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.resources import data_text
from framing.core.segment import Corpus, rank_within
from framing.core.vocabulary import STEMS
from framing.cues import attribution
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
#: A sentence is a heading when at least this share of its content words are capitalised.
HEADING_CAPITALISED_SHARE = 0.75

__all__ = ["NAME", "COLUMNS", "FLUENCY_COLUMNS", "CATEGORIES", "EVIDENCE_CODES", "compute", "evidence", "matcher", "fluency_matcher"]


def _shipped_matcher(file: str, categories: tuple[str, ...]) -> PhraseMatcher:
    """The phrase lists of a shipped data file, one per category, checked against ``categories``."""
    phrases = json.loads(data_text(file))["phrases"]
    unknown = set(phrases) - set(categories)
    if unknown:
        raise ValueError(f"{file}: unknown categories {sorted(unknown)}")
    return PhraseMatcher({category: phrases[category] for category in categories})


@lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    """The shipped phrase lists, compiled once."""
    return _shipped_matcher(PHRASES_FILE, CATEGORIES)


# -- signals of fluent generated prose (issue 16) ------------------------------------------------
FLUENCY_FILE = "fluency_cues.json"
FLUENCY_CATEGORIES = ("balance_one_side", "balance_other_side", "generic_framing")
#: A claim sentence has at least this many words.
CLAIM_MIN_WORDS = 8
#: The lead: this many first sentences of at least :data:`LEAD_MIN_WORDS` words (headline, standfirst, first sentence).
LEAD_SENTENCES = 3
LEAD_MIN_WORDS = 4
#: A later sentence restates the lead when it shares at least this many content stems with one lead
#: sentence and they make at least :data:`RESTATEMENT_MIN_OVERLAP` of the shorter of the two.
RESTATEMENT_MIN_SHARED = 4
RESTATEMENT_MIN_OVERLAP = 0.6
#: Sentence-length variation is computed for documents with at least this many body sentences.
RHYTHM_MIN_SENTENCES = 10
#: A run of uniform rhythm: consecutive body sentences within this factor of the document's median length.
RHYTHM_BAND = 0.25
RHYTHM_MIN_RUN = 5
FLUENCY_COLUMNS: tuple[str, ...] = (
    "style.hedged_balance",
    "style.hedged_balance_per_1000_words",
    "style.claim_sentences",
    "style.generic_framing_sentences",
    "style.generic_framing_share",
    "style.lead_restatements",
    "style.lead_restatement_share",
    "style.specifics_per_claim",
    "style.names_per_claim",
    "style.figures_per_claim",
    "style.unspecific_claim_share",
    "style.sentence_length_cv",
)
COLUMNS = COLUMNS + FLUENCY_COLUMNS
_SENTENCE_END = frozenset(map(ord, '.!?"”’)'))


@lru_cache(maxsize=1)
def fluency_matcher() -> PhraseMatcher:
    """The shipped phrases of the fluency signals (``framing/data/fluency_cues.json``), compiled once."""
    return _shipped_matcher(FLUENCY_FILE, FLUENCY_CATEGORIES)


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(whole > 0, part / np.maximum(whole, 1), np.nan)


def lead_restatements(
    word_sentence: np.ndarray,
    word_stem: np.ndarray,
    sentence_doc: np.ndarray,
    sentence_words: np.ndarray,
    eligible: np.ndarray,
    n_docs: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Which sentences restate their document's lead, over the whole batch at once.

    A document's lead is its first :data:`LEAD_SENTENCES` sentences of at least
    :data:`LEAD_MIN_WORDS` words. Every later ``eligible`` sentence with at least 4 distinct content
    stems is a candidate; it restates the lead sentence with which it shares at least
    :data:`RESTATEMENT_MIN_SHARED` stems making the largest share of the smaller of the two stem sets
    (the earliest lead sentence on a tie), if that share reaches :data:`RESTATEMENT_MIN_OVERLAP`.

    Parameters
    ----------
    word_sentence, word_stem : ndarray
        The sentence and stem id of every content word of the batch.
    sentence_doc, sentence_words : ndarray
        The document (sorted) and word count of every sentence.
    eligible : ndarray of bool
        Sentences that may restate (body sentences outside quotations).
    n_docs : int

    Returns
    -------
    restated : ndarray of bool
    restated_of : ndarray of int
        The lead sentence each restating sentence restates (-1 elsewhere).
    similarity : ndarray of float
        Its share of shared stems (0 elsewhere).
    candidates : ndarray of float
        Candidate sentences per document.

    Examples
    --------
    >>> stems = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4])
    >>> sentences = np.repeat([0, 1, 2, 3], 4)
    >>> restated, of, share, _ = lead_restatements(sentences, stems, np.zeros(4, int), np.full(4, 4), np.ones(4, bool), 1)
    >>> restated.tolist(), of.tolist(), share.tolist()
    ([False, False, False, True], [-1, -1, -1, 0], [0.0, 0.0, 0.0, 1.0])
    """
    n_sent = len(sentence_doc)
    restated = np.zeros(n_sent, bool)
    restated_of = np.full(n_sent, -1, np.int64)
    similarity = np.zeros(n_sent)
    candidates = np.zeros(n_docs, np.float64)
    if n_sent == 0:
        return restated, restated_of, similarity, candidates
    # distinct (sentence, stem) pairs and each sentence's number of distinct stems
    modulus = int(word_stem.max()) + 1 if len(word_stem) else 1
    pairs = unique_ints(word_sentence.astype(np.int64) * modulus + word_stem.astype(np.int64))
    pair_sentence, pair_stem = pairs // modulus, pairs % modulus
    size = np.bincount(pair_sentence, minlength=n_sent)
    # the lead: each document's first LEAD_SENTENCES sentences of LEAD_MIN_WORDS words or more
    qualifies = sentence_words >= LEAD_MIN_WORDS
    rank = np.full(n_sent, LEAD_SENTENCES, np.int64)  # rank among the document's qualifying sentences
    rank[qualifies] = rank_within(sentence_doc[qualifies])
    lead = rank < LEAD_SENTENCES
    full_at = np.full(n_docs, n_sent, np.int64)  # where each document's lead is complete
    last_lead = np.flatnonzero(lead & (rank == LEAD_SENTENCES - 1))
    full_at[sentence_doc[last_lead]] = last_lead
    position = np.arange(n_sent)
    candidate = (position > full_at[sentence_doc]) & eligible & (size >= 4)
    candidates[:] = np.bincount(sentence_doc[candidate], minlength=n_docs)
    if not candidate.any():
        return restated, restated_of, similarity, candidates
    # lead stems keyed by (document, stem), with their slot in the lead
    slot_sentence = np.full((n_docs, LEAD_SENTENCES), -1, np.int64)
    lead_index = np.flatnonzero(lead)
    slot_sentence[sentence_doc[lead_index], rank[lead_index]] = lead_index
    is_lead_pair = lead[pair_sentence]
    lead_keys = sentence_doc[pair_sentence[is_lead_pair]] * modulus + pair_stem[is_lead_pair]
    lead_slots = rank[pair_sentence[is_lead_pair]]
    order = np.argsort(lead_keys, kind="stable")
    lead_keys, lead_slots = lead_keys[order], lead_slots[order]
    # every candidate pair meets the lead pairs of its document with the same stem
    is_candidate_pair = candidate[pair_sentence]
    cand_sentence = pair_sentence[is_candidate_pair]
    cand_keys = sentence_doc[cand_sentence] * modulus + pair_stem[is_candidate_pair]
    lo = np.searchsorted(lead_keys, cand_keys, side="left")
    hi = np.searchsorted(lead_keys, cand_keys, side="right")
    hits = hi - lo
    met_sentence = np.repeat(cand_sentence, hits)
    met_slot = lead_slots[np.repeat(lo, hits) + (np.arange(hits.sum()) - np.repeat(np.cumsum(hits) - hits, hits))]
    shared = np.bincount(met_sentence * LEAD_SENTENCES + met_slot, minlength=n_sent * LEAD_SENTENCES)
    shared = shared.reshape(n_sent, LEAD_SENTENCES)
    of = slot_sentence[sentence_doc]  # (sentence, slot) -> lead sentence
    lead_size = np.where(of >= 0, size[np.maximum(of, 0)], 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = shared / np.minimum(size[:, None], lead_size)
    overlap = np.where((shared >= RESTATEMENT_MIN_SHARED) & candidate[:, None] & (of >= 0), overlap, 0.0)
    best_slot = np.argmax(overlap, axis=1)  # the first of equal shares, as a strict ">" scan keeps
    best = overlap[position, best_slot]
    restated[:] = best >= RESTATEMENT_MIN_OVERLAP
    restated_of[restated] = of[position, best_slot][restated]
    similarity[restated] = best[restated]
    return restated, restated_of, similarity, candidates


class _Fluency:
    """Per-sentence facts and the fluency columns of one batch."""

    def __init__(self, corpus: Corpus) -> None:
        n = corpus.n_docs
        s_start, s_end = corpus._sentence_bounds
        n_sent = len(s_start)
        s_doc = corpus.sentences.doc
        word_start = corpus._word_bounds[0]
        w_sent = corpus.word_sentence
        alnum = corpus.word_feature("alnum") > 0
        letters = corpus.word_feature("letters") > 0
        capital = corpus.word_is_capitalized
        n_words = np.bincount(w_sent[alnum], minlength=n_sent)
        # specifics, as the sourcing family counts them: figures, capitalised month and day names, name runs
        figure = (corpus.word_feature("is_number") > 0) & alnum
        date = attribution.word_in(corpus, "dates") & capital
        first, last = attribution.name_runs(corpus)
        starts_sentence = corpus.word_starts_sentence
        stop = attribution.word_in(corpus, "stop")
        content = letters & ~stop
        capitalised = np.bincount(w_sent[content & capital], minlength=n_sent)
        total = np.bincount(w_sent[content], minlength=n_sent)
        heading = (total >= 2) & (capitalised >= HEADING_CAPITALISED_SHARE * total)
        if len(first):
            keep = ((last > first) | ~starts_sentence[first]) & ~heading[w_sent[first]]
            first = first[keep]
        names = np.bincount(w_sent[first], minlength=n_sent)
        figures = np.bincount(w_sent[figure], minlength=n_sent)
        specifics = np.bincount(w_sent[figure | date], minlength=n_sent) + names
        cp = corpus.codepoints
        last_char = cp[np.maximum(s_end - 1, 0)] if n_sent else np.zeros(0, np.uint32)
        ended = np.isin(last_char, list(_SENTENCE_END))
        question = last_char == ord("?")
        first_word = np.minimum(np.searchsorted(word_start, s_start), max(len(word_start) - 1, 0))
        quoted = inside_quotes(corpus, word_start[first_word]) if len(word_start) else np.zeros(n_sent, bool)
        body = ended & ~heading & (n_words >= 3)
        claim = body & ~quoted & ~question & (n_words >= CLAIM_MIN_WORDS)
        self.s_start, self.s_end, self.s_doc = s_start, s_end, s_doc
        self.specifics, self.claim, self.body, self.n_words = specifics, claim, body, n_words

        # phrases outside quotations
        starts, ends, labels = fluency_matcher().spans(corpus)
        keep_match = ~inside_quotes(corpus, starts)
        starts, ends, labels = starts[keep_match], ends[keep_match], labels[keep_match]
        m_sent = np.searchsorted(s_start, starts, side="right") - 1
        # generic framing: claim sentences with a generic framing phrase
        generic = np.zeros(n_sent, bool)
        g = labels == 2
        generic[m_sent[g]] = True
        generic &= claim
        self.generic, self.generic_start, self.generic_end, self.generic_sent = generic, starts[g], ends[g], m_sent[g]
        # hedged balance: one side's phrase, then the other side's in the same or the next sentence
        a, b = labels == 0, labels == 1
        a_start, a_end, a_sent = starts[a], ends[a], m_sent[a]
        b_start, b_end, b_sent = starts[b], ends[b], m_sent[b]
        pair = np.searchsorted(b_start, a_end) if len(b_start) else np.zeros(len(a_start), np.int64)
        ok = pair < len(b_start)
        pair = np.minimum(pair, max(len(b_start) - 1, 0))
        if len(b_start):
            ok &= (b_sent[pair] - a_sent <= 1) & (s_doc[b_sent[pair]] == s_doc[a_sent])
        # one construction per other-side phrase ("some say ... some argue ... others say" is one)
        ok &= ~np.r_[False, ok[1:] & ok[:-1] & (pair[1:] == pair[:-1])] if len(ok) else ok
        self.hedge_start, self.hedge_end = a_start[ok], (b_end[pair[ok]] if len(b_start) else a_end[ok])
        hedge_doc = corpus.doc_of(self.hedge_start)

        # restatement of the lead
        stems = corpus.type_ids_of(STEMS)[corpus.word_types] if len(word_start) else np.zeros(0, np.int64)
        keep_words = np.flatnonzero(content & alnum)
        self.restated, self.restated_of, self.restated_similarity, candidates = lead_restatements(
            w_sent[keep_words], stems[keep_words], s_doc, n_words, body & ~quoted, n
        )

        n_doc_words = corpus.words.per_doc(n).astype(np.float64)
        claims = corpus.per_doc_sum(s_doc[claim])
        hedges = corpus.per_doc_sum(hedge_doc)
        columns: dict[str, np.ndarray] = {
            "style.hedged_balance": hedges,
            "style.hedged_balance_per_1000_words": np.where(n_doc_words > 0, 1000.0 * hedges / np.maximum(n_doc_words, 1), np.nan),
            "style.claim_sentences": claims,
            "style.generic_framing_sentences": corpus.per_doc_sum(s_doc[generic]),
        }
        columns["style.generic_framing_share"] = _ratio(columns["style.generic_framing_sentences"], claims)
        restatements = corpus.per_doc_sum(s_doc[self.restated])
        columns["style.lead_restatements"] = restatements
        columns["style.lead_restatement_share"] = np.where(candidates >= 3, _ratio(restatements, candidates), np.nan)
        columns["style.specifics_per_claim"] = _ratio(corpus.per_doc_sum(s_doc[claim], specifics[claim].astype(np.float64)), claims)
        columns["style.names_per_claim"] = _ratio(corpus.per_doc_sum(s_doc[claim], names[claim].astype(np.float64)), claims)
        columns["style.figures_per_claim"] = _ratio(corpus.per_doc_sum(s_doc[claim], figures[claim].astype(np.float64)), claims)
        columns["style.unspecific_claim_share"] = _ratio(corpus.per_doc_sum(s_doc[claim & (specifics == 0)]), claims)
        # rhythm: coefficient of variation of the body sentences' lengths
        lengths = n_words[body].astype(np.float64)
        body_doc = s_doc[body]
        count = corpus.per_doc_sum(body_doc)
        mean = _ratio(corpus.per_doc_sum(body_doc, lengths), count)
        square = _ratio(corpus.per_doc_sum(body_doc, lengths**2), count)
        with np.errstate(invalid="ignore", divide="ignore"):
            cv = np.sqrt(np.maximum(square - mean**2, 0.0)) / mean
        columns["style.sentence_length_cv"] = np.where(count >= RHYTHM_MIN_SENTENCES, cv, np.nan)
        self.columns = columns

    def rhythm_run(self, doc: int) -> tuple[int, int, float] | None:
        """The longest run of consecutive body sentences of ``doc`` within :data:`RHYTHM_BAND` of its
        median length: (first sentence, last sentence, median words), or None below :data:`RHYTHM_MIN_RUN`."""
        body = np.flatnonzero(self.body & (self.s_doc == doc))
        if len(body) < RHYTHM_MIN_SENTENCES:
            return None
        lengths = self.n_words[body]
        median = float(np.median(lengths))
        inside = np.abs(lengths - median) <= RHYTHM_BAND * median
        best, start = (0, 0), None
        for k, flag in enumerate(inside.tolist() + [False]):
            if flag and start is None:
                start = k
            elif not flag and start is not None:
                if k - start > best[1] - best[0]:
                    best = (start, k)
                start = None
        if best[1] - best[0] < RHYTHM_MIN_RUN:
            return None
        return int(body[best[0]]), int(body[best[1] - 1]), median


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
            matched_sentences = unique_ints(np.searchsorted(sentence_start, self.match_start, side="right") - 1)
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
    columns.update(_Fluency(corpus).columns)
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
    EvidenceCode(
        "hedged_balance", "A hedged balance outside quotations: one unnamed side's view, then the other's in the same or next sentence ('some say ..., while others ...').",
        ("style.hedged_balance", "style.hedged_balance_per_1000_words"), {"one_side": "the first side's phrase", "other_side": "the other side's phrase"},
    ),
    EvidenceCode(
        "generic_framing_sentence", "A claim sentence carrying a generic framing phrase ('raises important questions', 'highlights the').",
        ("style.generic_framing_sentences", "style.generic_framing_share"), {"phrase": "the phrase"},
    ),
    EvidenceCode(
        "lead_restatement", "A later sentence that restates a lead sentence (headline, standfirst or first sentence) in other words.",
        ("style.lead_restatements", "style.lead_restatement_share"),
        {"lead_start": "start of the lead sentence it restates", "lead_end": "its end", "overlap": "shared content stems / content stems of the shorter sentence"},
    ),
    EvidenceCode(
        "unspecific_claim", "A claim sentence (at least 8 words, not quoted, not a question or heading) with no figure, date or name.",
        ("style.unspecific_claim_share", "style.specifics_per_claim"), {"words": "words in the sentence"},
    ),
    EvidenceCode(
        "uniform_rhythm", "The longest run of consecutive sentences whose lengths stay within 25% of the document's median length.",
        ("style.sentence_length_cv",), {"sentences": "sentences in the run", "median_words": "the document's median sentence length"},
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
    items.extend(_fluency_evidence(corpus, doc))
    return items


def _fluency_evidence(corpus: Corpus, doc: int) -> list[Evidence]:
    """The evidence of the fluency columns of one document."""
    fluency = _Fluency(corpus)
    text, offset = corpus.texts[doc], int(corpus.offsets[doc])
    items: list[Evidence] = []

    def span(start: int, end: int) -> tuple[int, int]:
        return int(start) - offset, int(end) - offset

    starts, ends, labels = fluency_matcher().spans(corpus)
    in_doc = corpus.doc_of(fluency.hedge_start) == doc
    for start, end in zip(fluency.hedge_start[in_doc], fluency.hedge_end[in_doc]):
        s, e = span(start, end)
        one = starts[(starts == start) & (labels == 0)]
        one_end = int(ends[(starts == start) & (labels == 0)][0]) - offset if len(one) else s
        other = (ends == end) & (labels == 1)
        other_start = int(starts[other][0]) - offset if other.any() else e
        details = {"one_side": text[s:one_end], "other_side": text[other_start:e]}
        items.append(Evidence("style.hedged_balance", "hedged_balance", s, e, text[s:e], "hedged_balance", details))
    for start, end, sentence in zip(fluency.generic_start, fluency.generic_end, fluency.generic_sent):
        if fluency.s_doc[sentence] != doc or not fluency.generic[sentence]:
            continue
        s, e = span(fluency.s_start[sentence], fluency.s_end[sentence])
        phrase = text[int(start) - offset : int(end) - offset]
        items.append(Evidence("style.generic_framing_sentences", "generic_framing", s, e, text[s:e], "generic_framing_sentence", {"phrase": phrase}))
    sentences = np.flatnonzero(fluency.s_doc == doc)
    for i in sentences[fluency.restated[sentences]].tolist():
        s, e = span(fluency.s_start[i], fluency.s_end[i])
        j = int(fluency.restated_of[i])
        ls, le = span(fluency.s_start[j], fluency.s_end[j])
        details = {"lead_start": ls, "lead_end": le, "overlap": round(float(fluency.restated_similarity[i]), 3)}
        items.append(Evidence("style.lead_restatements", "lead_restatement", s, e, text[s:e], "lead_restatement", details))
    for i in sentences[fluency.claim[sentences] & (fluency.specifics[sentences] == 0)].tolist():
        s, e = span(fluency.s_start[i], fluency.s_end[i])
        items.append(Evidence("style.unspecific_claim_share", "unspecific_claim", s, e, text[s:e], "unspecific_claim", {"words": int(fluency.n_words[i])}))
    run = fluency.rhythm_run(doc)
    if run is not None:
        first, last, median = run
        s, e = span(fluency.s_start[first], fluency.s_end[last])
        count = int(fluency.body[first : last + 1].sum())
        items.append(Evidence("style.sentence_length_cv", "uniform_rhythm", s, e, text[s:e], "uniform_rhythm", {"sentences": count, "median_words": median}))
    return items


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(NAME, columns=lambda config: COLUMNS, compute=compute, evidence=evidence, codes=EVIDENCE_CODES)
