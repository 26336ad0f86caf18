"""GitLab's code quality report (Code Climate JSON): findings shown on merge requests.

GitLab compares the reports of the merge request and its target branch by `fingerprint`,
so a finding must keep it while lines and items move around it. It rests on the file, the
rule and the place in the plan by its ids (`journey 'volunteers'`, `stage 'sign-up'`),
never on line numbers or list positions: the numbers of the place (`stage 2`) and every
number in the message ("first used at line 14") are left out. Findings still alike after
that are told apart by their order in the file.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from movekit.findings import Finding, Severity
from movekit.report.base import Report, message_with_help, write_json
from movekit.report.locations import relative_posix
from movekit.where import SEPARATOR

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}

_PLACE_NUMBER = re.compile(r"^([^'(]*?[a-z]) \d+(?= '| \(|$)")
"""The position in `stage 2 'walk'`, `result 3 (measure 'x', …)`, `call to action 1`."""
_NUMBER = re.compile(r"\d+")


def write(report: Report, out: TextIO) -> None:
    write_json(issues(report, Path.cwd()), out)


def issues(report: Report, base: Path) -> list[dict[str, Any]]:
    """One code quality issue per finding, paths relative to `base` (the project folder)."""
    seen: Counter[str] = Counter()
    found = []
    for finding in report.findings:
        path = relative_posix(finding.file, base)
        key = "\0".join((path, finding.code, stable_place(finding.where), _words(finding)))
        seen[key] += 1  # findings alike in all of that still get distinct fingerprints
        found.append(_issue(finding, path, f"{key}\0{seen[key]}"))
    return found


def stable_place(where: str) -> str:
    """The place in words (where.py) without its list positions: `stage 'walk'`, not `stage 2`."""
    return SEPARATOR.join(_PLACE_NUMBER.sub(r"\1", step) for step in where.split(SEPARATOR))


def _words(finding: Finding) -> str:
    """The message without its numbers: lines, positions and counts change, the point not."""
    return _NUMBER.sub("#", finding.message)


def _issue(finding: Finding, path: str, key: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f"{finding.code} {finding.rule}",
        "description": message_with_help(finding),
        "severity": SEVERITIES[finding.severity],
        "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "location": {"path": path, "lines": {"begin": max(finding.line, 1)}},
    }
