"""Framing: how a text frames its subject, scored with frame lexicons at sentence level.

Each *frame set* is a lexicon (:mod:`framing.cues.lexicon`: format, matching, negation, vetoes). Two
ship with the package (``framing/data/lexicons/``, see ``framing/data/PROVENANCE.md``):

``immigration``
    Security vs humanitarian framing of migration, written by the project (poles: humanitarian,
    security). Topic and legal-status words (migrant, immigration, asylum, refugee, deport) are
    the *topic condition*, never cues: a document is framed only when at least three of its
    sentences name migration (a fifth of a short text's), and a cue counts only within two
    sentences of one that does; any other document gets NaN frame scores and balance and
    ``on_topic`` 0 (``docs/frames.md``).
``generic``
    The generic news frames (conflict, economic, human interest, moral, resolution), cue weights
    learned from the Narrative Frames Corpus by ``models/train_generic_frames.py`` (model card
    ``models/generic_frames.md``).

Columns, for a frame set ``<set>`` and each of its frames ``<frame>``:

=====================================  ===========================================================
column                                 definition
=====================================  ===========================================================
``framing.<set>.<frame>``              share of the document's sentences that carry the frame: the
                                       weights of their counted cues sum to at least
                                       ``settings.sentence_threshold``; for a set whose lexicon
                                       names a ``sentence_model`` (the bundled ``immigration``),
                                       the model's probability reaches its threshold
``framing.<set>.<frame>_per_1k``       counted cues per 1,000 words
``framing.<set>.<frame>_score``        summed weights of counted cues per 1,000 words
``framing.<set>.balance``              two-pole sets: ``(W2 - W1) / (W2 + W1 + k)`` with ``W1``,
                                       ``W2`` the summed weights of the first and second pole and
                                       ``k = settings.balance_smoothing``; in (-1, 1), 0 without
                                       cues; with a sentence model ``W1``, ``W2`` are the numbers
                                       of sentences carrying each pole. ``immigration``: negative =
                                       humanitarian, positive = security
``framing.<set>.topic``                sets with a topic condition: share of the document's
                                       sentences that hold a topic term
``framing.<set>.on_topic``             sets with a topic condition: 1.0 when the document passed
                                       the topic gate, 0.0 when not; off topic, every column above
                                       except ``topic`` is NaN
=====================================  ===========================================================

A text without words gets NaN (``on_topic`` too). Evidence: every counted cue, labelled with its frame, pattern,
weight and the span of its sentence (``frame_cue``); with a sentence model, every sentence it gives a
frame, with its probability and cues (``frame_sentence``); :func:`cue_table` lists every match, with
the ones that did not count and why. The sentence model (``models/frame_sentences.md``,
``docs/frames.md``): :func:`sentence_model`, :func:`sentence_features`, :func:`role_features`,
:func:`stem_bigrams`.

Examples
--------
>>> import framing
>>> df = framing.score(["Migrants were arrested for smuggling.", "Migrants were rescued from smugglers."],
...                    signals="framing")
>>> df[["framing.immigration.security", "framing.immigration.humanitarian"]].to_numpy().tolist()
[[1.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.core.chars import unique_ints
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.resources import data_text
from framing.core.segment import Corpus, segment
from framing.core.vocabulary import STEMS, TypeColumn
from framing.cues.lexicon import BUNDLED, Lexicon, LexiconError, Matches, load_lexicon, match
from framing.families.base import FunctionFamily

NAME = "framing"

LexiconLike = str | Path | Mapping[str, Any] | Lexicon


def lexicons(chosen: Iterable[LexiconLike] | LexiconLike | None = None) -> list[Lexicon]:
    """The frame sets to score: the bundled ones by default, else ``chosen`` loaded and checked.

    Parameters
    ----------
    chosen : lexicon or list of lexicons, optional
        Each a bundled name (``"immigration"``, ``"generic"``), a ``.toml``/``.json`` path, a dict
        in the lexicon format or a :class:`~framing.cues.lexicon.Lexicon`.

    Examples
    --------
    >>> [lex.name for lex in lexicons()]
    ['immigration', 'generic']
    """
    if chosen is None:
        chosen = BUNDLED
    elif isinstance(chosen, (str, Path, Mapping, Lexicon)):
        chosen = [chosen]
    loaded = [load_lexicon(item) for item in chosen]
    names = [lex.name for lex in loaded]
    if not loaded or len(set(names)) != len(names):
        raise ValueError(f"choose at least one frame set, each name once; got {names}")
    return loaded


def columns(chosen: Iterable[LexiconLike] | LexiconLike | None = None) -> list[str]:
    """The score columns of the chosen frame sets (the bundled ones by default)."""
    return [c for lex in lexicons(chosen) for c in lex.columns()]


COLUMNS: tuple[str, ...] = tuple(columns())


# -- the sentence model ------------------------------------------------------------------------------
#: The format tag of a sentence model file (``models/train_frame_sentences.py`` writes it).
SENTENCE_MODEL_FORMAT = "framing-frame-sentences/1"
_WORD = re.compile(r"[a-z]")
#: Whether a word type's stem holds a letter (the model's word features skip figures and marks),
#: computed once per type by the vocabulary rather than per batch.
STEM_HAS_LETTER = TypeColumn("stem with a letter", lambda word, stem: bool(_WORD.search(str(stem))), bool, needs=(STEMS,))


def lexicon_key(lexicon: Lexicon) -> str:
    """A short hash of everything in ``lexicon`` that changes its matches (not its prose): a sentence
    model records the key of the lexicon it was trained with, and refuses another."""
    key = json.dumps([lexicon.frames, lexicon.rules, lexicon.ignore, lexicon.topic, lexicon.topic_window, lexicon.topic_related,
                      lexicon.topic_min_sentences, lexicon.topic_min_share, lexicon.topic_min_terms, lexicon.topic_min_topical,
                      lexicon.settings], default=str)  # fmt: skip
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def dense_feature_names(lexicon: Lexicon) -> list[str]:
    """The names of the per-sentence features :func:`sentence_features` computes from the lexicon's
    matches (one block per frame, then the topic and position flags)."""
    names = []
    for frame in lexicon.frame_names:
        names += [f"{frame}.{n}" for n in ("weight", "carries", "near_weight", "any_weight", "negated", "vetoed", "doc_share", "veto_rule")]
    return names + ["topic.term", "topic.seed", "topic.seed_within_1", "topic.seed_within_4", "topic.doc_term_share",
                    "position.first", "length.log_words"]  # fmt: skip


def _neighbours(values: np.ndarray, doc: np.ndarray, reach: int = 1) -> np.ndarray:
    """Per sentence, the sum of ``values`` over the other sentences within ``reach`` of it (same document)."""
    out = np.zeros_like(values, dtype=np.float64)
    for shift in range(1, reach + 1):
        same = doc[shift:] == doc[:-shift]
        out[shift:] += np.where(same[:, None] if values.ndim == 2 else same, values[:-shift], 0)
        out[:-shift] += np.where(same[:, None] if values.ndim == 2 else same, values[shift:], 0)
    return out


def sentence_features(corpus: Corpus, lexicon: Lexicon, found: Matches) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The features of every sentence of a batch for a sentence model, computed at once.

    Returns
    -------
    dense : ndarray, shape (n_sentences, len(dense_feature_names(lexicon)))
        The lexicon's judgement of the sentence (per frame: counted cue weight, whether it carries
        the frame by the cue rule, counted weight in the neighbouring sentences, weight of its cues
        that fired (counted or outside their topic window; not negated, not vetoed), negated and vetoed cues, the share of the document's sentences
        carrying the frame), the topic flags (term, term or related word, one within 1 and 4
        sentences, the document's share of term sentences), first sentence, log word count.
    pair_sentence, pair_stem : ndarray
        Each distinct (sentence, Porter stem) of the batch's words with a letter: the sentence and
        an id of the stem (an index into ``stems``).
    stems : ndarray of str
        The stem of each id.
    """
    sentences = corpus.sentences
    n_sentences, n_docs, doc = len(sentences), corpus.n_docs, sentences.doc
    n_frames = len(lexicon.frames)
    per_sentence_count = sentences.per_doc(n_docs).astype(np.float64)

    def per(mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        keys = found.sentence[mask] * n_frames + found.frame[mask]
        values = None if weights is None else weights[mask]
        return np.bincount(keys, weights=values, minlength=n_sentences * n_frames).reshape(n_sentences, n_frames).astype(np.float64)

    framed = found.frame >= 0
    weight = per(found.counted & framed, found.weight)
    carries = weight >= lexicon.setting("sentence_threshold")
    any_weight = per(framed & np.isin(found.status, (0, 3)), found.weight)  # counted or off its window (not negated, not vetoed)
    negated = per(framed & (found.status == 1))
    vetoed = per(framed & (found.status == 2))
    near = _neighbours(weight, doc)
    carried = np.stack([corpus.per_doc_sum(doc, carries[:, f]) for f in range(n_frames)], axis=1) if n_frames else np.zeros((n_docs, 0))
    doc_share = np.divide(carried, per_sentence_count[:, None], out=np.zeros_like(carried), where=per_sentence_count[:, None] > 0)[doc]
    blocks = [np.log1p(weight), carries, np.log1p(near), np.log1p(any_weight), np.minimum(negated, 2), np.minimum(vetoed, 2), doc_share,
              vetoed_frames(lexicon, found, n_sentences)]  # fmt: skip
    dense = np.stack(blocks, axis=2).reshape(n_sentences, n_frames * len(blocks))
    term = found.term_sentences if found.term_sentences is not None else np.zeros(n_sentences, bool)
    seed = found.seed_sentences if found.seed_sentences is not None else term
    seed_f = seed.astype(np.float64)
    terms_per_doc = corpus.per_doc_sum(doc, term)
    term_share = np.divide(terms_per_doc, per_sentence_count, out=np.zeros(n_docs), where=per_sentence_count > 0)[doc]
    words_per_sentence = np.bincount(corpus.word_sentence, minlength=n_sentences).astype(np.float64)
    flags = np.column_stack([term, seed, seed | (_neighbours(seed_f, doc, 1) > 0), seed | (_neighbours(seed_f, doc, 4) > 0), term_share,
                             sentences.rank() == 0, np.log1p(words_per_sentence)]).astype(np.float64)  # fmt: skip
    dense = np.hstack([dense.astype(np.float64), flags])
    word_stem, stems = _word_stems(corpus)
    kept = corpus.word_values(STEM_HAS_LETTER) if len(word_stem) else np.zeros(0, bool)
    n_stems = max(len(stems), 1)
    keys = unique_ints(corpus.word_sentence[kept].astype(np.int64) * n_stems + word_stem[kept])
    return dense, keys // n_stems, keys % n_stems, stems


#: Word classes of the role features (Porter stems, as framing stems words): the people a sentence
#: may be about, acts done to them by authorities, harm and need they meet, passive auxiliaries,
#: negators and reporting verbs. No parser: nearness in words within the sentence stands in for
#: "who is acted on".
ROLE_WORDS: dict[str, frozenset[str]] = {
    "people": frozenset(["migrant", "immigr", "refuge", "asylum-seek", "asylum-seekers", "seeker", "deporte", "alien", "undocu", "famili", "children", "child", "kid", "peopl", "travel", "passeng", "student", "worker", "muslim", "person", "newcom", "foreign", "resid", "visitor", "mother", "father"]),
    "enforcement": frozenset(["detain", "detent", "deport", "arrest", "ban", "bar", "vet", "screen", "deni", "expel", "raid", "jail", "prosecut", "captur", "intercept", "block", "suspend", "remov", "exclud", "apprehend", "imprison", "seiz", "caught", "catch", "stop", "turn", "sent", "send", "return", "round", "crack", "punish", "charg", "convict"]),
    "harm": frozenset(["flee", "fled", "di", "dead", "death", "drown", "suffer", "separ", "shelter", "help", "welcom", "kill", "rescu", "starv", "injur", "persecut", "tortur", "abus", "strand", "trap", "escap", "fear", "victim", "harass", "traumat", "homeless", "care", "aid", "protect", "hungri", "sick", "threaten", "attack", "beaten"]),
    "passive": frozenset(["i", "ar", "wa", "were", "been", "be", "get", "got", "gotten", "becom"]),
    "negator": frozenset(["not", "never", "no", "without", "nor", "cannot", "neither"]),
    "reporting": frozenset(["said", "sai", "told", "accord", "claim", "tweet", "wrote"]),
}


def _role_mask(word: str, stem: str) -> int:
    """The role classes of a word type as bits (bit i: the i-th class of :data:`ROLE_WORDS`)."""
    stem = str(stem)
    mask = 0
    for bit, words in enumerate(ROLE_WORDS.values()):
        if stem in words:
            mask |= 1 << bit
    if stem.endswith("n't"):  # don't, won't, isn't: a negator
        mask |= 1 << list(ROLE_WORDS).index("negator")
    return mask


#: The role classes of each word type, computed once per type by the vocabulary.
ROLE_CLASSES = TypeColumn("role word classes", _role_mask, np.int64, needs=(STEMS,))
#: How many words apart two words count as near (same sentence).
ROLE_REACH = 4
#: The role features, per sentence (0/1): people near an enforcement word; an enforcement word
#: before people (``deport immigrants``, the people as its object) and after them (``immigrants
#: were deported``); people near a harm or need word; people before a harm word (``refugees
#: fled``); a passive auxiliary just before an enforcement or harm word (``were deported``,
#: ``were separated``); a negator just before one; a reporting verb in the sentence.
ROLE_FEATURES: tuple[str, ...] = (
    "people_near_enforcement", "enforcement_before_people", "people_before_enforcement", "people_near_harm",
    "people_before_harm", "passive_enforcement", "passive_harm", "negated_enforcement", "negated_harm", "reported",
)  # fmt: skip


def _word_stems(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Per word of the batch, the id of its Porter stem, and the stem of each id (object array)."""
    stem_ids = corpus.type_ids_of(STEMS)
    stem_values = corpus.type_values(STEMS)
    stems = np.empty(int(stem_ids.max()) + 1 if len(stem_ids) else 0, dtype=object)
    stems[stem_ids] = stem_values
    word_stem = stem_ids[corpus.word_types] if len(corpus.word_types) else np.zeros(0, np.int64)
    return word_stem, stems


def role_features(corpus: Corpus) -> np.ndarray:
    """The role features (:data:`ROLE_FEATURES`) of every sentence of a batch, shape
    ``(n_sentences, len(ROLE_FEATURES))``, 0/1.

    Nearness is counted in words within a sentence (:data:`ROLE_REACH`); the word classes are
    :data:`ROLE_WORDS`. A cheap stand-in for syntax: who is acted on (people next to enforcement
    verbs) against who suffers (people next to harm and need words), passives and negation.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> f = role_features(segment(["Border agents deported the migrants. The refugees fled the war."]))
    >>> first, second = (dict(zip(ROLE_FEATURES, row.tolist())) for row in f)
    >>> first["enforcement_before_people"], first["people_near_harm"], second["people_before_harm"]
    (1.0, 0.0, 1.0)
    """
    n_sentences = len(corpus.sentences)
    out = np.zeros((n_sentences, len(ROLE_FEATURES)))
    if not len(corpus.word_types):
        return out
    mask = corpus.word_values(ROLE_CLASSES)
    by_class = {name: (mask & (1 << bit)) != 0 for bit, name in enumerate(ROLE_WORDS)}
    sentence = corpus.word_sentence.astype(np.int64)
    n_words = len(sentence)

    def pairs(first: np.ndarray, second: np.ndarray, reach: int) -> np.ndarray:
        """Sentences where a ``first`` word comes 1..reach words before a ``second`` word."""
        hit = np.zeros(n_sentences, bool)
        for d in range(1, min(reach, n_words - 1) + 1):
            ok = first[:-d] & second[d:] & (sentence[:-d] == sentence[d:])
            hit[sentence[:-d][ok]] = True
        return hit

    people, enforcement, harm = by_class["people"], by_class["enforcement"], by_class["harm"]
    e_before_p, p_before_e = pairs(enforcement, people, ROLE_REACH), pairs(people, enforcement, ROLE_REACH)
    h_before_p, p_before_h = pairs(harm, people, ROLE_REACH), pairs(people, harm, ROLE_REACH)
    reported = np.zeros(n_sentences, bool)
    reported[sentence[by_class["reporting"]]] = True
    columns = [e_before_p | p_before_e, e_before_p, p_before_e, h_before_p | p_before_h, p_before_h,
               pairs(by_class["passive"], enforcement, 2), pairs(by_class["passive"], harm, 2),
               pairs(by_class["negator"], enforcement, 3), pairs(by_class["negator"], harm, 3), reported]  # fmt: skip
    return np.column_stack(columns).astype(np.float64)


def stem_bigrams(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct (sentence, stem bigram) of the batch: two consecutive words of a sentence, both
    with a letter, as ``"stem stem"``. Returns the sentences and the bigram strings (object array)."""
    if len(corpus.word_types) < 2:
        return np.zeros(0, np.int64), np.zeros(0, dtype=object)
    word_stem, stems = _word_stems(corpus)
    kept = corpus.word_values(STEM_HAS_LETTER)
    sentence = corpus.word_sentence.astype(np.int64)
    ok = kept[:-1] & kept[1:] & (sentence[:-1] == sentence[1:])
    n = max(len(stems), 1)
    pair = word_stem[:-1][ok].astype(np.int64) * n + word_stem[1:][ok]
    keys = unique_ints(sentence[:-1][ok] * (n * n) + pair)
    pair_ids, inverse = np.unique(keys % (n * n), return_inverse=True)
    strings = np.array([f"{stems[p // n]} {stems[p % n]}" for p in pair_ids], dtype=object)
    return keys // (n * n), strings[inverse]


def vetoed_frames(lexicon: Lexicon, found: Matches, n_sentences: int) -> np.ndarray:
    """``vetoed[sentence, frame]``: a rule of the lexicon (not hidden by a longer match) vetoes the
    frame in the sentence. A sentence model never gives a sentence a frame its rules veto."""
    out = np.zeros((n_sentences, len(lexicon.frames)), dtype=bool)
    vetoing: dict[str, set[int]] = {}
    for rule in lexicon.rules:
        if rule.veto:
            vetoing.setdefault(rule.pattern, set()).update(lexicon.frame_names.index(v) for v in rule.veto)
    live = (found.kind == 1) & (found.status != 4)
    for pattern, frames_vetoed in vetoing.items():  # a loop over the rules, not the matches
        at = found.sentence[live & (found.pattern == pattern)]
        for f in frames_vetoed:
            out[at, f] = True
    return out


def context_pairs(pair_sentence: np.ndarray, pair_stem: np.ndarray, doc: np.ndarray, n_stems: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (sentence, stem) pairs of each sentence's neighbours (the sentence before and
    after it in the same document)."""
    n_sentences = len(doc)
    out = []
    for shift in (-1, 1):
        target = pair_sentence + shift
        ok = (target >= 0) & (target < n_sentences)
        ok[ok] = doc[target[ok]] == doc[pair_sentence[ok]]
        out.append(target[ok] * max(n_stems, 1) + pair_stem[ok])
    keys = unique_ints(np.concatenate(out)) if out else np.zeros(0, np.int64)
    return keys // max(n_stems, 1), keys % max(n_stems, 1)


@dataclass(frozen=True)
class SentenceModel:
    """A linear sentence model per frame (read from JSON by :func:`sentence_model`)."""

    lexicon: str
    lexicon_key: str
    dense_names: tuple[str, ...]
    #: per frame: (name, intercept, threshold, dense coefficients, word coefficients, context
    #: coefficients), the word tables as Series by stem, built once when the model is read
    frames: tuple[tuple[str, float, float, np.ndarray, pd.Series, pd.Series], ...]
    #: the role features the model uses (:data:`ROLE_FEATURES`; empty: none), and per frame their
    #: coefficients and the stem-bigram coefficients (Series by ``"stem stem"``)
    role_names: tuple[str, ...] = ()
    extras: tuple[tuple[np.ndarray, pd.Series], ...] = ()

    def probabilities(self, corpus: Corpus, lexicon: Lexicon, found: Matches) -> tuple[list[str], np.ndarray]:
        """The model's probability per sentence and frame it covers: ``(frames, array (n_sentences, n))``."""
        if lexicon.name != self.lexicon or lexicon_key(lexicon) != self.lexicon_key:
            raise LexiconError(f"the sentence model of lexicon {lexicon.name!r} was trained with another version of it "
                               f"(key {self.lexicon_key}, now {lexicon_key(lexicon)}): retrain it (models/train_frame_sentences.py)")  # fmt: skip
        dense, pair_sentence, pair_stem, stems = sentence_features(corpus, lexicon, found)
        if list(self.dense_names) != dense_feature_names(lexicon):
            raise LexiconError(f"the sentence model of lexicon {lexicon.name!r} expects other features: retrain it")
        if self.role_names and tuple(self.role_names) != ROLE_FEATURES:
            raise LexiconError(f"the sentence model of lexicon {lexicon.name!r} expects other role features: retrain it")
        n_sentences = len(corpus.sentences)
        context = context_pairs(pair_sentence, pair_stem, corpus.sentences.doc, len(stems))
        index = pd.Index(stems.astype(str)) if len(stems) else pd.Index([], dtype=object)
        roles = role_features(corpus) if self.role_names else None
        needs_bigrams = any(len(b) for _, b in self.extras)
        bigram_sentence, bigram_key = stem_bigrams(corpus) if needs_bigrams else (None, None)
        out = np.zeros((n_sentences, len(self.frames)))
        for k, (_, intercept, _, dense_coef, words, context_words) in enumerate(self.frames):
            score = intercept + dense @ dense_coef
            for (sentence, stem), table in (((pair_sentence, pair_stem), words), (context, context_words)):
                if len(table) and len(sentence):
                    coef = table.reindex(index).fillna(0.0).to_numpy()
                    score = score + np.bincount(sentence, weights=coef[stem], minlength=n_sentences)
            if self.extras:
                role_coef, bigrams = self.extras[k]
                if roles is not None and len(role_coef):
                    score = score + roles @ role_coef
                if len(bigrams) and bigram_sentence is not None and len(bigram_sentence):
                    coef = bigrams.reindex(pd.Index(bigram_key.astype(str))).fillna(0.0).to_numpy()
                    score = score + np.bincount(bigram_sentence, weights=coef, minlength=n_sentences)
            out[:, k] = 1.0 / (1.0 + np.exp(-score))
        return [f[0] for f in self.frames], out

    def thresholds(self) -> np.ndarray:
        return np.array([f[2] for f in self.frames])


@lru_cache(maxsize=8)
def sentence_model(reference: str) -> SentenceModel:
    """Read a sentence model: a bundled data file name (``framing/data/<name>``) or a path to a JSON
    file written by ``models/train_frame_sentences.py``."""
    path = Path(reference)
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else data_text(reference)
        data = json.loads(text)
    except (OSError, ValueError) as error:
        raise LexiconError(f"cannot read the sentence model {reference!r}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != SENTENCE_MODEL_FORMAT:
        raise LexiconError(f"{reference!r} is not a sentence model (format {SENTENCE_MODEL_FORMAT!r})")
    names = tuple(data["dense_features"])
    role_names = tuple(data.get("role_features", ()))
    frames_out, extras = [], []
    for name, entry in data["frames"].items():
        coef = np.array([float(entry["dense"].get(n, 0.0)) for n in names])
        frames_out.append((name, float(entry["intercept"]), float(entry["threshold"]), coef,
                           pd.Series(entry.get("words", {}), dtype=np.float64),
                           pd.Series(entry.get("context", {}), dtype=np.float64)))  # fmt: skip
        extras.append((np.array([float(entry.get("roles", {}).get(n, 0.0)) for n in role_names]),
                       pd.Series(entry.get("bigrams", {}), dtype=np.float64)))  # fmt: skip
    return SentenceModel(data["lexicon"], data["lexicon_key"], names, tuple(frames_out), role_names, tuple(extras))


def _decisions(corpus: Corpus, lexicon: Lexicon, found: Matches) -> tuple[np.ndarray, np.ndarray | None]:
    """``carries[sentence, frame]`` by the set's sentence decision (the model's when the lexicon
    names one, else the cue rule), and the model's probabilities (NaN for frames it does not cover;
    None without a model). Sentences of documents off topic never carry a frame."""
    sentences = corpus.sentences
    n_frames = len(lexicon.frames)
    counted = found.counted
    per_sentence = np.bincount(found.sentence[counted] * n_frames + found.frame[counted], weights=found.weight[counted],
                               minlength=len(sentences) * n_frames).reshape(len(sentences), n_frames)  # fmt: skip
    carries = per_sentence >= lexicon.setting("sentence_threshold")
    if not lexicon.sentence_model:
        return carries, None
    model = sentence_model(lexicon.sentence_model)
    covered, probability = model.probabilities(corpus, lexicon, found)
    out = np.full((len(sentences), n_frames), np.nan)
    vetoed = vetoed_frames(lexicon, found, len(sentences))
    for k, name in enumerate(covered):
        f = lexicon.frame_names.index(name)
        out[:, f] = probability[:, k]
        carries[:, f] = (probability[:, k] >= model.thresholds()[k]) & ~vetoed[:, f]
    if found.on_topic_docs is not None and len(sentences):
        carries &= found.on_topic_docs[sentences.doc][:, None]
    return carries, out


def _scores(corpus: Corpus, lexicon: Lexicon, found: Matches) -> dict[str, np.ndarray]:
    n_docs = corpus.n_docs
    n_frames = len(lexicon.frames)
    sentences = corpus.sentences
    n_sentences = sentences.per_doc(n_docs).astype(np.float64)
    n_words = corpus.words.per_doc(n_docs).astype(np.float64)
    has_words = n_words > 0
    counted = found.counted
    frame, weight, sentence = found.frame[counted], found.weight[counted], found.sentence[counted]
    doc = sentences.doc[sentence]
    # which sentences carry each frame (the cue rule or the set's sentence model); summed weight per (document, frame)
    carries, _ = _decisions(corpus, lexicon, found)
    per_doc_weight = np.bincount(doc * n_frames + frame, weights=weight, minlength=n_docs * n_frames).reshape(n_docs, n_frames)
    per_doc_count = np.bincount(doc * n_frames + frame, minlength=n_docs * n_frames).reshape(n_docs, n_frames)

    def ratio(values: np.ndarray, by: np.ndarray, scale: float = 1.0) -> np.ndarray:
        return np.divide(values * scale, by, out=np.full(n_docs, np.nan), where=has_words & (by > 0))

    base = f"framing.{lexicon.name}"
    out: dict[str, np.ndarray] = {}
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}"] = ratio(corpus.per_doc_sum(sentences.doc, carries[:, f]), n_sentences)
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}_per_1k"] = ratio(per_doc_count[:, f].astype(np.float64), n_words, 1000.0)
    for f, name in enumerate(lexicon.frame_names):
        out[f"{base}.{name}_score"] = ratio(per_doc_weight[:, f], n_words, 1000.0)
    if lexicon.poles:
        first, second = (lexicon.frame_names.index(p) for p in lexicon.poles)
        w1, w2 = per_doc_weight[:, first], per_doc_weight[:, second]
        if lexicon.sentence_model:  # with a sentence model: the sentences that carry each pole
            w1 = corpus.per_doc_sum(sentences.doc, carries[:, first]).astype(np.float64)
            w2 = corpus.per_doc_sum(sentences.doc, carries[:, second]).astype(np.float64)
        denominator = w1 + w2 + lexicon.setting("balance_smoothing")
        balance = np.divide(w2 - w1, denominator, out=np.zeros(n_docs), where=denominator > 0)
        out[f"{base}.balance"] = np.where(has_words, balance, np.nan)
    if lexicon.topic and found.on_topic_docs is not None:
        # a document off topic is not framed: NaN frame scores and balance, on_topic 0
        off = ~found.on_topic_docs
        for name in list(out):
            out[name] = np.where(off, np.nan, out[name])
        out[f"{base}.topic"] = ratio(corpus.per_doc_sum(sentences.doc, found.term_sentences), n_sentences)
        out[f"{base}.on_topic"] = np.where(has_words, found.on_topic_docs.astype(np.float64), np.nan)
    return out


def _matches(corpus: Corpus, chosen) -> list[tuple[Lexicon, Matches]]:
    return [(lex, match(corpus, lex)) for lex in lexicons(chosen)]


def compute(corpus: Corpus, *, compat: str | None = None, lexicons: Any = None) -> dict[str, np.ndarray]:
    """Frame scores for every document of a segmented batch (``compat`` does not apply).

    Parameters
    ----------
    corpus : Corpus
    compat : ignored
    lexicons : optional
        The frame sets (see :func:`lexicons`); the bundled ones by default.

    Returns
    -------
    dict of column name to ndarray of shape (corpus.n_docs,)
    """
    result: dict[str, np.ndarray] = {}
    for lex, found in _matches(corpus, lexicons):
        result.update(_scores(corpus, lex, found))
    return result


def _label(lex: Lexicon, found: Matches, i: int, sentence_span: tuple[int, int]) -> str:
    frame = lex.frame_names[found.frame[i]]
    hedge = ", hedged" if found.hedged[i] else ""
    return f"{frame} cue '{found.pattern[i]}' (weight {found.weight[i]:g}{hedge}) in sentence {sentence_span[0]}–{sentence_span[1]}"


#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "frame_cue",
        "A cue that counts for a frame: a lexicon match not negated, vetoed, hidden or off topic (cue_table lists all).",
        ("framing.<set>.<frame>",),
        {"frame_set": "the frame set (lexicon) name", "frame": "the frame the cue counts for",
         "pattern": "the lexicon pattern that matched, as written in the lexicon", "weight": "the cue's weight",
         "hedged": "true when a hedge (could, allegedly) is among the negation_window words before it, "
                   "in its clause; the cue still counts",
         "sentence_start": "start of the cue's sentence", "sentence_end": "its end"},
    ),
    EvidenceCode(
        "frame_sentence",
        "A sentence that carries a frame by the frame set's sentence model (sets that name one, as the bundled immigration set does).",
        ("framing.<set>.<frame>", "framing.<set>.balance"),
        {"frame_set": "the frame set (lexicon) name", "frame": "the frame the sentence carries",
         "probability": "the sentence model's probability that the sentence carries the frame",
         "threshold": "the model's decision threshold (the sentence carries the frame at this probability or above)",
         "cues": "the patterns of the frame's counted cues in the sentence, '; '-joined (empty: the model decided without a cue)",
         "sentence_start": "start of the sentence", "sentence_end": "its end"},
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, lexicons: Any = None) -> list[Evidence]:
    """The counted cues of document ``doc``: one item per cue, for the column of its frame; and, for a
    set with a sentence model, one item per sentence the model says carries a frame.

    Codes (:data:`EVIDENCE_CODES`): ``frame_cue``, details ``frame_set``, ``frame``, ``pattern``,
    ``weight``, ``hedged``, ``sentence_start`` and ``sentence_end``, which the label says in words;
    ``frame_sentence``, details ``frame_set``, ``frame``, ``probability``, ``threshold``, ``cues``
    (the frame's counted cues in it), ``sentence_start`` and ``sentence_end``.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Officials said the migrants pose a threat to national security."])
    >>> [(e.code, e.text, e.signal) for e in evidence(corpus, 0, lexicons="immigration")]  # doctest: +NORMALIZE_WHITESPACE
    [('frame_cue', 'threat', 'framing.immigration.security'),
     ('frame_cue', 'national security', 'framing.immigration.security'),
     ('frame_sentence', 'Officials said the migrants pose a threat to national security.', 'framing.immigration.security')]
    >>> dict(evidence(corpus, 0, lexicons="immigration")[0].details)  # doctest: +NORMALIZE_WHITESPACE
    {'frame_set': 'immigration', 'frame': 'security', 'pattern': 'threat|threats|threaten|threatens|threatened|threatening',
     'weight': 1.5, 'hedged': False, 'sentence_start': 0, 'sentence_end': 63}
    """
    items: list[Evidence] = []
    text = corpus.texts[doc]
    offset = corpus.offsets[doc]
    word_start, word_end = corpus._word_bounds
    sentences = corpus.sentences
    for lex, found in _matches(corpus, lexicons):
        for i in np.flatnonzero(found.counted & (sentences.doc[found.sentence] == doc)):
            start, end = int(word_start[found.first[i]] - offset), int(word_end[found.last[i]] - offset)
            s = found.sentence[i]
            span = (int(sentences.start[s]), int(sentences.end[s]))
            frame = lex.frame_names[found.frame[i]]
            details = {
                "frame_set": lex.name, "frame": frame, "pattern": str(found.pattern[i]), "weight": float(found.weight[i]),
                "hedged": bool(found.hedged[i]), "sentence_start": span[0], "sentence_end": span[1],
            }  # fmt: skip
            label = _label(lex, found, i, span)
            items.append(Evidence(f"framing.{lex.name}.{frame}", label, start, end, text[start:end], "frame_cue", details))
        if lex.sentence_model:
            items += _sentence_evidence(corpus, doc, lex, found)
    return items


