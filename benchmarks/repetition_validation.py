"""Repetition validation: the seeds, real reporting, the paraphrase threshold, length and speed.

Each check is a function that returns a flat :class:`pandas.DataFrame`:

- :func:`seed_table`: every ``repetition.*`` column on the five seed articles.
- :func:`seed_dup5_table`: framing's duplicate-5-gram fraction on the seeds next to the five
  implementations measured in ``research/quality-anchors.md`` §3 (datatrove, RedPajama-V2,
  TextDescriptives, dolma, NeMo Curator).
- :func:`distribution_table`: median, p90, p99 and maximum of the paraphrase share, the
  duplicate-5-gram fraction, MATTR and the compression ratio over the WCXB article pages
  (``ground_truth.main_content`` of the 257 ``article`` pages of the test split, 256 non-empty)
  and the OneStopEnglish advanced texts (189), and where seed 000 falls.
- :func:`wcxb_above_seed_table`: the WCXB article pages whose paraphrase share reaches seed 000's
  (ids, domains and numbers only).
- :func:`threshold_table`: the grid on which :data:`framing.families.repetition.PARAPHRASE_THRESHOLD` was
  chosen: seed 000's share against both reference corpora at every threshold.
- :func:`length_table`: Spearman ρ of MATTR and of the plain type-token ratio with the number of
  words (MATTR should not shrink with length).
- :func:`speed_table`: documents per second of the repetition family beside the readability
  family on ``benchmarks._batch.build_batch(2000)``, in a fresh process.

Run ``python -m benchmarks.repetition_validation`` from the repository root to print every table
as Markdown and write ``benchmarks/results/repetition_validation.json`` (numbers, ids and domains
only, no corpus text). ``python -m pytest benchmarks/validation/test_repetition.py -q -s`` runs the
same computations with assertions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from framing.core.segment import segment
from framing.families import readability, repetition

from . import _data
from ._tables import markdown_table, print_and_save, versions

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "repetition_validation.json"
#: Documents segmented together, as ``framing.score`` does by default.
BATCH_SIZE = 256
#: The signals whose distributions are reported.
DISTRIBUTION_SIGNALS = ("paraphrase_share", "duplicate_5gram_char_fraction", "mattr", "compression_ratio")
#: Thresholds tried for :data:`framing.families.repetition.PARAPHRASE_THRESHOLD`.
THRESHOLD_GRID = tuple(round(0.40 + 0.05 * i, 2) for i in range(9))
#: Duplicate-5-gram character fraction of each seed as measured by five tools
#: (``research/quality-anchors.md`` §3): datatrove, RedPajama-V2, TextDescriptives, dolma, NeMo.
NOTE_DUP5 = {
    "000": (0.052, 0.116, 0.124, 0.039, 0.051),
    "001": (0.014, 0.028, 0.039, 0.006, 0.014),
    "002": (0.0, 0.024, 0.019, 0.0, 0.0),
    "003": (0.0, 0.0, 0.0, 0.0, 0.0),
    "004": (0.011, 0.036, 0.035, 0.007, 0.017),
}
NOTE_TOOLS = ("datatrove", "redpajama", "textdescriptives", "dolma", "nemo")
TITLES = {
    "seeds": "Repetition columns on the seed articles",
    "seed_dup5": "Duplicate-5-gram character fraction on the seeds: framing and five implementations",
    "distributions": "Distributions over real reporting (WCXB article pages, OneStopEnglish advanced)",
    "wcxb_above_seed": "WCXB article pages with a paraphrase share at or above seed 000's",
    "thresholds": "Choosing the paraphrase threshold: seed 000 against both corpora",
    "length": "Dependence on length: Spearman ρ with the number of words",
    "speed": "Speed on 2,000 documents (one process, batches of 256)",
}


# -- scoring -------------------------------------------------------------------------------------
def repetition_scores(texts: Sequence[str]) -> pd.DataFrame:
    """The ``repetition.*`` columns (without the prefix) for ``texts``, scored in batches of 256.

    Invalid texts get NaN, as in :func:`framing.score`.
    """
    parts = []
    for start in range(0, len(texts), BATCH_SIZE):
        corpus = segment(list(texts[start : start + BATCH_SIZE]))
        columns = repetition.compute(corpus)
        invalid = np.array([e is not None for e in corpus.errors], dtype=bool)
        parts.append(pd.DataFrame({_short(name): np.where(invalid, np.nan, v) for name, v in columns.items()}))
    if not parts:
        return pd.DataFrame(columns=[_short(name) for name in repetition.COLUMNS])
    return pd.concat(parts, ignore_index=True)


def _short(column: str) -> str:
    """``"repetition.mattr"`` → ``"mattr"``."""
    return column.split(".", 1)[1]


@contextmanager
def paraphrase_threshold(value: float) -> Iterator[None]:
    """Temporarily set :data:`framing.families.repetition.PARAPHRASE_THRESHOLD`."""
    saved = repetition.PARAPHRASE_THRESHOLD
    repetition.PARAPHRASE_THRESHOLD = value
    try:
        yield
    finally:
        repetition.PARAPHRASE_THRESHOLD = saved


def reference_corpora() -> dict[str, pd.DataFrame]:
    """The two corpora of real reporting: WCXB article pages (non-empty) and OneStopEnglish advanced."""
    wcxb = _data.wcxb("article")
    wcxb = wcxb[wcxb["text"].str.strip() != ""].reset_index(drop=True)
    onestop = _data.onestopenglish()
    onestop = onestop[onestop["level"] == "adv"].reset_index(drop=True)
    return {"wcxb_article": wcxb, "onestopenglish_adv": onestop}


def _seed_key(seed_id: str) -> str:
    return seed_id.split("_", 1)[0]


# -- tables --------------------------------------------------------------------------------------
def seed_table(seeds: pd.DataFrame) -> pd.DataFrame:
    """One row per column of the family, one column per seed."""
    scores = repetition_scores(seeds["text"].tolist())
    table = scores.T
    table.columns = [_seed_key(s) for s in seeds["id"]]
    return table.rename_axis("signal").reset_index()


def seed_dup5_table(seeds: pd.DataFrame) -> pd.DataFrame:
    """framing's duplicate-5-gram fraction next to the research note's five tools."""
    scores = repetition_scores(seeds["text"].tolist())
    rows = []
    for seed_id, value in zip(seeds["id"], scores["duplicate_5gram_char_fraction"]):
        key = _seed_key(seed_id)
        rows.append({"seed": key, "framing": value, **dict(zip(NOTE_TOOLS, NOTE_DUP5.get(key, (np.nan,) * 5)))})
    return pd.DataFrame(rows)


def _percentile_rank(values: np.ndarray, value: float) -> float:
    """Share of ``values`` strictly below ``value``."""
    values = values[~np.isnan(values)]
    return float(np.mean(values < value)) if len(values) else float("nan")


def distribution_table(corpora: Mapping[str, pd.DataFrame], seeds: pd.DataFrame) -> pd.DataFrame:
    """Median, p90, p99 and max of :data:`DISTRIBUTION_SIGNALS` per corpus, and seed 000's place."""
    seed_scores = repetition_scores(seeds["text"].tolist())
    padded = seed_scores.iloc[[i for i, s in enumerate(seeds["id"]) if s.startswith("000")][0]]
    rows = []
    for name, frame in corpora.items():
        scores = repetition_scores(frame["text"].tolist())
        for signal in DISTRIBUTION_SIGNALS:
            values = scores[signal].to_numpy(dtype=float)
            finite = values[~np.isnan(values)]
            rows.append(
                {
                    "corpus": name,
                    "signal": signal,
                    "n": len(finite),
                    "median": float(np.median(finite)),
                    "p90": float(np.percentile(finite, 90)),
                    "p99": float(np.percentile(finite, 99)),
                    "max": float(finite.max()),
                    "seed_000": float(padded[signal]),
                    "seed_000_above_share": _percentile_rank(values, float(padded[signal])),
                }
            )
    return pd.DataFrame(rows)


