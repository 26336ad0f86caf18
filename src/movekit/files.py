"""Writing files so that a failure can never leave a half-written or lost file behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from movekit.errors import FileAccessError


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
