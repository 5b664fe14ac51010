"""The command line's and the corpus stream's defaults and error type, in a module that imports
nothing heavy, so ``framing --help`` can show them without loading numpy or pandas."""

from __future__ import annotations

ID_COLUMN = "id"
DEFAULT_CHUNK_SIZE = 1000
DEFAULT_MAX_CHARS = 1_000_000  # ~150 pages; longer "documents" are dumps, not articles


class InputError(ValueError):
    """An input that cannot be read at all (missing file, no text column)."""
