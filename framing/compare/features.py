"""Per-sentence features of a corpus for cross-document comparison, from the one segmentation.

Texts are segmented in batches by :func:`framing.core.segment.segment`; each sentence keeps its
document, span, word count, an exact key and its set of content stems, all as flat arrays over
the whole input. Everything that must be compared across batches is a stable 64-bit hash of a
string (BLAKE2b), never a batch-local id, so a sentence's features do not depend on the batch it
was segmented in or on the order of the input.

Definitions
-----------
content stems
    The sentence's words that are not stop words (``framing/data/stop_words.txt``; a word whose
    first two letters are capitals, such as ``US``, always counts), reduced to their Porter stems,
    as in the repetition family's restated sentences.
exact key
    A hash of the sentence's lower-cased words in order: two sentences with the same key have the
    same words, whatever their punctuation, case or spacing.
takes part
    A sentence with at least :data:`MIN_CONTENT_STEMS` distinct content stems; shorter ones
    (headings, captions, credits, datelines) are never shared passages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.core import chars as _chars
from framing.core.segment import Corpus, segment
from framing.core.vocabulary import STEMS
from framing.families.repetition import IS_STOP

#: Sentences with fewer distinct content stems take no part in shared passages.
MIN_CONTENT_STEMS = 4
#: Documents segmented together (the features never depend on it).
BATCH = 256

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def stable_hash(value: str) -> int:
    """A 64-bit hash of ``value`` that is the same in every process and run (BLAKE2b).

    Examples
    --------
    >>> stable_hash("deport") == stable_hash("deport"), stable_hash("a") != stable_hash("b")
    (True, True)
    """
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def stable_hashes(values: list[str], memo: dict | None = None) -> np.ndarray:
    """:func:`stable_hash` of each string, as ``uint64``; ``memo`` (a dict the caller owns) keeps
    the hashes already computed, for strings that recur (a corpus's vocabulary, batch after batch)."""
    if memo is None:
        return np.fromiter((stable_hash(v) for v in values), dtype=np.uint64, count=len(values))
    out = np.empty(len(values), dtype=np.uint64)
    for i, v in enumerate(values):
        h = memo.get(v)
        if h is None:
            h = memo[v] = stable_hash(v)
        out[i] = h
    return out


#: Most strings whose hashes one :func:`sentence_features` call keeps (then it starts afresh).
MEMO_SIZE = 500_000


def _all_capitals(corpus: Corpus) -> np.ndarray:
    start, end = corpus._word_bounds
    cls = corpus.char_classes
    two = (end - start) >= 2
    nxt = np.minimum(start + 1, len(cls) - 1)
    return two & ((cls[start] & _chars.UPPER) != 0) & ((cls[nxt] & _chars.UPPER) != 0)


@dataclass
class SentenceFeatures:
    """The sentences of a whole input, as flat arrays (``n`` sentences, ``m`` (sentence, stem) pairs).

    Attributes
    ----------
    doc, start, end, words : ndarray of shape (n,)
        Document index, character span in the document's text, words.
    key : ndarray of uint64, shape (n,)
        The exact key (hash of the lower-cased words).
    n_stems : ndarray of shape (n,)
        Distinct content stems.
    pair_sentence, pair_stem : ndarray of shape (m,)
        Each sentence's distinct content stems (stable hashes), sentence by sentence.
    bigram_sentence, bigram_key : ndarray
        Each sentence's pairs of consecutive content stems (hashed): the blocking keys.
    errors : list of str or None
        Why a document could not be read (it has no sentences).
    texts : list of str
        The texts (``""`` for invalid inputs).
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    words: np.ndarray
    key: np.ndarray
    n_stems: np.ndarray
    pair_sentence: np.ndarray
    pair_stem: np.ndarray
    bigram_sentence: np.ndarray
    bigram_key: np.ndarray
    errors: list
    texts: list

    def __len__(self) -> int:
        return len(self.doc)

    @property
    def takes_part(self) -> np.ndarray:
        return self.n_stems >= MIN_CONTENT_STEMS


def _batch_features(corpus: Corpus, memo: dict | None = None) -> dict[str, np.ndarray]:
    sentences = corpus.sentences
    n_sent = len(sentences)
    type_ids = corpus.word_types
    strings = corpus.type_strings
    type_hash = stable_hashes(list(strings), memo)
    stop = corpus.type_values(IS_STOP)
    stems = corpus.type_values(STEMS)
    stem_hash = stable_hashes([str(s) for s in stems], memo)
    word_sentence = corpus.word_sentence
    words_per = np.bincount(word_sentence, minlength=n_sent) if len(word_sentence) else np.zeros(n_sent, np.int64)
    # exact key: a hash of the sentence's word hashes in order (a Python loop per sentence: cheap
    # next to segmentation, and exact)
    bounds = np.r_[0, np.cumsum(words_per)]
    word_hash = type_hash[type_ids] if len(type_ids) else np.zeros(0, np.uint64)
    keys = np.empty(n_sent, dtype=np.uint64)
    blake, word_bytes = hashlib.blake2b, word_hash.tobytes()
    for i in range(n_sent):  # stable_hash of the hex of the sentence's word hashes, inlined
        text = word_bytes[8 * bounds[i] : 8 * bounds[i + 1]].hex().encode("ascii")
        keys[i] = int.from_bytes(blake(text, digest_size=8).digest(), "little")
    content = (~stop[type_ids] | _all_capitals(corpus)) if len(type_ids) else np.zeros(0, bool)
    c_sent = word_sentence[content].astype(np.int64)
    c_stem = stem_hash[type_ids[content]]
    # bigrams of consecutive content stems within a sentence (before de-duplication)
    same = np.r_[c_sent[1:] == c_sent[:-1]] if len(c_sent) > 1 else np.zeros(0, bool)
    b_sent = c_sent[:-1][same] if len(c_sent) > 1 else np.zeros(0, np.int64)
    with np.errstate(over="ignore"):
        b_key = (c_stem[:-1][same] * np.uint64(0x9E3779B97F4A7C15)) ^ c_stem[1:][same] if len(c_sent) > 1 else np.zeros(0, np.uint64)
    # distinct (sentence, stem) pairs
    frame = pd.DataFrame({"s": c_sent, "h": c_stem}).drop_duplicates()
    p_sent = frame["s"].to_numpy(np.int64)
    p_stem = frame["h"].to_numpy(np.uint64)
    n_stems = np.bincount(p_sent, minlength=n_sent)
    bf = pd.DataFrame({"s": b_sent, "h": b_key}).drop_duplicates()
    return {
        "doc": sentences.doc.astype(np.int64), "start": sentences.start.astype(np.int64),
        "end": sentences.end.astype(np.int64), "words": words_per.astype(np.int64), "key": keys,
        "n_stems": n_stems.astype(np.int64), "pair_sentence": p_sent, "pair_stem": p_stem,
        "bigram_sentence": bf["s"].to_numpy(np.int64), "bigram_key": bf["h"].to_numpy(np.uint64),
    }  # fmt: skip


def sentence_features(texts: list, *, max_chars: int | None = None, batch_size: int = BATCH) -> SentenceFeatures:
    """The :class:`SentenceFeatures` of ``texts``, segmented ``batch_size`` at a time.

    Examples
    --------
    >>> f = sentence_features(["The council approved the new bridge on Tuesday. Short one.", None])
    >>> f.doc.tolist(), f.takes_part.tolist(), f.errors
    ([0, 0], [True, False], [None, 'missing text'])
    """
    parts: list[dict[str, np.ndarray]] = []
    errors: list = []
    clean: list = []
    n_before = 0
    sent_before = 0
    memo: dict[str, int] = {}  # the hashes of the words and stems seen so far (bounded: MEMO_SIZE)
    for lo in range(0, len(texts), batch_size):
        corpus = segment(texts[lo : lo + batch_size], max_chars=max_chars)
        if len(memo) > MEMO_SIZE:
            memo.clear()
        part = _batch_features(corpus, memo)
        part["doc"] = part["doc"] + n_before
        part["pair_sentence"] = part["pair_sentence"] + sent_before
        part["bigram_sentence"] = part["bigram_sentence"] + sent_before
        sent_before += len(part["doc"])
        n_before += corpus.n_docs
        parts.append(part)
        errors += corpus.errors
        clean += corpus.texts
    if not parts:
        empty_i, empty_u = np.zeros(0, np.int64), np.zeros(0, np.uint64)
        return SentenceFeatures(empty_i, empty_i, empty_i, empty_i, empty_u, empty_i, empty_i, empty_u, empty_i, empty_u, [], [])
    cat = {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}
    return SentenceFeatures(**cat, errors=errors, texts=clean)
