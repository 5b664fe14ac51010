"""Validate the quality flags: seeds, false positives on held-out news, known-answer degradations.

Tables
------
``seeds``
    Each seed's flag, score and reasons (against the shipped norms).
``false_positives``
    The reference corpus of professional news (``_data.reference_news``) is split in two by a hash
    of each document's id: norms are learnt on the ``norms`` half, and the share of ``held-out``
    documents flagged is the false-positive rate (target ≤ 0.05), per source and overall. Two
    calibrations: ``pooled`` norms (all sources together, like the shipped norms) and
    ``in-domain`` norms (each document against its own source's norms half: the per-source
    baseline that ``Analyzer.fit`` gives a user, and what generated-content flags need).
``reference_attribution``
    Per source, the share of reference documents without any attribution, the median
    attributions per 100 words and the norms' percentile of zero (why stripped attributions do not stand out against pooled norms).
``degradations``
    Held-out reference articles, each degraded in one known way (:data:`DEGRADATIONS`; the
    functions below, seeded per document so every run makes the same texts). Per degradation:
    the AUROC of ``1 - quality.score`` between the degraded and the original texts (target ≥ 0.9),
    the share of degraded texts flagged, and among those the share whose reasons carry the
    expected reason code, each with pooled and with in-domain norms; over all sources
    (``source`` = ``all``) and per source. The attribution stripping is measured on the held-out
    articles with at least :data:`MIN_ATTRIBUTED_SENTENCES` attributed sentences, since stripping changes nothing in a text that quotes nobody.

Usage::

    PYTHONPATH=. python -m benchmarks.flags_validation

prints the tables as Markdown and writes ``benchmarks/results/flags_validation.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

import framing
from benchmarks import _data
from benchmarks._tables import markdown_table, versions
from framing.cues.attribution import sentence_cues
from framing.judges.flags import QualityFlagger
from framing.judges.norms import Norms
from framing.core.segment import segment

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "flags_validation.json"
MIN_ATTRIBUTED_SENTENCES = 3
TITLES = {
    "seeds": "Seeds: flags against the shipped norms",
    "false_positives": "False-positive rate on held-out professional news (norms learnt on the other half)",
    "degradations": "Known-answer degradations of held-out news: AUROC of 1 − quality.score, and the expected reason",
    "reference_attribution": "How much the reference corpus attributes (all documents, both halves)",
}


def split(ids: Sequence[str]) -> np.ndarray:
    """True for the held-out half: the first byte of the id's SHA-256 is odd."""
    return np.array([hashlib.sha256(str(i).encode()).digest()[0] % 2 == 1 for i in ids])


# -- degradations ------------------------------------------------------------------------------
_PROMPTS = (
    "To Read the complete article click here",
    "Click here to read the full story",
    "Read more: click here for the full report",
    "Subscribe to our newsletter for more updates",
)
_CREDITS = ("Photo: Getty Images", "Image credit: AP Photo", "Source: Shutterstock")
_FILLER_OPENERS = ("It's important to note that", "It's vital that we remember that", "In today's fast-paced world,", "It is crucial to understand that")
_FILLER_SENTENCES = (
    "In conclusion, it's important to navigate the complex issues at stake.",
    "Key takeaways: we must find a balance and forge a path forward.",
    "Only time will tell how this plays a crucial role in the years ahead.",
)
_SYNONYMS = {
    "said": "stated", "says": "states", "big": "large", "large": "big", "new": "recent", "people": "individuals",
    "government": "administration", "help": "assist", "show": "reveal", "shows": "reveals", "country": "nation",
    "start": "begin", "started": "began", "buy": "purchase", "bought": "purchased", "many": "numerous",
    "about": "regarding", "also": "additionally", "very": "highly", "important": "significant", "use": "employ",
    "used": "employed", "make": "create", "made": "created", "get": "obtain", "got": "obtained", "need": "require",
    "needs": "requires", "because": "since", "before": "prior to", "after": "following", "problem": "issue",
    "problems": "issues", "children": "kids", "city": "town", "company": "firm", "money": "funds", "plan": "proposal",
    "rules": "regulations", "law": "legislation", "think": "believe", "thinks": "believes", "found": "discovered",
}
_RESTATERS = ("In other words,", "Put simply,", "Once again,", "To put it another way,")


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _insert(paragraphs: list[str], extra: Sequence[str], rng: np.random.Generator) -> str:
    """``extra`` inserted as paragraphs at random places after the first paragraph, in order."""
    out = list(paragraphs)
    for item in extra:
        out.insert(int(rng.integers(1, len(out) + 1)), item)
    return "\n\n".join(out)


