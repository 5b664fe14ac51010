"""framing: content quality and framing scores for news and web articles.

The public names are imported on first use, so ``import framing`` (and ``framing --help``) stays
fast; each lives in the layer that owns it (docs/layout.md).

>>> import framing
>>> framing.score(["The cat sat on the mat."])["text.words"].tolist()
[6.0]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

#: public name -> the module that defines it
_PUBLIC = {
    "Analyzer": "framing.faces.analyzer",
    "Comparison": "framing.compare.core",
    "Config": "framing.config",
    "Corpus": "framing.core.segment",
    "EVIDENCE_CODES": "framing.pipeline",
    "Evidence": "framing.core.evidence",
    "FAMILIES": "framing.pipeline",
    "Lexicon": "framing.cues.lexicon",
    "LexiconError": "framing.cues.lexicon",
    "QualityFlagger": "framing.judges.flags",
    "Report": "framing.core.evidence",
    "analyze": "framing.faces.api",
    "columns": "framing.faces.api",
    "compare": "framing.compare.core",
    "flag": "framing.faces.api",
    "load_lexicon": "framing.cues.lexicon",
    "relations": "framing.faces.api",
    "score": "framing.faces.api",
    "segment": "framing.core.segment",
    "sentences": "framing.faces.sentences",
}

__all__ = sorted(_PUBLIC) + ["__version__"]

if TYPE_CHECKING:  # for type checkers and IDEs; at run time the names load lazily
    from framing.compare.core import Comparison, compare
    from framing.config import Config
    from framing.core.evidence import Evidence, Report
    from framing.core.segment import Corpus, segment
    from framing.cues.lexicon import Lexicon, LexiconError, load_lexicon
    from framing.faces.analyzer import Analyzer
    from framing.faces.api import analyze, columns, flag, relations, score
    from framing.faces.sentences import sentences
    from framing.judges.flags import QualityFlagger
    from framing.pipeline import EVIDENCE_CODES, FAMILIES


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
