"""Attribution relations: every source–cue–content triple of a text, its kind and its source's class.

A shared building block beside :mod:`framing.cues.attribution` (the precision-first reporting cues,
which stay as they are). Where that module asks "does this sentence carry a reporting cue?", this
one counts **attribution relations** as PolNeAR does (Newell, Margolin & Ruths, LREC 2018; the
definition as summarised in ``../shared/research/sourcing-boilerplate-anchors.md`` and the project's
labelling guide ``benchmarks/sourcing_labels/RELATIONS.md``): some content (what is said, written,
shown, believed or intended) ascribed to a source through a cue. Word lists are data,
``framing/data/relation_cues.json`` (written by the project; see ``framing/data/PROVENANCE.md``).

Rules
-----
Candidate sentences are found for the whole batch at once: a sentence is looked at only when one of
its words is the first word of a cue (one lookup per word type). Each candidate sentence is then
read word by word:

* **cues**: a verb form of the ``speech``, ``belief``, ``intention`` or ``document`` lists, or a
  phrase of ``phrases`` (``according to``, ``declined to comment``, ``called for``, ``plans to``,
  ``criticism from``, ``reportedly``, ``the court was told`` …). No cue inside an ``exclusions``
  phrase (``that said``, ``you know``, ``found dead``), none opening its sentence (``Reports``), and
  no verb followed by ``by`` unless a form of *be* comes before it, directly or over an adverb, or
  *as* does (``was criticised by``, ``has been heavily criticised by``, ``as first reported by`` are
  passive cues; ``Reported by`` a credit line). Passive hearsay (``is said to``, ``is believed to``,
  ``is understood to``, ``it is thought that``) is a relation with an implicit source. A phrase of ``merge_phrases`` a few words after a
  verb cue is part of that cue (``said in a statement``, ``argued in court papers``): **one relation
  per source–cue pair**.
* **sources**: the noun phrase right before the cue (over auxiliaries and adverbs of ``skip``), or
  after it when the clause is inverted (``", said the minister"``) or the cue is ``according to``
  or a passive ``by``; a participle after a comma (``…, saying that``) and a relative ``who`` take
  the source of the clause before. The writer's own *I*, *we* and *you* (outside quotation marks)
  are never sources. Strong speech verbs (the ``always`` forms of the reporting-cue lexicon, such
  as *said*, *told*, *wrote*) make a relation even when no source is found (an implicit, ``vague``
  source); the others need theirs: belief and stance verbs a source that is not a weak subject
  (*it*, *this*) and words after them; intention verbs *to* after them; finding verbs (*found*,
  *shows*) a document noun before them or *that* after them; ambiguous speech verbs (*added*,
  *announced*, *called*) a pronoun or name subject, an inversion, or *that*, a colon or a quote
  after them. Stance verbs followed by *it* need a people subject (``36 percent opposed it``), and a
  finding verb whose subject is no document takes the document noun before it (``photos taken by
  passers-by show``).
* **recall rules** (session 6): nominal cues after a possessive (``possessor_nouns``: *the
  minister's assertion that*, *her warning that*); agentless passives of public judgements
  (``passive_cues``: *was widely criticised*, *is accused of*) and *be … to* only before a verb;
  plural agent nouns as source heads (``agent_plural_endings``: *farmers*, *investors*); a
  lower-case noun opened by a determiner or possessive as the subject of strong or *-ed* speech
  forms and of finite belief and intention verbs; inversions only for verbs of saying; a cue after
  *and*/*but* (verb or phrase) takes the clause's source; *as X put it*.
* **recall rules** (session 7, ``docs/sourcing.md``): *called* after a source with a quotation after
  its object (*has called the rule "a disgrace"*); a cue after a control verb and *to*
  (``control_verbs``: *tried to frame*, *went so far as to say*) takes that verb's subject; as-passives
  (``as_passives``: *was seen as*, *is presented as*) with an implicit source, not after a modal *be*;
  verbs of knowing and feeling (``clause_verbs``) before a clause opened by a pronoun; *was first
  reported by*, *– slammed by*, *was asked about*, *when asked whether*; nominal *<noun> from*
  (*threats from rival fans*), possessor nouns before ``possessor_links`` (*Lee's statement about*),
  content nouns (``content_nouns``) before *that* and a clause (*revelations that the chief had*); a
  subject over a parenthetical adverb (*growers, however, support*); ``gerund_speech`` verbs before
  an *-ing* form (*proposed adopting*).
* **recall rules** (session 8, ``docs/sourcing.md``): a handle before a colon (*@AP_Politics: …*, one
  regular-expression pass per batch); verbs that need *that* after a closing quotation and a pronoun or
  name (*"…," they continued.*); document verbs of content (*the proposal requires*, *his plan states*, *the
  statement read:*) only after a document; control verbs of two or three words (*went on to add*); a
  relative *that* after a document noun (*a report that forecast*); a name set off after its role (*His
  chief of staff, Ana Ruiz, accused*); hearsay after a contracted *is* (*that's expected to*) or a noun (*a man
  suspected to have*); withheld disclosures (*was not announced*); *I*/*we* after an unclosed quotation mark
  of the sentence; *we'd like to see*; nominal cues after a possessive over an exclusion (*his support for*),
  and verb-noun forms after their modifiers left out (*its environmental pledges*); cues without a verb on a
  document or account noun (``account_nouns``: *In a Gallup poll last month, …* when the sentence has no other
  relation, *by NBC's reckoning*), found for the batch by a type lookup.
* **kinds**: ``document`` when the source's head is a document noun (*the report says*,
  *according to the data*), ``nominal`` for noun cues (*criticism from*, *the claim that*), else the
  kind of the cue's list (``speech``, ``belief``, ``intention``).
* **content**: the quotation the cue attaches to (a quote closing right before the source and
  cue, or opening right after the cue; a quotation runs over sentences as
  :func:`framing.cues.quotes.quote_spans` pairs it, and a second quote after ``"…," she said, "…"``
  joins it), else the rest of the sentence after the cue (after *that*), or the sentence before the
  cue when the cue ends its sentence (``…, officials said.``).

Source classes (:data:`CLASSES`), from the source's words:

* ``pronoun``: *he, she, they, it, we, I, you*, with a resolved class: *I*, *we* and *you* inside a
  quotation take the class of the quotation's speaker; *he* and *she* the nearest earlier
  ``named_person`` source of the document (else ``named_person`` when an earlier name run stands
  in the document, else ``vague``); *they*, *it* the nearest earlier source of the document that
  is not a person (else ``vague`` for *they*, ``described`` for *it*, which refers to a thing).
* ``named_person``: a name run whose last word is not an organisation word (*Sen. Ana Ruiz*,
  *Ruiz*, *the group's director, Tom Lee*);
* ``named_org``: a name run ending in an organisation or place word or an initialism, or an
  organisation name joined by *of*/*on*/*for* (*the Department of Energy*, *Reuters*, *the United
  States*, *a survey by the Pew Research Center*, *the Intergovernmental Panel on Climate Change*;
  not with a title in the run: *Secretary of State Ann Lee*);
* ``described``: a role, institution or definite document without a name, or with a name only as a
  modifier (*a spokesperson for the Air Force*, *US officials*, *the ministry*, *the report*,
  *House Democrats*, *50 percent of voters*);
* ``vague``: bare plurals and quantified groups (*experts*, *officials*, *many people*,
  *some*, *those on the right*), anonymous singulars (*a friend*, *one observer*), generic documents (*reports*, *an
  October poll*) and every implicit source.

Never across a document boundary: each sentence is read on its own, content spans come from the
sentence or from quotations (paired within a document), and pronouns resolve within their
document.

Examples
--------
>>> from framing.core.segment import segment
>>> corpus = segment(["Critics believe the plan will fail. \\u201cIt is safe,\\u201d Mayor Ann Lee said."])
>>> found = relations(corpus)
>>> [(corpus.joined[s:e], KINDS[k], CLASSES[c]) for s, e, k, c in zip(found.cue_start, found.cue_end, found.kind, found.source_class)]
[('believe', 'belief', 'vague'), ('said', 'speech', 'named_person')]
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
import weakref
from array import array
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

import numpy as np

from framing.core.chars import unique_ints
from framing.core.resources import data_text
from framing.core.segment import Corpus
from framing.core.vocabulary import TypeColumn
from framing.cues.attribution import cue_lexicon
from framing.cues.phrases import PhraseMatcher
from framing.cues.quotes import quote_spans

LEXICON_FILE = "relation_cues.json"
#: Relation kinds, in the order of :attr:`Relations.kind`.
KINDS = ("speech", "document", "belief", "intention", "nominal")
#: Source classes, in the order of :attr:`Relations.source_class` (``resolved_class`` never holds ``pronoun``).
CLASSES = ("named_person", "named_org", "described", "vague", "pronoun")
#: A merge phrase at most this many words after a verb cue belongs to it ("said on Monday in a statement").
MERGE_WORDS = 4
#: Words of a source noun phrase at most.
MAX_SOURCE_WORDS = 9

__all__ = ["LEXICON_FILE", "KINDS", "CLASSES", "MERGE_WORDS", "Relations", "relation_lexicon", "relations",
           "sentence_relations", "describe"]

_PERSON, _ORG, _DESCRIBED, _VAGUE, _PRONOUN = range(5)
_SPEECH, _DOCUMENT, _BELIEF, _INTENTION, _NOMINAL = range(5)
_FIRST_PERSON = ("i", "me", "we", "us", "you", "my", "our")
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_PUNCT_BREAK = re.compile(r"[,;:()\[\]\u2014\u2013\"\u201c\u201d\u00ab\u00bb|]|\s-\s")


@lru_cache(maxsize=1)
def relation_lexicon() -> dict[str, Any]:
    """The relation word lists (``framing/data/relation_cues.json``) as sets and phrase tables.

    Examples
    --------
    >>> lexicon = relation_lexicon()
    >>> "believe" in lexicon["verbs"]["belief"], "according" in lexicon["first_words"]
    (True, True)
    """
    raw = json.loads(data_text(LEXICON_FILE))
    # "<noun> that" for every possessor noun: a nominal cue read only after a possessive ("the minister's claim that")
    raw["phrases"]["nominal"] = list(dict.fromkeys(raw["phrases"]["nominal"] + [f"{noun} {link}" for noun in raw["possessor_nouns"]
                                                                               for link in ["that"] + raw["possessor_links"]]
                                                  + [f"{noun} that" for noun in raw["content_nouns"]]))
    out: dict[str, Any] = {"raw": raw}
    out["verbs"] = {kind: frozenset(words) for kind, words in raw["verbs"].items()}
    out["strong"] = frozenset(w.lower() for w in cue_lexicon()["attribution"]["always"]) | {"says", "told", "wrote"}
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for kind, items in raw["phrases"].items():
        for phrase in items:
            words = tuple(phrase.lower().split())
            phrases.setdefault(words[0], []).append((words, KINDS.index(kind)))
    for first in phrases:
        phrases[first].sort(key=lambda item: -len(item[0]))
    out["phrases"] = phrases
    exclusions: dict[str, list[tuple[str, ...]]] = {}
    for phrase in raw["exclusions"]:
        words = tuple(phrase.lower().split())
        exclusions.setdefault(words[0], []).append(words)
    out["exclusions"] = exclusions
    out["merge"] = frozenset(tuple(p.split()) for p in raw["merge_phrases"])
    for key in ("needs_that", "needs_to", "weak_verbs", "possessor_nouns", "passive_cues", "possessor_verb_nouns", "as_passives",
                "clause_verbs", "content_nouns", "gerund_speech"):
        out[key] = frozenset(raw[key])
    # control verbs before "to" and a cue ("tried to frame"), as word tuples ending before "to"
    out["possessor_links"] = frozenset(raw["possessor_links"])
    out["in_documents"] = frozenset(raw["account_nouns"]["in_documents"])
    out["by_accounts"] = frozenset(raw["account_nouns"]["by_accounts"])
    out["control_verbs"] = frozenset(tuple(p.split()) for p in raw["control_verbs"])
    out["particles"] = raw["particles"]
    out["belief_particles"] = raw["belief_particles"]
    out.update({name: frozenset(words) for name, words in raw["sources"].items()})
    out["agent_plural_endings"] = tuple(raw["sources"]["agent_plural_endings"])
    out["claims"] = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw["claims"].items()}
    verbs = frozenset().union(*out["verbs"].values())
    out["first_words"] = verbs | frozenset(phrases) | frozenset(exclusions)
    out["all_verbs"] = verbs
    # the participles of as-passives ("was seen as") are read as cue words too, only after a form of be and before "as"
    out["cue_words"] = verbs | out["as_passives"]
    out["nouns"] = out["role_nouns"] | out["vague_nouns"] | out["document_nouns"]
    out["org_or_role"] = out["org_words"] | out["role_nouns"]
    out["org_title_place"] = out["org_words"] | out["titles"] | out["places"]
    out["not_inverted"] = out["first_person"] | {"it", "this", "that"}
    out["needs_that_or_called"] = out["needs_that"] | {"called", "calls", "call"}
    out["participle_cues"] = out["verbs"]["speech"] | {"supporting", "opposing", "backing"}
    out["common"] = (out["vague_nouns"] | out["role_nouns"] | out["document_nouns"] | out["determiners"]
                     | out["quantifiers"] | out["stop_heads"] | out["skip"] | out["pronouns"] | verbs
                     | frozenset(w.lower() for w in cue_lexicon()["attribution"]["dates"]))
    return out


#: Per word type: is the word a cue verb form (phrases are matched by :func:`_phrase_matchers`)?
IS_CUE_VERB = TypeColumn("relation cue verb form", lambda word: word in relation_lexicon()["cue_words"], bool)


#: Bits of :data:`ACCOUNT_BITS`: a document noun of "In a … poll,", an account noun of "by X's reckoning", "in", "by".
_IN_DOC, _BY_ACCOUNT, _IS_IN, _IS_BY = 1, 2, 4, 8


def _account_derive(word: str) -> int:
    lex = relation_lexicon()
    return ((_IN_DOC if word in lex["in_documents"] else 0) | (_BY_ACCOUNT if word in lex["by_accounts"] else 0)
            | (_IS_IN if word == "in" else 0) | (_IS_BY if word == "by" else 0))


#: Per word type, what :func:`_account_words` needs of it.
ACCOUNT_BITS = TypeColumn("relation account-phrase bits", _account_derive, np.int64)


def _account_words(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """The document nouns with an "in" among the six words before them and the account nouns with a "by" two or three
    words before them, in the same sentence (batch word indices, sorted), and which of the two each is (1: document,
    2: account): the candidates of "In a Gallup poll, …" and "by NBC's reckoning", found for the whole batch at once."""
    bits = corpus.type_values(ACCOUNT_BITS)[corpus.word_types]
    at = np.flatnonzero((bits & (_IN_DOC | _BY_ACCOUNT)) != 0)
    if len(at) == 0:
        return at, at
    sentence = corpus.word_sentence
    n = len(bits)
    counts_in = np.zeros(n + 1, np.int64)
    np.cumsum((bits & _IS_IN) != 0, out=counts_in[1:])
    first = np.maximum(at - 6, np.searchsorted(sentence, sentence[at]))
    doc = ((bits[at] & _IN_DOC) != 0) & (counts_in[at] - counts_in[first] > 0)
    by2, by3 = np.maximum(at - 2, 0), np.maximum(at - 3, 0)
    by = ((bits[at] & _BY_ACCOUNT) != 0) & ((((bits[by2] & _IS_BY) != 0) & (sentence[by2] == sentence[at]))
                                             | (((bits[by3] & _IS_BY) != 0) & (sentence[by3] == sentence[at])))
    keep = doc | by
    return at[keep], np.where(doc, 1, 2)[keep]


#: Bits of :func:`_prune_bits`.
_NEEDS_TO, _NEEDS_AS, _DOC_ONLY, _IS_TO, _IS_AS, _IS_THAT, _IS_DOC_NOUN = (1 << k for k in range(7))


@lru_cache(maxsize=1)
def _prune_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    lex = relation_lexicon()
    verbs = lex["verbs"]
    other = verbs["speech"] | verbs["belief"]
    needs_to = frozenset(w for w in lex["needs_to"] if w not in other)
    needs_as = frozenset(w for w, words in lex["belief_particles"].items() if words == ["as"] and not w.startswith("want")
                         and w not in verbs["speech"] | verbs["intention"] | verbs["document"])
    doc_only = frozenset(verbs["document"] - other - verbs["intention"])
    needs_as = needs_as | (lex["as_passives"] - lex["all_verbs"])
    return needs_to, needs_as, doc_only, frozenset(lex["document_nouns"])


def _prune_derive(word: str) -> int:
    needs_to, needs_as, doc_only, document_nouns = _prune_sets()
    bits = 0
    bits |= _NEEDS_TO if word in needs_to else 0
    bits |= _NEEDS_AS if word in needs_as else 0
    bits |= _DOC_ONLY if word in doc_only else 0
    bits |= _IS_TO if word == "to" else 0
    bits |= _IS_AS if word == "as" else 0
    bits |= _IS_THAT if word == "that" else 0
    bits |= _IS_DOC_NOUN if _base(word) in document_nouns else 0
    return bits


#: Per word type, what the cheap batch-level conditions of :func:`_verb_candidates` need.
PRUNE_BITS = TypeColumn("relation pruning bits", _prune_derive, np.int64)


def _verb_candidates(corpus: Corpus, flags: np.ndarray) -> np.ndarray:
    """The words of cue verb lists that can still be cues after necessary conditions checked for the
    whole batch at once: an intention-only verb needs "to" next ("plans to"), a verb read only with
    "as" needs "as" among the next 7 words ("sees X as"), a finding-only verb needs "that" next or a
    document noun among the 9 words before it, all in its sentence."""
    at = np.flatnonzero(flags)
    if len(at) == 0:
        return at
    bits = corpus.type_values(PRUNE_BITS)[corpus.word_types]
    sentence = corpus.word_sentence
    n = len(bits)
    b = bits[at]
    nxt = np.minimum(at + 1, n - 1)
    same_next = (at + 1 < n) & (sentence[nxt] == sentence[at])
    keep = np.ones(len(at), bool)
    need_to = (b & _NEEDS_TO) != 0
    keep[need_to] = (same_next & ((bits[nxt] & _IS_TO) != 0))[need_to]
    counts_as = np.zeros(n + 1, np.int64)
    np.cumsum((bits & _IS_AS) != 0, out=counts_as[1:])
    sentence_last = np.searchsorted(sentence, sentence[at], side="right")  # one past the sentence's last word
    window_end = np.minimum(at + 8, sentence_last)
    need_as = (b & _NEEDS_AS) != 0
    keep[need_as] = (counts_as[window_end] - counts_as[at + 1] > 0)[need_as]
    counts_doc = np.zeros(n + 1, np.int64)
    np.cumsum((bits & _IS_DOC_NOUN) != 0, out=counts_doc[1:])
    sentence_first = np.searchsorted(sentence, sentence[at])
    window_start = np.maximum(at - 9, sentence_first)
    doc_only = (b & _DOC_ONLY) != 0
    doc_ok = (counts_doc[at] - counts_doc[window_start] > 0) | (same_next & ((bits[nxt] & _IS_THAT) != 0))
    keep[doc_only] = doc_ok[doc_only]
    return at[keep]


@lru_cache(maxsize=4)
def _label_kinds(labels: tuple[str, ...]) -> np.ndarray:
    """Index into :data:`KINDS` of each label of the cue-phrase matcher."""
    return np.array([KINDS.index(label) for label in labels], np.int64)


@lru_cache(maxsize=1)
def _phrase_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """The cue phrases (one label per kind) and the exclusion phrases, matched over the whole batch."""
    raw = relation_lexicon()["raw"]
    return PhraseMatcher({kind: raw["phrases"][kind] for kind in KINDS}), PhraseMatcher({"exclusion": raw["exclusions"]})


@dataclass(frozen=True)
class Relations:
    """The attribution relations of a batch, in text order; positions are offsets into ``corpus.joined``.

    Attributes
    ----------
    doc, sentence : ndarray of int64
        Document and sentence (``corpus.sentences``) of the cue.
    kind : ndarray of int8
        Index into :data:`KINDS`.
    source_class, resolved_class : ndarray of int8
        Index into :data:`CLASSES`; ``resolved_class`` replaces ``pronoun`` by the class of what
        the pronoun refers to.
    cue_start, cue_end : ndarray of int64
    source_start, source_end : ndarray of int64
        -1 when the source is implicit.
    content_start, content_end : ndarray of int64
        -1 when no content could be delimited.
    source_key : ndarray of object
        For named sources (resolved ``named_person`` or ``named_org``, pronouns included), the lower-cased
        last word of the name they refer to: distinct keys per document count distinct named sources.
        Else ``""``.
    """

    doc: np.ndarray
    sentence: np.ndarray
    kind: np.ndarray
    source_class: np.ndarray
    resolved_class: np.ndarray
    cue_start: np.ndarray
    cue_end: np.ndarray
    source_start: np.ndarray
    source_end: np.ndarray
    content_start: np.ndarray
    content_end: np.ndarray
    source_key: np.ndarray

    def __len__(self) -> int:
        return len(self.cue_start)


_CACHE: weakref.WeakKeyDictionary[Corpus, Relations] = weakref.WeakKeyDictionary()


class _Gaps:
    """The text between each word and the next (the last word: up to the sentence end), sliced on demand."""

    def __init__(self, joined: str, start: list[int], end: list[int], s_end: int) -> None:
        self.joined, self.start, self.end, self.s_end = joined, start, end, s_end

    def __getitem__(self, i: int) -> str:
        nxt = self.start[i + 1] if i + 1 < len(self.start) else self.s_end
        return self.joined[self.end[i] : nxt]


def _gap_marks(corpus: Corpus, at: np.ndarray, last: np.ndarray, s_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per word of ``at`` (``last``: is it its sentence's last word; ``s_end``: its sentence's end),
    from the text between it and the next word of its sentence (the last word: up to the
    sentence's end): is anything but white space, a period or an apostrophe there (a comma, a
    quote, a colon, a dash …; the last word: no), a quotation mark, a colon, anything but white
    space?"""
    from framing.core import chars as _chars

    word_start, word_end = corpus._word_bounds
    n = len(at)
    gap_start = word_end[at]
    gap_end = s_end.copy()
    nxt = np.minimum(at + 1, len(word_start) - 1)
    gap_end[~last] = word_start[nxt[~last]]
    lengths = np.maximum(gap_end - gap_start, 0)
    total = np.zeros(n + 1, np.int64)
    np.cumsum(lengths, out=total[1:])
    chars = np.repeat(gap_start - total[:-1], lengths) + np.arange(int(total[-1]))
    cls = corpus.char_classes[chars]
    cp = corpus.codepoints[chars]
    # the four marks as bits of one byte per character, or-ed over each gap in one pass
    marks = ((cls & (_chars.SPACE | _chars.PERIOD | _chars.APOSTROPHE)) == 0).view(np.uint8)
    marks |= _chars.in_char_table(_chars.char_table(_QUOTE_CHARS), cp).view(np.uint8) << 1
    marks |= (cp == ord(":")).view(np.uint8) << 2
    marks |= ((cls & _chars.SPACE) == 0).view(np.uint8) << 3
    some = lengths > 0
    firsts = total[:-1][some]
    gap = np.zeros(n, np.uint8)
    if len(firsts):
        gap[some] = np.bitwise_or.reduceat(marks, firsts)
    out = [(gap & (1 << bit)) != 0 for bit in range(4)]
    out[0] &= ~last
    return tuple(out)


