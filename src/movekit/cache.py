"""Remembering the findings of plans that have not changed, as ruff does.

A check's findings depend only on the plan's bytes, its file name, the settings, today's
date and movekit's version; the key is a hash of all of them, so a stale entry can never
be used. A hit skips reading YAML, Pydantic and the rules altogether, which is what makes
a repeated `movekit check` (an editor on save, a pre-commit hook) start in a few tens of
milliseconds. The cache is only an accelerator: any problem reading or writing it is
ignored. `--no-cache` or MOVEKIT_NO_CACHE=1 turns it off; MOVEKIT_CACHE_DIR moves it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from movekit.config import Settings
from movekit.findings import Finding, Severity
from movekit.version import __version__

FORMAT = 1
"""Bumped when the shape of an entry changes."""


def cache_dir() -> Path:
    """MOVEKIT_CACHE_DIR, else $XDG_CACHE_HOME/movekit, else ~/.cache/movekit."""
    explicit = os.environ.get("MOVEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "movekit"


def enabled() -> bool:
    return os.environ.get("MOVEKIT_NO_CACHE", "") in ("", "0")


def key(raw: bytes, file: str, today: dt.date, settings: Settings) -> str:
    """A hash of everything the findings depend on."""
    facts = {
        "format": FORMAT,
        "movekit": __version__,
        "file": file,
        "today": today.isoformat(),
        "select": list(settings.select),
        "ignore": list(settings.ignore),
        "severity": sorted((code, level.value) for code, level in settings.severity.items()),
    }
    digest = hashlib.sha256(json.dumps(facts, sort_keys=True).encode())
    digest.update(raw)
    return digest.hexdigest()


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
        text = json.dumps([finding.to_dict() for finding in findings])
        write_atomic(folder / f"{entry}.json", text)
    except Exception:
        return
