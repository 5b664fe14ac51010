"""One document's :class:`~framing.core.evidence.Report` for people, findings first: a terminal
report or a standalone HTML page.

Both start with the **verdict** (flagged or not, and the reasons with their values and reference
percentiles, from :mod:`framing.judges.flags`), then the **findings** of each family
(:mod:`framing.faces.findings`: boilerplate lines, repeated lines and paragraphs, restated
sentences, orphan quotes, filler phrases, attributions with their source class, topical frame
cues), then the scores with their reference percentiles.

The HTML page shows the text with only the findings highlighted, one colour per kind of finding
(the legend); every other kind of evidence (sentences, long words, n-grams, names, figures, the
generic frames' cues, ...) is one click away under "More evidence". Clicking a finding in the list
scrolls to it in the text and marks it. It is one file with inline CSS and JavaScript and fetches
nothing. Where spans overlap, the longest shown span sets the background and the shortest, if it
is another item, the underline; hovering a span lists everything that covers it.
"""

from __future__ import annotations

import html
import json
import math
import textwrap
from collections import Counter
from typing import Any

import pandas as pd

from framing.core.evidence import Report
from framing.faces.findings import (
    FAMILY_ORDER,
    Verdict,
    findings,
    is_finding,
    kind_name,
    kind_of,
    snippet,
    topical_lexicons,
    verdict,
)
from framing.judges.norms import reference_norms

#: Colours of the known families; others get one from :data:`SPARE_COLOURS` by a stable hash.
FAMILY_COLOURS = {
    "boilerplate": "#f4a261",
    "repetition": "#b392f0",
    "sourcing": "#6cc38a",
    "framing": "#5fa8e8",
    "quality": "#ef6f6c",
    "readability": "#c9c9c9",
    "text": "#d8d8d8",
    "style": "#e9c46a",
}
#: Colours of the kinds of findings (the legend); other kinds take their family's colour.
KIND_COLOURS = {
    "furniture_line": "#f4a261",
    "duplicate_paragraph": "#b392f0",
    "duplicate_line": "#c9a7ff",
    "restated_sentence": "#d4b8ff",
    "orphan_quote": "#ef476f",
    "filler_phrase": "#ffe066",
    "unsourced_claim": "#ffadad",
    "relation_source:named_person": "#52b788",
    "relation_source:named_org": "#74c69d",
    "relation_source:described": "#95d5b2",
    "relation_source:vague": "#90e0ef",
    "relation_source:pronoun": "#cccccc",
    "frame_cue:immigration.security": "#e76f51",
    "frame_cue:immigration.humanitarian": "#6a9cf0",
}
SPARE_COLOURS = ("#e9c46a", "#2ec4b6", "#ff9f1c", "#a3b18a", "#f28482", "#84a59d", "#cdb4db", "#90be6d")
#: The main scores the terminal report prints without ``--scores`` (when present).
MAIN_SCORES = (
    "text.words",
    "readability.flesch_kincaid_grade",
    "repetition.duplicate_line_char_fraction",
    "repetition.paraphrase_share",
    "boilerplate.lines",
    "sourcing.attributions_per_100_words",
    "sourcing.orphan_quotes",
    "sourcing.vague_source_share",
    "style.filler_per_1000_words",
    "framing.immigration.topic",
    "framing.immigration.balance",
)


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


def kind_colour(kind: str, signal: str = "") -> str:
    """The colour of a kind of evidence: fixed for the findings, else stable per kind."""
    if kind in KIND_COLOURS:
        return KIND_COLOURS[kind]
    if kind.startswith("frame_cue:") or kind.startswith("relation_source:"):
        return SPARE_COLOURS[sum(kind.encode("utf-8")) % len(SPARE_COLOURS)]
    return family_colour(family_of(signal)) if signal else SPARE_COLOURS[sum(kind.encode("utf-8")) % len(SPARE_COLOURS)]


