"""Line features of a segmented batch: the layout, word and pattern features the line model and
the rules read (see the package docstring, part 2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from framing.core import chars as _chars
from framing.core.segment import Corpus
from framing.core.vocabulary import TypeColumn
from framing.cues.attribution import line_cues
from framing.families.boilerplate.patterns import PatternSet, _expand, shipped_patterns
from framing.families.boilerplate.settings import (
    _BULLETS,
    _CODE_CHARACTERS,
    _EMPTY_ITEM,
    _QUOTES_CLOSE,
    _RULE_INPUTS,
    _TERMINAL,
    CAPTION_CREDIT_MAX_WORDS,
    CAPTION_HEADING_CAPITALS,
    CAPTION_MAX_WORDS,
    CAPTION_MIN_WORDS,
    CATEGORIES,
    CODE_MIN_SHARE,
    COMMENTS_HEADING_WORDS,
    FOREIGN_SCRIPT_SHARE,
    HEADLINE_MIN_WORDS,
    KINDS,
    MAX_PATTERN_WORDS,
    MAX_START_PATTERN_WORDS,
    PROSE_DISTANCE_CAP,
    PROSE_MIN_WORDS,
    SEPARATOR_WINDOW,
    SHORT_LINE_WORDS,
    STAMP_LINE_WORDS,
    START_PATTERN_CHARS,
    START_PATTERN_EDGE_LINES,
    SUBHEAD_MAX_WORDS,
    TIME_SUBHEAD_MAX_CHARS,
)

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
#: What a picture's credit names: a picture word or a picture agency (a bare "Source: Wire services"
#: or "(Graphic: Rainfall by month - here)" credits no picture next to it, nor does a slash alone:
#: "How To Train Your Dog To Sit/Stay", "needs a phone / tablet").
_PICTURE_CREDIT = re.compile(
    r"\b(?:photo\w*|image\w*|picture\w*|getty|reuters|ap|afp|epa|shutterstock|unsplash|pexels|pixabay|wikimedia"
    r"|alamy|istock\w*|flickr|courtesy)\b",
    re.IGNORECASE,
)
#: What a caption says of its picture: where someone stands in it (", left,", "(center)"), "pictured",
#: "in this photo", "file photo", "an artist's concept".
_PICTURE_CUE = re.compile(
    r",[ \t]+(?:left|right|center|centre|top|bottom|above|below|foreground|background)[,)]|\((?:left|right|center|centre|top|bottom|pictured)\)"
    r"|\bpictured\b|\bin this (?:[\w.,]+ )*?(?:file )?(?:photo|image|picture|photograph)\b|\bfile (?:photo|image)\b"
    r"|\bartist[’']s (?:concept|illustration|impression|rendering)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|[ap]\.m\.)|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


IS_FUNCTION_WORD = TypeColumn("function word", _FUNCTION_WORDS.__contains__, bool)


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
            before = joined[i - 1] if i > 0 else " "  # (an empty slice is "in" every string)
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
    features : ndarray of shape (n_lines, len(FEATURES)), or None
        None when built by ``line_table(..., keep_features=False)`` (as :func:`compute` does).
    pattern : ndarray of int64
        Index into :data:`CATEGORIES` of the pattern the line matches, or -1.
    probability : ndarray of float64
        The line model's probability.
    exempt, model_exempt : ndarray of bool
        Never flagged / never flagged by the model alone (see the module docstring).
    flagged : ndarray of bool
    label : ndarray of int64
        Index into :data:`LABELS` of each flagged line's category, -1 if not flagged.
    caption : ndarray of bool, or None
        Flagged as a picture's caption (category ``media_credit``; see the package docstring).
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    features: np.ndarray | None
    pattern: np.ndarray
    probability: np.ndarray
    exempt: np.ndarray
    model_exempt: np.ndarray
    flagged: np.ndarray
    label: np.ndarray
    caption: np.ndarray | None = None


def line_features(corpus: Corpus, patterns: PatternSet | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The feature matrix of every line of ``corpus`` (columns :data:`FEATURES`) and rule inputs:
    :func:`line_columns`, stacked by :func:`stack_features`."""
    columns, extra = line_columns(corpus, patterns)
    return stack_features(columns, len(extra["pattern"])), extra


def stack_features(columns: dict[str, np.ndarray], n: int, lo: int = 0, hi: int | None = None) -> np.ndarray:
    """Rows ``lo:hi`` of the feature matrix (float64, columns :data:`FEATURES`) from the feature
    columns of :func:`line_columns`: the matrix of a block of lines, the same bits as those rows of
    the whole matrix."""
    hi = n if hi is None else min(hi, n)
    block = np.empty((max(hi - lo, 0), len(FEATURES)), dtype=np.float64)
    if len(block):
        for j, name in enumerate(FEATURES):
            block[:, j] = columns[name][lo:hi]
    return block


