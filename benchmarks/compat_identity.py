"""Output identity of ``compat="textstat"`` readability between checkouts: a SHA-256 per column of
every input set, saved from one checkout and compared under another (to show that a speed-up of
the compat path changes no number).

Inputs: the speed batch (``benchmarks._batch.build_batch(2000)``) with the default batch size and
with batches of 7 documents, a few hand-made edge cases (empty, blank, contractions, Arabic with
alefs and tanween, line-break kinds, astral characters), the two mixed, and for every textstat
language (``en_US de es fr it nl pl ru hu``) all of ``benchmarks.textstat_data.texts_for`` (the
texts ``textstat_diff.py`` uses) plus the edge cases, with ``language=`` that language. Only the
hashes are stored: the texts are third-party.

    FRAMING_SHARED_DATA=../shared/data PYTHONPATH=<base> python benchmarks/compat_identity.py --save --output /tmp/base.json
    FRAMING_SHARED_DATA=../shared/data PYTHONPATH=. python benchmarks/compat_identity.py --output /tmp/base.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: the checkout measured provides framing

LANGUAGES = ("en_US", "de", "es", "fr", "it", "nl", "pl", "ru", "hu")
EDGE = [
    "", "   ", "\n\n", "Hello", "U.S. officials don't say 'hi'. ...", "l'administration d'État.",
    "Q: Who?? A: me!!! *** , , ,", "مرحبا بالعالم. هذا نص عربي ًٌٍّ إلى الأمام؟ نعم!",
    "İstanbul’s ﬁne café — naïve résumé 3.5 116,000 e-mail.", "'tis the 'season' ''' 've 'll 're 'd 's 't",
    "a\r\nb\rc\u2028d\u2029e", "x" * 300, " ".join(["word"] * 250) + ".", "Ünïcode ٣ 𝐀 text.",
]  # fmt: skip


def digests() -> dict[str, str]:
    """``input set|column -> SHA-256`` of the column's float64 bytes (NaN-safe)."""
    import framing
    from benchmarks._batch import build_batch
    from benchmarks.output_identity import column_digests
    from benchmarks.textstat_data import texts_for

    batch = build_batch(2000)
    runs: list[tuple[str, list, dict]] = []
    for name, texts in (("batch", batch), ("edge", EDGE), ("mixed", batch[:50] + EDGE + batch[50:80])):
        runs += [(f"{name}|{size}", texts, {"batch_size": size}) for size in (256, 7)]
    for lang in LANGUAGES:
        texts, _ = texts_for(lang.split("_")[0], None)
        runs.append((lang, texts + EDGE, {"language": lang}))
    out: dict[str, str] = {}
    for name, texts, options in runs:
        frame = framing.score(texts, signals="readability", compat="textstat", **options)
        found = column_digests({c: frame[c].to_numpy(dtype=np.float64) for c in frame.columns if c != "error"})
        out.update({f"{name}|{column}": digest for column, digest in found.items()})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="write the hashes instead of comparing")
    parser.add_argument("--output", type=Path, required=True, help="the saved hashes (JSON)")
    parser.add_argument("--report", type=Path, help="with a comparison: write its result here (JSON)")
    args = parser.parse_args(argv)
    import framing

    found = digests()
    if args.save:
        args.output.write_text(json.dumps({"framing": framing.__file__, "digests": found}, indent=0) + "\n")
        print(f"saved {len(found)} column digests to {args.output}")
        return 0
    saved = json.loads(args.output.read_text())
    differ = sorted(k for k in set(saved["digests"]) | set(found) if saved["digests"].get(k) != found.get(k))
    result = {"script": "benchmarks/compat_identity.py", "saved_from": saved["framing"], "compared": framing.__file__,
              "columns": len(found), "differ": differ, "identical": not differ}  # fmt: skip
    if args.report:
        args.report.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(found)} columns compared with {saved['framing']}: "
        + ("identical" if not differ else f"{len(differ)} differ, {differ[:10]}")
    )
    return 0 if not differ else 1


if __name__ == "__main__":
    raise SystemExit(main())
