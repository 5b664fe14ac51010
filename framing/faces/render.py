"""One document's :class:`~framing.core.evidence.Report` for people: a terminal table or a standalone HTML page.

The HTML page shows the text with its evidence highlighted and the scores beside it. It is one
file with inline CSS and JavaScript and fetches nothing. Highlighting is generic: every evidence
item is coloured by its signal's family (the part of ``signal`` before the dot), so a new family's
evidence is highlighted without changes here; each signal with evidence has a check box that shows
or hides its highlights. Signals of the ``text`` family (every sentence, every long word) start
hidden, the others shown. Where spans overlap, the longest shown span sets the background and the
shortest, if it is another item, the underline; hovering a span lists everything that covers it.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter
from typing import Any

import pandas as pd

from framing.judges.norms import reference_norms
from framing.core.evidence import Report

#: Colours of the known families; others get one from :data:`SPARE_COLOURS` by a stable hash.
FAMILY_COLOURS = {
    "boilerplate": "#f4a261",
    "repetition": "#b392f0",
    "sourcing": "#6cc38a",
    "framing": "#5fa8e8",
    "quality": "#ef6f6c",
    "readability": "#c9c9c9",
    "text": "#d8d8d8",
}
SPARE_COLOURS = ("#e9c46a", "#2ec4b6", "#ff9f1c", "#a3b18a", "#f28482", "#84a59d", "#cdb4db", "#90be6d")
HIDDEN_FAMILIES = frozenset({"text"})  # per-word/per-sentence counts: too many highlights to read


def family_of(signal: str) -> str:
    """The family of a column or evidence signal: ``"boilerplate.metadata"`` → ``"boilerplate"``."""
    return signal.split(".", 1)[0]


def family_colour(family: str) -> str:
    """A colour for ``family``: fixed for the known ones, stable for any other name.

    Examples
    --------
    >>> family_colour("boilerplate"), family_colour("newfamily") == family_colour("newfamily")
    ('#f4a261', True)
    """
    if family in FAMILY_COLOURS:
        return FAMILY_COLOURS[family]
    return SPARE_COLOURS[sum(family.encode("utf-8")) % len(SPARE_COLOURS)]


def reference_percentiles(scores: dict[str, Any]) -> dict[str, float]:
    """Each score's percentile (0–100) among the shipped reference norms (:mod:`framing.judges.norms`).

    The one place the reports get percentiles from.
    """
    numeric = {k: v for k, v in scores.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    found = reference_norms().percentiles(pd.DataFrame([numeric]))
    return {k: float(v) for k, v in found.iloc[0].items() if not pd.isna(v)}


def _number(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3f}"
    return str(value)


def text_table(report: Report, percentiles: dict[str, float] | None = None, examples: int = 2) -> str:
    """The scores as an aligned table, grouped by family, then the evidence counted by signal.

    Examples
    --------
    >>> from framing import analyze
    >>> print(text_table(analyze("Read more: click here. The cat sat on the mat."), examples=1))  # doctest: +ELLIPSIS
    signal ...
    text ...
    """
    percentiles = percentiles or {}
    counts = Counter(e.signal for e in report.evidence)
    rows = []
    for name, value in report.scores.items():
        if name == "error":
            continue
        pct = percentiles.get(name)
        rows.append((name, _number(value), "" if pct is None else f"{pct:.0f}", str(counts.get(name, "")) or ""))
    head = ("signal", "value", "percentile", "evidence")
    keep = [0, 1, 2, 3] if percentiles else [0, 1, 3]
    head, rows = tuple(head[i] for i in keep), [tuple(r[i] for i in keep) for r in rows]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    widths[0] += 2  # rows are indented under their family
    lines, family = [], None
    lines.append("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))).rstrip())
    for row in rows:
        if family_of(row[0]) != family:
            family = family_of(row[0])
            lines.append(family)
        cells = [("  " + row[0]).ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    if report.scores.get("error"):
        lines.append(f"error: {report.scores['error']}")
    shown = [s for s in counts if family_of(s) not in HIDDEN_FAMILIES]
    if shown:
        lines.append("")
        lines.append("evidence (character offsets)")
        for signal in shown:
            items = [e for e in report.evidence if e.signal == signal]
            lines.append(f"  {signal}: {len(items)}")
            for e in items[:examples]:
                snippet = " ".join(e.text.split())
                snippet = snippet if len(snippet) <= 70 else snippet[:67] + "..."
                lines.append(f"    {e.start}-{e.end} {e.label}: {snippet!r}")
    return "\n".join(lines)


def _segments(text: str, evidence: list) -> list[tuple[int, int, list[int]]]:
    """Cut ``text`` at every evidence boundary: (start, end, indices of the evidence covering it)."""
    cuts = sorted({0, len(text), *(e.start for e in evidence), *(e.end for e in evidence)})
    starts: dict[int, list[int]] = {}
    for i, e in enumerate(evidence):
        if e.end > e.start:
            starts.setdefault(e.start, []).append(i)
    open_items: set[int] = set()
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        open_items = {i for i in open_items if evidence[i].end > a} | set(starts.get(a, ()))
        segments.append((a, b, sorted(open_items)))
    return segments


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:18px;margin:0}
main{display:flex;gap:20px;padding:20px;align-items:flex-start}
#text{flex:3;white-space:pre-wrap;background:#fff;padding:16px 20px;border:1px solid #ddd;border-radius:6px;
  font-family:Georgia,serif;font-size:16px;line-height:1.6;overflow-wrap:anywhere}
aside{flex:2;position:sticky;top:10px;max-height:95vh;overflow:auto;background:#fff;border:1px solid #ddd;
  border-radius:6px;padding:8px 12px}
table{border-collapse:collapse;width:100%;font-size:13px}
td,th{padding:2px 6px;text-align:right;border-bottom:1px solid #eee;white-space:nowrap}
td:first-child,th:first-child{text-align:left}
tr.family td{font-weight:bold;background:#f3f3f3;text-align:left}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.pct{display:inline-block;width:60px;height:8px;background:#eee;position:relative;vertical-align:middle}
.pct i{position:absolute;left:0;top:0;bottom:0;background:#888}
.ev{border-radius:2px}
.error{color:#b00;font-weight:bold}
"""

