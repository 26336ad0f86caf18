"""One writer at a time per plan: an OS-level lock on a short-lived sibling lock file.

POSIX systems use `fcntl.flock`, Windows `msvcrt.locking`: both are released by the
operating system when a process dies, even by `kill -9`, so a crash never leaves a plan
locked. The lock file is removed while it is still held, and a waiter that then wins the
lock checks that the path still names the file it locked (else it tries again), so no lock
file is left behind to show up in `git status`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from movekit.errors import FileAccessError

TIMEOUT_SECONDS = 10.0
"""How long a writer waits for another one; MOVEKIT_LOCK_TIMEOUT changes it."""

_POLL_SECONDS = 0.02
_held: dict[str, int] = {}
"""Lock files this process holds, with their depth, so a holder can lock again."""


def lock_path(path: Path) -> Path:
    """The sibling lock file: a short name, so a 255-byte plan name still gets one."""
    digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:12]
    return path.parent / f".mk-{digest}.lock"


@contextlib.contextmanager
def plan_lock(path: Path) -> Iterator[None]:
    """Hold the plan's lock (waiting up to the timeout), re-entrant within one process."""
    lock = lock_path(path)
    key = str(lock.absolute())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    descriptor = _acquire(path, lock)
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        _release(lock, descriptor)


def timeout() -> float:
    """The wait in seconds: MOVEKIT_LOCK_TIMEOUT if it is a number, else 10."""
    try:
        return max(0.0, float(os.environ.get("MOVEKIT_LOCK_TIMEOUT", TIMEOUT_SECONDS)))
    except ValueError:
        return TIMEOUT_SECONDS


def _acquire(path: Path, lock: Path) -> int:
    deadline = time.monotonic() + timeout()
    while True:
        descriptor = _open(path, lock)
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                os.close(descriptor)
                raise FileAccessError(
                    f"another movekit command is writing {path}; try again when it has "
                    f"finished (movekit waited {timeout():g} seconds)"
                )
            time.sleep(_POLL_SECONDS)
        if _still_named(lock, descriptor):
            return descriptor
        os.close(descriptor)  # the holder removed that file: lock the new one


def _open(path: Path, lock: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            return os.open(lock, flags, 0o644)
        except PermissionError:  # left by another user's crashed run: reading is enough
            return os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except (FileNotFoundError, NotADirectoryError) as error:
        raise FileAccessError(f"{path}: no such file") from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileAccessError(
            f"{path}: cannot write in its folder ({reason}), so movekit changed nothing"
        ) from error


def _still_named(lock: Path, descriptor: int) -> bool:
    try:
        named = os.lstat(lock)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(lock: Path, descriptor: int) -> None:
        # Windows cannot remove an open file: unlock, close, then remove if nobody waits.
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        os.close(descriptor)
        with contextlib.suppress(OSError):
            lock.unlink()

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(lock: Path, descriptor: int) -> None:
        # Removed while held: a waiter that wins this file sees it is gone and starts again.
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(descriptor)
