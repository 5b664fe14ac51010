"""Boilerplate: page furniture left in plain text (calls to action, comment widgets, legal lines,
media credits, navigation, metadata, advertising), found line by line.

Entry points: :func:`compute` (``Corpus -> {column: array}``), :func:`evidence` (one document's
flagged lines) and :func:`line_table` (every line of a batch, with its decision and why).

How a line is judged
--------------------
Every line of the batch is scored at once.

1. **Patterns** (``framing/data/boilerplate_patterns.json``, category → regular expressions). A
   line of at most :data:`MAX_PATTERN_WORDS` words that matches a pattern of a category is flagged
   with that category. Patterns are of three kinds: ``line`` (the whole line, bar decoration such
   as bullets, arrows and pipes), ``start`` (the line starts with it; also tried on the opening of
   lines of up to :data:`MAX_START_PATTERN_WORDS` words at either end of a document, because legal
   notices run long) and
   ``contains`` (anywhere in the line), matched against the lower-cased line. Each kind is compiled
   once into one alternation (``contains`` patterns dispatched on their first character, so the
   engine rejects most positions at once) and each short line is matched on its own, so no pattern
   runs into the next line. Users can add patterns (``framing.score(..., patterns=...)``, or
   ``compute(..., patterns=load_patterns(...))``).
2. **Line model.** Phrases alone find a small share of real leftovers, so a logistic regression over
   vectorised line features (:data:`FEATURES`: length, terminal punctuation, capitals, digits,
   function words, list markers, position in the document, the lines around it, runs of short
   lines, duplicates within the document, dates, links and the pattern hits) gives each line a
   probability of being furniture. Its weights are ``framing/data/boilerplate_line_model.json``,
   trained by ``models/train_boilerplate.py`` (model card ``models/boilerplate_lines.md``). A line
   with probability ≥ :data:`MODEL_THRESHOLD` is flagged, with the category of its pattern hit if
   it has one, ``metadata`` if it holds a date or reading time, else ``other``.
3. **Structure.** Also flagged: an empty list item (a line of just one bullet, "-" or "•": what an
   extractor leaves of an item whose link or picture it dropped; ``other``), and every line after
   a comments heading (a ``comments`` pattern line that says "comment", of at most
   :data:`COMMENTS_HEADING_WORDS` words, without end punctuation, after the article's first prose:
   reader comments; ``comments``).
4. **Exemptions** (precision first). Never flagged: lines that carry an attribution cue
   (``framing.cues.attribution``: "declined to comment", "told reporters", "CNN reported"), lines that
   end in a closing quotation mark (``”`` or ``"``), embedded social posts (a line with a
   ``pic.twitter.com`` or ``t.co`` link, a "— Name (@handle) date" signature and the line before
   it), a time alone over prose (a live-blog entry: "4:14 p.m."), and other lines without a word
   ("___", "---"). Never flagged by the line model alone (a pattern still flags them): prose (a
   line of at least :data:`PROSE_MIN_WORDS` words that ends in ``.``, ``!`` or ``?``, or that goes
   on after a comma or colon), the headline (the first line of a document, of at least
   :data:`HEADLINE_MIN_WORDS` words, without a date, time or link), a dateline paragraph
   ("HAYWARD, Calif. (AP) — ..."), list items (lines that open with a bullet, a number or a
   reference number "[2]"; for them only whole-line patterns count), subheads (a short line without
   end punctuation followed by a paragraph of prose, a list item or a table row), table rows (two
   or more ``|``), lines of program code, and lines written mostly outside the Latin script (the
   model's cues are those of English; a line with a date, time or link is still judged).

Columns
-------
``boilerplate.line_share``
    Flagged lines / lines.
``boilerplate.char_share``
    Characters of flagged lines / characters of all lines (lines are trimmed).
``boilerplate.lines``
    Flagged lines.
``boilerplate.<category>``
    Flagged lines per category, for :data:`CATEGORIES` (``other``: flagged by the line model without
    a category cue).

A document without lines (only possible for invalid input) gets NaN shares and zero counts.

Examples
--------
>>> from framing.core.segment import segment
>>> text = "Storm hits coast\\n\\nThe storm destroyed 40 homes on Monday, officials said.\\n\\nRead more\\n\\nCopyright 2024 Example News. All rights reserved."
>>> [(e.label, e.text) for e in evidence(segment([text]), 0)]
[('call_to_action', 'Read more'), ('legal', 'Copyright 2024 Example News. All rights reserved.')]
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np

from framing.core import chars as _chars
from framing.core.resources import data_text
from framing.cues.attribution import line_cues
from framing.core.evidence import Evidence
from framing.core.segment import _WORD_TYPES, Corpus
from framing.core.vocabulary import DerivedTypeColumn

NAME = "boilerplate"
COMPAT_MODES = (None, "textstat")  # boilerplate does not depend on the compat mode

#: Categories of page furniture, in column order; ``other`` is for lines the model flags alone.
CATEGORIES = ("call_to_action", "comments", "legal", "media_credit", "navigation", "metadata", "advertising")
OTHER = "other"
LABELS = CATEGORIES + (OTHER,)
KINDS = ("line", "start", "contains")
COLUMNS = ("boilerplate.line_share", "boilerplate.char_share", "boilerplate.lines") + tuple(f"boilerplate.{c}" for c in LABELS)

PATTERNS_FILE = "boilerplate_patterns.json"
MODEL_FILE = "boilerplate_line_model.json"

#: Patterns are matched only on lines of at most this many words (the research note's lexicon bound).
MAX_PATTERN_WORDS = 25
#: ``start`` patterns are also matched on lines of up to this many words (legal notices run long) ...
MAX_START_PATTERN_WORDS = 60
#: ... against their first this many characters, when they are among the first or last
#: ``START_PATTERN_EDGE_LINES`` lines of their document.
START_PATTERN_CHARS = 200
START_PATTERN_EDGE_LINES = 4
#: Dates and times (line features) are looked for only in lines of at most this many words.
STAMP_LINE_WORDS = 12
#: A line the model flags needs at least this probability.
MODEL_THRESHOLD = 0.5
#: Headline: the first line of a document with at least this many words and no date, time or link.
HEADLINE_MIN_WORDS = 3
#: Subhead: at most this many words, no end punctuation, followed by a line of prose ...
SUBHEAD_MAX_WORDS = 12
#: Prose: a line of at least this many words that ends in end punctuation (never flagged by the model alone).
PROSE_MIN_WORDS = 15
#: A comments heading (a line of the ``comments`` patterns that says "comment", after the first
#: prose, without end punctuation, not code) has at most this many words; every line after it is a
#: reader comment.
COMMENTS_HEADING_WORDS = 5
#: A time alone on a line of at most this many characters, over prose, is a live-blog subhead.
TIME_SUBHEAD_MAX_CHARS = 12
#: A line whose letters are more than this share outside the Latin script is not judged by the model alone.
FOREIGN_SCRIPT_SHARE = 0.5
#: Lines of at most this many words count as short when runs of short lines (menus) are measured.
SHORT_LINE_WORDS = 4
#: A line is code-like when at least this share of its characters are code symbols ({}[]();=<>_\`$&*).
CODE_MIN_SHARE = 0.08
#: Lines on either side counted for the density of separator lines ("-", "|") around a line.
SEPARATOR_WINDOW = 4
#: Distances to the nearest prose line are capped at this many lines.
PROSE_DISTANCE_CAP = 20

_LEAD = r"[^\w©@$\n]*"  # decoration before a pattern: bullets, arrows, pipes, quotes, brackets, space
_TRAIL = r"[^\w\n]*"  # and after it

_TERMINAL = ".!?"
_CODE_CHARACTERS = np.zeros(128, dtype=bool)  # ASCII code symbols, by code point
_CODE_CHARACTERS[[ord(c) for c in "{}[]();=<>_\\`$&*"]] = True
_QUOTES_CLOSE = "”\"»"
_BULLETS = "•·▪◦‣●○■□–—-*>►▸→✓✔"
_EMPTY_ITEM = "•·▪◦‣●○■□-*"  # a line of just one of these is an empty list item
_RULE_INPUTS = (
    "attribution", "end_quote", "list_marker", "headline", "prose", "subhead", "table_row", "code_like", "no_words",
    "empty_item", "comments_region", "time_subhead", "continued", "foreign_script", "embedded_post", "dateline", "has_date",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------
def _expand(pattern: str, definitions: Mapping[str, str], depth: int = 0) -> str:
    if depth > 10:
        raise ValueError(f"definitions nest too deeply in {pattern!r}")
    expanded = re.sub(r"\{\{(\w+)\}\}", lambda m: "(?:" + definitions[m.group(1)] + ")", pattern)
    return expanded if expanded == pattern else _expand(expanded, definitions, depth + 1)


@dataclass(frozen=True)
class PatternSet:
    """Compiled furniture patterns: ``patterns[category][kind]`` is a tuple of regular expressions.

    Build one with :func:`load_patterns`. Patterns are matched against the lower-cased line.
    """

    patterns: Mapping[str, Mapping[str, tuple[str, ...]]]
    definitions: Mapping[str, str]
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The patterns as plain data (the ``categories`` layout of the JSON file)."""
        return {c: {k: list(v) for k, v in kinds.items()} for c, kinds in self.patterns.items()}

    def __len__(self) -> int:
        return sum(len(v) for kinds in self.patterns.values() for v in kinds.values())

    def regex(self, kind: str, ignorecase: bool = False) -> tuple[re.Pattern[str] | None, dict[str, int]]:
        """The compiled regex of one kind and the category index of each of its named groups."""
        key = (kind, ignorecase)
        if key not in self._compiled:
            with _COMPILED_LOCK:
                if key not in self._compiled:
                    self._compiled[key] = _compile(self, kind, ignorecase)
        return self._compiled[key]