def _base_word(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


#: Per word type: its string, as an object array (gathered for many words at once, in C).
WORD_STRING = TypeColumn("word string", lambda word: word, object)

#: Per word type: the word without a possessive ending ("ministry's" -> "ministry").
BASE_WORD = TypeColumn("word without possessive 's", _base_word, object)

#: Bits of :data:`NAME_BITS`: the base word is not a common word; it is an organisation or role
#: word; the word is an easy gerund ("Taking") that is no name when it opens the sentence.
_UNCOMMON, _ORG_OR_ROLE, _EASY_GERUND = 1, 2, 4


def _name_derive(word: str) -> int:
    lex = relation_lexicon()
    base = _base_word(word)
    return ((_UNCOMMON if base not in lex["common"] else 0) | (_ORG_OR_ROLE if base in lex["org_or_role"] else 0)
            | (_EASY_GERUND if word.endswith("ing") and word in _easy_words() else 0))


#: Per word type, what :func:`_name_words` needs of it.
NAME_BITS = TypeColumn("relation name-word bits", _name_derive, np.int64)


def _initialisms(corpus: Corpus, at: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """Per word of ``at``: is it capitalised, with the first two characters of its text (periods
    left out) an upper-case string (``str.isupper``)? The rules ask only of capitalised words,
    whose first character is upper case: the second then must not be lower or title case."""
    word_start, word_end = corpus._word_bounds
    out = np.zeros(len(at), bool)
    at = at[cap]
    if len(at) == 0:
        return out
    cp = corpus.codepoints
    start, end = word_start[at], word_end[at]
    second = start + 1
    period = second < len(cp)
    period[period] = cp[second[period]] == ord(".")
    second[period] += 1  # a period joins letters inside a word, never two in a row ("U.S")
    ok = second < end
    chars = cp[second[ok]]
    unique, inverse = np.unique(chars, return_inverse=True)
    low = np.array([chr(c).islower() or unicodedata.category(chr(c)) == "Lt" for c in unique.tolist()], bool)
    ok[ok] = ~low[inverse.reshape(-1)]
    out[cap] = ok
    return out


def _int_array(values: np.ndarray) -> array:
    """``values`` as an :class:`array.array` of 64-bit integers (indexing gives Python ints, as a list's would)."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out


class _Batch:
    """The per-word arrays of the candidate sentences' words as Python lists (positions: int arrays), converted once.

    ``lo``/``hi`` are the candidate sentences' first and one-past-last words (batch word indices);
    the lists hold only those words, sentence after sentence (``local[k]`` is where sentence ``k``
    starts in them).
    """

    def __init__(self, corpus: Corpus, in_quote: np.ndarray, sentences: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        lengths = hi - lo
        local = np.zeros(len(lo) + 1, np.int64)
        np.cumsum(lengths, out=local[1:])
        at = np.repeat(lo - local[:-1], lengths) + np.arange(int(local[-1]))
        self.local = local.tolist()
        types = corpus.word_types[at]
        word_start, word_end = corpus._word_bounds
        self.joined = corpus.joined
        self.w = corpus.type_values(WORD_STRING)[types].tolist()
        self.base = corpus.type_values(BASE_WORD)[types].tolist()
        # positions as machine integers (array "q"): one copy instead of an int object per word; the
        # rules read a few positions per sentence, and a slice per sentence is a copy of its bytes
        self.start = _int_array(word_start[at])
        self.end = _int_array(word_end[at])
        cap = corpus.word_is_capitalized[at]
        self.cap = cap.tolist()
        self.quoted = in_quote[at].tolist()
        last = np.zeros(len(at), bool)
        last[local[1:] - 1] = True
        s_end = np.repeat(corpus._sentence_bounds[1][sentences], lengths)
        broken, quote_after, colon_after, marked = _gap_marks(corpus, at, last, s_end)
        self.broken = broken.tolist()
        self.quote_after = quote_after.tolist()
        self.colon_after = colon_after.tolist()
        # does the second word open the sentence (see _sentence_initial)? Only a gap with a mark needs the test
        first = local[:-1][lengths > 1]
        self.second_initial = set(first[~marked[first]].tolist())
        self.second_maybe = set(first[marked[first]].tolist())
        init = _initialisms(corpus, at, cap)
        self.init = init.tolist()
        bits = corpus.type_values(NAME_BITS)[types]
        uncommon, org_or_role, gerund = (bits & _UNCOMMON) != 0, (bits & _ORG_OR_ROLE) != 0, (bits & _EASY_GERUND) != 0
        # _is_name_word, for a word that does not open its sentence and for one that does
        self.name = (cap & (init | uncommon | org_or_role)).tolist()
        self.name_initial = (cap & (init | (~gerund & uncommon))).tolist()


class _Sentence:
    """The words of one candidate sentence, with what the rules ask of them."""

    __slots__ = ("base", "bk", "ca", "cap", "end", "gap", "index", "init", "name", "qa", "quoted", "s_end", "s_start", "start", "w")

    def __init__(self, batch: _Batch, index: int, lo: int, hi: int, s_end: int, s_start: int = -1) -> None:
        self.index = index
        self.s_start = s_start
        self.w = batch.w[lo:hi]
        self.base = batch.base[lo:hi]
        self.start = batch.start[lo:hi]
        self.end = batch.end[lo:hi]
        self.cap = batch.cap[lo:hi]
        self.quoted = batch.quoted[lo:hi]
        self.bk = batch.broken[lo:hi]
        self.qa = batch.quote_after[lo:hi]
        self.ca = batch.colon_after[lo:hi]
        self.init = batch.init[lo:hi]
        self.s_end = s_end
        self.gap = _Gaps(batch.joined, self.start, self.end, s_end)
        name = batch.name[lo:hi]
        # the first word opens the sentence, and so does the second after an opening quote (see _sentence_initial)
        if name:
            name[0] = batch.name_initial[lo]
            if lo in batch.second_initial or lo in batch.second_maybe and _sentence_initial(self, 1):
                name[1] = batch.name_initial[lo + 1]
        self.name = name

    def joined_word(self, i: int) -> str:
        """The text of word ``i`` as written (``w`` holds it lower-cased)."""
        return self.gap.joined[self.start[i] : self.end[i]]

    def broken(self, i: int) -> bool:
        """Punctuation (a comma, a quote, a colon, a dash …) between word ``i`` and the next."""
        return self.bk[i]

    def clause_ends(self, i: int) -> bool:
        return i + 1 >= len(self.w) or self.bk[i]

    def initialism(self, i: int) -> bool:
        return self.init[i]


def _match(words: list[str], i: int, table: dict, gaps: list[str]) -> list:
    """Phrases of ``table`` that start at word ``i`` (only white space between their words)."""
    out = []
    for item in table.get(words[i], ()):
        phrase = item[0] if isinstance(item[0], tuple) else item
        k = len(phrase)
        if tuple(words[i : i + k]) == phrase and all(gaps[j].strip() == "" for j in range(i, i + k - 1)):
            out.append(item)
    return out


#: Words that join two parts of a source noun phrase, read leftwards from its head (:func:`_np_left`) and
#: rightwards from its first word (:func:`_np_right`); module constants, not sets built per call.
_LEFT_JOINERS = frozenset(("of", "for", "at", "on", "and", "from", "with", "in"))
_RIGHT_JOINERS = frozenset(("of", "for", "at", "on", "and", "from"))


def _np_left(s: _Sentence, head: int, lex: dict) -> int:
    """First word of the noun phrase that ends at ``head``."""
    if s.w[head] in lex["pronouns"]:
        return head
    first = head
    joiners = _LEFT_JOINERS
    while first > 0 and head - first < MAX_SOURCE_WORDS - 1:
        j = first - 1
        if s.bk[j]:
            # "the group's director, Tom Lee": a role before a comma and a name
            break
        word = s.w[j]
        if word in ("that", "which", "what", "whether", "if"):
            break
        if word in joiners:
            if j > 0 and not s.bk[j - 1] and (s.cap[j - 1] or s.w[j - 1] in lex["role_nouns"] or s.w[j - 1] in lex["vague_nouns"]
                                                   or s.w[j - 1] in lex["document_nouns"]) and any(s.cap[k] for k in range(first, head + 1)):
                first = j - 1
                continue
            break
        if word in lex["stop_heads"] and word not in lex["determiners"]:
            break
        if word in lex["all_verbs"] and not s.cap[j] and word not in lex["role_nouns"]:
            break
        if word in lex["skip"] and word not in lex["quantifiers"] and word not in lex["titles"]:
            break
        first = j
        if word in lex["determiners"]:
            # "a spokesperson for the Air Force": a role joined to the institution it speaks for
            k = j - 1
            if (word == "the" and k > 0 and s.w[k] in ("for", "of", "at", "from") and not s.bk[k] and not s.bk[k - 1]
                    and (s.w[k - 1] in lex["role_nouns"] or s.w[k - 1] in lex["vague_nouns"] or s.w[k - 1] in lex["document_nouns"])):
                first = k - 1
                continue
            break
    return first


def _np_right(s: _Sentence, at: int, lex: dict) -> tuple[int, int]:
    """The noun phrase that starts at word ``at`` (after a cue): its first and last word, or (-1, -1)."""
    n = len(s.w)
    if at >= n:
        return -1, -1
    if s.w[at] == "those" and at + 1 < n and not s.bk[at] and s.w[at + 1] in ("on", "in", "who", "familiar", "close", "involved", "opposed"):
        return at, at  # "criticized by those on the right", "according to those familiar with the talks"
    if s.w[at] in ("that", "this", "these", "those", "which", "what", "whether", "if", "how", "why", "when"):
        return -1, -1
    first = at
    last = -1
    i = at
    joiners = _RIGHT_JOINERS
    while i < n and i - at < MAX_SOURCE_WORDS:
        word = s.w[i]
        if word in lex["determiners"] or word in lex["quantifiers"]:
            if last >= 0 and word not in ("the",):
                break
        elif word in joiners:
            if last < 0 or i + 1 >= n or not (s.cap[i + 1] or s.w[i + 1] in ("the", "a")):
                break
        elif last >= 0 and not s.cap[i] and word not in lex["nouns"] and (
                s.cap[last] or s.w[last] in lex["role_nouns"] or s.w[last] in lex["vague_nouns"] or s.w[last] in lex["document_nouns"]):
            break  # "Trade groups representing …": the phrase ends at its noun
        elif word in lex["stop_heads"] or (word in lex["all_verbs"] and not s.cap[i] and word not in lex["document_nouns"]
                                           and word not in lex["role_nouns"] and word not in lex["vague_nouns"]):
            break
        else:
            last = i
        if s.bk[i]:
            break
        i += 1
    if last < 0:
        return -1, -1
    return first, last


def _is_name_word(s: _Sentence, i: int, lex: dict) -> bool:
    if not s.cap[i]:
        return False
    word = s.w[i]
    if s.init[i]:
        return word not in ("i",)
    if _sentence_initial(s, i) and word.endswith("ing") and word in _easy_words():
        return False  # "Taking", "Building": a gerund that opens the sentence
    if word.endswith("'s") or word.endswith("\u2019s"):
        word = word[:-2]
    return word not in lex["common"] or (i > 0 and word in lex["org_or_role"] and not _sentence_initial(s, i))


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    from framing.core.resources import dale_chall_easy_words

    return dale_chall_easy_words()


_DOUBLE_QUOTES = frozenset(_QUOTE_CHARS)


def _voiced(s: _Sentence, k: int) -> bool:
    """Is word ``k`` (a first-person pronoun) inside a quotation, so that a speaker's *I* or *we* it is, not the writer's?
    Inside a paired quotation (:func:`framing.cues.quotes.quote_spans`), or after a quotation mark of its own sentence
    that nothing closes before it: an odd number of double marks, or a single mark that opens a word (``'I don't agree``)
    with no single mark closing one after it. The text of mangled pages ("?I think) and single-quoted quotations are
    left unpaired by the quotation pairing."""
    if s.quoted[k]:
        return True
    if s.s_start < 0:
        return False
    text = s.gap.joined[s.s_start : s.end[k]]  # with the word: an opening single mark is known by the letter after it
    if sum(text.count(c) for c in _DOUBLE_QUOTES) % 2 == 1:
        return True
    opened = False
    for m in _SINGLE_QUOTE_MARK.finditer(text):
        opened = m.group(1) is not None
    return opened


#: A single quotation mark that opens a word (group 1) or closes one (group 2).
_SINGLE_QUOTE_MARK = re.compile(r"(?:(?<![\w'\u2018\u2019])(['\u2018\u2019])(?=[A-Za-z]))|(?:(?<=[\w.,!?])(['\u2018\u2019])(?![\w]))")


def _sentence_initial(s: _Sentence, i: int) -> bool:
    return i == 0 or s.gap[i - 1].strip() in _QUOTE_CHARS and i == 1


def _base(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def classify(s: _Sentence, first: int, last: int, lex: dict) -> int:
    """The class (index into :data:`CLASSES`) of the source phrase ``s.w[first:last + 1]``."""
    words = s.w[first : last + 1]
    head = s.base[last]
    if words == ["those"]:
        return _VAGUE  # "those on the right", "those familiar with the talks"
    if head in lex["pronouns"] and last == first or (last == first and head in ("his", "her", "their", "its", "my", "our")):
        return _PRONOUN
    head_name = s.name[last] and not (head in lex["role_nouns"] and not s.cap[last])
    if head_name and head not in lex["parties"]:
        if last > first and any(
                s.w[i] in lex["role_nouns"] and not s.cap[i] and s.w[i + 1] in ("for", "of", "at", "with", "on")
                and (i == first or s.w[first] in ("a", "an", "the", "another", "one", "every")) for i in range(first, last)):
            return _DESCRIBED  # a role before a link: "a spokesperson for the Air Force"
        if head in lex["org_words"] or head in lex["places"] or s.init[last]:
            return _ORG
        # (the any() over range(first, last) are read only when the phrase has two words or more: no generator for one word)
        if last > first and any(s.base[i] in lex["org_words"] and s.cap[i] and s.w[i + 1] in ("of", "on", "for") for i in range(first, last)) and not any(
                s.base[k] in lex["titles"] for k in range(first, last + 1)):
            return _ORG  # "Intergovernmental Panel on Climate Change", "Bank of England" (not "Secretary of State Ann Lee")
        if last > first and s.name[last - 1] and s.base[last - 1] not in lex["org_title_place"]:
            return _PERSON  # "Secretary of State Corey Stapleton": a first and last name end the phrase
        if last == first and head.endswith("ans") and not s.init[last]:
            return _VAGUE  # "Montanans", "Europeans": a people, not a person
        linked = last > first and any(s.base[i] in lex["org_words"] and s.cap[i] for i in range(first, last)) and any(
            s.w[i] in ("of", "on", "for") for i in range(first, last))
        if linked:
            return _ORG
        if last > first and s.w[last - 1] in lex["org_words"] and s.cap[last - 1] and not any(
                s.base[i] in lex["titles"] for i in range(first, last)):
            return _ORG
        return _PERSON
    # (read only for a phrase whose head is no name)
    if words[0] in lex["quantifiers"] or (len(words) > 1 and " ".join(words[:2]) in lex["quantifiers"]):
        return _VAGUE  # quantified
    if head in lex["parties"]:
        return _DESCRIBED
    if words[0].replace(",", "").replace(".", "").isdigit() or "percent" in words:
        return _DESCRIBED
    definite = words[0] in lex["definite"] or any(w.endswith(("'s", "\u2019s")) for w in words[:-1])
    names = [i for i in range(first, last + 1) if s.name[i]]
    modified = bool([i for i in names if i != last and s.w[i] != "one"])
    if words[0] == "one" and len(words) == 2 and not modified and head not in lex["document_nouns"]:
        return _VAGUE  # "one observer", "one official": an anonymous singular
    if head in lex["document_nouns"]:
        if modified and any(s.w[i] in ("by", "from", "of") for i in range(first, last)):
            return _ORG
        named = [i for i in names if i != last and s.w[i] != "one"]
        if len(named) >= 2 or any(s.base[i] in lex["org_title_place"] or s.init[i] for i in named):
            return _ORG  # "a Congressional Budget Office report", "Washington's new court filing": a named organisation's document
        return _DESCRIBED if definite or modified else _VAGUE
    if head in lex["role_nouns"]:
        if modified or definite or words[0] in ("a", "an", "every", "each", "another", "one") and len(words) > 1 and (
                words[0] != "one") and head not in lex["vague_nouns"]:
            return _DESCRIBED
        if len(words) > 1 and words[0] in ("a", "an", "another", "every") and head not in lex["vague_nouns"]:
            return _DESCRIBED
        if head.endswith("s") and head not in ("police",) or head in lex["vague_nouns"]:
            return _VAGUE
        return _DESCRIBED
    if head in lex["vague_nouns"]:
        return _DESCRIBED if modified else _VAGUE
    if definite or modified:
        return _DESCRIBED
    return _VAGUE


def _subject(s: _Sentence, i: int, lex: dict) -> tuple[int, bool]:
    """The word a source before cue word ``i`` would end at (over ``skip`` words), and whether
    punctuation stands between it and the cue (an inversion or a parenthetical)."""
    j = i - 1
    while j >= 0 and not s.bk[j] and (s.w[j] in lex["skip"] or _adverb(s, j, lex)) and s.w[j] not in lex["pronouns"]:
        j -= 1
    if j < 0:
        return -1, False
    if s.bk[j] and j > 0 and s.w[j] in _PARENTHETICALS and s.bk[j - 1] and s.gap[j - 1].strip() == "," and s.gap[j].strip() == ",":
        return j - 1, False  # "Corn growers, however, support the mandate": over a parenthetical adverb
    return j, s.bk[j]


#: Adverbs set off by commas between a subject and its verb ("Corn growers, however, support").
_PARENTHETICALS = frozenset(("however", "meanwhile", "though", "too", "instead", "nevertheless", "likewise", "similarly", "also",
                             "separately", "moreover"))


def _adverb(s: _Sentence, j: int, lex: dict) -> bool:
    """A lower-case word in -ly that is not a source ("adamantly", "actively"; not "family", "Italy")."""
    word = s.w[j]
    return (len(word) > 4 and word.endswith("ly") and not s.cap[j] and word not in lex["role_nouns"]
            and word not in lex["vague_nouns"] and word not in ("family", "ally", "assembly", "supply", "daily", "weekly", "monthly"))


def _head_ok(s: _Sentence, j: int, lex: dict) -> bool:
    word = s.base[j]
    if word in lex["pronouns"]:
        return True
    if word in lex["stop_heads"] or word in lex["weak_subjects"]:
        return False
    if s.cap[j]:
        return True
    return (word in lex["vague_nouns"] or word in lex["role_nouns"] or word in lex["document_nouns"] or word in lex["parties"]
            or word == "percent" or _agent_plural(word, lex))


def _agent_plural(word: str, lex: dict) -> bool:
    """A plural noun of agents by its ending ("farmers", "investors", "activists", "retirees"), not a listed thing ("numbers")."""
    return (len(word) > 5 and word.endswith(lex["agent_plural_endings"]) and word not in lex["not_agent_plurals"] and word.isalpha()
            and not word.endswith("ments"))  # "-ents" names agents (residents, opponents), "-ments" never (commitments)


def sentence_relations(s: _Sentence, lex: dict, phrases: list[tuple[int, int, int]], exclusions: list[tuple[int, int]],
                       verb_at: list[int] | None = None, handles: list[int] = (), accounts: list[tuple[int, int]] = ()) -> list[dict]:
    """The relations of one sentence (see the module docstring): dicts of word indices and kinds.

    ``phrases`` are the sentence's cue-phrase matches (first word, last word, kind) and
    ``exclusions`` its exclusion-phrase matches (first word, last word), found for the whole batch
    by :class:`framing.cues.phrases.PhraseMatcher`; ``verb_at`` the words that may be verb cues
    (default: every word of a cue verb list); ``handles`` the words that are social-media handles
    before a colon (``@AP_Politics: …``, :func:`_handle_words`); ``accounts`` the (word, 1 or 2) candidates of
    :func:`_account_words`.
    """
    n = len(s.w)
    covered = [False] * n
    excluded = [False] * n
    for a, b in exclusions:
        if a > 0 and s.w[a] in lex["possessor_verb_nouns"] and not s.bk[a - 1] and (s.w[a - 1] in _POSSESSIVE_PRONOUNS or _possessive(s.w[a - 1])):
            continue  # "his support for the movement": a nominal cue after a possessive, not the bare noun "support for"
        for k in range(a, b + 1):
            excluded[k] = True
    found: list[dict] = []
    phrase_at: list[tuple[int, int, int]] = []
    # longest match first at each start, then left to right without overlap
    for a, b, kind in sorted(phrases, key=lambda m: (m[0], -m[1])):
        if covered[a] or excluded[a]:
            continue
        phrase_at.append((a, b, kind))
        for k in range(a, b + 1):
            covered[k] = True
    for i in verb_at if verb_at is not None else range(n):
        w = s.w[i]
        if covered[i] or excluded[i] or w not in lex["cue_words"] or i == 0:
            continue
        if s.cap[i] and not s.init[i] and not (s.qa[i - 1] or s.ca[i - 1]):
            continue  # "the United States", "Daily Shows": part of a name
        rel = _verb_relation(s, i, lex)
        if rel is not None:
            found.append(rel)
    for first, last, kind in phrase_at:
        rel = _phrase_relation(s, first, last, kind, lex, found)
        if rel is not None:
            found.append(rel)
    for h in handles:
        # "@AP_Politics: Ivanka Trump accepts …": a quoted post, the handle its source and cue (its colon the mark); a
        # handle that opens with an initialism ("AP_Politics", "NYTmag") is an outlet's, else a person's ("KFaulders")
        if not covered[h]:
            org = _ORG_HANDLE.match(s.joined_word(h))
            found.append({"cue": (h, h), "source": (h, h), "cls": _ORG if org else _PERSON, "kind": _SPEECH})
    for d, tag in accounts:
        rel = _account_relation(s, d, tag, lex) if not covered[d] and not excluded[d] else None
        if rel is not None:
            found.append(rel)
    found.sort(key=lambda r: r["cue"][0])
    # merge phrases right after a verb cue of the same clause: one relation ("said in a statement")
    merged: list[dict] = []
    for rel in found:
        prev = merged[-1] if merged else None
        if (prev is not None and rel.get("merge") and rel["cue"][0] - prev["cue"][1] <= MERGE_WORDS
                and not any(s.bk[k] for k in range(prev["cue"][1], rel["cue"][0]))):
            prev["cue"] = (prev["cue"][0], rel["cue"][1])
            continue
        if prev is not None and prev.get("merge") and rel["cue"][0] - prev["cue"][1] <= MERGE_WORDS and rel["kind"] == _SPEECH and (
                not any(s.bk[k] for k in range(prev["cue"][1], rel["cue"][0]))) and rel["source"] is not None and (
                prev["source"] is None or prev["source"] == rel["source"]):
            merged[-1] = rel  # "in an interview, Smith said": one relation, the verb's
            rel["cue"] = (prev["cue"][0], rel["cue"][1]) if False else rel["cue"]
            continue
        merged.append(rel)
    # participles and relatives: the source of the clause before
    for k, rel in enumerate(merged):
        if rel.get("inherit"):
            quoted = s.quoted[rel["cue"][0]]
            earlier = [r for r in merged[:k] if r["source"] is not None and s.quoted[r["cue"][0]] == quoted]
            if earlier:
                rel["source"] = earlier[-1]["source"]
                rel["cls"] = earlier[-1]["cls"]
                if s.base[rel["source"][1]] in lex["document_nouns"] and rel["kind"] in (_SPEECH, _BELIEF):
                    rel["kind"] = _DOCUMENT
            else:
                subject = _opening_subject(s, rel["cue"][0], lex)
                if subject is not None:
                    rel["source"] = subject
                    rel["cls"] = classify(s, subject[0], subject[1], lex)
                    if s.base[subject[1]] in lex["document_nouns"] and rel["kind"] in (_SPEECH, _BELIEF):
                        rel["kind"] = _DOCUMENT  # "The bill, introduced last year, calls for"
                elif rel.get("needs_source"):
                    rel["drop"] = True
    kept = [r for r in merged if not r.get("drop")]
    if len(kept) > 1 and any(r.get("alone") for r in kept):
        # "In a poll by Pew, 60 percent said …": the poll is the document of the sentence's other relation
        kept = [r for r in kept if not r.get("alone")]
    # a verb inside another relation's source is part of it ("according to some estimates")
    sources = [r["source"] for r in kept if r["source"] is not None]
    kept = [r for r in kept if not any(a <= r["cue"][0] <= b and r["source"] != (a, b) for a, b in sources)]
    # a sourceless merge phrase beside another relation of the sentence is that relation's ("Cruz, in remarks to ABC, said")
    if len(kept) > 1:
        kept = [r for r in kept if not (r.get("merge") and r["source"] is None)]
    return kept


def _account_relation(s: _Sentence, d: int, tag: int, lex: dict) -> dict | None:
    """A relation without a verb on a document or account noun ``d`` (see :func:`_account_words`): "In a Gallup poll last
    month, …" (``tag`` 1: a document cue opening its clause, closed by a comma within four words; kept only when the
    sentence holds no other relation) or "by NBC's reckoning", "by his own account" (``tag`` 2: the possessor is the source)."""
    n = len(s.w)
    if tag == 2:
        k = d - 1
        if k > 0 and s.w[k] == "own":
            k -= 1
        if k < 1 or s.w[k - 1] != "by" or any(s.bk[x] for x in range(k - 1, d)):
            return None
        word = s.w[k]
        if word in _POSSESSIVE_PRONOUNS:
            return {"cue": (k - 1, d), "source": (k, k), "cls": _PRONOUN, "kind": _SPEECH}
        if not (_possessive(word) and _head_ok(s, k, lex)):
            return None
        a = _np_left(s, k, lex)
        return {"cue": (k - 1, d), "source": (a, k), "cls": classify(s, a, k, lex), "kind": _SPEECH}
    # "In a/an/the … poll": "in" opens the sentence or follows punctuation; a determiner after it; no break up to the noun
    k = next((x for x in range(d - 1, max(d - 7, -1), -1) if s.w[x] == "in"), -1)
    if k < 0 or k + 1 >= d or s.w[k + 1] not in ("a", "an", "the", "its", "their", "his", "her") or (k > 0 and not s.bk[k - 1]):
        return None
    if any(s.bk[x] for x in range(k, d)) or any(s.w[x] in lex["all_verbs"] for x in range(k + 2, d)):
        return None
    end = next((x for x in range(d, min(d + 5, n)) if s.bk[x]), -1)
    if end < 0 or s.gap[end].strip() != ",":
        return None  # the phrase must close at a comma: "In a Gallup poll last month, …"
    return {"cue": (k, d), "source": (k + 1, d), "cls": classify(s, k + 1, d, lex), "kind": _DOCUMENT, "alone": True}


def _opening_subject(s: _Sentence, before: int, lex: dict) -> tuple[int, int] | None:
    """The subject that opens the sentence, for a participle cue after it: its first and last word
    (after a leading adverbial phrase and its comma: "In a livestream, Sanders …")."""
    start = 0
    if len(s.w) > 2 and s.w[0] in _PARENTHETICALS and s.bk[0]:
        start = 1  # "However, Sen. Rand Paul, Trump's former rival, said"
    if s.w and s.w[start] in lex["stop_heads"] and s.w[start] not in lex["determiners"]:
        comma = next((k for k in range(min(before, len(s.w))) if s.bk[k] and "," in s.gap[k]), -1)
        if comma < 0 or comma + 1 >= before:
            return None
        start = comma + 1
    first, last = _np_right(s, start, lex)
    if first < 0 or last >= before:
        return None
    if not _head_ok(s, last, lex) and not (s.w[first] in lex["determiners"] and s.w[last] not in lex["stop_heads"]):
        return None
    if s.w[last] in lex["first_person"] and not _voiced(s, last) or s.w[last] in _NOT_POSSESSIVE:
        return None  # the writer's own voice; "It's time to … and press for change"
    return first, last


#: Verbs of saying that invert before any determined noun phrase ('"…," said the airline's boss'); other verbs
#: of saying invert only before a source noun, since a determined phrase after them is mostly their object
#: (", denied the claims.", ", told the court.").
_INVERTING = frozenset(("said", "says", "added", "adds", "noted", "notes", "asked", "asks", "continued", "replied", "explained",
                        "wrote", "writes", "recalled", "observed", "stated", "declared", "announced", "confirmed", "reported",
                        "suggested", "warned", "cautioned", "argued", "insisted", "remarked", "commented", "concluded"))

#: Strong forms whose agentless passive is no report ("was admitted to hospital", "was declared the winner").
_NOT_PASSIVE_REPORTS = frozenset(("admitted", "declared", "recounted"))
#: Short adverbs between a form of *be* and a passive ("is now understood to", "was also accused of").
_BE_ADVERBS = frozenset(("now", "also", "still", "long", "often", "not", "even", "already", "since", "once", "always", "first"))
_AS_OR_BE = frozenset(("as", "was", "were", "is", "are", "been", "be", "being"))
#: Words that open a clause after a verb of knowing or feeling ("they know it's dead", "we knew she was").
_CLAUSE_OPENERS = frozenset(("he", "she", "they", "we", "i", "you", "there", "it's", "it\u2019s", "they're", "they\u2019re", "we're",
                             "we\u2019re", "he's", "he\u2019s", "she's", "she\u2019s", "i'm", "i\u2019m", "you're", "you\u2019re"))
_FINITE_BE = frozenset(("was", "is", "were", "are", "had", "has", "would", "will"))
#: As-passives of opinion (the rest of ``as_passives`` are of speech: "is presented as", "was referred to as").
_BELIEF_AS = frozenset(("seen", "viewed", "regarded", "perceived"))
_HEARSAY_PASSIVES = frozenset(("said", "believed", "thought", "understood", "expected", "suspected", "rumoured", "rumored"))
_BE = frozenset(("was", "were", "is", "are", "been", "be", "being"))
#: Pronouns with a contracted *would* that open a cue phrase ("we'd like to see", "he'd like to").
_D_CONTRACTIONS = frozenset(f"{p}{a}d" for p in ("i", "we", "he", "she", "they") for a in ("'", "\u2019"))
#: Contracted forms of *is* before a passive of hearsay ("that's expected to", "he's said to").
_BE_CONTRACTIONS = frozenset(("it's", "that's", "he's", "she's", "who's", "it\u2019s", "that\u2019s", "he\u2019s", "she\u2019s", "who\u2019s"))
#: Verbs of disclosure whose negated passive is a non-response with an implicit source ("the names were not disclosed").
_DISCLOSURES = frozenset(("announced", "disclosed", "revealed", "confirmed", "identified"))


#: Speech forms that :func:`_determined_np` does not make cues: adjectives and acts more often than reports.
_NOT_DETERMINED = frozenset(("alleged", "responded", "forecast", "estimated", "reported", "posted", "ruled", "continued", "claimed",
                             "threatened", "clarified", "underlined", "underscored"))
_PREPOSITIONS = frozenset(("with", "on", "in", "of", "about", "to", "from", "at", "for", "near", "by", "into", "over", "under", "across",
                          "among", "between", "against", "behind", "after", "before", "during", "within", "throughout"))


#: Belief and intention forms that are nouns as often as verbs ("a formidable support base", "the main suspect").
_NOUNISH = frozenset(("support", "suspect", "plan", "aim", "guess", "favor", "favour", "consider", "back", "see", "sees", "saw", "doubt",
                      "fear", "hope", "view", "views", "fears", "hopes", "doubts", "plans", "aims", "want", "wants"))


def _finite_stance(s: _Sentence, i: int, lex: dict) -> bool:
    """Can belief or intention word ``i`` be the finite verb of its clause after a determined noun phrase? Not a
    participle ("the two countries back opposing sides"), not after a form of *be* (a passive: "will be regarded
    as"), not a verb-or-noun form (:data:`_NOUNISH`), and an -ed form not before a preposition (a reduced
    relative: "1.5 million visitors expected over four days")."""
    w = s.w[i]
    if w.endswith("ing") or w in _NOUNISH or s.w[i - 1] in _BE:
        return False
    return not (w.endswith("ed") and (i + 1 >= len(s.w) or s.bk[i] or s.w[i + 1] in _PREPOSITIONS))


def _determined_np(s: _Sentence, j: int, lex: dict) -> bool:
    """Is word ``j`` the lower-case head of a noun phrase opened by a determiner or a possessive
    ("the 45-year-old", "one Free Syrian Army fighter", "Smith's lawyer")? A subject for a speech verb
    even when the head is in no source list."""
    word = s.w[j]
    if s.cap[j] or not word.replace("-", "").isalpha() or word in lex["stop_heads"] or word in lex["weak_subjects"] or (
            word in lex["all_verbs"] or word in lex["skip"] or word in lex["determiners"]):
        return False
    a = _np_left(s, j, lex)
    if a >= j or a > 0 and not s.bk[a - 1] and s.w[a - 1] in _PREPOSITIONS:
        return False  # "people familiar with the matter": the noun phrase of a preposition is no subject
    opener = s.w[a]
    return opener in ("the", "a", "an", "another", "one") or opener in _POSSESSIVE_PRONOUNS or _possessive(opener)


def _modified_noun(s: _Sentence, i: int, lex: dict) -> bool:
    """Is word ``i`` a noun after one or two lower-case modifiers that a determiner or a possessive opens ("its
    environmental pledges", "her other campaign promises")? Only asked of the verb forms that are nouns as often
    (``possessor_verb_nouns``). A modifier that can be a source noun ("campaign") makes it a noun only when no content
    can follow: at the end of the clause or before a preposition ("her campaign promises that …" is a relation)."""
    n = len(s.w)
    no_content = s.clause_ends(i) or i + 1 < n and s.w[i + 1] in _PREPOSITIONS and s.w[i + 1] != "to"
    k = i - 1
    while k >= 0 and i - k <= 2 and not s.bk[k] and not s.cap[k] and s.w[k].isalpha() and s.w[k] not in lex["all_verbs"] and (
            s.w[k] not in lex["stop_heads"] and s.w[k] not in lex["skip"] and s.w[k] not in lex["pronouns"] and not _adverb(s, k, lex)
            and s.w[k] not in lex["determiners"] and (no_content or s.w[k] not in lex["nouns"])):
        k -= 1
    if k == i - 1 or k < 0 or s.bk[k]:
        return False
    opener = s.w[k]
    return opener in ("the", "a", "an", "our", "my", "your") or opener in _POSSESSIVE_PRONOUNS or _possessive(opener)


def _control_verb(s: _Sentence, i: int, lex: dict) -> int:
    """The first word of a control verb before "to" and cue word ``i`` ("tried to frame", "went so far as to say"), or -1:
    the cue then takes the control verb's subject."""
    if i < 2 or s.w[i - 1] != "to" or s.bk[i - 2] or s.bk[i - 1]:
        return -1
    for k in (1, 2, 3, 4):  # "tried to", "went on to", "went as far to", "went so far as to"
        a = i - 1 - k
        if a >= 0 and tuple(s.w[a : i - 1]) in lex["control_verbs"] and not any(s.bk[x] for x in range(a, i - 1)):
            return a
    return -1


def _closes_quote(s: _Sentence, i: int, source: tuple[int, int] | None, lex: dict) -> bool:
    """Does cue word ``i`` end its clause right after a pronoun or name source that a closing quotation precedes
    ('"…," they continued.', '"…," Ms Lee explained, "…"')? A verb that needs *that* elsewhere is a verb of saying here."""
    if source is None or source[0] == 0 or not s.qa[source[0] - 1] or not s.clause_ends(i) or s.w[i] in ("called", "calls", "call"):
        return False
    last = source[1]
    return source[1] == i - 1 and (s.w[last] in lex["person_pronouns"] or s.w[last] == "they" or s.name[last]) and not (
        s.w[last] in lex["first_person"] and not _voiced(s, last))


def _quote_after_object(s: _Sentence, i: int) -> bool:
    """Does a quotation open within six words after cue word ``i``, after at least one word and no other punctuation
    ("called the plan “a disaster”"; not "characters called “Gilles”")?"""
    if s.qa[i]:
        return False  # 'a plan called "Frontera Sur"': a name
    for k in range(i + 1, min(i + 7, len(s.w) - 1)):
        if s.qa[k]:
            return True
        if s.bk[k]:
            return False
    return False


def _verb_relation(s: _Sentence, i: int, lex: dict) -> dict | None:
    n = len(s.w)
    w = s.w[i]
    verbs = lex["verbs"]
    nxt = s.w[i + 1] if i + 1 < n and not s.bk[i] else ""
    if nxt == "by":
        before = s.w[i - 1] if i > 0 else ""
        be_adverb = i > 1 and _adverb(s, i - 1, lex) and s.w[i - 2] in ("was", "were", "is", "are", "been", "be", "being")
        # "as reported by Reuters", "as first reported by the Times"
        be_adverb = be_adverb or before == "as" or (i > 1 and before in ("first", "originally", "previously") and s.w[i - 2] in _AS_OR_BE)
        # "…, slammed by environmental groups": a reduced passive of a public judgement opening its clause
        be_adverb = be_adverb or (i > 0 and s.bk[i - 1] and w in lex["passive_cues"])
        be_adverb = be_adverb or before in ("though", "although", "while")  # "Though criticised by some"
        if w in ("called", "calls"):
            return None  # "was called by the defence": a summons, not a report
        if before not in ("was", "were", "is", "are", "been", "be", "being", "widely", "overwhelmingly") and not be_adverb and (
                w not in verbs["belief"]):
            return None
        first, last = _np_right(s, i + 2, lex)
        if first < 0:
            return None
        kind = _DOCUMENT if s.base[last] in lex["document_nouns"] else (_BELIEF if w in verbs["belief"] else _SPEECH)
        return {"cue": (i, i + 1), "source": (first, last), "cls": classify(s, first, last, lex), "kind": kind}
    prev = s.w[i - 1] if i > 0 and not s.bk[i - 1] else ""
    if (prev in ("the", "a", "an", "his", "her", "their", "its", "our", "this", "that") or prev.endswith(("'s", "\u2019s")) and prev not in ("it's", "he's", "she's", "that's", "who's", "what's", "there's")) and not (
            prev == "that" and _relative_cue(w, lex) and _document_relative(s, i - 1, lex) is not None):
        if (nxt == "that" or nxt in lex["possessor_links"]) and w in lex["possessor_verb_nouns"]:
            return _possessor_relation(s, i, i + 1, lex)  # "her warning that", "the union's claim that": a noun
        return None  # "the party's expected nominee", "the reported death": an adjective
    if w in lex["possessor_verb_nouns"] and _modified_noun(s, i, lex):
        return None  # "its environmental pledges", "her other campaign promises": a noun after its modifiers
    be_at = i - 1 if prev in _BE else (i - 2 if i > 1 and s.w[i - 2] in _BE and prev and not s.bk[i - 2] and (
        prev in _BE_ADVERBS or _adverb(s, i - 1, lex)) else -1)
    if be_at >= 0 and be_at == i - 2 and w in _HEARSAY_PASSIVES and nxt in ("to", "that"):
        # "he is now understood to be", "it was widely believed that": passive hearsay over an adverb
        return {"cue": (be_at, i), "source": None, "cls": _VAGUE, "kind": _SPEECH if w == "said" else _BELIEF}
    if (w in _HEARSAY_PASSIVES and nxt == "to" and i + 2 < n and s.w[i + 2] in ("be", "have") and prev and not s.cap[i - 1]
            and (s.base[i - 1] in lex["nouns"] or s.w[i - 1] in ("man", "woman", "men", "women", "person", "people", "boy", "girl"))):
        # "a man suspected to have supplied the gun", "a woman believed to be in her 40s": reduced passive hearsay
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _SPEECH if w == "said" else _BELIEF}
    if i > 0 and s.w[i - 1] in _BE_CONTRACTIONS and not s.bk[i - 1] and w in _HEARSAY_PASSIVES and nxt in ("to", "that"):
        # "a move that's expected to hinder", "he's said to be": passive hearsay after a contracted "is"
        return {"cue": (i - 1, i), "source": None, "cls": _VAGUE, "kind": _SPEECH if w == "said" else _BELIEF}
    if w in lex["as_passives"] and (nxt == "as" or w == "referred" and nxt == "to" and i + 2 < n and s.w[i + 2] == "as"):
        if be_at >= 0 and s.w[be_at] != "be":
            # (not "will be regarded as", "cannot be seen as": a norm or a forecast of the writer's)
            # "the turnout was seen as", "it is presented as", "was always referred to as": an implicit source
            return {"cue": (be_at, i), "source": None, "cls": _VAGUE, "kind": _BELIEF if w in _BELIEF_AS else _SPEECH}
        if w not in lex["all_verbs"]:
            return None
    if be_at >= 0 and w.endswith("ed") and w not in verbs["belief"]:
        # a passive without "by": "it was reported that", "was widely criticised", "staff were told to": an implicit
        # source; "to" only before a verb ("was admitted to the WTO" is no report), and without "that" or "to"
        # only the strong forms and the public judgements of passive_cues ("was accused of", "was described as")
        after_to = s.w[i + 2] if nxt == "to" and i + 2 < n else ""
        to_verb = bool(after_to) and not s.cap[i + 2] and after_to not in lex["determiners"] and after_to.isalpha()
        judged = w in lex["passive_cues"] and (w != "described" or nxt == "as")
        # "Cause of death was not announced", "they are not being identified": a withheld disclosure (a non-response)
        withheld = w in _DISCLOSURES and "not" in s.w[max(0, be_at - 1) : i]
        if nxt == "that" or to_verb or w in lex["strong"] and w not in _NOT_PASSIVE_REPORTS or judged or withheld:
            return {"cue": (be_at, i), "source": None, "cls": _VAGUE, "kind": _SPEECH}
        return None
    control = _control_verb(s, i, lex)
    j, punct = _subject(s, control if control >= 0 else i, lex)
    source = None
    inverted = False
    after_quote = i > 0 and s.qa[i - 1]
    if j >= 0 and not punct and s.w[j] in ("who", "which") and j > 0 and s.bk[j - 1]:
        source = _antecedent(s, j, lex)
    elif j > 0 and not punct and s.w[j] in ("that", "which") and _relative_cue(w, lex) and (
            document := _document_relative(s, j, lex)) is not None:
        source = document  # "a Congressional Budget Office report that forecast", "a study by the Survey that highlighted"
    elif j >= 0 and not punct and s.w[j] in ("and", "but", "or") and j > 0:
        return _conjoined(s, i, j, lex)
    elif j >= 0 and not punct and _head_ok(s, j, lex):
        if s.w[j] in lex["first_person"] and not _voiced(s, j):
            return None  # the writer's own voice
        if s.w[j] == "who":
            antecedent = _antecedent(s, j, lex)
            source = antecedent
        else:
            source = (_np_left(s, j, lex), j)
    elif j >= 0 and not punct and (w in lex["strong"] or w.endswith("ed") and w in verbs["speech"] and w not in _NOT_DETERMINED or (
            w in verbs["belief"] or w in verbs["intention"]) and w not in verbs["speech"] and _finite_stance(s, i, lex)) and _determined_np(s, j, lex):
        source = (_np_left(s, j, lex), j)  # "one Free Syrian Army fighter say", "the 45-year-old told"
    elif (punct or after_quote or j < 0) and i + 1 < n and not w.endswith("ing"):
        first, last = _np_right(s, i + 1, lex)
        if first >= 0 and w in verbs["speech"] and (s.cap[last] or s.w[last] in lex["pronouns"] or s.w[first] in lex["determiners"] and (
                s.base[last] in lex["nouns"] | lex["parties"] or w in _INVERTING)) and (
                punct or after_quote) and s.w[last] not in lex["not_inverted"] and (
                s.clause_ends(last) or s.w[last + 1] in ("who", "which")):
            source, inverted = (first, last), True  # ", said the minister." (the clause ends after the source)
    if source is None and punct and not w.endswith("ing") and j >= 0 and s.gap[j].strip() == "," and s.name[j]:
        a = _np_left(s, j, lex)
        b = a + 1 if s.w[a] == "the" and a < j else a  # "the UK journal, The Lancet,"
        if a > 1 and all(s.name[x] for x in range(b, j + 1)) and s.gap[a - 1].strip() == "," and not s.name[a - 1] and (
                s.w[a - 1] in lex["role_nouns"] or s.w[a - 1] in lex["vague_nouns"] or s.base[a - 1] in lex["org_words"]
                or s.base[a - 1] in lex["document_nouns"] or s.base[a - 1] == "journal"):
            source = (a, j)  # "His chief of staff, Onyx Lorenzoni, accused": the name set off after its role
    if source is None and punct and not w.endswith("ing") and j >= 0:
        opening = _opening_subject(s, j + 1, lex)
        if opening is not None and opening[1] < j and s.bk[opening[1]]:
            source = opening  # "Douglas Lute, a former ambassador, said"
    # a relative "which" resolved to its antecedent is no weak subject ("a survey by Pew, which found that")
    weak_subject = j >= 0 and not punct and s.w[j] in lex["weak_subjects"] and not (s.w[j] in ("which", "that") and source is not None)
    strong = w in lex["strong"]
    is_speech, is_belief, is_intention, is_document = (w in verbs["speech"], w in verbs["belief"], w in verbs["intention"],
                                                       w in verbs["document"])
    participle = w.endswith("ing") and punct and source is None
    doc_subject = source is not None and s.base[source[1]] in lex["document_nouns"] and not inverted
    if weak_subject and s.w[j] == "it" and (is_speech or is_document):
        source = (j, j)  # "it says", "It calls for"
        doc_subject = False
    that = nxt == "that"
    colon_or_quote = s.ca[i] or (i + 1 < n and s.qa[i])
    kind = None
    cue_end = i
    particles = lex["particles"].get(w, [])
    if particles and nxt in particles:
        if w.startswith(("call", "push")) and nxt == "for":
            kind = _DOCUMENT if doc_subject else _BELIEF
            cue_end = i + 1
        elif nxt in ("out", "on", "upon", "to", "that"):
            cue_end = i + 1 if nxt in ("out", "on", "upon", "to") else i
            if nxt in ("on", "upon") and w.startswith("call") and source is not None and "to" in s.w[i + 2 : i + 10]:
                kind = _SPEECH  # "called on the government to resign": an appeal
    if kind is None and is_intention and (nxt == "to" or w == "considering") and source is not None and not weak_subject:
        if w.startswith("want") and i + 2 < n and s.w[i + 2] == "see":
            kind, cue_end = _BELIEF, i + 2
        else:
            kind, cue_end = _INTENTION, i + (1 if nxt == "to" else 0)
    if kind is None and is_speech and w not in lex["needs_that_or_called"]:
        if strong:
            kind = _SPEECH
        elif w in lex["weak_verbs"] or w in lex["needs_that"]:
            subj_ok = source is not None and (s.w[source[1]] in lex["pronouns"] or s.name[source[1]] or _agent_plural(s.base[source[1]], lex)
                                              or s.base[source[1]] in lex["nouns"])
            if inverted or that or colon_or_quote or (subj_ok and not (nxt[:1].isdigit())) or (after_quote and source is not None):
                kind = _SPEECH
        elif source is not None or that or colon_or_quote or inverted:
            kind = _SPEECH
        if kind == _SPEECH and doc_subject:
            kind = _DOCUMENT
    if kind is None and w in lex["gerund_speech"] and source is not None and not inverted and nxt.endswith("ing") and len(nxt) > 5 and (
            s.w[source[1]] in lex["pronouns"] or s.name[source[1]] or s.base[source[1]] in lex["nouns"]):
        kind = _SPEECH  # "the association proposed adopting a platform"
    if kind is None and w in ("called", "calls", "call") and source is not None and not inverted and (
            s.w[source[1]] in lex["pronouns"] or s.name[source[1]] or s.base[source[1]] in lex["nouns"]) and _quote_after_object(s, i):
        kind = _SPEECH  # "He has called climate science a “cult”", "The president called the notion a “waste of time”"
    if kind is None and is_speech and w in lex["needs_that"] and (that or colon_or_quote) and source is not None and not (
            w == "called" and not that and s.w[source[1]] not in lex["pronouns"] and not (source[0] > 0 and s.w[source[0] - 1] == "what")):
        kind = _SPEECH  # ("called" before a quote: "what he called “…”", not "masked characters called “Gilles”")
    if kind is None and is_speech and w in lex["needs_that"] and _closes_quote(s, i, source, lex):
        kind = _SPEECH  # '"We are ready," they continued.': the quotation is the content
    if kind is None and is_document and (doc_subject or (that and source is not None and not weak_subject)):
        kind = _DOCUMENT
    if kind is None and is_document and w not in lex["needs_that"] and not inverted:
        # "a 2014 study published in the Journal of Forestry found": a document noun among the words before
        far = _document_before(s, i, lex)
        if far is not None:
            source, kind = far, _DOCUMENT
    if kind is None and is_document and w in ("shows", "showed", "show", "suggests", "indicates", "found") and source is not None and (
            s.base[source[1]] in lex["document_nouns"] or s.w[source[1]] == "it" and that):
        kind = _DOCUMENT
    if kind is None and is_document and w in ("shows", "showed", "show", "suggests", "indicates") and not inverted and (
            source is None or s.base[source[1]] not in lex["document_nouns"] and not s.cap[source[1]]):
        far = _document_before(s, i, lex)  # "photos taken by passers-by show": the document, not the passers-by
        if far is not None:
            source, kind = far, _DOCUMENT
    reduced = w.endswith("ed") and nxt in _PREPOSITIONS and nxt != "about" and w not in ("worried", "learned", "learnt")
    if kind is None and is_belief and source is not None and not weak_subject and not inverted and not reduced:
        # (not "reduced": "1.5 million visitors expected over four days", "tubes supported on pylons" are participles)
        more = i + 1 < n and not s.clause_ends(i)
        belief_particles = lex["belief_particles"].get(w)
        if belief_particles and not (w.startswith("want") and nxt != "to"):
            window = s.w[i + 1 : i + 8]
            if any(p.split()[0] in window for p in belief_particles) and more:
                kind = _BELIEF
        elif w in lex["needs_that"]:
            clause = nxt in lex["pronouns"] and nxt not in ("it",) or nxt in ("there", "the", "a", "an", "this", "his", "her", "their")
            pronoun_clause = nxt in _CLAUSE_OPENERS or nxt in ("my", "his", "her", "their", "our") and any(
                x in _FINITE_BE for x in s.w[i + 2 : i + 5])  # "I felt my heart was going to stop"
            if that or clause and w in ("concluded", "decided", "learned", "learnt", "assumed", "assume", "assumes", "understand", "understands") or (
                    pronoun_clause and w in lex["clause_verbs"]):
                kind = _BELIEF
        elif w in ("expect", "expects", "expected") and nxt == "to" and more and s.w[i - 1] not in _BE:
            kind = _BELIEF  # "the bank expects to cut 500 jobs": an expectation ascribed to the bank
        elif w in ("want", "wants", "wanted", "wanting") and nxt == "to":
            kind = None
        elif more and nxt not in ("to", "so", "it", "by", "as", "for", "about", "up", "out", "off", "back", "down"):
            kind = _BELIEF
        elif more and nxt == "it" and w not in ("support", "supports", "supported", "backed", "backs", "oppose", "opposes", "opposed"):
            kind = _BELIEF
        elif more and nxt == "it" and (s.base[source[1]] == "percent" or s.base[source[1]] in lex["vague_nouns"] and not s.cap[source[1]]):
            kind = _BELIEF  # "36 percent opposed it", "voters backed it": a stance of people ("the fund backed it" is not)
    if kind is None and participle and (is_speech or is_belief) and w in lex["participle_cues"] and (w not in lex["needs_that"] or that):
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _BELIEF if w in ("supporting", "opposing", "backing") else _SPEECH,
                "inherit": True, "needs_source": True}
    if kind is None:
        return None
    if kind == _SPEECH and source is None and not strong:
        if w.endswith("ing"):
            return {"cue": (i, cue_end), "source": None, "cls": _VAGUE, "kind": kind, "inherit": True, "needs_source": True}
        return None
    if source is None:
        if w.endswith("ing") and punct:
            return {"cue": (i, cue_end), "source": None, "cls": _VAGUE, "kind": kind, "inherit": True}
        return {"cue": (i, cue_end), "source": None, "cls": _VAGUE, "kind": kind}
    if s.w[source[1]] in lex["first_person"] and not _voiced(s, source[1]):
        return None
    cls = classify(s, source[0], source[1], lex)
    if kind in (_SPEECH, _BELIEF, _INTENTION) and s.base[source[1]] in lex["document_nouns"] and cls != _PRONOUN and not inverted:
        kind = _DOCUMENT
    return {"cue": (i, cue_end), "source": source, "cls": cls, "kind": kind}


#: Words a finding verb may look back over for its document noun ("a 2018 analysis of the data found").
DOCUMENT_WINDOW = 8


def _document_before(s: _Sentence, i: int, lex: dict) -> tuple[int, int] | None:
    """The noun phrase of the nearest document noun among the :data:`DOCUMENT_WINDOW` words before
    cue word ``i``, with no clause break between (its first and last word), or None."""
    for j in range(i - 1, max(i - 1 - DOCUMENT_WINDOW, -1), -1):
        if s.bk[j] and j != i - 1 and s.gap[j].strip() not in (",",):
            return None
        if s.w[j] in ("that", "which", "who", "and", "but", "because", "when", "while", "if"):
            return None
        if s.base[j] in lex["document_nouns"] and not (s.cap[j] and j > 0):
            return _np_left(s, j, lex), j
    return None


def _relative_cue(w: str, lex: dict) -> bool:
    """A verb that a document may head through a relative *that* ("a report that found"): finding and speech verbs, not
    those that need *that* ("a 2005 law that requires": the purpose of a law ascribes nothing)."""
    return (w in lex["verbs"]["document"] or w in lex["verbs"]["speech"]) and w not in lex["needs_that"]


def _document_relative(s: _Sentence, that: int, lex: dict) -> tuple[int, int] | None:
    """The document noun phrase a relative *that*/*which* (word ``that``) opens on: a document noun right before it, or
    before a *by*/*of*/*from* phrase of a name ("a study by the U.S. Geological Survey that"), with no punctuation between."""
    for j in range(that - 1, max(that - 1 - DOCUMENT_WINDOW, -1), -1):
        if s.bk[j]:
            return None
        if s.base[j] in lex["document_nouns"] and not s.cap[j]:
            return _np_left(s, j, lex), (that - 1 if j + 1 < that and s.w[j + 1] in ("by", "of", "from") else j)
        if not (s.cap[j] or s.w[j] in ("by", "of", "from", "the", "a", "an")):
            return None
    return None


def _conjoined(s: _Sentence, i: int, j: int, lex: dict) -> dict | None:
    """A cue after "and"/"but" whose subject is the clause's ("Kudlow likened the deal … and called for"):
    marked to inherit the source of the relation before it in the sentence."""
    w = s.w[i]
    n = len(s.w)
    nxt = s.w[i + 1] if i + 1 < n and not s.bk[i] else ""
    verbs = lex["verbs"]
    if w in lex["needs_to"] or w in ("want", "wants", "wanted"):
        if nxt != "to":
            return None
        return {"cue": (i, i + 1), "source": None, "cls": _VAGUE, "kind": _INTENTION, "inherit": True, "needs_source": True, "conj": True}
    if w in lex["particles"] and nxt == "for" and w.startswith(("call", "push")):
        return {"cue": (i, i + 1), "source": None, "cls": _VAGUE, "kind": _BELIEF, "inherit": True, "needs_source": True, "conj": True}
    if w in lex["strong"] or (w in verbs["speech"] and (nxt == "that" or i + 1 < n and s.ca[i])):
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _SPEECH, "inherit": True, "needs_source": True, "conj": True}
    if w in ("called", "calls") and _quote_after_object(s, i):
        # "… and called Newsom the “poster boy”": call X Y after "and", the clause's source
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _SPEECH, "inherit": True, "needs_source": True, "conj": True}
    if (w in verbs["speech"] and w not in lex["needs_that_or_called"] and (w.endswith("ed") or w in lex["strong"]) and i + 1 < n
            and not s.clause_ends(i) and nxt not in ("to", "up", "out", "off", "down", "by") and not any(x in _BE for x in s.w[j + 1 : i])):
        # "Trump appeared to revert to campaign mode and scolded the media": a public statement with its target
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _SPEECH, "inherit": True, "needs_source": True, "conj": True}
    if w in ("shows", "showed", "found", "suggests", "indicates") and i + 1 < n and not s.clause_ends(i):
        # "the video does not show what … but shows Brown leaving": a document kind when the source is a document
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _SPEECH, "inherit": True, "needs_source": True, "conj": True}
    if (w in verbs["belief"] and w not in lex["needs_that"] and w not in lex["belief_particles"] and w not in _NOUNISH and i + 1 < n
            and not s.clause_ends(i) and nxt not in ("to", "so", "it", "by", "as", "for", "about", "up", "out", "off", "back", "down")):
        # "Kudlow likened the deal to socialism and welcomed the vote"
        return {"cue": (i, i), "source": None, "cls": _VAGUE, "kind": _BELIEF, "inherit": True, "needs_source": True, "conj": True}
    return None


