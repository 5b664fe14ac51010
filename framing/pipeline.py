"""The scoring pipeline: a checked :class:`~framing.config.Config` and a batch of texts in, columns
and errors out.

texts → :func:`~framing.core.segment.segment` (one pass per chunk) → every chosen family's
``compute`` → one array per column. Chunks are scored in this process or in worker processes;
each worker receives the texts and the configuration, nothing else, so every start method computes
the same numbers, and a document's values never depend on the other documents of its chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from framing.config import Config
from framing.core.evidence import Evidence, EvidenceCode
from framing.core.language import document_languages, row_language_errors
from framing.core.segment import Corpus, segment
from framing.core.vocabulary import Vocabulary
from framing.families import boilerplate, frames, readability, repetition, sourcing, style
from framing.families.base import Family

#: The signal families by name, in output order.
FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (readability.FAMILY, repetition.FAMILY, boilerplate.FAMILY, sourcing.FAMILY, style.FAMILY, frames.FAMILY)
}
ERROR_COLUMN = "error"
#: Each document's language in the default mode (detected, ``Config(language="auto")``, the
#: default; or declared): a string column after the scores, not a feature.
LANGUAGE_COLUMN = "text.language"


def _evidence_codes(families: dict[str, Family]) -> dict[str, EvidenceCode]:
    codes: dict[str, EvidenceCode] = {}
    for family in families.values():
        for entry in family.codes:
            if entry.code in codes:
                raise ValueError(f"evidence code {entry.code!r} is declared twice (family {family.name})")
            codes[entry.code] = entry
    return codes


#: Every evidence code, ``code -> EvidenceCode`` (definition, signals, details keys), family by
#: family in :data:`FAMILIES` order; ``docs/evidence.md`` lists them. Codes are unique across families.
EVIDENCE_CODES: dict[str, EvidenceCode] = _evidence_codes(FAMILIES)
#: The family that emits each code.
CODE_FAMILIES: dict[str, str] = {entry.code: name for name, family in FAMILIES.items() for entry in family.codes}
DEFAULT_BATCH_SIZE = 256  # ~1 MB of news text per pass: fits the CPU caches, ~100 MB of work arrays
#: A batch also closes once it holds this many characters, so a few long texts are not segmented
#: together (work arrays cost up to ~0.4 kB per character: four 1M-character texts took 3.5 GB).
BATCH_CHARS = 1_000_000
#: The cap of a run of textstat compatibility alone (``signals="readability"``, ``compat="textstat"``):
#: its work arrays are all character and token arrays, which half a million characters keep
#: closer to the CPU caches, and a process maps half as much new memory for its first batch
#: (measured no slower: a median 1.07x over 6 short rounds on a loaded machine, within noise,
#: benchmarks/results/compat_speed_compat14_halfbatch.json). Results never depend on it.
COMPAT_BATCH_CHARS = 500_000

Chunk = tuple[dict[str, np.ndarray], list]


def columns(config: Config) -> list[str]:
    """The score columns of ``config``, in order (without ``error``)."""
    return [c for name in config.signals for c in FAMILIES[name].columns(config)]


def output_columns(config: Config) -> list[str]:
    """Every column a run of ``config`` returns before ``error``: :func:`columns` (floats), then
    :data:`LANGUAGE_COLUMN` (strings) in the default mode."""
    return columns(config) + ([LANGUAGE_COLUMN] if has_language_column(config) else [])


def has_language_column(config: Config) -> bool:
    """Whether a run of ``config`` reports :data:`LANGUAGE_COLUMN`: always in the default mode
    (``compat=None``), never with ``compat="textstat"`` (textstat has one language per batch)."""
    return config.compat is None


def score_corpus(corpus: Corpus, config: Config) -> dict[str, np.ndarray]:
    """Every column of ``config`` for every document of a segmented batch (NaN for invalid inputs;
    a per-text language that is not a language code makes its text invalid)."""
    for d, problem in enumerate(row_language_errors(config.language) or ()):
        if problem is not None and corpus.errors[d] is None:
            corpus.errors[d] = problem
    result: dict[str, np.ndarray] = {}
    for name in config.signals:
        result.update(FAMILIES[name].compute(corpus, config))
    if has_language_column(config):
        result[LANGUAGE_COLUMN] = document_languages(corpus, config.language)
    _blank_invalid(result, corpus.errors)
    return result


def _blank_invalid(result: dict[str, np.ndarray], errors: Sequence[Any]) -> None:
    """NaN (None in :data:`LANGUAGE_COLUMN`) in every column of ``result`` for the rows with an error."""
    invalid = np.fromiter((e is not None for e in errors), bool, len(errors))
    if invalid.any():
        for name, values in result.items():
            values[invalid] = None if name == LANGUAGE_COLUMN else np.nan


def evidence(corpus: Corpus, doc: int, config: Config) -> list[Evidence]:
    """The evidence of every chosen family for document ``doc``, in text order."""
    if corpus.errors[doc] is not None:
        return []
    items = [e for name in config.signals for e in FAMILIES[name].evidence(corpus, doc, config)]
    items.sort(key=lambda e: (e.start, e.end, e.signal))
    return items


def _compat_only(config: Config) -> bool:
    """Whether ``config`` is textstat compatibility alone (``signals="readability"``,
    ``compat="textstat"``): a run of small batches (:data:`COMPAT_BATCH_CHARS`)."""
    return config.compat == "textstat" and tuple(config.signals) == ("readability",)


def _counts_only(config: Config) -> bool:
    """Whether the chunks of a run of ``config`` return counts that :func:`score_texts` turns into
    columns once: textstat compatibility alone, with one language for the run."""
    return _compat_only(config) and not isinstance(config.language, tuple)


def score_chunk(job: tuple[list[Any], Config], vocabulary: Vocabulary | None = None) -> Chunk:
    """Segment and score one chunk of texts (the unit of work sent to a worker process, which uses
    its own process's default vocabulary). For textstat compatibility alone with one language,
    the chunk's counts (:func:`framing.families.readability.compat_counts`): :func:`score_texts`
    computes the columns of all chunks at once."""
    texts, config = job
    corpus = segment(texts, max_chars=config.max_chars, vocabulary=vocabulary, blank_ok=config.compat == "textstat")
    if _counts_only(config):
        return readability.compat_counts(corpus, config.language), corpus.errors
    return score_corpus(corpus, config), corpus.errors


def _batches(texts: Sequence[Any], batch_size: int, max_chars: int) -> list[list[Any]]:
    """``texts`` in order, cut into batches of at most ``batch_size`` texts that close once they
    hold ``max_chars`` characters (a longer text is a batch of its own). A text's scores do not
    depend on its batch, so neither do the results."""
    batches: list[list[Any]] = []
    batch: list[Any] = []
    chars = 0
    for text in texts:
        size = len(text) if isinstance(text, str) else 0
        if batch and (len(batch) >= batch_size or chars + size > max_chars):
            batches.append(batch)
            batch, chars = [], 0
        batch.append(text)
        chars += size
    if batch:
        batches.append(batch)
    return batches


def _jobs(texts: Sequence[Any], config: Config, batch_size: int) -> list[tuple[list[Any], Config]]:
    """The batches of ``texts``, each with its configuration: with one language per text
    (``Config(language=[...])``), each batch's configuration holds its texts' entries."""
    batches = _batches(texts, batch_size, COMPAT_BATCH_CHARS if _compat_only(config) else BATCH_CHARS)
    if not isinstance(config.language, tuple):
        return [(batch, config) for batch in batches]
    if len(config.language) != len(texts):
        raise ValueError(f"language has {len(config.language)} entries but there are {len(texts)} texts")
    jobs, start = [], 0
    for batch in batches:
        jobs.append((batch, config.replace(language=config.language[start : start + len(batch)])))
        start += len(batch)
    return jobs


def score_texts(
    texts: Sequence[Any],
    config: Config,
    *,
    n_jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_chunk: Callable[[int], None] | None = None,
    vocabulary: Vocabulary | None = None,
) -> tuple[dict[str, np.ndarray], list]:
    """Score ``texts`` in chunks of ``batch_size``, in ``n_jobs`` processes; returns the columns and
    the per-text errors. ``on_chunk(n)`` is called after each chunk of ``n`` texts. ``vocabulary``
    is used in this process (default: the process's); workers use their own. The numbers never
    depend on it."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive integer, got {n_jobs!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    jobs = _jobs(texts, config, batch_size)
    parts: list[Chunk] = []

    def collect(part: Chunk) -> None:
        parts.append(part)
        if on_chunk is not None:
            on_chunk(len(part[1]))

    if n_jobs == 1 or len(jobs) <= 1:
        for job in jobs:
            collect(score_chunk(job, vocabulary))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            for part in pool.map(score_chunk, jobs):
                collect(part)
    names = output_columns(config)
    errors = [e for p in parts for e in p[1]]
    if parts and _counts_only(config):
        # every compat column is a function of its document's counts: the formulas run once for
        # the whole run instead of once per chunk; rows with an error get NaN, as score_corpus does
        counts = {name: np.concatenate([p[0][name] for p in parts]) for name in parts[0][0]}
        found = readability.compat_columns(counts, config.language)
        data = {name: np.array(found[name], dtype=np.float64) for name in names}  # copies: columns share no memory
        _blank_invalid(data, errors)
        return data, errors
    data = {name: (np.concatenate([p[0][name] for p in parts]) if parts else np.zeros(0)) for name in names}
    return data, errors
