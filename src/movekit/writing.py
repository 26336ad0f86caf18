"""The one way movekit writes a file, so that no write can lose a plan or a file's owner.

`write_output` writes reports, documents and schemas; `write_plan` writes plans back under
the plan's lock (locking.py), only if the plan still holds the bytes the command read.
Both refuse symbolic links, read-only files and anything that is not a regular file, and
replace a file by renaming a complete temporary copy over it, keeping its owner, group and
mode. A device (`/dev/null`) or a named pipe given as output is written into instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from pathlib import Path

from movekit.discover import looks_like_plan
from movekit.errors import FileAccessError, UsageError
from movekit.files import read_plan_bytes
from movekit.locking import plan_lock
from movekit.temporaries import create_temporary, remove_stale_temporaries

_STREAM_NAMES = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/self/fd/\d+")
"""Names of this process's own open streams, written into whatever they lead to."""


def write_output(path: Path, content: str | bytes, *, make_folders: bool = False) -> None:
    """Write a report, document or schema to `path`; never over a plan or an odd file.

    With `make_folders`, missing folders are created, and removed again if the write fails.
    """
    data = _bytes(content)
    existing = _lstat(path)
    if existing is not None and _is_stream(path, existing):
        _write_into(path, data)
        return
    _refuse_odd(path, existing)
    if existing is not None:
        _refuse_plan(path)
    created = _make_folders(path.parent) if make_folders else []
    try:
        _replace(path, data, existing)
    except BaseException:
        for folder in reversed(created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def write_plan(path: Path, content: str | bytes, *, original: bytes | None) -> None:
    """Replace the plan at `path` under its lock, if it still holds `original`.

    `original` is the plan's bytes as the command read them; None replaces any plan there
    (`init --force`). A plan changed by someone else meanwhile is refused, not overwritten.
    """
    data = _bytes(content)
    with plan_lock(path):
        existing = _lstat(path)
        _refuse_odd(path, existing)
        if original is not None and _current(path, existing) != original:
            raise FileAccessError(
                f"{path} changed while movekit was working, so movekit left it as it was; "
                "run the command again"
            )
        _replace(path, data, existing)


def is_standard_output(path: Path) -> bool:
    """True when `path` is where standard output goes (`-o /dev/stdout`): a command then
    keeps its own notes off standard output, so the file holds only what was asked for."""
    try:
        named, out = path.stat(), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (named.st_dev, named.st_ino) == (out.st_dev, out.st_ino)


def replace_file(path: Path, content: str | bytes) -> None:
    """Write one of movekit's own files (a cache entry): whatever is at `path` is replaced,
    never written into or through, so an odd entry cannot make a write hang or escape."""
    data = _bytes(content)
    _replace(path, data, None)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error


def _is_stream(path: Path, existing: os.stat_result) -> bool:
    """A device or named pipe (also behind a link), or one of our own streams by name."""
    if _STREAM_NAMES.fullmatch(str(path.absolute())):
        return True
    try:
        mode = path.stat().st_mode if stat.S_ISLNK(existing.st_mode) else existing.st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_into(path: Path, data: bytes) -> None:
    # Appending, so `-o /dev/stdout >> log` adds to the log instead of writing over its start.
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error


def _refuse_odd(path: Path, existing: os.stat_result | None) -> None:
    """Refuse a link, a folder, a socket or block device, and a read-only file."""
    if existing is None:
        return
    mode = existing.st_mode
    if stat.S_ISLNK(mode):  # a planted link must not redirect a write outside the folder
        raise FileAccessError(
            f"{path}: is a symbolic link; movekit does not write through links "
            "(write to the file the link points to, or choose another path)"
        )
    if stat.S_ISDIR(mode):
        raise UsageError(f"{path}: is a folder; give the name of a file to write")
    if not stat.S_ISREG(mode):
        raise UsageError(
            f"{path}: is not a regular file (a socket or disk device?); movekit writes only "
            "to regular files, to devices such as /dev/null and to named pipes"
        )
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FileAccessError(
            f"{path}: the file is read-only, so movekit left it as it was "
            f"(make it writable first, for example: chmod u+w {path})"
        )


def _refuse_plan(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise UsageError(
            f"{path}: cannot be read, so movekit cannot make sure it is not a plan; "
            "choose another file name for the output"
        )
    if looks_like_plan(path):
        raise UsageError(
            f"{path}: is a movekit plan (it starts with `movekit:`), and movekit never "
            "replaces a plan with a report or document; choose another file name for the output"
        )


def _current(path: Path, existing: os.stat_result | None) -> bytes | None:
    return None if existing is None else read_plan_bytes(path)


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and missing parents; the ones created, outermost first."""
    missing = [folder, *folder.parents]
    missing = [each for each in missing if not each.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileAccessError(f"{folder}: cannot create the folder: {reason}") from error
    return list(reversed(missing))


def _replace(path: Path, data: bytes, existing: os.stat_result | None) -> None:
    """Write a temporary copy, give it the old file's owner and mode, rename it over `path`."""
    folder = path.parent
    try:
        remove_stale_temporaries(folder)
        descriptor, temporary = create_temporary(folder)
    except OSError as error:
        raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            _keep_owner_and_mode(stream.fileno(), existing)
        if existing is not None and existing.st_nlink > 1:
            _warn(
                f"{path} had other hard links; movekit wrote a new file under this name, "
                "so the other links keep the old content"
            )
        temporary.replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error
        raise
    _sync_folder(folder)


def _keep_owner_and_mode(descriptor: int, existing: os.stat_result | None) -> None:
    if not hasattr(os, "fchown"):  # Windows: no owners to keep, and no mode but read-only
        return
    if existing is None:
        os.fchmod(descriptor, _default_mode())
        return
    held = os.fstat(descriptor)
    if (held.st_uid, held.st_gid) != (existing.st_uid, existing.st_gid):
        # root writing a user's plan must leave it theirs; others can keep only their groups
        with contextlib.suppress(PermissionError):
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))  # after chown, which clears setgid


def _default_mode() -> int:
    """The mode a plain new file gets under the current umask (a temporary file has 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _warn(text: str) -> None:
    from movekit.printable import visible

    sys.stderr.write(f"warning: {visible(text)}\n")
