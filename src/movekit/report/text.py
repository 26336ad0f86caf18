"""The human report, modelled on ruff's full format: code, message, place, source, help."""

from __future__ import annotations

import re
from typing import TextIO

from rich.text import Text

from movekit.console import console
from movekit.findings import Finding, Severity, count_by_severity
from movekit.report import Report

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
_TOKEN = re.compile(r"[^\s:,\[\]{}#]+")


def write(report: Report, out: TextIO) -> None:
    screen = console(out)
    lines_by_file = {name: text.splitlines() for name, text in report.sources.items()}
    for finding in report.findings:
        for line in _finding_lines(finding, lines_by_file.get(finding.file, [])):
            screen.print(line)
    screen.print(summary(report))


def _finding_lines(finding: Finding, source: list[str]) -> list[Text]:
    style = STYLES[finding.severity]
    lines = [
        Text.assemble(
            (finding.code, style),
            f" [{finding.severity.value}] ",
            (visible(finding.message), "bold"),
        ),
        Text.assemble(
            ("  --> ", "blue"), visible(f"{finding.file}:{finding.line}:{finding.column}")
        ),
    ]
    lines.extend(_excerpt(finding, source, style))
    if finding.hint:
        lines.append(Text.assemble(("help", "bold cyan"), f": {visible(finding.hint)}"))
    lines.append(Text(""))
    return lines


_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text safe for a terminal: control and bidi characters become U+FFFD, one for one, so a
    plan cannot send escape sequences to the terminal and columns stay aligned."""
    return _UNSAFE.sub("\ufffd", text.replace("\t", " "))


WINDOW = 100
"""Source lines longer than this are shown as a window around the column."""


def _window(line: str, column: int) -> tuple[str, int]:
    """The part of a long line around `column`, and the column within that part."""
    if len(line) <= WINDOW:
        return line, column
    start = max(0, min(column - 1 - WINDOW // 2, len(line) - WINDOW))
    shown = line[start : start + WINDOW]
    prefix = "…" if start else ""
    suffix = "…" if start + WINDOW < len(line) else ""
    return prefix + shown + suffix, column - start + len(prefix)


def _excerpt(finding: Finding, source: list[str], style: str) -> list[Text]:
    if not 1 <= finding.line <= len(source):
        return []
    above = finding.line > 1 and source[finding.line - 2].strip()
    first = finding.line - 1 if above else finding.line
    width = len(str(finding.line))
    gutter = " " * width + " |"
    lines = [Text(gutter, "blue")]
    for number in range(first, finding.line + 1):
        content, _ = _window(visible(source[number - 1]), finding.column)
        lines.append(Text.assemble((f"{number:>{width}} | ", "blue"), content))
    target, column = _window(visible(source[finding.line - 1]), finding.column)
    column = min(max(column, 1), len(target) + 1)
    match = _TOKEN.match(target, column - 1)
    length = max(1, len(match.group(0)) if match else 1)
    lines.append(Text.assemble((gutter + " " * column, "blue"), ("^" * length, style)))
    lines.append(Text(gutter, "blue"))
    return lines


def summary(report: Report) -> Text:
    """`Found 1 error, 2 warnings and 1 info in 2 files.` or `All checks passed ...`."""
    files = len(report.files)
    plural = "file" if files == 1 else "files"
    if not report.findings:
        return Text.assemble(("All checks passed!", "bold green"), f" ({files} {plural} checked)")
    counts = count_by_severity(report.findings)
    parts = [
        Text(f"{count} {name}{'' if count == 1 or name == 'info' else 's'}", STYLES[Severity(name)])
        for name, count in counts.items()
        if count
    ]
    text = Text("Found ")
    for index, part in enumerate(parts):
        if index:
            text.append(" and " if index == len(parts) - 1 else ", ")
        text.append(part)
    text.append(f" in {files} {plural}.")
    return text
