"""Check benchmarks/generated_pages/MANIFEST.json against the page files.

Checks: every listed file exists; its word count (whitespace split, headline
included) matches the manifest and lies in 250-600; the name is
<topic>_<tier>_<n>.txt; subtle pages have at most one stock phrase; every .txt
in the folder is listed; tiers are exactly furniture/plain/subtle; at least 8
topics and at least 80 pages. Prints counts per tier and per topic. Exit status 1 on any
failure.

    python benchmarks/generated_pages/check_manifest.py
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
TIERS = {"furniture", "plain", "subtle"}
KEYS = {"file", "topic", "tier", "traits", "stock_phrases", "words"}


def main():
    rows = json.loads((HERE / "MANIFEST.json").read_text(encoding="utf-8"))
    problems = []
    seen = set()
    for row in rows:
        name = row.get("file")
        if set(row) != KEYS:
            problems.append(f"{name}: keys {sorted(row)}")
        if name in seen:
            problems.append(f"{name}: listed twice")
        seen.add(name)
        path = HERE / name
        if not path.is_file():
            problems.append(f"{name}: missing")
            continue
        words = len(path.read_text(encoding="utf-8").split())
        if words != row["words"]:
            problems.append(f"{name}: {words} words, manifest says {row['words']}")
        if not 250 <= words <= 600:
            problems.append(f"{name}: {words} words, outside 250-600")
        if not re.fullmatch(rf"{re.escape(str(row['topic']))}_{re.escape(str(row['tier']))}_\d+\.txt", name):
            problems.append(f"{name}: name is not <topic>_<tier>_<n>.txt for topic {row['topic']!r}, tier {row['tier']!r}")
        if not (isinstance(row["traits"], list) and row["traits"]):
            problems.append(f"{name}: traits must be a non-empty list")
        if not isinstance(row["stock_phrases"], int) or row["stock_phrases"] < 0:
            problems.append(f"{name}: stock_phrases must be a non-negative integer")
        if row["tier"] not in TIERS:
            problems.append(f"{name}: unknown tier {row['tier']}")
        if row["tier"] == "subtle" and row["stock_phrases"] > 1:
            problems.append(f"{name}: subtle page with {row['stock_phrases']} stock phrases")
    for path in sorted(HERE.glob("*.txt")):
        if path.name not in seen:
            problems.append(f"{path.name}: not in manifest")
    tiers = collections.Counter(r["tier"] for r in rows)
    topics = collections.Counter(r["topic"] for r in rows)
    cells = collections.Counter((r["topic"], r["tier"]) for r in rows)
    if set(tiers) != TIERS:
        problems.append(f"tiers {sorted(tiers)}")
    if len(topics) < 8:
        problems.append(f"only {len(topics)} topics")
    if len(rows) < 80:
        problems.append(f"only {len(rows)} pages")
    words = [r["words"] for r in rows]
    print(f"{len(rows)} pages, {len(topics)} topics, words {min(words)}-{max(words)}, "
          f"mean {sum(words) / len(words):.0f}")
    print("per tier:", dict(sorted(tiers.items())))
    for topic in sorted(topics):
        per = {t: cells[(topic, t)] for t in sorted(TIERS)}
        print(f"  {topic:16s} {per}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
