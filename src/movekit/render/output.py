"""Where a rendered document goes, and the places it must never go."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from movekit.errors import FileAccessError, UsageError

BUILD_FOLDER = "build"


def default_output(plan: Path, extension: str) -> Path:
    """`build/<plan-stem>.<ext>` next to the plan."""
    return plan.parent / BUILD_FOLDER / f"{plan.stem}{extension}"


def prepare_output(plan: Path, output: Path | None, extension: str) -> Path:
    """The path to write, checked: not the plan, not a folder, in a writable folder.

    The default `build/` folder is created when the document is written (writing.py); a
    folder named with `-o` must exist already, so that a typing mistake does not scatter
    folders around. A device or named pipe (`-o /dev/stdout`) is written into.
    """
    target = output if output is not None else default_output(plan, extension)
    if _same_file(target, plan):
        raise UsageError(f"{target}: that is the plan itself; choose another output path")
    if target.is_dir():
        raise UsageError(
            f"{target}: is a folder; give a file name such as {target / 'plan'}{extension}"
        )
    if _is_stream(target):
        return target
    if output is None:
        _check_build_folder(target.parent)
    else:
        _check_folder(target.parent)
    return target


def _is_stream(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _same_file(target: Path, plan: Path) -> bool:
    if target.resolve() == plan.resolve():
        return True
    try:
        return target.exists() and target.samefile(plan)
    except OSError:
        return False


def _check_build_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise FileAccessError(f"{folder}: exists and is not a folder; use -o to write elsewhere")
    _check_folder(folder if folder.exists() else folder.parent)


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise FileAccessError(f"{folder}: no such folder (create it first, or choose another -o)")
    if not folder.is_dir():
        raise FileAccessError(f"{folder}: is not a folder, so nothing can be written in it")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileAccessError(f"{folder}: permission denied (cannot write in this folder)")