def wcxb_above_seed_table(wcxb: pd.DataFrame, seeds: pd.DataFrame) -> pd.DataFrame:
    """WCXB pages whose paraphrase share is at least seed 000's, highest first (no text)."""
    seed_share = repetition_scores(seeds["text"].tolist())["paraphrase_share"]
    padded = float(seed_share[[s.startswith("000") for s in seeds["id"]]].iloc[0])
    scores = repetition_scores(wcxb["text"].tolist())
    above = scores["paraphrase_share"] >= padded
    table = pd.DataFrame(
        {
            "id": wcxb.loc[above, "id"],
            "domain": wcxb.loc[above, "domain"],
            "paraphrase_share": scores.loc[above, "paraphrase_share"],
            "duplicate_5gram_char_fraction": scores.loc[above, "duplicate_5gram_char_fraction"],
        }
    )
    return table.sort_values("paraphrase_share", ascending=False).reset_index(drop=True)


def threshold_table(
    corpora: Mapping[str, pd.DataFrame], seeds: pd.DataFrame, grid: Sequence[float] = THRESHOLD_GRID
) -> pd.DataFrame:
    """Seed 000's paraphrase share against both corpora for every threshold of ``grid``.

    ``z_*`` is seed 000's distance from the corpus mean in standard deviations; ``above_*`` the
    share of the corpus strictly below seed 000.
    """
    segmented = {
        name: [segment(frame["text"].iloc[i : i + BATCH_SIZE].tolist()) for i in range(0, len(frame), BATCH_SIZE)]
        for name, frame in corpora.items()
    }
    seed_corpus = segment(seeds["text"].tolist())
    padded = [i for i, s in enumerate(seeds["id"]) if s.startswith("000")][0]
    rows = []
    for threshold in grid:
        with paraphrase_threshold(threshold):
            seed_share = _paraphrase_share(seed_corpus)
            share = seed_share[padded]
            row = {"threshold": threshold, "seed_000": share, "other_seeds_max": np.delete(seed_share, padded).max()}
            for name, batches in segmented.items():
                values = np.concatenate([_paraphrase_share(corpus) for corpus in batches])
                values = values[~np.isnan(values)]
                short = "wcxb" if name.startswith("wcxb") else "ose"
                row[f"{short}_p99"] = float(np.percentile(values, 99))
                row[f"above_{short}"] = _percentile_rank(values, share)
                row[f"z_{short}"] = float((share - values.mean()) / values.std()) if values.std() > 0 else float("nan")
        rows.append(row)
    table = pd.DataFrame(rows)
    table["chosen"] = np.isclose(table["threshold"], repetition.PARAPHRASE_THRESHOLD)
    return table


