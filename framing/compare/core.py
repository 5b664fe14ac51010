"""``framing.compare``: what documents about one story share, where their figures disagree, and how
each frames and sources it beside the others.

See ``docs/compare.md`` for every table's columns and definitions; the modules of this package
define each step: :mod:`~framing.compare.features` (sentences, from the one segmentation),
:mod:`~framing.compare.passages` (shared sentences), :mod:`~framing.compare.groups` (groups),
:mod:`~framing.compare.claims` (figures), :mod:`~framing.compare.differences` (framing and
sourcing net of shared text).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.compare import claims as _claims
from framing.compare import groups as _groups
from framing.compare import passages as _passages
from framing.compare.differences import differences as _differences
from framing.compare.features import sentence_features
from framing.config import Config, make_config
from framing.core.segment import segment

__all__ = ["Comparison", "compare"]

#: A document with at least this share of its words copied in another, which has less, is contained in it.
CONTAINS = 0.8

PASSAGE_COLUMNS = ["id_a", "id_b", "passage", "sentence_a", "sentence_b", "start_a", "end_a", "start_b", "end_b",
                   "similarity", "kind"]  # fmt: skip
PAIR_COLUMNS = ["id_a", "id_b", "group", "similarity", "shared_sentences", "shared_share_a", "shared_share_b",
                "direction", "direction_basis"]  # fmt: skip
DOCUMENT_COLUMNS = ["id", "group", "sentences", "words", "shared_sentences", "shared_words", "reused_share",
                    "paraphrased_share", "independence", "shares_most_with", "error"]  # fmt: skip
CLAIM_COLUMNS = ["group", "id_a", "id_b", "kind", "unit", "value_a", "value_b", "text_a", "text_b", "start_a", "end_a",
                 "start_b", "end_b", "agree", "alignment", "score"]  # fmt: skip
FIGURE_COLUMNS = ["id", "kind", "value", "low", "high", "qualifier", "unit", "unit_text", "start", "end", "text"]
DIFFERENCE_COLUMNS = ["group", "id", "measure", "value", "group_value", "difference", "own_sentences", "own_words",
                      "drivers"]  # fmt: skip


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for k, v in row.items():
            if isinstance(v, np.generic):
                v = v.item()
            if isinstance(v, float) and not math.isfinite(v):
                v = None if math.isnan(v) else ("inf" if v > 0 else "-inf")
            if v is pd.NA:
                v = None
            clean[k] = v
        out.append(clean)
    return out


@dataclass
class Comparison:
    """What :func:`compare` found, as tidy tables (pandas DataFrames).

    Attributes
    ----------
    documents : DataFrame
        One row per document, in input order: its group, sentences, words, copied sentences and
        words, ``reused_share`` (words of its sentences copied, exactly or nearly, in another
        document / its words), ``paraphrased_share`` (words of its sentences only paraphrased
        elsewhere / its words), ``independence`` (1 − both: the share of its words that are its
        own) and the document it shares most with.
    pairs : DataFrame
        One row per pair of documents that share a sentence or belong to one group: TF-IDF
        ``similarity``, shared sentences and each side's share of its words, and a ``direction``
        guess (``"a->b"``: b derives from a) with its ``direction_basis`` (``date``, ``contains``
        or ``none``). A guess, never a finding.
    passages : DataFrame
        One row per shared sentence pair: both spans, similarity, ``kind`` (exact, near) and the
        ``passage`` (run of consecutive shared sentences) it belongs to.
    claims : DataFrame
        One row per pair of aligned figures of two documents of a group: kind, unit, both values
        and spans, ``agree`` and how they were aligned.
    figures : DataFrame
        Every figure found, per document.
    differences : DataFrame
        Framing and sourcing measures per document of a group of two or more, on its own
        sentences, beside the group's, with the sentences that drive it.
    texts : list of str
        The texts compared (for rendering).
    """

    documents: pd.DataFrame
    pairs: pd.DataFrame
    passages: pd.DataFrame
    claims: pd.DataFrame
    figures: pd.DataFrame
    differences: pd.DataFrame
    texts: list = field(default_factory=list, repr=False)

    TABLES = ("documents", "pairs", "passages", "claims", "figures", "differences")

    @property
    def disagreements(self) -> pd.DataFrame:
        """The rows of :attr:`claims` whose values disagree."""
        return self.claims[~self.claims["agree"].astype(bool)].reset_index(drop=True)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Every table as a list of JSON-ready records (non-finite bounds as ``"inf"``/``"-inf"``)."""
        return {name: _records(getattr(self, name)) for name in self.TABLES}

    def to_json(self, **kwargs: Any) -> str:
        """:meth:`to_dict` as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(getattr(self, name))}" for name in self.TABLES)
        return f"Comparison({sizes})"


def _check(texts: Any, ids: Any, groups: Any, dates: Any) -> tuple[list, list, list | None, list | None]:
    if isinstance(texts, str):
        raise TypeError("texts must be an iterable of documents, not a single string")
    texts = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ValueError(f"ids has {len(ids)} items but texts has {len(texts)}")
    if len(set(map(str, ids))) != len(ids):
        raise ValueError("ids must be unique (as strings)")
    if groups is not None:
        groups = list(groups)
        if len(groups) != len(texts):
            raise ValueError(f"groups has {len(groups)} items but texts has {len(texts)}")
    if dates is not None:
        dates = list(pd.to_datetime(pd.Series(list(dates)), errors="coerce"))
        if len(dates) != len(texts):
            raise ValueError(f"dates has {len(dates)} items but texts has {len(texts)}")
    return texts, ids, groups, dates


def compare(
    texts: Iterable[Any],
    ids: Iterable[Any] | None = None,
    groups: Iterable[Any] | None = None,
    *,
    dates: Iterable[Any] | None = None,
    threshold: float = _passages.NEAR_THRESHOLD,
    paraphrase_threshold: float | None = _passages.PARAPHRASE_THRESHOLD,
    group_threshold: float = _groups.GROUP_THRESHOLD,
    max_key_docs: int = _passages.MAX_KEY_DOCS,
    differences: bool = True,
    signals: Iterable[str] | str | None = None,
    lexicons: Any = None,
    max_chars: int | None = None,
    config: Config | None = None,
) -> Comparison:
    """Compare documents: shared passages, figures that disagree, framing and sourcing differences.

    Parameters
    ----------
    texts : iterable of str
        The documents. Bad inputs (None, empty, too long) keep their row in ``documents`` with an
        ``error`` and take no part.
    ids : iterable, optional
        Unique document ids (default: positions). Pairs are oriented by ``str(id)``, so the tables
        do not depend on the input order.
    groups : iterable, optional
        An event key per document; documents with equal keys form a group. Default: automatic
        groups by content similarity (:mod:`framing.compare.groups`, ``group_threshold``).
    dates : iterable, optional
        Publication dates (anything ``pandas.to_datetime`` reads) for the direction guess.
    threshold : float, default :data:`framing.compare.passages.NEAR_THRESHOLD`
        Similarity at or above which two sentences are copies (``exact`` or ``near``).
    paraphrase_threshold : float or None, default :data:`framing.compare.passages.PARAPHRASE_THRESHOLD`
        Similarity from which two longer sentences are ``paraphrase`` pairs (None: none).
    group_threshold : float, default :data:`framing.compare.groups.GROUP_THRESHOLD`
        TF-IDF cosine at or above which two documents are linked (automatic groups).
    max_key_docs : int
        Blocking keys held by more documents are dropped (see :mod:`framing.compare.passages`).
    differences : bool, default True
        Compute the framing and sourcing differences (analyses every grouped document with
        evidence: the costly step; turn it off for large corpora).
    signals, lexicons, max_chars, config
        As in :func:`framing.score`; the differences use the ``framing`` and ``sourcing`` families.

    Returns
    -------
    Comparison

    Examples
    --------
    >>> a = "Officials said 116 migrants were deported on Tuesday. The flight left from Texas at dawn."
    >>> b = "Officials said 160 migrants were deported on Tuesday. Critics called the move cruel."
    >>> result = compare([a, b], ids=["a", "b"], groups=["x", "x"], differences=False)
    >>> result.passages[["id_a", "id_b", "kind"]].values.tolist()
    [['a', 'b', 'near']]
    >>> result.disagreements[["value_a", "value_b", "text_a", "text_b"]].values.tolist()
    [[116.0, 160.0, '116', '160']]
    """
    texts, ids, groups, dates = _check(texts, ids, groups, dates)
    config = make_config(config, signals=signals if signals is not None else ("sourcing", "framing"),
                         lexicons=lexicons, max_chars=max_chars)
    n_docs = len(texts)
    features = sentence_features(texts, max_chars=config.max_chars)
    names = [str(i) for i in ids]

    # -- shared sentences ----------------------------------------------------------------------
    shared = _passages.shared_sentences(features, threshold=threshold, paraphrase_threshold=paraphrase_threshold,
                                        max_key_docs=max_key_docs)
    doc_a = features.doc[shared["a"].to_numpy()] if len(shared) else np.zeros(0, np.int64)
    doc_b = features.doc[shared["b"].to_numpy()] if len(shared) else np.zeros(0, np.int64)
    # orient every pair by the ids' strings
    sa, sb = shared["a"].to_numpy(), shared["b"].to_numpy()
    flip = np.array([names[x] > names[y] for x, y in zip(doc_a, doc_b)], dtype=bool)
    sa, sb = np.where(flip, sb, sa), np.where(flip, sa, sb)
    doc_a, doc_b = features.doc[sa] if len(sa) else doc_a, features.doc[sb] if len(sb) else doc_b

    # -- groups -----------------------------------------------------------------------------------
    matrix, uniques, df = _groups.tfidf(features, n_docs)
    ca, cb = _groups.candidate_documents(matrix, uniques, df)
    pair_keys = pd.unique(np.r_[np.minimum(doc_a, doc_b) * max(n_docs, 1) + np.maximum(doc_a, doc_b),
                                ca * max(n_docs, 1) + cb].astype(np.int64))
    pa, pb = pair_keys // max(n_docs, 1), pair_keys % max(n_docs, 1)
    cos = _groups.cosine(matrix, pa, pb)
    taking = features.takes_part
    n_taking = np.bincount(features.doc[taking], minlength=n_docs)
    shared_count = pd.Series(1, index=pd.MultiIndex.from_arrays([np.minimum(doc_a, doc_b), np.maximum(doc_a, doc_b)]))
    shared_count = shared_count.groupby(level=[0, 1]).size() if len(shared_count) else shared_count
    shared_of = {k: int(v) for k, v in shared_count.items()}
    valid = np.array([e is None for e in features.errors], dtype=bool)
    if groups is None:
        link = []
        for x, y, c in zip(pa.tolist(), pb.tolist(), cos.tolist()):
            smaller = max(1, min(n_taking[x], n_taking[y]))
            if c >= group_threshold - 1e-12 or shared_of.get((x, y), 0) / smaller >= _groups.GROUP_SHARED:
                link.append((x, y))
        la = np.array([x for x, _ in link], dtype=np.int64)
        lb = np.array([y for _, y in link], dtype=np.int64)
        labels = _groups.components(n_docs, la, lb)
        # name each group by its smallest id string: independent of the input order
        first: dict[int, str] = {}
        for d in range(n_docs):
            first[labels[d]] = min(first.get(labels[d], names[d]), names[d])
        group_of = [first[labels[d]] if valid[d] else None for d in range(n_docs)]
    else:
        group_of = [g if valid[d] else None for d, g in enumerate(groups)]
    def same_group(x, y):
        return group_of[x] is not None and group_of[x] == group_of[y]

    # -- passages table -------------------------------------------------------------------------
    rank = features.doc.copy()
    if len(features):
        first_sentence = np.searchsorted(features.doc, np.arange(n_docs))
        rank = np.arange(len(features)) - first_sentence[features.doc]
    ptab = pd.DataFrame({
        "id_a": [ids[d] for d in doc_a], "id_b": [ids[d] for d in doc_b],
        "sentence_a": rank[sa] if len(sa) else [], "sentence_b": rank[sb] if len(sb) else [],
        "start_a": features.start[sa] if len(sa) else [], "end_a": features.end[sa] if len(sa) else [],
        "start_b": features.start[sb] if len(sb) else [], "end_b": features.end[sb] if len(sb) else [],
        "similarity": shared["similarity"].to_numpy(), "kind": shared["kind"].to_numpy(),
        "_a": doc_a, "_b": doc_b, "_na": [names[d] for d in doc_a], "_nb": [names[d] for d in doc_b],
    })  # fmt: skip
    ptab = ptab.sort_values(["_na", "_nb", "sentence_a", "sentence_b"], kind="stable").reset_index(drop=True)
    passage = np.zeros(len(ptab), dtype=np.int64)
    counter: dict[tuple[int, int], int] = {}
    prev: dict[tuple[int, int], tuple[int, int, int]] = {}
    for k, (x, y, i, j) in enumerate(zip(ptab["_a"], ptab["_b"], ptab["sentence_a"], ptab["sentence_b"])):
        last = prev.get((x, y))
        if last is not None and i == last[0] + 1 and j == last[1] + 1:
            passage[k] = last[2]
        else:
            passage[k] = counter.get((x, y), 0)
            counter[(x, y)] = passage[k] + 1
        prev[(x, y)] = (i, j, passage[k])
    ptab.insert(2, "passage", passage)

    # -- documents: reused share -----------------------------------------------------------------
    shared_sentence = np.zeros(len(features), dtype=bool)
    shared_sentence[sa] = True
    shared_sentence[sb] = True
    copied = np.zeros(len(features), dtype=bool)
    is_copy = (shared["kind"] != "paraphrase").to_numpy()
    copied[sa[is_copy]] = True
    copied[sb[is_copy]] = True
    paraphrased = shared_sentence & ~copied
    words_doc = np.bincount(features.doc, weights=features.words, minlength=n_docs)
    shared_words = np.bincount(features.doc[copied], weights=features.words[copied], minlength=n_docs)
    para_words = np.bincount(features.doc[paraphrased], weights=features.words[paraphrased], minlength=n_docs)
    shared_sents = np.bincount(features.doc[copied], minlength=n_docs)
    n_sent = np.bincount(features.doc, minlength=n_docs)
    # words each document shares with each partner (for the pairs and shares_most_with)
    partner_words: dict[tuple[int, int], float] = {}
    for side, other, sent in ((doc_a, doc_b, sa), (doc_b, doc_a, sb)):
        seen = pd.DataFrame({"d": side, "o": other, "s": sent}).drop_duplicates()
        for (d, o), group in seen.groupby(["d", "o"]):
            partner_words[(int(d), int(o))] = float(features.words[group["s"].to_numpy()].sum())
    most: list[Any] = [None] * n_docs
    best: dict[int, tuple[float, str]] = {}
    for (d, o), w in partner_words.items():
        key = (w, names[o])
        if d not in best or (key[0] > best[d][0]) or (key[0] == best[d][0] and key[1] < best[d][1]):
            best[d] = key
            most[d] = ids[o]
    reused = np.divide(shared_words, words_doc, out=np.zeros(n_docs), where=words_doc > 0)
    para = np.divide(para_words, words_doc, out=np.zeros(n_docs), where=words_doc > 0)
    documents = pd.DataFrame({
        "id": ids, "group": group_of, "sentences": n_sent, "words": words_doc.astype(np.int64),
        "shared_sentences": shared_sents, "shared_words": shared_words.astype(np.int64),
        "reused_share": np.where(valid, reused, np.nan), "paraphrased_share": np.where(valid, para, np.nan),
        "independence": np.where(valid, 1.0 - reused - para, np.nan),
        "shares_most_with": most, "error": features.errors,
    })  # fmt: skip
    for name in ("group", "shares_most_with", "error"):
        documents[name] = pd.Series([v for v in documents[name]], dtype=object, index=documents.index)
        documents[name] = documents[name].where(documents[name].notna(), None)

    # -- pairs ---------------------------------------------------------------------------------------
    pair_rows = []
    for x, y, c in zip(pa.tolist(), pb.tolist(), cos.tolist()):
        if not (same_group(x, y) or (x, y) in shared_of):
            continue
        if names[x] > names[y]:
            x, y = y, x
        share_a = partner_words.get((x, y), 0.0) / words_doc[x] if words_doc[x] else 0.0
        share_b = partner_words.get((y, x), 0.0) / words_doc[y] if words_doc[y] else 0.0
        direction, basis = None, "none"
        n_shared = shared_of.get((min(x, y), max(x, y)), 0)
        if n_shared:
            if dates is not None and not pd.isna(dates[x]) and not pd.isna(dates[y]) and dates[x] != dates[y]:
                direction, basis = ("a->b" if dates[x] < dates[y] else "b->a"), "date"
            elif share_a >= CONTAINS > share_b:
                direction, basis = "b->a", "contains"  # b contains a: a is cut from b (a guess)
            elif share_b >= CONTAINS > share_a:
                direction, basis = "a->b", "contains"
        pair_rows.append({"id_a": ids[x], "id_b": ids[y], "group": group_of[x] if same_group(x, y) else None,
                          "similarity": c, "shared_sentences": n_shared, "shared_share_a": share_a,
                          "shared_share_b": share_b, "direction": direction, "direction_basis": basis,
                          "_na": names[x], "_nb": names[y]})
    pairs = pd.DataFrame(pair_rows, columns=PAIR_COLUMNS + ["_na", "_nb"])
    pairs = pairs.sort_values(["_na", "_nb"], kind="stable").drop(columns=["_na", "_nb"]).reset_index(drop=True)

    # -- figures and claims ------------------------------------------------------------------------
    members: dict[Any, list[int]] = {}
    for d in range(n_docs):
        if group_of[d] is not None:
            members.setdefault(group_of[d], []).append(d)
    figures_of: dict[int, list[_claims.Figure]] = {}
    offsets = np.searchsorted(features.doc, np.arange(n_docs + 1)) if len(features) else np.zeros(n_docs + 1, np.int64)
    for lo in range(0, n_docs, 256):
        batch = list(range(lo, min(n_docs, lo + 256)))
        corpus = segment([texts[d] for d in batch], max_chars=config.max_chars)
        for k, d in enumerate(batch):
            figures_of[d] = _claims.extract(corpus, k, int(offsets[d]) - int(np.searchsorted(corpus.sentences.doc, k)))
    figure_rows = [{"id": ids[d], **{c: getattr(f, c) for c in FIGURE_COLUMNS[1:]}}
                   for d in range(n_docs) for f in figures_of.get(d, [])]
    figures = pd.DataFrame(figure_rows, columns=FIGURE_COLUMNS)
    sentence_pairs: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for x, y, i, j in zip(doc_a.tolist(), doc_b.tolist(), sa.tolist(), sb.tolist()):
        sentence_pairs.setdefault((x, y), set()).add((i, j))
    claim_rows = []
    for key in sorted(members, key=str):
        m = sorted(members[key], key=lambda d: names[d])
        for ix, x in enumerate(m):
            for y in m[ix + 1 :]:
                for fa, fb, how, score in _claims.align(figures_of[x], figures_of[y], sentence_pairs.get((x, y), set())):
                    claim_rows.append({"group": key, "id_a": ids[x], "id_b": ids[y], "kind": fa.kind if fa.kind != "undisclosed" else fb.kind,
                                       "unit": fa.unit or fb.unit, "value_a": fa.value, "value_b": fb.value,
                                       "text_a": fa.text, "text_b": fb.text, "start_a": fa.start, "end_a": fa.end,
                                       "start_b": fb.start, "end_b": fb.end, "agree": _claims.agree(fa, fb),
                                       "alignment": how, "score": score})
    claims = pd.DataFrame(claim_rows, columns=CLAIM_COLUMNS)
    if len(claims):
        claims["agree"] = claims["agree"].astype(bool)

    # -- framing and sourcing differences ----------------------------------------------------------
    diff_rows: list[dict[str, Any]] = []
    if differences and {"framing", "sourcing"} & set(config.signals):
        in_group_shared: dict[int, set[int]] = {}
        for x, y, i, j in zip(doc_a.tolist(), doc_b.tolist(), sa.tolist(), sb.tolist()):
            if same_group(x, y):
                in_group_shared.setdefault(x, set()).add(i)
                in_group_shared.setdefault(y, set()).add(j)
        cache: dict[int, Any] = {}
        for key in sorted(members, key=str):
            m = sorted(members[key], key=lambda d: names[d])
            if len(m) < 2:
                continue
            own = {}
            for d in m:
                lo, hi = offsets[d], offsets[d + 1]
                mask = np.ones(hi - lo, dtype=bool)
                for s in in_group_shared.get(d, ()):
                    mask[s - lo] = False
                own[d] = features.start[lo:hi][mask]
            diff_rows += _differences(m, ids, features.texts, own, key, config, cache)
    diffs = pd.DataFrame(diff_rows, columns=DIFFERENCE_COLUMNS)
    return Comparison(documents, pairs, ptab.drop(columns=["_a", "_b", "_na", "_nb"]), claims, figures, diffs,
                      features.texts)