def _sentence_evidence(corpus: Corpus, doc: int, lex: Lexicon, found: Matches) -> list[Evidence]:
    """The ``frame_sentence`` items of document ``doc``: the sentences the set's model says carry a frame."""
    carries, probability = _decisions(corpus, lex, found)
    threshold = dict(zip((f[0] for f in sentence_model(lex.sentence_model).frames), sentence_model(lex.sentence_model).thresholds()))
    sentences = corpus.sentences
    text = corpus.texts[doc]
    mine = np.flatnonzero(sentences.doc == doc)
    counted = found.counted
    items = []
    for s in mine[carries[mine].any(axis=1)]:
        start, end = int(sentences.start[s]), int(sentences.end[s])
        for f in np.flatnonzero(carries[s]):
            frame = lex.frame_names[f]
            if frame not in threshold:
                continue
            cues = "; ".join(dict.fromkeys(str(p) for p in found.pattern[counted & (found.sentence == s) & (found.frame == f)]))
            p = float(probability[s, f])
            label = f"{frame} sentence (model probability {p:.2f}" + (f"; cues {cues}" if cues else "; no cue") + ")"
            details = {"frame_set": lex.name, "frame": frame, "probability": round(p, 4), "threshold": round(float(threshold[frame]), 4),
                       "cues": cues, "sentence_start": start, "sentence_end": end}  # fmt: skip
            items.append(Evidence(f"framing.{lex.name}.{frame}", label, start, end, text[start:end], "frame_sentence", details))
    return items


