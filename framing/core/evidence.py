"""Evidence spans, their codes, and the one-document :class:`Report`.

Every :class:`Evidence` item carries three descriptions of one finding:

* ``code``, a stable snake_case identifier of the *kind* of finding (``restated_sentence``,
  ``frame_cue``, ``furniture_line``, ...) that a program can switch on;
* ``details``, a read-only mapping of plain JSON values (numbers, strings, booleans, ``None``)
  with the finding's particulars, e.g. the earlier sentence and the similarity of a restated one;
* ``label``, the same finding as a sentence for people.

Each family declares the codes it emits as :class:`EvidenceCode` entries (code, definition,
signals, details keys); :data:`framing.pipeline.EVIDENCE_CODES` gathers them and
``docs/evidence.md`` lists them. Codes are unique across families, so ``code`` alone says what
was found. Character offsets in ``details`` (``*_start``, ``*_end``) are, like ``start`` and
``end``, offsets into the document's text.

Examples
--------
>>> item = Evidence("repetition.paraphrase_share", "restates sentence at 0–20 (similarity 0.62)", 21, 40,
...                 "The US expelled 100.", "restated_sentence",
...                 {"earlier_start": 0, "earlier_end": 20, "similarity": 0.62})
>>> item.details["similarity"], item.to_dict()["details"]
(0.62, {'earlier_start': 0, 'earlier_end': 20, 'similarity': 0.62})
>>> hash(item) == hash(Evidence(**{**item.to_dict(), "details": dict(item.details)}))
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["Details", "Evidence", "EvidenceCode", "Report", "CODE_PATTERN"]

#: What a code looks like: lower-case snake_case, starting with a letter.
CODE_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")

_PLAIN = (str, bool, int, float, type(None))


def _plain(key: str, value: Any) -> Any:
    """``value`` as a plain JSON scalar: NumPy scalars unwrapped, NaN and infinities as ``None``."""
    if isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, _PLAIN):
        raise TypeError(f"evidence details must be str, int, float, bool or None; {key!r} is {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class Details(Mapping):
    """A read-only, hashable, picklable mapping of plain JSON values: an evidence item's particulars.

    Keys are strings; values are ``str``, ``int``, ``float``, ``bool`` or ``None`` (NumPy scalars
    are converted, NaN becomes ``None``; anything else raises :class:`TypeError`). Keys keep their
    order; equality and hashing do not depend on it.

    Why not :class:`types.MappingProxyType` or a ``dict``: neither can be hashed, so a frozen
    dataclass holding one could not be hashed either, and a ``MappingProxyType`` cannot be pickled
    (evidence crosses process boundaries in the dask and spark faces). A tuple of pairs would hash
    but is not a mapping. This class is the smallest thing that is all three.

    Examples
    --------
    >>> d = Details({"n": np.int64(3), "similarity": float("nan")})
    >>> d, dict(d), d["n"].__class__.__name__
    ({'n': 3, 'similarity': None}, {'n': 3, 'similarity': None}, 'int')
    >>> d == {"similarity": None, "n": 3}, hash(d) == hash(Details({"similarity": None, "n": 3}))
    (True, True)
    >>> d["n"] = 4
    Traceback (most recent call last):
    ...
    TypeError: 'Details' object does not support item assignment
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        items = {} if data is None else dict(data)
        for key in items:
            if not isinstance(key, str):
                raise TypeError(f"evidence details keys must be str, got {key!r}")
        object.__setattr__(self, "_data", {k: _plain(k, v) for k, v in items.items()})

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return repr(self._data)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Details is read-only")

    def __reduce__(self):
        return (Details, (dict(self._data),))

    def to_dict(self) -> dict[str, Any]:
        """A plain ``dict`` copy (JSON-ready)."""
        return dict(self._data)


_NO_DETAILS = Details()


