"""Files that survive a crash: fsync before rename, checksums, and a lock on an output.

Standard library only (the corpus stream and its tests use these; the command line does not
import them until a command runs).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

try:  # POSIX; elsewhere the lock is an exclusive create (left behind by a killed run)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from framing.faces.options import BusyError, OutputError


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def replace_durably(tmp: Path, path: Path) -> None:
    """fsync ``tmp``, rename it onto ``path``, fsync the folder: after a crash ``path`` is the old
    file or the whole new one."""
    fsync_file(tmp)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def file_digest(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a file."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            size += len(block)
            digest.update(block)
    return size, digest.hexdigest()


class OutputLock:
    """An exclusive lock on ``OUT.lock`` for the length of a run: a second run writing the same
    output stops with :class:`BusyError` instead of mixing its parts with the first one's.

    ``flock`` is released by the kernel when a process dies, so a killed run never blocks the next.
    The lock file is removed at the end (after checking, on taking it, that it is still the file at
    that path, so a run that opened it just before it was removed takes it again).
    """

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + ".lock")
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        for _ in range(100):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | (0 if fcntl else os.O_EXCL), 0o644)
            except FileExistsError:
                raise BusyError(f"{self.path} exists: another framing run writes {self.path.with_suffix('')}"
                                " (remove the lock file if no run is going on)") from None
            except OSError as err:
                raise OutputError(f"cannot write {self.path.parent}: {err.strerror or err}") from None
            if fcntl is None:  # pragma: no cover
                self.fd = fd
                break
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise BusyError(
                    f"another framing run (pid {holder}) is writing {self.path.name[:-5]}; wait for it to finish "
                    "or choose another -o"
                ) from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                break
            os.close(fd)  # removed by the run that held it: take the new one
        else:  # pragma: no cover
            raise BusyError(f"cannot take the lock {self.path}")
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None