def _antecedent(s: _Sentence, who: int, lex: dict) -> tuple[int, int] | None:
    """The noun phrase before ", who": its first and last word."""
    j = who - 1
    if j < 0:
        return None
    if not _head_ok(s, j, lex):
        return None
    return _np_left(s, j, lex), j


def _possessor_relation(s: _Sentence, first: int, last: int, lex: dict) -> dict | None:
    """A nominal cue "<noun> that" after a possessive: "the minister's claim that", "her assertion that";
    the possessor is the source. Without a possessive there is no source to read ("the idea that")."""
    j = first - 1
    if j < 0 or s.bk[j]:
        return None
    word = s.w[j]
    if word in _POSSESSIVE_PRONOUNS:
        return {"cue": (first, last), "source": (j, j), "cls": _PRONOUN, "kind": _NOMINAL}
    if _possessive(word) and _head_ok(s, j, lex):
        a = _np_left(s, j, lex)
        if s.w[a] in lex["first_person"] and not _voiced(s, a):
            return None
        return {"cue": (first, last), "source": (a, j), "cls": classify(s, a, j, lex), "kind": _NOMINAL}
    return None


def _content_noun_relation(s: _Sentence, first: int, last: int, lex: dict) -> dict | None:
    """A content noun before "that" and a clause ("revelations that Mr Flynn had misled", "a Fox25 report that a manager had"):
    a nominal cue whose source is the name right before the noun, else implicit. The clause must open with a determiner,
    a pronoun, a name or a number and run on for three words (not a relative clause: "the report that was released")."""
    n = len(s.w)
    k = last + 1
    j = first - 1
    if j >= 0 and not s.bk[j] and (s.w[j].endswith(("'s", "\u2019s")) or s.w[j] in _POSSESSIVE_PRONOUNS):
        return _possessor_relation(s, first, last, lex)  # "her warning that": the possessor is the source
    if k + 2 >= n or s.bk[last] or any(s.bk[x] for x in range(k, k + 2)):
        return None
    opener = s.w[k]
    if not (opener in _CLAUSE_DETERMINERS or s.cap[k] or opener[:1].isdigit()) or opener in lex["all_verbs"]:
        return None
    j = first - 1
    if j >= 0 and not s.bk[j] and s.name[j] and s.w[j] not in lex["first_person"]:
        a = _np_left(s, j, lex)
        return {"cue": (first, last), "source": (a, j), "cls": classify(s, a, j, lex), "kind": _NOMINAL}
    if j >= 0 and not s.bk[j] and (s.w[j].endswith(("'s", "\u2019s")) or s.w[j] in ("his", "her", "their", "its", "my", "our")):
        return _possessor_relation(s, first, last, lex)  # "her warning that": the possessor is the source
    return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": _NOMINAL}


