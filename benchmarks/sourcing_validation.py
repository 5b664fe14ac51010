"""Sourcing validation: hand-labelled sentences, calibration against published news figures, the
seeds, and speed.

Each check is a function that returns a flat :class:`pandas.DataFrame`:

- :func:`attribution_table`: sentence-level precision and recall of framing's attribution cues
  against the hand labels of ``benchmarks/sourcing_labels/labels.tsv`` (labelling rules in the
  README beside it), on the ``dev`` split (the rules were tuned on it), the held-out ``test``
  split, and both; beside two lexicon baselines: every inflected reporting-verb form and phrase
  of the lexicon (``framing.cues.attribution.sentence_cues``, the boilerplate exemption, which is
  recall first) and the research note's lexical proxy (said/says/told/according to).
- :func:`quote_table`: per labelled sentence, is it inside a direct quote, and does that quote
  have a speaker or is it an orphan quote.
- :func:`label_rate_table`: the share of labelled sentences attributed by hand and by framing,
  per source corpus (how much attribution each corpus holds under this project's definition).
- :func:`calibration_table`: medians and interquartile ranges of attributions per 100 words, the
  share of sentences with a cue, the share of attributions that introduce a direct quote, the
  lexical proxy, and framing's attributions plus belief and intention verbs after a subject (the
  widest class PolNeAR counts and framing does not, by a recall-first pattern), and every cue of
  the lexicon, counted with no precision rule (``framing.cues.attribution.cue_matches``), on the OneStopEnglish advanced texts (Guardian news, 189), the gold bodies of
  the article-extraction benchmark (181 pages; English only) and the WCXB article pages, beside
  PolNeAR's figures (``../shared/research/sourcing-boilerplate-anchors.md`` §1b).
- :func:`seed_table`: every ``sourcing.*`` column on the five seeds.
- :func:`speed_table`: seconds for all families with and without sourcing (what sourcing adds
  timed on the same segmentation), and sourcing alone, on ``benchmarks._batch.build_batch(2000)``.

Run ``python -m benchmarks.sourcing_validation`` from the repository root to print every table as
Markdown and write ``benchmarks/results/sourcing_validation.json`` (numbers only, no corpus text).
``python -m pytest benchmarks/validation/test_sourcing.py -q -s`` asserts the targets.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing.config import Config
from framing.core.segment import segment
from framing.cues import attribution
from framing.families import sourcing
from framing.pipeline import DEFAULT_BATCH_SIZE, FAMILIES

from . import _data
from ._tables import markdown_table, print_and_save, versions
from .sourcing_labels.sample import corpora, sentence_hash

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "sourcing_validation.json"
LABELS_PATH = Path(__file__).resolve().parent / "sourcing_labels" / "labels.tsv"
#: PolNeAR (1,008 US political news articles), research note §1b: p25, median, p75.
POLNEAR = {
    "attributions_per_100_words": (2.63, 3.26, 3.91),
    "attributed_sentence_share": (None, 0.494, None),  # pooled share of sentences with a cue
    "quote_share_of_attributions": (None, 0.267, None),  # pooled
    "proxy_per_100_words": (0.50, 0.94, 1.40),  # said/says/told/according to
}
#: The research note's lexical proxy: "said/says/told" and "according to".
_PROXY = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
#: A diagnostic of the widest class PolNeAR counts and framing does not: a belief, feeling or
#: intention verb right after a subject ("he believes", "officials fear", "Smith wants"); written
#: for recall (any capitalised word is a subject), so it bounds that class from above.
_BELIEF = re.compile(
    r"\b(?:he|she|they|we|who|officials|experts|critics|scientists|researchers|people|many|some|others|[A-Z][a-z]+)\s+"
    r"(?:also\s+|still\s+|now\s+|clearly\s+)?"
    r"(?:believes?|believed|thinks?|thought|expects?|expected|hopes?|hoped|wants?|wanted|fears?|feared|feels?|felt"
    r"|knows?|knew|worry|worries|worried|plans?|planned|intends?|intended)\b"
)


# -- the label set -------------------------------------------------------------------------------
class LabelSet:
    """The labelled sentences with their text (read from ``../shared`` and ``seeds/``) and framing's view.

    Attributes
    ----------
    labels : pandas.DataFrame
        ``labels.tsv`` plus ``sentence`` (index into :attr:`corpus`'s sentences) and the
        predictions ``framing`` (precise cues), ``framing_attributions`` (how many),
        ``verb_list`` (every lexicon form and phrase),
        ``proxy`` (said/says/told/according to), ``quote_pred`` (``none``, ``speaker``, ``orphan``).
    """

    def __init__(self, path: Path = LABELS_PATH) -> None:
        with path.open(encoding="utf-8") as handle:
            labels = pd.DataFrame(list(csv.DictReader(handle, delimiter="\t")))
        labels[["start", "end"]] = labels[["start", "end"]].astype(int)
        docs = corpora()
        keys = sorted(set(zip(labels["corpus"], labels["doc"])))
        texts = [docs[c][d] for c, d in keys]
        self.corpus = corpus = segment(texts)
        doc_index = {key: i for i, key in enumerate(keys)}
        sentences = corpus.sentences
        position = {(int(d), int(s), int(e)): i for i, (d, s, e) in enumerate(zip(sentences.doc, sentences.start, sentences.end))}
        rows = []
        for row in labels.itertuples(index=False):
            d = doc_index[(row.corpus, row.doc)]
            text = texts[d][row.start : row.end]
            if sentence_hash(text) != row.sha1:
                raise ValueError(f"label drift: {row.corpus}/{row.doc} {row.start}-{row.end} no longer holds the labelled sentence")
            sentence = position.get((d, row.start, row.end))
            if sentence is None:
                raise ValueError(f"{row.corpus}/{row.doc} {row.start}-{row.end} is no longer one of framing's sentences")
            rows.append(sentence)
        labels["sentence"] = rows
        per_sentence = np.bincount(attribution.attributions(corpus).sentence, minlength=len(corpus.sentences.doc))
        labels["framing_attributions"] = per_sentence[labels["sentence"]]
        labels["framing"] = labels["framing_attributions"] > 0
        labels["verb_list"] = attribution.sentence_cues(corpus)[labels["sentence"]]
        labels["proxy"] = [bool(_PROXY.search(texts[doc_index[(c, d)]][s:e])) for c, d, s, e in zip(labels["corpus"], labels["doc"], labels["start"], labels["end"])]
        labels["quote_pred"] = self._quote_predictions(labels["sentence"].to_numpy())
        self.labels = labels

    def _quote_predictions(self, sentence: np.ndarray) -> list[str]:
        """For each sentence: ``speaker`` or ``orphan`` if a direct quote overlaps it, else ``none``."""
        corpus = self.corpus
        found = sourcing.quotes(corpus)
        start, end = corpus._sentence_bounds
        result = []
        for s, e in zip(start[sentence], end[sentence]):
            overlap = (found.start < e) & (found.end > s)
            result.append("none" if not overlap.any() else "speaker" if found.speaker[overlap].any() else "orphan")
        return result


def _scores(gold: pd.Series, predicted: pd.Series) -> dict[str, float]:
    tp = int((gold & predicted).sum())
    fp = int((~gold & predicted).sum())
    fn = int((gold & ~predicted).sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


#: The US-news part of the test split (the third draw, from the Narrative Frames Corpus).
NFC_SPLIT = "test: US news (nfc)"


def _splits(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The parts every table reports: the held-out test split, its US-news draw, dev, and all."""
    test = frame[frame["split"] == "test"]
    return [("test", test), (NFC_SPLIT, test[test["corpus"] == "nfc"]), ("dev", frame[frame["split"] == "dev"]), ("all", frame)]


def attribution_table(labels: LabelSet) -> pd.DataFrame:
    """Sentence-level attribution: precision and recall per split and method (English sentences only)."""
    frame = labels.labels[labels.labels["attributed"] != "x"]
    rows = []
    for split, part in _splits(frame):
        gold = part["attributed"] == "1"
        for method, column in (("framing", "framing"), ("lexicon verb list (boilerplate cues)", "verb_list"), ("said/says/told/according to", "proxy")):
            rows.append({"split": split, "method": method, "sentences": len(part), "attributed": int(gold.sum()), **_scores(gold, part[column].astype(bool))})
    return pd.DataFrame(rows)


def quote_table(labels: LabelSet) -> pd.DataFrame:
    """Direct quotes per labelled sentence: detection, and speaker versus orphan."""
    frame = labels.labels[labels.labels["quote"] != "x"]
    rows = []
    for split, part in _splits(frame):
        gold, predicted = part["quote"], part["quote_pred"]
        in_quote = _scores(gold != "none", predicted != "none")
        both = (gold != "none") & (predicted != "none")
        orphan = _scores(gold[both] == "orphan", predicted[both] == "orphan") if both.any() else {}
        rows.append(
            {
                "split": split,
                "sentences": len(part),
                "in_quote_gold": int((gold != "none").sum()),
                "quote_precision": in_quote["precision"],
                "quote_recall": in_quote["recall"],
                "speaker_or_orphan_accuracy": float((gold[both] == predicted[both]).mean()) if both.any() else float("nan"),
                "orphan_gold": int((gold == "orphan").sum()),
                "orphan_precision": orphan.get("precision", float("nan")),
                "orphan_recall": orphan.get("recall", float("nan")),
            }
        )
    return pd.DataFrame(rows)


def label_rate_table(labels: LabelSet) -> pd.DataFrame:
    """Share of labelled sentences that are attributed, by hand and by framing, per source corpus.

    The hand-labelled share says how much attribution a corpus holds under this project's
    definition, independently of the detector: the yardstick for the calibration table. Where
    sentences also carry the PolNeAR-style labels (``belief``, ``relations``: the US-news draws),
    the share with beliefs counted too, and attribution relations per sentence and per 100 words
    by hand, beside framing's attributions per 100 words on the same sentences.
    """
    frame = labels.labels[labels.labels["attributed"] != "x"]
    corpus = labels.corpus
    word_sentence = np.bincount(corpus.word_sentence, minlength=len(corpus.sentences.doc))
    rows = []
    for corpus_name, part in frame.groupby("corpus"):
        row = {"corpus": corpus_name, "sentences": len(part), "attributed_by_hand": float((part["attributed"] == "1").mean()),
               "attributed_by_framing": float(part["framing"].mean())}
        relations = pd.to_numeric(part.get("relations", pd.Series(dtype=object)), errors="coerce")
        if relations.notna().all():
            words = word_sentence[part["sentence"].to_numpy()].sum()
            row |= {"attributed_or_belief_by_hand": float(((part["attributed"] == "1") | (part["belief"] == "1")).mean()),
                    "relations_per_sentence_by_hand": float(relations.mean()),
                    "relations_per_100_words_by_hand": float(100.0 * relations.sum() / words),
                    "attributions_per_100_words_by_framing": float(100.0 * part["framing_attributions"].sum() / words)}
        rows.append(row)
    return pd.DataFrame(rows)


def relation_count_table(labels: LabelSet) -> pd.DataFrame:
    """How near counts built from framing's cues come to the hand-counted PolNeAR-style relations.

    Per US-news split and candidate (framing's attributions; every lexicon cue; either plus the
    belief pattern :data:`_BELIEF`), per sentence: the total against the hand total, the share of
    sentences with exactly the hand count, and the relations counted too many and too few (a
    total can match by cancelling errors).
    """
    corpus = labels.corpus
    n_sentences = len(corpus.sentences.doc)
    sentence_start, sentence_end = corpus._sentence_bounds
    cue_start, _ = attribution.cue_matches(corpus)
    every = np.bincount(np.searchsorted(sentence_start, cue_start, side="right") - 1, minlength=n_sentences)
    frame = labels.labels[labels.labels["corpus"] == "nfc"]
    sentence = frame["sentence"].to_numpy()
    beliefs = np.array([len(_BELIEF.findall(corpus.joined[sentence_start[i]:sentence_end[i]])) for i in sentence])
    hand = frame["relations"].astype(int).to_numpy()
    candidates = {"framing attributions": frame["framing_attributions"].to_numpy(), "every lexicon cue": every[sentence]}
    candidates |= {f"{name} + beliefs": counts + beliefs for name, counts in list(candidates.items())}
    rows = []
    for split in ("dev", "test"):
        part = (frame["split"] == split).to_numpy()
        for name, counts in candidates.items():
            c, h = counts[part], hand[part]
            rows.append({"split": split, "candidate": name, "sentences": int(part.sum()), "hand_relations": int(h.sum()),
                         "counted": int(c.sum()), "ratio": float(c.sum() / h.sum()), "exact_share": float((c == h).mean()),
                         "too_many": int(np.maximum(c - h, 0).sum()), "too_few": int(np.maximum(h - c, 0).sum())})
    return pd.DataFrame(rows)


# -- calibration ---------------------------------------------------------------------------------
def _english(texts: list[str]) -> list[str]:
    """Texts that are mostly ASCII letters (the benchmark holds pages in Korean, Russian, German ...)."""
    kept = []
    for text in texts:
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) / len(letters) > 0.95 and re.search(r"\b(?:the|and|of)\b", text):
            kept.append(text)
    return kept


