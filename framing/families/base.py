"""The contract every signal family keeps.

A family is one module (or sub-package) of :mod:`framing.families` that exposes ``FAMILY``, an
object with this interface. Families never import one another: what two of them need lives below
them, in :mod:`framing.cues` or :mod:`framing.core` (``tests/test_layers.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

if TYPE_CHECKING:  # the configuration sits above the families; they only read its fields
    from framing.config import Config
    from framing.core.evidence import Evidence, EvidenceCode
    from framing.core.segment import Corpus


@runtime_checkable
class Family(Protocol):
    """A signal family: its columns, their values for a batch, the evidence for one document."""

    #: The family's name, the part of its column names before the first dot (except ``text.*``
    #: counts, which the readability family owns).
    name: str

    #: The evidence codes the family emits, each with its definition, signals and details keys
    #: (gathered in :data:`framing.pipeline.EVIDENCE_CODES`; a code is unique across families).
    codes: tuple[EvidenceCode, ...]

    def columns(self, config: Config) -> tuple[str, ...]:
        """The family's columns under ``config``, in output order."""
        ...

    def compute(self, corpus: Corpus, config: Config) -> dict[str, np.ndarray]:
        """Every column for every document of ``corpus``: arrays of shape ``(corpus.n_docs,)``."""
        ...

    def evidence(self, corpus: Corpus, doc: int, config: Config) -> list[Evidence]:
        """The located findings behind document ``doc``'s values, each with one of :attr:`codes`."""
        ...


class FunctionFamily:
    """A family made of a module's functions: ``compute(corpus, **options)`` and
    ``evidence(corpus, doc, **options)``, where ``options(config)`` picks the configuration fields
    the family reads (e.g. ``{"patterns": config.patterns}``), ``columns(config)`` names its
    columns and ``codes`` are the evidence codes its ``evidence`` emits. Every family module
    declares its ``FAMILY`` with it.
    """

    def __init__(
        self,
        name: str,
        *,
        columns: Callable[[Config], Sequence[str]],
        compute: Callable[..., dict[str, np.ndarray]],
        evidence: Callable[..., list[Evidence]],
        options: Callable[[Config], dict[str, Any]] = lambda config: {},
        codes: Sequence[EvidenceCode] = (),
    ) -> None:
        self.name = name
        self.codes = tuple(codes)
        self._columns, self._compute, self._evidence, self._options = columns, compute, evidence, options

    def columns(self, config: Config) -> tuple[str, ...]:
        return tuple(self._columns(config))

    def compute(self, corpus: Corpus, config: Config) -> dict[str, np.ndarray]:
        return self._compute(corpus, **self._options(config))

    def evidence(self, corpus: Corpus, doc: int, config: Config) -> list[Evidence]:
        return self._evidence(corpus, doc, **self._options(config))

    def __repr__(self) -> str:
        return f"FunctionFamily({self.name!r})"
