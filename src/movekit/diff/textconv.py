"""What git's textconv shows for one version of a file: its outline, even when it is broken.

git converts the two versions one at a time (and may cache each), so the text of one
cannot depend on the other. A version with file-level errors therefore still becomes an
outline, of everything that can be read (lenient.py), under a note of its errors; with
a YAML syntax error, of the lines before it, followed by the rest as written. Against
the valid version, git then shows the change itself, not the whole file rewritten.
A file that is not a plan is passed through as it is.
"""

from __future__ import annotations

from typing import Any

from movekit.diff.lenient import lenient_plan
from movekit.diff.outline import outline
from movekit.engine import Checked
from movekit.findings import Finding
from movekit.labels import one_line
from movekit.model import Plan
from movekit.modelfields import fields_of
from movekit.source import parse

NOTE = "! movekit cannot read all of this version; it shows what it can:"
"""The first line for a plan with file-level errors (the same on both sides of a diff)."""

REST = "! from line {line} on, as written:"

PLAN_KEYS = frozenset(fields_of(Plan))
"""A mapping with one of these keys is a plan, however broken (even without `movekit:`)."""


def textconv(checked: Checked) -> str:
    """The text git compares for this version of the file."""
    if checked.plan is not None:
        return outline(checked.plan)
    data, line = _readable(checked)
    if not (isinstance(data, dict) and PLAN_KEYS.intersection(map(str, data))):
        return checked.text  # not a plan, or nothing of it can be read
    notes = [NOTE, *(_note(finding) for finding in checked.findings)]
    text = "\n".join(notes) + "\n" + outline(lenient_plan(data))
    if line is None:
        return text
    rest = checked.text.splitlines(keepends=True)[line - 1 :]
    return text + REST.format(line=line) + "\n" + "".join(rest)


def _note(finding: Finding) -> str:
    return f"!   line {finding.line}: {one_line(finding.message)} ({finding.code})"


def _readable(checked: Checked) -> tuple[Any, int | None]:
    """The data that can be read, and the line where reading stopped (None: the end)."""
    document = checked.document
    if document is None:
        return None, None
    if not document.fatal:
        return document.data, None
    line = min(f.line for f in checked.findings if f.code == "MK001")
    before = "".join(document.text.splitlines(keepends=True)[: line - 1])
    prefix = parse(before)
    return (None, None) if prefix.fatal else (prefix.data, line)