_COMPILED_LOCK = threading.Lock()
_QUANTIFIERS = "?*+{"
_METACHARACTERS = set(".^$*+?{}[]\\|()")


def _unescaped(source: str, start: int = 0):
    """``(index, character)`` of the characters of a regular expression outside escapes and classes."""
    i, in_class = start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":
                i += 1
        else:
            yield i, char
        i += 1


def _group_end(source: str, start: int) -> int:
    """Index just after the parenthesis that closes the group opening at ``source[start]``."""
    depth = 0
    for i, char in _unescaped(source, start):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError(f"unbalanced parentheses in {source!r}")


def _top_level_alternatives(body: str) -> list[str]:
    """``body`` split at the ``|`` that are outside any group or character class."""
    parts, depth, last = [], 0, 0
    for i, char in _unescaped(body):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return parts


def _leading_literal(source: str, depth: int = 0) -> list[tuple[str, str, bool]]:
    """Split a pattern into ``(first character, rest, word boundary before)`` branches.

    A leading ``(?:a|b)`` group is expanded into its alternatives, so that every branch opens with a
    literal character; ``[]`` is returned when a branch opens otherwise (a class, a repeat, ...).
    """
    boundary = source.startswith("\\b")
    body = source[2:] if boundary else source
    if body.startswith("(?:") and depth < 4:
        end = _group_end(body, 0)
        if end < len(body) and body[end] in _QUANTIFIERS:
            return []
        branches = []
        for alternative in _top_level_alternatives(body[3 : end - 1]):
            expanded = _leading_literal(("\\b" if boundary else "") + alternative + body[end:], depth + 1)
            if not expanded:
                return []
            branches.extend(expanded)
        return branches
    if body.startswith("\\") and len(body) > 1 and not body[1].isalnum():
        first, rest = body[1], body[2:]
    elif body and body[0] not in _METACHARACTERS:
        first, rest = body[0], body[1:]
    else:
        return []
    if rest[:1] and rest[0] in _QUANTIFIERS:
        return []
    if boundary and not first.isalnum():
        return []
    return [(first, rest, boundary)]


def _compile(patterns: PatternSet, kind: str, ignorecase: bool) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """One regex per kind, and the category index (into CATEGORIES) of each of its named groups.

    ``line`` and ``start`` patterns are anchored at the line start and grouped by category.
    ``contains`` patterns are searched at every position, so they are dispatched on their first
    character: every pattern that opens with a literal (after expanding a leading ``(?:a|b)``) goes
    under a branch that starts with that character, which Python's regex engine rejects at once
    where the text holds another character; the others are tried as they are. The matches are the
    same as those of a plain alternation.
    """
    groups: dict[str, int] = {}
    branches: list[str] = []
    by_first: dict[str, list[str]] = {}
    for index, category in enumerate(CATEGORIES):
        expanded = [_expand(p, patterns.definitions) for p in patterns.patterns.get(category, {}).get(kind, ())]
        if not expanded:
            continue
        if kind != "contains":
            groups[category] = index
            branches.append(f"(?P<{category}>" + "|".join(f"(?:{e})" for e in expanded) + ")")
            continue
        for pattern in expanded:
            split = _leading_literal(pattern)
            if not split:
                name = f"g{len(groups)}"
                groups[name] = index
                branches.append(f"(?P<{name}>{pattern})")
            for first, rest, boundary in split:
                name = f"g{len(groups)}"
                groups[name] = index
                guard = r"(?<!\w.)" if boundary else ""
                by_first.setdefault(first, []).append(f"{guard}(?P<{name}>{rest})")
    if not groups:
        return None, {}
    dispatched = [re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in by_first.items()]
    body = "|".join(dispatched + branches)
    if kind == "line":
        source = rf"^{_LEAD}(?:{body}){_TRAIL}$"
    elif kind == "start":
        source = rf"^{_LEAD}(?:{body})"
    else:
        source = body
    return re.compile(source, re.MULTILINE | (re.IGNORECASE if ignorecase else 0)), groups


