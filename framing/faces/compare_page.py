"""The comparison page: documents side by side, shared passages linked, disagreeing figures marked.

One self-contained HTML file (inline CSS, script and SVG; a Content-Security-Policy that forbids
every fetch). Each document is a column ``<div class="doc" data-doc="k">`` whose ``.body`` text
content is the document itself. A run of text is a ``<span data-p="i,j" data-c="m">`` listing the
rows of the passages table (``data-p``) and of the disagreeing claims (``data-c``) that cover it;
clicking a shared passage highlights its partner in the other column and scrolls to it. The tables
behind the marks are in ``<script type="application/json" id="passages">`` and ``id="claims"``
(rows with ``doc_a``, ``doc_b``, both spans), so a program can check the page. A small bar chart
(inline SVG) shows each document's framing and sourcing differences from its group.
"""

from __future__ import annotations

import html
import itertools
import json
import math
import os
from pathlib import Path
from typing import Any

from framing.faces.options import OutputError

#: The measures drawn in the chart (when present).
CHART_MEASURES = ("immigration.balance", "sourcing.attribution_density", "sourcing.named_person_share",
                  "sourcing.vague_share", "generic.conflict_score", "generic.human_interest_score")  # fmt: skip

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:10px 18px;background:#fff;border-bottom:1px solid #ddd}
header h1{font-size:17px;margin:0 0 4px}
.legend span{margin-right:14px}
#docs{display:flex;gap:12px;padding:12px;overflow-x:auto;align-items:flex-start}
.doc{flex:0 0 380px;background:#fff;border:1px solid #ddd;border-radius:6px;max-height:80vh;overflow:auto}
.doc h2{font-size:13px;margin:0;padding:6px 10px;background:#f3f3f3;border-bottom:1px solid #ddd;position:sticky;top:0}
.body{white-space:pre-wrap;padding:8px 12px;font-family:Georgia,serif;font-size:14px;overflow-wrap:anywhere}
span[data-p]{background:#cfe3ff;cursor:pointer}
span[data-c]{background:#ffb3b3;font-weight:bold}
span.focus{outline:2px solid #1a5fd0}
#chart{padding:0 12px 16px}
table{border-collapse:collapse;font-size:12px;margin:8px 12px}
td,th{padding:2px 6px;border-bottom:1px solid #eee;text-align:left}
"""

_JS = """
(function(){
  var passages = JSON.parse(document.getElementById('passages').textContent);
  function spansOf(doc, start, end){
    return Array.prototype.filter.call(document.querySelectorAll('.doc[data-doc="' + doc + '"] span[data-p]'),
      function(s){ var a = +s.dataset.start; return a >= start && a < end; });
  }
  document.querySelectorAll('span[data-p]').forEach(function(s){
    s.addEventListener('click', function(){
      document.querySelectorAll('span.focus').forEach(function(x){ x.classList.remove('focus'); });
      var doc = +s.closest('.doc').dataset.doc;
      s.dataset.p.split(',').map(Number).forEach(function(i){
        var p = passages[i];
        var other = p.doc_a === doc ? [p.doc_b, p.start_b, p.end_b] : [p.doc_a, p.start_a, p.end_a];
        spansOf(other[0], other[1], other[2]).forEach(function(x, k){
          x.classList.add('focus'); if (k === 0) x.scrollIntoView({block: 'center'}); });
      });
      s.classList.add('focus');
    });
  });
  document.body.dataset.ready = 'yes';
})();
"""


def _json_script(element_id: str, value: Any) -> str:
    payload = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def _segments(text: str, marks: list[tuple[int, int, str, int]]) -> str:
    """``text`` escaped, with a span over every run covered by marks ``(start, end, kind, row)``."""
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in itertools.pairwise(cuts):
        if b <= a:
            continue
        covering = [m for m in marks if m[0] <= a and m[1] >= b]
        chunk = html.escape(text[a:b], quote=False)
        if not covering:
            out.append(chunk)
            continue
        attrs = [f'data-start="{a}"']
        for kind in ("p", "c"):
            rows = sorted({m[3] for m in covering if m[2] == kind})
            if rows:
                attrs.append(f'data-{kind}="{",".join(map(str, rows))}"')
        out.append(f"<span {' '.join(attrs)}>{chunk}</span>")
    return "".join(out)


def _chart(result, ids: list[Any]) -> str:
    diffs = result.differences
    if not len(diffs):
        return "<p>No group of two or more documents: no differences to draw.</p>"
    measures = [m for m in CHART_MEASURES if m in set(diffs["measure"])]
    docs = [i for i in ids if i in set(diffs["id"])]
    width, bar, gap, label = 620, 9, 4, 200
    rows = []
    y = 14
    scale_of = {}
    for m in measures:
        values = diffs[diffs["measure"] == m]["difference"].abs().dropna()
        scale_of[m] = float(values.max()) if len(values) and values.max() > 0 else 1.0
    for m in measures:
        rows.append(f'<text x="0" y="{y + 8}" font-size="11" font-weight="bold">{html.escape(m)}</text>')
        y += 14
        sub = diffs[diffs["measure"] == m].set_index("id")
        for _k, doc in enumerate(docs):
            d = sub["difference"].get(doc)
            mid = label + (width - label) / 2
            if d is not None and not math.isnan(d):
                length = (width - label) / 2 * float(d) / scale_of[m]
                x = mid if length >= 0 else mid + length
                colour = "#2b7bba" if length >= 0 else "#d95f02"
                rows.append(f'<rect class="bar" data-id="{html.escape(str(doc))}" data-measure="{html.escape(m)}" '
                            f'x="{x:.1f}" y="{y}" width="{abs(length):.1f}" height="{bar}" fill="{colour}">'
                            f'<title>{html.escape(str(doc))}: {float(d):+.3f} vs group</title></rect>')
            rows.append(f'<text x="10" y="{y + 8}" font-size="10">{html.escape(str(doc))}</text>')
            rows.append(f'<line x1="{mid}" x2="{mid}" y1="{y - 1}" y2="{y + bar + 1}" stroke="#999"/>')
            y += bar + gap
        y += 6
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" role="img" '
            f'aria-label="framing and sourcing differences from the group">{"".join(rows)}</svg>')


def compare_page(result, ids: list[Any] | None = None, title: str = "framing compare") -> str:
    """The page for a :class:`~framing.compare.Comparison` (``ids``: the documents' ids in order).

    Examples
    --------
    >>> from framing.compare import compare
    >>> a = "Officials said 116 migrants were deported on Tuesday. The flight left from Texas."
    >>> b = "Officials said 160 migrants were deported on Tuesday. Critics called it cruel."
    >>> page = compare_page(compare([a, b], ids=["a", "b"], groups=["x", "x"], differences=False))
    >>> page.count('data-c="0"'), "http:" in page or "https:" in page
    (2, False)
    """
    ids = list(result.documents["id"]) if ids is None else list(ids)
    index = {str(i): k for k, i in enumerate(ids)}
    texts = result.texts
    marks: dict[int, list[tuple[int, int, str, int]]] = {k: [] for k in range(len(ids))}
    passages = []
    for row_number, row in enumerate(result.passages.itertuples()):
        da, db = index[str(row.id_a)], index[str(row.id_b)]
        passages.append({"doc_a": da, "doc_b": db, "start_a": int(row.start_a), "end_a": int(row.end_a),
                         "start_b": int(row.start_b), "end_b": int(row.end_b), "kind": row.kind,
                         "similarity": round(float(row.similarity), 3)})
        marks[da].append((int(row.start_a), int(row.end_a), "p", row_number))
        marks[db].append((int(row.start_b), int(row.end_b), "p", row_number))
    claims = []
    for row_number, row in enumerate(result.disagreements.itertuples()):
        da, db = index[str(row.id_a)], index[str(row.id_b)]
        claims.append({"doc_a": da, "doc_b": db, "start_a": int(row.start_a), "end_a": int(row.end_a),
                       "start_b": int(row.start_b), "end_b": int(row.end_b), "kind": row.kind,
                       "value_a": str(row.value_a), "value_b": str(row.value_b)})
        marks[da].append((int(row.start_a), int(row.end_a), "c", row_number))
        marks[db].append((int(row.start_b), int(row.end_b), "c", row_number))
    docs = result.documents
    columns = []
    for k, doc_id in enumerate(ids):
        info = docs.iloc[k]
        error = info["error"]
        share = info["independence"]
        head = f"{html.escape(str(doc_id))} · group {html.escape(str(info['group']))}"
        if error is None and not math.isnan(share):
            head += f" · independence {share:.2f}"
        if error is not None:
            head += f" · error: {html.escape(str(error))}"
        body = _segments(texts[k] if k < len(texts) else "", marks[k])
        columns.append(f'<div class="doc" data-doc="{k}"><h2>{head}</h2><div class="body">{body}</div></div>')
    dis = result.disagreements
    rows = "".join(
        f"<tr><td>{html.escape(str(r.id_a))}</td><td>{html.escape(str(r.id_b))}</td><td>{html.escape(r.kind)}</td>"
        f"<td>{html.escape(str(r.unit))}</td><td>{html.escape(r.text_a)}</td><td>{html.escape(r.text_b)}</td></tr>"
        for r in dis.itertuples()
    )
    table = (f"<table><tr><th>a</th><th>b</th><th>kind</th><th>unit</th><th>in a</th><th>in b</th></tr>{rows}</table>"
             if len(dis) else "<p>No disagreeing figures.</p>")
    legend = ('<div class="legend"><span style="background:#cfe3ff">shared passage (click: its partner)</span>'
              '<span style="background:#ffb3b3">figure that disagrees</span></div>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'unsafe-inline'\"><title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>{html.escape(title)}</h1>{legend}</header>\n"
        f'<div id="docs">{"".join(columns)}</div>\n'
        f"<h3 style=\"margin:4px 12px\">Figures that disagree</h3>{table}\n"
        f'<h3 style="margin:4px 12px">Framing and sourcing, own sentences, minus the group</h3><div id="chart">'
        f"{_chart(result, ids)}</div>\n"
        f"{_json_script('passages', passages)}{_json_script('claims', claims)}<script>{_JS}</script></body></html>\n"
    )


def write_page(result, path: Path, ids: list[Any] | None = None, title: str | None = None) -> None:
    """Write :func:`compare_page` to ``path`` atomically (a temporary name, then renamed)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(compare_page(result, ids, title or f"framing compare: {len(result.documents)} documents"),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from None
