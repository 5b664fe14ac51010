"""Sourcing density: who says so, and how specifically.

Good reporting attributes its claims to sources and quotes people by name; padded or generated
pages assert, and quote nobody. This family counts, per document:

* **attributions** (:func:`framing.cues.attribution.attributions`): reporting cues whose rules are
  written for precision ("said", "told", "according to", "in a statement", "X noted that", "data
  show", ", said Smith"), cues a few words apart counted once ("said in a statement");
* **direct quotes**: text between balanced quotation marks (curly or straight, across sentence
  boundaries; a quote left open at the end of its line runs to the line's end, the news
  convention for a quote that goes on in the next paragraph) of at least
  :data:`MIN_QUOTE_WORDS` words that are not all capitalised (a title such as “Game of Thrones”).
  A short complete utterance (2-3 words closed after a comma or end mark, “We lost,” she said)
  counts when a cue introduces it. A quote has a **speaker** when an attribution cue stands
  outside it in a sentence the quote touches (or in the sentence before it when that sentence
  ends with a colon), or when it continues a quote with a speaker: the quotes of one line (a
  paragraph) share a speaker, and so does a run of quotes on consecutive lines. A quote without
  any is an **orphan quote**;
* **sources**: the source of each attribution (a capitalised name, a pronoun that refers back, an
  anonymous source such as "officials said" or "people familiar with the matter", a study or
  document, a group); distinct named sources are counted by the last word of the name
  ("Alejandro Mayorkas" and "Mayorkas" are one);
* **specifics**: figures (tokens made of digits), month and weekday names, and named entities
  (runs of capitalised name words that are not only a sentence's first word, outside title-case
  headings).

Everything runs over the batch's word and character arrays; quotation marks are paired with
array operations over all marks of the batch.

The **relation level** (issue 15; :data:`RELATION_COLUMNS`, appended after the columns above, which
stay as they were) counts every attribution relation as PolNeAR does, from
:func:`framing.cues.relations.relations` (rules in that module; definitions and sources of every
column in ``docs/sourcing.md``):

* ``sourcing.relations``, ``sourcing.relations_per_100_words``, ``sourcing.relations_per_sentence``:
  relations (one per source–cue pair: speech, document, belief/stance, intention, nominal), per
  document, per 100 words and per sentence with a word;
* ``sourcing.named_person_source_share``, ``sourcing.named_org_source_share``,
  ``sourcing.described_source_share``, ``sourcing.vague_source_share``: the share of relations by the
  class of their source, pronouns resolved (the four sum to 1; all 0 without relations);
  ``sourcing.pronoun_source_share``: the share whose source is a pronoun, before resolution;
* ``sourcing.named_sources_distinct`` (and ``_per_100_words``): distinct named people and
  organisations among the sources (by the name's last word; a pronoun counts as what it refers to);
* ``sourcing.unsourced_claims`` (and ``_per_100_words``): **unsourced specific claims**, sentences of
  at least 6 words with a figure (not a year) or a figure or study word (*percent, million, total,
  survey, study, report, data* …) and no relation in the sentence or either neighbour
  (:func:`framing.cues.relations.unsourced_claims`).

Examples
--------
>>> from framing.core.segment import segment
>>> corpus = segment(["\\u201cWe will rebuild the bridge by May,\\u201d Mayor Ann Lee said on Monday."])
>>> scores = compute(corpus)
>>> int(scores["sourcing.attributions"][0]), int(scores["sourcing.quotes"][0]), int(scores["sourcing.named_sources"][0])
(1, 1, 1)
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from framing.core.chars import UPPER as UPPER_CLASS
from framing.core.compat import check_compat
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.language import document_languages, measured_as_english
from framing.core.segment import DOC_SEPARATOR, Corpus
from framing.cues import attribution, relations
from framing.cues.quotes import code_array, quote_spans
from framing.families.base import FunctionFamily

NAME = "sourcing"
COLUMNS = (
    "sourcing.attributions",
    "sourcing.attributions_per_100_words",
    "sourcing.attributed_sentence_share",
    "sourcing.quotes",
    "sourcing.quotes_with_speaker",
    "sourcing.orphan_quotes",
    "sourcing.orphan_quote_share",
    "sourcing.quote_share_of_attributions",
    "sourcing.named_sources",
    "sourcing.anonymous_sources",
    "sourcing.document_sources",
    "sourcing.figures",
    "sourcing.dates",
    "sourcing.named_entities",
    "sourcing.specifics_per_100_words",
)
#: The relation-level columns (issue 15), appended after the cue-level ones (see :func:`relation_columns`).
RELATION_COLUMNS = (
    "sourcing.relations",
    "sourcing.relations_per_100_words",
    "sourcing.relations_per_sentence",
    "sourcing.named_person_source_share",
    "sourcing.named_org_source_share",
    "sourcing.described_source_share",
    "sourcing.vague_source_share",
    "sourcing.pronoun_source_share",
    "sourcing.named_sources_distinct",
    "sourcing.named_sources_distinct_per_100_words",
    "sourcing.unsourced_claims",
    "sourcing.unsourced_claims_per_100_words",
)
COLUMNS = COLUMNS + RELATION_COLUMNS
#: Columns measured in every language: quotation marks and digits (``docs/languages.md``).
ANY_LANGUAGE_COLUMNS = ("sourcing.quotes", "sourcing.figures")
#: Columns measured with a language's own cues in German, French and Spanish
#: (:func:`framing.cues.attribution.language_cues`); every other column is English-only (NaN for a
#: document in another language: source grammar, speakers of quotes, English month names, name
#: runs read with English stop words, the relation engine).
CUE_LANGUAGE_COLUMNS = (
    "sourcing.attributions", "sourcing.attributions_per_100_words", "sourcing.attributed_sentence_share",
    "sourcing.anonymous_sources",
)  # fmt: skip

#: A direct quote has at least this many words (textacy's rule: shorter ones are scare quotes).
MIN_QUOTE_WORDS = 4
#: A heading: at least this share of a sentence's content words are capitalised (entities there are not counted).
HEADING_CAPITALISED_SHARE = 0.75


@dataclass(frozen=True)
class Quotes:
    """The direct quotes of a batch, in text order (positions in ``corpus.joined``).

    Attributes
    ----------
    start, end : ndarray of int64
        From the opening mark to just after the closing mark (or to the end of its line).
    doc : ndarray of int64
    words : ndarray of int64
        Words inside the quote.
    own_cue : ndarray of int64
        Index into :func:`framing.cues.attribution.attributions` of the attribution that introduces the
        quote, or -1.
    speaker : ndarray of bool
        The quote has a speaker (its own cue, or it continues a quote that has one).
    continues : ndarray of int64
        For a quote whose speaker comes from another quote: that quote's index, else -1.
    """

    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    words: np.ndarray
    own_cue: np.ndarray
    speaker: np.ndarray
    continues: np.ndarray

    def __len__(self) -> int:
        return len(self.start)


_QUOTES: weakref.WeakKeyDictionary[Corpus, Quotes] = weakref.WeakKeyDictionary()


def quotes(corpus: Corpus) -> Quotes:
    """The direct quotes of a batch and whether each has a speaker.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["\\u201cThe refugee crisis is a crisis of humanity.\\u201d\\n\\nIt was \\"a big move\\" for her, she said."])
    >>> found = quotes(corpus)
    >>> [corpus.joined[s:e] for s, e in zip(found.start, found.end)], found.speaker.tolist()
    (['\\u201cThe refugee crisis is a crisis of humanity.\\u201d'], [False])
    """
    cached = _QUOTES.get(corpus)
    if cached is not None:
        return cached
    cp = corpus.codepoints
    dtype = cp.dtype
    spans = quote_spans(corpus)
    start, end, qdoc = spans.start, spans.end, spans.doc
    q_line, end_line, closing_char = spans.line, spans.end_line, spans.closing_char
    word_start = corpus._word_bounds[0]
    first_word = np.searchsorted(word_start, start)
    n_words = np.searchsorted(word_start, end) - first_word
    capitals = np.zeros(len(word_start) + 1, np.int64)
    np.cumsum(corpus.word_is_capitalized, out=capitals[1:])
    all_capitalised = capitals[first_word + n_words] - capitals[first_word] == n_words

    # the quote's own cue: an attribution outside the quote in a sentence the quote touches, or in
    # the sentence before it when that one ends with a colon
    found = attribution.attributions(corpus)
    sentence_start, sentence_end = corpus._sentence_bounds
    s0 = np.maximum(np.searchsorted(sentence_start, start, side="right") - 1, 0)
    s1 = np.maximum(np.searchsorted(sentence_start, np.maximum(end - 1, start), side="right") - 1, 0)
    prev_sentence = np.maximum(s0 - 1, 0)
    colon_before = (s0 > 0) & (cp[np.maximum(sentence_end[prev_sentence] - 1, 0)] == ord(":"))
    if len(sentence_start):
        same_doc = corpus.sentences.doc[prev_sentence] == qdoc
        s0 = np.where(colon_before & same_doc, prev_sentence, s0)
    lo = np.searchsorted(found.sentence, s0)
    hi = np.searchsorted(found.sentence, s1, side="right")
    inside_lo = np.searchsorted(found.start, start)
    inside_hi = np.searchsorted(found.start, end)
    after_quote = np.maximum(inside_hi, lo)
    own_cue = np.where(after_quote < hi, after_quote, np.where(inside_lo - 1 >= lo, inside_lo - 1, -1))
    # a quote has MIN_QUOTE_WORDS words and is not a title; a shorter complete utterance (closed
    # after a comma or end mark) counts when a cue introduces it: “We lost,” she said.
    utterance = np.isin(closing_char, code_array(",.!?", dtype)) & (own_cue >= 0) & (n_words >= 2)
    valid = ((n_words >= MIN_QUOTE_WORDS) | utterance) & ~all_capitalised
    start, end, qdoc, n_words, own_cue = start[valid], end[valid], qdoc[valid], n_words[valid], own_cue[valid]
    q_line, end_line = q_line[valid], end_line[valid]
    own = (own_cue >= 0) | _credited(corpus, start, end, q_line, qdoc)

    # continuation: the quotes of one line share a speaker; so does a run of quotes on consecutive
    # lines (each starting at most one line after the previous quote ends)
    m = len(start)
    index = np.arange(m)
    link = np.r_[False, (qdoc[1:] == qdoc[:-1]) & (q_line[1:] - end_line[:-1] <= 1)] if m else np.zeros(0, bool)
    run_start = np.maximum.accumulate(np.where(~link, index, 0)) if m else index
    last_own = np.maximum.accumulate(np.where(own, index, -1)) if m else index
    from_run = ~own & (last_own >= run_start)
    line_own = np.full(int(q_line.max()) + 1 if m else 0, -1, np.int64)
    np.maximum.at(line_own, q_line[own], index[own])
    from_line = ~own & ~from_run & (line_own[q_line] >= 0) if m else np.zeros(0, bool)
    continues = np.where(from_run, last_own, np.where(from_line, line_own[q_line] if m else -1, -1))
    result = Quotes(
        start=start.astype(np.int64),
        end=end.astype(np.int64),
        doc=qdoc.astype(np.int64),
        words=n_words.astype(np.int64),
        own_cue=own_cue.astype(np.int64),
        speaker=own | (continues >= 0),
        continues=continues.astype(np.int64),
    )
    _QUOTES[corpus] = result
    return result


def _credited(corpus: Corpus, start: np.ndarray, end: np.ndarray, line: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Quotes whose speaker is given by layout rather than a reporting verb.

    * a dash and a capitalised word right after the closing mark, on the same line
      (“Easy to use and efficient” – Dawn R.), or opening the next line;
    * a short line right before the quote's line that opens with a name of at least two words and a
      comma ("Lawrence Yun, NAR Chief Economist"), as interviews and round-ups set their speakers.
    """
    m = len(start)
    if m == 0:
        return np.zeros(0, dtype=bool)
    cp = corpus.codepoints
    last = len(cp) - 1
    dashes = code_array("\u2013\u2014\u2015-", cp.dtype)
    upper = (corpus.char_classes & UPPER_CLASS) != 0
    space = corpus.space

    # the end of each quote's document in corpus.joined: a look-ahead never crosses it
    doc_end = corpus.offsets[doc + 1] - len(DOC_SEPARATOR)

    def next_visible(position: np.ndarray, steps: int = 3) -> np.ndarray:
        """The first position at or after ``position`` that is not white space (within ``steps``),
        never past the end of the quote's document."""
        position = np.minimum(position, doc_end)
        for _ in range(steps):
            position = np.where(space[position] & (position < doc_end), position + 1, position)
        return position

    after = next_visible(end)
    dash = np.isin(cp[after], dashes) & (after < doc_end)
    name_at = next_visible(after + 1)
    credited = dash & upper[name_at] & (name_at < doc_end)
    # the previous line: short, and opening with "First Last," (a name of two or more words, a comma)
    line_start, line_end, _ = corpus._line_bounds
    word_start, word_end = corpus._word_bounds
    previous = np.maximum(line - 1, 0)
    first = np.searchsorted(word_start, line_start[previous])
    words = np.searchsorted(word_start, line_end[previous]) - first
    runs_first, runs_last = attribution.name_runs(corpus)
    at = np.minimum(np.searchsorted(runs_first, first), max(len(runs_first) - 1, 0))
    if len(runs_first):
        opens = (runs_first[at] == first) & (runs_last[at] > runs_first[at])
        comma = cp[np.minimum(word_end[runs_last[at]], last)] == ord(",")
        named_line = (line > 0) & (words <= 10) & opens & comma & (corpus.lines.doc[previous] == doc)
        credited |= named_line
    return credited


