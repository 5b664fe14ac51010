"""Frame lexicons: a documented file format, a schema check, and a matcher over a batch's word arrays.

A *frame set* (a :class:`Lexicon`) names frames and gives each frame weighted *cues*; it may add
*rules* (direction rules and vetoes), an *ignore* list, a *topic condition* and negation settings.
The same data model is read from TOML (``.toml``), JSON (``.json``) or a Python ``dict``;
:func:`load_lexicon` checks it and raises :class:`LexiconError` with the path of every problem
(unknown keys, bad weights, undefined frames, patterns that cannot match a word).

File format
-----------
.. code-block:: toml

    name = "immigration"                 # [a-z][a-z0-9_]*: the columns are framing.<name>.<frame>
    description = "..."                  # optional
    version = "1.0"                      # optional
    poles = ["humanitarian", "security"] # optional: two frames; balance > 0 leans to the second
    sentence_model = "frame_sentences.json"  # optional: a trained sentence model decides which sentences
                                         # carry a frame (framing.families.frames); default: the cue rule

    [provenance]                         # optional: authors, licence, sources (list), method, notes
    licence = "MIT"

    [settings]                           # all optional; defaults shown
    negators = ["not", "no", "never", "*n't", "without", "nor", "neither", "cannot", "none", "nobody", "nothing"]
    negation_window = 5                  # a negator this many words or fewer before a cue negates it ...
    negation_breaks = ["but", "however", "although", "though", "while", "whereas", "yet", "because"]
                                         # ... unless one of these words or a , ; : ( ) or dash comes between
    negation_exceptions = ["only", "just", "merely", "simply"]   # "not only", "not just": no negation
    hedges = ["may", "might", "could", "allegedly", "reportedly", "possibly", "probably", "suspected"]
    sentence_threshold = 1.0             # summed cue weight for a sentence to carry a frame
    balance_smoothing = 1.0              # k in (second - first) / (second + first + k)

    [topic]                              # optional: what the frame set frames (see "Topic" below)
    terms = ["~migrant", "immigra*", "asylum"]   # words that name the topic
    related = ["border|borders", "visa*"]        # optional: context words, only in on-topic documents
    window = 2                           # cues count within this many sentences of a topic sentence
                                         # (0: the sentence itself; or "paragraph", "document")
    min_sentences = 3                    # a document is on topic with this many sentences holding a term
    min_share = 0.3                      # optional: ... or, in a short text, this share of its sentences
    min_terms = 2                        # optional, with min_topical: ... or this many term sentences
    min_topical = 4                      # among this many sentences with a term or a related word

    ignore = ["homeland security"]       # optional: names and set phrases that hold cue words

    [frames.security]
    description = "..."
    negation = "drop"                    # "drop" (default): a negated cue does not count; "keep"
    topic = true                         # (default) the set's topic window applies to this frame;
                                         # false: the document gate only; or this frame's own window
    cues = { "border security" = 2.0, "~arrest" = 1.0, "smuggl*" = { weight = 1.5, topic = 1 } }
                                         # a cue may be { weight, topic }: its own topic window

    [[rules]]                            # optional, any number
    pattern = "rescu*"
    frame = "humanitarian"               # optional: the match also counts as a cue of this frame
    weight = 1.0                         # (default 1.0)
    veto = ["security"]                  # optional: cues of these frames in the sentence do not count
    note = "a rescue is not security framing (Lind et al. 2021 exclude_victim)"

Patterns
--------
A pattern is one or more words separated by spaces; a multi-word pattern matches consecutive words
of one sentence with only white space between them. Each word is one or more alternatives joined
by ``|``, and each alternative is

* ``word``: that word type (case-insensitive; ``’`` is read as ``'``; not its possessive
  ``word's``, which ``~word`` and ``word*`` match);
* ``pre*``: any word that starts with ``pre``; ``*suf``: any word that ends with ``suf``;
* ``~word``: any word with the same Porter stem (``~arrest``: arrest, arrests, arrested,
  arresting); figures and hyphenated words are their own stems;
* ``*`` alone: any one word (``border|borders * be secured``).

Words are the segmenter's (:mod:`framing.core.segment`): ``don't``, ``military-age`` and ``U.S`` are one
word each, so write ``*n't`` and ``military-age`` (and ``military age`` for the spaced form).

Matching
--------
Everything is computed once per batch on the :class:`~framing.core.segment.Corpus` word arrays: each
word type is mapped once to the set of pattern alternatives it matches (a
:class:`~framing.core.vocabulary.TypeColumn` of the vocabulary, from the type's string and its
stem), and a pattern of ``n`` words is matched by
checking word ``i + k`` against its ``k``-th word for all candidate positions ``i`` at once. No
regular expression runs per sentence. Then, in order:

1. **Longest match wins.** A match whose words lie inside a longer match (a cue, a rule or an
   ignore phrase) is dropped; of identical spans, ignore phrases win over rules, rules over cues.
   So ``victims of trafficking`` (humanitarian) hides ``trafficking`` (security), and
   ``Immigration and Customs Enforcement`` (ignored) hides ``~enforce``.
2. **Topic.** With a topic condition, a document is *on topic* when at least ``min_sentences`` of
   its sentences hold a topic term (``terms``; ``related`` words do not count here), or, with
   ``min_share``, when it is short and at least that share of its sentences hold a term or a
   related word (see "Topic" below); a document off topic has no
   counted cue at all (its cues are ``off_topic``) and NaN frame scores and balance. In a document
   on topic, a cue of a frame with ``topic = true`` (the default) counts only in a sentence within
   ``window`` sentences of one that holds a topic or related term (``"paragraph"``: in a paragraph
   that holds one; ``"document"``: anywhere); a frame with ``topic = false`` counts anywhere in a
   document on topic, and a frame with ``topic = <window>`` uses that window instead of the set's;
   a cue written ``{ weight = w, topic = t }`` uses its own ``t`` (same values as a frame's).
3. **Vetoes.** A rule match vetoes the frames in its ``veto`` list for its whole sentence.
4. **Negation.** For frames with ``negation = "drop"``, a cue with a negator among the
   ``negation_window`` words before it is dropped, when no clause break comes between them (a
   ``negation_breaks`` word such as *but*, or one of ``, ; : ( )`` and dashes; the sentence end
   always breaks). A negator followed by a negation exception ("not only", "not just") does not
   count. The window of five words follows NegEx (Chapman et al. 2001). With ``"keep"`` it counts: "denied due process" is still a rights
   claim. Hedges ("could", "allegedly") never drop a cue: voicing a suspicion is still framing; the
   match is marked ``hedged``.

Topic
-----
A frame lexicon written for one subject (the security and humanitarian framing of *migration*)
reads any text with its cues: "protection", "rights" and "families" occur in articles about the
Amazon or sport, and a balance computed there is noise that looks like a finding. The ``topic``
table says what the set frames, and the set then judges only documents about it:

``terms`` (required)
    Patterns (the cue syntax) that *name* the topic: ``~migrant``, ``immigra*``, ``asylum*``,
    ``refugee*``, ``~deport``. They decide whether a document is on topic and which sentences are
    topical. Keep them unambiguous: a word with a common other sense (``ice``, ``border``,
    ``sanctuary``, ``illegal``) belongs in ``related``. Topic words are never cues.
``related`` (optional)
    Patterns that make a sentence topical *in a document already on topic* (``ICE``, ``border``,
    ``visa``), and nothing elsewhere, so that "ice sheets" or "the Irish border" cannot put a text on
    topic.
``window`` (default 0)
    The topical context of a cue: ``0`` its own sentence must hold a topic or related term, ``n``
    one of the ``n`` sentences before or after it (same document) must, ``"paragraph"`` its
    paragraph must, ``"document"`` no sentence condition (the document gate alone).
``min_sentences`` (default 1) and ``min_share`` (optional, in (0, 1])
    The document gate: on topic when ``min_sentences`` sentences hold a term; or, in a *short*
    text (fewer than ``min_sentences / min_share`` sentences, where the share asks for fewer
    sentences than the count), when at least ``min_share`` of its sentences hold a term or a
    related word, so that a one-sentence text about the border can be judged without lowering
    the count for long articles.
``min_terms`` and ``min_topical`` (optional, both or neither)
    A further way onto the topic: at least ``min_terms`` sentences with a term among at least
    ``min_topical`` with a term or a related word (an article on the travel ban that names
    migrants twice and visas or the border throughout).
``topic`` of a frame (default ``true``)
    ``true``: the set's ``window``; ``false``: no sentence condition, the document gate alone; a
    window (``0``, ``1``, …, ``"paragraph"``, ``"document"``): this frame's own. A cue's own
    ``topic`` (``{ weight = 1.5, topic = 1 }``) overrides its frame's. The bundled
    ``immigration`` set counts general security cues only in a sentence that names migration
    (``topic = 0``), its migration-control cues (borders, walls, enforcement, entry bans) within
    one sentence of one, and humanitarian cues within four (``topic = 4``).

Each set with a topic adds two columns: ``framing.<set>.topic``, the share of the document's
sentences that hold a topic term (the gate's statistic, computed for every document), and
``framing.<set>.on_topic``: 1.0 when the document passed the gate, 0.0 when it did not (its frame
columns and balance are then NaN), NaN for a text without words. Sets without a ``topic`` table
(the bundled ``generic`` frames) judge every text. Measurements behind the bundled rule:
``docs/frames.md`` and ``benchmarks/frames_topic.py``.

What is **not** handled: negation after the cue or beyond the window ("a threat? Hardly"), scope
across clauses ("not because they are a threat"), irony and quotation marks (a quoted cue counts
for the article; framing through sources is framing), coreference beyond the topic window, and
word senses a pattern cannot tell apart. :func:`framing.families.frames.cue_table` lists every match with
its status (``counted``, ``negated``, ``vetoed``, ``off_topic``, ``hidden``), so nothing is dropped
silently.
"""

