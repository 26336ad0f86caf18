"""Running `movekit diff`: read both versions (files or git), check them, report.

Three ways in: two files (or a file and its git revision) for people and CI; one file
for git's `textconv` (its outline); and git's external diff protocol, so that `git diff`
itself can show the semantic view. See docs/git.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from movekit.config import Settings, load_settings
from movekit.diff.changes import Version
from movekit.diff.compare import diff_plans
from movekit.engine import Checked
from movekit.errors import UsageError
from movekit.opening import label_of, open_plan, read_source
from movekit.rules import BY_CODE

GIT_NULL = "/dev/null"
"""What git passes for the missing side of an added or deleted file."""


@dataclass(frozen=True)
class DiffRequest:
    """What `movekit diff` was asked to compare."""

    paths: Sequence[Path]
    today: dt.date
    revision: str | None = None
    output_format: str = "text"


def run_diff(request: DiffRequest, out: TextIO) -> int:
    """Compare two versions of a plan and write the report.

    0 when both were compared; 1 when either has file-level errors (the report still
    compares their findings), like every command that reads a plan it cannot use.
    """
    from movekit.diff.report import DIFF_FORMATS

    old, new, settings = _sources(request)
    before, after = (_check(source, settings, request.today) for source in (old, new))
    diff = diff_plans(_version(before), _version(after))
    DIFF_FORMATS[request.output_format](diff, out)
    return 0 if diff.compared else 1


@dataclass(frozen=True)
class Source:
    """A version of a plan file: its bytes and the name to show for it."""

    raw: bytes
    label: str


def _sources(request: DiffRequest) -> tuple[Source, Source, Settings]:
    paths = list(request.paths)
    if len(paths) == 2 and request.revision is None:
        old, new = paths
        return _file(old), _file(new), load_settings(new, BY_CODE)
    if len(paths) != 1:
        raise UsageError(
            "give two plans (OLD NEW), or one plan and --rev REV (default HEAD) to compare "
            "it with what git has"
        )
    from movekit.diff.revisions import read_at_revision

    (path,) = paths
    new_source = _file(path)  # first, so a missing file is reported as such
    raw, label = read_at_revision(path, request.revision or "HEAD")
    return Source(raw, label), new_source, load_settings(path, BY_CODE)


def _file(path: Path) -> Source:
    return Source(read_source(path), label_of(path))


def _check(source: Source, settings: Settings, today: dt.date) -> Checked:
    return open_plan(source.raw, name=source.label, today=today, settings=settings)


def _version(checked: Checked, label: str | None = None) -> Version:
    return Version(label or checked.file, checked.plan, checked.findings)


def run_textconv(path: Path, out: TextIO) -> int:
    """Write the plan's outline for git's textconv (of what can be read, when it has
    file-level errors); any other file as it is."""
    from movekit.diff.textconv import textconv

    out.write(textconv(open_plan(path, lint=False)))
    return 0


def run_external(arguments: Sequence[str], today: dt.date, out: TextIO) -> int:
    """git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE."""
    if len(arguments) not in (1, 7):
        raise UsageError(
            "--git-external-diff is for git: it takes the 7 arguments git passes "
            f"(PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), not {len(arguments)}"
        )
    if len(arguments) == 1:  # git passes only the path for an unmerged file
        out.write(f"* Unmerged path {arguments[0]}\n")
        return 0
    name, old_file, new_file = arguments[0], arguments[1], arguments[4]
    old, new = _git_side(old_file, name), _git_side(new_file, name)
    settings = load_settings(Path(name), BY_CODE)
    before, after = _check(old, settings, today), _check(new, settings, today)
    if GIT_NULL in (old_file, new_file) or (before.plan is None and after.plan is None):
        # a new or deleted file, or not a plan: its lines, headed as git heads them
        return _plain_diff(before, after, _git_label("a", old), _git_label("b", new), out)
    from movekit.diff.report import write_text

    # findings name the file as it is in the repository; the heading says which side
    versions = _version(before, _git_label("a", old)), _version(after, _git_label("b", new))
    write_text(diff_plans(*versions), out)
    return 0


def _git_side(path: str, name: str) -> Source:
    """One side git passes: a temporary file, labelled with the plan's path in the repository."""
    if path == GIT_NULL:
        return Source(b"", GIT_NULL)
    return Source(read_source(Path(path)), name)


def _git_label(side: str, source: Source) -> str:
    """`a/plan.yaml` or `b/plan.yaml`, as git heads a diff; /dev/null for a missing side."""
    return source.label if source.label == GIT_NULL else f"{side}/{source.label}"


def _plain_diff(old: Checked, new: Checked, old_label: str, new_label: str, out: TextIO) -> int:
    """A unified diff, for files that are not plans (or broken on both sides)."""
    from movekit.printable import visible_lines
    from movekit.textdiff import unified_diff

    out.writelines(map(visible_lines, unified_diff(old.text, new.text, old_label, new_label)))
    return 0
