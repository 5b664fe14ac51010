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
