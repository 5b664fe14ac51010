"""Figures a document states, and how two documents' figures align and disagree.

Extraction
----------
A **figure** is found on the segmenter's words (``framing.core.segment``), sentence by sentence:

========== =====================================================================================
kind       what
========== =====================================================================================
count      a number (digits such as ``116`` or ``37,000``, or spelled out: ``five``, ``a dozen``,
           ``twenty-one``), times a following ``thousand``/``million``/``billion``/``trillion``
percent    a number followed by ``percent``, ``per cent`` or ``%``
amount     a number after a currency sign (``$ £ €``) or before ``dollars``/``euros``/``pounds``
duration   a number followed by a unit of time (``years``, ``months``, ``weeks``, ``days``,
           ``hours``, ``decades``)
ratio      ``N times`` or ``N-fold``/``tenfold``
year       a four-digit number from 1900 to 2100 without a comma or decimal point, not followed
           by a unit
date       a month name with a day (``July 2``, ``Jul 04``); its value is ``MM-DD``
undisclosed ``not disclosed``, ``did not disclose``, ``undisclosed``, ``unknown``,
           ``unspecified``, ``did not specify``, ``not known``: a figure whose value is withheld
========== =====================================================================================

``one`` is not read as a figure (``one of the``, ``no one``), nor are words with letters and
digits (``COVID-19``, ``B2``). A **qualifier** before the number bounds it: ``over``, ``more
than``, ``at least``, ``exceeding`` (a lower bound), ``under``, ``fewer than``, ``less than``,
``up to`` (an upper bound), ``about``, ``nearly``, ``almost``, ``around``, ``roughly``, ``some``,
``approximately`` (within :data:`APPROX` of the value); ``100+`` is a lower bound too.

A figure's **unit** is what it counts: the first content word after the number and its
multiplier, up to the next stop word or punctuation, is the head (its Porter stem is compared);
the content words between are modifiers. For ``undisclosed`` it is the content word after
``number of``, else the sentence's. Its **context** is the set of content stems of its sentence.

Alignment
---------
Within a group, two figures of two documents are compared when they are of the same family of
kinds (``count``/``amount``; ``percent``; ``duration``; ``ratio``; ``year``; ``date``; and
``undisclosed`` with any count) and

* **passage**: they lie in a shared sentence pair (:mod:`framing.compare.passages`) and have the
  same kind and head, or are the k-th figures of that kind in their sentences; or
* **context**: outside shared sentences, they have the same head (years and dates: the context
  similarity alone), and the Jaccard similarity of their contexts is at least
  :data:`CONTEXT_THRESHOLD`; each figure is paired with its most similar partner in the other
  document, and only mutual best partners are kept.

Two aligned figures **agree** when they have the same qualifier and the same value, or different
qualifiers and value ranges that meet (``116`` and ``over 100`` agree; ``at least 42`` and ``at
least 63`` do not, nor do ``2021`` and ``2022``); dates agree when equal (month and day only when
one of them has no year); a known value against ``undisclosed`` is a disagreement. Figures whose
sentence has fewer than :data:`MIN_CONTEXT` content stems (datelines, captions) are aligned only
within shared sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.core.resources import stop_words
from framing.core.segment import Corpus
from framing.core.stemming import stem_words

#: Relative tolerance of an approximate figure ("about 100": 90 to 110).
APPROX = 0.1
#: Jaccard similarity of two figures' sentence contexts at or above which they are aligned.
CONTEXT_THRESHOLD = 0.25
#: Figures whose sentence has fewer content stems are never aligned by context (datelines, captions).
MIN_CONTEXT = 5

_SMALL = {"zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS.pop("may", None)  # "may" the verb: only the full name with a day (handled below)
_MONTH_FULL = {**_MONTHS, "may": 5}
_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "decade", "decades",
               "minute", "minutes"}
_CURRENCY_WORDS = {"dollars", "dollar", "euros", "euro", "pounds", "usd", "eur", "gbp"}
_LOWER = {"over", "exceeding", "above"}
_LOWER2 = {("more", "than"), ("at", "least"), ("upwards", "of")}
_UPPER = {"under", "below"}
_UPPER2 = {("fewer", "than"), ("less", "than"), ("up", "to"), ("at", "most")}
_APPROX = {"about", "nearly", "almost", "around", "roughly", "some", "approximately", "approx", "circa", "~"}
_UNDISCLOSED = (
    re.compile(r"\b(?:not|never)\s+(?:been\s+|be\s+)?(?:disclosed|specified|known|released|revealed|given)\b", re.IGNORECASE),
    re.compile(r"\bdid\s+not\s+(?:disclose|specify|say|give|reveal|release)\b", re.IGNORECASE),
    re.compile(r"\b(?:undisclosed|unknown|unspecified)\b", re.IGNORECASE),
)
_REFERENCE = {"section", "article", "chapter", "rule", "title", "no", "number", "paragraph", "clause", "resolution",
              "flight", "route", "highway", "page", "part", "item", "volume", "grade", "level", "phase", "covid"}
#: Head nouns that count people moved, held or carried (our own list, compared by Porter stem): a
#: count of any of them is of the class ``people``, so "116 migrants" and "the number of deportees"
#: of one story are compared. Subgroups (children, women, men, families) and other roles (victims,
#: workers, students, voters) are deliberately not in it: "116 migrants, including 30 children" is
#: two figures.
PEOPLE_NOUNS = ("people", "person", "persons", "individual", "migrant", "immigrant", "deportee", "passenger",
                "detainee", "returnee", "evacuee", "refugee", "national", "traveler", "traveller")
#: Figures aligned by role (:func:`_role_pair`) need a Jaccard similarity of their contexts of at
#: least this: none (0), since the role is the evidence and a withheld count or "the first in N
#: years" is usually stated in a sentence of its own whose words the context threshold would miss;
#: among candidates only mutual best partners by context are kept. Raise it to demand context.
ROLE_CONTEXT = 0.0
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
#: kind -> the family of kinds it is compared with
FAMILY_OF = {"count": "count", "amount": "count", "undisclosed": "count", "percent": "percent", "duration": "duration",
             "ratio": "ratio", "year": "year", "date": "date"}


_UNIT_CLASS: dict[str, str] = {}


def unit_class(unit: str) -> str:
    """The class of a head stem: ``"people"`` for :data:`PEOPLE_NOUNS`, else the stem itself.

    Examples
    --------
    >>> unit_class("migrant"), unit_class("deporte"), unit_class("dollar")
    ('people', 'people', 'dollar')
    """
    if not _UNIT_CLASS:
        _UNIT_CLASS.update({stem: "people" for stem in stem_words(list(PEOPLE_NOUNS))})
    return _UNIT_CLASS.get(unit, unit)


@dataclass
class Figure:
    """One figure of one document (offsets into its text)."""

    doc: int
    sentence: int  # global sentence index (SentenceFeatures order)
    kind: str
    value: float | str | None
    low: float
    high: float
    qualifier: str
    unit: str  # the head's stem
    unit_text: str
    start: int
    end: int
    text: str
    context: frozenset
    role: str = ""


def _spelled(words: list[str], i: int) -> tuple[float, int] | None:
    """A spelled-out number starting at word ``i``: (value, words used)."""
    w = words[i]
    parts = w.split("-")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL:
        return float(_TENS[parts[0]] + _SMALL[parts[1]]), 1
    if w in _SMALL:
        return float(_SMALL[w]), 1
    if w in _TENS:
        return float(_TENS[w]), 1
    return None


def _fold(word: str) -> float | None:
    if word.endswith("fold"):
        base = word[:-4].rstrip("-")
        if _NUMBER.match(base):
            return float(base.replace(",", ""))
        if base in _SMALL:
            return float(_SMALL[base])
        if base in _TENS:
            return float(_TENS[base])
    return None


def _qualifier(words: list[str], i: int, text: str, start: int) -> str:
    before = words[max(0, i - 2) : i]
    if before and before[-1] in _LOWER or tuple(before[-2:]) in _LOWER2:
        return "at_least"
    if before and before[-1] in _UPPER or tuple(before[-2:]) in _UPPER2:
        return "at_most"
    if before and before[-1] in _APPROX:
        return "about"
    return "exact"


def _range(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "at_least":
        return value, np.inf
    if qualifier == "at_most":
        return -np.inf, value
    if qualifier == "about":
        return value * (1 - APPROX), value * (1 + APPROX)
    return value, value


def extract(corpus: Corpus, doc: int, sentence_offset: int, stops: frozenset | None = None) -> list[Figure]:
    """The figures of document ``doc`` of a segmented batch; ``sentence_offset`` turns the batch's
    sentence indices into global ones."""
    stops = stop_words() if stops is None else stops
    text = corpus.texts[doc]
    base = int(corpus.offsets[doc])
    w_lo, w_hi = np.searchsorted(corpus.words.doc, [doc, doc + 1])
    s_lo = int(np.searchsorted(corpus.sentences.doc, doc))
    if w_hi <= w_lo:
        return []
    starts = (corpus._word_bounds[0][w_lo:w_hi] - base).tolist()
    ends = (corpus._word_bounds[1][w_lo:w_hi] - base).tolist()
    raw = [text[s:e] for s, e in zip(starts, ends)]
    words = [w.lower().replace("’", "'") for w in raw]
    sent = (corpus.word_sentence[w_lo:w_hi] - s_lo).tolist()
    content = [w not in stops or (len(r) >= 2 and r[:2].isupper()) for w, r in zip(words, raw)]
    stems = stem_words(words)
    n = len(words)
    # context: the content stems of each sentence
    contexts: dict[int, set] = {}
    for k in range(n):
        if content[k] and not _NUMBER.match(words[k]) and _spelled(words, k) is None:
            contexts.setdefault(sent[k], set()).add(stems[k])
    figures: list[Figure] = []
    used = [False] * n

    def head_after(j: int, s: int) -> tuple[str, str, int]:
        """The head after word ``j`` (exclusive) in sentence ``s``: stem, text, index of the last word."""
        last = -1
        k = j
        while k < n and sent[k] == s and k - j < 4:
            gap = text[ends[k - 1] : starts[k]] if k > 0 else " "
            if k > j and any(c in gap for c in ",;:()\u201c\u201d\"—–"):
                break
            if words[k] in stops and not raw[k][:2].isupper():
                break
            if _NUMBER.match(words[k]):
                break
            last = k
            k += 1
        if last < 0:
            return "", "", j - 1
        return stems[last], raw[last], last

    def add(kind: str, value, lo: float, hi: float, qual: str, k0: int, k1: int, s: int, unit: str, unit_text: str) -> None:
        for k in range(k0, k1 + 1):
            used[k] = True
        start, end = starts[k0], ends[k1]
        figures.append(Figure(doc, s + s_lo + sentence_offset, kind, value, lo, hi, qual, unit, unit_text, start, end,
                              text[start:end], frozenset(contexts.get(s, ()))))

    for i in range(n):
        if used[i]:
            continue
        w, s = words[i], sent[i]
        value: float | None = None
        width = 1
        if _NUMBER.match(w):
            prev = words[i - 1] if i > 0 and sent[i - 1] == s else ""
            glued = text[ends[i] : ends[i] + 1] in ("(", "/", ":") or text[max(0, starts[i] - 1) : starts[i]] in ("/", "#", ":") \
                or (len(w) > 1 and w[0] == "0" and "." not in w)
            if glued or prev in _REFERENCE or (i > 0 and len(raw[i - 1]) == 1 and raw[i - 1].isalpha() and prev not in ("a", "i")):
                continue  # a section number, a code ("B 1", "243(d)"), not a figure
            value = float(w.replace(",", ""))
        elif "-" in w and not _NUMBER.match(w) and (_NUMBER.match(w.split("-", 1)[0]) or w.split("-", 1)[0] in _SMALL
                                                       or w.split("-", 1)[0] in _TENS) and w.split("-", 1)[1].isalpha() \
                and not (w.split("-", 1)[0] in _TENS and w.split("-", 1)[1] in _SMALL):
            first, rest = w.split("-", 1)
            number = float(first.replace(",", "")) if _NUMBER.match(first) else float(_SMALL.get(first, _TENS.get(first, 0)))
            qual = _qualifier(words, i, text, starts[i])
            unit_word = rest.split("-")[0]
            if unit_word in _TIME_UNITS or unit_word + "s" in _TIME_UNITS:
                kind, unit = "duration", unit_word.rstrip("s")
            else:
                kind, unit = "count", stem_words([unit_word])[0]
            add(kind, number, *_range(number, qual), qual, i, i, s, unit, rest)  # "three-day", "six-year"
            continue
        elif (f := _fold(w)) is not None:
            lo_hi = _range(f, _qualifier(words, i, text, starts[i]))
            _, head_text, _ = head_after(i + 1, s)
            add("ratio", f, *lo_hi, _qualifier(words, i, text, starts[i]), i, i, s, "times", head_text)
            continue
        else:
            spelled = _spelled(words, i)
            if spelled is not None:
                value, width = spelled
                if w == "dozen" and i > 0 and words[i - 1] != "a":
                    value = None
            elif w in _MONTH_FULL and i + 1 < n and sent[i + 1] == s and _NUMBER.match(words[i + 1]) \
                    and "." not in words[i + 1] and "," not in words[i + 1] and 1 <= float(words[i + 1]) <= 31 \
                    and raw[i][0].isupper():
                day = int(float(words[i + 1]))
                k1 = i + 1
                year = ""
                if i + 2 < n and sent[i + 2] == s and re.fullmatch(r"(19|20)\d\d", words[i + 2]):
                    k1 = i + 2  # "Jul 04, 2024": the year belongs to the date
                    year = words[i + 2] + "-"
                month = _MONTH_FULL[w]
                add("date", f"{year}{month:02d}-{day:02d}", np.nan, np.nan, "exact", i, k1, s, "date", "")
                continue
        if value is None:
            continue
        k = i + width
        qual = _qualifier(words, i, text, starts[i])
        after = text[ends[i] : ends[i] + 1]
        if after == "+":
            qual = "at_least"
        before = text[max(0, starts[i] - 1) : starts[i]]
        multiplier = 1.0
        while k < n and sent[k] == s and words[k] in _SCALES:
            multiplier *= _SCALES[words[k]]
            k += 1
        value *= multiplier
        kind = "count"
        role = ""
        is_year = (_NUMBER.match(w) is not None and re.fullmatch(r"(19|20)\d\d", w) is not None and multiplier == 1.0)
        if k < n and sent[k] == s and (words[k] in ("percent", "pct") or (words[k] == "per" and k + 1 < n and words[k + 1] == "cent")):
            kind, unit, unit_text = "percent", "percent", raw[k]
            k_end = k + (1 if words[k] != "per" else 2) - 1
        elif text[ends[k - 1] : ends[k - 1] + 1] == "%":
            kind, unit, unit_text, k_end = "percent", "percent", "%", k - 1
        elif before in "$£€" and before:
            kind, k_end = "amount", k - 1
            unit, unit_text, _ = head_after(k, s)
            unit = unit or before
        elif k < n and sent[k] == s and words[k] in _CURRENCY_WORDS:
            kind, unit, unit_text, k_end = "amount", stems[k], raw[k], k
        elif k < n and sent[k] == s and words[k] in _TIME_UNITS:
            kind, unit, unit_text, k_end = "duration", stems[k].rstrip("s"), raw[k], k
            if i > 0 and words[i - 1] in ("in", "since") and sent[i - 1] == s and \
                    any(words[j] == "first" and sent[j] == s for j in range(max(0, i - 12), i - 1)):
                role = "since_last"  # "the first such flight in five years": the time since the last one
        elif k < n and sent[k] == s and words[k] == "times":
            kind, unit, unit_text, k_end = "ratio", "times", raw[k], k
        else:
            unit, unit_text, _last = head_after(k, s)
            k_end = k - 1
            if is_year and not unit:
                kind = "year"
            elif is_year and unit and words[i - 1 : i] and words[i - 1] in ("in", "since", "of", "by", "until", "from"):
                kind, unit, unit_text = "year", "", ""
        lo, hi = (value, value) if kind == "year" else _range(value, qual)
        add(kind, value, lo, hi, qual, i, k_end, s, unit, unit_text)
        figures[-1].role = role

    # withheld figures
    for pattern in _UNDISCLOSED:
        for m in pattern.finditer(text):
            k = int(np.searchsorted(np.asarray(starts), m.start(), side="right")) - 1
            if k < 0 or k >= n or used[k]:
                continue
            s = sent[k]
            # what is withheld: the content word after "number of" in the sentence, else the sentence's
            unit, unit_text = "", ""
            for j in range(n):
                if sent[j] == s and words[j] == "number" and j + 2 < n and words[j + 1] == "of" and sent[j + 2] == s:
                    h, ht, _ = head_after(j + 2, s)
                    unit, unit_text = h, ht
                    break
            if not unit:  # "passenger count", "death toll": the content word before count/toll/total
                for j in range(1, n):
                    if sent[j] == s and words[j] in ("count", "toll", "total") and sent[j - 1] == s and content[j - 1] \
                            and not _NUMBER.match(words[j - 1]):
                        unit, unit_text = stems[j - 1], raw[j - 1]
                        break
            k1 = int(np.searchsorted(np.asarray(ends), m.end(), side="left"))
            k1 = min(max(k1, k), n - 1)
            add("undisclosed", "undisclosed", np.nan, np.nan, "exact", k, k1, s, unit, unit_text)
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def figure_frame(figures: list[Figure]) -> pd.DataFrame:
    """One row per figure."""
    columns = ["doc", "sentence", "kind", "value", "low", "high", "qualifier", "unit", "unit_text", "start", "end", "text"]
    return pd.DataFrame([[getattr(f, c) for c in columns] for f in figures], columns=columns)


def agree(a: Figure, b: Figure) -> bool:
    """Whether two aligned figures' values agree: equal values with the same qualifier, or, with
    different qualifiers, value ranges that meet (``116`` and ``over 100``)."""
    if a.kind == "undisclosed" or b.kind == "undisclosed":
        return a.kind == b.kind
    if a.kind == "date" or b.kind == "date":
        va, vb = str(a.value), str(b.value)
        if len(va) != len(vb):  # one has a year, the other not: compare month and day
            return va[-5:] == vb[-5:]
        return va == vb
    if a.qualifier == b.qualifier:
        return bool(abs(float(a.value) - float(b.value)) <= 1e-9 * max(1.0, abs(float(a.value))))
    return bool(max(a.low, b.low) <= min(a.high, b.high) + 1e-9)


def _jaccard(x: frozenset, y: frozenset) -> float:
    if not x or not y:
        return 0.0
    return len(x & y) / len(x | y)


def _comparable(a: Figure, b: Figure) -> bool:
    fa, fb = FAMILY_OF[a.kind], FAMILY_OF[b.kind]
    if fa != fb:
        return False
    return not (a.kind == "undisclosed" and b.kind == "undisclosed")  # two withheld values say nothing


def _same_unit(a: Figure, b: Figure) -> bool:
    """Same head, or heads of one class (:func:`unit_class`)."""
    if FAMILY_OF[a.kind] in ("year", "date"):
        return True
    if a.kind == "undisclosed" or b.kind == "undisclosed":
        return not a.unit or not b.unit or unit_class(a.unit) == unit_class(b.unit)
    return bool(a.unit) and unit_class(a.unit) == unit_class(b.unit)


def _role_pair(a: Figure, b: Figure, figures_of_withheld: list[Figure]) -> bool:
    """Whether two figures align by role whatever their contexts: two durations "since the last one"
    (``the first ... in five years``) of one unit; or a withheld ``people`` count and a ``people``
    count, unless the withholding document itself states a count of that class with the other's
    value (then its withheld figure is about something else: a document does not contradict itself)."""
    if a.kind == "duration" and b.kind == "duration":
        return a.role == b.role == "since_last" and a.unit == b.unit
    withheld, known = (a, b) if a.kind == "undisclosed" else (b, a)
    if withheld.kind != "undisclosed" or known.kind != "count":
        return False
    if not withheld.unit or unit_class(withheld.unit) != "people" or unit_class(known.unit) != "people":
        return False
    if known.qualifier in ("at_least", "at_most"):
        return False  # a bound ("up to 14", "over 100") is consistent with an exact number withheld
    return not any(f.kind == "count" and unit_class(f.unit) == "people" and agree(f, known) for f in figures_of_withheld)


def align(figures_a: list[Figure], figures_b: list[Figure], sentence_pairs: set[tuple[int, int]],
          context_threshold: float = CONTEXT_THRESHOLD) -> list[tuple[Figure, Figure, str, float]]:
    """Aligned figure pairs of two documents: ``(a, b, how, score)`` with ``how`` ``passage`` or ``context``."""
    out: list[tuple[Figure, Figure, str, float]] = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    # 1. figures of shared sentence pairs
    by_sentence_b: dict[int, list[int]] = {}
    for j, fb in enumerate(figures_b):
        by_sentence_b.setdefault(fb.sentence, []).append(j)
    by_sentence_a: dict[int, list[int]] = {}
    for i, fa in enumerate(figures_a):
        by_sentence_a.setdefault(fa.sentence, []).append(i)
    shared_a = {sa for sa, _ in sentence_pairs}
    shared_b = {sb for _, sb in sentence_pairs}
    for sa, sb in sorted(sentence_pairs):
        ia = [i for i in by_sentence_a.get(sa, []) if i not in taken_a]
        jb = [j for j in by_sentence_b.get(sb, []) if j not in taken_b]
        for fam in sorted({FAMILY_OF[figures_a[i].kind] for i in ia}):
            xa = [i for i in ia if FAMILY_OF[figures_a[i].kind] == fam and i not in taken_a]
            xb = [j for j in jb if FAMILY_OF[figures_b[j].kind] == fam and j not in taken_b]
            # same head first, then by order
            for i in list(xa):
                for j in xb:
                    if j not in taken_b and _comparable(figures_a[i], figures_b[j]) and figures_a[i].unit \
                            and figures_a[i].unit == figures_b[j].unit:
                        out.append((figures_a[i], figures_b[j], "passage", 1.0))
                        taken_a.add(i)
                        taken_b.add(j)
                        break
            xa = [i for i in xa if i not in taken_a]
            xb = [j for j in xb if j not in taken_b]
            if len(xa) == len(xb):
                for i, j in zip(xa, xb):
                    if _comparable(figures_a[i], figures_b[j]):
                        out.append((figures_a[i], figures_b[j], "passage", 1.0))
                        taken_a.add(i)
                        taken_b.add(j)
    # 2. the rest, by unit and context, mutual best partners
    rest_a = [i for i, f in enumerate(figures_a) if i not in taken_a and f.sentence not in shared_a]
    rest_b = [j for j, f in enumerate(figures_b) if j not in taken_b and f.sentence not in shared_b]
    scores: dict[tuple[int, int], float] = {}
    for i in rest_a:
        fa = figures_a[i]
        for j in rest_b:
            fb = figures_b[j]
            if not _comparable(fa, fb) or not _same_unit(fa, fb) or min(len(fa.context), len(fb.context)) < MIN_CONTEXT:
                continue
            score = _jaccard(fa.context, fb.context)
            if score >= context_threshold - 1e-12:
                scores[(i, j)] = score
    for i, j, score in _mutual_best(scores):
        out.append((figures_a[i], figures_b[j], "context", score))
        taken_a.add(i)
        taken_b.add(j)
    # 3. by role (:func:`_role_pair`), mutual best partners by context, among every figure not aligned yet
    roles: dict[tuple[int, int], float] = {}
    for i, fa in enumerate(figures_a):
        if i in taken_a or not (fa.role or fa.kind in ("undisclosed", "count")):
            continue
        for j, fb in enumerate(figures_b):
            if j in taken_b or not _comparable(fa, fb):
                continue
            withheld_side = figures_a if fa.kind == "undisclosed" else figures_b
            if not _role_pair(fa, fb, withheld_side):
                continue
            score = _jaccard(fa.context, fb.context)
            if score >= ROLE_CONTEXT - 1e-12:
                roles[(i, j)] = score
    for i, j, score in _mutual_best(roles):
        out.append((figures_a[i], figures_b[j], "role", score))
    return out


def _mutual_best(scores: dict[tuple[int, int], float]) -> list[tuple[int, int, float]]:
    """The pairs ``(i, j, score)`` of ``scores`` that are each other's best partner (ties: lower index)."""
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if (score, -j) > best_a.get(i, (-1.0, 0)):
            best_a[i] = (score, -j)
        if (score, -i) > best_b.get(j, (-1.0, 0)):
            best_b[j] = (score, -i)
    return [(i, j, score) for (i, j), score in sorted(scores.items()) if best_a[i][1] == -j and best_b[j][1] == -i]
