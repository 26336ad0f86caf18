"""Reading plan files within limits (writing.py writes them)."""

from __future__ import annotations

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
