"""One finding per line, `file:line:col: CODE [severity] message`, then the summary line.

Like ruff's concise format: easy to grep, and editors and CI problem matchers can jump
to each place. The last line is the same summary the text format ends with.
"""

from __future__ import annotations

from typing import TextIO

from movekit.findings import Finding
from movekit.report.base import Report
from movekit.report.lines import STYLES, Line, visible, write_lines
from movekit.report.text import summary


def write(report: Report, out: TextIO) -> None:
    capped = [[(visible(left_out.message), "")] for left_out in report.omitted]
    write_lines([*(line(finding) for finding in report.findings), *capped, summary(report)], out)


def line(finding: Finding) -> Line:
    """`plan.yaml:28:9: MK301 [error] Stage 'walk' ... has no call to action`."""
    return [
        (visible(f"{finding.file}:{finding.line}:{finding.column}: "), ""),
        (finding.code, STYLES[finding.severity]),
        (f" [{finding.severity.value}] ", ""),
        (visible(finding.message), ""),
    ]
