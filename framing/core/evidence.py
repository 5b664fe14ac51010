"""Evidence spans and the one-document :class:`Report`."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """A finding located in the text: ``text == document[start:end]``.

    Attributes
    ----------
    signal : str
        The column the evidence supports, e.g. ``"text.polysyllables"``.
    label : str
        What was found, e.g. ``"polysyllable"`` or ``"sentence"``.
    start, end : int
        Character offsets into the original text.
    text : str
        The text of the span.
    """

    signal: str
    label: str
    start: int
    end: int
    text: str


@dataclass
class Report:
    """Scores and evidence for one document, as returned by :func:`framing.analyze`."""

    text: str
    scores: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: NaN scores become ``None``."""
        scores = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in self.scores.items()}
        return {"scores": scores, "evidence": [asdict(e) for e in self.evidence]}

    def evidence_for(self, signal: str) -> list[Evidence]:
        """The evidence items that support one column."""
        return [e for e in self.evidence if e.signal == signal]
