"""Reading a plan as it was at a git revision (`git show REV:path`), with clear errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

from movekit.errors import FileAccessError, UsageError
from movekit.files import MAX_BYTES, size_text


def read_at_revision(path: Path, revision: str) -> tuple[bytes, str]:
    """The bytes of `path` at `revision`, and a label such as `HEAD:plans/plan.yaml`."""
    if not revision or revision.startswith("-"):
        raise UsageError(f"--rev: '{revision}' is not a git revision (such as HEAD or main~1)")
    folder = path.parent if str(path.parent) else Path()
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        raise FileAccessError(
            f"{path}: not inside a git repository, so there is no --rev to compare"
        )
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise UsageError(f"--rev: git knows no revision '{revision}'")
    inside = _relative(path, Path(top.decode("utf-8", "replace").strip()))
    raw = _git(folder, "cat-file", "blob", f"{revision}:{inside}")
    if raw is None:
        raise FileAccessError(f"{path}: the file did not exist at {revision} (as {inside})")
    if len(raw) > MAX_BYTES:
        raise FileAccessError(f"{revision}:{inside}: larger than {size_text(MAX_BYTES)}, the limit")
    return raw, f"{revision}:{inside}"


def _relative(path: Path, top: Path) -> str:
    """The path inside the repository, with / separators, as git names it."""
    try:
        return path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError as error:
        raise FileAccessError(f"{path}: outside the git repository at {top}") from error


def _git(folder: Path, *args: str) -> bytes | None:
    """git's output, or None when git says no (exit code not 0)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError as error:
        raise FileAccessError("git is not installed (or not on PATH): --rev needs it") from error
    except (OSError, subprocess.TimeoutExpired) as error:
        raise FileAccessError(f"could not run git: {error}") from error
    return done.stdout if done.returncode == 0 else None
