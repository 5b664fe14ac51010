"""Boilerplate validation: line-level precision and recall on real extractor output, page-level
checks on WCXB, a recall check on trafilatura's boilerplate snippets, the seeds, and speed.

Usage::

    PYTHONPATH=. python benchmarks/boilerplate_validation.py      # prints every table as Markdown
    PYTHONPATH=. python benchmarks/boilerplate_validation.py --skip-speed   # without the timing table

Both write every table to ``benchmarks/results/boilerplate_validation.json`` (the docs' tables are
generated from it by ``docs/make_validation.py``).

Labels (``../shared/research/sourcing-boilerplate-anchors.md`` §0)
-------------------------------------------------------------------
Each extractor output of the Scrapinghub article-extraction benchmark (``output/{trafilatura,
readability,boilerpipe}.json``) is split into framing's lines. A line is normalised (Unicode NFKC,
lower case, list markers ``- `` ``• `` ``1. `` and table pipes removed, white space collapsed) and is

* **content** if it is a substring of the normalised gold ``articleBody``; a line of 3 words or
  fewer needs an exact match with a normalised gold line ("Share" or "News" occur in any gold);
* **headline** if it is not content but is the page's ``<title>``, ``<h1>``, or title or
  description ``<meta>`` text, or a part of one of them of at least :data:`MIN_HEADLINE_CHARS`
  characters: headlines and standfirsts that the gold leaves out. They are reported on their own and
  count neither for nor against a detector;
* **boilerplate** otherwise.

Substring tests are also made with all white space removed, because boilerpipe writes a space
before punctuation that follows a link ("water table . But"); a line that matches either way is
content. Lines that are not content but have at least 80 % of their tokens in the gold (the research
note's "ambiguous" lines) stay boilerplate, as §0 says; their number is reported.

The line model is evaluated out of fold: :func:`out_of_fold_probabilities` trains it with the
training script's own code on the pages of four folds (grouped by page, so no page of the
evaluation fold is ever seen, whichever extractor produced it) and predicts the fifth.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks._tables import markdown_table, print_and_save, versions  # noqa: E402
from framing.core.segment import Corpus, segment  # noqa: E402
from framing.families import boilerplate  # noqa: E402

#: A headline part must have at least this many characters (shorter ones match by chance).
MIN_HEADLINE_CHARS = 20
#: Lines of at most this many words need an exact gold-line match to be content.
EXACT_MATCH_WORDS = 3
#: Token share in the gold above which a non-matching line is "ambiguous" (reported only).
AMBIGUOUS_TOKEN_SHARE = 0.8

CONTENT, BOILERPLATE, HEADLINE = "content", "boilerplate", "headline"

_MARKER = re.compile(r"^(?:[-*•·–—▪◦‣>+]+|\d{1,3}[.)]|[a-z][.)])\s+")
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def normalise(line: str) -> str:
    """A line as the labelling recipe compares it: NFKC, lower case, no list marker or pipes, one space.

    Examples
    --------
    >>> normalise("  - Share  |  this ")
    'share this'
    """
    text = unicodedata.normalize("NFKC", line).replace("|", " ").strip()
    text = _MARKER.sub("", text.lower())
    return _SPACE.sub(" ", text).strip()


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


class GoldIndex:
    """The normalised gold of one page, for labelling lines."""

    def __init__(self, gold: str, titles: list[str]) -> None:
        self.text = " ".join(normalise(line) for line in gold.splitlines() if line.strip())
        self.squeezed = _squeeze(self.text)
        self.lines = {normalise(line) for line in gold.splitlines() if line.strip()}
        self.squeezed_lines = {_squeeze(line) for line in self.lines}
        self.tokens = set(_TOKEN.findall(self.text))
        self.titles = [normalise(t) for t in titles if normalise(t)]

    def label(self, line: str) -> tuple[str, bool]:
        """``(label, ambiguous)`` of one line."""
        norm = normalise(line)
        if not norm:
            return BOILERPLATE, False
        if len(norm.split()) <= EXACT_MATCH_WORDS:
            content = norm in self.lines or _squeeze(norm) in self.squeezed_lines
        else:
            content = norm in self.text or _squeeze(norm) in self.squeezed
        if content:
            return CONTENT, False
        for title in self.titles:
            if norm == title or (len(norm) >= MIN_HEADLINE_CHARS and norm in title) or (len(title) >= MIN_HEADLINE_CHARS and title in norm and len(title) >= 0.6 * len(norm)):
                return HEADLINE, False
        tokens = _TOKEN.findall(norm)
        ambiguous = bool(tokens) and sum(t in self.tokens for t in tokens) / len(tokens) >= AMBIGUOUS_TOKEN_SHARE
        return BOILERPLATE, ambiguous


def labelled_lines(pages: pd.DataFrame, extractor: str) -> tuple[Corpus, pd.DataFrame]:
    """Segment one extractor's outputs and label every line.

    Returns
    -------
    corpus : Corpus
        The outputs, one document per page in ``pages`` order.
    lines : pandas.DataFrame
        One row per line of ``corpus.lines``: ``page``, ``doc``, ``text``, ``label`` and
        ``ambiguous``.
    """
    texts = [t if isinstance(t, str) else "" for t in pages[extractor]]
    corpus = segment(texts)
    golds = [GoldIndex(g, list(t)) for g, t in zip(pages["gold"], pages["titles"])]
    lines = corpus.lines
    rows = []
    for doc, start, end in zip(lines.doc.tolist(), lines.start.tolist(), lines.end.tolist()):
        text = corpus.texts[doc][start:end]
        label, ambiguous = golds[doc].label(text)
        rows.append((pages.index[doc], doc, text, label, ambiguous))
    return corpus, pd.DataFrame(rows, columns=["page", "doc", "text", "label", "ambiguous"])


def scores(lines: pd.DataFrame, flagged: np.ndarray, keep: np.ndarray | None = None) -> dict[str, float]:
    """Precision, recall and F1 of ``flagged`` against the labels of ``lines``; headlines left out.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1``, ``flagged``, ``boilerplate`` (lines labelled so) and
        ``headlines_flagged`` (of the headline lines, how many were flagged).
    """
    flagged = np.asarray(flagged, dtype=bool)
    label = lines["label"].to_numpy()
    scored = label != HEADLINE
    if keep is not None:
        scored &= keep
    truth = (label == BOILERPLATE)[scored]
    found = flagged[scored]
    tp = int((truth & found).sum())
    precision = tp / found.sum() if found.sum() else float("nan")
    recall = tp / truth.sum() if truth.sum() else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    headline = label == HEADLINE
    return {
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "flagged": int(found.sum()),
        "boilerplate": int(truth.sum()),
        "headlines": int(headline.sum()),
        "headlines_flagged": int((flagged & headline).sum()),
    }


# -- detectors compared ---------------------------------------------------------------------------
def c4_line_rule(texts: list[str]) -> np.ndarray:
    """The C4 line rule as the issue states it: boilerplate unless the line ends in ``. ? ! "`` and has ≥ 3 words.

    Words are white-space tokens (as in C4's reference code).

    Examples
    --------
    >>> c4_line_rule(["The vote was close.", "Subheads lack an end mark", "Ok."]).tolist()
    [False, True, True]
    """
    return np.array([not (t.rstrip().endswith((".", "?", "!", '"')) and len(t.split()) >= 3) for t in texts], dtype=bool)


#: The research note's small phrase lexicon (§2b, footnote 1), rebuilt from its list; lines of ≤ 25 words.
RESEARCH_PHRASES = re.compile(
    r"subscribe|newsletter|sign (?:up|in)|log in|share (?:this|on)|follow us|copyright|all rights reserved|privacy policy"
    r"|terms of (?:use|service)|cookies?\b|read (?:more|next)|related stories|recommended|advertisement|click here"
    r"|leave a (?:reply|comment)|getty images|unsplash|shutterstock|ap photo|(?:photo|image|credit):|\(reporting by"
    r"|editing by|thanks for signing up|inbox|download the app|sponsored",
    re.IGNORECASE,
)
RESEARCH_PHRASE_MAX_WORDS = 25


def research_phrase_list(texts: list[str]) -> np.ndarray:
    """The research note's phrase-list baseline: a phrase of :data:`RESEARCH_PHRASES` in a line of ≤ 25 words.

    Examples
    --------
    >>> research_phrase_list(["Subscribe to our newsletter", "The council approved the budget."]).tolist()
    [True, False]
    """
    return np.array([len(t.split()) <= RESEARCH_PHRASE_MAX_WORDS and RESEARCH_PHRASES.search(t) is not None for t in texts], dtype=bool)


def _train_module():
    """``models/train_boilerplate.py`` loaded as a module (it is a script, not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_boilerplate", ROOT / "models" / "train_boilerplate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


class LineBenchmark:
    """The labelled extractor outputs with out-of-fold model probabilities, computed once."""

    def __init__(self, pages: pd.DataFrame | None = None) -> None:
        train = _train_module()
        self.pages = _data.article_extraction_benchmark() if pages is None else pages
        self.data = train.training_lines(self.pages)
        self.probabilities = train.out_of_fold(self.data["X"], self.data["y"], self.data["groups"])
        self.folds = train.N_FOLDS

    def extractor(self, name: str) -> tuple[Corpus, pd.DataFrame, np.ndarray]:
        corpus, lines = self.data["per_extractor"][name]
        return corpus, lines, self.probabilities[self.data["extractor"] == name]

    def table(self, name: str, threshold: float | None = None) -> boilerplate.LineTable:
        corpus, _, probabilities = self.extractor(name)
        if threshold is None:
            return boilerplate.line_table(corpus, probabilities=probabilities)
        return boilerplate.line_table(corpus, probabilities=probabilities, threshold=threshold)


#: Targets of issue 3 on the three extractor outputs: minimum precision and F1.
TARGETS = {"trafilatura": (0.80, 0.40), "readability": (0.80, 0.50), "boilerpipe": (0.80, 0.70)}


def line_level(bench: LineBenchmark) -> pd.DataFrame:
    """Line-level P/R/F1 of framing (out of fold) and the baselines, per extractor output."""
    rows = []
    for name in _data.EXTRACTORS:
        corpus, lines, _ = bench.extractor(name)
        table = bench.table(name)
        texts = lines["text"].tolist()
        pattern_only = (table.pattern >= 0) & ~table.exempt
        methods = {
            "framing": table.flagged,
            "framing, patterns only": pattern_only,
            "C4 line rule": c4_line_rule(texts),
            "research phrase list": research_phrase_list(texts),
        }
        min_p, min_f1 = TARGETS[name]
        for method, flagged in methods.items():
            s = scores(lines, flagged)
            rows.append(
                {
                    "extractor": name,
                    "method": method,
                    "precision": s["precision"],
                    "recall": s["recall"],
                    "f1": s["f1"],
                    "flagged": s["flagged"],
                    "boilerplate_lines": s["boilerplate"],
                    "lines_scored": int((lines["label"] != HEADLINE).sum()),
                    "headlines": s["headlines"],
                    "headlines_flagged": s["headlines_flagged"],
                    "target": f"P ≥ {min_p:.2f}, F1 ≥ {min_f1:.2f}" if method == "framing" else "",
                    "meets": (s["precision"] >= min_p and s["f1"] >= min_f1) if method == "framing" else None,
                }
            )
    return pd.DataFrame(rows)


def threshold_sweep(bench: LineBenchmark, thresholds: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) -> pd.DataFrame:
    """framing's P/R/F1 per extractor for other model thresholds (out of fold)."""
    rows = []
    for threshold in thresholds:
        for name in _data.EXTRACTORS:
            _, lines, _ = bench.extractor(name)
            s = scores(lines, bench.table(name, threshold).flagged)
            rows.append({"threshold": threshold, "extractor": name, "precision": s["precision"], "recall": s["recall"], "f1": s["f1"]})
    return pd.DataFrame(rows)


#: A page whose table the extractor split into one line per cell: at least this many boilerplate-
#: labelled lines of ≤ 3 words that open or close with a table pipe.
SPLIT_TABLE_MIN_LINES = 20
_WORD = re.compile(r"\w")
_CELL = re.compile(r"^\|?[^|]*\|$|^\|[^|]*$")


def label_audit(bench: LineBenchmark) -> pd.DataFrame:
    """How the labels break down, and framing's scores without pages whose tables were split per cell.

    Lines of ≤ 3 words need an exact gold-line match (§0), so a table that an extractor wrote one
    cell per line ("Myles Garrett |", "57 |") is labelled boilerplate although its cells are in the
    gold rows. This table counts those lines and the research note's "ambiguous" lines, and gives
    framing's scores with the split-table pages left out, and with the lines without a word left
    out ("-", "|": framing flags an empty list item; sensitivity checks, the targets are judged on
    :func:`line_level`).
    """
    rows = []
    for name in _data.EXTRACTORS:
        _, lines, _ = bench.extractor(name)
        table = bench.table(name)
        label = lines["label"].to_numpy()
        short = lines["text"].str.split().str.len().fillna(0).to_numpy() <= EXACT_MATCH_WORDS
        cells = short & lines["text"].str.strip().str.contains(_CELL).to_numpy() & (label == BOILERPLATE)
        per_page = pd.Series(cells).groupby(lines["page"].to_numpy()).sum()
        split_pages = set(per_page[per_page >= SPLIT_TABLE_MIN_LINES].index)
        keep = ~lines["page"].isin(split_pages).to_numpy()
        s = scores(lines, table.flagged, keep)
        worded = scores(lines, table.flagged, lines["text"].str.contains(_WORD).to_numpy())
        rows.append(
            {
                "extractor": name,
                "lines": len(lines),
                "content": int((label == CONTENT).sum()),
                "boilerplate": int((label == BOILERPLATE).sum()),
                "headline": int((label == HEADLINE).sum()),
                "ambiguous_boilerplate": int(lines["ambiguous"].sum()),
                "split_table_pages": len(split_pages),
                "split_table_cells": int(cells[~keep].sum()),
                "precision_without_split_tables": s["precision"],
                "recall_without_split_tables": s["recall"],
                "f1_without_split_tables": s["f1"],
                "wordless_lines": int((~lines["text"].str.contains(_WORD)).sum()),
                "precision_without_wordless": worded["precision"],
                "recall_without_wordless": worded["recall"],
                "f1_without_wordless": worded["f1"],
            }
        )
    return pd.DataFrame(rows)


def category_breakdown(bench: LineBenchmark) -> pd.DataFrame:
    """Flagged lines per category and extractor, with the share that the labels call boilerplate."""
    rows = []
    for name in _data.EXTRACTORS:
        _, lines, _ = bench.extractor(name)
        table = bench.table(name)
        label = lines["label"].to_numpy()
        for i, category in enumerate(boilerplate.LABELS):
            mask = (table.label == i) & (label != HEADLINE)
            if mask.any():
                rows.append({"extractor": name, "category": category, "flagged": int(mask.sum()), "precision": float((label[mask] == BOILERPLATE).mean())})
    return pd.DataFrame(rows)


# -- snippets: WCXB and trafilatura's evaluation data ---------------------------------------------
def flag_snippets(snippets: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Score each snippet as a one-line document.

    Returns
    -------
    flagged : ndarray of bool
    label : ndarray of int
        Index into ``boilerplate.LABELS`` of a flagged snippet's category, else -1.
    by_pattern : ndarray of bool
        Flagged by a pattern (not by the line model alone).
    """
    if not snippets:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    corpus = segment(snippets)
    table = boilerplate.line_table(corpus)
    flagged = np.zeros(len(snippets), dtype=bool)
    label = np.full(len(snippets), -1, dtype=np.int64)
    by_pattern = np.zeros(len(snippets), dtype=bool)
    flagged[table.doc[table.flagged]] = True
    label[table.doc[table.flagged]] = table.label[table.flagged]
    hit = table.flagged & (table.pattern >= 0)
    by_pattern[table.doc[hit]] = True
    return flagged, label, by_pattern


def wcxb_check(pages: pd.DataFrame) -> pd.DataFrame:
    """WCXB test split: boilerplate (``without``) snippets flagged, content flagged by mistake.

    Rows: ``without`` snippets (recall), ``with`` snippets (false-positive rate), and the lines of the
    gold ``main_content`` of each page scored as a document (false-positive rate), for all pages and
    for article pages. Snippets are scored one per document, so only the patterns and the
    context-free features can fire; the first-line (headline) exemption applies to each of them.
    """
    rows = []
    for subset, frame in (("all pages", pages), ("article pages", pages[pages["page_type"] == "article"])):
        without = [s for group in frame["without"] for s in group if s and s.strip()]
        with_ = [s for group in frame["with"] for s in group if s and s.strip()]
        flagged_without, _, pattern_without = flag_snippets(without)
        flagged_with, _, pattern_with = flag_snippets(with_)
        bodies = [t for t in frame["main_content"] if t and t.strip()]
        table = boilerplate.line_table(segment(bodies))
        page_share = pd.Series(table.flagged).groupby(table.doc).mean()
        rows += [
            {"subset": subset, "what": "without snippets (boilerplate)", "n": len(without), "flagged": int(flagged_without.sum()), "share_flagged": float(flagged_without.mean()), "share_by_patterns": float(pattern_without.mean())},
            {"subset": subset, "what": "with snippets (content)", "n": len(with_), "flagged": int(flagged_with.sum()), "share_flagged": float(flagged_with.mean()), "share_by_patterns": float(pattern_with.mean())},
            {
                "subset": subset,
                "what": "main_content lines (content)",
                "n": len(table.flagged),
                "flagged": int(table.flagged.sum()),
                "share_flagged": float(table.flagged.mean()),
                "pages": len(bodies),
                "pages_with_a_flag": int((page_share > 0).sum()),
                "median_page_share": float(page_share.median()),
            },
        ]
    return pd.DataFrame(rows)


def wcxb_without_categories(pages: pd.DataFrame) -> pd.DataFrame:
    """The categories framing gives the WCXB ``without`` snippets it flags."""
    without = [s for group in pages["without"] for s in group if s and s.strip()]
    flagged, label, _ = flag_snippets(without)
    counts = pd.Series([boilerplate.LABELS[i] for i in label[flagged]]).value_counts()
    return pd.DataFrame({"category": counts.index, "snippets": counts.to_numpy(), "share_of_flagged": counts.to_numpy() / max(flagged.sum(), 1)})


#: English and German function words, to pick the English pages of trafilatura's evaluation data.
_ENGLISH = frozenset("the and of to in is that for with on was are it as be by this from at have not".split())
_GERMAN = frozenset("der die und das ist nicht mit ein eine zu den von sich auf für im dem des es auch".split())
#: A page is English when its content snippets hold at least this many English function words ...
MIN_ENGLISH_WORDS = 3
#: ... and at least this many times as many English as German ones.
ENGLISH_RATIO = 3.0


def is_english(snippets: list[str]) -> bool:
    """Whether a page's content snippets read as English (function-word counts).

    Examples
    --------
    >>> is_english(["The mayor said that the road is closed for the winter"]), is_english(["Die Stadt ist nicht mit dem Auto zu erreichen"])
    (True, False)
    """
    tokens = [t for s in snippets for t in _TOKEN.findall(s.lower())]
    english = sum(t in _ENGLISH for t in tokens)
    german = sum(t in _GERMAN for t in tokens)
    return english >= MIN_ENGLISH_WORDS and english >= ENGLISH_RATIO * german


def trafilatura_snippets_check(pages: pd.DataFrame) -> pd.DataFrame:
    """Recall on the English boilerplate snippets of trafilatura's evaluation data, and content flagged."""
    english = pages[[is_english(list(w)) for w in pages["with"]]]
    without = [s for group in english["without"] for s in group if s and s.strip()]
    with_ = [s for group in english["with"] for s in group if s and s.strip()]
    flagged_without, _, pattern_without = flag_snippets(without)
    flagged_with, _, pattern_with = flag_snippets(with_)
    return pd.DataFrame(
        [
            {"what": f"without snippets (boilerplate), {len(english)} English pages", "n": len(without), "flagged": int(flagged_without.sum()), "share_flagged": float(flagged_without.mean()), "share_by_patterns": float(pattern_without.mean())},
            {"what": f"with snippets (content), {len(english)} English pages", "n": len(with_), "flagged": int(flagged_with.sum()), "share_flagged": float(flagged_with.mean()), "share_by_patterns": float(pattern_with.mean())},
        ]
    )


# -- seeds and speed ------------------------------------------------------------------------------
#: Furniture every seed must have flagged (substrings of the flagged lines), by seed file prefix.
SEED_EXPECTED = {
    "000": ("11 min read", "click here"),
    "001": ("Published:", "Unsplash", "Getty Images", "Wikimedia", "Pexels"),
    "002": ("Read next:",),
    "003": ("Leave a Reply", "Your email address will not be published"),
    "004": ("Copyright",),
}


def seed_lines(seeds: pd.DataFrame) -> pd.DataFrame:
    """Every flagged line of every seed, with its category."""
    corpus = segment(seeds["text"].tolist())
    rows = []
    for doc, seed in enumerate(seeds["id"]):
        for item in boilerplate.evidence(corpus, doc):
            rows.append({"seed": seed, "category": item.label, "start": item.start, "end": item.end, "line": item.text})
    return pd.DataFrame(rows, columns=["seed", "category", "start", "end", "line"])


def speed(n_docs: int = 2000, repeats: int = 5) -> pd.DataFrame:
    """Seconds to score ``benchmarks._batch.build_batch(n_docs)``: readability alone, boilerplate alone, both.

    Each timing segments the batch afresh (in chunks of framing's default batch size) and runs the
    families' ``compute``, so every row includes the segmentation it needs; the median of
    ``repeats`` runs is reported, after one warm-up run of every configuration. The last row is what
    boilerplate adds to a readability run (both − readability). One process, the machine's load as
    it is: compare rows of one run, not runs.
    """
    from benchmarks._batch import build_batch, time_families
    from framing.faces.api import DEFAULT_BATCH_SIZE
    from framing.families import readability

    batch = build_batch(n_docs)
    megabytes = sum(len(t.encode("utf-8")) for t in batch) / 1e6
    configurations = {"readability": (readability,), "boilerplate": (boilerplate,), "readability + boilerplate": (readability, boilerplate)}
    timed = time_families(batch, configurations, repeats, DEFAULT_BATCH_SIZE)
    rows = [{"families": name, "docs": n_docs, "seconds": seconds, "docs_per_s": n_docs / seconds, "mb_per_s": megabytes / seconds} for name, seconds in timed.items()]
    frame = pd.DataFrame(rows)
    added = rows[2]["seconds"] - rows[0]["seconds"]
    frame.loc[len(frame)] = {"families": "boilerplate added to readability", "docs": n_docs, "seconds": added, "docs_per_s": n_docs / added if added > 0 else float("inf"), "mb_per_s": megabytes / added if added > 0 else float("inf")}
    base = frame.loc[frame["families"] == "readability", "seconds"].iloc[0]
    frame["relative_to_readability"] = frame["seconds"] / base
    return frame


# -- running and printing -------------------------------------------------------------------------
TITLES = {
    "line_level": "Line-level boilerplate detection on extractor output (Scrapinghub benchmark, 181 pages; framing out of fold)",
    "threshold_sweep": "framing at other line-model thresholds (out of fold)",
    "label_audit": "Labels, and framing without pages whose tables were split one cell per line or without wordless lines",
    "categories": "Flagged lines per category (out of fold), and the share labelled boilerplate",
    "wcxb": "WCXB test split: snippets and gold main content scored as lines",
    "wcxb_categories": "WCXB boilerplate snippets flagged, by category",
    "trafilatura_snippets": "trafilatura evaluation data: English pages' snippets",
    "seeds": "Seeds: every flagged line",
    "speed": "Speed on benchmarks._batch.build_batch(2000)",
}


def run(include_speed: bool = True) -> dict[str, pd.DataFrame]:
    """Every table, keyed as in :data:`TITLES`."""
    bench = LineBenchmark()
    wcxb = _data.wcxb_test()
    tables = {
        "line_level": line_level(bench),
        "threshold_sweep": threshold_sweep(bench),
        "label_audit": label_audit(bench),
        "categories": category_breakdown(bench),
        "wcxb": wcxb_check(wcxb),
        "wcxb_categories": wcxb_without_categories(wcxb),
        "trafilatura_snippets": trafilatura_snippets_check(_data.trafilatura_evaldata()),
        "seeds": seed_lines(_data.seeds()),
    }
    if include_speed:
        tables["speed"] = speed()
    return tables


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    return f"### {TITLES[name]}\n\n{markdown_table(frame)}\n"


RESULTS_PATH = Path(__file__).resolve().parent / "results" / "boilerplate_validation.json"


def main(argv: list[str] | None = None) -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-speed", action="store_true", help="leave out the timing table (minutes on a busy machine)")
    args = parser.parse_args(argv)
    tables = run(include_speed=not args.skip_speed)
    print_and_save(tables, render, RESULTS_PATH, {"versions": versions("numpy", "pandas")})


if __name__ == "__main__":
    main()
