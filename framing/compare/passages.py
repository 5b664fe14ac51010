"""Shared passages: the sentences two documents share, exactly or nearly.

Candidates (no all-pairs loop)
------------------------------
A sparse sentence × key matrix ``S`` (SciPy CSR) holds, for every sentence that takes part, its
blocking keys: its exact key and every pair of consecutive content stems (hashed). Keys held by
more than ``max_key_docs`` documents (:data:`MAX_KEY_DOCS`) are dropped as boilerplate (furniture,
stock phrases: a key held by ``k`` documents costs ``k²`` pairs). The entries of ``S Sᵀ`` between
sentences of different documents count the keys two sentences share; pairs sharing two keys (one,
when both sentences have at most :data:`SHORT_STEMS` content stems) are the candidates, computed
:data:`ROW_BLOCK` rows at a time. The cost is the sum over kept keys of their sentences squared:
at most ``max_key_docs`` times the number of (sentence, key) entries (times the sentences a
document holds with one key), so linear in the corpus at worst, and never the number of document
pairs.

Similarity
----------
The similarity of two sentences is the cosine of their binary content-stem sets,
``|A ∩ B| / sqrt(|A| · |B|)`` (the definition of the repetition family's restated sentences, here
across documents). A candidate pair is a **shared sentence** when its similarity is at least
``threshold`` (:data:`NEAR_THRESHOLD`, chosen on the development split of
``benchmarks/compare_validation.py``); its ``kind`` is ``exact`` when the two exact keys are equal
(the same words in the same order) and ``near`` otherwise. A pair of two longer sentences
(:data:`MIN_PARAPHRASE_STEMS`) with similarity from :data:`PARAPHRASE_THRESHOLD` up to the
threshold is a ``paraphrase``: the same statement in other words, as when two outlets rewrite
one wire story. Consecutive shared sentences of a pair
(each document's sentence index one higher than the last) form one **passage**.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from framing.compare.features import SentenceFeatures

#: Cosine similarity of two sentences' content-stem sets at or above which they are shared.
NEAR_THRESHOLD = 0.7
#: Similarity at or above which two sentences restate one another (the repetition family's
#: ``PARAPHRASE_THRESHOLD``): a pair between it and :data:`NEAR_THRESHOLD` is a ``paraphrase``.
PARAPHRASE_THRESHOLD = 0.5
#: Both sentences of a paraphrase pair have at least this many distinct content stems.
MIN_PARAPHRASE_STEMS = 6
#: A blocking key held by more documents than this is dropped as boilerplate. Chosen on the
#: development split of ``benchmarks/compare_validation.py`` (trials compared with a background of
#: NewsArticles): the smallest swept cap whose sentence recall is within 0.005 of a cap of 200.
MAX_KEY_DOCS = 20
#: Sentences with at most this many content stems are candidates on one shared key; others need two.
SHORT_STEMS = 5
#: Rows of the key matrix multiplied at a time.
ROW_BLOCK = 20_000
#: Candidate pairs scored at a time.
CHUNK = 100_000


def _factorize(values: np.ndarray) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(values)
    return codes.astype(np.int64), len(uniques)


def candidate_pairs(features: SentenceFeatures, *, max_key_docs: int = MAX_KEY_DOCS) -> tuple[np.ndarray, np.ndarray]:
    """Sentence pairs ``(i, j)``, ``i < j``, of different documents that share two blocking keys, or
    one when both are short (at most :data:`SHORT_STEMS` content stems).

    Returns
    -------
    (ndarray, ndarray)
        Sentence indices into ``features``, sorted.
    """
    part = features.takes_part
    sent = np.concatenate((np.flatnonzero(part), features.bigram_sentence[part[features.bigram_sentence]]))
    keys = np.concatenate((features.key[part], features.bigram_key[part[features.bigram_sentence]]))
    a, b, shared = pairs_from_keys(sent, keys, features.doc, max_key_docs=max_key_docs, counts=True)
    short = np.maximum(features.n_stems[a], features.n_stems[b]) <= SHORT_STEMS
    keep = (shared >= 2) | short
    return a[keep], b[keep]


def pairs_from_keys(items: np.ndarray, keys: np.ndarray, item_doc: np.ndarray, *, max_key_docs: int = MAX_KEY_DOCS,
                    counts: bool = False, min_count: int = 1):
    """Pairs of items of different documents that share a key, through a sparse product.

    Parameters
    ----------
    items : ndarray of int
        Item index of each (item, key) entry.
    keys : ndarray
        The key of each entry (hashes).
    item_doc : ndarray of int
        The document of every item.
    max_key_docs : int
        Keys held by more documents are dropped.

    Examples
    --------
    >>> a, b = pairs_from_keys(np.array([0, 1, 2, 2]), np.array([7, 7, 7, 9]), np.array([0, 0, 1]))
    >>> a.tolist(), b.tolist()
    ([0, 1], [2, 2])
    """
    if len(items) == 0:
        empty = np.zeros(0, np.int64)
        return (empty, empty, empty) if counts else (empty, empty)
    n_items = len(item_doc)
    column, n_keys = _factorize(keys)
    entries = pd.DataFrame({"item": items, "col": column}).drop_duplicates()
    doc_of_entry = item_doc[entries["item"].to_numpy()]
    key_docs = pd.DataFrame({"col": entries["col"].to_numpy(), "doc": doc_of_entry}).drop_duplicates()
    n_docs = np.bincount(key_docs["col"].to_numpy(), minlength=n_keys)
    kept = n_docs[entries["col"].to_numpy()]
    keep = (kept >= 2) & (kept <= max_key_docs)
    rows, cols = entries["item"].to_numpy()[keep], entries["col"].to_numpy()[keep]
    matrix = sp.csr_matrix((np.ones(len(rows), np.int32), (rows, cols)), shape=(n_items, n_keys))
    transposed = matrix.T.tocsr()
    parts_a, parts_b, parts_n = [], [], []
    for lo in range(0, n_items, ROW_BLOCK):  # a block of rows at a time: memory bounded by the block's pairs
        block = (matrix[lo : lo + ROW_BLOCK] @ transposed).tocoo()
        a, b, n = block.row.astype(np.int64) + lo, block.col.astype(np.int64), block.data.astype(np.int64)
        keep_pair = (b > a) & (item_doc[a] != item_doc[b])
        if min_count > 1:
            keep_pair &= n >= min_count
        parts_a.append(a[keep_pair])
        parts_b.append(b[keep_pair])
        parts_n.append(n[keep_pair])
    a, b, n = np.concatenate(parts_a), np.concatenate(parts_b), np.concatenate(parts_n)
    order = np.lexsort((b, a))
    return (a[order], b[order], n[order]) if counts else (a[order], b[order])


def similarities(features: SentenceFeatures, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of the binary content-stem sets of sentence pairs ``(a[k], b[k])``."""
    if len(a) == 0:
        return np.zeros(0)
    column, n_stems = _factorize(features.pair_stem)
    matrix = sp.csr_matrix(
        (np.ones(len(column), np.float64), (features.pair_sentence, column)), shape=(len(features), n_stems)
    )
    overlap = np.zeros(len(a))
    for lo in range(0, len(a), CHUNK):  # in chunks: bounded memory
        hi = lo + CHUNK
        overlap[lo:hi] = np.asarray(matrix[a[lo:hi]].multiply(matrix[b[lo:hi]]).sum(axis=1)).ravel()
    n = features.n_stems.astype(np.float64)
    return overlap / np.sqrt(n[a] * n[b])


def shared_sentences(features: SentenceFeatures, *, threshold: float = NEAR_THRESHOLD,
                     paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
                     max_key_docs: int = MAX_KEY_DOCS) -> pd.DataFrame:
    """Every shared sentence pair: sentence indices ``a``, ``b`` (``doc[a] < doc[b]``), similarity and
    kind (``exact``, ``near``, or ``paraphrase`` when ``paraphrase_threshold`` is not None)."""
    a, b = candidate_pairs(features, max_key_docs=max_key_docs)
    sim = similarities(features, a, b)
    near = sim >= threshold - 1e-12
    hit = near.copy()
    if paraphrase_threshold is not None:
        long = np.minimum(features.n_stems[a], features.n_stems[b]) >= MIN_PARAPHRASE_STEMS
        hit |= (sim >= paraphrase_threshold - 1e-12) & long
    a, b, sim, near = a[hit], b[hit], sim[hit], near[hit]
    swap = features.doc[a] > features.doc[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    exact = features.key[a] == features.key[b]
    kind = np.where(exact, "exact", np.where(near, "near", "paraphrase"))
    return pd.DataFrame({"a": a, "b": b, "similarity": sim, "kind": kind})
