"""Output-identity check for the whole pipeline: a hash per column and per document's evidence,
compared with a saved run (to show that a speed-up changes no output).

Usage::

    FRAMING_SHARED_DATA=../shared/data python benchmarks/output_identity.py --save   # before a change
    FRAMING_SHARED_DATA=../shared/data python benchmarks/output_identity.py          # after: compares

The corpus: the seeds, 250 NewsArticles documents, 100 Wikinews articles, 100 Narrative Frames
Corpus articles, 150 WCXB pages (web pages, for the boilerplate family) and 100 documents of the
speed batch (``benchmarks._batch.build_batch``), plus a few hand-made edge cases (empty, blank,
non-string, non-Latin, one long line), scored with every family by
:func:`framing.pipeline.score_texts` (default configuration, and once more with
``language="auto"``) in chunks of ``framing.pipeline.DEFAULT_BATCH_SIZE``. For each column it
stores the SHA-256 of the column's float64 bytes (NaN-safe; the ``text.language`` column as its
``repr``); for each document the SHA-256 of its evidence (every field of every
:class:`~framing.core.evidence.Evidence` from :func:`framing.pipeline.evidence`) and of its error.
Only hashes are stored (``benchmarks/results/output_identity.json``): the texts are third-party.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data
from benchmarks._batch import build_batch
from framing.config import Config
from framing.core.segment import segment
from framing.pipeline import DEFAULT_BATCH_SIZE, evidence, score_texts

OUT = ROOT / "benchmarks" / "results" / "output_identity.json"

EDGE_CASES: list[object] = [
    "",
    "   \n\t ",
    None,
    12345,
    "Один два три. Это новость, сказал он.",
    "東京で会議が開かれた。首相は「問題ない」と述べた。",
    "word " * 3000,
    "A line.\nA line.\nA line.\nClick here to subscribe!\nCopyright 2020 All rights reserved.\n" * 5,
    '"We will win," said the mayor. "No," said John Smith, a spokesman. According to officials, it is over.',
    "Ünïcödé ﬁne text — with “curly quotes” and ‘single’ ones… e.g. Dr. Smith’s U.S. visit at 3 p.m.",
]


def corpus_texts() -> list[object]:
    """The fixed corpus (see the module docstring)."""
    texts: list[object] = list(_data.seeds()["text"])
    texts += list(_data.news_articles()["text"][:250])
    texts += list(_data.wikinews()["text"][:100])
    texts += list(_data.narrative_frames()["text"][:100])
    texts += list(_data.wcxb()["text"][:150])
    texts += build_batch(100)
    texts += EDGE_CASES
    return texts


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def column_digests(values: dict[str, np.ndarray]) -> dict[str, str]:
    """The SHA-256 of each column: of its little-endian float64 bytes, every NaN as the one NaN (so a NaN's
    payload does not count), or of the ``repr`` of its values when it is no float column."""
    out = {}
    for name, column in values.items():
        array = np.asarray(column)
        if array.dtype.kind == "f":
            array = np.ascontiguousarray(array, dtype="<f8")
            out[name] = _sha(np.where(np.isnan(array), np.nan, array).astype("<f8").tobytes())
        else:
            out[name] = _sha(repr(array.tolist()).encode())
    return out


def evidence_digests(texts: list[object], config: Config) -> list[str]:
    """One SHA-256 per document over its evidence and error."""
    out = []
    for lo in range(0, len(texts), DEFAULT_BATCH_SIZE):
        corpus = segment(texts[lo : lo + DEFAULT_BATCH_SIZE], max_chars=config.max_chars)
        for d in range(corpus.n_docs):
            h = hashlib.sha256(repr(corpus.errors[d]).encode())
            for e in evidence(corpus, d, config):
                h.update(
                    repr((e.signal, e.label, e.start, e.end, e.text, e.code, sorted(dict(e.details).items()))).encode()
                )
            out.append(h.hexdigest())
    return out


def run(texts: list[object]) -> dict:
    result = {}
    for name, config in (("default", Config()), ("auto", Config(language="auto"))):
        values, errors = score_texts(texts, config)
        entry = {"columns": column_digests(values), "errors": _sha(repr([repr(e) for e in errors]).encode())}
        if name == "default":
            entry["evidence"] = evidence_digests(texts, config)
        result[name] = entry
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="write the hashes instead of comparing")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    texts = corpus_texts()
    text_hashes = [_sha(repr(t).encode())[:16] for t in texts]
    found = run(texts)
    if args.save:
        args.output.write_text(
            json.dumps({"docs": len(texts), "text_sha256_16": text_hashes, "runs": found}, indent=0) + "\n"
        )
        print(f"saved digests of {len(texts)} documents to {args.output}")
        return
    saved = json.loads(args.output.read_text())
    if saved["text_sha256_16"] != text_hashes:
        raise SystemExit("the corpus changed: the saved hashes are for other texts")
    problems = []
    for name, entry in saved["runs"].items():
        now = found[name]
        for column in sorted(set(entry["columns"]) | set(now["columns"])):
            if entry["columns"].get(column) != now["columns"].get(column):
                problems.append(f"{name}: column {column} differs")
        if entry["errors"] != now["errors"]:
            problems.append(f"{name}: errors differ")
        if "evidence" in entry:
            differ = [i for i, (a, b) in enumerate(zip(entry["evidence"], now["evidence"])) if a != b]
            if differ:
                problems.append(f"{name}: evidence of {len(differ)} documents differs, first {differ[:10]}")
    n_columns = sum(len(e["columns"]) for e in saved["runs"].values())
    print(
        f"{len(texts)} documents, {n_columns} columns over {len(saved['runs'])} configurations: "
        + ("identical" if not problems else f"{len(problems)} differences")
    )
    for p in problems:
        print("  " + p)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
