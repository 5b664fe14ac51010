"""Across documents: shared passages, figures that disagree, framing and sourcing differences.

The layer between :mod:`framing.judges` and :mod:`framing.faces`: it reads the one segmentation
(:mod:`framing.core.segment`) and the families' evidence (:mod:`framing.pipeline`), and never the
faces. :func:`compare` is the entry point (``framing.compare``); ``docs/compare.md`` defines every
table and measure.
"""

from framing.compare.core import Comparison, compare

__all__ = ["Comparison", "compare"]
