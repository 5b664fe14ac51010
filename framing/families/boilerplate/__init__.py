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
   **Captions** (``media_credit``, ``details["caption"]`` true in :func:`evidence`): the alt text of
   a picture that an extractor kept, next to the picture's credit. A *picture credit* is a
   ``media_credit`` pattern line of 2 to
   :data:`~framing.families.boilerplate.settings.CAPTION_CREDIT_MAX_WORDS` words that names a
   picture or a picture agency ("Source: Jane Roe/Unsplash", "(AP Photo/Mark Jensen)"), without
   digits (not a gallery counter), not the document's last line (a closing "Top image credit:
   Getty"), not a caption carrying its own credit ("The flooded square (Image: Getty)") and not
   followed by another credit line (BBC pages: "Image copyright X", then "Image caption ..."). The
   line just before a picture credit in the same document is its caption when it has
   :data:`~framing.families.boilerplate.settings.CAPTION_MIN_WORDS` to
   :data:`~framing.families.boilerplate.settings.CAPTION_MAX_WORDS` words, is a paragraph of its own
   (or shares its one paragraph with the credit, in text without blank lines; never the last line of
   a longer paragraph), does not open with a quotation mark and is not an attribution, a closing
   quote, the headline, a list item, a dateline, a table row, code, a line that goes on after a
   comma or colon, or a heading (no end mark, more than
   :data:`~framing.families.boilerplate.settings.CAPTION_HEADING_CAPITALS` of its words
   capitalised). The line just after a picture credit is a caption only when it also says it shows a
   picture (", left,", "(center)", "pictured", "in this photo", "file photo", "an artist's
   concept"): most lines after a credit are the article going on, or the headline under a lead
   picture; when it is one, the credit's caption is below it and the line above is the article. A
   slideshow's run of caption / credit pairs is found pair by pair, and a line with the same text as
   a caption of its document (a slideshow's repeated caption) is a caption too. Measured on the
   extractor benchmark, every caption flagged is gold boilerplate; the line after a credit without a
   picture cue would flag body prose and headlines.
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

import numpy as np

from framing.core.compat import check_compat
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.segment import Corpus
from framing.families.base import FunctionFamily
from framing.families.boilerplate.features import FEATURES, LineTable, line_features
from framing.families.boilerplate.model import model_probabilities, shipped_model
from framing.families.boilerplate.patterns import PatternSet, load_patterns, shipped_patterns
from framing.families.boilerplate.rules import line_table
from framing.families.boilerplate.settings import (
    _EMPTY_ITEM,
    CATEGORIES,
    COLUMNS,
    KINDS,
    LABELS,
    MODEL_FILE,
    MODEL_THRESHOLD,
    NAME,
    OTHER,
)

__all__ = [
    "CATEGORIES", "COLUMNS", "EVIDENCE_CODES", "FAMILY", "FEATURES", "KINDS", "LABELS", "MODEL_FILE", "MODEL_THRESHOLD", "NAME",
    "OTHER", "LineTable", "PatternSet",
    "compute", "evidence", "line_features", "line_table", "load_patterns", "model_probabilities", "shipped_model",
    "shipped_patterns",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# The family's entry points
# --------------------------------------------------------------------------------------------
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
    check_compat(compat)
    table = line_table(corpus, patterns=patterns, keep_features=False)  # bounded memory per line
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


#: What decided a flagged line (``details["source"]`` of its evidence), in order of precedence.
SOURCES = ("pattern", "comments_region", "caption", "empty_item", "model")

#: The evidence codes of :func:`evidence`.
EVIDENCE_CODES = (
    EvidenceCode(
        "furniture_line", "A line of page furniture (boilerplate), with its category.",
        ("boilerplate.<category>",),
        {"category": f"one of {', '.join(LABELS)} (the column it counts in)",
         "source": "what flagged it, the first that applies of: pattern (a category pattern), comments_region "
                   "(a line after a comments heading), caption (a picture's caption next to its credit), empty_item "
                   "(a bullet without an item), model (the line model)",
         "probability": "the line model's probability that the line is furniture, whatever flagged it",
         "caption": "true for a picture's caption next to its credit (category media_credit, source caption), else false"},
    ),
)  # fmt: skip


def evidence(corpus: Corpus, doc: int, *, compat: str | None = None, patterns: PatternSet | None = None) -> list[Evidence]:
    """The flagged lines of document ``doc``: one :class:`~framing.core.evidence.Evidence` per line.

    ``signal`` is the count column the line adds to (``boilerplate.<category>``), ``label`` the
    category, ``code`` is ``furniture_line`` and ``details`` hold ``category``, ``source`` (one of
    :data:`SOURCES`: what flagged the line), the line model's ``probability`` and ``caption`` (True
    for a picture's caption);
    ``text == corpus.texts[doc][start:end]``.

    Examples
    --------
    >>> from framing.core.segment import segment
    >>> corpus = segment(["Source: Jane Roe/Unsplash\\nThe river rose two metres overnight, flooding the old town."])
    >>> [(e.signal, e.label, e.start, e.end, e.text, e.code) for e in evidence(corpus, 0)]
    [('boilerplate.media_credit', 'media_credit', 0, 25, 'Source: Jane Roe/Unsplash', 'furniture_line')]
    >>> {k: v if k != "probability" else round(v, 2) for k, v in evidence(corpus, 0)[0].details.items()}
    {'category': 'media_credit', 'source': 'pattern', 'probability': 0.89, 'caption': False}
    """
    check_compat(compat)
    table = line_table(corpus, patterns=patterns)
    text = corpus.texts[doc]
    comments = LABELS.index("comments")
    found = []
    for i in np.flatnonzero((table.doc == doc) & table.flagged).tolist():
        label_index = int(table.label[i])
        label = LABELS[label_index]
        probability = float(table.probability[i])
        start, end = int(table.start[i]), int(table.end[i])
        # as in rules.line_table: a pattern sets the category, then the comments region; the rules
        # that need no model (an empty list item: one bullet alone on its line) before the model
        if table.pattern[i] >= 0:
            source = "pattern"
        elif label_index == comments:
            source = "comments_region"
        elif table.caption is not None and table.caption[i]:
            source = "caption"
        elif end - start == 1 and text[start] in _EMPTY_ITEM:
            source = "empty_item"
        else:
            source = "model"
        details = {"category": label, "source": source, "probability": probability, "caption": source == "caption"}
        found.append(Evidence(f"boilerplate.{label}", label, start, end, text[start:end], "furniture_line", details))
    return found


#: The family behind the :class:`~framing.families.base.Family` interface.
FAMILY = FunctionFamily(
    NAME,
    columns=lambda config: COLUMNS, compute=compute, evidence=evidence,
    options=lambda config: {"patterns": config.patterns},
    codes=EVIDENCE_CODES,
)