def _check_pattern(category: str, kind: str, pattern: Any, definitions: Mapping[str, str]) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"pattern for {category}/{kind} must be a non-empty string, got {pattern!r}")
    try:
        compiled = re.compile(_expand(pattern, definitions))
    except KeyError as error:
        raise ValueError(f"pattern {pattern!r} uses an unknown definition {error}") from None
    except re.error as error:
        raise ValueError(f"pattern {pattern!r} ({category}/{kind}) is not a valid regular expression: {error}") from None
    if compiled.groupindex:
        raise ValueError(f"pattern {pattern!r} must not use named groups")
    if compiled.match(""):
        raise ValueError(f"pattern {pattern!r} ({category}/{kind}) matches the empty string")
    return pattern


def _parse(source: Mapping[str, Any]) -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
    """Patterns and definitions from the file layout or the short ``{category: [patterns]}`` form."""
    definitions = dict(source.get("definitions", {})) if "categories" in source else {}
    categories = source["categories"] if "categories" in source else source
    parsed: dict[str, dict[str, list[str]]] = {}
    for category, entry in categories.items():
        if category not in CATEGORIES:
            raise ValueError(f"unknown boilerplate category {category!r}; choose from {CATEGORIES}")
        if isinstance(entry, str):
            entry = [entry]
        if isinstance(entry, (list, tuple)):
            entry = {"contains": list(entry)}
        kinds = {}
        for kind, patterns in entry.items():
            if kind in ("description", "source"):
                continue
            if kind not in KINDS:
                raise ValueError(f"unknown pattern kind {kind!r} for {category}; choose from {KINDS}")
            if isinstance(patterns, str):
                patterns = [patterns]
            kinds[kind] = list(patterns)
        parsed[category] = kinds
    return parsed, definitions


def _merge(base: PatternSet | None, source: Mapping[str, Any]) -> PatternSet:
    parsed, definitions = _parse(source)
    merged: dict[str, dict[str, list[str]]] = {c: {k: [] for k in KINDS} for c in CATEGORIES}
    all_definitions = dict(base.definitions) if base is not None else {}
    all_definitions.update(definitions)
    if base is not None:
        for category, kinds in base.patterns.items():
            for kind, patterns in kinds.items():
                merged[category][kind].extend(patterns)
    for category, kinds in parsed.items():
        for kind, patterns in kinds.items():
            merged[category][kind].extend(_check_pattern(category, kind, p, all_definitions) for p in patterns)
    frozen = {c: {k: tuple(dict.fromkeys(v)) for k, v in kinds.items()} for c, kinds in merged.items()}
    return PatternSet(frozen, all_definitions)


@lru_cache(maxsize=1)
def _shipped_patterns() -> PatternSet:
    return _merge(None, json.loads(data_text(PATTERNS_FILE)))


def load_patterns(source: str | PathLike | Mapping[str, Any] | None = None, *, extend: bool = True) -> PatternSet:
    """Build a :class:`PatternSet` from a JSON file or a mapping.

    Parameters
    ----------
    source : path, mapping or None
        A JSON file in the layout of ``framing/data/boilerplate_patterns.json`` (``categories`` →
        category → ``line`` / ``start`` / ``contains`` → list of regular expressions, and optional
        ``definitions``), the same layout as a mapping, or the short form ``{category: [patterns]}``
        (``contains`` patterns). ``None`` gives the shipped patterns. Patterns are Python regular
        expressions matched against the lower-cased line; write them in lower case.
    extend : bool, default True
        Add to the shipped patterns (True) or replace them (False).

    Returns
    -------
    PatternSet

    Raises
    ------
    ValueError
        For an unknown category or kind, an invalid regular expression, a pattern with named
        groups, or one that matches the empty string.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> mine = load_patterns({"advertising": ["brought to you by acme"]})
    >>> corpus = segment(["Rain is expected all week across the region, forecasters said.\\nBrought to you by Acme"])
    >>> compute(corpus, patterns=mine)["boilerplate.advertising"].tolist()
    [1.0]
    """
    if source is None:
        return _shipped_patterns() if extend else _merge(None, {})
    if isinstance(source, (str, PathLike)):
        source = json.loads(Path(source).read_text(encoding="utf-8"))
    if not isinstance(source, Mapping):
        raise TypeError(f"patterns must be a path or a mapping, got {type(source).__name__}")
    return _merge(_shipped_patterns() if extend else None, source)


def shipped_patterns() -> PatternSet:
    """The patterns :func:`compute` uses when none are given (``framing/data/boilerplate_patterns.json``).

    Patterns of one's own are a parameter: ``compute(..., patterns=load_patterns(...))``, or
    ``patterns=`` of :func:`framing.score` and :class:`framing.Config`; there is no module-level
    registry, so worker processes started any way see the same patterns.

    Examples
    --------
    >>> sorted(shipped_patterns().patterns) == sorted(CATEGORIES)
    True
    """
    return _shipped_patterns()


# --------------------------------------------------------------------------------------------
# Line model
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def shipped_model() -> dict[str, Any]:
    """The shipped line model: ``features``, ``mean``, ``scale``, ``coef``, ``intercept`` (JSON).

    Examples
    --------
    >>> shipped_model()["features"] == list(FEATURES)
    True
    """
    return json.loads(data_text(MODEL_FILE))


def model_probabilities(features: np.ndarray, model: Mapping[str, Any] | None = None) -> np.ndarray:
    """Probability that each line is furniture, from standardised features and logistic weights.

    Parameters
    ----------
    features : ndarray of shape (n_lines, len(FEATURES))
        From :func:`line_features`.
    model : mapping, optional
        Weights in the layout of ``framing/data/boilerplate_line_model.json`` (default: shipped).

    Returns
    -------
    ndarray of float64, shape (n_lines,)

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> features, _ = line_features(segment(["Officials said the vote was delayed again on Monday night.\\nShare"]))
    >>> probabilities = model_probabilities(features)
    >>> bool(probabilities[1] > probabilities[0])
    True
    """
    model = shipped_model() if model is None else model
    if list(model["features"]) != list(FEATURES):
        raise ValueError("the line model was trained on other features; retrain it with models/train_boilerplate.py")
    if len(features) == 0:
        return np.zeros(0)
    mean = np.asarray(model["mean"], dtype=np.float64)
    scale = np.asarray(model["scale"], dtype=np.float64)
    coef = np.asarray(model["coef"], dtype=np.float64)
    z = ((features - mean) / scale) @ coef + float(model["intercept"])
    return 1.0 / (1.0 + np.exp(-z))