def line_columns(corpus: Corpus, patterns: PatternSet | None = None) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The feature columns (by name, one array per feature of :data:`FEATURES`) of every line of
    ``corpus`` and the rule inputs (see :func:`line_features` for the matrix).

    The feature matrix of every line of ``corpus`` (columns :data:`FEATURES`) and rule inputs.

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
        return {}, {k: np.zeros(0, dtype=bool if k != "pattern" else np.int64) for k in ("pattern",) + _RULE_INPUTS}
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
    function = np.bincount(word_line, weights=corpus.type_values(IS_FUNCTION_WORD)[types].astype(np.float64) if len(types) else None, minlength=n)
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

    caption = _captions(corpus, lines, pattern, words, digits, first_cp, last, paragraph, paragraph_lines, from_end, same_next, terminal, capitalised_share,
                        attribution | end_quote | headline | list_marker | dateline | table_row | code_like | end_colon | continued)

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
        "caption": caption,
    }
    return columns, extra


_OPENING_QUOTES = "“\"‘'«„"


def _captions(corpus: Corpus, lines: _Lines, pattern: np.ndarray, words: np.ndarray, digits: np.ndarray, first_cp: np.ndarray,
              last: np.ndarray, paragraph: np.ndarray, paragraph_lines: np.ndarray, from_end: np.ndarray, same_next: np.ndarray,
              terminal: np.ndarray, capitalised_share: np.ndarray, not_caption: np.ndarray) -> np.ndarray:
    """Captions: the line next to a picture's bare credit (see the package docstring, part 3).

    A *picture credit* is a ``media_credit`` pattern line of 2 to :data:`CAPTION_CREDIT_MAX_WORDS`
    words, without digits (not a gallery counter, "Image 1 of 5"), that names a picture or an
    agency or has a slash (:data:`_PICTURE_CREDIT`), is not the document's last line (a closing
    "Top image credit: Getty" follows the article's last paragraph), does not end in a bracket
    unless it opens with one (the caption with its credit inside, "The flooded square (Image: Getty)", is the
    caption itself), and is not followed by another ``media_credit`` line (BBC pages: "Image
    copyright Jane Roe", then "Image caption ..."). The line just before it in the same document is
    a caption when it is a paragraph of its own (or shares its paragraph with the credit, in text
    without blank lines) of 1 to :data:`CAPTION_MAX_WORDS` words that does
    not open with a quotation mark and is none of ``not_caption`` (an attribution, a closing
    quote, the headline, a list item, a dateline, a table row, code, or a line that goes on after
    a colon or comma), nor a heading (no end mark and more than :data:`CAPTION_HEADING_CAPITALS`
    of its words capitalised). The line just after a picture credit is a caption when it also has a
    picture cue (:data:`_PICTURE_CUE`: ", left,", "pictured", "in this photo"); the line before
    such a credit is then not taken. A line with the same text as a caption of its document (a
    slideshow's repeated caption) is a caption too.
    """
    credit = (pattern == CATEGORIES.index("media_credit")) & (words >= 2) & (words <= CAPTION_CREDIT_MAX_WORDS) & (digits == 0)
    credit &= from_end > 0
    credit &= (last != ord(")")) | (first_cp == ord("("))
    credit &= ~(same_next & np.r_[(pattern == CATEGORIES.index("media_credit"))[1:], False])
    index = np.flatnonzero(credit)
    credit[index] = [_PICTURE_CREDIT.search(t) is not None for t in _line_texts(corpus, lines, index)]
    # the line just after a picture credit is a caption only when it says it shows a picture (most
    # such lines are the article going on, or the headline under a lead picture's credit) ...
    after = np.r_[False, same_next[:-1]] & np.r_[False, credit[:-1]]
    index = np.flatnonzero(after & (words >= CAPTION_MIN_WORDS) & (words <= CAPTION_MAX_WORDS))
    after[:] = False
    after[index] = [_PICTURE_CUE.search(t) is not None for t in _line_texts(corpus, lines, index)]
    # ... and then the credit's caption is below it: the line above is the article
    credit &= ~(same_next & np.r_[after[1:], False])
    before = same_next & np.r_[credit[1:], False]  # the line just before a picture credit
    # a paragraph of its own, or one paragraph with its credit (text without blank lines between
    # paragraphs); never the last line of a paragraph of several lines above a blank line
    own = (paragraph_lines == 1) | (same_next & np.r_[paragraph[1:] == paragraph[:-1], False])
    caption = (before | after) & (words >= CAPTION_MIN_WORDS) & (words <= CAPTION_MAX_WORDS) & own & ~not_caption
    # a heading over a picture ("The Quiet Return of the Corner Shop"): no end mark, mostly capitals
    caption &= terminal | (capitalised_share <= CAPTION_HEADING_CAPITALS)
    caption &= ~np.isin(first_cp, [ord(c) for c in _OPENING_QUOTES])
    caption &= pattern < 0
    # a slideshow's lightbox repeats a caption elsewhere in its document: every copy is a caption
    index = np.flatnonzero(caption)
    if len(index):
        keys = set(zip(lines.doc[index].tolist(), _line_texts(corpus, lines, index)))
        docs = np.unique(lines.doc[index])
        lengths = np.unique(lines.end[index] - lines.start[index])
        same = np.flatnonzero(np.isin(lines.doc, docs) & np.isin(lines.end - lines.start, lengths) & ~caption & (pattern < 0) & ~not_caption)
        texts = _line_texts(corpus, lines, same)
        caption[same] = [key in keys for key in zip(lines.doc[same].tolist(), texts)]
    return caption