#: Words that open a content clause after a content noun and "that".
_CLAUSE_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "there", "he", "she", "they", "it",
                                 "we", "i", "some", "many", "most", "no", "more", "several"))


#: Words in 's that are no possessives ("it's", "that's").
_NOT_POSSESSIVE = frozenset(("it's", "he's", "she's", "that's", "who's", "what's", "there's", "here's", "let's",
                             "it\u2019s", "he\u2019s", "she\u2019s", "that\u2019s", "who\u2019s", "what\u2019s", "there\u2019s"))
#: The possessive pronouns of third persons that open a source's noun phrase ("his support for").
_POSSESSIVE_PRONOUNS = ("his", "her", "their", "its")


def _possessive(word: str) -> bool:
    """Is ``word`` a possessive in 's ("Lee's", "the agency's"), not a contraction ("it's")?"""
    return word.endswith(("'s", "\u2019s")) and word not in _NOT_POSSESSIVE


def _phrase_relation(s: _Sentence, first: int, last: int, kind: int, lex: dict, found: list[dict]) -> dict | None:
    n = len(s.w)
    words = tuple(s.w[first : last + 1])
    if kind == _NOMINAL and len(words) == 2 and (words[1] == "that" or words[1] in lex["possessor_links"]) and words[0] in lex["possessor_nouns"]:
        rel = _possessor_relation(s, first, last, lex)
        if rel is not None or words[1] != "that" or words[0] not in lex["content_nouns"]:
            return rel
    if kind == _NOMINAL and len(words) == 2 and words[1] == "that" and words[0] in lex["content_nouns"]:
        return _content_noun_relation(s, first, last, lex)
    if kind == _NOMINAL and len(words) == 3 and words[0] in _POSSESSIVE_PRONOUNS and words[2] == "that":
        return {"cue": (first + 1, last), "source": (first, first), "cls": _PRONOUN, "kind": _NOMINAL}  # "her claim that"
    if words[0] in _D_CONTRACTIONS:
        # "“We'd like to see something more data-driven”", "he'd like to show the President": the pronoun is the source
        if words[0][0] in ("i", "w") and not _voiced(s, first):
            return None  # the writer's own wish
        return {"cue": (first, last), "source": (first, first), "cls": _PRONOUN, "kind": kind}
    if len(words) == 3 and words[0] == "in" and words[1] in _POSSESSIVE_PRONOUNS:
        # "In his view, …", "in their words": the possessive pronoun is the source
        return {"cue": (first, last), "source": (first + 1, first + 1), "cls": _PRONOUN, "kind": kind}
    text = " ".join(words)
    if text in ("when asked", "when questioned", "after being asked"):
        # "when asked whether he believed": the asker is implicit; the cue needs a question or its topic after it
        if last + 1 < n and not s.clause_ends(last) and s.w[last + 1] in ("whether", "if", "about", "what", "why", "how", "who", "to", "for", "when", "by"):
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": _SPEECH}
        return None
    if text in ("reportedly", "purportedly", "allegedly") or text.startswith(("the court", "the jury")) or text in (
            "have been told", "has been told", "were told", "was told") and not (first > 0 and _head_ok(s, first - 1, lex)):
        return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": _SPEECH}
    if words[-1] in ("to", "by", "from", "among", "of", "in", "with") and kind in (_SPEECH, _NOMINAL, _BELIEF) and (words[0] in (
            "according", "criticism", "the", "an", "a", "calls", "demands", "warnings", "is", "was", "in") or kind == _NOMINAL and words[-1] in (
            "from", "by")) and text not in (
            "would like to", "in favour of", "in favor of") and not (words[0] in ("is", "was") and words[-1] != "by"):
        a, b = _np_right(s, last + 1, lex)
        if a < 0:
            return None
        if s.w[b] in lex["first_person"] and not _voiced(s, b):
            return None
        cls = classify(s, a, b, lex)
        k = kind
        if words[0] == "according":
            k = _DOCUMENT if s.base[b] in lex["document_nouns"] and cls != _PRONOUN else _SPEECH
        if text == "in an interview with":
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": _SPEECH, "merge": True}
        return {"cue": (first, last), "source": (a, b), "cls": cls, "kind": k}
    if kind == _DOCUMENT and words[0] == "under":
        return {"cue": (first, first), "source": (first + 1, last), "cls": classify(s, first + 1, last, lex), "kind": _DOCUMENT}
    if words[0] in _BE and words[-1] == "as" and len(words) >= 3:
        # "was seen as", "is widely viewed as": the one seen is no source; the viewers are implicit
        return {"cue": (first, last - 1), "source": None, "cls": _VAGUE, "kind": _BELIEF}
    merge = words in lex["merge"]
    j, punct = _subject(s, first, lex)
    if words in (("put", "it"), ("puts", "it")):
        # "as one analyst put it": only after "as" and its source
        if j < 0 or punct or not _head_ok(s, j, lex):
            return None
        a = _np_left(s, j, lex)
        if a == 0 or s.w[a - 1] != "as" or s.w[j] in lex["first_person"] and not _voiced(s, j):
            return None
        return {"cue": (first, last), "source": (a, j), "cls": classify(s, a, j, lex), "kind": _SPEECH}
    source = None
    if j >= 0 and not punct and _head_ok(s, j, lex):
        if s.w[j] in lex["first_person"] and not _voiced(s, j):
            return None
        if s.w[j] in lex["weak_subjects"] and kind not in (_DOCUMENT, _BELIEF):
            return None
        source = (_np_left(s, j, lex), j) if s.w[j] != "who" else _antecedent(s, j, lex)
    if words[0] in ("is", "are", "was", "were") and words[-1] in ("believed", "thought", "expected", "said", "understood", "suspected"):
        # "it is believed that", "he is said to be": the source is implicit (vague)
        k = _SPEECH if words[-1] == "said" else _BELIEF
        if j >= 0 and not punct and s.w[j] == "it":
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": k}
        if last + 1 < n and (s.w[last + 1] in ("to", "that") or words[-1] == "suspected" and s.w[last + 1] == "of"):
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": k}  # "is suspected of paying"
        return None
    if source is None:
        if merge:
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": _SPEECH, "merge": True}
        if kind == _NOMINAL:
            return None
        if j > 0 and not punct and s.w[j] in ("and", "but") and kind in (_SPEECH, _BELIEF, _INTENTION):
            # "Kudlow likened the deal to socialism and called for …", "had remarried and wanted to move on"
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": kind, "inherit": True, "needs_source": True, "conj": True}
        if words[0].endswith("ing") or punct:
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": kind, "inherit": True, "needs_source": True}
        if kind in (_SPEECH,) and words[0] in ("declined", "refused", "did", "didn't", "has", "could"):
            return {"cue": (first, last), "source": None, "cls": _VAGUE, "kind": kind, "inherit": True, "needs_source": True}
        return None
    cls = classify(s, source[0], source[1], lex)
    k = kind
    if s.base[source[1]] in lex["document_nouns"] and cls != _PRONOUN:
        k = _DOCUMENT
    rel = {"cue": (first, last), "source": source, "cls": cls, "kind": k}
    if merge:
        rel["merge"] = True
    return rel