from __future__ import annotations

import json
import math
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from framing.core import chars as _chars
from framing.core.segment import Corpus
from framing.core.vocabulary import STEMS, TypeColumn

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["Lexicon", "LexiconError", "Frame", "Rule", "load_lexicon", "bundled_lexicon", "BUNDLED", "Matches", "match"]

#: The frame sets that ship with the package, as ``framing/data/lexicons/<name>.toml``.
BUNDLED = ("immigration", "generic")

DEFAULT_SETTINGS: dict[str, Any] = {
    "negators": ["not", "no", "never", "*n't", "without", "nor", "neither", "cannot", "none", "nobody", "nothing"],
    "negation_window": 5,
    "negation_breaks": ["but", "however", "although", "though", "while", "whereas", "yet", "because"],
    "negation_exceptions": ["only", "just", "merely", "simply"],
    "hedges": ["may", "might", "could", "allegedly", "reportedly", "possibly", "probably", "suspected"],
    "sentence_threshold": 1.0,
    "balance_smoothing": 1.0,
}
_TOP_KEYS = {"name", "description", "version", "poles", "provenance", "settings", "topic", "ignore", "frames", "rules",
             "sentence_model"}
_PROVENANCE_KEYS = {"authors", "licence", "license", "sources", "method", "notes", "created"}
_FRAME_KEYS = {"description", "negation", "cues", "threshold", "topic"}
_RULE_KEYS = {"pattern", "frame", "weight", "veto", "note"}
_TOPIC_KEYS = {"terms", "related", "window", "min_sentences", "min_share", "min_terms", "min_topical"}
_CUE_KEYS = {"weight", "topic"}
#: The named topic windows besides a number of sentences.
TOPIC_WINDOWS = ("paragraph", "document")
_RESERVED = {"balance", "topic", "on_topic"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_ALTERNATIVE = re.compile(r"^(~?[^\s*~|]+|\*[^\s*~|]+|[^\s*~|]+\*|\*)$")
MAX_WEIGHT = 100.0
#: Characters that end a negation's scope: , ; : ( ) and dashes.
_CLAUSE_MARK_CHARS = ",;:()\u2013\u2014-"


class LexiconError(ValueError):
    """A lexicon that does not follow the format; the message lists every problem with its path."""


@dataclass(frozen=True)
class Frame:
    """One frame: its cues as ``(pattern, weight)`` pairs, and what negation does to them."""

    name: str
    cues: tuple[tuple[str, float], ...]
    negation: str = "drop"
    description: str = ""
    threshold: float | None = None
    #: ``True``: the set's topic window applies; ``False``: only the document gate; a window
    #: (a number of sentences, ``"paragraph"`` or ``"document"``): this frame's own window.
    topic: bool | int | str = True
    #: Cues with a topic window of their own, as ``(pattern, window)`` pairs (``True``: the set's
    #: window; ``False``: the document gate alone; a number of sentences, ``"paragraph"`` or
    #: ``"document"``); the other cues use the frame's.
    cue_topic: tuple[tuple[str, bool | int | str], ...] = ()


@dataclass(frozen=True)
class Rule:
    """A direction rule or veto: a pattern that may count for ``frame`` and vetoes ``veto`` in its sentence."""

    pattern: str
    frame: str | None = None
    weight: float = 1.0
    veto: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Lexicon:
    """A checked frame set. Build it with :func:`load_lexicon`; it is immutable and picklable."""

    name: str
    frames: tuple[Frame, ...]
    rules: tuple[Rule, ...] = ()
    ignore: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    topic_window: int | str = 0
    topic_related: tuple[str, ...] = ()
    topic_min_sentences: int = 1
    topic_min_share: float | None = None
    topic_min_terms: int | None = None
    topic_min_topical: int | None = None
    poles: tuple[str, str] | None = None
    settings: tuple[tuple[str, Any], ...] = ()
    provenance: tuple[tuple[str, Any], ...] = ()
    description: str = ""
    version: str = ""
    #: Optional: the sentence model that decides which sentences carry a frame (a JSON file made by
    #: ``models/train_frame_sentences.py``: a bundled data file name or a path); empty: the cue rule.
    sentence_model: str = ""

    @property
    def frame_names(self) -> list[str]:
        return [f.name for f in self.frames]

    def setting(self, name: str) -> Any:
        return dict(self.settings)[name]

    def columns(self) -> list[str]:
        """The score columns of this set, in order (see :mod:`framing.families.frames`)."""
        base = f"framing.{self.name}"
        names = [f"{base}.{f}" for f in self.frame_names]
        names += [f"{base}.{f}_per_1k" for f in self.frame_names]
        names += [f"{base}.{f}_score" for f in self.frame_names]
        if self.poles:
            names.append(f"{base}.balance")
        if self.topic:
            names += [f"{base}.topic", f"{base}.on_topic"]
        return names

    def to_dict(self) -> dict[str, Any]:
        """The lexicon in the file format (a dict that :func:`load_lexicon` accepts)."""
        data: dict[str, Any] = {"name": self.name}
        if self.description:
            data["description"] = self.description
        if self.version:
            data["version"] = self.version
        if self.poles:
            data["poles"] = list(self.poles)
        if self.sentence_model:
            data["sentence_model"] = self.sentence_model
        if self.provenance:
            data["provenance"] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.provenance}
        data["settings"] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.settings}
        if self.topic:
            data["topic"] = {"terms": list(self.topic), "window": self.topic_window,
                             "min_sentences": self.topic_min_sentences}  # fmt: skip
            if self.topic_related:
                data["topic"]["related"] = list(self.topic_related)
            if self.topic_min_share is not None:
                data["topic"]["min_share"] = self.topic_min_share
            if self.topic_min_terms is not None:
                data["topic"]["min_terms"] = self.topic_min_terms
                data["topic"]["min_topical"] = self.topic_min_topical
        if self.ignore:
            data["ignore"] = list(self.ignore)
        frames: dict[str, Any] = {}
        for frame in self.frames:
            own = dict(frame.cue_topic)
            cues = {p: ({"weight": w, "topic": own[p]} if p in own else w) for p, w in frame.cues}
            entry: dict[str, Any] = {"negation": frame.negation, "topic": frame.topic, "cues": cues}
            if frame.description:
                entry["description"] = frame.description
            if frame.threshold is not None:
                entry["threshold"] = frame.threshold
            frames[frame.name] = entry
        data["frames"] = frames
        if self.rules:
            data["rules"] = [
                {k: v for k, v in (("pattern", r.pattern), ("frame", r.frame), ("weight", r.weight),
                                   ("veto", list(r.veto)), ("note", r.note)) if v not in (None, "", [])}
                for r in self.rules
            ]  # fmt: skip
        return data


