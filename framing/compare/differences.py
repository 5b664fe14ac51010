"""How each document frames and sources the story, beside its group, net of shared text.

Each document of a group of two or more is analysed on its own with the families' evidence
(:func:`framing.pipeline.evidence`, the items behind :func:`framing.analyze` and
:func:`framing.sentences`), and every measure is summed over its **own sentences** only: the
sentences it shares with no other document of its group (:mod:`framing.compare.passages`). A rewrite
of a wire story is thus measured on what it adds, and is not counted as an independent voice. The
group's value pools the own sentences of all its documents.

Measures (``measure`` column)
-----------------------------
``<set>.<frame>_score``
    summed weights of the frame's counted cues (``frame_cue`` evidence) per 1,000 own words
    (the document-level ``framing.<set>.<frame>_score`` restricted to own sentences)
``<set>.balance``
    two-pole sets: ``(W2 - W1) / (W2 + W1 + k)`` over own sentences (``framing.<set>.balance``)
``sourcing.attribution_density``
    own sentences with a reporting cue / own sentences (``sourcing.attributions`` evidence)
``sourcing.relations_per_100_words``
    attribution relations (``relation`` evidence) per 100 own words
``sourcing.<class>_share``
    share of those relations whose resolved source class is ``<class>`` (named_person,
    named_org, described, vague)

``difference`` is the document's value minus the group's; ``drivers`` lists the spans of the
own sentences that contribute most to the document's value (up to three), the sentences that make
a positive difference.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from framing.config import Config
from framing.core.segment import segment
from framing.pipeline import evidence as family_evidence

CLASSES = ("named_person", "named_org", "described", "vague")
#: The own sentences named as drivers of a measure, at most.
DRIVERS = 3


def sentence_measures(text: str, config: Config) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Per sentence of ``text``: start, end, words and each summable quantity."""
    corpus = segment([text], max_chars=config.max_chars)
    spans = corpus.sentences
    starts, ends = spans.start.astype(np.int64), spans.end.astype(np.int64)
    n = len(starts)
    rows: dict[str, np.ndarray] = {"start": starts, "end": ends,
                                   "words": np.bincount(corpus.word_sentence, minlength=n).astype(float)}
    frames = [(lex.name, f) for lex in config.lexicons for f in lex.frame_names] if "framing" in config.signals else []
    for name, frame in frames:
        rows[f"{name}.{frame}"] = np.zeros(n)
    if "sourcing" in config.signals:
        rows["attributed"] = np.zeros(n)
        rows["relations"] = np.zeros(n)
        for c in CLASSES:
            rows[f"class.{c}"] = np.zeros(n)
    if corpus.errors[0] is None and n:

        def at(position: int) -> int:
            i = int(np.searchsorted(starts, position, side="right")) - 1
            return i if i >= 0 and position < ends[i] else -1

        for item in family_evidence(corpus, 0, config):
            if item.code == "frame_cue":
                s = at(int(item.details["sentence_start"]))
                if s >= 0:
                    rows[f"{item.details['frame_set']}.{item.details['frame']}"][s] += float(item.details["weight"])
            elif item.code == "attribution" and "attributed" in rows:
                s = at(item.start)
                if s >= 0:
                    rows["attributed"][s] = 1.0
            elif item.code == "relation" and "relations" in rows:
                s = at(item.start)
                if s >= 0:
                    rows["relations"][s] += 1
                    key = f"class.{item.details['resolved_class']}"
                    if key in rows:
                        rows[key][s] += 1
    poles = {lex.name: (lex.poles, lex.setting("balance_smoothing")) for lex in config.lexicons if lex.poles} \
        if "framing" in config.signals else {}
    return pd.DataFrame(rows), {"frames": frames, "poles": poles}


def _values(table: pd.DataFrame, info: dict[str, Any]) -> dict[str, float]:
    words = float(table["words"].sum())
    n = len(table)
    out: dict[str, float] = {}
    for name, frame in info["frames"]:
        out[f"{name}.{frame}_score"] = 1000.0 * table[f"{name}.{frame}"].sum() / words if words else np.nan
    for name, ((p1, p2), k) in info["poles"].items():
        w1, w2 = table[f"{name}.{p1}"].sum(), table[f"{name}.{p2}"].sum()
        out[f"{name}.balance"] = (w2 - w1) / (w1 + w2 + k) if (w1 + w2 + k) > 0 and words else np.nan
    if "attributed" in table:
        out["sourcing.attribution_density"] = table["attributed"].sum() / n if n else np.nan
        rel = float(table["relations"].sum())
        out["sourcing.relations_per_100_words"] = 100.0 * rel / words if words else np.nan
        for c in CLASSES:
            out[f"sourcing.{c}_share"] = table[f"class.{c}"].sum() / rel if rel else np.nan
    return out


def _driver_column(measure: str, info: dict[str, Any]) -> str | None:
    if measure.endswith("_score"):
        return measure[: -len("_score")]
    if measure == "sourcing.attribution_density":
        return "attributed"
    if measure == "sourcing.relations_per_100_words":
        return "relations"
    if measure.startswith("sourcing.") and measure.endswith("_share"):
        return "class." + measure[len("sourcing.") : -len("_share")]
    if measure.endswith(".balance"):
        name = measure[: -len(".balance")]
        return f"{name}.{info['poles'][name][0][1]}"  # the second pole (positive balance)
    return None


def differences(docs: list[int], ids: list[Any], texts: list[str], own: dict[int, np.ndarray], group: Any,
                config: Config, cache: dict[int, tuple[pd.DataFrame, dict]]) -> list[dict[str, Any]]:
    """Rows of the differences table for one group (``own[d]``: own-sentence starts of document ``d``)."""
    tables = {}
    info: dict[str, Any] = {}
    for d in docs:
        if d not in cache:
            cache[d] = sentence_measures(texts[d], config)
        table, info = cache[d]
        tables[d] = table[table["start"].isin(own.get(d, np.zeros(0, np.int64)))]
    pooled = pd.concat([tables[d] for d in docs], ignore_index=True)
    group_values = _values(pooled, info)
    rows = []
    for d in docs:
        values = _values(tables[d], info)
        for measure, value in values.items():
            gv = group_values[measure]
            column = _driver_column(measure, info)
            drivers: list[list[int]] = []
            if column is not None and column in tables[d]:
                t = tables[d][tables[d][column] > 0]
                t = t.sort_values([column, "start"], ascending=[False, True]).head(DRIVERS)
                drivers = [[int(s), int(e)] for s, e in zip(t["start"], t["end"])]
            rows.append({"group": group, "id": ids[d], "measure": measure, "value": value, "group_value": gv,
                         "difference": value - gv if np.isfinite(value) and np.isfinite(gv) else np.nan,
                         "own_sentences": len(tables[d]), "own_words": int(tables[d]["words"].sum()),
                         "drivers": json.dumps(drivers)})
    return rows