def relations(corpus: Corpus) -> Relations:
    """Every attribution relation of a batch (computed once per batch and cached).

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).

    Returns
    -------
    Relations

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Ana Ruiz said the plan was sound. She wants to run again, according to reports."])
    >>> found = relations(corpus)
    >>> [CLASSES[c] for c in found.source_class], [CLASSES[c] for c in found.resolved_class]
    (['named_person', 'pronoun', 'vague'], ['named_person', 'named_person', 'vague'])
    """
    cached = _CACHE.get(corpus)
    if cached is not None:
        return cached
    lex = relation_lexicon()
    types = corpus.word_types
    if len(types) == 0:
        result = _empty()
        _CACHE[corpus] = result
        return result
    flags = corpus.type_values(IS_CUE_VERB)[types]
    word_sentence = corpus.word_sentence
    word_start, word_end = corpus._word_bounds
    cue_matcher, exclusion_matcher = _phrase_matchers()
    p_start, p_end, p_label = cue_matcher.spans(corpus)
    p_first, p_last = np.searchsorted(word_start, p_start), np.searchsorted(word_end, p_end)
    p_kind = _label_kinds(cue_matcher.labels)[p_label]
    e_start, e_end, _ = exclusion_matcher.spans(corpus)
    e_first, e_last = np.searchsorted(word_start, e_start), np.searchsorted(word_end, e_end)
    verb_words = _verb_candidates(corpus, flags)
    handle_words = _handle_words(corpus)
    account_words, account_tags = _account_words(corpus)
    candidates = unique_ints(np.concatenate((word_sentence[verb_words], word_sentence[p_first], word_sentence[handle_words],
                                             word_sentence[account_words])))
    v_sentence = word_sentence[verb_words]
    v_lo, v_hi = np.searchsorted(v_sentence, candidates), np.searchsorted(v_sentence, candidates, side="right")
    p_sentence, e_sentence = word_sentence[p_first], word_sentence[e_first]
    # verb, phrase, exclusion, handle and account rows as word indices within their sentence, for the whole batch
    # at once (each candidate sentence then takes a slice of each list); sentence_first[k]: the first word of
    # sentence k (of the next one with words when it has none; one past the last word at the end)
    sentence_first = np.searchsorted(word_sentence, np.arange(len(corpus._sentence_bounds[0]) + 1))
    v_rows = (verb_words - sentence_first[v_sentence]).tolist()
    lo, hi = sentence_first[candidates], sentence_first[candidates + 1]
    spans = quote_spans(corpus)
    from framing.core.chars import covered

    in_quote = covered(spans.start, spans.end, word_start.astype(np.int64))
    interview = _interview_answers(corpus)
    in_quote |= interview
    rows: list[tuple] = []
    sentence_doc = corpus.sentences.doc
    batch = _Batch(corpus, in_quote, candidates, lo, hi)
    # quotations as lists, sorted by start; their ends are sorted too (no quotation holds another)
    span_lists = (spans.start.tolist(), np.maximum.accumulate(spans.end).tolist() if len(spans) else [], spans.doc.tolist())
    sentence_end = corpus._sentence_bounds[1]
    p_lo, p_hi = np.searchsorted(p_sentence, candidates), np.searchsorted(p_sentence, candidates, side="right")
    e_lo, e_hi = np.searchsorted(e_sentence, candidates), np.searchsorted(e_sentence, candidates, side="right")
    p_base = sentence_first[p_sentence]
    p_rows = list(zip((p_first - p_base).tolist(), (p_last - p_base).tolist(), p_kind.tolist()))
    h_sentence = word_sentence[handle_words]
    h_lo, h_hi = np.searchsorted(h_sentence, candidates).tolist(), np.searchsorted(h_sentence, candidates, side="right").tolist()
    h_rows = (handle_words - sentence_first[h_sentence]).tolist()
    a_sentence = word_sentence[account_words]
    a_lo, a_hi = np.searchsorted(a_sentence, candidates).tolist(), np.searchsorted(a_sentence, candidates, side="right").tolist()
    a_rows = list(zip((account_words - sentence_first[a_sentence]).tolist(), account_tags.tolist()))
    e_base = sentence_first[e_sentence]
    e_rows = list(zip((e_first - e_base).tolist(), (e_last - e_base).tolist()))
    local = batch.local
    s_starts = corpus._sentence_bounds[0][candidates].tolist()
    for k, (index, pa, pb, ea, eb, va, vb, s_end, doc_of_sentence) in enumerate(zip(
            candidates.tolist(), p_lo.tolist(), p_hi.tolist(), e_lo.tolist(), e_hi.tolist(), v_lo.tolist(),
            v_hi.tolist(), sentence_end[candidates].tolist(), sentence_doc[candidates].tolist())):
        s = _Sentence(batch, index, local[k], local[k + 1], s_end, s_starts[k])
        for rel in sentence_relations(s, lex, p_rows[pa:pb], e_rows[ea:eb], v_rows[va:vb], h_rows[h_lo[k] : h_hi[k]],
                                      a_rows[a_lo[k] : a_hi[k]]):
            c0, c1 = rel["cue"]
            src = rel["source"]
            if src is not None:
                src_start, src_end = s.start[src[0]], s.end[src[1]]
                key = s.base[src[1]]  # (the word without a possessive 's, as _base gives it)
                pronoun_word = s.w[src[1]] if rel["cls"] == _PRONOUN else ""
            else:
                src_start = src_end = -1
                key = pronoun_word = ""
            content = _content(s, rel, span_lists, doc_of_sentence)
            rows.append((doc_of_sentence, index, rel["kind"], rel["cls"], s.start[c0], s.end[c1], src_start, src_end,
                         content[0], content[1], key, pronoun_word))
    if not rows:
        result = _empty()
        _CACHE[corpus] = result
        return result
    rows.sort(key=itemgetter(4))
    cols = list(zip(*rows))
    doc = np.array(cols[0], np.int64)
    cls = np.array(cols[3], np.int8)
    resolved, keys = _resolve(corpus, doc, cls, np.array(cols[6], np.int64), np.array(cols[4], np.int64), list(cols[10]), list(cols[11]),
                              np.array(cols[8], np.int64), np.array(cols[9], np.int64), spans)
    result = Relations(
        doc=doc, sentence=np.array(cols[1], np.int64), kind=np.array(cols[2], np.int8), source_class=cls,
        resolved_class=resolved, cue_start=np.array(cols[4], np.int64), cue_end=np.array(cols[5], np.int64),
        source_start=np.array(cols[6], np.int64), source_end=np.array(cols[7], np.int64),
        content_start=np.array(cols[8], np.int64), content_end=np.array(cols[9], np.int64),
        source_key=np.array(keys, dtype=object),
    )
    _CACHE[corpus] = result
    return result


