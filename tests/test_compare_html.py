"""The comparison page in headless Chromium: it renders each document unchanged, its shared passages
and disagreeing figures sit where the tables say, clicking a passage marks its partner, and it
fetches nothing (skipped without chromium, like tests/test_report_html.py)."""

from __future__ import annotations

import html
import json
import re

from framing.compare import compare
from framing.faces.compare_page import compare_page
from tests.test_report_html import CHROMIUM, needs_chromium, page_requests, render_in_chromium

CHECK = """<script>
(function(){
  var passages = JSON.parse(document.getElementById('passages').textContent);
  var claims = JSON.parse(document.getElementById('claims').textContent);
  var docs = Array.prototype.map.call(document.querySelectorAll('.doc'), function(d){
    return d.querySelector('.body'); });
  function marked(attr, i, doc){
    var spans = Array.prototype.filter.call(docs[doc].querySelectorAll('span[data-' + attr + ']'), function(s){
      return s.dataset[attr].split(',').map(Number).indexOf(i) >= 0; });
    if (!spans.length) return {start: -1, text: '', painted: false};
    var r = document.createRange(); r.setStart(docs[doc], 0); r.setEndBefore(spans[0]);
    var painted = spans.every(function(s){ var c = getComputedStyle(s).backgroundColor;
      return c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent'; });
    return {start: r.toString().length, text: spans.map(function(s){ return s.textContent; }).join(''), painted: painted};
  }
  var out = {texts: docs.map(function(d){ return d.textContent; }), passages: [], claims: []};
  passages.forEach(function(p, i){ out.passages.push([marked('p', i, p.doc_a), marked('p', i, p.doc_b)]); });
  claims.forEach(function(c, i){ out.claims.push([marked('c', i, c.doc_a), marked('c', i, c.doc_b)]); });
  // click the first passage of document a: its partner in document b gets the focus outline
  if (passages.length) {
    var p = passages[0];
    var first = Array.prototype.filter.call(docs[p.doc_a].querySelectorAll('span[data-p]'), function(s){
      return s.dataset.p.split(',').map(Number).indexOf(0) >= 0; })[0];
    first.click();
    var focused = Array.prototype.map.call(docs[p.doc_b].querySelectorAll('span.focus'), function(s){ return s.textContent; });
    out.focused = focused.join('');
  }
  out.bars = document.querySelectorAll('#chart rect.bar').length;
  out.ready = document.body.dataset.ready;
  var pre = document.createElement('pre'); pre.id = 'result'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script></body>"""


def _result(dom: str) -> dict:
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[:500]
    return json.loads(html.unescape(found.group(1)))


@needs_chromium
def test_page_shows_passages_and_figures_where_the_tables_say(tmp_path, seed_texts):
    assert CHROMIUM
    ids = [k[:3] for k in seed_texts]
    texts = list(seed_texts.values())
    result = compare(texts, ids=ids)
    page = tmp_path / "compare.html"
    page.write_text(compare_page(result, ids).replace("</body>", CHECK), encoding="utf-8")
    dom, netlog = render_in_chromium(page, tmp_path)
    seen = _result(dom)
    assert seen["ready"] == "yes"
    assert seen["texts"] == texts  # every document shown unchanged
    assert len(seen["passages"]) == len(result.passages) > 0
    for row, (side_a, side_b) in zip(result.passages.itertuples(), seen["passages"]):
        a, b = texts[ids.index(row.id_a)], texts[ids.index(row.id_b)]
        assert (side_a["start"], side_a["text"]) == (row.start_a, a[row.start_a : row.end_a])
        assert (side_b["start"], side_b["text"]) == (row.start_b, b[row.start_b : row.end_b])
        assert side_a["painted"] and side_b["painted"]
    dis = result.disagreements
    assert len(seen["claims"]) == len(dis) > 0
    for row, (side_a, side_b) in zip(dis.itertuples(), seen["claims"]):
        assert side_a["text"] == row.text_a and side_b["text"] == row.text_b
        assert side_a["painted"] and side_b["painted"]
    first = result.passages.iloc[0]
    b = texts[ids.index(first.id_b)]
    assert b[first.start_b : first.end_b] in seen["focused"]
    assert seen["bars"] > 0
    assert page_requests(netlog) == set()
