"""The HTML report in a real headless browser (Debian's chromium): it renders, its highlights sit
where the evidence says, and it fetches nothing."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import framing
from framing.faces.cli import main
from framing.faces.render import HIDDEN_FAMILIES, family_of, html_page

CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian: apt-get install chromium)")

TEXT = """Council approves the new bridge <budget> & "plan"

Read more: Click here to subscribe to our newsletter.

The council voted on Tuesday to approve the bridge. "We need this crossing," the mayor said.
The council voted on Tuesday to approve the bridge.

Leave a Reply
Your email address will not be published. Required fields are marked *
"""

# Runs after the page's own script: where does each evidence item's highlight sit, is it painted?
CHECK = """<script>
(function(){
  var ev = JSON.parse(document.getElementById('evidence').textContent);
  var box = document.getElementById('text');
  var out = [];
  ev.forEach(function(e, i){
    var spans = Array.prototype.filter.call(box.querySelectorAll('span[data-e]'), function(s){
      return s.dataset.e.split(',').map(Number).indexOf(i) >= 0; });
    var text = spans.map(function(s){ return s.textContent; }).join('');
    var start = -1;
    if (spans.length) { var r = document.createRange(); r.setStart(box, 0); r.setEndBefore(spans[0]); start = r.toString().length; }
    var painted = spans.length > 0 && spans.every(function(s){
      var c = getComputedStyle(s).backgroundColor; return c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent'; });
    out.push({start: start, text: text, painted: painted});
  });
  var pre = document.createElement('pre'); pre.id = 'result';
  pre.textContent = JSON.stringify({painted: document.body.dataset.painted, items: out, text: box.textContent});
  document.body.appendChild(pre);
})();
</script></body>"""


def render_in_chromium(page: Path, tmp_path: Path) -> tuple[str, dict]:
    """The DOM after scripts ran, and Chromium's network log."""
    netlog = tmp_path / "netlog.json"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}", "--virtual-time-budget=5000",
        "--dump-dom", page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, json.loads(netlog.read_text(encoding="utf-8"))


def check_result(dom: str) -> dict:
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found, "the check script did not run: " + dom[:500]
    return json.loads(html.unescape(found.group(1)))


def page_requests(netlog: dict) -> set[str]:
    """URLs the page asked for; the browser's own background requests (no page origin) are left out."""
    start_job = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in netlog.get("events", []):
        params = event.get("params") or {}
        if event["type"] == start_job and "file://" in params.get("network_isolation_key", ""):
            urls.add(params["url"])
    return urls


@needs_chromium
def test_the_fetch_check_sees_a_page_fetch(tmp_path):
    # control: the check below would notice a page that fetches something
    page = tmp_path / "control.html"
    page.write_text('<html><body><img src="http://127.0.0.1:9/x.png"><p>control</p></body></html>', encoding="utf-8")
    dom, netlog = render_in_chromium(page, tmp_path)
    assert "control" in dom
    assert page_requests(netlog) == {"http://127.0.0.1:9/x.png"}


@needs_chromium
@pytest.mark.parametrize("which", ["constructed", "seed"])
def test_page_renders_with_highlights_where_the_evidence_is(tmp_path, which, seed_texts):
    text = TEXT if which == "constructed" else next(iter(seed_texts.values()))
    report = framing.analyze(text)
    assert {family_of(e.signal) for e in report.evidence} >= {"boilerplate", "repetition"}
    page = tmp_path / "report.html"
    page.write_text(html_page(report, title="test").replace("</body>", CHECK), encoding="utf-8")
    dom, netlog = render_in_chromium(page, tmp_path)
    result = check_result(dom)

    assert result["painted"] == "yes"
    assert result["text"] == text  # the page shows the document itself, escaped and unchanged
    covered = [False] * len(text)  # by an item shown from the start
    for e in report.evidence:
        if family_of(e.signal) not in HIDDEN_FAMILIES:
            covered[e.start : e.end] = [True] * (e.end - e.start)
    hidden_alone = 0
    for e, seen in zip(report.evidence, result["items"]):
        assert (seen["start"], seen["text"]) == (e.start, e.text), e
        if family_of(e.signal) not in HIDDEN_FAMILIES:
            assert seen["painted"], e
        elif not any(covered[e.start : e.end]):
            assert not seen["painted"], e  # hidden signals are not painted
            hidden_alone += 1
    assert hidden_alone > 0
    assert len(result["items"]) == len(report.evidence)
    assert page_requests(netlog) == set()


def test_page_has_no_external_references(tmp_path):
    page = html_page(framing.analyze(TEXT), title="t")
    assert not re.search(r"""(src|href)\s*=|url\(|@import|https?://""", page)
    assert "default-src 'none'" in page  # the browser itself refuses any fetch


def test_report_command_table_and_html(tmp_path, capsys):
    source = tmp_path / "doc.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert main(["report", str(source)]) == 0
    out = capsys.readouterr().out
    assert "boilerplate.call_to_action" in out and "evidence" in out and "Leave a Reply" in out
    page = tmp_path / "doc.html"
    assert main(["report", str(source), "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    written = page.read_text(encoding="utf-8")
    assert "&gt; &amp; \"plan\"" in written and "<budget" not in written
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    capsys.readouterr()
    assert main(["report", str(tmp_path / "bad.txt")]) == 3  # input unreadable (docs/corpus-command.md)
    assert "not UTF-8" in capsys.readouterr().err
