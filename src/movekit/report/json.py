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
        "summary": count_by_severity(report.findings),
    }
    write_json(document, out)
