"""Files that several processes share: an OS lock beside the file, and writes that replace it atomically.

A crash mid-write leaves the old file or the new one, never half of one; the kernel drops a dead process's
lock, so there is no stale lock to break.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def _os_lock(fd: int, take: bool) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK if take else msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, (fcntl.LOCK_EX | fcntl.LOCK_NB) if take else fcntl.LOCK_UN)


@contextlib.contextmanager
def file_lock(path: Path, timeout_s: float, busy: Callable[[], Exception]) -> Iterator[None]:
    """An OS lock on a side file: the kernel drops it when a process dies, so no stale-lock breaking.
    Raises busy() when another process holds it for longer than timeout_s."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            try:
                _os_lock(fd, True)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise busy() from None
                time.sleep(0.01)
        try:
            yield
        finally:
            _os_lock(fd, False)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` (a private 0600 file on POSIX) through a temp file, fsync and os.replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        for attempt in range(10):  # Windows: a virus scanner may hold the target open for a moment
            try:
                os.replace(tmp, path)
                break
            except PermissionError:
                if attempt == 9 or sys.platform != "win32":
                    raise
                time.sleep(0.05)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sys.platform != "win32":  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
