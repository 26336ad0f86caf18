"""Movekit's temporary files: short names, and clearing those a killed run left behind.

A temporary file lives from the moment its content is ready to be written until the rename
a few milliseconds later, so one older than STALE_SECONDS belongs to a run that was killed.
The name is short and fixed in length (`.mk-1a2b3c4d.tmp`), so a file whose own name has
the full 255 bytes a folder allows can still be written.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

PREFIX = ".mk-"
SUFFIX = ".tmp"
STALE_SECONDS = 10 * 60
_NAME = re.compile(r"\.mk-[0-9a-f]{8}\.tmp")


def create_temporary(folder: Path) -> tuple[int, Path]:
    """A new private file in `folder`, open for writing: its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        path = folder / f"{PREFIX}{secrets.token_hex(4)}{SUFFIX}"
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Remove movekit's own temporary files in `folder` older than STALE_SECONDS."""
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _NAME.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                details = entry.stat(follow_symlinks=False)
                if details.st_mtime < cutoff and entry.is_file(follow_symlinks=False):
                    Path(entry.path).unlink()