def reference_corpora() -> dict[str, list[str]]:
    """The news-like corpora of ``../shared/data`` that the calibration reads."""
    ose = _data.onestopenglish()
    aeb = _data.article_extraction_benchmark()
    wcxb = _data.wcxb("article")
    return {
        "Narrative Frames Corpus (US and UK news)": _data.narrative_frames()["text"].tolist(),
        "OneStopEnglish advanced (Guardian news)": ose.loc[ose["label"] == 2, "text"].tolist(),
        "article-extraction benchmark gold (English)": _english(aeb["gold"].tolist()),
        "WCXB article pages": [t for t in wcxb["text"] if t.strip()],
    }


def calibration_table(corpora_: dict[str, list[str]]) -> pd.DataFrame:
    """p25 / median / p75 of the sourcing rates per corpus, beside PolNeAR."""
    rows = []
    for name, (p25, median, p75) in POLNEAR.items():
        rows.append({"corpus": "PolNeAR (published)", "measure": name, "documents": 1008, "p25": p25, "median": median, "p75": p75})
    for corpus_name, texts in corpora_.items():
        scores = framing.score(texts, signals="sourcing")
        words = framing.score(texts, signals="readability")["text.words"].to_numpy()
        proxy = np.array([len(_PROXY.findall(t)) for t in texts]) * 100.0 / np.maximum(words, 1)
        beliefs = np.array([len(_BELIEF.findall(t)) for t in texts]) * 100.0 / np.maximum(words, 1)
        corpus = segment(texts)
        every_cue = np.bincount(corpus.doc_of(attribution.cue_matches(corpus)[0]), minlength=corpus.n_docs) * 100.0 / np.maximum(words, 1)
        measures = {
            "attributions_per_100_words": scores["sourcing.attributions_per_100_words"].to_numpy(),
            "attributed_sentence_share": scores["sourcing.attributed_sentence_share"].to_numpy(),
            "quote_share_of_attributions": scores["sourcing.quote_share_of_attributions"].to_numpy(),
            "proxy_per_100_words": proxy,
            "attributions_and_beliefs_per_100_words": scores["sourcing.attributions_per_100_words"].to_numpy() + beliefs,
            "every_lexicon_cue_per_100_words": every_cue,
        }
        for measure, values in measures.items():
            values = values[np.isfinite(values)]
            p25, median, p75 = np.percentile(values, [25, 50, 75])
            rows.append({"corpus": corpus_name, "measure": measure, "documents": len(values), "p25": p25, "median": median, "p75": p75})
        # pooled, as PolNeAR's sentence and quote shares are
        rows.append({"corpus": corpus_name, "measure": "quote_share_of_attributions (pooled)", "documents": len(texts), "p25": None,
                     "median": _pooled_quote_share(texts), "p75": None})
        has_word = np.zeros(len(corpus.sentences.doc), bool)
        has_word[corpus.word_sentence] = True
        rows.append({"corpus": corpus_name, "measure": "attributed_sentence_share (pooled)", "documents": len(texts), "p25": None,
                     "median": float(attribution.attributed_sentences(corpus)[has_word].mean()), "p75": None})
    return pd.DataFrame(rows)