def _paraphrase_share(corpus) -> np.ndarray:
    """The paraphrase share at the current threshold, bypassing the per-corpus cache."""
    return repetition._Analysis(corpus).columns["repetition.paraphrase_share"]


def length_table(corpora: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Spearman ρ of MATTR and of the plain type-token ratio with the number of words, per corpus."""
    rows = []
    for name, frame in corpora.items():
        words, ttr = [], []
        for start in range(0, len(frame), BATCH_SIZE):
            corpus = segment(frame["text"].iloc[start : start + BATCH_SIZE].tolist())
            doc, types = corpus.words.doc, corpus.word_types
            n_words = np.bincount(doc, minlength=corpus.n_docs)
            base = int(types.max()) + 1 if len(doc) else 1
            pairs = pd.unique(doc.astype(np.int64) * base + types)  # distinct (document, type)
            n_types = np.bincount(pairs // base, minlength=corpus.n_docs)
            words.append(n_words)
            with np.errstate(divide="ignore", invalid="ignore"):
                ttr.append(n_types / n_words)
        n_words, ttr = np.concatenate(words), np.concatenate(ttr)
        mattr = repetition_scores(frame["text"].tolist())["mattr"].to_numpy()
        ok = n_words > 0
        rows.append(
            {
                "corpus": name,
                "n": int(ok.sum()),
                "median_words": float(np.median(n_words[ok])),
                "rho_ttr_words": float(spearmanr(ttr[ok], n_words[ok]).statistic),
                "rho_mattr_words": float(spearmanr(mattr[ok], n_words[ok]).statistic),
            }
        )
    return pd.DataFrame(rows)


# -- speed ---------------------------------------------------------------------------------------
def _speed_worker(n_docs: int, rounds: int) -> list[dict[str, float]]:
    """Time the families on ``build_batch(n_docs)`` in this process (see :func:`speed_table`)."""
    from benchmarks._batch import build_batch, warmup_documents

    batch = build_batch(n_docs)
    warm = segment(warmup_documents())
    readability.compute(warm)
    repetition.compute(warm)
    chunks = [batch[i : i + BATCH_SIZE] for i in range(0, len(batch), BATCH_SIZE)]
    rows = []
    for round_ in range(rounds):
        timing = {"segment+readability": 0.0, "repetition after readability": 0.0, "segment+repetition": 0.0}
        for chunk in chunks:  # the two families on one segmentation, as framing.score runs them
            t0 = time.perf_counter()
            corpus = segment(chunk)
            readability.compute(corpus)
            t1 = time.perf_counter()
            repetition.compute(corpus)
            timing["segment+readability"] += t1 - t0
            timing["repetition after readability"] += time.perf_counter() - t1
        for chunk in chunks:  # repetition alone, paying for the segmentation it needs
            t0 = time.perf_counter()
            repetition.compute(segment(chunk))
            timing["segment+repetition"] += time.perf_counter() - t0
        both = timing["segment+readability"] + timing["repetition after readability"]
        state = "first pass (new word types)" if round_ == 0 else "second pass (word types known)"
        for name, seconds in (*timing.items(), ("segment+readability+repetition", both)):
            rows.append({"pass": state, "measure": name, "seconds": seconds, "docs_per_s": n_docs / seconds})
    return rows


def speed_table(n_docs: int = 2000, rounds: int = 2) -> pd.DataFrame:
    """Documents per second of the readability and repetition families, in a fresh process.

    The batch is ``benchmarks._batch.build_batch(n_docs)`` (distinct news-length documents),
    scored in chunks of :data:`BATCH_SIZE` as :func:`framing.score` does, after a warm-up on three
    short texts. The first pass meets the batch's word types for the first time (syllables, stems);
    the second pass reuses them. Every time is wall clock on one core.
    """
    repo = Path(__file__).resolve().parents[1]
    command = [sys.executable, "-m", "benchmarks.repetition_validation", "--speed-worker", str(n_docs), str(rounds)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=repo, check=True)
    return pd.DataFrame(json.loads(result.stdout.strip().splitlines()[-1]))


# -- output --------------------------------------------------------------------------------------
def run(speed: bool = True) -> dict[str, pd.DataFrame]:
    """Every table, by name."""
    seeds = _data.seeds()
    corpora = reference_corpora()
    tables = {
        "seeds": seed_table(seeds),
        "seed_dup5": seed_dup5_table(seeds),
        "distributions": distribution_table(corpora, seeds),
        "wcxb_above_seed": wcxb_above_seed_table(corpora["wcxb_article"], seeds),
        "thresholds": threshold_table(corpora, seeds),
        "length": length_table(corpora),
    }
    if speed:
        tables["speed"] = speed_table()
    return tables


def render(name: str, frame: pd.DataFrame) -> str:
    """The Markdown section (title and table) of table ``name``."""
    digits = 1 if name == "speed" else 3
    return f"### {TITLES[name]}\n\n{markdown_table(frame, digits)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Print every table as Markdown and write :data:`RESULTS_PATH`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--speed-worker", nargs=2, type=int, metavar=("DOCS", "ROUNDS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.speed_worker:
        print(json.dumps(_speed_worker(*args.speed_worker)))
        return
    tables = run(speed=not args.no_speed)
    print_and_save(tables, render, RESULTS_PATH, {"versions": versions("nltk", "numpy", "pandas", "scipy"), "paraphrase_threshold": repetition.PARAPHRASE_THRESHOLD})


if __name__ == "__main__":
    main()