def cue_table(texts: Sequence[Any], lexicons: Any = None) -> pd.DataFrame:
    """Every pattern match in ``texts``, counted or not, with the reason: for auditing a lexicon.

    Parameters
    ----------
    texts : sequence of str
    lexicons : optional
        The frame sets (see :func:`lexicons`); the bundled ones by default.

    Returns
    -------
    pandas.DataFrame
        One row per match: ``doc``, ``set``, ``frame`` (empty for ignore phrases and veto-only
        rules), ``pattern``, ``kind`` (cue, rule, ignore), ``weight``, ``status`` (counted, negated,
        vetoed, off_topic, hidden, rule, ignored), ``hedged``, ``start``, ``end``, ``text`` and
        ``sentence`` (its text).

    Examples
    --------
    >>> table = cue_table(["Migrants are not a threat, officials said."], lexicons="immigration")
    >>> table[["text", "frame", "status"]].to_dict("records")
    [{'text': 'threat', 'frame': 'security', 'status': 'negated'}]
    """
    corpus = segment(list(texts))
    word_start, word_end = corpus._word_bounds
    sentences = corpus.sentences
    rows = []
    kinds = ("cue", "rule", "ignore")
    for lex, found in _matches(corpus, lexicons):
        for i in range(len(found.first)):
            s = found.sentence[i]
            doc = int(sentences.doc[s])
            offset = corpus.offsets[doc]
            start, end = int(word_start[found.first[i]] - offset), int(word_end[found.last[i]] - offset)
            text = corpus.texts[doc]
            rows.append({
                "doc": doc, "set": lex.name,
                "frame": lex.frame_names[found.frame[i]] if found.frame[i] >= 0 else "",
                "pattern": found.pattern[i], "kind": kinds[found.kind[i]], "weight": float(found.weight[i]),
                "status": Matches.STATUSES[found.status[i]], "hedged": bool(found.hedged[i]),
                "start": start, "end": end, "text": text[start:end],
                "sentence": text[sentences.start[s]:sentences.end[s]],
            })  # fmt: skip
    columns = ["doc", "set", "frame", "pattern", "kind", "weight", "status", "hedged", "start", "end", "text", "sentence"]
    return pd.DataFrame(rows, columns=columns).sort_values(["doc", "start", "set"], kind="stable").reset_index(drop=True)


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(
    NAME,
    columns=lambda config: columns(config.lexicons), compute=compute, evidence=evidence,
    options=lambda config: {"lexicons": config.lexicons},
    codes=EVIDENCE_CODES,
)