_JS = """
(function(){
  var ev = JSON.parse(document.getElementById('evidence').textContent);
  var colours = JSON.parse(document.getElementById('colours').textContent);
  var boxes = document.querySelectorAll('input[data-signal]');
  var spans = document.querySelectorAll('#text span[data-e]');
  function shown(){
    var on = {};
    boxes.forEach(function(b){ on[b.dataset.signal] = b.checked; });
    return on;
  }
  function paint(){
    var on = shown();
    spans.forEach(function(s){
      var items = s.dataset.e.split(',').map(Number).filter(function(i){ return on[ev[i].signal]; });
      s.style.background = ''; s.style.borderBottom = ''; s.title = '';
      s.classList.toggle('ev', items.length > 0);
      if (!items.length) return;
      items.sort(function(a, b){ return (ev[b].end - ev[b].start) - (ev[a].end - ev[a].start) || a - b; });
      var outer = ev[items[0]], inner = ev[items[items.length - 1]];
      s.style.background = colours[outer.family] + '66';
      if (items.length > 1) s.style.borderBottom = '3px solid ' + colours[inner.family];
      s.title = items.map(function(i){ return ev[i].signal + ': ' + ev[i].label; }).join('\\n');
    });
  }
  boxes.forEach(function(b){ b.addEventListener('change', paint); });
  paint();
  document.body.dataset.painted = 'yes';
})();
"""


def _json_script(element_id: str, value: Any) -> str:
    payload = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def html_page(report: Report, title: str = "framing report", percentiles: dict[str, float] | None = None) -> str:
    """A standalone HTML page: the text with its evidence highlighted, the scores beside it.

    Each highlighted run of text is a ``<span data-e="i,j">`` listing the indices of the evidence
    items (in ``report.evidence`` order) that cover it, inside ``<div id="text">``, whose text
    content is the document itself. The items themselves are in ``<script id="evidence">`` as JSON:
    ``signal``, ``family``, ``code``, ``label``, ``start``, ``end`` and ``details`` (see
    ``docs/evidence.md``), so a script on the page, or a program reading it, can switch on
    ``code`` and read ``details`` instead of parsing labels.

    Examples
    --------
    >>> from framing import analyze
    >>> page = html_page(analyze("Read more: click here.\\n\\nThe cat sat."), title="demo")
    >>> page.startswith("<!DOCTYPE html>") and "http" not in page.replace("http-equiv", "")
    True
    """
    percentiles = percentiles or {}
    evidence = report.evidence
    families = sorted({family_of(e.signal) for e in evidence} | {family_of(k) for k in report.scores if k != "error"})
    colours = {f: family_colour(f) for f in families}
    text = report.text
    parts = []
    for start, end, items in _segments(text, evidence):
        chunk = html.escape(text[start:end], quote=False)
        parts.append(f'<span data-e="{",".join(map(str, items))}">{chunk}</span>' if items else chunk)
    counts = Counter(e.signal for e in evidence)

    rows, family = [], None
    for name, value in report.scores.items():
        if name == "error":
            continue
        if family_of(name) != family:
            family = family_of(name)
            swatch = f'<span class="swatch" style="background:{colours[family]}"></span>'
            rows.append(f'<tr class="family"><td colspan="4">{swatch}{html.escape(family)}</td></tr>')
        box = ""
        if counts.get(name):
            checked = "" if family in HIDDEN_FAMILIES else " checked"
            box = f'<label><input type="checkbox" data-signal="{html.escape(name)}"{checked}> {counts[name]}</label>'
        pct = percentiles.get(name)
        bar = "" if pct is None else f'<span class="pct" title="{pct:.0f}th percentile"><i style="width:{pct:.0f}%"></i></span> {pct:.0f}'
        rows.append(f"<tr><td>{html.escape(name.split('.', 1)[-1])}</td><td>{_number(value)}</td><td>{bar}</td><td>{box}</td></tr>")
    # signals that have evidence but no column of their own still get a check box
    for name in sorted(set(counts) - set(report.scores)):
        checked = "" if family_of(name) in HIDDEN_FAMILIES else " checked"
        rows.append(
            f'<tr><td>{html.escape(name)}</td><td></td><td></td><td><label><input type="checkbox" '
            f'data-signal="{html.escape(name)}"{checked}> {counts[name]}</label></td></tr>'
        )
    error = report.scores.get("error")
    error_html = f'<p class="error">error: {html.escape(str(error))}</p>' if error else ""
    head = "<tr><th>signal</th><th>value</th><th>" + ("percentile" if percentiles else "") + "</th><th>evidence</th></tr>"
    data = [
        {"signal": e.signal, "family": family_of(e.signal), "code": e.code, "label": e.label, "start": e.start, "end": e.end,
         "details": e.details.to_dict()}
        for e in evidence
    ]  # fmt: skip
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'unsafe-inline'\"><title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>{html.escape(title)}</h1>{error_html}</header>\n<main>"
        f'<div id="text">{"".join(parts)}</div>\n'
        f"<aside><table>{head}{''.join(rows)}</table></aside></main>\n"
        f"{_json_script('evidence', data)}{_json_script('colours', colours)}<script>{_JS}</script></body></html>\n"
    )
