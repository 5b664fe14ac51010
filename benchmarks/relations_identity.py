"""Byte-identity check for the relation engine: hashes of its outputs on a fixed corpus.

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/relations_identity.py --save   # before a change
    FRAMING_SHARED_DATA=../shared/data python benchmarks/relations_identity.py          # after: compares

The corpus: the seeds, the first 300 NewsArticles documents, the first 100 Wikinews and the first
100 Narrative Frames Corpus articles, and 200 documents of the speed batch
(``benchmarks._batch.build_batch``), scored in batches of ``framing.pipeline.DEFAULT_BATCH_SIZE``.
For each document it hashes the relation table (every field of
:class:`framing.cues.relations.Relations`, positions made relative to the document), the
sourcing columns (``framing.families.sourcing.compute``, as ``repr`` of the floats) and the
sourcing evidence (``framing.families.sourcing.evidence``, every field). Only hashes are stored
(``benchmarks/results/relations_identity.json``): the texts are third-party.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data
from benchmarks._batch import build_batch
from framing.core.segment import segment
from framing.cues import relations
from framing.families import sourcing
from framing.pipeline import DEFAULT_BATCH_SIZE

OUT = ROOT / "benchmarks" / "results" / "relations_identity.json"


def corpus_texts() -> list[str]:
    """The fixed corpus (see the module docstring)."""
    texts = list(_data.seeds()["text"])
    texts += list(_data.news_articles()["text"][:300])
    texts += list(_data.wikinews()["text"][:100])
    texts += list(_data.narrative_frames()["text"][:100])
    texts += build_batch(200)
    return texts


def digests(texts: list[str]) -> list[str]:
    """One SHA-256 per document over its relations, sourcing columns and sourcing evidence."""
    out = []
    for lo in range(0, len(texts), DEFAULT_BATCH_SIZE):
        corpus = segment(texts[lo : lo + DEFAULT_BATCH_SIZE])
        found = relations.relations(corpus)
        columns = sourcing.compute(corpus)
        for d in range(corpus.n_docs):
            offset = int(corpus.offsets[d])
            h = hashlib.sha256()
            for i in (found.doc == d).nonzero()[0].tolist():
                row = [int(found.sentence[i]), int(found.kind[i]), int(found.source_class[i]), int(found.resolved_class[i])]
                for a, b in ((found.cue_start, found.cue_end), (found.source_start, found.source_end),
                             (found.content_start, found.content_end)):
                    row += [int(a[i]) - offset if a[i] >= 0 else -1, int(b[i]) - offset if b[i] >= 0 else -1]
                row.append(str(found.source_key[i]))
                h.update(repr(row).encode())
            h.update(repr(sorted((k, repr(float(v[d]))) for k, v in columns.items())).encode())
            for e in sourcing.evidence(corpus, d):
                h.update(repr((e.signal, e.label, e.start, e.end, e.text, e.code, sorted(dict(e.details).items()))).encode())
            out.append(h.hexdigest())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="write the hashes instead of comparing")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    texts = corpus_texts()
    found = digests(texts)
    text_hashes = [hashlib.sha256(t.encode()).hexdigest()[:16] for t in texts]
    if args.save:
        args.output.write_text(json.dumps({"docs": len(texts), "text_sha256_16": text_hashes, "digests": found}, indent=0) + "\n")
        print(f"saved {len(found)} document digests to {args.output}")
        return
    saved = json.loads(args.output.read_text())
    if saved["text_sha256_16"] != text_hashes:
        raise SystemExit("the corpus changed: the saved hashes are for other texts")
    differ = [i for i, (a, b) in enumerate(zip(saved["digests"], found)) if a != b]
    print(f"{len(found)} documents, {len(differ)} differ" + (f": first {differ[:10]}" if differ else ""))
    if differ:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