def _sentences(text: str) -> list[str]:
    corpus = segment([text])
    sentences = corpus.sentences
    return [text[s:e] for s, e in zip(sentences.start, sentences.end)]


def repeat_paragraphs(text: str, rng: np.random.Generator) -> str:
    """A third of the paragraphs (at least two) repeated later in the text."""
    paragraphs = _paragraphs(text)
    k = max(2, len(paragraphs) // 3)
    chosen = rng.choice(len(paragraphs), size=min(k, len(paragraphs)), replace=False)
    return _insert(paragraphs, [paragraphs[i] for i in sorted(chosen)], rng)


def _paraphrase(sentence: str, rng: np.random.Generator) -> str:
    words = sentence.split()
    out = [_SYNONYMS.get(w.lower(), w) if w.isalpha() else w for w in words]
    if len(out) > 6:  # drop one word from the middle
        del out[int(rng.integers(2, len(out) - 2))]
    opener = _RESTATERS[int(rng.integers(len(_RESTATERS)))]
    if out:
        out[0] = out[0][:1].lower() + out[0][1:] if out[0][:2] != out[0][:2].upper() else out[0]
    return f"{opener} {' '.join(out)}"


def paraphrase_and_restate(text: str, rng: np.random.Generator) -> str:
    """A third of the sentences of 8 words or more (at least three) restated in other words, later on."""
    candidates = [s for s in _sentences(text) if len(s.split()) >= 8]
    if not candidates:
        return text
    k = min(len(candidates), max(3, len(candidates) // 3))
    chosen = rng.choice(len(candidates), size=k, replace=False)
    restated = [_paraphrase(candidates[i], rng) for i in sorted(chosen)]
    return _insert(_paragraphs(text), [" ".join(restated[i : i + 2]) for i in range(0, len(restated), 2)], rng)


def insert_prompts_and_credits(text: str, rng: np.random.Generator) -> str:
    """Three click-here or subscribe prompts and two photo credits, as lines of their own."""
    prompts = [_PROMPTS[i] for i in rng.choice(len(_PROMPTS), size=3, replace=False)]
    credits = [_CREDITS[i] for i in rng.choice(len(_CREDITS), size=2, replace=False)]
    return _insert(_paragraphs(text), prompts + credits, rng)


def strip_attributions(text: str, rng: np.random.Generator) -> str:
    """Every sentence that carries an attribution cue removed (``framing.cues.attribution``)."""
    corpus = segment([text])
    keep = ~sentence_cues(corpus)
    sentences = corpus.sentences
    pieces, last = [], 0
    for s, e, k in zip(sentences.start, sentences.end, keep):
        if not k:
            pieces.append(text[last:s])
            last = e
    pieces.append(text[last:])
    return "".join(pieces)


def insert_filler(text: str, rng: np.random.Generator) -> str:
    """Filler openers on four sentences and two filler sentences of generated-page style."""
    paragraphs = _paragraphs(text)
    for i in rng.choice(len(paragraphs), size=min(4, len(paragraphs)), replace=False):
        p = paragraphs[i]
        paragraphs[i] = f"{_FILLER_OPENERS[int(rng.integers(len(_FILLER_OPENERS)))]} {p[:1].lower()}{p[1:]}"
    return _insert(paragraphs, list(rng.choice(_FILLER_SENTENCES, size=2, replace=False)), rng)


#: name → (function, the reason code it should raise)
DEGRADATIONS: dict[str, tuple[Callable[[str, np.random.Generator], str], tuple[str, ...]]] = {
    "paragraphs repeated": (repeat_paragraphs, ("duplicate_paragraphs", "duplicate_lines")),
    "sentences paraphrased and restated": (paraphrase_and_restate, ("paraphrase_repetition",)),
    "click-here prompts and credits inserted": (insert_prompts_and_credits, ("boilerplate_prompts", "boilerplate_lines")),
    "attributions stripped": (strip_attributions, ("sourcing_density",)),
    "filler phrases inserted": (insert_filler, ("filler_phrases",)),
}


def _rng(doc_id: str) -> np.random.Generator:
    return np.random.default_rng(int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], "little"))


# -- tables ------------------------------------------------------------------------------------
def _codes(reasons: list[str]) -> set[str]:
    return {r.split(":")[0] for r in reasons}


def seed_table(seeds: pd.DataFrame) -> pd.DataFrame:
    flags = framing.flag(seeds["text"], ids=seeds["id"])
    return pd.DataFrame(
        {
            "seed": flags.index,
            "flagged": flags["quality.flagged"].astype(bool).to_numpy(),
            "score": flags["quality.score"].to_numpy(),
            "reasons": ["; ".join(r) for r in flags["quality.reasons"]],
            "distinct_reasons": [len(_codes(r)) for r in flags["quality.reasons"]],
        }
    )


def reference_split() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Scores (with a ``source`` column) of the norms half and of the held-out half."""
    reference = _data.reference_news()
    scores = framing.score(reference["text"], ids=reference["id"])
    scores.insert(0, "source", reference["source"].to_numpy())
    held_out = split(reference["id"])
    return scores[~held_out], scores[held_out]


class Flaggers:
    """The flaggers of the validation: norms learnt on the norms half, pooled or per source."""

    def __init__(self, norms_half: pd.DataFrame) -> None:
        self.pooled = QualityFlagger(Norms.fit(norms_half.drop(columns=["source"])))
        self.by_source = {
            source: QualityFlagger(Norms.fit(group.drop(columns=["source"]))) for source, group in norms_half.groupby("source")
        }

    def flag(self, scores: pd.DataFrame, sources: Sequence[str], in_domain: bool) -> pd.DataFrame:
        """Flags of ``scores`` (no ``source`` column), each row against its own source's norms if ``in_domain``."""
        if not in_domain:
            return self.pooled.flag(scores)
        sources = np.asarray(sources)
        parts = [self.by_source[source].flag(scores[sources == source]) for source in dict.fromkeys(sources)]
        return pd.concat(parts).loc[scores.index]


def false_positive_table(held_out: pd.DataFrame, flaggers: Flaggers) -> pd.DataFrame:
    scores = held_out.drop(columns=["source"])
    rows = []
    for norms, in_domain in (("pooled", False), ("in-domain", True)):
        flags = flaggers.flag(scores, held_out["source"], in_domain)
        flagged = flags["quality.flagged"].astype(bool)
        for source, group in list(held_out.groupby("source")) + [("all", held_out)]:
            f = flagged.loc[group.index]
            codes = pd.Series([c for r in flags.loc[group.index[f.to_numpy()], "quality.reasons"] for c in _codes(r)], dtype=object).value_counts().sort_index().sort_values(ascending=False, kind="stable")
            rows.append({"norms": norms, "source": source, "documents": len(group), "flagged": int(f.sum()),
                         "false_positive_rate": float(f.mean()), "reasons": ", ".join(f"{k} {v}" for k, v in codes.items())})
    return pd.DataFrame(rows)


def degradation_table(held_out_texts: pd.DataFrame, flaggers: Flaggers) -> pd.DataFrame:
    """``held_out_texts``: columns ``id``, ``source`` and ``text`` of the held-out reference documents.

    Per degradation, one row over all sources (``source`` = ``"all"``) and one row per source:
    AUROC, share flagged and share of the flagged with the expected reason, with pooled norms and
    with in-domain norms (``_in_domain`` columns).
    """
    original = framing.score(held_out_texts["text"], ids=held_out_texts["id"])
    attributed = segment(held_out_texts["text"].tolist())
    attributed_per_doc = np.bincount(attributed.sentences.doc[sentence_cues(attributed)], minlength=attributed.n_docs)
    rows = []
    for name, (degrade, expected) in DEGRADATIONS.items():
        chosen = np.ones(len(held_out_texts), dtype=bool)
        if degrade is strip_attributions:
            chosen = attributed_per_doc >= MIN_ATTRIBUTED_SENTENCES
        subset = held_out_texts[chosen]
        texts = [degrade(t, _rng(f"{name}/{i}")) for i, t in zip(subset["id"], subset["text"])]
        degraded = framing.score(texts, ids=subset["id"])
        sources = subset["source"].to_numpy()
        badness, hits = {}, {}
        for norms, in_domain in (("in_domain", True), ("pooled", False)):
            before = 1.0 - flaggers.flag(original[chosen], sources, in_domain)["quality.score"].to_numpy()
            flags = flaggers.flag(degraded, sources, in_domain)
            badness[norms] = (np.nan_to_num(before, nan=0.0), np.nan_to_num(1.0 - flags["quality.score"].to_numpy(), nan=0.0))
            with_reason = np.array([bool(_codes(r) & set(expected)) for r in flags["quality.reasons"]])
            hits[norms] = (flags["quality.flagged"].astype(bool).to_numpy(), with_reason)
        for source in ["all", *sorted(set(sources))]:
            part = np.ones(len(sources), bool) if source == "all" else sources == source
            row = {"degradation": name, "source": source, "documents": int(part.sum()), "expected_reason": " or ".join(expected)}
            for norms, (before, after) in badness.items():
                y = np.r_[np.zeros(part.sum()), np.ones(part.sum())]
                row[f"auroc_{norms}"] = float(roc_auc_score(y, np.r_[before[part], after[part]]))
            for norms, (flagged, with_reason) in hits.items():
                hit = flagged[part]
                suffix = "" if norms == "pooled" else f"_{norms}"
                row[f"share_flagged{suffix}"] = float(hit.mean())
                row[f"flagged_with_expected_reason{suffix}"] = float(with_reason[part][hit].mean()) if hit.any() else float("nan")
            rows.append(row)
    return pd.DataFrame(rows)


def reference_attribution_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Per source and overall: the share of documents with no attribution, the median rate, and
    the percentile of a rate of zero against norms learnt on those documents.

    ``scores`` has a ``source`` column. Why stripped attributions are hard to see against these
    norms: a document without attributions is common in the reference.
    """
    rows = []
    for source, group in list(scores.groupby("source")) + [("all", scores)]:
        column = "sourcing.attributions_per_100_words"
        norms = Norms.fit(group[[column]])
        rows.append({"source": source, "documents": len(group),
                     "share_without_attribution": float((group["sourcing.attributions"] == 0).mean()),
                     "median_attributions_per_100_words": float(group[column].median()),
                     "percentile_of_no_attribution": float(norms.percentile(column, np.zeros(1))[0])})
    return pd.DataFrame(rows)


def run() -> dict[str, pd.DataFrame]:
    """Every table, by name."""
    norms_half, held_out = reference_split()
    flaggers = Flaggers(norms_half)
    return {
        "seeds": seed_table(_data.seeds()),
        "false_positives": false_positive_table(held_out, flaggers),
        "degradations": degradation_table(held_out_texts(held_out), flaggers),
        "reference_attribution": reference_attribution_table(pd.concat([norms_half, held_out])),
    }


def held_out_texts(held_out: pd.DataFrame) -> pd.DataFrame:
    """``id``, ``source`` and ``text`` of the held-out documents."""
    reference = _data.reference_news().set_index("id")
    return reference.loc[held_out.index, ["source", "text"]].reset_index()


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    return f"### {TITLES[name]}\n\n{markdown_table(frame, 3)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    tables = run()
    for name, frame in tables.items():
        print(render(name, frame))
    payload = {"versions": versions("numpy", "pandas", "scikit-learn")}
    payload |= {name: json.loads(frame.to_json(orient="records")) for name, frame in tables.items()}
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS_PATH}")


if __name__ == "__main__":
    main()