# --------------------------------------------------------------------------------------------
# Line features
# --------------------------------------------------------------------------------------------
#: Feature names of :func:`line_features`, in column order.
FEATURES = (
    "log_words", "log_chars", "words_le1", "words_le3", "words_le6", "words_le12", "words_gt40",
    "end_terminal", "end_colon", "end_quote", "end_ellipsis", "end_other_punct", "end_digit", "end_bracket",
    "upper_share", "all_caps", "digit_share", "capitalised_share", "function_share", "mean_word_length",
    "list_marker", "has_pipe", "has_url", "has_email_or_handle", "has_date", "has_time", "has_slash",
    "first", "second", "last", "second_last", "relative_position", "log_doc_lines",
    "before_first_prose", "after_last_prose",
    "log_prev_words", "log_next_words", "prev_terminal", "next_terminal", "next_prose", "prev_prose",
    "log_short_run", "duplicate_in_doc", "log_paragraph_lines",
    "no_words", "near_wordless", "log_separators_around", "table_row", "code_like", "log_sentences", "log_prose_distance",
    "short_before_first_prose", "short_after_last_prose", "short_between_prose",
    "doc_short_share", "doc_prose_share", "doc_list_share",
    "attribution", "any_pattern", "pattern_near", "after_comments_cue", "after_navigation_cue",
) + tuple(f"pattern_{c}" for c in CATEGORIES)  # fmt: skip

_FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself yourselves""".split()
)  # English function words, written for this module

_URL = re.compile(r"https?://|www\.\w|\.(?:com|org|net|co\.uk|html?)\b", re.IGNORECASE)
#: A comments heading names comments ("Join the conversation" may head a course's next part).
_COMMENTS_WORD = re.compile(r"comment", re.IGNORECASE)
#: A reference-list number opening a line: "[2] ".
_REFERENCE_MARKER = re.compile(r"\[\d{1,3}\][ \t]")
#: The signature line of an embedded post: "— Jane Roe (@janeroe) November 18, 2019".
_POST_SIGNATURE = re.compile(r"[—–―-][ \t]*[^\n(]{1,80}\(@\w{1,30}\)[^\n]{0,40}$")
_POST_SIGNATURE_OPENERS = "—–―-"
#: Links that embedded posts carry (found with ``str.find``: far faster than a regex over the batch).
_POST_LINKS = ("pic.twitter.com/", "t.co/", "instagram.com/p/")
#: A dateline opening an article's first paragraph: "HAYWARD, Calif. (AP) —", "LONDON (Reuters) -", "WASHINGTON —".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,30}){0,2}(?:[ \t]+\([A-Z][\w .&/-]{0,30}\))?[ \t]+[—–-][ \t]+\w"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|[ap]\.m\.)|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


_FUNCTION_FLAGS = DerivedTypeColumn(_WORD_TYPES, _FUNCTION_WORDS.__contains__, bool)


def _date_regex(patterns: PatternSet) -> re.Pattern[str]:
    return _cached_date_regex(patterns.definitions.get("DATE", r"(?!x)x"), tuple(sorted(patterns.definitions.items())))


@lru_cache(maxsize=8)
def _cached_date_regex(date: str, definitions: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + _expand(date, dict(definitions)) + r"(?!\w)", re.IGNORECASE)


@dataclass
class _Lines:
    """Per-line arrays of a batch (global offsets into ``corpus.joined``)."""

    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    words: np.ndarray


def _lines(corpus: Corpus) -> _Lines:
    lines = corpus.lines
    start = lines.start + corpus.offsets[lines.doc]
    end = lines.end + corpus.offsets[lines.doc]
    word_start = corpus._word_bounds[0]
    word_line = np.searchsorted(start, word_start, side="right") - 1
    words = np.bincount(word_line, minlength=len(start)) if len(start) else np.zeros(0, np.int64)
    return _Lines(start, end, lines.doc, words)


def _line_texts(corpus: Corpus, lines: _Lines, index: np.ndarray) -> list[str]:
    """The text of lines ``index``."""
    joined = corpus.joined
    return [joined[s:e] for s, e in zip(lines.start[index].tolist(), lines.end[index].tolist())]


def _first_match(compiled: tuple[re.Pattern[str] | None, dict[str, int]], texts: list[str], whole: bool) -> np.ndarray:
    """Category index (into CATEGORIES) of the first match in each line of ``texts``, or -1.

    Each line is matched on its own, so that no pattern runs from one line into the next.
    """
    regex, groups = compiled
    if regex is None:
        return np.full(len(texts), -1, dtype=np.int64)
    find = regex.match if whole else regex.search
    found = [find(t) for t in texts]
    return np.fromiter((groups[m.lastgroup] if m else -1 for m in found), np.int64, len(texts))  # type: ignore[index]


def _pattern_hits(corpus: Corpus, lines: _Lines, patterns: PatternSet, list_marker: np.ndarray) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Category of each line's pattern match (-1 if none), and text features of the short lines."""
    n = len(lines.start)
    candidates = np.flatnonzero(lines.words <= MAX_PATTERN_WORDS)
    texts = _line_texts(corpus, lines, candidates)
    lowered = [t.lower() for t in texts]
    ignorecase = any(len(a) != len(b) for a, b in zip(lowered, texts))  # a few characters change length
    subjects = texts if ignorecase else lowered
    category = np.full(n, -1, dtype=np.int64)
    for kind in KINDS:  # line > start > contains
        found = _first_match(patterns.regex(kind, ignorecase), subjects, kind != "contains")
        if kind != "line":  # a list item is furniture only when the whole item is ("- Print Article")
            found[list_marker[candidates]] = -1
        target = candidates[found >= 0]
        unset = category[target] < 0
        category[target[unset]] = found[found >= 0][unset]
    # legal notices and disclaimers run long: ``start`` patterns also judge the opening of longer
    # lines, at the ends of a document (where such notices sit; this keeps the cost small)
    rank = corpus.lines.rank()
    from_end = np.bincount(lines.doc, minlength=corpus.n_docs)[lines.doc] - 1 - rank
    edge = (rank < START_PATTERN_EDGE_LINES) | (from_end < START_PATTERN_EDGE_LINES)
    longer = np.flatnonzero((lines.words > MAX_PATTERN_WORDS) & (lines.words <= MAX_START_PATTERN_WORDS) & edge & ~list_marker)
    if len(longer):
        openings = [t[:START_PATTERN_CHARS] for t in _line_texts(corpus, lines, longer)]
        lowered_openings = [t.lower() for t in openings]
        ignorecase = any(len(a) != len(b) for a, b in zip(lowered_openings, openings))
        category[longer] = _first_match(patterns.regex("start", ignorecase), openings if ignorecase else lowered_openings, True)
    extra = {"has_url": _line_hits(_URL, texts, candidates, n)}
    # a short line that occurs again (ignoring case) in its document: repeated menus, site names
    duplicate = np.zeros(n, dtype=bool)
    if len(candidates):
        keys = [f"{d}\x00{t}" for d, t in zip(lines.doc[candidates].tolist(), lowered)]
        codes, uniques = _factorize(keys)
        duplicate[candidates] = np.bincount(codes, minlength=uniques)[codes] > 1
    extra["duplicate"] = duplicate
    # dates and times are looked for in lines of at most STAMP_LINE_WORDS words: stamps are short
    stamp = np.flatnonzero(lines.words[candidates] <= STAMP_LINE_WORDS)
    stamp_texts = [texts[i] for i in stamp.tolist()]
    extra["has_date"] = _line_hits(_date_regex(patterns), stamp_texts, candidates[stamp], n)
    extra["has_time"] = _line_hits(_TIME, stamp_texts, candidates[stamp], n)
    return category, extra


