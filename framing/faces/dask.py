"""Score a ``dask.dataframe`` partition by partition, on one machine or a cluster.

Needs the ``[dask]`` extra (``dask[dataframe]`` and, for clusters, ``distributed``). Each partition
is scored by :func:`framing.score` in the worker that holds it; the configuration (lexicons,
patterns) travels with the task, and the shipped tables are loaded once per worker process.

PySpark works the same way through ``mapInPandas``: see :mod:`framing.faces.spark`.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config, make_config
from framing.faces import api
from framing.pipeline import ERROR_COLUMN, LANGUAGE_COLUMN, columns, has_language_column


def meta(signals: Any = None, index: pd.Index | None = None, *, config: Config | None = None) -> pd.DataFrame:
    """An empty frame with the columns and dtypes :func:`framing.score` returns (dask's ``meta``).

    Examples
    --------
    >>> m = meta("readability")
    >>> m.dtypes["text.words"], m.dtypes["error"], len(m)
    (dtype('float64'), dtype('O'), 0)
    """
    config = make_config(config, signals=signals)
    frame = pd.DataFrame({name: np.zeros(0) for name in columns(config)}, index=index[:0] if index is not None else None)
    if has_language_column(config):  # each document's language: strings
        frame[LANGUAGE_COLUMN] = pd.Series([], dtype=object, index=frame.index)
    frame[ERROR_COLUMN] = pd.Series([], dtype=object, index=frame.index)
    return frame


def _score_partition(part: pd.DataFrame | pd.Series, text: str | None, options: dict[str, Any]) -> pd.DataFrame:
    texts = part if isinstance(part, pd.Series) else part[text]
    # dask stores text as Arrow strings, where a missing value is pd.NA: make it None ("missing text")
    texts = texts.astype(object).where(texts.notna(), None)
    frame = api.score(texts, **options)  # a Series keeps its index: rows stay aligned with the partition
    frame[ERROR_COLUMN] = frame[ERROR_COLUMN].astype(object)
    return frame


def score(
    ddf: Any,
    text: str = "text",
    *,
    signals: Any = None,
    compat: str | None = None,
    max_chars: int | None = None,
    lexicons: Any = None,
    patterns: Any = None,
    config: Config | None = None,
):
    """Score the ``text`` column of a dask DataFrame (or a dask Series); lazily.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or dask.dataframe.Series
        The documents, one per row.
    text : str, default "text"
        The column that holds the texts (ignored for a Series).
    signals, compat, max_chars, lexicons, patterns, config
        As in :func:`framing.score`.

    Returns
    -------
    dask.dataframe.DataFrame
        The columns of :func:`framing.score` (``family.signal`` floats, ``error``), with the index and
        partitions of ``ddf``; join it back with ``ddf.join(result)`` or ``concat(axis=1)``.

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": ["A cat sat.", None]}), npartitions=2)  # doctest: +SKIP
    >>> framing.faces.dask.score(ddf, signals="readability").compute()["text.words"].tolist()  # doctest: +SKIP
    [3.0, nan]
    """
    config = make_config(config, signals=signals, compat=compat, max_chars=max_chars, lexicons=lexicons, patterns=patterns)
    options = {"config": config}
    import dask.dataframe as dd

    series_like = isinstance(ddf, dd.Series)
    if not series_like and text not in ddf.columns:
        raise KeyError(f"no column {text!r} in the dask DataFrame (columns: {list(ddf.columns)})")
    empty_index = ddf._meta.index
    return ddf.map_partitions(
        _score_partition,
        None if series_like else text,
        options,
        meta=meta(index=empty_index, config=config),
        align_dataframes=False,
    )


# -- compare: candidate blocks on the cluster, each block compared in one task ---------------------
#: Bits of a row or sentence number within its partition in the integer codes of the blocking
#: tables (the partition number is in the bits above).
_CODE_BITS = 32


def _block_keys(part: pd.DataFrame | pd.Series, text: str | None, max_chars: int | None, number: int) -> pd.DataFrame:
    """The blocking keys of partition ``number``'s sentences: one row per (key, sentence), as
    integers only: ``doc`` and ``sent`` are ``number << 32`` plus the document's row or the
    sentence's position in the partition; ``keys`` is the sentence's number of keys."""
    from framing.compare.features import sentence_features

    texts = part if isinstance(part, pd.Series) else part[text]
    texts = texts.astype(object).where(texts.notna(), None).tolist()
    if len(texts) >= 1 << _CODE_BITS:
        raise ValueError(f"a partition of {len(texts)} rows is too large for candidate_blocks: repartition it")
    f = sentence_features(texts, max_chars=max_chars)
    take = f.takes_part
    sentence = np.concatenate((np.flatnonzero(take), f.bigram_sentence[take[f.bigram_sentence]]))
    keys = np.concatenate((f.key[take], f.bigram_key[take[f.bigram_sentence]]))
    frame = pd.DataFrame({"key": keys.astype(np.uint64), "sent": sentence.astype(np.int64)}).drop_duplicates()
    sent = frame["sent"].to_numpy()
    base = np.int64(number) << np.int64(_CODE_BITS)
    per_sentence = np.bincount(sent, minlength=len(f)) if len(sent) else np.zeros(len(f), np.int64)
    return pd.DataFrame({"key": frame["key"].to_numpy(), "doc": base + f.doc[sent].astype(np.int64),
                         "sent": base + sent, "keys": per_sentence[sent].astype(np.int64)})


_KEYS_META = {"key": np.uint64, "doc": np.int64, "sent": np.int64, "keys": np.int64}
_PAIR_META = {"sa": np.int64, "sb": np.int64, "da": np.int64, "db": np.int64, "short": np.int64, "n": np.int64}


def _empty(dtypes: dict) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


def _block_pairs(part: pd.DataFrame, max_key_docs: int) -> pd.DataFrame:
    """Sentence pairs of two documents sharing keys within one partition shuffled by key (every
    entry of a key is in one such partition): the number of keys they share there
    (:func:`framing.compare.passages.pairs_from_keys`, keys of 2 to ``max_key_docs`` documents),
    their documents and the shorter sentence's number of keys; ``sa < sb``."""
    from framing.compare.passages import pairs_from_keys

    if part.empty:
        return _empty(_PAIR_META)
    items, sent_codes = pd.factorize(part["sent"].to_numpy())
    first = np.zeros(len(sent_codes), np.int64)
    first[items[::-1]] = np.arange(len(items) - 1, -1, -1)  # each sentence's first entry
    doc_codes = part["doc"].to_numpy()[first]
    n_keys = part["keys"].to_numpy()[first]
    item_doc = pd.factorize(doc_codes)[0].astype(np.int64)
    a, b, n = pairs_from_keys(items.astype(np.int64), part["key"].to_numpy(), item_doc, max_key_docs=max_key_docs,
                              counts=True)
    ca, cb = sent_codes[a], sent_codes[b]
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    swap = ca > cb
    ia, ib = np.where(swap, b, a), np.where(swap, a, b)
    return pd.DataFrame({"sa": lo.astype(np.int64), "sb": hi.astype(np.int64), "da": doc_codes[ia].astype(np.int64),
                         "db": doc_codes[ib].astype(np.int64), "short": np.minimum(n_keys[a], n_keys[b]).astype(np.int64),
                         "n": n.astype(np.int64)})


def _likely_copies(part: pd.DataFrame, min_shared_keys: int) -> pd.DataFrame:
    """The document pairs of a partition of sentence pairs shuffled by ``sa`` (every entry of a
    sentence pair is in one such partition): keys shared summed over the key partitions, the
    likely copies kept, counted per document pair."""
    if part.empty:
        return _empty({"da": np.int64, "db": np.int64, "n": np.int64})
    total = part.groupby(["sa", "sb"], sort=False).agg(da=("da", "first"), db=("db", "first"), short=("short", "first"),
                                                       n=("n", "sum"))
    n = total["n"].to_numpy()
    likely = total[(n >= min_shared_keys) & (n >= BLOCK_KEY_SHARE * total["short"].to_numpy())]
    return likely.groupby(["da", "db"]).size().reset_index(name="n").astype(np.int64)


def _ids_of(part: pd.DataFrame | pd.Series, id_column: str | None) -> np.ndarray:
    """A partition's document ids as strings (the index, or the ``id_column``)."""
    ids = part.index if id_column is None else part[id_column]
    return np.array([str(i) for i in ids], dtype=object)


#: Share of the shorter sentence's blocking keys two sentences must share to link their documents.
BLOCK_KEY_SHARE = 0.5


def candidate_blocks(ddf: Any, text: str = "text", *, id: str | None = None, max_key_docs: int | None = None,
                     min_shared_keys: int = 3, max_chars: int | None = None, workdir: Any = None) -> pd.DataFrame:
    """Document pairs with a sentence pair that shares at least ``min_shared_keys`` sentence blocking
    keys (:mod:`framing.compare.passages`) and at least :data:`BLOCK_KEY_SHARE` of the shorter
    sentence's keys (a likely copy), computed on the cluster.

    Each partition's sentences are read once into a table of integer (key, sentence) entries; a
    shuffle by key brings every entry of a key together, where the sentence pairs sharing it are
    counted (a sparse product, as in one process); a second shuffle, by sentence pair, sums their
    shared keys over the key partitions and keeps the likely copies. Only the document pairs, and
    then the ids of their documents (the ``id`` column or the index alone), come to the driver.

    With ``workdir`` (a folder the driver and every worker can read and write, such as a shared
    disk), the tables go through files there instead of dask's shuffles: each partition's keys
    written in one file per key bucket (as many buckets as partitions), each key bucket's sentence
    pairs in one file per sentence-pair bucket, each of those buckets' likely copies; a run that
    stops resumes, with the same ``ddf`` and options, from the partitions and buckets already
    written (the folder is kept: remove it when done). The result is the same.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or dask.dataframe.Series
        The documents, one per row (a partition holds fewer than 2**32 rows).
    text : str, default "text"
        The text column (ignored for a Series).
    id : str, optional
        The id column (default: the index); ids are compared as strings.
    max_key_docs : int, optional
        Keys held by more documents are dropped (default
        :data:`framing.compare.passages.MAX_KEY_DOCS`).
    min_shared_keys : int, default 3
        The fewest keys a sentence pair shares to link its documents.
    max_chars : int, optional
        As in :func:`framing.score`.
    workdir : str or Path, optional
        Exchange the tables through files in this folder (see above).

    Returns
    -------
    pandas.DataFrame
        ``a``, ``b`` (ids as strings, ``a < b``) and ``n`` (such sentence pairs), sorted.

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=8)  # doctest: +SKIP
    >>> candidate_blocks(ddf).head()  # doctest: +SKIP
    """
    import dask
    import dask.dataframe as dd

    from framing.compare.passages import MAX_KEY_DOCS

    max_key_docs = MAX_KEY_DOCS if max_key_docs is None else max_key_docs
    series_like = isinstance(ddf, dd.Series)
    if not series_like and text not in ddf.columns:
        raise KeyError(f"no column {text!r} in the dask DataFrame (columns: {list(ddf.columns)})")
    columns = [text] if id is None or id == text else [text, id]
    parts = (ddf if series_like else ddf[columns]).to_delayed()  # one projection: one partitioning
    if workdir is not None:
        found, read_ids = _blocks_through_folder(parts, None if series_like else text, id, max_chars, max_key_docs,
                                                 min_shared_keys, workdir)
    else:
        pieces = [dask.delayed(_block_keys)(part, None if series_like else text, max_chars, number)
                  for number, part in enumerate(parts)]
        keys = dd.from_delayed(pieces, meta=_empty(_KEYS_META), verify_meta=False)
        pairs = keys.shuffle("key").map_partitions(_block_pairs, max_key_docs, meta=_empty(_PAIR_META))
        likely = pairs.shuffle("sa").map_partitions(_likely_copies, min_shared_keys,
                                                    meta=_empty({"da": np.int64, "db": np.int64, "n": np.int64}))
        # the ids come with the same pass over the partitions (the id column or the index: no text)
        pieces = likely.to_delayed()
        got = dask.compute(*pieces, *[dask.delayed(_ids_of)(part, id) for part in parts])
        found, id_parts = pd.concat(got[: len(pieces)], ignore_index=True), got[len(pieces) :]
        read_ids = id_parts.__getitem__
    if found.empty:
        return pd.DataFrame({"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=object),
                             "n": pd.Series([], dtype=np.int64)})
    codes = np.unique(np.concatenate((found["da"].to_numpy(), found["db"].to_numpy())))
    number, row = codes >> _CODE_BITS, codes & ((1 << _CODE_BITS) - 1)
    names = {}
    for p in np.unique(number).tolist():
        ids = read_ids(p)
        names.update((code, ids[r]) for code, r in zip(codes[number == p].tolist(), row[number == p].tolist()))
    a = found["da"].map(names).to_numpy(dtype=object)
    b = found["db"].map(names).to_numpy(dtype=object)
    swap = a > b
    out = pd.DataFrame({"a": np.where(swap, b, a), "b": np.where(swap, a, b), "n": found["n"].to_numpy()})
    out = out.groupby(["a", "b"], sort=True)["n"].sum().reset_index()
    out["n"] = out["n"].astype(np.int64)
    return out.reset_index(drop=True)


# -- the same tables exchanged through a folder: resumable, partition by partition -----------------
def _save_table(path: Any, frame: pd.DataFrame) -> None:
    """``frame`` (integer columns) as an ``.npz`` written atomically (never a pickle)."""
    import os

    tmp = path.with_name(f".tmp-{path.name}")  # never matched by the readers' globs
    np.savez(tmp, **{name: frame[name].to_numpy() for name in frame.columns})
    os.replace(tmp, path)


def _load_tables(paths: list, dtypes: dict) -> pd.DataFrame:
    frames = []
    for path in paths:
        with np.load(path, allow_pickle=False) as z:
            frames.append(pd.DataFrame({name: z[name] for name in dtypes}))
    return pd.concat(frames, ignore_index=True) if frames else _empty(dtypes)


def _spread(frame: pd.DataFrame, column: str, buckets: int, folder: Any, name: str) -> None:
    """Write ``frame`` as ``buckets`` files ``folder/bNNNNN/name.npz`` by ``column`` modulo ``buckets``."""
    values = frame[column].to_numpy()
    bucket = (values % np.asarray(buckets, dtype=values.dtype)).astype(np.int64)
    order = np.argsort(bucket, kind="stable")
    bounds = np.searchsorted(bucket[order], np.arange(buckets + 1))
    for k in range(buckets):
        target = folder / f"b{k:05d}"
        target.mkdir(parents=True, exist_ok=True)
        _save_table(target / f"{name}.npz", frame.iloc[order[bounds[k] : bounds[k + 1]]])


def _keys_to_folder(part: Any, text: str | None, id_column: str | None, max_chars: int | None, number: int,
                    folder: Any, buckets: int) -> int:
    """Stage 1 of :func:`candidate_blocks` with ``workdir``: a partition's keys, spread by key."""
    frame = _block_keys(part, text, max_chars, number)
    _spread(frame, "key", buckets, folder / "keys", f"p{number:06d}")
    ids = folder / "ids" / f"p{number:06d}.json"
    ids.parent.mkdir(parents=True, exist_ok=True)
    import json

    ids.with_suffix(".tmp").write_text(json.dumps(_ids_of(part, id_column).tolist()), encoding="utf-8")
    ids.with_suffix(".tmp").replace(ids)
    (folder / "keys" / f"p{number:06d}.done").touch()
    return number


def _pairs_to_folder(bucket: int, folder: Any, buckets: int, max_key_docs: int, _after: Any = None) -> int:
    """Stage 2: one key bucket's sentence pairs, spread by sentence pair."""
    keys = _load_tables(sorted((folder / "keys" / f"b{bucket:05d}").glob("p*.npz")), _KEYS_META)
    _spread(_block_pairs(keys, max_key_docs), "sa", buckets, folder / "pairs", f"k{bucket:05d}")
    (folder / "pairs" / f"k{bucket:05d}.done").touch()
    return bucket


def _likely_from_folder(bucket: int, folder: Any, min_shared_keys: int, _after: Any = None) -> int:
    """Stage 3: one sentence-pair bucket's likely copies, per document pair."""
    pairs = _load_tables(sorted((folder / "pairs" / f"b{bucket:05d}").glob("k*.npz")), _PAIR_META)
    target = folder / "likely"
    target.mkdir(parents=True, exist_ok=True)
    _save_table(target / f"s{bucket:05d}.npz", _likely_copies(pairs, min_shared_keys))
    return bucket


def _blocks_through_folder(parts: list, text: str | None, id: str | None, max_chars: int | None, max_key_docs: int,
                           min_shared_keys: int, workdir: Any) -> tuple[pd.DataFrame, Any]:
    """The document pairs (integer codes) and a reader of ids, the tables exchanged through
    ``workdir``; every stage skips the partitions and buckets it finds done there."""
    import json
    from pathlib import Path

    import dask

    folder = Path(workdir)
    buckets = len(parts)
    manifest = folder / "manifest.json"
    settings = {"partitions": len(parts), "text": text, "id": id, "max_chars": max_chars,
                "max_key_docs": max_key_docs, "min_shared_keys": min_shared_keys}
    if manifest.is_file():
        if json.loads(manifest.read_text(encoding="utf-8")) != settings:
            raise ValueError(f"{folder} holds the tables of another run ({manifest}); use an empty workdir")
    else:
        folder.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps(settings), encoding="utf-8")
    stage1 = [dask.delayed(_keys_to_folder)(part, text, id, max_chars, number, folder, buckets)
              for number, part in enumerate(parts) if not (folder / "keys" / f"p{number:06d}.done").is_file()]
    stage2 = [dask.delayed(_pairs_to_folder)(k, folder, buckets, max_key_docs, stage1) for k in range(buckets)
              if not (folder / "pairs" / f"k{k:05d}.done").is_file()]
    stage3 = [dask.delayed(_likely_from_folder)(j, folder, min_shared_keys, stage2) for j in range(buckets)
              if not (folder / "likely" / f"s{j:05d}.npz").is_file()]
    if stage3:
        dask.compute(*stage3)
    found = _load_tables([folder / "likely" / f"s{j:05d}.npz" for j in range(buckets)],
                         {"da": np.int64, "db": np.int64, "n": np.int64})

    def ids(number: int) -> list:
        return json.loads((folder / "ids" / f"p{number:06d}.json").read_text(encoding="utf-8"))

    return found, ids


