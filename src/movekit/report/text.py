"""The human report, modelled on ruff's full format: code, message, place, source, help."""

from __future__ import annotations

import re
from typing import TextIO

from movekit.findings import Finding, Severity, count_by_severity
from movekit.report.base import HELP, Report
from movekit.report.lines import STYLES, Line, Segment, visible, write_lines

_TOKEN = re.compile(r"[^\s:,\[\]{}#]+")
_GUTTER = "blue"


def write(report: Report, out: TextIO) -> None:
    sources = {name: Source(text) for name, text in report.sources.items()}
    lines: list[Line] = []
    for finding in report.findings:
        lines.extend(_finding_lines(finding, sources.get(finding.file, NO_SOURCE)))
    lines.extend(omitted_lines(report))
    lines.append(summary(report))
    write_lines(lines, out)


class Source:
    """A file's lines as the report shows them, each made visible once however many
    findings point at it: a line with 16,000 findings is scanned once, not 16,000 times."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._shown: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def shown(self, number: int) -> str:
        """Line `number` (1-based) with control characters made visible."""
        if number not in self._shown:
            self._shown[number] = visible(self.lines[number - 1])
        return self._shown[number]


NO_SOURCE = Source("")


def omitted_lines(report: Report) -> list[Line]:
    """`and 99,900 more MK006 findings in plan.yaml (...)`: one line for each code and file
    whose findings were capped, then a blank line."""
    if not report.omitted:
        return []
    lines: list[Line] = [
        [(visible(left_out.message), STYLES[left_out.severity])] for left_out in report.omitted
    ]
    return [*lines, []]


def _finding_lines(finding: Finding, source: Source) -> list[Line]:
    style = STYLES[finding.severity]
    place = visible(f"{finding.file}:{finding.line}:{finding.column}")
    lines: list[Line] = [
        [
            (finding.code, style),
            (f" [{finding.severity.value}] ", ""),
            (visible(finding.message), "bold"),
        ],
        [("  --> ", _GUTTER), (place, "")],
    ]
    if finding.where:
        lines.append([("  in ", _GUTTER), (visible(finding.where), "")])
    lines.extend(_excerpt(finding, source, style))
    if finding.hint:
        lines.append([(HELP, "bold cyan"), (f": {visible(finding.hint)}", "")])
    lines.append([])
    return lines


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


def _excerpt(finding: Finding, source: Source, style: str) -> list[Line]:
    if not 1 <= finding.line <= len(source):
        return []
    above = finding.line > 1 and source.shown(finding.line - 1).strip()
    first = finding.line - 1 if above else finding.line
    width = len(str(finding.line))
    gutter = " " * width + " |"
    lines: list[Line] = [[(gutter, _GUTTER)]]
    for number in range(first, finding.line + 1):
        content, _ = _window(source.shown(number), finding.column)
        lines.append([(f"{number:>{width}} | ", _GUTTER), (content, "")])
    column, length = _underline(finding, source.shown(finding.line))
    lines.append([(gutter + " " * column, _GUTTER), ("^" * length, style)])
    lines.append([(gutter, _GUTTER)])
    return lines


def _underline(finding: Finding, line: str) -> tuple[int, int]:
    """Where the carets start in the shown line, and how many: the whole value when the
    finding knows where it ends, else the word at the column."""
    target, column = _window(line, finding.column)
    column = min(max(column, 1), len(target) + 1)
    if finding.end_column is not None:
        # cut where a long line is cut (a value running past the window underlines its "…")
        return column, max(1, min(finding.end_column - finding.column, len(target) - column + 1))
    match = _TOKEN.match(target, column - 1)
    return column, max(1, len(match.group(0)) if match else 1)


def summary(report: Report) -> Line:
    """`Found 1 error, 2 warnings and 1 info in 2 files.` or `All checks passed ...`."""
    files = len(report.files)
    plural = "file" if files == 1 else "files"
    if not report.findings:
        return [("All checks passed!", "bold green"), (f" ({files} {plural} checked)", "")]
    counts = count_by_severity(report.findings, report.omitted)
    parts: list[Segment] = [
        (f"{count:,} {name}{'' if count == 1 or name == 'info' else 's'}", STYLES[Severity(name)])
        for name, count in counts.items()
        if count
    ]
    line: list[Segment] = [("Found ", "")]
    for index, part in enumerate(parts):
        if index:
            line.append((" and " if index == len(parts) - 1 else ", ", ""))
        line.append(part)
    line.append((f" in {files} {plural}.", ""))
    return line