def _entities(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Named-entity runs that count as specifics: first and last word of each."""
    first, last = attribution.name_runs(corpus)
    if len(first) == 0:
        return first, last
    starts_sentence = corpus.word_starts_sentence
    keep = (last > first) | ~starts_sentence[first]
    # title-case headings ("Immigration Policies and Deportation Procedures") are not entities
    sentence = corpus.word_sentence
    n_sentences = len(corpus._sentence_bounds[0])
    content = corpus.word_feature("letters") > 0
    content &= ~attribution.word_in(corpus, "stop")
    capitalised = np.bincount(sentence[content & corpus.word_is_capitalized], minlength=n_sentences)
    total = np.bincount(sentence[content], minlength=n_sentences)
    heading = (total >= 2) & (capitalised >= HEADING_CAPITALISED_SHARE * total)
    keep &= ~heading[sentence[first]]
    return first[keep], last[keep]


def _per_100(count: np.ndarray, words: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(words > 0, 100.0 * count / np.maximum(words, 1), np.nan)


def _share(part: np.ndarray, whole: np.ndarray, words: np.ndarray) -> np.ndarray:
    """``part / whole``; 0 when there is nothing to share (no quotes: no orphans), NaN without words."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(words > 0, np.where(whole > 0, part / np.maximum(whole, 1), 0.0), np.nan)


def relation_columns(corpus: Corpus, n_words: np.ndarray, n_sentences: np.ndarray) -> dict[str, np.ndarray]:
    """The relation-level columns (:data:`RELATION_COLUMNS`) from :func:`framing.cues.relations.relations`.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch.
    n_words, n_sentences : ndarray
        Words and sentences (with a word) of each document.

    Returns
    -------
    dict of str to ndarray

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Experts say prices will rise. Sen. Ana Ruiz said it was a good day. The sky was grey. Prices rose 12 percent in May last year."])
    >>> n = corpus.words.per_doc(1).astype(float)
    >>> out = relation_columns(corpus, n, np.array([4.0]))
    >>> int(out["sourcing.relations"][0]), round(float(out["sourcing.vague_source_share"][0]), 2), int(out["sourcing.unsourced_claims"][0])
    (2, 0.5, 1)
    """
    found = relations.relations(corpus)
    n = corpus.n_docs
    count = corpus.per_doc_sum(found.doc)
    out = {
        "sourcing.relations": count,
        "sourcing.relations_per_100_words": _per_100(count, n_words),
        "sourcing.relations_per_sentence": _share_or_zero(count, n_sentences, n_words),
    }
    for k, name in enumerate(relations.CLASSES[:4]):
        out[f"sourcing.{name}_source_share"] = _share(corpus.per_doc_sum(found.doc[found.resolved_class == k]), count, n_words)
    pronoun = relations.CLASSES.index("pronoun")
    out["sourcing.pronoun_source_share"] = _share(corpus.per_doc_sum(found.doc[found.source_class == pronoun]), count, n_words)
    named = found.source_key != ""
    distinct = np.zeros(n)
    if named.any():
        pairs = {(int(d), k) for d, k in zip(found.doc[named].tolist(), found.source_key[named].tolist())}
        distinct = corpus.per_doc_sum(np.array(sorted(d for d, _ in pairs), np.int64))
    out["sourcing.named_sources_distinct"] = distinct
    out["sourcing.named_sources_distinct_per_100_words"] = _per_100(distinct, n_words)
    claims = corpus.per_doc_sum(corpus.sentences.doc[relations.unsourced_claims(corpus)])
    out["sourcing.unsourced_claims"] = claims
    out["sourcing.unsourced_claims_per_100_words"] = _per_100(claims, n_words)
    return out


def _share_or_zero(part: np.ndarray, whole: np.ndarray, words: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(words > 0, part / np.maximum(whole, 1), np.nan)


def compute(corpus: Corpus, *, compat: str | None = None, language: str | tuple | None = None) -> dict[str, np.ndarray]:
    """Sourcing columns for every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).
    compat : {None, "textstat"}
        Accepted for the common interface; sourcing is the same in both modes.
    language : str or tuple, optional
        The documents' language (``framing.Config(language=...)``: ``"auto"``, a code, one per
        document; ``None``: English). English and undetermined documents get the English rules;
        German, French and Spanish ones their language's cues in :data:`CUE_LANGUAGE_COLUMNS`;
        in every other language only :data:`ANY_LANGUAGE_COLUMNS` are measured, the rest is NaN.

    Returns
    -------
    dict of str to ndarray
        One float array of length ``corpus.n_docs`` per name in :data:`COLUMNS`.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> text = 'Officials said the bridge will reopen in May. "It is safe to cross," the mayor told reporters.'
    >>> scores = compute(segment([text]))
    >>> {k: round(float(v[0]), 2) for k, v in scores.items() if k.endswith(("attributions", "quotes", "sources"))}
    {'sourcing.attributions': 2.0, 'sourcing.quotes': 1.0, 'sourcing.orphan_quotes': 0.0, 'sourcing.quote_share_of_attributions': 0.5, 'sourcing.named_sources': 0.0, 'sourcing.anonymous_sources': 1.0, 'sourcing.document_sources': 0.0}
    """
    check_compat(compat)
    n = corpus.n_docs
    words = corpus.words
    n_words = words.per_doc(n).astype(np.float64)
    found = attribution.attributions(corpus)
    quoted = quotes(corpus)

    def per_doc(doc: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return corpus.per_doc_sum(doc, weights)

    attributions = per_doc(found.doc)
    # sentences that hold a word, and those of them with an attribution
    sentence_doc = corpus.sentences.doc
    has_word = np.zeros(len(sentence_doc), bool)
    has_word[corpus.word_sentence] = True
    attributed = attribution.attributed_sentences(corpus) & has_word
    n_sentences = per_doc(sentence_doc, has_word.astype(np.float64))
    n_attributed = per_doc(sentence_doc, attributed.astype(np.float64))

    quotes_per_doc = per_doc(quoted.doc)
    with_speaker = per_doc(quoted.doc, quoted.speaker.astype(np.float64))
    orphans = quotes_per_doc - with_speaker
    own = quoted.own_cue[quoted.own_cue >= 0]
    quoting_attributions = per_doc(found.doc[np.unique(own)]) if len(own) else np.zeros(n)

    named = found.source_kind == 1
    keys = np.unique(np.stack((found.doc[named], found.source_key[named])), axis=1) if named.any() else np.zeros((2, 0), np.int64)
    named_sources = per_doc(keys[0])
    anonymous = per_doc(found.doc[found.source_kind == 3])
    documents = per_doc(found.doc[found.source_kind == 4])

    figures_mask = corpus.word_feature("is_number") > 0
    dates_mask = attribution.word_in(corpus, "dates") & corpus.word_is_capitalized
    figures = per_doc(words.doc[figures_mask])
    dates = per_doc(words.doc[dates_mask])
    entity_first, _ = _entities(corpus)
    entities = per_doc(words.doc[entity_first])
    columns = {
        "sourcing.attributions": attributions,
        "sourcing.attributions_per_100_words": _per_100(attributions, n_words),
        "sourcing.attributed_sentence_share": _share(n_attributed, n_sentences, n_words),
        "sourcing.quotes": quotes_per_doc,
        "sourcing.quotes_with_speaker": with_speaker,
        "sourcing.orphan_quotes": orphans,
        "sourcing.orphan_quote_share": _share(orphans, quotes_per_doc, n_words),
        "sourcing.quote_share_of_attributions": _share(quoting_attributions, attributions, n_words),
        "sourcing.named_sources": named_sources,
        "sourcing.anonymous_sources": anonymous,
        "sourcing.document_sources": documents,
        "sourcing.figures": figures,
        "sourcing.dates": dates,
        "sourcing.named_entities": entities,
        "sourcing.specifics_per_100_words": _per_100(figures + dates + entities, n_words),
    }
    columns.update(relation_columns(corpus, n_words, n_sentences))
    languages = document_languages(corpus, language)
    english = measured_as_english(languages)
    if not english.all():
        _other_languages(corpus, columns, languages, english, n_words, n_sentences, has_word)
    return columns


def _other_languages(corpus: Corpus, columns: dict, languages: np.ndarray, english: np.ndarray, n_words: np.ndarray,
                     n_sentences: np.ndarray, has_word: np.ndarray) -> None:
    """Columns of the documents not measured as English: their language's cues where it has
    them (:data:`CUE_LANGUAGE_COLUMNS`), :data:`ANY_LANGUAGE_COLUMNS` as measured, NaN elsewhere."""
    other = ~english
    for name, values in columns.items():
        if name not in ANY_LANGUAGE_COLUMNS:
            values[other] = np.nan
    sentence_start = corpus._sentence_bounds[0]
    for lang in attribution.CUE_LANGUAGES:
        in_lang = languages == lang
        if not in_lang.any():
            continue
        starts, _, kinds = attribution.language_cues(corpus, lang, docs=in_lang)
        cue = kinds != attribution.LANGUAGE_CUE_KINDS.index("anonymous")
        doc = corpus.doc_of(starts) if len(starts) else np.zeros(0, np.int64)
        count = corpus.per_doc_sum(doc[cue])
        sentences = np.zeros(len(sentence_start), dtype=bool)
        if cue.any():
            sentences[np.maximum(np.searchsorted(sentence_start, starts[cue], side="right") - 1, 0)] = True
        attributed = corpus.per_doc_sum(corpus.sentences.doc, (sentences & has_word).astype(np.float64))
        values = {
            "sourcing.attributions": count,
            "sourcing.attributions_per_100_words": _per_100(count, n_words),
            "sourcing.attributed_sentence_share": _share(attributed, n_sentences, n_words),
            "sourcing.anonymous_sources": corpus.per_doc_sum(doc[~cue]),
        }
        for name, column in values.items():
            columns[name][in_lang] = column[in_lang]


_KIND_LABEL = {1: "named_source", 2: "pronoun_source", 3: "anonymous_source", 4: "document_source", 5: "group_source"}
_KIND_SIGNAL = {1: "sourcing.named_sources", 3: "sourcing.anonymous_sources", 4: "sourcing.document_sources"}
_CUE = {"cue_start": "start of the attribution cue this is the source of", "cue_end": "its end"}

#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "attribution", "A reporting cue that attributes a claim (said, according to, told reporters).",
        ("sourcing.attributions",),
        {"source_kind": "what kind of source was found for it: " + ", ".join(attribution.SOURCE_KINDS),
         "source_start": "start of the source's span, or null when none was found", "source_end": "its end, or null"},
    ),
    EvidenceCode("named_source", "A named source of an attribution (a person's or an organisation's name).",
                 ("sourcing.named_sources",), _CUE),
    EvidenceCode(
        "anonymous_source", "An anonymous source (officials, a person familiar with the matter).",
        ("sourcing.anonymous_sources",),
        {**_CUE, "by_phrase": "true when the anonymity is a phrase of the sentence, not a source noun; the span is then the cue"},
    ),
    EvidenceCode("document_source", "A document as source (a report, a statement, a study).",
                 ("sourcing.document_sources",), _CUE),
    EvidenceCode(
        "quote", "A direct quotation with a speaker.", ("sourcing.quotes_with_speaker",),
        {"words": "words inside the quote",
         "speaker_by": "how its speaker is found: cue (an attribution of its own), layout (a dash and name after it, "
                       "or a name line before it) or earlier_quote (it continues a quote that has one)",
         "cue_start": "start of its own attribution cue, or null", "cue_end": "its end, or null",
         "earlier_quote_start": "start of the quote it continues, or null", "earlier_quote_end": "its end, or null"},
    ),
    EvidenceCode("orphan_quote", "A direct quotation without a speaker.", ("sourcing.orphan_quotes",),
                 {"words": "words inside the quote"}),
    EvidenceCode("figure", "A number, one of the specifics.", ("sourcing.figures",)),
    EvidenceCode("date", "A capitalised month or weekday name, one of the specifics.", ("sourcing.dates",)),
    EvidenceCode("named_entity", "A run of capitalised words taken for a name (not a heading), one of the specifics.",
                 ("sourcing.named_entities",),
                 {"words": "words in the name"}),
)  # fmt: skip


class _DocumentItems:
    """The evidence items of one document, added with batch offsets (turned into the document's)."""

    def __init__(self, corpus: Corpus, doc: int) -> None:
        self.text = corpus.texts[doc]
        self.offset = int(corpus.offsets[doc])
        self.items: list[Evidence] = []

    def local(self, position: int) -> int | None:
        """A batch offset as a document offset; None for -1 (not found)."""
        return None if position < 0 else int(position) - self.offset

    def add(self, signal: str, label: str, start: int, end: int, code: str, details: dict | None = None) -> None:
        start, end = start - self.offset, end - self.offset
        self.items.append(Evidence(signal, label, start, end, self.text[start:end], code, details or {}))


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, language: str | tuple | None = None) -> list[Evidence]:
    """Attributions, sources, quotes and specifics of document ``doc``, in text order per kind.

    Labels and codes (:data:`EVIDENCE_CODES`): ``attribution`` (the cue; details: ``source_kind``,
    ``source_start``, ``source_end``), the source itself (``named_source``, ``anonymous_source``,
    ``document_source``; details: the cue's ``cue_start`` and ``cue_end``), ``quote`` (details:
    ``words`` and where its speaker is found) and ``orphan_quote`` (``words``), ``figure``,
    ``date`` and ``named_entity`` (``words``).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["\\u201cWe must act now and with compassion.\\u201d\\nPolice said 12 people were hurt."])
    >>> [(e.label, e.text) for e in evidence(corpus, 0) if e.label in ("attribution", "orphan_quote", "figure")]
    [('attribution', 'said'), ('orphan_quote', '\\u201cWe must act now and with compassion.\\u201d'), ('figure', '12')]
    >>> [(e.code, dict(e.details)) for e in evidence(corpus, 0) if e.code in ("attribution", "orphan_quote")]
    [('attribution', {'source_kind': 'group', 'source_start': 39, 'source_end': 45}), ('orphan_quote', {'words': 7})]
    """
    check_compat(compat)
    lang = document_languages(corpus, language)[doc]
    if not measured_as_english(np.array([lang], dtype=object))[0]:
        return _other_language_evidence(corpus, doc, lang)
    sink = _DocumentItems(corpus, doc)
    items, local, add = sink.items, sink.local, sink.add

    found = attribution.attributions(corpus)
    for i in np.flatnonzero(found.doc == doc).tolist():
        kind = int(found.source_kind[i])
        cue_start, cue_end = int(found.start[i]), int(found.end[i])
        source_start, source_end = int(found.source_start[i]), int(found.source_end[i])
        details = {
            "source_kind": attribution.SOURCE_KINDS[kind],
            "source_start": local(source_start),
            "source_end": local(source_end) if source_start >= 0 else None,
        }
        add("sourcing.attributions", "attribution", cue_start, cue_end, "attribution", details)
        cue = {"cue_start": local(cue_start), "cue_end": local(cue_end)}
        if source_start >= 0 and kind in _KIND_SIGNAL:
            if kind == 3:
                cue["by_phrase"] = False
            add(_KIND_SIGNAL[kind], _KIND_LABEL[kind], source_start, source_end, _KIND_LABEL[kind], cue)
        elif kind == 3:  # anonymous by a phrase of the sentence ("people familiar with the matter")
            add("sourcing.anonymous_sources", "anonymous_source", cue_start, cue_end, "anonymous_source", {**cue, "by_phrase": True})
    quoted = quotes(corpus)
    for i in np.flatnonzero(quoted.doc == doc).tolist():
        start, end = int(quoted.start[i]), int(quoted.end[i])
        words = int(quoted.words[i])
        if quoted.speaker[i]:
            cue, earlier = int(quoted.own_cue[i]), int(quoted.continues[i])
            speaker_by = "cue" if cue >= 0 else ("earlier_quote" if earlier >= 0 else "layout")
            details = {
                "words": words,
                "speaker_by": speaker_by,
                "cue_start": local(found.start[cue]) if cue >= 0 else None,
                "cue_end": local(found.end[cue]) if cue >= 0 else None,
                "earlier_quote_start": local(quoted.start[earlier]) if earlier >= 0 else None,
                "earlier_quote_end": local(quoted.end[earlier]) if earlier >= 0 else None,
            }
            add("sourcing.quotes_with_speaker", "quote", start, end, "quote", details)
        else:
            add("sourcing.orphan_quotes", "orphan_quote", start, end, "orphan_quote", {"words": words})
    words = corpus.words
    word_start, word_end = corpus._word_bounds
    in_doc = words.doc == doc
    for label, signal, mask in (
        ("figure", "sourcing.figures", corpus.word_feature("is_number") > 0),
        ("date", "sourcing.dates", attribution.word_in(corpus, "dates") & corpus.word_is_capitalized),
    ):
        for w in np.flatnonzero(mask & in_doc).tolist():
            add(signal, label, int(word_start[w]), int(word_end[w]), label)
    first, last = _entities(corpus)
    for f, final in zip(first.tolist(), last.tolist()):
        if words.doc[f] == doc:
            add("sourcing.named_entities", "named_entity", int(word_start[f]), int(word_end[final]), "named_entity", {"words": final - f + 1})
    items.extend(relation_evidence(corpus, doc))
    return items