#: Documents compared in one task by :func:`compare` (a block larger than this is split: see there).
MAX_BLOCK_DOCS = 1000


def split_blocks(pairs: pd.DataFrame, max_block_docs: int = MAX_BLOCK_DOCS) -> tuple[dict, int]:
    """Blocks of documents from candidate pairs (``a``, ``b``, ``n``): the connected components,
    each at most ``max_block_docs`` documents.

    A component larger than the cap is split again on its strongest links: its pairs with at least
    ``t`` linking sentence pairs (``n``), for ``t = 2, 3, …`` until every piece fits; a piece still
    too large when no pair is left to drop is cut into runs of ``max_block_docs`` documents in id
    order. Returns the block of each document and the number of candidate pairs whose two documents
    ended in different blocks (never compared; :func:`compare` warns).

    Examples
    --------
    >>> pairs = pd.DataFrame({"a": ["1", "2", "3"], "b": ["2", "3", "4"], "n": [1, 5, 5]})
    >>> blocks, lost = split_blocks(pairs, max_block_docs=3)
    >>> sorted(blocks.items()), lost
    ([('1', 0), ('2', 1), ('3', 1), ('4', 1)], 1)
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    block_of: dict = {}
    next_block = 0
    work = [(pairs[["a", "b", "n"]].reset_index(drop=True), 1)]
    while work:
        edges, floor = work.pop()
        edges = edges[edges["n"] >= floor]
        members = sorted(set(edges["a"]) | set(edges["b"]))
        if not members:
            continue
        index = {d: k for k, d in enumerate(members)}
        ia, ib = edges["a"].map(index).to_numpy(), edges["b"].map(index).to_numpy()
        graph = csr_matrix((np.ones(len(edges)), (ia, ib)), shape=(len(members), len(members)))
        _, labels = connected_components(graph, directed=False)
        sizes = np.bincount(labels)
        for label in np.unique(labels):
            docs = [members[k] for k in np.flatnonzero(labels == label)]
            if sizes[label] <= max_block_docs:
                for d in docs:
                    block_of[d] = next_block
                next_block += 1
                continue
            inner = edges[(labels[ia] == label)]
            if (inner["n"] > floor).any():
                work.append((inner, floor + 1))
                # documents whose every link is below the new floor still need a block
                kept = set(inner.loc[inner["n"] > floor, "a"]) | set(inner.loc[inner["n"] > floor, "b"])
                for d in docs:
                    if d not in kept:
                        block_of[d] = next_block
                        next_block += 1
            else:
                for lo in range(0, len(docs), max_block_docs):
                    for d in docs[lo : lo + max_block_docs]:
                        block_of[d] = next_block
                    next_block += 1
    # number blocks by their first document: independent of the work order
    first: dict = {}
    for d in sorted(block_of):
        first.setdefault(block_of[d], len(first))
    block_of = {d: first[b] for d, b in block_of.items()}
    lost = int((pairs["a"].map(block_of) != pairs["b"].map(block_of)).sum()) if len(pairs) else 0
    return block_of, lost


def _with_ids(part: pd.DataFrame, id_column: str | None) -> pd.DataFrame:
    ids = part.index if id_column is None else part[id_column]
    return part.assign(_id=pd.Series([str(i) for i in ids], index=part.index, dtype=object))


def _lone_documents(part: pd.DataFrame, text: str, id_column: str | None, skip: list, max_chars: int | None) -> pd.DataFrame:
    """The documents-table rows of a partition's documents that are in no block."""
    from framing.compare.core import compare as compare_texts

    part = _with_ids(part, id_column)
    part = part[~part["_id"].isin(skip)]
    texts = part[text].astype(object).where(part[text].notna(), None).tolist()
    ids = part["_id"].tolist()
    result = compare_texts(texts, ids=ids, groups=ids, max_chars=max_chars, differences=False, paraphrase_threshold=None)
    docs = result.documents
    # a document in no block shares nothing (its candidates were all below min_shared_keys)
    docs["shared_sentences"] = 0
    docs["shared_words"] = 0
    docs["reused_share"] = np.where(docs["error"].isna(), 0.0, np.nan)
    docs["paraphrased_share"] = docs["reused_share"]
    docs["independence"] = np.where(docs["error"].isna(), 1.0, np.nan)
    docs["shares_most_with"] = None
    return docs