#: A social-media handle before a colon and white space ("@AP_Politics: …"); :func:`_handle_words` leaves out those
#: inside a word or an e-mail address.
_HANDLE = re.compile(r"@([A-Za-z0-9_]{1,30}):(?=\s)")
#: An organisation's handle: two capitals and no lower-case letter next, or three capitals ("@AP_Politics", "@NYTmag").
_ORG_HANDLE = re.compile(r"[A-Z]{2}(?![a-z])|[A-Z]{3}")


def _handle_words(corpus: Corpus) -> np.ndarray:
    """The words (batch word indices, sorted) that are a handle of :data:`_HANDLE`: one regular-expression pass
    over the batch's text, and none when it holds no "@"."""
    joined = corpus.joined
    if "@" not in joined:
        return np.zeros(0, np.int64)
    # (a literal "@" first lets the regular-expression engine skip to each "@"; the character before is checked here)
    starts = np.array([m.start(1) for m in _HANDLE.finditer(joined) if m.start() == 0 or not (
        joined[m.start() - 1].isalnum() or joined[m.start() - 1] in "@._")], np.int64)
    if len(starts) == 0:
        return starts
    word_start = corpus._word_bounds[0]
    at = np.minimum(np.searchsorted(word_start, starts), len(word_start) - 1)
    return at[word_start[at] == starts].astype(np.int64)


