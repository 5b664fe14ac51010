"""framing: content quality and framing scores for news and web articles.

>>> import framing
>>> framing.score(["The cat sat on the mat."])["text.words"].tolist()
[6.0]
"""

from .analyzer import Analyzer
from .api import FAMILIES, analyze, columns, score
from .flags import QualityFlagger, flag
from .lexicon import Lexicon, LexiconError, load_lexicon
from .report import Evidence, Report
from .segment import Corpus

__version__ = "0.1.0"

__all__ = [
    "Analyzer", "Corpus", "Evidence", "FAMILIES", "Lexicon", "LexiconError", "QualityFlagger", "Report", "analyze",
    "columns", "flag", "load_lexicon", "score", "__version__",
]  # fmt: skip
