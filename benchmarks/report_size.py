"""The one-document report, measured on the seeds: JSON size and how much of the text the page
highlights before any click.

For each article in ``seeds/``: its length; the bytes of ``json.dumps(report.to_dict(full=True))``
(every item with its text and label, the form before issue 18) and of the compact default
``json.dumps(report.to_dict())`` (text once, evidence as codes and spans); the bytes of the HTML page;
and the share of the text's characters highlighted in the page's default view, before (every item
of every family but ``text``, as the page did) and now (the findings only,
:func:`framing.faces.render.shown_by_default`). The browser test
``tests/test_report_html.py::test_default_view_is_readable`` checks the same share in Chromium.

Usage::

    python benchmarks/report_size.py      # writes benchmarks/results/report_size.json
"""

from __future__ import annotations

import json
from pathlib import Path

import framing
from framing.faces.render import family_of, html_page, reference_percentiles, shown_by_default

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "report_size.json"


def covered_share(text: str, items) -> float:
    covered = bytearray(len(text))
    for e in items:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    return sum(covered) / max(len(text), 1)


def main() -> int:
    rows = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        report = framing.analyze(text)
        full = len(json.dumps(report.to_dict(full=True), ensure_ascii=False).encode("utf-8"))
        compact = len(json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8"))
        page = len(html_page(report, title=path.stem, percentiles=reference_percentiles(report.scores)).encode("utf-8"))
        before = covered_share(text, [e for e in report.evidence if family_of(e.signal) != "text"])
        now = covered_share(text, [e for e, on in zip(report.evidence, shown_by_default(report)) if on])
        rows.append({
            "seed": path.stem, "text_bytes": len(text.encode("utf-8")), "evidence_items": len(report.evidence),
            "to_dict_full_bytes": full, "to_dict_compact_bytes": compact, "compact_over_full": round(compact / full, 3),
            "html_bytes": page, "highlighted_share_before": round(before, 3), "highlighted_share_now": round(now, 3),
        })  # fmt: skip
        print(json.dumps(rows[-1]))
    result = {
        "what": "framing.analyze(seed) reports: JSON sizes and the page's default highlighted share",
        "seeds": rows,
    }
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
