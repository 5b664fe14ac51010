"""Build the Punkt sentence-splitter parameters shipped in ``framing/data/punkt_english.json``.

Punkt (Kiss & Strunk 2006) needs four tables: abbreviation types, orthographic context of word
types, frequent sentence starters and collocations. We take the abbreviations from the curated
list ``framing/data/abbreviations.txt`` (Punkt's unsupervised abbreviation detection learns noise
such as ``bowl`` and ``weird`` on small news corpora) and learn the orthographic context and the
sentence starters with NLTK's ``PunktTrainer`` on the OneStopEnglish corpus (CC BY-SA 4.0).
Learned starters that were never seen in lower case mid-sentence are names ("Sullivan"), which
would split "Mr. Sullivan"; they are dropped.

Usage::

    python models/train_punkt.py [--data ../shared/data] [--out framing/data/punkt_english.json]

The output is deterministic for a given corpus and NLTK version. See ``models/punkt_english.md``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import nltk
from nltk.tokenize.punkt import PunktTrainer

ROOT = Path(__file__).resolve().parents[1]
# Punkt's flag for "seen in lower case in the middle of a sentence" (nltk.tokenize.punkt._ORTHO_MID_LC).
ORTHO_MID_LC = 1 << 5


def read_abbreviations(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "framing" / "data" / "punkt_english.json")
    args = parser.parse_args()

    corpus = args.data / "onestopenglish" / "onestopenglish.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    trainer = PunktTrainer()
    # Lines are hard boundaries in framing's segmenter, so train on the same units.
    trainer.train("\n\n".join(texts), finalize=True)
    params = trainer.get_params()

    payload = {
        "format": "punkt-parameters/1",
        "description": "Punkt parameters for English news; abbreviations curated, the rest learned.",
        "trained_on": "OneStopEnglish corpus (Vajjala & Lucic 2018), 567 texts, CC BY-SA 4.0",
        "nltk_version": nltk.__version__,
        "abbrev_types": read_abbreviations(ROOT / "framing" / "data" / "abbreviations.txt"),
        # Learned collocations on this corpus are "<number>. <Name>" pairs, which would suppress
        # real boundaries such as "in 2015. Tom said"; none are kept.
        "collocations": [],
        "sent_starters": sorted(
            starter
            for starter in params.sent_starters
            if starter == "i" or params.ortho_context.get(starter, 0) & ORTHO_MID_LC
        ),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out}: {len(payload['abbrev_types'])} abbreviations, "
        f"{len(payload['ortho_context'])} ortho types, {len(payload['sent_starters'])} starters, "
        f"{len(payload['collocations'])} collocations"
    )


if __name__ == "__main__":
    main()