# -- loading and checking -----------------------------------------------------------------------
def _read(source: str | Path) -> dict[str, Any]:
    path = Path(source)
    if not path.is_file():
        raise LexiconError(f"lexicon file not found: {path}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LexiconError(f"{path}: not UTF-8 at byte {error.start}") from None
    except OSError as error:
        raise LexiconError(f"{path}: cannot read: {error.strerror or error}") from None
    try:
        if path.suffix.lower() == ".toml":
            return tomllib.loads(text)
        if path.suffix.lower() == ".json":
            return json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise LexiconError(f"{path}: not valid {path.suffix[1:].upper()}: {error}") from error
    except RecursionError:
        raise LexiconError(f"{path}: not valid {path.suffix[1:].upper()}: nested too deeply") from None
    raise LexiconError(f"{path}: a lexicon file must end in .toml or .json")


def _pattern_problems(pattern: Any) -> str | None:
    if not isinstance(pattern, str) or not pattern.strip():
        return "a pattern must be a non-empty string"
    for word in pattern.lower().split():
        for alternative in word.split("|"):
            if not alternative or not _ALTERNATIVE.match(alternative):
                return f"{alternative!r} in {pattern!r} is not a word, pre*, *suf, ~word or *"
    return None


def _weight_problem(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return f"weight must be a finite number, got {value!r}"
    if not 0 < value <= MAX_WEIGHT:
        return f"weight must be in (0, {MAX_WEIGHT:g}], got {value!r}"
    return None


def _patterns(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        problems.append(f"{where}: must be a list of patterns")
        return ()
    for i, pattern in enumerate(value):
        problem = _pattern_problems(pattern)
        if problem:
            problems.append(f"{where}[{i}]: {problem}")
    return tuple(" ".join(p.lower().replace("’", "'").split()) for p in value if isinstance(p, str))


def _topic_flag_problem(value: Any) -> str | None:
    """What is wrong with a frame's or a cue's ``topic`` (true, false or a window), or None."""
    if isinstance(value, bool) or value in TOPIC_WINDOWS or (isinstance(value, int) and value >= 0):
        return None
    return f"must be true, false or a window (a non-negative integer or one of {list(TOPIC_WINDOWS)}), got {value!r}"


def _unknown(data: Mapping[str, Any], allowed: set[str], where: str, problems: list[str]) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        problems.append(f"{where}: unknown keys {extra}; allowed: {sorted(allowed)}")


def load_lexicon(source: str | Path | Mapping[str, Any] | Lexicon) -> Lexicon:
    """Read and check a frame set from a TOML or JSON file, a dict, or the name of a bundled set.

    Parameters
    ----------
    source : str, pathlib.Path, dict or Lexicon
        A path ending in ``.toml`` or ``.json``, a dict in the same format, the name of a bundled
        set (:data:`BUNDLED`), or a :class:`Lexicon` (returned as is).

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        Listing every problem found, each with its place in the file.

    Examples
    --------
    >>> lex = load_lexicon({"name": "risk", "frames": {"danger": {"cues": {"risk*": 1, "unsafe": 2}}}})
    >>> lex.columns()
    ['framing.risk.danger', 'framing.risk.danger_per_1k', 'framing.risk.danger_score']
    >>> load_lexicon({"name": "risk", "frames": {"danger": {"cues": {"risk*": -1}}, "x": {}}})
    Traceback (most recent call last):
    ...
    framing.cues.lexicon.LexiconError: invalid lexicon 'risk':
      frames.danger.cues['risk*']: weight must be in (0, 100], got -1
      frames.x.cues: a frame needs at least one cue
    """
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, str) and source in BUNDLED:
        return bundled_lexicon(source)
    if isinstance(source, (str, Path)):
        data = _read(source)
    elif isinstance(source, Mapping):
        data = dict(source)
    else:
        raise LexiconError(f"a lexicon is a path, a dict or a bundled name {BUNDLED}, got {type(source).__name__}")
    return _check(data)


def _check(data: dict[str, Any]) -> Lexicon:
    problems: list[str] = []
    _unknown(data, _TOP_KEYS, "top level", problems)
    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        problems.append(f"name: must match {_NAME.pattern} (it becomes part of column names), got {name!r}")
    for key in ("description", "version"):
        if not isinstance(data.get(key, ""), str):
            problems.append(f"{key}: must be a string")

    frames_data = data.get("frames")
    frames: list[Frame] = []
    if not isinstance(frames_data, Mapping) or not frames_data:
        problems.append("frames: a table of at least one frame is required")
        frames_data = {}
    for fname, fdata in frames_data.items():
        where = f"frames.{fname}"
        if not isinstance(fname, str) or not _NAME.match(fname) or fname in _RESERVED:
            problems.append(f"{where}: a frame name must match {_NAME.pattern} and not be one of {sorted(_RESERVED)}")
        if not isinstance(fdata, Mapping):
            problems.append(f"{where}: must be a table")
            continue
        _unknown(fdata, _FRAME_KEYS, where, problems)
        negation = fdata.get("negation", "drop")
        if negation not in ("drop", "keep"):
            problems.append(f"{where}.negation: must be 'drop' or 'keep', got {negation!r}")
        topic_flag = fdata.get("topic", True)
        if _topic_flag_problem(topic_flag):
            problems.append(f"{where}.topic: {_topic_flag_problem(topic_flag)}")
            topic_flag = True
        threshold = fdata.get("threshold")
        if threshold is not None and _weight_problem(threshold):
            problems.append(f"{where}.threshold: {_weight_problem(threshold)}")
        cues = fdata.get("cues", {})
        if not isinstance(cues, Mapping) or not cues:
            problems.append(f"{where}.cues: a frame needs at least one cue")
            cues = {}
        checked = []
        own_topic = []
        for pattern, weight in cues.items():
            cue_flag = None
            if isinstance(weight, Mapping):  # { weight = 1.5, topic = 2 }: a cue with its own topic window
                _unknown(weight, _CUE_KEYS, f"{where}.cues[{pattern!r}]", problems)
                cue_flag = weight.get("topic")
                if cue_flag is not None and _topic_flag_problem(cue_flag):
                    problems.append(f"{where}.cues[{pattern!r}].topic: {_topic_flag_problem(cue_flag)}")
                    cue_flag = None
                weight = weight.get("weight")
            problem = _pattern_problems(pattern) or _weight_problem(weight)
            if problem:
                problems.append(f"{where}.cues[{pattern!r}]: {problem}")
            else:
                key = " ".join(pattern.lower().replace("’", "'").split())
                checked.append((key, float(weight)))
                if cue_flag is not None:
                    own_topic.append((key, cue_flag))
        frames.append(Frame(str(fname), tuple(checked), negation, str(fdata.get("description", "")),
                            None if threshold is None else float(threshold), topic_flag, tuple(own_topic)))  # fmt: skip
    names = {f.name for f in frames}

    rules: list[Rule] = []
    rules_data = data.get("rules", [])
    if not isinstance(rules_data, list):
        problems.append("rules: must be a list of tables ([[rules]] in TOML)")
        rules_data = []
    for i, rdata in enumerate(rules_data):
        where = f"rules[{i}]"
        if not isinstance(rdata, Mapping):
            problems.append(f"{where}: must be a table")
            continue
        _unknown(rdata, _RULE_KEYS, where, problems)
        pattern = rdata.get("pattern")
        problem = _pattern_problems(pattern)
        if problem:
            problems.append(f"{where}.pattern: {problem}")
        frame = rdata.get("frame")
        veto = rdata.get("veto", [])
        if frame is not None and frame not in names:
            problems.append(f"{where}.frame: {frame!r} is not a frame of this lexicon {sorted(names)}")
        if not isinstance(veto, list) or any(v not in names for v in veto):
            problems.append(f"{where}.veto: must be a list of frames of this lexicon {sorted(names)}, got {veto!r}")
            veto = []
        if frame is None and not veto:
            problems.append(f"{where}: a rule needs a frame, a veto, or both")
        weight = rdata.get("weight", 1.0)
        if _weight_problem(weight):
            problems.append(f"{where}.weight: {_weight_problem(weight)}")
        if not problem:
            rules.append(Rule(" ".join(pattern.lower().replace("’", "'").split()), frame, float(weight) if not _weight_problem(weight) else 1.0,
                              tuple(veto), str(rdata.get("note", ""))))  # fmt: skip

    ignore = _patterns(data.get("ignore", []), "ignore", problems)
    topic: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    window: int | str = 0
    min_sentences = 1
    min_share: float | None = None
    min_terms: int | None = None
    min_topical: int | None = None
    if "topic" in data:
        tdata = data["topic"]
        if not isinstance(tdata, Mapping):
            problems.append("topic: must be a table with terms (and window)")
        else:
            _unknown(tdata, _TOPIC_KEYS, "topic", problems)
            topic = _patterns(tdata.get("terms", []), "topic.terms", problems)
            if not topic:
                problems.append("topic.terms: a topic condition needs at least one term")
            related = _patterns(tdata.get("related", []), "topic.related", problems)
            window = tdata.get("window", 0)
            if window not in TOPIC_WINDOWS and (isinstance(window, bool) or not isinstance(window, int) or window < 0):
                problems.append(f"topic.window: must be a non-negative integer or one of {list(TOPIC_WINDOWS)}, got {window!r}")
                window = 0
            min_sentences = tdata.get("min_sentences", 1)
            if isinstance(min_sentences, bool) or not isinstance(min_sentences, int) or min_sentences < 1:
                problems.append(f"topic.min_sentences: must be a positive integer, got {min_sentences!r}")
                min_sentences = 1
            min_share = tdata.get("min_share")
            if min_share is not None and (isinstance(min_share, bool) or not isinstance(min_share, (int, float))
                                          or not 0 < min_share <= 1):  # fmt: skip
                problems.append(f"topic.min_share: must be a number in (0, 1], got {min_share!r}")
                min_share = None
            min_terms, min_topical = tdata.get("min_terms"), tdata.get("min_topical")
            if (min_terms is None) != (min_topical is None):
                problems.append("topic.min_terms and topic.min_topical: give both or neither")
                min_terms = min_topical = None
            for key, value in (("min_terms", min_terms), ("min_topical", min_topical)):
                if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                    problems.append(f"topic.{key}: must be a positive integer, got {value!r}")
                    min_terms = min_topical = None

    poles = data.get("poles")
    if poles is not None:
        if not isinstance(poles, list) or len(poles) != 2 or len(set(poles)) != 2 or any(p not in names for p in poles):
            problems.append(f"poles: must name two different frames of this lexicon {sorted(names)}, got {poles!r}")
            poles = None
        else:
            poles = tuple(poles)

    provenance = data.get("provenance", {})
    if not isinstance(provenance, Mapping):
        problems.append("provenance: must be a table")
        provenance = {}
    _unknown(provenance, _PROVENANCE_KEYS, "provenance", problems)

    settings = dict(DEFAULT_SETTINGS)
    sdata = data.get("settings", {})
    if not isinstance(sdata, Mapping):
        problems.append("settings: must be a table")
        sdata = {}
    _unknown(sdata, set(DEFAULT_SETTINGS), "settings", problems)
    for key in ("negators", "negation_breaks", "negation_exceptions", "hedges"):
        if key in sdata:
            settings[key] = list(_patterns(sdata[key], f"settings.{key}", problems))
    if "negation_window" in sdata:
        value = sdata["negation_window"]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 20:
            problems.append(f"settings.negation_window: must be an integer in [0, 20], got {value!r}")
        else:
            settings["negation_window"] = value
    for key in ("sentence_threshold", "balance_smoothing"):
        if key in sdata:
            value = sdata[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                problems.append(f"settings.{key}: must be a non-negative number, got {value!r}")
            else:
                settings[key] = float(value)

    sentence_model = data.get("sentence_model", "")
    if not isinstance(sentence_model, str):
        problems.append(f"sentence_model: must be a file name or path (a string), got {sentence_model!r}")
        sentence_model = ""

    if problems:
        raise LexiconError(f"invalid lexicon {name!r}:\n  " + "\n  ".join(problems))
    frozen_settings = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in settings.items())
    frozen_provenance = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in provenance.items())
    lexicon = Lexicon(
        name=name, frames=tuple(frames), rules=tuple(rules), ignore=ignore, topic=topic, topic_window=window,
        topic_related=related, topic_min_sentences=min_sentences,
        topic_min_share=None if min_share is None else float(min_share),
        topic_min_terms=min_terms, topic_min_topical=min_topical,
        poles=poles, settings=frozen_settings, provenance=frozen_provenance,
        description=data.get("description", ""), version=data.get("version", ""), sentence_model=sentence_model,
    )  # fmt: skip
    return lexicon


@cache
def bundled_lexicon(name: str) -> Lexicon:
    """A frame set that ships with the package: ``"immigration"`` or ``"generic"``.

    Examples
    --------
    >>> bundled_lexicon("immigration").poles
    ('humanitarian', 'security')
    """
    if name not in BUNDLED:
        raise LexiconError(f"no bundled lexicon {name!r}; bundled: {BUNDLED}")
    from framing.core.resources import data_text

    return _check(tomllib.loads(data_text(f"lexicons/{name}.toml")))


# -- matching -----------------------------------------------------------------------------------
class _Patterns:
    """Patterns compiled against the vocabulary: every word type is mapped, once, to the set of
    pattern alternatives (atoms) it matches (set ids are this object's; they never leave it)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        from framing.core.stemming import porter_stem

        self._stem = porter_stem
        atoms: dict[str, int] = {}
        self.patterns: list[tuple[tuple[int, ...] | None, ...]] = []
        for pattern in patterns:
            words = []
            for word in pattern.split():
                if word == "*":
                    words.append(None)  # any one word
                else:
                    words.append(tuple(atoms.setdefault(a, len(atoms)) for a in word.split("|")))
            self.patterns.append(tuple(words))
        self.n_atoms = len(atoms)
        self.exact: dict[str, list[int]] = {}
        self.stems: dict[str, list[int]] = {}
        self.prefixes: list[tuple[str, int]] = []
        self.suffixes: list[tuple[str, int]] = []
        for atom, i in atoms.items():
            if atom.startswith("~"):
                self.stems.setdefault(self._stem(atom[1:]), []).append(i)
            elif atom.endswith("*"):
                self.prefixes.append((atom[:-1], i))
            elif atom.startswith("*"):
                self.suffixes.append((atom[1:], i))
            else:
                self.exact.setdefault(atom, []).append(i)
        self._prefix_tuple = tuple(p for p, _ in self.prefixes)
        self._suffix_tuple = tuple(s for s, _ in self.suffixes)
        self._sets: dict[tuple[int, ...], int] = {(): 0}
        self._lock = threading.Lock()
        self._matrix = np.zeros((1, max(self.n_atoms, 1)), dtype=bool)
        # one-word patterns are found all at once (a set x pattern table), the others word by word
        self._single = np.array([i for i, words in enumerate(self.patterns) if len(words) == 1 and words[0] is not None], np.int64)
        self._single_table: tuple[np.ndarray, np.ndarray] | None = None
        # selectors (one value per atom set) kept across batches for as long as no set is added:
        # (number of sets they were computed for, selectors by word)
        self._selectors: tuple[int, dict[tuple[int, ...], np.ndarray]] = (0, {})
        self._heads = tuple(sorted({a for words in self.patterns if words[0] is not None for a in words[0]}))
        self.type_sets = TypeColumn("lexicon atoms", self._sets_of, np.int32, needs=(STEMS,), many=True)

    def _sets_of(self, words: list[str], stems: np.ndarray) -> np.ndarray:
        """The atom-set id of each word type (its stem given)."""
        exact, prefixes, suffixes, by_stem = self.exact, self._prefix_tuple, self._suffix_tuple, self.stems
        out = np.zeros(len(words), dtype=np.int32)  # 0: the empty set
        with self._lock:
            sets = self._sets
            for k, word in enumerate(words):
                found = exact.get(word)
                found = list(found) if found else []
                if prefixes and word.startswith(prefixes):
                    found += [i for p, i in self.prefixes if word.startswith(p)]
                if suffixes and word.endswith(suffixes):
                    found += [i for s, i in self.suffixes if word.endswith(s)]
                if by_stem:
                    found += by_stem.get(stems[k], ())
                if found:
                    key = tuple(sorted(set(found)))
                    out[k] = sets.setdefault(key, len(sets))
        return out

    def matrix(self) -> np.ndarray:
        """``matrix[set id, atom]``: whether the atom is in the set."""
        with self._lock:
            if len(self._matrix) < len(self._sets):
                matrix = np.zeros((len(self._sets), max(self.n_atoms, 1)), dtype=bool)
                for atoms, i in self._sets.items():
                    matrix[i, list(atoms)] = True
                self._matrix = matrix
            return self._matrix

    def find(self, corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every match in ``corpus``: pattern index, first word and last word (global word indices)."""
        types = corpus.word_types
        n = len(types)
        empty = (np.zeros(0, np.int64),) * 3
        if n == 0 or not self.patterns:
            return empty
        sets = corpus.type_values(self.type_sets)[types]
        matrix = self.matrix()
        joins = _gaps(corpus)[0]
        known, selectors = self._selectors
        if known != len(matrix):  # (a dict of this call's own when another batch added sets meanwhile)
            selectors = {}
            self._selectors = (len(matrix), selectors)

        def selector(word: tuple[int, ...]) -> np.ndarray:
            """Whether each atom set holds one of the word's alternatives (one value per set, not per token)."""
            found = selectors.get(word)
            if found is None or len(found) != len(matrix):
                found = selectors[word] = matrix[:, list(word)].any(axis=1)
            return found

        # candidate starts: tokens whose set holds the first word of some pattern
        heads = self._heads
        candidates = np.flatnonzero(selector(heads)[sets]) if heads else np.zeros(0, np.int64)
        candidate_sets = sets[candidates]
        starts: dict[tuple[int, ...], np.ndarray] = {}
        out_pattern, out_first, out_last = [], [], []
        if len(self._single):
            # per atom set, the one-word patterns it matches (CSR: offsets into a flat list); rows of
            # known sets never change, so the table is extended only when new sets appear
            table = self._single_table
            if table is None or len(table[0]) != len(matrix) + 1:
                hits = np.zeros((len(matrix), len(self._single)), dtype=bool)
                for j, index in enumerate(self._single.tolist()):
                    hits[:, j] = selector(self.patterns[index][0])
                set_of_hit, column = np.nonzero(hits)
                offsets = np.zeros(len(matrix) + 1, dtype=np.int64)
                np.cumsum(np.bincount(set_of_hit, minlength=len(matrix)), out=offsets[1:])
                table = self._single_table = (offsets, self._single[column])
            offsets, flat = table
            per_token = offsets[candidate_sets + 1] - offsets[candidate_sets]
            token = np.repeat(np.arange(len(candidates)), per_token)
            within = np.arange(len(token)) - np.repeat(np.cumsum(per_token) - per_token, per_token)
            at = candidates[token].astype(np.int64)
            out_pattern.append(flat[offsets[candidate_sets[token]] + within])
            out_first.append(at)
            out_last.append(at)
        for index, words in enumerate(self.patterns):
            if len(words) == 1 and words[0] is not None:
                continue  # found above
            head = words[0]
            if head is None:
                at = np.arange(n)
            else:
                if head not in starts:
                    starts[head] = candidates[selector(head)[candidate_sets]]
                at = starts[head]
            for k, word in enumerate(words[1:], start=1):
                # (joins[i] holds only when word i + 1 exists: no separate bound check on at + k)
                at = at[joins[at + k - 1]]
                if word is not None:
                    at = at[selector(word)[sets[at + k]]]
            out_pattern.append(np.full(len(at), index, np.int64))
            out_first.append(at.astype(np.int64))
            out_last.append(at.astype(np.int64) + len(words) - 1)
        if not out_pattern:
            return empty
        pattern, first, last = np.concatenate(out_pattern), np.concatenate(out_first), np.concatenate(out_last)
        order = np.lexsort((first, pattern))  # by pattern, then position: the order matching ties rely on
        return pattern[order], first[order], last[order]


_GAPS: weakref.WeakKeyDictionary[Corpus, tuple[np.ndarray, np.ndarray]] = weakref.WeakKeyDictionary()


def _gaps(corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """For every word ``i``: whether word ``i + 1`` follows in the same sentence with only white space
    between (phrases), and whether a clause mark ``, ; : ( )`` or a dash lies between them (negation
    scope). Computed from the word and chunk arrays, once per batch."""
    cached = _GAPS.get(corpus)
    if cached is not None:
        return cached
    start, end = corpus._word_bounds
    n = len(start)
    joins = np.zeros(n, dtype=bool)
    clause = np.zeros(n, dtype=bool)
    if n > 1:
        sentence = corpus.word_sentence
        # only white space between word i and word i + 1 (two words never touch: a gap is never empty)
        spaces = corpus.space_counts
        spaced = spaces[start[1:]] - spaces[end[:-1]] == start[1:] - end[:-1]
        joins[:-1] = spaced & (sentence[1:] == sentence[:-1])
        # the other gaps hold punctuation: read their characters (a small share of all characters)
        other = np.flatnonzero(~spaced)
        lo, hi = end[other], start[other + 1]
        lengths = hi - lo
        offsets = np.cumsum(lengths) - lengths
        positions = np.repeat(lo - offsets, lengths) + np.arange(int(lengths.sum()))
        marked = _chars.in_char_table(_chars.char_table(_CLAUSE_MARK_CHARS), corpus.codepoints[positions])
        clause[other[np.repeat(np.arange(len(other)), lengths)[marked]]] = True
    _GAPS[corpus] = (joins, clause)
    return joins, clause


def topic_gate(lexicon: Lexicon, n_sentences: np.ndarray, term_sentences: np.ndarray, topical_sentences: np.ndarray) -> np.ndarray:
    """Whether each document is on topic: its ``term_sentences`` (sentences holding a topic term)
    reach ``min_sentences``; or, in a *short* text (fewer than ``min_sentences / min_share``
    sentences, where that share asks for fewer sentences than the count), its
    ``topical_sentences`` (holding a term or a related word) reach ``min_share`` of its
    ``n_sentences``; or, with ``min_terms`` and ``min_topical``, its term sentences reach
    ``min_terms`` and its topical sentences ``min_topical``. All arrays are per document."""
    passed = (term_sentences >= 1) & (term_sentences >= lexicon.topic_min_sentences)
    if lexicon.topic_min_terms is not None:
        passed |= (term_sentences >= lexicon.topic_min_terms) & (topical_sentences >= lexicon.topic_min_topical)
    if lexicon.topic_min_share is not None:
        short = n_sentences < lexicon.topic_min_sentences / lexicon.topic_min_share
        share = np.divide(topical_sentences, n_sentences, out=np.zeros(len(n_sentences)), where=n_sentences > 0)
        passed |= short & (topical_sentences >= 1) & (share >= lexicon.topic_min_share)
    return passed


def frame_window(lexicon: Lexicon, frame: Frame, flag: bool | int | str | None = None) -> int | str:
    """The topic window of ``frame``: its own, the set's (``topic = true``) or ``"document"``
    (``topic = false``: the document gate alone); with ``flag``, that of a cue's own ``topic``."""
    flag = frame.topic if flag is None else flag
    if flag is True:
        return lexicon.topic_window
    if flag is False:
        return "document"
    return flag


def _spread(corpus: Corpus, seeds: np.ndarray, docs: np.ndarray, window: int | str) -> np.ndarray:
    """Sentences within ``window`` of a seed sentence (same document), in documents on topic."""
    sentences = corpus.sentences
    n_sentences, doc = len(sentences), sentences.doc
    if window == "document":
        return docs[doc].copy()
    if window == "paragraph":
        paragraph = corpus.line_paragraph[corpus.sentence_line]
        with_seed = np.zeros(int(paragraph.max()) + 1 if n_sentences else 0, dtype=bool)
        with_seed[paragraph[seeds]] = True
        return with_seed[paragraph] if n_sentences else seeds.copy()
    topical = seeds.copy()
    for shift in range(1, int(window) + 1):
        same = doc[shift:] == doc[:-shift]
        topical[shift:] |= seeds[:-shift] & same
        topical[:-shift] |= seeds[shift:] & same
    return topical


def _topical(corpus: Corpus, lexicon: Lexicon, term_at: np.ndarray, related_at: np.ndarray) -> tuple[np.ndarray, ...]:
    """Topical sentences (for the set's window), on-topic documents, the sentences holding a topic
    term, and the seed sentences (a term or a related word, in a document on topic)."""
    sentences = corpus.sentences
    n_sentences, doc = len(sentences), sentences.doc
    has_term = np.zeros(n_sentences, dtype=bool)
    has_term[term_at] = True
    seeds = has_term.copy()
    seeds[related_at] = True
    docs = topic_gate(lexicon, sentences.per_doc(corpus.n_docs), np.bincount(doc[has_term], minlength=corpus.n_docs),
                      np.bincount(doc[seeds], minlength=corpus.n_docs))  # fmt: skip
    seeds &= docs[doc]
    return _spread(corpus, seeds, docs, lexicon.topic_window), docs, has_term, seeds


@dataclass
class Matches:
    """Every pattern match of one frame set in a batch (global word indices), with its status.

    ``kind`` is 0 for a cue, 1 for a rule, 2 for an ignore phrase; ``frame`` is an index into
    ``lexicon.frames`` (-1 for none); ``status`` is one of :data:`STATUSES`.
    """

    lexicon: Lexicon
    pattern: np.ndarray  # the pattern text, object array
    kind: np.ndarray
    frame: np.ndarray
    weight: np.ndarray
    first: np.ndarray
    last: np.ndarray
    sentence: np.ndarray
    status: np.ndarray
    hedged: np.ndarray
    on_topic_sentences: np.ndarray | None
    #: Per document of the batch, whether it passed the topic gate (None without a topic condition).
    on_topic_docs: np.ndarray | None = None
    #: Per sentence, whether it holds a topic term (``terms``; the gate's count).
    term_sentences: np.ndarray | None = None
    #: Per sentence, whether it holds a term or a related word, in a document on topic.
    seed_sentences: np.ndarray | None = None

    STATUSES = ("counted", "negated", "vetoed", "off_topic", "hidden", "rule", "ignored")

    @property
    def counted(self) -> np.ndarray:
        return self.status == 0


_COMPILED: OrderedDict[str, tuple] = OrderedDict()
_COMPILED_LOCK = threading.Lock()
_MAX_COMPILED = 32  # matchers kept per process, least recently used dropped first


def _compiled(lexicon: Lexicon):
    """The matcher of a lexicon, kept per process (its per-type column grows with the type table)."""
    # keyed by everything that changes matching, not by the prose
    key = json.dumps([lexicon.frames, lexicon.rules, lexicon.ignore, lexicon.topic, lexicon.topic_window,
                      lexicon.topic_related, lexicon.settings], default=str)  # fmt: skip
    with _COMPILED_LOCK:
        found = _COMPILED.get(key)
        if found is not None:
            _COMPILED.move_to_end(key)
        else:
            index = {name: i for i, name in enumerate(lexicon.frame_names)}
            entries: list[tuple[int, str, int, float]] = []  # (kind, pattern, frame, weight)
            windows: list[int | str] = []  # the topic window of each cue and rule that counts for a frame
            for frame in lexicon.frames:
                entries += [(0, p, index[frame.name], w) for p, w in frame.cues]
                own = dict(frame.cue_topic)
                windows += [frame_window(lexicon, frame, own.get(p)) for p, _ in frame.cues]
            entries += [(1, r.pattern, index[r.frame] if r.frame else -1, r.weight) for r in lexicon.rules]
            windows += [frame_window(lexicon, lexicon.frames[index[r.frame]]) if r.frame else "document" for r in lexicon.rules]
            entries += [(2, p, -1, 0.0) for p in lexicon.ignore]
            n_entries = len(entries)
            extra = [lexicon.setting("negators"), lexicon.setting("negation_exceptions"), lexicon.setting("hedges"),
                     lexicon.setting("negation_breaks"), lexicon.topic, lexicon.topic_related]  # fmt: skip
            starts = []
            for group in extra:
                starts.append(len(entries))
                entries += [(3, p, -1, 0.0) for p in group]
            patterns = _Patterns([e[1] for e in entries])
            window_names = sorted({str(w) for w in windows})
            window_of = np.array([window_names.index(str(w)) for w in windows] + [0] * (n_entries - len(windows)), dtype=np.int64)
            window_values = [next(w for w in windows if str(w) == name) for name in window_names]
            # the entries' kind, frame, weight and text as arrays, built once (match indexes them per batch)
            columns = (np.array([e[0] for e in entries], dtype=np.int64), np.array([e[2] for e in entries], dtype=np.int64),
                       np.array([e[3] for e in entries], dtype=np.float64), np.array([e[1] for e in entries], dtype=object))
            found = (patterns, entries, n_entries, window_of, window_values, *starts, columns)
            _COMPILED[key] = found
            if len(_COMPILED) > _MAX_COMPILED:
                _COMPILED.popitem(last=False)
        return found


def _flagged_before(flagged: np.ndarray, breaks: np.ndarray, first: np.ndarray, window: int) -> np.ndarray:
    """For each word index of ``first``: whether the nearest flagged word before it (``flagged``: sorted word
    indices) lies at most ``window`` words before it with no break (``breaks``: sorted word indices) after
    the flagged word, up to and including the word itself. Searched among the sorted positions, for the
    matches only (no running maximum or count over every word of the batch)."""
    k = np.searchsorted(flagged, first) - 1
    before = flagged[np.maximum(k, 0)] if len(flagged) else np.zeros(len(first), np.int64)
    before = np.where(k >= 0, before, -1)  # the nearest flagged word before each
    # no break in (before, first]: as many breaks up to the word as up to the flagged word
    no_break = np.searchsorted(breaks, first, side="right") == np.searchsorted(breaks, before, side="right")
    return (before >= 0) & (first - before <= window) & no_break


def match(corpus: Corpus, lexicon: Lexicon) -> Matches:
    """Match a frame set over a segmented batch and decide which cues count (see the module doc).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> lex = load_lexicon({"name": "t", "frames": {"threat": {"cues": {"threat*": 1}}}})
    >>> m = match(segment(["They are a threat. They are not a threat."]), lex)
    >>> [Matches.STATUSES[s] for s in m.status]
    ['counted', 'negated']
    """
    (patterns, _, n_entries, window_of, window_values, neg_start, exc_start, hedge_start, break_start, topic_start,
     related_start, (entry_kind, entry_frame, entry_weight, entry_text)) = _compiled(lexicon)  # fmt: skip
    index, first, last = patterns.find(corpus)
    n_words = len(corpus.word_types)
    word_sentence = corpus.word_sentence

    def words_of(lo: int, hi: int) -> np.ndarray:
        flags = np.zeros(n_words + 1, dtype=bool)
        chosen = (index >= lo) & (index < hi)
        flags[first[chosen]] = True  # single-word patterns
        return flags

    # negators not followed by an exception ("not only"), hedges
    negator = words_of(neg_start, exc_start)
    exception = words_of(exc_start, hedge_start)
    negator[:-1] &= ~exception[1:]
    hedge = words_of(hedge_start, break_start)
    # clause breaks: boundary[k] when a break word is word k or clause punctuation precedes it
    boundary = words_of(break_start, topic_start)[:n_words]
    if n_words > 1:
        boundary[1:] |= _gaps(corpus)[1][:-1]

    # topic: the document gate, then the topical sentences (see "Topic" in the module doc)
    on_topic = on_topic_docs = term_sentences = seeds = None
    if lexicon.topic:
        on_topic, on_topic_docs, term_sentences, seeds = _topical(corpus, lexicon, word_sentence[first[(index >= topic_start) & (index < related_start)]],
                                           word_sentence[first[index >= related_start]])  # fmt: skip

    keep = index < n_entries
    index, first, last = index[keep], first[keep], last[keep]
    kind, frame, weight, text = entry_kind[index], entry_frame[index], entry_weight[index], entry_text[index]
    sentence = word_sentence[first] if len(first) else np.zeros(0, np.int64)
    status = np.zeros(len(index), dtype=np.int64)
    status[kind == 1] = 5
    status[kind == 2] = 6

    # 1. longest match wins: sort by start, longer first, ignore < rule < cue; a match inside an
    #    earlier one (running maximum of ends) is hidden
    order = np.lexsort((-kind, -last, first))
    hidden = np.zeros(len(index), dtype=bool)
    if len(order):
        ends = last[order]
        previous_max = np.maximum.accumulate(np.r_[-1, ends[:-1]])
        hidden[order] = previous_max >= ends
    status[hidden] = 4
    live = ~hidden

    # 2. topic, 3. vetoes, 4. negation (cues, and rules that count for a frame)
    counts = live & (frame >= 0)
    if on_topic is not None:
        doc_off = ~on_topic_docs[corpus.sentences.doc[sentence]] if len(sentence) else np.zeros(0, bool)
        off = counts & doc_off
        mine_window = window_of[index]
        for w, value in enumerate(window_values):
            mine = counts & (mine_window == w)
            if mine.any():
                context = on_topic if value == lexicon.topic_window else _spread(corpus, seeds, on_topic_docs, value)
                off |= mine & ~context[sentence]
        status[off] = 3
        counts &= ~off
    n_frames = len(lexicon.frames)
    n_cues = sum(len(f.cues) for f in lexicon.frames)
    vetoes = np.zeros((len(lexicon.rules), n_frames), dtype=bool)  # rule x frame it vetoes
    for r, rule in enumerate(lexicon.rules):
        vetoes[r, [lexicon.frame_names.index(v) for v in rule.veto]] = True
    vetoing = np.flatnonzero(live & (kind == 1))
    match_of, vetoed_frame = np.nonzero(vetoes[index[vetoing] - n_cues])
    if len(match_of):
        keys = sentence[vetoing[match_of]] * n_frames + vetoed_frame
        vetoed = counts & np.isin(sentence * n_frames + frame, keys)
        status[vetoed] = 2
        counts &= ~vetoed
    window = lexicon.setting("negation_window")
    drops = np.array([f.negation == "drop" for f in lexicon.frames] + [False], dtype=bool)
    negated = np.zeros(len(index), dtype=bool)
    hedged = np.zeros(len(index), dtype=bool)
    if len(index) and window:
        # the nearest negator (hedge) before each cue: negated when within the window and no clause
        # break (the sentence start included) lies between them
        boundary[np.r_[True, word_sentence[1:] != word_sentence[:-1]]] = True
        breaks = np.flatnonzero(boundary)
        negated[:] = _flagged_before(np.flatnonzero(negator[:n_words]), breaks, first, window)
        hedged[:] = _flagged_before(np.flatnonzero(hedge[:n_words]), breaks, first, window)
    negated &= counts & drops[frame]
    status[negated] = 1
    counts &= ~negated
    status[counts] = 0
    o = order  # text order: by first word, longer match first
    return Matches(lexicon, text[o], kind[o], frame[o], weight[o], first[o], last[o], sentence[o], status[o], hedged[o], on_topic,
                   on_topic_docs, term_sentences, seeds)  # fmt: skip
