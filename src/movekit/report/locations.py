"""File names for formats that code hosts read: relative to where movekit runs, with `/`."""

from __future__ import annotations

from pathlib import Path, PurePath


def relative_posix(file: str, base: Path) -> str:
    """`file` relative to `base` with forward slashes; a path outside `base` stays absolute.

    GitHub and SARIF viewers match findings to files by their path from the repository
    root, which is the folder CI runs movekit in, so an absolute path under it is shortened.
    """
    path = PurePath(file)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