def _match_lines(regex: re.Pattern[str], corpus: Corpus, lines: _Lines, candidates: np.ndarray) -> np.ndarray:
    """Whether ``regex`` matches at the start of each line; only lines where ``candidates`` is True are tried."""
    hit = np.zeros(len(lines.start), dtype=bool)
    index = np.flatnonzero(candidates)
    match = regex.match
    hit[index] = np.fromiter((match(t) is not None for t in _line_texts(corpus, lines, index)), bool, len(index))
    return hit


def _substring_lines(needles: tuple[str, ...], corpus: Corpus, lines: _Lines) -> np.ndarray:
    """Whether each line holds one of ``needles`` (after a character that is not a word character or a dot)."""
    joined = corpus.joined
    at = []
    for needle in needles:
        i = joined.find(needle)
        while i >= 0:
            before = joined[i - 1 : i]
            if not (before.isalnum() or before in "._"):
                at.append(i)
            i = joined.find(needle, i + 1)
    hit = np.zeros(len(lines.start), dtype=bool)
    if at:
        positions = np.asarray(at, dtype=np.int64)
        line = np.searchsorted(lines.start, positions, side="right") - 1
        inside = (line >= 0) & (positions < lines.end[np.maximum(line, 0)])
        hit[line[inside]] = True
    return hit


def _factorize(keys: list[str]) -> tuple[np.ndarray, int]:
    """Codes of equal strings, and how many distinct strings there are."""
    index: dict[str, int] = {}
    codes = np.fromiter((index.setdefault(k, len(index)) for k in keys), np.int64, len(keys))
    return codes, len(index)


def _line_hits(regex: re.Pattern[str], texts: list[str], index: np.ndarray, n: int) -> np.ndarray:
    """Whether ``regex`` occurs in each of ``texts`` (lines ``index`` of ``n``)."""
    hit = np.zeros(n, dtype=bool)
    search = regex.search
    hit[index] = np.fromiter((search(t) is not None for t in texts), bool, len(texts))
    return hit


