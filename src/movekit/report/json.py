"""The JSON report of plan-format.md: one object on stdout, nothing else."""

from __future__ import annotations

from typing import TextIO

from movekit.findings import count_by_severity
from movekit.report.base import Report, write_json
from movekit.version import __version__


def write(report: Report, out: TextIO) -> None:
    document = {
        "movekit": __version__,
        "files": list(report.files),
        "findings": [finding.to_dict() for finding in report.findings],
        # the real totals: findings beyond MAX_PER_CODE of a code are counted, not listed
        "summary": count_by_severity(report.findings, report.omitted),
    }
    write_json(document, out)
