"""The HTML report in a real headless browser (Debian's chromium): it renders, its highlights sit
where the evidence says, only the findings are highlighted before any click, every other kind is
one click away, a finding in the list jumps to its place, the default view is readable (a
screenshot), and it fetches nothing."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import framing
from framing.faces.cli import main
from framing.faces.render import family_of, html_page, shown_by_default

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
    shown = shown_by_default(report)
    covered = [False] * len(text)  # by an item shown from the start
    for e, on in zip(report.evidence, shown):
        if on:
            covered[e.start : e.end] = [True] * (e.end - e.start)
    hidden_alone = 0
    for e, on, seen in zip(report.evidence, shown, result["items"]):
        assert (seen["start"], seen["text"]) == (e.start, e.text), e
        if on:
            assert seen["painted"], e
        elif not any(covered[e.start : e.end]):
            assert not seen["painted"], e  # evidence that is not a finding waits for a click
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
    first = out.splitlines()[0]
    assert first.startswith(("FLAGGED", "not flagged"))  # the verdict first
    assert "findings" in out and "boilerplate line" in out and "Leave a Reply" in out
    assert out.index("findings") < out.index("scores")
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "call_to_action" not in out  # the main scores only ...
    assert main(["report", str(source), "--scores"]) == 0
    assert "call_to_action" in capsys.readouterr().out  # ... every score with --scores
    page = tmp_path / "doc.html"
    assert main(["report", str(source), "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    written = page.read_text(encoding="utf-8")
    assert "&gt; &amp; \"plan\"" in written and "<budget" not in written
    assert written.index('id="verdict"') < written.index('id="text"') and 'id="legend"' in written
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    capsys.readouterr()
    assert main(["report", str(tmp_path / "bad.txt")]) == 3  # input unreadable (docs/corpus-command.md)
    assert "not UTF-8" in capsys.readouterr().err


def test_flagged_page_shows_the_reasons():
    page = "\n\n".join(["The council met on Monday.", "Read more", "Click here to subscribe", "Sign up for our newsletter"])
    report = framing.analyze(page)
    written = html_page(report)
    verdict = re.search(r'<div id="verdict" class="(\w+)">(.*?)</div>', written, re.S)
    assert verdict.group(1) == "flagged" and "boilerplate_prompts" in verdict.group(2)
    assert "percentile" in verdict.group(2)


# Runs after the page's own script: clicks the first finding of the list, then a kind of "more evidence".
CLICK = """<script>
(function(){
  var ev = JSON.parse(document.getElementById('evidence').textContent);
  var out = {};
  var button = document.querySelector('button.jump');
  var i = Number(button.dataset.target);
  button.click();
  out.flashed = Array.prototype.filter.call(document.querySelectorAll('#text span.flash'), function(s){
    return s.dataset.e.split(',').map(Number).indexOf(i) >= 0; }).length;
  out.target_start = ev[i].start;
  var box = document.querySelector('#more input[data-kind]');
  var kind = box.dataset.kind;
  var spans = Array.prototype.slice.call(document.querySelectorAll('#text span[data-e]'));
  var was = spans.map(function(s){ return s.style.background !== ''; });
  out.before = spans.filter(function(s, n){ return was[n] && s.dataset.e.split(',').map(Number).every(function(j){
    return ev[j].kind === kind; }); }).length;
  box.click();
  out.after = spans.filter(function(s, n){ return !was[n] && s.style.background !== '' &&
    s.dataset.e.split(',').map(Number).some(function(j){ return ev[j].kind === kind; }); }).length;
  out.kind = kind;
  var box2 = document.getElementById('text');
  var painted = 0;
  box2.querySelectorAll('span[data-e]').forEach(function(s){ if (s.style.background !== '') painted += s.textContent.length; });
  out.painted_share_after_click = painted / box2.textContent.length;
  var pre = document.createElement('pre'); pre.id = 'result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script></body>"""


@needs_chromium
def test_a_click_jumps_to_a_finding_and_shows_more_evidence(tmp_path, seed_texts):
    report = framing.analyze(next(iter(seed_texts.values())))
    page = tmp_path / "report.html"
    page.write_text(html_page(report, title="test").replace("</body>", CLICK), encoding="utf-8")
    dom, netlog = render_in_chromium(page, tmp_path)
    result = check_result(dom)
    assert result["flashed"] > 0  # the finding's place in the text is marked
    assert result["before"] == 0 and result["after"] > 0, result  # one click shows another kind
    assert page_requests(netlog) == set()


# Runs after the page's own script: how much of the text is highlighted in the default view.
SHARE = """<script>
(function(){
  var box = document.getElementById('text'), painted = 0;
  box.querySelectorAll('span[data-e]').forEach(function(s){ if (s.style.background !== '') painted += s.textContent.length; });
  var pre = document.createElement('pre'); pre.id = 'result';
  pre.textContent = JSON.stringify({share: painted / box.textContent.length,
    verdict_top: document.getElementById('verdict').getBoundingClientRect().top,
    text_top: document.getElementById('text').getBoundingClientRect().top});
  document.body.appendChild(pre);
})();
</script></body>"""


@needs_chromium
@pytest.mark.parametrize("which", ["constructed", "seed"])
def test_default_view_is_readable(tmp_path, which, seed_texts):
    from PIL import Image

    text = TEXT if which == "constructed" else next(iter(seed_texts.values()))
    page = tmp_path / "report.html"
    page.write_text(html_page(framing.analyze(text), title="test").replace("</body>", SHARE), encoding="utf-8")
    result = check_result(render_in_chromium(page, tmp_path)[0])
    assert result["verdict_top"] < result["text_top"]  # the verdict comes first
    # only the findings are highlighted: well under half of the text (the old page painted nearly all)
    assert 0 < result["share"] < (0.4 if which == "seed" else 0.7), result
    shot = tmp_path / "shot.png"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=1280,900",
        "--virtual-time-budget=5000", f"--screenshot={shot}", page.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 900)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # not blank: text, highlights, the verdict box
    white = sum(n for n, rgb in colours if min(rgb) >= 245) / (image.size[0] * image.size[1])
    assert 0.3 < white < 0.97, white  # mostly page, some ink
