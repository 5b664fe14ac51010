"""The boilerplate family's names, categories and named thresholds (each with the reason for
its value), shared by its parts."""

from __future__ import annotations

import numpy as np

NAME = "boilerplate"

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
#: Captions (the alt text of a picture, kept by extractors) sit next to the picture's credit. A
#: caption has at most this many words: wire captions (who, "left", doing what, where, the full
#: date) run to 25-50 words; at 40 the longer body paragraphs next to a credit stay out.
CAPTION_MAX_WORDS = 40
#: ... and at least this many: a shorter line over a credit is a button or a label ("Share",
#: "Email me"), left to the other rules.
CAPTION_MIN_WORDS = 4
#: A line over a credit without an end mark and with more than this share of capitalised words is a
#: heading over a picture ("The Quiet Return of the Corner Shop": 5 of 7), not its caption
#: (captions without an end mark read as phrases: "A woman wearing a mask while riding a train").
CAPTION_HEADING_CAPITALS = 0.5
#: ... and the credit it sits next to is a bare credit of at most this many words ("Source: Public
#: Domain/Wikimedia Commons", "(AP Photo/Mark Jensen, File)"): a longer credit line carries its own
#: caption ("Image: The new mayor, left, greets shop owners on ..."), so the line next to it is not one.
CAPTION_CREDIT_MAX_WORDS = 7
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
    "caption",
)  # fmt: skip