#: A line that opens with this marks the interviewer's question in a Wikinews interview.
INTERVIEWER_MARK = "((WN))"


def _interview_answers(corpus: Corpus) -> np.ndarray:
    """Per word: is it in an interview answer (a document with :data:`INTERVIEWER_MARK` lines,
    outside those lines)? The interviewee's *I* there is a source, as inside a quotation."""
    word_start = corpus._word_bounds[0]
    out = np.zeros(len(word_start), bool)
    docs = [d for d, text in enumerate(corpus.texts) if INTERVIEWER_MARK in text]
    if not docs:
        return out
    line_start, line_end, _ = corpus._line_bounds
    joined = corpus.joined
    for d in docs:
        lo, hi = int(corpus.offsets[d]), int(corpus.offsets[d]) + len(corpus.texts[d])
        a, b = np.searchsorted(word_start, [lo, hi])
        out[a:b] = True
        for k in range(int(np.searchsorted(line_start, lo)), int(np.searchsorted(line_start, hi))):
            if joined.startswith(INTERVIEWER_MARK, int(line_start[k])):
                out[np.searchsorted(word_start, line_start[k]) : np.searchsorted(word_start, line_end[k])] = False
    return out


def _empty() -> Relations:
    e = np.zeros(0, np.int64)
    b = np.zeros(0, np.int8)
    return Relations(doc=e, sentence=e, kind=b, source_class=b, resolved_class=b, cue_start=e, cue_end=e, source_start=e,
                     source_end=e, content_start=e, content_end=e, source_key=np.zeros(0, object))