def _other_language_evidence(corpus: Corpus, doc: int, lang: str) -> list[Evidence]:
    """Evidence of a document in another language: its language's cues (``attribution``, an
    anonymous-source phrase as ``anonymous_source``) and its figures."""
    sink = _DocumentItems(corpus, doc)
    if lang in attribution.CUE_LANGUAGES:
        in_doc = np.zeros(corpus.n_docs, dtype=bool)
        in_doc[doc] = True
        starts, ends, kinds = attribution.language_cues(corpus, lang, docs=in_doc)
        anonymous = attribution.LANGUAGE_CUE_KINDS.index("anonymous")
        for start, end, kind in zip(starts.tolist(), ends.tolist(), kinds.tolist()):
            if kind == anonymous:
                cue = {"cue_start": sink.local(start), "cue_end": sink.local(end), "by_phrase": True}
                sink.add("sourcing.anonymous_sources", "anonymous_source", start, end, "anonymous_source", cue)
            else:
                details = {"source_kind": "unknown", "source_start": None, "source_end": None}
                sink.add("sourcing.attributions", "attribution", start, end, "attribution", details)
    word_start, word_end = corpus._word_bounds
    for w in np.flatnonzero((corpus.word_feature("is_number") > 0) & (corpus.words.doc == doc)).tolist():
        sink.add("sourcing.figures", "figure", int(word_start[w]), int(word_end[w]), "figure")
    return sink.items


