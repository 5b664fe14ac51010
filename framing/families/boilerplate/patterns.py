"""Furniture patterns: the JSON format, its checks, and the compiler that joins a category's
patterns into one alternation (see the package docstring, part 1)."""

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

from framing.core.resources import data_text
from framing.families.boilerplate.settings import _LEAD, _TRAIL, CATEGORIES, KINDS, PATTERNS_FILE


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


def _merge(base: PatternSet | None, source: Mapping[str, Any], check: bool = True) -> PatternSet:
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
            if check:
                patterns = [_check_pattern(category, kind, p, all_definitions) for p in patterns]
            merged[category][kind].extend(patterns)
    frozen = {c: {k: tuple(dict.fromkeys(v)) for k, v in kinds.items()} for c, kinds in merged.items()}
    return PatternSet(frozen, all_definitions)


@lru_cache(maxsize=1)
def _shipped_patterns() -> PatternSet:
    # The shipped file is checked by tests/test_boilerplate.py, not at every start-up (compiling
    # its ~350 patterns one by one to check them slowed every process's start).
    return _merge(None, json.loads(data_text(PATTERNS_FILE)), check=False)


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
    >>> from framing.families.boilerplate import compute
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


