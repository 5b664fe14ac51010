"""Groups of documents about the same story, by content similarity.

Each document is a TF-IDF vector over its content stems (:mod:`framing.compare.features`; term
frequency = the number of its sentences that hold the stem, smoothed idf
``ln((1 + n) / (1 + df)) + 1`` over the input, rows L2-normalised, as scikit-learn's
``TfidfTransformer``). Candidate pairs (no all-pairs loop) are the pairs that share one of their
:data:`TOP_TERMS` heaviest terms (held by at most 1 % of the documents, at least
:data:`MIN_TERM_DOCS` and at most :data:`MAX_TERM_DOCS`) that share :data:`MIN_SHARED_TERMS` of
them (a sparse product of the pruned matrix), plus every pair with a shared sentence. Two documents are **linked**
when the cosine of their full vectors is at least :data:`GROUP_THRESHOLD` or they share at least
:data:`GROUP_SHARED` of the shorter one's sentences that take part; groups are the connected
components of the links (single-link). The threshold was chosen on OneStopEnglish's development
articles and Wikinews 2019 (``benchmarks/compare_validation.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from framing.compare.features import SentenceFeatures

#: TF-IDF cosine at or above which two documents are linked into one group.
GROUP_THRESHOLD = 0.3
#: Share of the shorter document's taking-part sentences shared with the other that links them too.
GROUP_SHARED = 0.2
#: Heaviest terms per document used for blocking.
TOP_TERMS = 30
#: Blocking terms held by more documents than ``max(MIN_TERM_DOCS, min(MAX_TERM_DOCS, n / 100))`` are
#: not used for blocking (``n``: documents of the input).
MAX_TERM_DOCS = 100
MIN_TERM_DOCS = 20
#: Candidate document pairs share at least this many blocking terms.
MIN_SHARED_TERMS = 2
#: Rows of the pruned matrix multiplied at a time (bounded memory).
ROW_BLOCK = 1_000


def tfidf(features: SentenceFeatures, n_docs: int) -> sp.csr_matrix:
    """The documents' L2-normalised TF-IDF rows over content stems (columns: factorised stem hashes)."""
    doc = features.doc[features.pair_sentence]
    codes, uniques = pd.factorize(features.pair_stem, sort=True)  # columns in hash order: sums in one order
    counts = sp.csr_matrix((np.ones(len(codes)), (doc, codes)), shape=(n_docs, len(uniques)))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    weighted = counts.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    out = sp.diags(scale) @ weighted
    return out.tocsr(), uniques, df


def candidate_documents(matrix: sp.csr_matrix, uniques: np.ndarray, df: np.ndarray, *, top_terms: int = TOP_TERMS,
                        max_term_docs: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Document pairs ``(i, j)``, ``i < j``, sharing :data:`MIN_SHARED_TERMS` heavy terms (the blocking).

    The product of the pruned matrix is taken :data:`ROW_BLOCK` rows at a time, keeping only pairs
    ``j > i``: memory is bounded by one block's pairs, and the cost by ``TOP_TERMS · max_term_docs``
    per document.
    """
    if max_term_docs is None:
        max_term_docs = max(MIN_TERM_DOCS, min(MAX_TERM_DOCS, matrix.shape[0] // 100))
    n_docs = matrix.shape[0]
    rows = np.repeat(np.arange(n_docs, dtype=np.int64), np.diff(matrix.indptr))
    cols = matrix.indices.astype(np.int64)
    ok = df[cols] <= max_term_docs
    rows, cols, weights = rows[ok], cols[ok], matrix.data[ok]
    if len(rows) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    hashes = np.asarray(uniques, dtype=np.uint64)
    order = np.lexsort((hashes[cols], -weights, rows))  # per row: heaviest first, ties by the stem's hash
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, rows)  # start of each row's run
    rank = np.arange(len(rows)) - first
    keep = rank < top_terms
    r, c = rows[keep], cols[keep]
    pruned = sp.csr_matrix((np.ones(len(r), np.int32), (r, c)), shape=matrix.shape)
    transposed = pruned.T.tocsr()
    out_a, out_b = [], []
    for lo in range(0, n_docs, ROW_BLOCK):
        block = (pruned[lo : lo + ROW_BLOCK] @ transposed).tocoo()
        a, b = block.row.astype(np.int64) + lo, block.col.astype(np.int64)
        hit = (b > a) & (block.data >= MIN_SHARED_TERMS)
        out_a.append(a[hit])
        out_b.append(b[hit])
    a, b = np.concatenate(out_a), np.concatenate(out_b)
    order = np.lexsort((b, a))
    return a[order], b[order]


#: Document pairs whose cosine is computed at a time (bounded memory).
PAIR_CHUNK = 20_000


def cosine(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of rows ``a[k]`` and ``b[k]`` (:data:`PAIR_CHUNK` pairs at a time)."""
    out = np.zeros(len(a))
    for lo in range(0, len(a), PAIR_CHUNK):
        hi = lo + PAIR_CHUNK
        out[lo:hi] = np.asarray(matrix[a[lo:hi]].multiply(matrix[b[lo:hi]]).sum(axis=1)).ravel()
    return out


def components(n_docs: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected-component label of each document (numbered in order of first document)."""
    graph = sp.csr_matrix((np.ones(len(a)), (a, b)), shape=(n_docs, n_docs))
    _, labels = connected_components(graph, directed=False)
    return pd.factorize(labels)[0]