def _pooled_quote_share(texts: list[str]) -> float:
    """Attributions that introduce a direct quote / all attributions, over a whole corpus."""
    scores = framing.score(texts, signals="sourcing")
    attributions = scores["sourcing.attributions"].to_numpy()
    quoting = scores["sourcing.quote_share_of_attributions"].to_numpy() * attributions
    return float(np.nansum(quoting) / max(np.nansum(attributions), 1))


def seed_table(seeds: pd.DataFrame) -> pd.DataFrame:
    """Every sourcing column on the seeds."""
    scores = framing.score(seeds["text"].tolist(), signals="sourcing")
    scores.insert(0, "seed", seeds["id"].str[:3].to_numpy())
    return scores.drop(columns="error").rename(columns=lambda c: c.replace("sourcing.", ""))


# -- speed ---------------------------------------------------------------------------------------
def speed_table(n_docs: int = 2000, repeats: int = 5) -> pd.DataFrame:
    """Seconds for every family with and without sourcing, and what sourcing adds, on one batch.

    The batch is ``benchmarks._batch.build_batch(n_docs)``, segmented in chunks of framing's default
    batch size as :func:`framing.score` does. Every chunk is segmented once and scored by the other
    families, then by sourcing, with separate clocks: what sourcing adds is timed directly on the
    same segmentation, in the same moments as the rest, rather than as the difference of two noisy
    totals. One warm-up pass first (word types known: the steady state); the median of ``repeats``
    passes is reported. ``sourcing alone`` also pays for its segmentation.
    """
    from benchmarks._batch import build_batch, time_families

    batch = build_batch(n_docs)
    chunks = [batch[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(batch), DEFAULT_BATCH_SIZE)]
    others = tuple(family for name, family in FAMILIES.items() if name != sourcing.NAME)
    config = Config()
    passes = []
    for _ in range(repeats + 1):  # the first pass is the warm-up
        base = added = 0.0
        for chunk in chunks:
            started = time.perf_counter()
            corpus = segment(chunk)
            for family in others:
                family.compute(corpus, config)
            middle = time.perf_counter()
            sourcing.compute(corpus)
            base += middle - started
            added += time.perf_counter() - middle
        passes.append((base, added))
    base, added = (float(np.median(values)) for values in zip(*passes[1:]))
    alone = time_families(batch, {"sourcing alone (with its segmentation)": (sourcing,), "readability alone (with its segmentation)": (FAMILIES["readability"],)}, repeats, DEFAULT_BATCH_SIZE)
    seconds = {"all families without sourcing": base, "all families with sourcing": base + added, **alone, "sourcing added to the others": added}
    frame = pd.DataFrame([{"families": name, "docs": n_docs, "seconds": value, "docs_per_s": n_docs / value} for name, value in seconds.items()])
    frame["relative_to_without_sourcing"] = frame["seconds"] / base
    return frame


