"""GitLab's code quality report (Code Climate JSON): findings shown on merge requests.

GitLab compares the reports of the merge request and its target branch by `fingerprint`,
so it must not change when unrelated lines move: it is built from the file, the rule, the
place in the plan (`journeys[0].stages[1]`) and the message, never the line number.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from movekit.findings import Finding, Severity
from movekit.report.base import Report, message_with_help, write_json
from movekit.report.locations import relative_posix

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def write(report: Report, out: TextIO) -> None:
    write_json(issues(report, Path.cwd()), out)


def issues(report: Report, base: Path) -> list[dict[str, Any]]:
    """One code quality issue per finding, paths relative to `base` (the project folder)."""
    seen: Counter[str] = Counter()
    found = []
    for finding in report.findings:
        path = relative_posix(finding.file, base)
        key = "\0".join((path, finding.code, finding.path, finding.message))
        seen[key] += 1  # identical findings at one place still get distinct fingerprints
        found.append(_issue(finding, path, f"{key}\0{seen[key]}"))
    return found


def _issue(finding: Finding, path: str, key: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": f"{finding.code} {finding.rule}",
        "description": message_with_help(finding),
        "severity": SEVERITIES[finding.severity],
        "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "location": {"path": path, "lines": {"begin": max(finding.line, 1)}},
    }
