"""German, French and Spanish attribution cues (``framing/data/attribution_cues_de_fr_es.json``)
against sentences labelled by reading.

**The draw** (:func:`draw`, fixed before any drawn sentence was read, seed :data:`SEED`): per
language, from the UD GSD treebanks' dev and test files (``../shared/data/ud-gsd``, CC BY-SA 4.0),
:data:`PER_STRATUM` sentences drawn at random from all sentences (stratum ``random``) and
:data:`PER_STRATUM` more drawn at random from the sentences that hold a token whose UD *lemma* is
on :data:`SAYING_LEMMAS` (stratum ``saying``), a list of verbs of saying and attribution
prepositions written for the draw, broader than the cue file (it has *antworten*, *raconter*,
*comentar* …, which the cues lack, and lemmas, not the inflected forms the cues list). Random
sentences hold few attributions; the second stratum gives recall something to measure. The
draw is stored as sentence ids and hashes only (``benchmarks/labels/attribution_languages.json``).

**The labels** (same file): each drawn sentence read and labelled ``1`` when it carries an
attribution cue, a word or phrase that attributes what is said, written, reported or held to a
source (a verb of saying or writing with its speaker, *laut*/*selon*/*según*, *so der*, *d'après*,
*de acuerdo con*, *heißt es*), else ``0`` (a verb of saying used otherwise, "das heißt", "c'est-à-dire",
"sagen wir", a sentence *about* talking with no reported content is still ``1`` if a source's words or
view are given). Labelled before :func:`framing.cues.attribution.language_cue_sentences` was run on
them (the labels' commit precedes this script's scoring part).

**The score**: per language and stratum, the sentence-level precision and recall of "the matcher
finds a cue in the sentence" against the labels, each sentence scored alone as a document of that
language (``language=`` declared). Writes ``benchmarks/results/attribution_languages.json``::

    python -m benchmarks.attribution_languages          # score
    python -m benchmarks.attribution_languages --draw   # (re)make the draw (ids and hashes; labels kept)
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from benchmarks._data import shared_data_dir

UD_LANGUAGES = ("de", "fr", "es")
SEED = 1919
PER_STRATUM = 30
LABELS = Path(__file__).resolve().parent / "labels" / "attribution_languages.json"
RESULTS = Path(__file__).resolve().parent / "results"

#: Lemmas of verbs of saying and attribution words, written before the draw (the ``saying`` stratum).
SAYING_LEMMAS = {
    "de": ["sagen", "erklären", "betonen", "berichten", "mitteilen", "sprechen", "schreiben", "meinen", "ankündigen",
           "bestätigen", "warnen", "kritisieren", "fordern", "behaupten", "erläutern", "hinzufügen", "zitieren",
           "äußern", "antworten", "fragen", "erzählen", "verkünden", "versichern", "bekräftigen", "laut", "zufolge",
           "heißen", "betonen", "melden", "kommentieren"],
    "fr": ["dire", "déclarer", "affirmer", "expliquer", "indiquer", "annoncer", "souligner", "préciser", "ajouter",
           "estimer", "confirmer", "assurer", "rapporter", "écrire", "avertir", "dénoncer", "selon", "raconter",
           "répondre", "demander", "confier", "signaler", "admettre", "reconnaître", "commenter", "prévenir"],
    "es": ["decir", "declarar", "afirmar", "explicar", "indicar", "anunciar", "señalar", "asegurar", "añadir",
           "agregar", "confirmar", "informar", "advertir", "denunciar", "sostener", "escribir", "según", "contar",
           "responder", "preguntar", "comentar", "manifestar", "reconocer", "destacar", "subrayar", "expresar",
           "mencionar"],
}  # fmt: skip


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def treebank(lang: str) -> list[dict]:
    """Every sentence of the language's dev and test files: ``split``, ``sent_id``, ``text``, ``lemmas``."""
    out = []
    for split in ("dev", "test"):
        path = shared_data_dir() / "ud-gsd" / f"{lang}_gsd-ud-{split}.conllu"
        current: dict | None = None
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if line.startswith("# sent_id = "):
                    current = {"split": split, "sent_id": line[len("# sent_id = ") :], "text": None, "lemmas": set()}
                    out.append(current)
                elif line.startswith("# text = ") and current is not None:
                    current["text"] = line[len("# text = ") :]
                elif line and not line.startswith("#") and current is not None:
                    cells = line.split("\t")
                    if len(cells) > 2 and cells[0].isdigit():
                        current["lemmas"].add(cells[2].lower())
    return [s for s in out if s["text"]]