def _content(s: _Sentence, rel: dict, spans, doc: int) -> tuple[int, int]:
    """The content span of a relation (see the module docstring), as positions in ``corpus.joined``."""
    c0, c1 = rel["cue"]
    src = rel["source"]
    left = min(c0, src[0]) if src is not None else c0
    right = max(c1, src[1]) if src is not None else c1
    # a quotation that closes right before the source and cue, or opens right after them
    q_start, q_end, q_doc = spans
    if q_start:
        k = bisect.bisect_right(q_end, s.start[left]) - 1
        if k >= 0 and q_doc[k] == doc and s.start[left] - q_end[k] <= 3:
            start, end = q_start[k], q_end[k]
            after = bisect.bisect_left(q_start, s.end[right])
            if after < len(q_start) and q_doc[after] == doc and q_start[after] - s.end[right] <= 3:
                end = q_end[after]
            return start, end
        after = bisect.bisect_left(q_start, s.end[right])
        if after < len(q_start) and q_doc[after] == doc and q_start[after] - s.end[right] <= 3:
            return q_start[after], q_end[after]
    n = len(s.w)
    if right + 1 < n:
        start = right + 1
        if s.w[start] == "that" and start + 1 < n:
            start += 1
        return s.start[start], s.end[n - 1]
    if left > 0:
        return s.start[0], s.end[left - 1]
    return -1, -1


#: A possessive pronoun source ("his claim that") resolves as its subject form.
_SUBJECT_FORM = {"his": "he", "their": "they", "its": "it", **{w: w[:-2] for w in _D_CONTRACTIONS}}  # "we'd" resolves as "we"


def _resolve(corpus: Corpus, doc: np.ndarray, cls: np.ndarray, src_start: np.ndarray, cue_start: np.ndarray, keys: list[str],
             pronoun_words: list[str], content_start: np.ndarray, content_end: np.ndarray, spans) -> tuple[np.ndarray, list[str]]:
    """Resolved classes and named-source keys: every pronoun takes the class of what it refers to."""
    from framing.cues.attribution import name_runs

    out_keys = [k if c in (_PERSON, _ORG) else "" for k, c in zip(keys, cls.tolist())]
    pronouns = np.flatnonzero(cls == _PRONOUN)
    if len(pronouns) == 0:
        return cls.copy(), out_keys
    two_word_runs = None
    cls_l = cls.tolist()
    resolved = list(cls_l)
    position = np.where(src_start >= 0, src_start, cue_start).tolist()
    c_start, c_end = content_start.tolist(), content_end.tolist()
    doc_first = np.searchsorted(doc, np.arange(corpus.n_docs + 1)).tolist()  # relations are sorted by position, so by document
    doc_l = doc.tolist()
    for r in pronouns.tolist():
        word = _SUBJECT_FORM.get(pronoun_words[r], pronoun_words[r])
        d = doc_l[r]
        lo, hi = doc_first[d], doc_first[d + 1]
        here = position[r]
        target = None
        if word in ("i", "me", "we", "us", "you", "my", "our"):
            # inside a quotation: the speaker, the relation whose content holds the pronoun
            holders = [k for k in range(lo, hi) if k != r and c_start[k] >= 0
                       and c_start[k] <= here < c_end[k] and cls_l[k] != _PRONOUN]
            if not holders and INTERVIEWER_MARK in corpus.texts[d]:
                resolved[r] = _PERSON  # the interviewee
                continue
            if not holders:
                # the speaker's cue usually follows the quotation ("“I think so,” she said"); else the one before
                near = [k for k in range(r + 1, min(r + 4, hi)) if pronoun_words[k] not in _FIRST_PERSON]
                near += [k for k in range(r - 1, max(r - 4, lo - 1), -1) if pronoun_words[k] not in _FIRST_PERSON]
                holders = near[:1]
            if holders:
                target = holders[0]
                resolved[r] = resolved[target] if resolved[target] != _PRONOUN else _VAGUE
                out_keys[r] = out_keys[target]
            else:
                resolved[r] = _VAGUE
            continue
        # the nearest earlier source of the document (doc is sorted with the position) that fits the pronoun
        if word in ("he", "she", "him", "her"):
            target = next((k for k in range(r - 1, lo - 1, -1) if cls_l[k] == _PERSON and position[k] < here), None)
        elif word in ("they", "them", "it", "this"):
            target = next((k for k in range(r - 1, lo - 1, -1) if cls_l[k] != _PRONOUN and cls_l[k] != _PERSON and position[k] < here),
                          None)
        if target is not None:
            resolved[r] = resolved[target]
            out_keys[r] = out_keys[target]
        elif word in ("he", "she", "him", "her"):
            if two_word_runs is None:
                run_first, run_last = name_runs(corpus)
                two_word_runs = corpus._word_bounds[0][run_first[run_last > run_first]]
            start = corpus.offsets[d]
            has_name = np.searchsorted(two_word_runs, here) > np.searchsorted(two_word_runs, start)
            resolved[r] = _PERSON if has_name else _VAGUE
        elif word in ("it", "this"):
            resolved[r] = _DESCRIBED
        else:
            resolved[r] = _VAGUE
    return np.array(resolved, np.int8), out_keys


def describe(corpus: Corpus, i: int) -> str:
    """The ``key=value`` label of relation ``i`` (document offsets), as evidence items carry it.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Experts say the bridge is safe."])
    >>> describe(corpus, 0)
    'relation kind=speech source_class=vague resolved_class=vague cue=8:11 source=0:7 content=12:30'
    """
    found = relations(corpus)
    offset = int(corpus.offsets[found.doc[i]])

    def span(a: int, b: int) -> str:
        return f"{a - offset}:{b - offset}" if a >= 0 else "-"

    return (f"relation kind={KINDS[found.kind[i]]} source_class={CLASSES[found.source_class[i]]} "
            f"resolved_class={CLASSES[found.resolved_class[i]]} cue={span(found.cue_start[i], found.cue_end[i])} "
            f"source={span(found.source_start[i], found.source_end[i])} content={span(found.content_start[i], found.content_end[i])}")


_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _is_claim_word(word: str) -> bool:
    if any(c.isdigit() for c in word):
        return not _YEAR.match(word)
    claims = relation_lexicon()["claims"]
    return word in claims["figure_words"] or word in claims["study_words"]


#: Per word type: is it a figure (digits, not a year) or a figure or study word of the ``claims`` lists?
IS_CLAIM_WORD = TypeColumn("claim word", _is_claim_word, bool)


def sentence_relation_counts(corpus: Corpus) -> np.ndarray:
    """How many relations have their cue in each sentence of ``corpus.sentences``.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> sentence_relation_counts(segment(["He said she thought the sky was green. The sky is blue."])).tolist()
    [2, 0]
    """
    return np.bincount(relations(corpus).sentence, minlength=len(corpus._sentence_bounds[0]))


def unsourced_claims(corpus: Corpus) -> np.ndarray:
    """Whether each sentence is an **unsourced specific claim**.

    A sentence of at least ``claims.min_words`` words (``relation_cues.json``) that holds a figure
    (a word with a digit that is not a year such as 2019) or a figure or study word (*percent,
    million, total, survey, study, report, data …*), with no relation cue in it, in the sentence
    before it or in the sentence after it (both of the same document).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> text = "Reports have put the total at 4,000 deaths this year. The mayor said 12 people were hurt."
    >>> unsourced_claims(segment([text])).tolist()
    [False, False]
    >>> unsourced_claims(segment(["Prices rose by 12 percent over the past year in the city."])).tolist()
    [True]
    """
    n_sentences = len(corpus._sentence_bounds[0])
    types = corpus.word_types
    if n_sentences == 0 or len(types) == 0:
        return np.zeros(n_sentences, bool)
    sentence = corpus.word_sentence
    words = np.bincount(sentence, minlength=n_sentences)
    claim = np.bincount(sentence[corpus.type_values(IS_CLAIM_WORD)[types]], minlength=n_sentences) > 0
    claim &= words >= relation_lexicon()["claims"]["min_words"]
    sourced = sentence_relation_counts(corpus) > 0
    doc = corpus.sentences.doc
    near = sourced.copy()
    same_prev = np.r_[False, doc[1:] == doc[:-1]]
    same_next = np.r_[doc[:-1] == doc[1:], False]
    near[1:] |= sourced[:-1] & same_prev[1:]
    near[:-1] |= sourced[1:] & same_next[:-1]
    return claim & ~near


def quote_speaker_classes(corpus: Corpus, start: np.ndarray, end: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """The resolved source class (index into :data:`CLASSES`) of the speaker of each quotation, or -1.

    The speaker is the source of the relation whose content holds the quotation's start, else of
    the first relation with its cue in a sentence the quotation touches (same document).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["\\u201cWe will rebuild the bridge,\\u201d Mayor Ann Lee said."])
    >>> [CLASSES[c] for c in quote_speaker_classes(corpus, np.array([0]), np.array([30]), np.array([0]))]
    ['named_person']
    """
    found = relations(corpus)
    out = np.full(len(start), -1, np.int64)
    if len(found) == 0 or len(start) == 0:
        return out
    s_start = corpus._sentence_bounds[0]
    for q, (a, b, d) in enumerate(zip(start.tolist(), end.tolist(), doc.tolist())):
        mine = np.flatnonzero(found.doc == d)
        holds = mine[(found.content_start[mine] >= 0) & (found.content_start[mine] <= a) & (a < found.content_end[mine])]
        if len(holds):
            out[q] = found.resolved_class[holds[0]]
            continue
        s0 = np.searchsorted(s_start, a, side="right") - 1
        s1 = np.searchsorted(s_start, max(b - 1, a), side="right") - 1
        touching = mine[(found.sentence[mine] >= s0) & (found.sentence[mine] <= s1)]
        if len(touching):
            out[q] = found.resolved_class[touching[0]]
    return out