def _run_lengths(mask: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """For each line, the length of the run of consecutive True lines (same document) holding it."""
    n = len(mask)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = (mask[1:] != mask[:-1]) | (doc[1:] != doc[:-1])
    run_id = np.cumsum(new_run) - 1
    sizes = np.bincount(run_id)
    return np.where(mask, sizes[run_id], 0)


def _window_sum(mask: np.ndarray, doc: np.ndarray, k: int) -> np.ndarray:
    """For each line, how many of the ``k`` lines before and ``k`` after it (same document) are True."""
    n = len(mask)
    prefix = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(mask, out=prefix[1:])
    index = np.arange(n)
    first = np.searchsorted(doc, doc, side="left")
    last = np.searchsorted(doc, doc, side="right")
    lo = np.maximum(index - k, first)
    hi = np.minimum(index + k + 1, last)
    return prefix[hi] - prefix[lo] - mask.astype(np.int64)


@dataclass
class LineTable:
    """Every line of a batch with its features and decision (see :func:`line_table`).

    Attributes
    ----------
    doc, start, end : ndarray of int64
        Document index and offsets of each line in its document's text.
    features : ndarray of shape (n_lines, len(FEATURES))
    pattern : ndarray of int64
        Index into :data:`CATEGORIES` of the pattern the line matches, or -1.
    probability : ndarray of float64
        The line model's probability.
    exempt, model_exempt : ndarray of bool
        Never flagged / never flagged by the model alone (see the module docstring).
    flagged : ndarray of bool
    label : ndarray of int64
        Index into :data:`LABELS` of each flagged line's category, -1 if not flagged.
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    features: np.ndarray
    pattern: np.ndarray
    probability: np.ndarray
    exempt: np.ndarray
    model_exempt: np.ndarray
    flagged: np.ndarray
    label: np.ndarray


def line_features(corpus: Corpus, patterns: PatternSet | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The feature matrix of every line of ``corpus`` (columns :data:`FEATURES`) and rule inputs.

    Returns
    -------
    features : ndarray of shape (len(corpus.lines), len(FEATURES))
    extra : dict of str to ndarray
        The inputs of the decision rules, per line: ``pattern`` (index into :data:`CATEGORIES` of the
        first pattern matched, or -1) and the booleans ``empty_item``, ``comments_region``
        (structure rules), ``attribution``, ``end_quote``, ``embedded_post``, ``time_subhead``,
        ``no_words`` (exemptions), ``headline``, ``prose``, ``continued``, ``dateline``,
        ``list_marker``, ``subhead``, ``table_row``, ``code_like``, ``foreign_script`` (model
        exemptions) and ``has_date`` (date or time).

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> features, extra = line_features(segment(["Storm Hits the Coast\\nRead more"]))
    >>> features.shape == (2, len(FEATURES)), extra["headline"].tolist(), extra["pattern"].tolist()
    (True, [True, False], [-1, 0])
    """
    patterns = shipped_patterns() if patterns is None else patterns
    lines = _lines(corpus)
    n = len(lines.start)
    if n == 0:
        return np.zeros((0, len(FEATURES))), {k: np.zeros(0, dtype=bool if k != "pattern" else np.int64) for k in ("pattern",) + _RULE_INPUTS}
    cls = corpus.char_classes
    cp = corpus.codepoints
    doc = lines.doc
    words = lines.words.astype(np.float64)
    chars = (lines.end - lines.start).astype(np.float64)

    # counts of rare characters per line: their positions, mapped to lines
    def per_line(mask: np.ndarray) -> np.ndarray:
        return per_line_at(np.flatnonzero(mask))

    def per_line_at(at: np.ndarray) -> np.ndarray:
        line = np.searchsorted(lines.start, at, side="right") - 1
        inside = (line >= 0) & (at < lines.end[np.maximum(line, 0)])
        return np.bincount(line[inside], minlength=n).astype(np.float64)

    upper = per_line((cls & _chars.UPPER) != 0)
    # letters and digits only occur inside words: sum them per word type
    word_line = np.searchsorted(lines.start, corpus._word_bounds[0], side="right") - 1
    letters = np.bincount(word_line, weights=corpus.word_feature("letters"), minlength=n)
    alnum = np.bincount(word_line, weights=corpus.word_feature("alnum"), minlength=n)
    digits = alnum - letters

    # the last character, looking through closing quotes and brackets for the end mark
    last = cp[lines.end - 1]
    before_last = cp[np.maximum(lines.end - 2, lines.start)]
    closing = np.isin(last, [ord(c) for c in _QUOTES_CLOSE + ")]’'"])
    mark = np.where(closing, before_last, last)
    terminal = np.isin(mark, [ord(c) for c in _TERMINAL + "…"])
    ellipsis = (mark == ord("…")) | ((mark == ord(".")) & (cp[np.maximum(lines.end - 2, lines.start)] == ord(".")) & (cp[np.maximum(lines.end - 3, lines.start)] == ord(".")))
    end_quote = np.isin(last, [ord(c) for c in _QUOTES_CLOSE]) | ((last == ord("’")) & np.isin(before_last, [ord(c) for c in _TERMINAL + ","]))
    end_colon = last == ord(":")
    end_digit = (cls[lines.end - 1] & _chars.DIGIT) != 0
    end_bracket = np.isin(last, [ord(")"), ord("]")])
    end_other = ~terminal & ~end_colon & ~end_quote & ~end_bracket & ((cls[lines.end - 1] & _chars.ALNUM) == 0)
    first_cp = cp[lines.start]
    second_cp = cp[np.minimum(lines.start + 1, lines.end - 1)]
    bullet = np.isin(first_cp, [ord(c) for c in _BULLETS]) & ((cls[np.minimum(lines.start + 1, len(cls) - 1)] & _chars.SPACE) != 0)
    numbered = ((cls[lines.start] & _chars.DIGIT) != 0) & np.isin(second_cp, [ord("."), ord(")")]) & ((cls[np.minimum(lines.start + 2, len(cls) - 1)] & _chars.SPACE) != 0)
    bullet |= np.isin(first_cp, [ord("•"), ord("▪"), ord("◦"), ord("●"), ord("►")])
    numbered |= _match_lines(_REFERENCE_MARKER, corpus, lines, first_cp == ord("["))  # "[2] Smith J. ...": a reference list
    list_marker = (bullet | numbered) & (lines.words > 0)
    pattern, text_hits = _pattern_hits(corpus, lines, patterns, list_marker)
    has_pipe = per_line(cp == ord("|")) > 0
    has_slash = per_line(cp == ord("/")) > 0
    # "@" before a word: an e-mail address or a handle ("Tampa, FL @ Arena" is neither)
    at_sign = np.flatnonzero(cp == ord("@"))
    has_at = per_line_at(at_sign[(cls[np.minimum(at_sign + 1, len(cls) - 1)] & _chars.ALNUM) != 0]) > 0
    # letters outside the Latin script (CJK, Hangul, Cyrillic, ...): the model's cues (function
    # words, capitals, end marks) are those of English, so it does not judge such lines alone
    beyond_latin = np.flatnonzero(cp >= 0x370)  # rare in English: test the rest only there
    beyond_cp = cp[beyond_latin]
    foreign_letters = per_line_at(beyond_latin[((cls[beyond_latin] & _chars.ALPHA) != 0) & ((beyond_cp < 0x1E00) | (beyond_cp >= 0x1F00))])
    # program code (technical articles): braces, a closing semicolon, a run of operators, "# " heads
    code_chars = per_line(_CODE_CHARACTERS[np.minimum(cp, 127)] & (cp < 128))
    braces = per_line((cp == ord("{")) | (cp == ord("}")))
    code_like = (braces > 0) | (last == ord(";")) | (code_chars >= CODE_MIN_SHARE * chars)
    code_like |= (first_cp == ord("#")) & ((cls[np.minimum(lines.start + 1, len(cls) - 1)] & _chars.SPACE) != 0)

    # words: capitalised, function words, length
    types = corpus.word_types
    capitalised = np.bincount(word_line, weights=corpus.word_is_capitalized.astype(np.float64), minlength=n)
    function = np.bincount(word_line, weights=_FUNCTION_FLAGS()[types].astype(np.float64) if len(types) else None, minlength=n)
    word_chars = np.bincount(word_line, weights=(corpus._word_bounds[1] - corpus._word_bounds[0]).astype(np.float64), minlength=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        upper_share = np.where(letters > 0, upper / letters, 0.0)
        digit_share = np.where(alnum > 0, digits / alnum, 0.0)
        capitalised_share = np.where(words > 0, capitalised / words, 0.0)
        function_share = np.where(words > 0, function / words, 0.0)
        mean_word_length = np.where(words > 0, word_chars / words, 0.0)
    all_caps = (upper_share >= 0.9) & (letters >= 4)

    # position in the document
    rank = corpus.lines.rank()
    per_doc = np.bincount(doc, minlength=corpus.n_docs)
    doc_lines = per_doc[doc]
    from_end = doc_lines - 1 - rank
    relative = np.where(doc_lines > 1, rank / np.maximum(doc_lines - 1, 1), 0.0)
    prose = (words >= PROSE_MIN_WORDS) & terminal
    first_prose = np.full(corpus.n_docs, np.iinfo(np.int64).max)
    last_prose = np.full(corpus.n_docs, -1)
    prose_index = np.flatnonzero(prose)
    np.minimum.at(first_prose, doc[prose_index], rank[prose_index])
    np.maximum.at(last_prose, doc[prose_index], rank[prose_index])
    before_first_prose = rank < first_prose[doc]
    after_last_prose = rank > last_prose[doc]

    # neighbours within the document
    same_prev = np.zeros(n, dtype=bool)
    same_prev[1:] = doc[1:] == doc[:-1]
    same_next = np.zeros(n, dtype=bool)
    same_next[:-1] = doc[:-1] == doc[1:]
    prev_words = np.where(same_prev, np.r_[0.0, words[:-1]], 0.0)
    next_words = np.where(same_next, np.r_[words[1:], 0.0], 0.0)
    prev_terminal = same_prev & np.r_[False, terminal[:-1]]
    next_terminal = same_next & np.r_[terminal[1:], False]
    next_prose = same_next & np.r_[prose[1:], False]
    prev_prose = same_prev & np.r_[False, prose[:-1]]
    short_run = _run_lengths(words <= SHORT_LINE_WORDS, doc)

    # duplicates within the document (case-insensitive)
    duplicate = text_hits["duplicate"]
    paragraph = corpus.line_paragraph
    paragraph_lines = np.bincount(paragraph)[paragraph]
    no_words = words == 0
    near_wordless = (same_prev & np.r_[False, no_words[:-1]]) | (same_next & np.r_[no_words[1:], False])
    separators_around = _window_sum(no_words, doc, SEPARATOR_WINDOW)
    pipes = per_line(cp == ord("|"))
    table_row = (pipes >= 2) | ((first_cp == ord("|")) & (last == ord("|")))
    sentences = np.bincount(corpus.sentence_line, minlength=n).astype(np.float64)
    # distance (in lines) to the nearest prose line of the same document
    global_prose = np.flatnonzero(prose)
    if len(global_prose):
        at = np.searchsorted(global_prose, np.arange(n))
        after = global_prose[np.minimum(at, len(global_prose) - 1)]
        before = global_prose[np.maximum(at - 1, 0)]
        far = float(PROSE_DISTANCE_CAP)
        d_after = np.where((after >= np.arange(n)) & (doc[after] == doc), after - np.arange(n), far)
        d_before = np.where((before <= np.arange(n)) & (doc[before] == doc), np.arange(n) - before, far)
        prose_distance = np.minimum(np.minimum(d_after, d_before), far)
    else:
        prose_distance = np.full(n, float(PROSE_DISTANCE_CAP))
    short = words <= 6

    def doc_share(mask: np.ndarray) -> np.ndarray:
        return (np.bincount(doc, weights=mask.astype(np.float64), minlength=corpus.n_docs) / np.maximum(per_doc, 1))[doc]

    hit = pattern >= 0
    pattern_near = (same_prev & np.r_[False, hit[:-1]]) | (same_next & np.r_[hit[1:], False])

    def after_cue(category: str, where: np.ndarray | None = None) -> np.ndarray:
        """Whether an earlier line of the same document matched a pattern of ``category`` (at ``where``)."""
        cue = pattern == CATEGORIES.index(category)
        cue = (cue if where is None else cue & where).astype(np.int64)
        seen = np.cumsum(cue) - cue  # cue lines strictly before this line, over the batch
        doc_first = np.searchsorted(doc, doc)  # index of the first line of each line's document
        before_doc = np.r_[0, np.cumsum(cue)][doc_first]
        return (seen - before_doc) > 0

    attribution = line_cues(corpus)
    # reader comments: every line after a comments heading ("Top Rated Comments", "12 Comments") that
    # follows the article's first prose (a "Leave a comment" link over the article opens nothing)
    comments_heading = (pattern == CATEGORIES.index("comments")) & (words <= COMMENTS_HEADING_WORDS) & ~terminal & ~code_like & ~before_first_prose
    heading_index = np.flatnonzero(comments_heading)
    comments_heading[heading_index] = [_COMMENTS_WORD.search(t) is not None for t in _line_texts(corpus, lines, heading_index)]
    comments_region = after_cue("comments", comments_heading)
    stamp = text_hits["has_date"] | text_hits["has_time"] | text_hits["has_url"] | has_at
    next_list_or_table = same_next & np.r_[(list_marker | table_row)[1:], False]
    subhead = (letters > 0) & (words <= SUBHEAD_MAX_WORDS) & ~terminal & ~end_quote & ~stamp & ~list_marker
    subhead &= (next_prose & ~end_colon) | next_list_or_table
    headline = (rank == 0) & (words >= HEADLINE_MIN_WORDS) & ~stamp
    # a time alone over a paragraph of prose heads an entry of a live blog ("4:14 p.m.")
    time_subhead = text_hits["has_time"] & ~text_hits["has_date"] & (chars <= TIME_SUBHEAD_MAX_CHARS) & next_prose
    # a long line that ends in a comma or colon is a sentence that goes on (a list, a quotation)
    continued = (words >= PROSE_MIN_WORDS) & (end_colon | (last == ord(",")))
    foreign_script = (foreign_letters > FOREIGN_SCRIPT_SHARE * letters) & ~stamp
    # embedded social posts are quotations: the post (with its link) and its "— Name (@handle) date" line
    post_signature = _match_lines(_POST_SIGNATURE, corpus, lines, np.isin(first_cp, [ord(c) for c in _POST_SIGNATURE_OPENERS]))
    embedded_post = _substring_lines(_POST_LINKS, corpus, lines) | post_signature | (same_next & np.r_[post_signature[1:], False])
    two_capitals = ((cls[lines.start] & _chars.UPPER) != 0) & ((cls[np.minimum(lines.start + 1, len(cls) - 1)] & _chars.UPPER) != 0)
    dateline = _match_lines(_DATELINE, corpus, lines, two_capitals)
    # an empty list item ("-" alone): what is left of a link or picture the extractor dropped
    empty_item = no_words & (chars == 1) & np.isin(first_cp, [ord(c) for c in _EMPTY_ITEM])

    columns = {
        "log_words": np.log1p(words),
        "log_chars": np.log1p(chars),
        "words_le1": words <= 1,
        "words_le3": words <= 3,
        "words_le6": words <= 6,
        "words_le12": words <= 12,
        "words_gt40": words > 40,
        "end_terminal": terminal,
        "end_colon": end_colon,
        "end_quote": end_quote,
        "end_ellipsis": ellipsis,
        "end_other_punct": end_other,
        "end_digit": end_digit,
        "end_bracket": end_bracket,
        "upper_share": upper_share,
        "all_caps": all_caps,
        "digit_share": digit_share,
        "capitalised_share": capitalised_share,
        "function_share": function_share,
        "mean_word_length": np.minimum(mean_word_length, 15.0),
        "list_marker": list_marker,
        "has_pipe": has_pipe,
        "has_url": text_hits["has_url"],
        "has_email_or_handle": has_at,
        "has_date": text_hits["has_date"],
        "has_time": text_hits["has_time"],
        "has_slash": has_slash,
        "first": rank == 0,
        "second": rank == 1,
        "last": from_end == 0,
        "second_last": from_end == 1,
        "relative_position": relative,
        "log_doc_lines": np.log1p(doc_lines),
        "before_first_prose": before_first_prose,
        "after_last_prose": after_last_prose,
        "log_prev_words": np.log1p(prev_words),
        "log_next_words": np.log1p(next_words),
        "prev_terminal": prev_terminal,
        "next_terminal": next_terminal,
        "next_prose": next_prose,
        "prev_prose": prev_prose,
        "log_short_run": np.log1p(short_run),
        "duplicate_in_doc": duplicate,
        "log_paragraph_lines": np.log1p(paragraph_lines),
        "no_words": no_words,
        "near_wordless": near_wordless,
        "log_separators_around": np.log1p(separators_around),
        "table_row": table_row,
        "code_like": code_like,
        "log_sentences": np.log1p(sentences),
        "log_prose_distance": np.log1p(prose_distance),
        "short_before_first_prose": short & before_first_prose,
        "short_after_last_prose": short & after_last_prose,
        "short_between_prose": short & ~before_first_prose & ~after_last_prose,
        "doc_short_share": doc_share(short),
        "doc_prose_share": doc_share(prose),
        "doc_list_share": doc_share(list_marker),
        "attribution": attribution,
        "any_pattern": hit,
        "pattern_near": pattern_near,
        "after_comments_cue": after_cue("comments"),
        "after_navigation_cue": after_cue("navigation"),
    }
    for i, category in enumerate(CATEGORIES):
        columns[f"pattern_{category}"] = pattern == i
    features = np.column_stack([np.asarray(columns[name], dtype=np.float64) for name in FEATURES])
    extra = {
        "pattern": pattern,
        "attribution": attribution,
        "end_quote": end_quote,
        "list_marker": list_marker,
        "headline": headline,
        "subhead": subhead,
        "prose": prose,
        "table_row": table_row,
        "code_like": code_like,
        "no_words": no_words,
        "empty_item": empty_item,
        "comments_region": comments_region,
        "time_subhead": time_subhead,
        "continued": continued,
        "foreign_script": foreign_script,
        "embedded_post": embedded_post,
        "dateline": dateline,
        "has_date": text_hits["has_date"] | text_hits["has_time"],
    }
    return features, extra


def line_table(
    corpus: Corpus,
    *,
    patterns: PatternSet | None = None,
    model: Mapping[str, Any] | None = None,
    probabilities: np.ndarray | None = None,
) -> LineTable:
    """Judge every line of ``corpus``: features, pattern hits, model probability, exemptions, decision.

    Parameters
    ----------
    corpus : Corpus
    patterns : PatternSet, optional
        Default: :func:`shipped_patterns`.
    model : mapping, optional
        Line-model weights (default: the shipped model).
    probabilities : ndarray, optional
        Use these model probabilities instead (e.g. out-of-fold predictions in validation).

    Returns
    -------
    LineTable

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> table = line_table(segment(["Officials declined to comment.\\nLeave a Reply"]))
    >>> table.flagged.tolist(), [LABELS[i] for i in table.label if i >= 0]
    ([False, True], ['comments'])
    """
    features, extra = line_features(corpus, patterns)
    if probabilities is None:
        probabilities = model_probabilities(features, model)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    pattern = extra["pattern"]
    exempt = extra["attribution"] | extra["end_quote"] | extra["embedded_post"] | extra["time_subhead"] | (extra["no_words"] & ~extra["empty_item"])
    model_exempt = extra["headline"] | extra["prose"] | extra["list_marker"] | extra["subhead"] | extra["table_row"] | extra["code_like"]
    model_exempt |= extra["foreign_script"] | extra["dateline"] | extra["continued"]
    by_pattern = pattern >= 0
    by_model = (probabilities >= MODEL_THRESHOLD) & ~model_exempt
    in_comments = extra["comments_region"] & ~extra["no_words"]
    flagged = (by_pattern | by_model | extra["empty_item"] | in_comments) & ~exempt
    metadata = CATEGORIES.index("metadata")
    label = np.where(extra["has_date"], metadata, LABELS.index(OTHER))
    label = np.where(by_pattern, pattern, np.where(in_comments, CATEGORIES.index("comments"), label))
    label = np.where(flagged, label, -1)
    lines = corpus.lines
    return LineTable(lines.doc, lines.start, lines.end, features, pattern, probabilities, exempt, model_exempt, flagged, label)


# --------------------------------------------------------------------------------------------
# The family's entry points
# --------------------------------------------------------------------------------------------
def _check(compat: str | None) -> None:
    if compat not in COMPAT_MODES:
        raise ValueError(f"compat must be one of {COMPAT_MODES}, got {compat!r}")


def compute(corpus: Corpus, *, compat: str | None = None, patterns: PatternSet | None = None) -> dict[str, np.ndarray]:
    """Boilerplate columns for every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        A segmented batch (:func:`framing.core.segment.segment`).
    compat : {None, "textstat"}
        Accepted for the common interface; boilerplate is the same in both modes.
    patterns : PatternSet, optional
        Furniture patterns (default: :func:`shipped_patterns`).

    Returns
    -------
    dict of str to ndarray
        One float array of length ``corpus.n_docs`` per name in :data:`COLUMNS`.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> text = "Officials said the bridge will reopen in May after repairs to its deck.\\nShare this article"
    >>> {k: round(float(v[0]), 3) for k, v in compute(segment([text])).items() if v[0]}
    {'boilerplate.line_share': 0.5, 'boilerplate.char_share': 0.202, 'boilerplate.lines': 1.0, 'boilerplate.call_to_action': 1.0}
    """
    _check(compat)
    table = line_table(corpus, patterns=patterns)
    n_docs = corpus.n_docs
    doc = table.doc
    lengths = (table.end - table.start).astype(np.float64)
    lines = np.bincount(doc, minlength=n_docs).astype(np.float64)
    chars = np.bincount(doc, weights=lengths, minlength=n_docs)
    flagged_lines = np.bincount(doc[table.flagged], minlength=n_docs).astype(np.float64)
    flagged_chars = np.bincount(doc[table.flagged], weights=lengths[table.flagged], minlength=n_docs)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = {
            "boilerplate.line_share": np.where(lines > 0, flagged_lines / lines, np.nan),
            "boilerplate.char_share": np.where(chars > 0, flagged_chars / chars, np.nan),
            "boilerplate.lines": flagged_lines,
        }
    for i, label in enumerate(LABELS):
        result[f"boilerplate.{label}"] = np.bincount(doc[table.label == i], minlength=n_docs).astype(np.float64)
    return result


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, patterns: PatternSet | None = None) -> list[Evidence]:
    """The flagged lines of document ``doc``: one :class:`~framing.core.evidence.Evidence` per line.

    ``signal`` is the count column the line adds to (``boilerplate.<category>``), ``label`` the
    category, and ``text == corpus.texts[doc][start:end]``.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Source: Jane Roe/Unsplash\\nThe river rose two metres overnight, flooding the old town."])
    >>> evidence(corpus, 0)
    [Evidence(signal='boilerplate.media_credit', label='media_credit', start=0, end=25, text='Source: Jane Roe/Unsplash')]
    """
    _check(compat)
    table = line_table(corpus, patterns=patterns)
    text = corpus.texts[doc]
    found = []
    for i in np.flatnonzero((table.doc == doc) & table.flagged).tolist():
        label = LABELS[int(table.label[i])]
        start, end = int(table.start[i]), int(table.end[i])
        found.append(Evidence(f"boilerplate.{label}", label, start, end, text[start:end]))
    return found


class Boilerplate:
    """The boilerplate family behind the :class:`~framing.families.base.Family` interface."""

    name = NAME

    def columns(self, config) -> tuple[str, ...]:
        return tuple(COLUMNS)

    def compute(self, corpus: Corpus, config) -> dict[str, np.ndarray]:
        return compute(corpus, patterns=config.patterns)

    def evidence(self, corpus: Corpus, doc: int, config) -> list[Evidence]:
        return evidence(corpus, doc, patterns=config.patterns)


FAMILY = Boilerplate()