def draw() -> dict:
    """The draw: per language, :data:`PER_STRATUM` random sentences and :data:`PER_STRATUM` from the
    ``saying`` stratum (not already drawn), seed :data:`SEED`."""
    rng = random.Random(SEED)
    items = []
    for lang in UD_LANGUAGES:
        sentences = treebank(lang)
        chosen = rng.sample(range(len(sentences)), PER_STRATUM)
        saying = set(SAYING_LEMMAS[lang])
        pool = [k for k, s in enumerate(sentences) if s["lemmas"] & saying and k not in set(chosen)]
        strata = [("random", k) for k in chosen] + [("saying", k) for k in rng.sample(pool, PER_STRATUM)]
        for stratum, k in strata:
            s = sentences[k]
            items.append({"lang": lang, "split": s["split"], "sent_id": s["sent_id"], "sha256_16": text_hash(s["text"]),
                          "stratum": stratum, "label": None})  # fmt: skip
    return {"seed": SEED, "per_stratum": PER_STRATUM, "source": "UD GSD de/fr/es dev+test (CC BY-SA 4.0)", "items": items}


def drawn_texts(items: list[dict]) -> list[str]:
    """The text of each drawn item, checked against its hash."""
    by_lang = {lang: {(s["split"], s["sent_id"]): s["text"] for s in treebank(lang)} for lang in {i["lang"] for i in items}}
    texts = []
    for item in items:
        text = by_lang[item["lang"]][(item["split"], item["sent_id"])]
        if text_hash(text) != item["sha256_16"]:
            raise ValueError(f"treebank sentence {item['sent_id']} changed (hash mismatch)")
        texts.append(text)
    return texts


def predictions(items: list[dict], texts: list[str]) -> list[int]:
    """1 where framing finds a cue (a verb or attribution phrase of the sentence's language) in the
    sentence scored alone with its language declared (``sourcing.attributions`` > 0)."""
    import framing

    frame = framing.score(texts, signals="sourcing", language=[i["lang"] for i in items])
    return [int(v > 0) for v in frame["sourcing.attributions"].tolist()]


def _pr(gold: list[int], pred: list[int]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    return {"sentences": len(gold), "positives": sum(gold), "predicted": sum(pred), "tp": tp, "fp": fp, "fn": fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None, "recall": round(tp / (tp + fn), 3) if tp + fn else None}  # fmt: skip


def main() -> dict:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    items = labels["items"]
    pred = predictions(items, drawn_texts(items))
    table: dict[str, dict] = {}
    for lang in UD_LANGUAGES:
        for stratum in ("random", "saying", "all"):
            keep = [k for k, i in enumerate(items) if i["lang"] == lang and stratum in ("all", i["stratum"])]
            table[f"{lang} {stratum}"] = _pr([items[k]["label"] for k in keep], [pred[k] for k in keep])
        errors = [k for k, i in enumerate(items) if i["lang"] == lang and i["label"] != pred[k]]
        table[f"{lang} all"]["misses"] = [items[k]["sent_id"] for k in errors if items[k]["label"]]
        table[f"{lang} all"]["false_alarms"] = [items[k]["sent_id"] for k in errors if not items[k]["label"]]
    result = {"script": "benchmarks/attribution_languages.py", "labels": "benchmarks/labels/attribution_languages.json",
              "seed": labels["seed"], "note": "held out: the cue file was written before the draw and not changed after it; "
              "one coder; the saying stratum is drawn from sentences with a lemma on SAYING_LEMMAS", "table": table}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "attribution_languages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, row in table.items():
        print(f"{name:12} n={row['sentences']:3} pos={row['positives']:3} P={row['precision']} R={row['recall']}")
    return result


if __name__ == "__main__":
    if "--draw" in sys.argv:
        LABELS.write_text(json.dumps(draw(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {LABELS}")
    else:
        main()
