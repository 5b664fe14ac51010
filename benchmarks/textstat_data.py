"""Text in the languages of textstat, for the textstat benchmarks (nothing is copied into the repo).

* German, French, Spanish: the Universal Dependencies GSD treebanks (``ud-gsd/``, CC BY-SA 4.0;
  see its PROVENANCE.md), whose ``# text =`` sentences are grouped, in file order, into
  pseudo-documents of :data:`SENTENCES_PER_DOC` sentences joined by a space (the treebanks mark
  no document boundaries).
* English: the five seed articles (``seeds/``) and the Wikinews sample (CC BY 2.5).
* Italian, Dutch, Polish, Russian, Hungarian: no corpus in the shared data, so textstat 0.7.8's
  own test texts in the language (``tests/textstat_078/backend/resources.py``, MIT: Italian,
  Russian, Hungarian), then, to have real text of some length, the German, French and Spanish
  pseudo-documents and the seed articles in turn (text *not* in the language, scored with that
  language's settings); the JSON says so.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from benchmarks._data import REPO_ROOT, seeds, shared_data_dir, wikinews

SENTENCES_PER_DOC = 10
UD_LANGUAGES = ("de", "fr", "es")


def ud_sentences(lang: str, split: str) -> list[str]:
    """The ``# text =`` sentences of ``<lang>_gsd-ud-<split>.conllu``, in file order."""
    path = shared_data_dir() / "ud-gsd" / f"{lang}_gsd-ud-{split}.conllu"
    if not path.is_file():
        raise FileNotFoundError(f"missing treebank {path}; see ud-gsd/PROVENANCE.md")
    with path.open(encoding="utf-8") as handle:
        return [line[len("# text = ") :].rstrip("\n") for line in handle if line.startswith("# text = ")]


def ud_documents(lang: str, split: str, size: int = SENTENCES_PER_DOC) -> list[tuple[str, list[int]]]:
    """Pseudo-documents of ``size`` consecutive sentences joined by a space, each with the offsets
    where its gold sentences end."""
    sentences = ud_sentences(lang, split)
    documents = []
    for start in range(0, len(sentences), size):
        group = sentences[start : start + size]
        text, ends = "", []
        for sentence in group:
            text = f"{text} {sentence}" if text else sentence
            ends.append(len(text))
        documents.append((text, ends))
    return documents


def textstat_test_texts() -> dict[str, str]:
    """textstat 0.7.8's test texts by name."""
    path = REPO_ROOT / "tests" / "textstat_078" / "backend" / "resources.py"
    spec = importlib.util.spec_from_file_location("textstat_078_resources", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return {k: v for k, v in vars(module).items() if k.isupper() and isinstance(v, str) and "RESULT" not in k and v}


_OWN_TEST_TEXTS = {"it": ("ITALIAN_TEXT",), "ru": ("LONG_RUSSIAN_TEXT_GUILLEMETS",),
                   "hu": ("EASY_HUNGARIAN_TEXT", "HARD_HUNGARIAN_TEXT", "HARD_ACADEMIC_HUNGARIAN_TEXT")}  # fmt: skip


def texts_for(lang: str, limit: int | None = None) -> tuple[list[str], str]:
    """Texts in ``lang`` (a textstat root: en, de, es, fr, it, nl, pl, ru, hu) and where they come from."""
    if lang in UD_LANGUAGES:
        docs = [text for text, _ in ud_documents(lang, "test")]
        source = f"UD {lang}_gsd test, pseudo-documents of {SENTENCES_PER_DOC} sentences"
    elif lang == "en":
        docs = list(seeds()["text"])
        try:
            docs += list(wikinews()["text"])
            source = "seeds/ + Wikinews sample"
        except FileNotFoundError:
            source = "seeds/"
    else:
        test_texts = textstat_test_texts()
        docs = [test_texts[n] for n in _OWN_TEST_TEXTS.get(lang, ())]
        others = [[text for text, _ in ud_documents(other, "test")] for other in UD_LANGUAGES] + [list(seeds()["text"])]
        for group in zip(*others):  # de, fr, es, en, de, fr, ...
            docs += group
        docs += [t for group in others for t in group[min(map(len, others)) :]]
        source = (f"{len(_OWN_TEST_TEXTS.get(lang, ()))} textstat 0.7.8 test texts in the language, then UD de/fr/es "
                  "pseudo-documents and seeds/ in turn (not in the language)")  # fmt: skip
    return (docs[:limit] if limit else docs), source


def shared_data_available() -> bool:
    try:
        return Path(shared_data_dir() / "ud-gsd").is_dir()
    except FileNotFoundError:
        return False
