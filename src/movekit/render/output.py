"""Where a rendered document goes, and the places it must never go."""

from __future__ import annotations

import os
from pathlib import Path

from movekit.errors import FileAccessError, UsageError

BUILD_FOLDER = "build"


def default_output(plan: Path, extension: str) -> Path:
    """`build/<plan-stem>.<ext>` next to the plan."""
    return plan.parent / BUILD_FOLDER / f"{plan.stem}{extension}"


def prepare_output(plan: Path, output: Path | None, extension: str) -> Path:
    """The path to write, checked: not the plan, not a folder, in a writable folder.

    The default `build/` folder is created; a folder named with `-o` must exist already,
    so that a typing mistake does not scatter folders around.
    """
    target = output if output is not None else default_output(plan, extension)
    if _same_file(target, plan):
        raise UsageError(f"{target}: that is the plan itself; choose another output path")
    if target.is_dir():
        raise UsageError(
            f"{target}: is a folder; give a file name such as {target / 'plan'}{extension}"
        )
    if output is None:
        _make_build_folder(target.parent)
    _check_folder(target.parent)
    return target


def _same_file(target: Path, plan: Path) -> bool:
    if target.resolve() == plan.resolve():
        return True
    try:
        return target.exists() and target.samefile(plan)
    except OSError:
        return False


def _make_build_folder(folder: Path) -> None:
    try:
        folder.mkdir(exist_ok=True)
    except FileExistsError as error:
        raise FileAccessError(
            f"{folder}: exists and is not a folder; use -o to write elsewhere"
        ) from error
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileAccessError(f"{folder}: cannot create the output folder: {reason}") from error


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise FileAccessError(f"{folder}: no such folder (create it first, or choose another -o)")
    if not folder.is_dir():
        raise FileAccessError(f"{folder}: is not a folder, so nothing can be written in it")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileAccessError(f"{folder}: permission denied (cannot write in this folder)")
