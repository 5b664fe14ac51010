"""Across documents: shared passages, figures that disagree, framing and sourcing differences.

The layer between :mod:`framing.judges` and :mod:`framing.faces`: it reads the one segmentation
(:mod:`framing.core.segment`) and the families' evidence (:mod:`framing.pipeline`), and never the
faces. :func:`compare` is the entry point (``framing.compare``); ``docs/compare.md`` defines every
table and measure.
"""

import sys
import types

from framing.compare.core import Comparison, compare

__all__ = ["Comparison", "compare"]


class _CallableModule(types.ModuleType):
    """``framing.compare`` is both this package and the function: once the package is imported,
    Python binds the package to the name, so calling it calls :func:`compare`."""

    def __call__(self, *args, **kwargs):
        return compare(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