_RELATION_KEYS = {
    "kind": "the relation's kind: " + ", ".join(relations.KINDS),
    "source_class": "the source's class as written: " + ", ".join(relations.CLASSES),
    "resolved_class": "the class after a pronoun is resolved to an earlier source (else as written)",
    "cue_start": "start of the cue", "cue_end": "its end",
    "source_start": "start of the source's span, or null (an implicit source)", "source_end": "its end, or null",
    "content_start": "start of the content's span, or null", "content_end": "its end, or null",
}  # fmt: skip
RELATION_EVIDENCE_CODES = (
    EvidenceCode("relation", "The cue of an attribution relation (PolNeAR's sense: speech, document, belief, intention "
                 "or nominal cue, one per source-cue pair).", ("sourcing.relations",), _RELATION_KEYS),
    EvidenceCode("relation_source", "The source of an attribution relation.", ("sourcing.<class>_source_share",),
                 _RELATION_KEYS),
    EvidenceCode("relation_content", "The content of an attribution relation.", ("sourcing.relations",), _RELATION_KEYS),
    EvidenceCode("quote_speaker", "A direct quotation with a speaker, with the class of its speaker.",
                 ("sourcing.quotes_with_speaker",), {"source_class": "the speaker's resolved source class"}),
    EvidenceCode("unsourced_claim", "A sentence with a specific claim (a figure that is not a year, a study or survey "
                 "word) and no relation in it or either neighbour.", ("sourcing.unsourced_claims",)),
)  # fmt: skip


