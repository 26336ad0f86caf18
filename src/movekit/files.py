"""Reading plan files within limits, and writing files so a failure never loses one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from movekit.errors import FileAccessError

MAX_BYTES = 64 * 1024 * 1024
"""Larger files are refused: no campaign plan is this big, and parsing would take minutes."""


def read_plan_bytes(path: Path) -> bytes:
    """A plan file's bytes, or a FileAccessError that says what is wrong."""
    try:
        if path.is_dir():
            raise FileAccessError(f"{path}: is a folder, not a plan file")
        if not path.is_file():
            missing = not path.exists()
            reason = "no such file" if missing else "not a regular file (a device or pipe?)"
            raise FileAccessError(f"{path}: {reason}")
        with path.open("rb") as handle:
            return read_limited(handle, str(path))
    except FileNotFoundError as error:
        raise FileAccessError(f"{path}: no such file") from error
    except PermissionError as error:
        raise FileAccessError(f"{path}: permission denied (cannot read the file)") from error
    except OSError as error:
        raise FileAccessError(f"{path}: cannot read: {error.strerror or error}") from error


def read_limited(handle: BinaryIO, name: str) -> bytes:
    """Read at most MAX_BYTES, refusing anything larger (even a file still growing)."""
    raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise FileAccessError(f"{name}: larger than {size_text(MAX_BYTES)}, the limit for a plan")
    return raw


def size_text(count: int) -> str:
    """A size as people say it: `64 MB`, or `1,024 bytes` below a megabyte."""
    megabytes = count / 2**20
    return f"{megabytes:g} MB" if megabytes >= 1 else f"{count:,} bytes"


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`.

    The rename is atomic, so readers see the old file or the new one, never a mix; an
    existing file's permissions are kept.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_symlink():  # a planted link must not redirect a write outside the folder
        raise FileAccessError(
            f"{path}: is a symbolic link; movekit does not write through links "
            "(remove the link or choose another path)"
        )
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
        temporary.replace(path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError):
            raise FileAccessError(f"{path}: cannot write: {error.strerror or error}") from error
        raise


def _default_mode() -> int:
    """The mode a plain new file gets under the current umask (mkstemp would give 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
