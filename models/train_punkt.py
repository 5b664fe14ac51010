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
    python models/train_punkt.py --lang de   # also fr, es: framing/data/punkt_<lang>.json

The output is deterministic for a given corpus and NLTK version. See ``models/punkt_english.md``.

German, French and Spanish (``--lang``, issue 19) are learned from the *dev* split of the Universal
Dependencies GSD treebank of the language (``ud-gsd/``, CC BY-SA 4.0); its *test* split is held out
for ``benchmarks/segmentation_languages.py``. The dev sentences, in file order, are joined ten to a
pseudo-document by a space (the treebanks mark no documents), documents by a blank line, and
NLTK's ``PunktTrainer`` learns the four tables from that text. The treebank's gold boundaries then
add abbreviations: a token ending in a period that occurs inside gold sentences more often than it
ends one ("bzw.", "av.", "Sr.") is an abbreviation, and a learned abbreviation that ends gold
sentences more often than it occurs inside them, or a learned word of five or more letters never
seen inside one, is dropped. See ``models/punkt_languages.md``.
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


UD_NAMES = {"de": "German", "fr": "French", "es": "Spanish"}
SENTENCES_PER_DOC = 10


def ud_sentences(data: Path, lang: str, split: str) -> list[str]:
    path = data / "ud-gsd" / f"{lang}_gsd-ud-{split}.conllu"
    with path.open(encoding="utf-8") as handle:
        return [line[len("# text = ") :].rstrip("\n") for line in handle if line.startswith("# text = ")]


def gold_period_tokens(sentences: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Lower-cased tokens ending in a period (without it), counted where they end a gold
    sentence and where they occur inside one."""
    final: dict[str, int] = {}
    inside: dict[str, int] = {}
    for sentence in sentences:
        tokens = sentence.split()
        for k, token in enumerate(tokens):
            token = token.strip("\"'«»“”„()[]")
            if len(token) < 2 or not token.endswith(".") or token.endswith(".."):
                continue
            stem = token[:-1].lower()
            if not any(c.isalpha() for c in stem):
                continue
            table = final if k == len(tokens) - 1 else inside
            table[stem] = table.get(stem, 0) + 1
    return final, inside


def train_language(data: Path, lang: str, out: Path) -> None:
    sentences = ud_sentences(data, lang, "dev")
    documents = [" ".join(sentences[i : i + SENTENCES_PER_DOC]) for i in range(0, len(sentences), SENTENCES_PER_DOC)]
    trainer = PunktTrainer()
    trainer.train("\n\n".join(documents), finalize=True)
    params = trainer.get_params()
    final, inside = gold_period_tokens(sentences)
    # learned ones that end more gold sentences than they sit inside are not abbreviations; long
    # learned words never seen inside a sentence with their period ("pollution") are noise
    abbreviations = {
        a for a in params.abbrev_types
        if inside.get(a, 0) >= final.get(a, 0) and (inside.get(a, 0) > 0 or len(a) <= 4 or "." in a)
    }  # fmt: skip
    abbreviations |= {a for a, n in inside.items() if n > final.get(a, 0)}
    payload = {
        "format": "punkt-parameters/1",
        "description": f"Punkt parameters for {UD_NAMES[lang]}: learned by NLTK's PunktTrainer, abbreviations checked against gold boundaries.",
        "trained_on": f"UD {UD_NAMES[lang]}-GSD treebank, dev split ({len(sentences)} sentences), CC BY-SA 4.0; the test split is held out",
        "licence": "CC BY-SA 4.0 (derived from the Universal Dependencies GSD treebank; see models/punkt_languages.md)",
        "nltk_version": nltk.__version__,
        "abbrev_types": sorted(abbreviations),
        "collocations": sorted([list(pair) for pair in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(
        f"wrote {out}: {len(payload['abbrev_types'])} abbreviations, {len(payload['ortho_context'])} ortho types, "
        f"{len(payload['sent_starters'])} starters, {len(payload['collocations'])} collocations"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--lang", choices=["en", *UD_NAMES], default="en")
    args = parser.parse_args()
    if args.lang != "en":
        train_language(args.data, args.lang, args.out or ROOT / "framing" / "data" / f"punkt_{args.lang}.json")
        return
    args.out = args.out or ROOT / "framing" / "data" / "punkt_english.json"

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
