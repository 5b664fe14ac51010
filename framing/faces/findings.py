"""What a reader of one document's report should see first: the verdict and the findings.

A :class:`~framing.core.evidence.Report` holds thousands of evidence items for a long article
(every sentence, every long word, every n-gram); most of them are the *counts* behind a score, not
*findings*. This module sorts them for the reports (:mod:`framing.faces.render`):

* :func:`verdict`: flagged or not, and the reasons with their values and reference percentiles
  (:meth:`framing.judges.flags.QualityFlagger.explain`).
* :func:`kind_of`: each item's *kind*, the unit a reader switches on or off: its evidence code,
  split further where the particulars matter to a reader (a frame cue by its lexicon and frame, an
  attribution's source by its class: ``relation_source:vague``).
* :data:`FINDING_CODES`: the kinds shown by default, the ones that say something is wrong or worth
  a look: boilerplate lines, repeated lines and paragraphs, restated sentences, orphan quotes,
  filler phrases, attributions with their source class, and the frame cues of a lexicon that
  declares a topic (the generic frames' cues, "government", "people", are one click away, as are
  sentences, long words, n-grams, names, figures and dates).
* :func:`findings`: the shown kinds per family, most frequent first, each with its items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from framing.core.evidence import Evidence, Report

#: The evidence codes that are findings (shown by default); frame cues only for topical lexicons.
FINDING_CODES = (
    "furniture_line",
    "duplicate_paragraph",
    "duplicate_line",
    "restated_sentence",
    "orphan_quote",
    "filler_phrase",
    "relation_source",
    "frame_cue",
)
#: The family order of the reports.
FAMILY_ORDER = ("boilerplate", "repetition", "sourcing", "style", "framing")

#: Readers' names of the kinds (a kind not here is named after its code).
KIND_NAMES = {
    "furniture_line": "boilerplate line",
    "duplicate_paragraph": "repeated paragraph",
    "duplicate_line": "repeated line",
    "restated_sentence": "restated sentence",
    "orphan_quote": "quote without a speaker",
    "filler_phrase": "filler phrase",
    "unsourced_claim": "unsourced claim",
    "relation_source:named_person": "source: named person",
    "relation_source:named_org": "source: named organisation",
    "relation_source:described": "source: described",
    "relation_source:vague": "source: vague",
    "relation_source:pronoun": "source: pronoun",
    "sentence": "sentence",
    "polysyllable": "polysyllable",
    "unfamiliar_word": "unfamiliar word",
    "top_ngram": "most frequent n-gram",
    "duplicate_ngram": "repeated n-gram",
}


def family_of(signal: str) -> str:
    return signal.split(".", 1)[0]


def topical_lexicons(scores: dict[str, Any]) -> set[str]:
    """The lexicons that declare a topic (they have a ``framing.<lexicon>.on_topic`` column)."""
    return {name.split(".")[1] for name in scores if name.startswith("framing.") and name.endswith(".on_topic")}


def kind_of(item: Evidence) -> str:
    """The kind of an evidence item: its code, or ``code:particular`` for frame cues (lexicon and
    frame) and relation sources (the resolved class).

    Examples
    --------
    >>> kind_of(Evidence("sourcing.vague_source_share", "x", 0, 4, "Some", "relation_source",
    ...                  {"resolved_class": "vague"}))
    'relation_source:vague'
    """
    if item.code == "frame_cue":
        return f"frame_cue:{item.details.get('frame_set')}.{item.details.get('frame')}"
    if item.code == "relation_source":
        return f"relation_source:{item.details.get('resolved_class')}"
    return item.code


def kind_name(kind: str) -> str:
    """A reader's name for a kind: ``"frame_cue:immigration.security"`` → ``"frame cue: immigration security"``."""
    if kind in KIND_NAMES:
        return KIND_NAMES[kind]
    if kind.startswith("frame_cue:"):
        return "frame cue: " + kind.split(":", 1)[1].replace(".", " ").replace("_", " ")
    return kind.replace("_", " ").replace(":", ": ")


def is_finding(kind: str, topical: set[str]) -> bool:
    """Whether items of ``kind`` are shown by default (see :data:`FINDING_CODES`)."""
    code = kind.split(":", 1)[0]
    if code == "frame_cue":
        return kind.split(":", 1)[1].split(".", 1)[0] in topical
    return code in FINDING_CODES


@dataclass
class Verdict:
    """Flagged or not (None: the document has an error or no rule could be evaluated), and why."""

    flagged: bool | None
    reasons: list[dict[str, Any]] = field(default_factory=list)
    quality: float | None = None


def verdict(report: Report, flagger: Any = None) -> Verdict:
    """The quality flag of ``report``'s scores and its reasons (``code``, ``value``, ``percentile``,
    ``status``, ``sentence``: see :meth:`framing.judges.flags.QualityFlagger.explain`).

    Examples
    --------
    >>> from framing import analyze
    >>> page = "\\n\\n".join(["The council met.", "Read more", "Click here to subscribe", "Sign up for our newsletter"])
    >>> v = verdict(analyze(page))
    >>> v.flagged, [r["code"] for r in v.reasons]
    (True, ['boilerplate_prompts'])
    """
    import pandas as pd

    from framing.judges.flags import QualityFlagger

    flagger = flagger or QualityFlagger()
    scores = pd.DataFrame([report.scores])
    if report.scores.get("error"):
        return Verdict(None)
    flags = flagger.flag(scores).iloc[0]
    flagged = flags["quality.flagged"]
    reasons = flagger.explain(scores).to_dict("records")
    quality = flags["quality.score"]
    return Verdict(
        None if pd.isna(flagged) else bool(flagged),
        [{k: r[k] for k in ("code", "column", "value", "percentile", "limit", "status", "sentence")} for r in reasons],
        None if pd.isna(quality) else float(quality),
    )


def findings(report: Report, *, codes: Sequence[str] | None = None) -> dict[str, list[tuple[str, list[int]]]]:
    """The findings of ``report`` by family (in :data:`FAMILY_ORDER`): ``[(kind, item indices), ...]``,
    most frequent kind first; indices into ``report.evidence``, in text order.

    ``codes`` replaces :data:`FINDING_CODES` (frame cues still only for topical lexicons).
    """
    topical = topical_lexicons(report.scores)
    wanted = set(FINDING_CODES if codes is None else codes)
    by_family: dict[str, dict[str, list[int]]] = {}
    for i, item in enumerate(report.evidence):
        kind = kind_of(item)
        if item.code not in wanted or not is_finding(kind, topical):
            continue
        by_family.setdefault(family_of(item.signal), {}).setdefault(kind, []).append(i)
    order = {f: n for n, f in enumerate(FAMILY_ORDER)}
    out = {}
    for family in sorted(by_family, key=lambda f: (order.get(f, len(order)), f)):
        kinds = by_family[family]
        out[family] = sorted(
            ((kind, sorted(items, key=lambda i: report.evidence[i].start)) for kind, items in kinds.items()),
            key=lambda pair: -len(pair[1]),
        )
    return out


def snippet(text: str, width: int = 70) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"