def reference_percentiles(scores: dict[str, Any]) -> dict[str, float]:
    """Each score's percentile (0–100) among the shipped reference norms (:mod:`framing.judges.norms`).

    The one place the reports get percentiles from.
    """
    numeric = {k: v for k, v in scores.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    found = reference_norms().percentiles(pd.DataFrame([numeric]))
    return {k: float(v) for k, v in found.iloc[0].items() if not pd.isna(v)}


def _number(value: Any) -> str:
    from framing.faces.terminal import format_value, value_kind

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return format_value(value, value_kind("", [value]))


def _reason_line(reason: dict[str, Any]) -> str:
    return reason["sentence"]


def verdict_lines(v: Verdict) -> list[str]:
    """The verdict as lines of text: the headline, then one line per reason."""
    if v.flagged is None:
        return ["no verdict: the document could not be scored"]
    quality = "" if v.quality is None else f" (quality score {v.quality:.2f}; 1 reads like professional news)"
    if not v.flagged:
        return [f"not flagged{quality}: no quality rule fired"]
    fired = [r for r in v.reasons if r["status"] == "fired"]
    head = f"FLAGGED{quality}: {len(fired)} rule{'s' if len(fired) != 1 else ''} fired"
    return [head] + [f"  {'•' if r['status'] == 'fired' else '◦'} {r['code']}: {_reason_line(r)}" for r in v.reasons]


def report_renderables(
    report: Report, percentiles: dict[str, float] | None = None, *, examples: int = 2, every_score: bool = False,
    kinds_per_family: int = 3,
) -> list[Any]:
    """The terminal report as ``rich`` renderables (see :func:`text_table`)."""
    from rich.text import Text

    from framing.faces.terminal import format_value, signal_table

    percentiles = percentiles or {}
    out: list[Any] = []
    lines = verdict_lines(verdict(report))
    head = Text(lines[0], style="bold red" if lines[0].startswith("FLAGGED") else "bold green")
    out += [head, *[Text(wrapped) for line in lines[1:] for wrapped in textwrap.wrap(line, 98, subsequent_indent="      ")], ""]
    found = findings(report)
    if report.scores.get("error"):
        out.append(f"error: {report.scores['error']}")
    elif found:
        out.append(Text("findings (character offsets)", style="bold"))
        for family, kinds in found.items():
            summary = ", ".join(f"{kind_name(kind)} ×{len(items)}" for kind, items in kinds)
            for k, line in enumerate(textwrap.wrap(f"{family}: {summary}", 96, subsequent_indent="    ")):
                out.append(Text("  " + line, style="bold" if k == 0 else ""))
            for kind, items in kinds[:kinds_per_family]:
                spans = list(dict.fromkeys((report.evidence[i].start, report.evidence[i].end) for i in items))
                for start, end in spans[:examples]:
                    prefix = f"    {start}–{end} {kind_name(kind)}: "
                    out.append(Text(prefix + repr(snippet(report.text[start:end], max(20, 96 - len(prefix))))))
    else:
        out.append("findings: none (no boilerplate, repetition, orphan quotes, filler or topical frame cues)")
    names = [k for k in report.scores if k != "error"]
    if not every_score:
        names = [k for k in MAIN_SCORES if k in report.scores]
    if names and not report.scores.get("error"):
        out += ["", Text("scores" + ("" if every_score else " (the main ones; --scores for all)"), style="bold")]
        if percentiles:
            rows = {n: [_number(report.scores[n]), format_value(percentiles.get(n), "percentile")] for n in names}
            out += signal_table(rows, ["value", "reference percentile"])
        else:
            out += signal_table({n: [_number(report.scores[n])] for n in names}, ["value"])
    return out


def text_table(report: Report, percentiles: dict[str, float] | None = None, examples: int = 2, *,
               every_score: bool = False) -> str:  # fmt: skip
    """The terminal report: the verdict, the findings of each family with examples, the main scores
    (every score with ``every_score``) with their reference percentiles; at most 100 columns wide.

    Examples
    --------
    >>> from framing import analyze
    >>> text = text_table(analyze("Read more: click here.\\n\\nThe cat sat on the mat.\\n\\nThe cat sat on the mat."))
    >>> print(text.splitlines()[0])  # doctest: +ELLIPSIS
    FLAGGED (quality score ...): 2 rules fired
    >>> "repeated line" in text and max(map(len, text.splitlines())) <= 100
    True
    """
    from framing.faces.terminal import to_text

    return to_text(report_renderables(report, percentiles, examples=examples, every_score=every_score)).rstrip("\n")


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
header h1{font-size:18px;margin:0 0 6px 0}
#verdict{border-radius:6px;padding:8px 12px;margin:0}
#verdict.flagged{background:#fdecea;border:1px solid #ef6f6c}
#verdict.clean{background:#eaf7ef;border:1px solid #6cc38a}
#verdict.none{background:#f3f3f3;border:1px solid #ccc}
#verdict strong{font-size:16px}
#verdict ul{margin:4px 0 0 0;padding-left:20px}
#legend{font-size:13px;margin:8px 0 0 0;color:#444}
#legend span.item{margin-right:12px;white-space:nowrap}
main{display:flex;gap:20px;padding:20px;align-items:flex-start}
#text{flex:3;white-space:pre-wrap;background:#fff;padding:16px 20px;border:1px solid #ddd;border-radius:6px;
  font-family:Georgia,serif;font-size:16px;line-height:1.6;overflow-wrap:anywhere;color:#333}
aside{flex:2;position:sticky;top:10px;max-height:95vh;overflow:auto;background:#fff;border:1px solid #ddd;
  border-radius:6px;padding:8px 12px;font-size:13px}
aside h2{font-size:15px;margin:6px 0}
aside h3{font-size:13px;margin:10px 0 2px 0;text-transform:capitalize}
.kind{margin:2px 0 4px 0}
.kind ol{margin:2px 0 4px 0;padding-left:26px}
button.jump{display:inline;border:0;background:none;padding:0;margin:0;font:inherit;color:#245;text-align:left;cursor:pointer}
button.jump:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:12px}
td,th{padding:2px 6px;text-align:right;border-bottom:1px solid #eee;white-space:nowrap}
td:first-child,th:first-child{text-align:left}
tr.family td{font-weight:bold;background:#f3f3f3;text-align:left}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:baseline}
.pct{display:inline-block;width:50px;height:8px;background:#eee;position:relative;vertical-align:middle}
.pct i{position:absolute;left:0;top:0;bottom:0;background:#888}
.ev{border-radius:2px}
.flash{outline:3px solid #222;outline-offset:1px}
.error{color:#b00;font-weight:bold}
details summary{cursor:pointer;font-weight:bold;margin:8px 0 4px 0}
"""

_JS = """
(function(){
  var ev = JSON.parse(document.getElementById('evidence').textContent);
  var colours = JSON.parse(document.getElementById('colours').textContent);
  var boxes = document.querySelectorAll('input[data-kind]');
  var spans = document.querySelectorAll('#text span[data-e]');
  function shown(){
    var on = {};
    boxes.forEach(function(b){ on[b.dataset.kind] = on[b.dataset.kind] || b.checked; });
    return on;
  }
  function paint(){
    var on = shown();
    spans.forEach(function(s){
      var items = s.dataset.e.split(',').map(Number).filter(function(i){ return on[ev[i].kind]; });
      s.style.background = ''; s.style.borderBottom = ''; s.title = '';
      s.classList.toggle('ev', items.length > 0);
      if (!items.length) return;
      items.sort(function(a, b){ return (ev[b].end - ev[b].start) - (ev[a].end - ev[a].start) || a - b; });
      var outer = ev[items[0]], inner = ev[items[items.length - 1]];
      s.style.background = colours[outer.kind] + '77';
      if (items.length > 1) s.style.borderBottom = '3px solid ' + colours[inner.kind];
      s.title = items.map(function(i){ return ev[i].name + ': ' + ev[i].label; }).join('\\n');
    });
    document.querySelectorAll('#legend span[data-kind]').forEach(function(l){
      l.style.display = on[l.dataset.kind] ? '' : 'none'; });
  }
  boxes.forEach(function(b){ b.addEventListener('change', function(){
    document.querySelectorAll('input[data-kind="' + b.dataset.kind + '"]').forEach(function(o){ o.checked = b.checked; });
    paint(); }); });
  document.querySelectorAll('button.jump').forEach(function(button){
    button.addEventListener('click', function(){
      var i = Number(button.dataset.target), kind = ev[i].kind;
      document.querySelectorAll('input[data-kind="' + kind + '"]').forEach(function(o){ o.checked = true; });
      paint();
      var target = document.getElementById('e' + i);
      if (!target) return;
      target.scrollIntoView({block: 'center'});
      document.querySelectorAll('.flash').forEach(function(f){ f.classList.remove('flash'); });
      var k = 0;
      spans.forEach(function(s){ if (s.dataset.e.split(',').map(Number).indexOf(i) >= 0) { s.classList.add('flash'); k++; } });
      setTimeout(function(){ document.querySelectorAll('.flash').forEach(function(f){ f.classList.remove('flash'); }); }, 2500);
    });
  });
  paint();
  document.body.dataset.painted = 'yes';
})();
"""


def _json_script(element_id: str, value: Any) -> str:
    payload = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def _swatch(colour: str) -> str:
    return f'<span class="swatch" style="background:{colour}"></span>'


def _verdict_html(v: Verdict, percentiles: dict[str, float]) -> str:
    lines = verdict_lines(v)
    css = "none" if v.flagged is None else ("flagged" if v.flagged else "clean")
    items = "".join(
        f"<li><b>{html.escape(r['code'])}</b>: {html.escape(r['sentence'])}</li>" for r in v.reasons
    )
    return (f'<div id="verdict" class="{css}"><strong>{html.escape(lines[0])}</strong>'
            f'{"<ul>" + items + "</ul>" if items else ""}</div>')  # fmt: skip


def shown_by_default(report: Report) -> list[bool]:
    """For each evidence item of ``report``: whether the page highlights it before any click (a finding)."""
    topical = topical_lexicons(report.scores)
    return [is_finding(kind_of(e), topical) for e in report.evidence]


def html_page(report: Report, title: str = "framing report", percentiles: dict[str, float] | None = None) -> str:
    """A standalone HTML page, findings first: the verdict, the findings list, the text with the
    findings highlighted, every other kind of evidence one click away, the scores.

    Each highlighted run of text is a ``<span data-e="i,j">`` listing the indices of the evidence
    items (in ``report.evidence`` order) that cover it, inside ``<div id="text">``, whose text
    content is the document itself; the first run of item *i* has ``id="e<i>"``. The items are in
    ``<script id="evidence">`` as JSON: ``signal``, ``family``, ``kind`` (:func:`~framing.faces.findings.kind_of`),
    ``name`` (the kind for readers), ``code``, ``label``, ``start``, ``end`` and ``details`` (see
    ``docs/evidence.md``), so a script on the page, or a program reading it, can switch on
    ``code`` and read ``details`` instead of parsing labels. One check box per kind
    (``input[data-kind]``) shows or hides its highlights; the findings' boxes start checked.

    Examples
    --------
    >>> from framing import analyze
    >>> page = html_page(analyze("Read more: click here.\\n\\nThe cat sat."), title="demo")
    >>> page.startswith("<!DOCTYPE html>") and "http" not in page.replace("http-equiv", "")
    True
    """
    percentiles = percentiles or {}
    evidence = report.evidence
    text = report.text
    kinds = [kind_of(e) for e in evidence]
    default = shown_by_default(report)
    colours: dict[str, str] = {}
    for e, kind in zip(evidence, kinds):
        colours.setdefault(kind, kind_colour(kind, e.signal))
    parts, anchored = [], set()
    for start, end, items in _segments(text, evidence):
        chunk = html.escape(text[start:end], quote=False)
        if not items:
            parts.append(chunk)
            continue
        new = [i for i in items if i not in anchored]
        anchor = ""
        if new:
            anchored.update(new)
            anchor = f' id="e{new[0]}"'
            for i in new[1:]:  # an item that starts here too gets an empty anchor of its own
                anchor_extra = f'<span id="e{i}"></span>'
                parts.append(anchor_extra)
        parts.append(f'<span{anchor} data-e="{",".join(map(str, items))}">{chunk}</span>')

    # findings, by family: a check box per kind (the legend's colours), the first items as jump buttons
    found = findings(report)
    finding_html = []
    for family, family_kinds in found.items():
        finding_html.append(f"<h3>{html.escape(family)}</h3>")
        for kind, items in family_kinds:
            name = kind_name(kind)
            first, spans = [], set()  # one button per span
            for i in items:
                if (evidence[i].start, evidence[i].end) not in spans:
                    spans.add((evidence[i].start, evidence[i].end))
                    first.append(i)
            jumps = "".join(
                f'<li><button class="jump" data-target="{i}">{html.escape(snippet(evidence[i].text, 80))}</button></li>'
                for i in first[:5]
            )
            more = f"<li>… {len(first) - 5} more</li>" if len(first) > 5 else ""
            finding_html.append(
                f'<div class="kind"><label><input type="checkbox" data-kind="{html.escape(kind)}" checked> '
                f"{_swatch(colours[kind])}{html.escape(name)} ({len(items)})</label><ol>{jumps}{more}</ol></div>"
            )
    if not found:
        finding_html.append("<p>No findings: no boilerplate, repetition, orphan quotes, filler or topical frame cues.</p>")
    counts = Counter(kinds)
    shown_kinds = {k for k, d in zip(kinds, default) if d}
    other = sorted(set(kinds) - shown_kinds, key=lambda k: (FAMILY_ORDER.index(family_of(evidence[kinds.index(k)].signal))
                                                             if family_of(evidence[kinds.index(k)].signal) in FAMILY_ORDER
                                                             else -1, k))  # fmt: skip
    more_html = "".join(
        f'<div class="kind"><label><input type="checkbox" data-kind="{html.escape(k)}"> {_swatch(colours[k])}'
        f"{html.escape(kind_name(k))} ({counts[k]})</label></div>"
        for k in other
    )
    legend = "".join(
        f'<span class="item" data-kind="{html.escape(k)}">{_swatch(colours[k])}{html.escape(kind_name(k))}</span>'
        for k in sorted(set(kinds), key=lambda k: (k not in shown_kinds, -counts[k]))
    )

    rows, family = [], None
    for name, value in report.scores.items():
        if name == "error":
            continue
        if family_of(name) != family:
            family = family_of(name)
            rows.append(f'<tr class="family"><td colspan="3">{_swatch(family_colour(family))}{html.escape(family)}</td></tr>')
        pct = percentiles.get(name)
        bar = "" if pct is None else f'<span class="pct" title="{pct:.0f}th percentile"><i style="width:{pct:.0f}%"></i></span> {pct:.0f}'
        rows.append(f"<tr><td>{html.escape(name.split('.', 1)[-1])}</td><td>{_number(value)}</td><td>{bar}</td></tr>")
    error = report.scores.get("error")
    error_html = f'<p class="error">error: {html.escape(str(error))}</p>' if error else ""
    head = "<tr><th>signal</th><th>value</th><th>" + ("reference percentile" if percentiles else "") + "</th></tr>"
    data = [
        {"signal": e.signal, "family": family_of(e.signal), "kind": k, "name": kind_name(k), "code": e.code,
         "label": e.label, "start": e.start, "end": e.end, "details": e.details.to_dict()}
        for e, k in zip(evidence, kinds)
    ]  # fmt: skip
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'unsafe-inline'\"><title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>{html.escape(title)}</h1>{error_html}{_verdict_html(verdict(report), percentiles)}"
        f'<div id="legend">highlighted: {legend}</div></header>\n<main>'
        f'<div id="text">{"".join(parts)}</div>\n'
        f'<aside><section id="findings"><h2>Findings</h2>{"".join(finding_html)}</section>'
        f'<details id="more"><summary>More evidence ({len(other)} kinds, not highlighted)</summary>{more_html}</details>'
        f'<details id="scores"><summary>All scores</summary><table>{head}{"".join(rows)}</table></details>'
        f"</aside></main>\n"
        f"{_json_script('evidence', data)}{_json_script('colours', colours)}<script>{_JS}</script></body></html>\n"
    )