@dataclass(frozen=True)
class Evidence:
    """A finding located in the text: ``text == document[start:end]``.

    Attributes
    ----------
    signal : str
        The column the evidence supports, e.g. ``"text.polysyllables"``.
    label : str
        What was found, for people, e.g. ``"polysyllable"`` or
        ``"restates sentence at 0–57 (similarity 0.62)"``. Its wording may change; use ``code``
        and ``details`` in programs.
    start, end : int
        Character offsets into the original text.
    text : str
        The text of the span.
    code : str
        The kind of finding, a stable snake_case identifier registered by the family that emits it
        (:data:`framing.pipeline.EVIDENCE_CODES`, ``docs/evidence.md``).
    details : Details
        The finding's particulars as plain JSON values, with the keys its code's registry entry
        lists (any mapping given is converted to a read-only :class:`Details`).

    Examples
    --------
    >>> e = Evidence("text.polysyllables", "polysyllable", 4, 13, "important", "polysyllable", {"syllables": 3})
    >>> e.code, e.details["syllables"], e.to_dict()
    ('polysyllable', 3, {'signal': 'text.polysyllables', 'code': 'polysyllable', 'label': 'polysyllable', 'start': 4, 'end': 13, 'text': 'important', 'details': {'syllables': 3}})
    """

    signal: str
    label: str
    start: int
    end: int
    text: str
    code: str
    details: Mapping[str, Any] = field(default=_NO_DETAILS)

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not CODE_PATTERN.fullmatch(self.code):
            raise ValueError(f"evidence code must be snake_case, got {self.code!r}")
        if not isinstance(self.details, Details):
            object.__setattr__(self, "details", Details(self.details))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: ``signal``, ``code``, ``label``, ``start``, ``end``, ``text``, ``details``."""
        return {
            "signal": self.signal,
            "code": self.code,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "details": self.details.to_dict(),
        }


@dataclass(frozen=True)
class EvidenceCode:
    """The registry entry of one evidence code.

    Attributes
    ----------
    code : str
        The code (snake_case, unique across families).
    definition : str
        One line: what an item of this code is.
    signals : tuple of str
        The columns its items support; ``<...>`` stands for a part that depends on the
        configuration (``framing.<set>.<frame>``).
    details : Details
        Every key of the items' ``details``, each with its meaning.
    """

    code: str
    definition: str
    signals: tuple[str, ...]
    details: Mapping[str, str] = field(default=_NO_DETAILS)

    def __post_init__(self) -> None:
        if not CODE_PATTERN.fullmatch(self.code):
            raise ValueError(f"evidence code must be snake_case, got {self.code!r}")
        object.__setattr__(self, "signals", tuple(self.signals))
        if not isinstance(self.details, Details):
            object.__setattr__(self, "details", Details(self.details))

    def signal_pattern(self) -> re.Pattern:
        """A regular expression that matches the signals of this code.

        Examples
        --------
        >>> entry = EvidenceCode("frame_cue", "A cue.", ("framing.<set>.<frame>",))
        >>> bool(entry.signal_pattern().fullmatch("framing.immigration.security"))
        True
        """
        def one(signal: str) -> str:
            return "".join("[^.]+" if part.startswith("<") else re.escape(part) for part in re.split(r"(<[^>]+>)", signal))

        return re.compile("|".join(f"(?:{one(s)})" for s in self.signals) or "(?!)")


@dataclass
class Report:
    """Scores and evidence for one document, as returned by :func:`framing.analyze`.

    Examples
    --------
    >>> report = Report("Read more", {"boilerplate.lines": 1.0, "readability.smog_index": float("nan")},
    ...                 [Evidence("boilerplate.call_to_action", "call_to_action", 0, 9, "Read more", "furniture_line",
    ...                           {"category": "call_to_action", "source": "pattern", "probability": 0.9})])
    >>> report.to_dict()["scores"]
    {'boilerplate.lines': 1.0, 'readability.smog_index': None}
    >>> report.to_dict()["evidence"][0]["code"], report.to_dict()["evidence"][0]["spans"]
    ('furniture_line', [[0, 9]])
    >>> [e.text for e in report.evidence_for(code="furniture_line")], report.to_dict(full=True)["evidence"][0]["label"]
    (['Read more'], 'call_to_action')
    """

    text: str
    scores: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self, *, full: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data; NaN scores become ``None``.

        Compact by default: ``{"text", "scores", "evidence"}`` with the text once and the evidence
        as codes and spans, one entry per ``(code, signal)`` in order of first appearance:
        ``{"code", "signal", "spans": [[start, end], ...], "details": {key: [value per span]}}``
        (``details`` only when the code has keys; an item's text is ``text[start:end]``). With
        ``full=True``: ``{"scores", "evidence"}`` with each item as :meth:`Evidence.to_dict` (its
        text and label too), several times larger.
        """
        scores = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in self.scores.items()}
        if full:
            return {"scores": scores, "evidence": [e.to_dict() for e in self.evidence]}
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        for e in self.evidence:
            group = groups.get((e.code, e.signal))
            if group is None:
                group = groups[(e.code, e.signal)] = {"code": e.code, "signal": e.signal, "spans": []}
                if e.details:
                    group["details"] = {key: [] for key in e.details}
            group["spans"].append([e.start, e.end])
            if "details" in group:
                for key, values in group["details"].items():
                    values.append(e.details.get(key))
        return {"text": self.text, "scores": scores, "evidence": list(groups.values())}

    def evidence_for(self, signal: str | None = None, *, code: str | None = None) -> list[Evidence]:
        """The evidence items that support one column, or have one code, or both."""
        return [e for e in self.evidence if (signal is None or e.signal == signal) and (code is None or e.code == code)]
