"""Findings: what `check` reports, with severities, positions and ordering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

Path = tuple[str | int, ...]

MAX_PER_CODE = 100
"""Findings of one code kept per file; the rest are only counted ("and 99,900 more MK006
findings in plan.yaml"). A file with a million duplicate keys is then reported in a
hundred findings, in bounded time and memory, instead of hundreds of megabytes."""


class Severity(StrEnum):
    """How serious a finding is; the order is error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def format_path(path: Path) -> str:
    """Render a path as `journeys[0].stages[1]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem before it has a file, a rule and a severity: what rules and readers yield.

    `path` names the offending key or item from the document root; when `line` is
    given (syntax errors, duplicate keys) it is used instead of looking the path up,
    with `end_column` (just after the offending text on that line) when it is known.
    Rules leave `code` empty: the engine stamps the code of the rule that yielded the
    problem. The reader and validator, which report several file-level codes, set it.
    """

    message: str
    path: Path = ()
    hint: str = ""
    line: int | None = None
    column: int | None = None
    at_value: bool = False
    code: str = ""
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, at a 1-based line and column.

    `where` (the place in words) and `end_column` (just after the offending value, on the
    same line) are for people's reports; `to_dict`, the JSON contract, leaves them out.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    path: str = ""
    hint: str = ""
    where: str = ""
    end_column: int | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Omitted:
    """Findings of one code in one file beyond the first MAX_PER_CODE: counted, not kept."""

    file: str
    code: str
    severity: Severity
    count: int

    @property
    def message(self) -> str:
        """`and 99,900 more MK006 findings in plan.yaml (...)`, for people's reports."""
        kind = "finding" if self.count == 1 else "findings"
        return (
            f"and {self.count:,} more {self.code} {kind} in {self.file} "
            f"(only the first {MAX_PER_CODE} of each kind are listed)"
        )


class Problems(list[Problem]):
    """A list of problems that keeps the first MAX_PER_CODE of each code and counts the rest
    in `omitted`, so reading a file with a million duplicate keys keeps a hundred of them."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        super().__init__()
        self.kept: Counter[str] = Counter()
        self.omitted: Counter[str] = Counter()
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        if self.kept[problem.code] >= MAX_PER_CODE:
            self.omitted[problem.code] += 1
            return
        self.kept[problem.code] += 1
        super().append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)


def count_by_severity(
    findings: Iterable[Finding], omitted: Iterable[Omitted] = ()
) -> dict[str, int]:
    """Counts keyed `error`, `warning`, `info`, always all three; findings left out of the
    list (`omitted`) count too, so the totals are the plan's real ones."""
    counts = Counter(finding.severity for finding in findings)
    for left_out in omitted:
        counts[left_out.severity] += left_out.count
    return {severity.value: counts.get(severity, 0) for severity in Severity}