def compare(ddf: Any, text: str = "text", *, id: str | None = None, group: str | None = None,
            max_key_docs: int | None = None, min_shared_keys: int = 3, max_block_docs: int = MAX_BLOCK_DOCS,
            max_chars: int | None = None, workdir: Any = None, **options: Any):
    """:func:`framing.compare` for a dask DataFrame too large for one process.

    Blocking runs on the cluster (:func:`candidate_blocks`); the documents are then split into
    **blocks**: the connected components of the candidate pairs (or, with ``group=``, the groups of
    that column), and each block of two or more documents is compared in one task by
    :func:`framing.compare.compare` (its automatic groups, TF-IDF and figures computed within the
    block). A document in no block keeps its row (nothing shared, independence 1). Passages
    between documents of different blocks cannot exist, by construction (they would share keys),
    except for keys dropped by ``max_key_docs``.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or Series
        The documents.
    text : str
        The text column.
    id : str, optional
        The id column (default: the index); ids are compared as strings and must be unique.
    group : str, optional
        An event-key column: each group is one block.
    max_key_docs, min_shared_keys : int
        Keys held by more documents are dropped (default
        :data:`framing.compare.passages.MAX_KEY_DOCS`); pairs sharing fewer keys are not candidates.
    max_block_docs : int, default :data:`MAX_BLOCK_DOCS`
        The most documents compared in one task: a larger connected component of candidate pairs
        is split on its strongest links (:func:`split_blocks`), with a warning naming the candidate
        pairs left uncompared.
    max_chars : int, optional
        As in :func:`framing.score`.
    workdir : str or Path, optional
        Exchange the blocking tables through files in this folder (resumable): see
        :func:`candidate_blocks`.
    **options
        Passed to :func:`framing.compare.compare` (``threshold``, ``differences``, ...).

    Returns
    -------
    framing.compare.Comparison
        In memory: one row per document in ``documents`` (blocks first, then the rest); only the
        documents of blocks are brought to the driver, and the others' rows are computed where
        their partitions live (their figures are not listed).

    Examples
    --------
    >>> import dask.dataframe as dd  # doctest: +SKIP
    >>> ddf = dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=8)  # doctest: +SKIP
    >>> framing.faces.dask.compare(ddf, differences=False).passages  # doctest: +SKIP
    """
    import dask
    import dask.dataframe as dd

    from framing.compare.core import Comparison
    from framing.compare.core import compare as compare_texts

    series_like = isinstance(ddf, dd.Series)
    frame_like = ddf.to_frame(text) if series_like else ddf
    if group is None:
        pairs = candidate_blocks(ddf, text, id=id, max_key_docs=max_key_docs, min_shared_keys=min_shared_keys,
                                 max_chars=max_chars, workdir=workdir)
        block_of, lost = split_blocks(pairs, max_block_docs)
        if lost:
            warnings.warn(f"{lost} candidate document pairs fell in different blocks of at most {max_block_docs} "
                          "documents and were not compared (raise max_block_docs)", stacklevel=2)
        members = sorted(block_of)
        wanted = set(members)
        # only the documents of blocks come to the driver
        inside = frame_like.map_partitions(_with_ids, id, meta=_with_ids(frame_like._meta, id))
        inside = inside[inside["_id"].isin(list(wanted))].compute()
        inside["_block"] = inside["_id"].map(block_of)
    else:
        inside = frame_like.map_partitions(_with_ids, id, meta=_with_ids(frame_like._meta, id)).compute()
        keys = inside[group].astype(object).where(inside[group].notna(), None)
        inside["_block"] = keys
        inside = inside[inside["_block"].notna()]
        wanted = set(inside["_id"])
    tasks = []
    for _, block in sorted(inside.groupby("_block"), key=lambda kv: str(kv[0])):
        texts = block[text].astype(object).where(block[text].notna(), None).tolist()
        groups = None if group is None else block[group].tolist()
        tasks.append(dask.delayed(compare_texts)(texts, ids=block["_id"].tolist(), groups=groups,
                                                 max_chars=max_chars, **options))
    results = list(dask.compute(*tasks)) if tasks else []
    # every other document: its row of the documents table, computed where its partition lives
    rest = frame_like.map_partitions(_lone_documents, text, id, sorted(wanted), max_chars,
                                     meta=_lone_documents(frame_like._meta, text, id, [], max_chars)).compute()
    pieces = results or [compare_texts([], max_chars=max_chars, **{**options, "differences": False})]
    tables = {name: pd.concat([getattr(r, name) for r in pieces], ignore_index=True) for name in Comparison.TABLES}
    tables["documents"] = pd.concat([tables["documents"], rest], ignore_index=True)
    return Comparison(**tables, texts=[t for r in results for t in r.texts])
