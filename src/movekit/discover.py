"""Which files to check: explicit files as given, folders searched for plans."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from movekit.errors import FileAccessError

PLAN_SUFFIXES = (".yaml", ".yml")
_FIRST_KEY = re.compile(rb"movekit\s*:")


def looks_like_plan(path: Path) -> bool:
    """True when the file's first content line (after comments and `---`) is `movekit:`.

    A file that cannot be read counts as a plan, so that checking it reports why.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return True
    # UTF-16 with a BOM, as decoding.py reads it (importing that would load YAML here, on
    # the path of a check answered from the cache)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")  # (a cut last character)
    for line in head.removeprefix(b"\xef\xbb\xbf").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith((b"#", b"%")) or stripped == b"---":
            continue
        return _FIRST_KEY.match(stripped) is not None
    return False


def _plans_in(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            candidate = Path(root) / name
            regular = candidate.is_file()  # never open a pipe or device found in a folder
            if name.endswith(PLAN_SUFFIXES) and regular and looks_like_plan(candidate):
                yield candidate


def discover(paths: Iterable[Path]) -> list[Path]:
    """Plan files for the given paths, in order, each once.

    A folder means every `*.yaml`/`*.yml` below it (hidden folders skipped) whose first
    key is `movekit:`; a folder holding none is an error.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            plans = list(_plans_in(path))
            if not plans:
                raise FileAccessError(
                    f"{path}: no plans found (looked for *.yaml and *.yml files that start "
                    "with `movekit:`)"
                )
            found.extend(plans)
        elif path.exists() or path.is_symlink() or str(path) == "-":
            found.append(path)
        else:
            raise FileAccessError(f"{path}: no such file or folder")
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path), path)
    return list(unique.values())
