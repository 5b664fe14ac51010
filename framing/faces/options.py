"""The command line's and the corpus stream's defaults, error types and exit codes, in a module that
imports nothing heavy, so ``framing --help`` can show them without loading numpy or pandas."""

from __future__ import annotations

#: The signal families, as :data:`framing.config.FAMILY_NAMES` (a copy, so that ``framing --help``
#: does not import the configuration and its dataclasses; tests/test_cli_faces.py checks they agree).
FAMILY_NAMES: tuple[str, ...] = ("readability", "repetition", "boilerplate", "sourcing", "style", "framing")
ID_COLUMN = "id"
DEFAULT_CHUNK_SIZE = 1000
DEFAULT_MAX_CHARS = 1_000_000  # ~150 pages; longer "documents" are dumps, not articles

#: Exit codes of the ``framing`` command, one per class of failure (docs/corpus-command.md).
EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug: the message says so; --verbose prints the traceback
EXIT_USAGE = 2  # bad options or option files (argparse's code too)
EXIT_INPUT = 3  # an input cannot be read at all (missing, unreadable, not UTF-8 JSONL/CSV, no text column)
EXIT_OUTPUT = 4  # the output cannot be written (read-only folder, disk full, no such folder)
EXIT_BUSY = 5  # another run holds the output, or --resume refuses what it found
EXIT_INTERRUPTED = 130  # Ctrl-C (SIGINT): the chunks written so far are kept for --resume
EXIT_TERMINATED = 143  # SIGTERM (kill, a scheduler's time limit): as Ctrl-C


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised by the command's handler so a run stops as on Ctrl-C (parts kept)."""


class FramingError(Exception):
    """An error the command reports in one line (``framing: <message>``) with its exit code."""

    exit_code = EXIT_INTERNAL


class UsageError(FramingError, ValueError):
    """Options that cannot work together, or an option's file that is not valid."""

    exit_code = EXIT_USAGE


class InputError(FramingError, ValueError):
    """An input that cannot be read at all (missing file, unreadable folder, no text column)."""

    exit_code = EXIT_INPUT


class OutputError(FramingError, OSError):
    """The output (or its ``.partial`` folder) cannot be written."""

    exit_code = EXIT_OUTPUT


class BusyError(FramingError):
    """Another run writes the same output, or ``--resume`` cannot trust what it found."""

    exit_code = EXIT_BUSY


def missing_file(name: object) -> str:
    """The one message for an input that does not exist (every command says it this way)."""
    return f"{name}: no such file or folder"
