"""Remembering the findings of plans that have not changed, as ruff does.

A check's findings depend only on the plan's bytes, its file name, the settings, today's
date and movekit's own code; the key is a hash of all of them, so a stale entry can never
be used. A hit skips reading YAML, Pydantic and the rules altogether, which is what makes
a repeated `movekit check` (an editor on save, a pre-commit hook) start in a few tens of
milliseconds. The cache is only an accelerator: any problem reading or writing it is
ignored. `--no-cache` or MOVEKIT_NO_CACHE=1 turns it off; MOVEKIT_CACHE_DIR moves it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from movekit.config import Settings
from movekit.findings import Finding, Severity
from movekit.version import __version__

FORMAT = 2
"""Bumped when the shape of an entry changes (2: the place in words and the value's end)."""


def cache_dir() -> Path:
    """MOVEKIT_CACHE_DIR, else $XDG_CACHE_HOME/movekit, else ~/.cache/movekit."""
    explicit = os.environ.get("MOVEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "movekit"


def enabled() -> bool:
    return os.environ.get("MOVEKIT_NO_CACHE", "") in ("", "0")


def key(raw: bytes, file: str, today: dt.date, settings: Settings) -> str | None:
    """A hash of everything the findings depend on; None (cache nothing) when movekit's own
    code cannot be fingerprinted."""
    code = movekit_code()
    if code is None:
        return None
    facts = {
        "format": FORMAT,
        "movekit": __version__,
        "code": code,
        "file": file,
        "today": today.isoformat(),
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "severity": sorted((code, level.value) for code, level in settings.severity.items()),
    }
    digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode())
    digest.update(raw)
    return digest.hexdigest()


@functools.cache
def movekit_code() -> str | None:
    """The fingerprint of the movekit package this process runs, computed once."""
    try:
        return fingerprint(Path(__file__).parent)
    except OSError:  # not a folder of files (a zip import, say): no way to see edits
        return None


def fingerprint(package: Path) -> str:
    """A hash of the path, size and modification time of every module under `package`.

    Editing any of movekit's code (a rule changed in place, a reinstall, a checkout) changes
    it, so findings of other code are never reused; Python's own bytecode cache trusts the
    same size and time stamps. Stat-ing the modules costs well under a millisecond, where
    hashing their contents would cost several on every run.
    """
    digest = hashlib.sha256()
    for name, size, mtime in sorted(_modules(str(package), "")):
        digest.update(f"{name}\0{size}\0{mtime}\n".encode())
    return digest.hexdigest()


def _modules(folder: str, prefix: str) -> Iterator[tuple[str, int, int]]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":  # rewritten by Python itself, not code
                    yield from _modules(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py"):
                info = entry.stat()
                yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns


def load(entry: str) -> list[Finding] | None:
    """The findings stored under `entry`, or None when there are none (or they are unreadable)."""
    try:
        stored = json.loads((cache_dir() / entry[:2] / f"{entry}.json").read_text("utf-8"))
        return [
            Finding(**{**finding, "severity": Severity(finding["severity"])}) for finding in stored
        ]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def store(entry: str, findings: list[Finding]) -> None:
    """Remember findings under `entry` (atomically; silently skipped if impossible)."""
    from movekit.files import write_atomic

    folder = cache_dir() / entry[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps([_entry(finding) for finding in findings])
        write_atomic(folder / f"{entry}.json", text)
    except Exception:
        return


def _entry(finding: Finding) -> dict[str, object]:
    """A finding as stored: its JSON form and what the text report shows besides."""
    return {**finding.to_dict(), "where": finding.where, "end_column": finding.end_column}
