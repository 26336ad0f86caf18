"""Running `movekit fmt` over files: read, refuse or format, then write, diff or report.

Every message goes to standard error; standard output carries only a diff (`--diff`) or
a formatted plan read from standard input.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TextIO

from movekit.discover import discover, looks_like_plan
from movekit.errors import MovekitError, UsageError
from movekit.fmt.format import FormatError, format_text
from movekit.fmt.settled import settled
from movekit.opening import STDIN, STDIN_NAME, open_plan, read_source
from movekit.printable import unguarded, visible, visible_lines
from movekit.source import decode
from movekit.textdiff import unified_diff

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


STDIN_FILENAME_ALONE = (
    "--stdin-filename names the plan piped in as -: leave out the other files "
    "(e.g. movekit fmt - --stdin-filename plan.yaml < plan.yaml)"
)


class Outcome(Enum):
    """What happened to one file."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    REFUSED = "refused"
    """File-level errors: exit 1, file untouched."""
    FAILED = "failed"
    """Unreadable or unwritable, or could not be formatted safely: exit 2, file untouched."""


@dataclass(frozen=True)
class FmtRequest:
    """What `movekit fmt` was asked to do."""

    paths: Sequence[Path]
    check: bool = False
    """Change nothing; exit 1 if any file would change."""
    diff: bool = False
    """Print a unified diff instead of writing."""
    plans_only: bool = False
    """Skip named files that are not plans (for pre-commit)."""
    stdin_filename: str | None = None
    """The name a plan read from standard input goes by in messages (editors pass it)."""


@dataclass(frozen=True)
class _Source:
    """One plan as read: where from, its bytes and its text."""

    path: Path
    raw: bytes
    text: str
    label: str
    """The plan's name in findings: its path, or the name standard input goes by."""

    @property
    def stdin(self) -> bool:
        return str(self.path) == STDIN

    @property
    def name(self) -> str:
        return visible(self.label)


def run_fmt(request: FmtRequest, out: TextIO, err: TextIO) -> int:
    """Format every plan the request names and return the exit code."""
    if request.stdin_filename is not None and any(str(path) != STDIN for path in request.paths):
        raise UsageError(STDIN_FILENAME_ALONE)
    plans = discover(request.paths)
    if request.plans_only:
        plans = [plan for plan in plans if str(plan) == STDIN or looks_like_plan(plan)]
    outcomes = [_format_file(plan, request, out, err) for plan in plans]
    if not plans or any(str(plan) != STDIN for plan in plans):
        err.write(summary(outcomes, check=request.check or request.diff) + "\n")
    return exit_code(outcomes, check=request.check)


def exit_code(outcomes: Sequence[Outcome], *, check: bool) -> int:
    """2 if any file could not be handled, 1 for file-level errors or (with --check) a
    file that would change, else 0."""
    if Outcome.FAILED in outcomes:
        return 2
    failing = {Outcome.REFUSED, Outcome.CHANGED} if check else {Outcome.REFUSED}
    return 1 if failing.intersection(outcomes) else 0


def _format_file(path: Path, request: FmtRequest, out: TextIO, err: TextIO) -> Outcome:
    try:
        source = _read(path, request.stdin_filename)
        if not _refuse_broken(source, err):
            return Outcome.REFUSED
        # a plan provably in fmt's layout already skips ruamel.yaml's slow round trip
        formatted = source.text if settled(source.text) else format_text(source.text)
        return _deliver(source, formatted, request, out, err)
    except FormatError as error:
        message = f"cannot format {path}: {error}; the file is left as it was"
        err.write(f"error: {visible(message)}\n")
    except MovekitError as error:
        err.write(f"error: {visible_lines(str(error))}\n")
    return Outcome.FAILED


def _read(path: Path, stdin_filename: str | None) -> _Source:
    raw = read_source(path)
    stdin = str(path) == STDIN
    label = (stdin_filename or STDIN_NAME) if stdin else str(path)
    return _Source(path, raw, decode(raw)[0], label)


def _refuse_broken(source: _Source, err: TextIO) -> bool:
    """True when the plan has no file-level errors; otherwise list them and say so."""
    checked = open_plan(source.raw, name=source.label, lint=False)
    if checked.plan is not None:
        return True
    for finding in checked.findings:
        where = f"{source.name}:{finding.line}:{finding.column}"
        err.write(f"{where}: {finding.code} {visible(finding.message)}\n")
    err.write(f"error: {source.name}: not formatted: fix the problems above first\n")
    return False


def _deliver(
    source: _Source, formatted: str, request: FmtRequest, out: TextIO, err: TextIO
) -> Outcome:
    """Write, show or report the formatted text."""
    changed = formatted != source.text
    if request.diff and changed:
        out.writelines(map(visible_lines, unified_diff(source.text, formatted, source.name)))
    elif source.stdin and not request.check:
        # the plan itself, for an editor to put back: data, written as it is (but a
        # terminal, where it is only read, still sees no control characters)
        (out if out.isatty() else unguarded(out)).write(formatted)
    elif changed and not request.check:
        from movekit.writing import write_plan

        # under the plan's lock, and only if nobody changed the plan since it was read
        write_plan(source.path, _encode_like(source.raw, formatted), original=source.raw)
    if changed and not source.stdin:
        done = "would reformat" if request.check or request.diff else "reformatted"
        err.write(f"{done} {source.name}\n")
    return Outcome.CHANGED if changed else Outcome.UNCHANGED


def _encode_like(raw: bytes, text: str) -> bytes:
    """The text in the file's own encoding (UTF-8, with a byte-order mark if it had one)."""
    encoding = _UTF16.get(raw[:2])
    if encoding is not None:
        return raw[:2] + text.removeprefix("\ufeff").encode(encoding)
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    return bom + text.encode("utf-8")


def summary(outcomes: Sequence[Outcome], *, check: bool) -> str:
    """`1 reformatted, 2 already formatted (3 plans).` and the like."""
    counts = Counter(outcomes)
    problems = counts[Outcome.REFUSED] + counts[Outcome.FAILED]
    items = [
        (counts[Outcome.CHANGED], "would be reformatted" if check else "reformatted"),
        (counts[Outcome.UNCHANGED], "already formatted"),
        (problems, "not formatted (see above)"),
    ]
    parts = [f"{count} {what}" for count, what in items if count]
    if not parts:
        return "No plans to format."
    return f"{', '.join(parts)} ({_plans(len(outcomes))})."


def _plans(count: int) -> str:
    return f"{count} plan{'' if count == 1 else 's'}"
