"""GitHub Actions workflow commands: one `::error file=...::message` line per finding.

The runner turns each line into an annotation on the pull request's diff. Values are
escaped as GitHub's own toolkit (@actions/core) does, so no plan text or file name can
end the command early or start another one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from movekit.findings import Finding, Severity
from movekit.printable import visible
from movekit.report.base import Report, message_with_help
from movekit.report.lines import plain
from movekit.report.locations import relative_posix
from movekit.report.text import summary

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write(report: Report, out: TextIO) -> None:
    base = Path.cwd()
    for finding in report.findings:
        out.write(annotation(finding, base) + "\n")
    # Plain text, not commands: the log shows how many findings were left out (beyond
    # MAX_PER_CODE of a code in a file) and the outcome, even when nothing was found.
    for left_out in report.omitted:
        out.write(escape_data(left_out.message) + "\n")
    out.write(plain(summary(report)) + "\n")


def annotation(finding: Finding, base: Path) -> str:
    """`::error file=plan.yaml,line=28,col=9,title=MK301 stage-no-cta::message`."""
    properties = {
        "file": relative_posix(finding.file, base),
        "line": str(finding.line),
        "col": str(finding.column),
        "title": f"{finding.code} {finding.rule}",
    }
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    message = escape_data(message_with_help(finding))
    return f"::{COMMANDS[finding.severity]} {listed}::{message}"


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF percent-encoded, other control and bidi
    characters made U+FFFD (as on a terminal: `-o` writes past the terminal guard)."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def escape_property(text: str) -> str:
    """A command's property value: as a message, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
