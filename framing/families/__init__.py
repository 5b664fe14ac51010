"""The signal families, one module or sub-package each, every one exposing ``FAMILY``
(see :class:`framing.families.base.Family`). They read a segmented
:class:`~framing.core.segment.Corpus` and the shared engines of :mod:`framing.cues`, and never one
another.
"""
