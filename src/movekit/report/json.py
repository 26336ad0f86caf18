"""The JSON report of plan-format.md: one object on stdout, nothing else."""

from __future__ import annotations

import json
from typing import TextIO

from movekit.findings import count_by_severity
from movekit.report import Report
from movekit.version import __version__


def write(report: Report, out: TextIO) -> None:
    document = {
        "movekit": __version__,
        "files": list(report.files),
        "findings": [finding.to_dict() for finding in report.findings],
        "summary": count_by_severity(report.findings),
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
