"""The readability modes a run can ask for, and the one check of them.

``None`` is framing's own definitions; ``"textstat"`` reproduces textstat 0.7.8's numbers. Only the
readability family computes differently in the two modes; the others accept the argument for the
common interface. Everything that takes ``compat`` checks it here, so the modes are listed once.
"""

from __future__ import annotations

#: The readability modes: ``None`` (framing's definitions) or ``"textstat"`` (textstat 0.7.8's numbers).
COMPAT_MODES: tuple[str | None, ...] = (None, "textstat")


def check_compat(compat: str | None) -> None:
    """Raise ``ValueError`` unless ``compat`` is one of :data:`COMPAT_MODES`.

    Examples
    --------
    >>> check_compat("textstat")
    >>> check_compat("spss")
    Traceback (most recent call last):
    ...
    ValueError: compat must be one of (None, 'textstat'), got 'spss'
    """
    if compat not in COMPAT_MODES:
        raise ValueError(f"compat must be one of {COMPAT_MODES}, got {compat!r}")
