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
import stat
from collections.abc import Iterator
from pathlib import Path

from movekit.cachedata import decode_body
from movekit.config import Settings
from movekit.findings import Finding, Omitted
from movekit.version import __version__

FORMAT = 3
"""Bumped when the shape of an entry changes (2: the place in words and the value's end;
3: a checksum, and counts of findings left out)."""

MAX_ENTRY_BYTES = 16 * 1024 * 1024
"""Entries larger than this are neither read nor written: findings are capped per code,
so a real entry is far smaller, and a swapped-in huge file cannot fill the memory."""


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


LIBRARIES = ("pydantic", "pydantic_core", "yaml", "_yaml")
"""Libraries whose upgrade can change findings: validation messages, YAML reading."""


@functools.cache
def movekit_code() -> str | None:
    """The fingerprint of the movekit package this process runs and of the libraries whose
    version shapes its findings, computed once."""
    try:
        return fingerprint(Path(__file__).parent) + libraries_fingerprint(LIBRARIES)
    except OSError:  # not a folder of files (a zip import, say): no way to see edits
        return None


def libraries_fingerprint(names: tuple[str, ...]) -> str:
    """A hash of the size and time of each library's main file (found, not imported: a
    cached check must not pay for importing Pydantic), so an upgrade changes the key."""
    from importlib.util import find_spec

    digest = hashlib.sha256()
    for name in names:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):  # a module without a spec: nothing to stat
            spec = None
        origin = spec.origin if spec is not None else None
        info = Path(origin).stat() if origin and origin != "built-in" else None
        digest.update(f"{name}\0{info and info.st_size}\0{info and info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


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


def load(entry: str, file: str) -> tuple[list[Finding], list[Omitted]] | None:
    """The findings (and counts of those left out) stored under `entry` for `file`, or None.

    Anything odd is a miss, never an error or a wrong answer: a link, a named pipe or any
    other non-regular file, an entry over MAX_ENTRY_BYTES, one whose checksum does not
    match its key and findings, or a field of the wrong type. The check then runs and
    `store` replaces the entry.
    """
    try:
        data = _read_regular(cache_dir() / entry[:2] / f"{entry}.json")
        stored = json.loads(data) if data is not None else None
        if not isinstance(stored, dict) or set(stored) != {"key", "checksum", "body"}:
            return None
        body = stored["body"]
        if stored["key"] != entry or stored["checksum"] != checksum(entry, body):
            return None
    except (OSError, ValueError, RecursionError):  # RecursionError: `[[[[...` nested deep
        return None
    return decode_body(body, file)


def store(entry: str, findings: list[Finding], omitted: list[Omitted]) -> None:
    """Remember findings under `entry` (atomically; silently skipped if impossible)."""
    from movekit.writing import replace_file

    body = {
        "findings": [_entry(finding) for finding in findings],
        "omitted": [_omitted(left_out) for left_out in omitted],
    }
    text = json.dumps({"key": entry, "checksum": checksum(entry, body), "body": body})
    if len(text) > MAX_ENTRY_BYTES:  # json.dumps writes ASCII: one byte a character
        return
    try:
        folder = _private_folder(cache_dir(), entry[:2])
        replace_file(folder / f"{entry}.json", text)
    except Exception:
        return


def checksum(entry: str, body: object) -> str:
    """sha256 of the key and the findings written canonically: a damaged or hand-made
    entry (such as `[]`) does not match and is not used."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(f"{entry}\n{canonical}".encode()).hexdigest()


def _read_regular(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most MAX_ENTRY_BYTES, else None.

    Opened without following a link and without blocking (a named pipe would wait for a
    writer forever), then checked on the open file, so nothing can be swapped in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        chunks, size = [], 0
        while size <= MAX_ENTRY_BYTES:  # the file may grow after fstat: never read past the cap
            chunk = os.read(descriptor, MAX_ENTRY_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    return b"".join(chunks) if size <= MAX_ENTRY_BYTES else None


def _private_folder(root: Path, name: str) -> Path:
    """`root/name`, creating what is missing of both private to the user (mode 0700)."""
    if not root.is_dir():
        root.parent.mkdir(parents=True, exist_ok=True)
        root.mkdir(mode=0o700, exist_ok=True)
    folder = root / name
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _entry(finding: Finding) -> dict[str, object]:
    """A finding as stored: its JSON form and what the text report shows besides."""
    return {**finding.to_dict(), "where": finding.where, "end_column": finding.end_column}


def _omitted(left_out: Omitted) -> dict[str, object]:
    return {"code": left_out.code, "severity": left_out.severity.value, "count": left_out.count}