# -- running and printing -------------------------------------------------------------------------
TITLES = {
    "attribution": "Attribution sentences against the hand labels (benchmarks/sourcing_labels; test = held out)",
    "quotes": "Direct quotes against the hand labels: in a quote, and speaker or orphan",
    "label_rates": "Share of labelled sentences attributed, by hand and by framing, per corpus",
    "relation_counts": "PolNeAR-style relations per labelled US-news sentence: candidate counts against the hand counts",
    "calibration": "Sourcing rates on news-like corpora beside PolNeAR (p25 / median / p75)",
    "seeds": "Seeds: every sourcing column",
    "speed": "Speed on benchmarks._batch.build_batch(2000), word types known",
}


def run(speed: bool = True) -> dict[str, pd.DataFrame]:
    """Every table, keyed as in :data:`TITLES`."""
    labels = LabelSet()
    tables = {
        "attribution": attribution_table(labels),
        "quotes": quote_table(labels),
        "label_rates": label_rate_table(labels),
        "relation_counts": relation_count_table(labels),
        "calibration": calibration_table(reference_corpora()),
        "seeds": seed_table(_data.seeds()),
    }
    if speed:
        tables["speed"] = speed_table()
    return tables


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    return f"### {TITLES[name]}\n\n{markdown_table(frame)}\n"


def main(argv: list[str] | None = None) -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = parser.parse_args(argv)
    tables = run(speed=not args.no_speed)
    print_and_save(tables, render, RESULTS_PATH, {"versions": versions("numpy", "pandas")})


if __name__ == "__main__":
    main()