def relation_evidence(corpus: Corpus, doc: int) -> list[Evidence]:
    """Evidence of the relation columns for document ``doc``: every relation (its cue, source and
    content, codes ``relation``, ``relation_source``, ``relation_content`` with the same details),
    every quote's speaker class (``quote_speaker``) and every unsourced specific claim
    (``unsourced_claim``).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Critics say the plan will fail."])
    >>> [(e.code, e.text) for e in relation_evidence(corpus, 0)]
    [('relation', 'say'), ('relation_source', 'Critics'), ('relation_content', 'the plan will fail')]
    >>> dict(relation_evidence(corpus, 0)[0].details)["resolved_class"]
    'vague'
    """
    sink = _DocumentItems(corpus, doc)
    items, local, add = sink.items, sink.local, sink.add

    found = relations.relations(corpus)
    for i in np.flatnonzero(found.doc == doc).tolist():
        kind, written, resolved = (relations.KINDS[found.kind[i]], relations.CLASSES[found.source_class[i]],
                                   relations.CLASSES[found.resolved_class[i]])  # fmt: skip
        details = {
            "kind": kind, "source_class": written, "resolved_class": resolved,
            "cue_start": local(found.cue_start[i]), "cue_end": local(found.cue_end[i]),
            "source_start": local(found.source_start[i]), "source_end": local(found.source_end[i]),
            "content_start": local(found.content_start[i]), "content_end": local(found.content_end[i]),
        }  # fmt: skip
        about = f"{kind} relation, {resolved} source" + (f" (written as {written})" if written != resolved else "")
        add("sourcing.relations", about, int(found.cue_start[i]), int(found.cue_end[i]), "relation", details)
        if found.source_start[i] >= 0:
            signal = f"sourcing.{relations.CLASSES[found.resolved_class[i]]}_source_share"
            add(signal, f"source of a {about}", int(found.source_start[i]), int(found.source_end[i]), "relation_source", details)
        if found.content_start[i] >= 0:
            add("sourcing.relations", f"content of a {about}", int(found.content_start[i]), int(found.content_end[i]),
                "relation_content", details)
    quoted = quotes(corpus)
    mine = np.flatnonzero((quoted.doc == doc) & quoted.speaker)
    classes = relations.quote_speaker_classes(corpus, quoted.start[mine], quoted.end[mine], quoted.doc[mine])
    for q, c in zip(mine.tolist(), classes.tolist()):
        if c >= 0:
            name = relations.CLASSES[c]
            add("sourcing.quotes_with_speaker", f"quote by a {name} source", int(quoted.start[q]), int(quoted.end[q]),
                "quote_speaker", {"source_class": name})
    sentence_start, sentence_end = corpus._sentence_bounds
    claims = np.flatnonzero(relations.unsourced_claims(corpus) & (corpus.sentences.doc == doc))
    for k in claims.tolist():
        add("sourcing.unsourced_claims", "specific claim without a source nearby", int(sentence_start[k]),
            int(sentence_end[k]), "unsourced_claim")
    return items


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(
    NAME, columns=lambda config: COLUMNS, compute=compute, evidence=evidence,
    options=lambda config: {"compat": config.compat, "language": config.language},
    codes=EVIDENCE_CODES + RELATION_EVIDENCE_CODES,
)
