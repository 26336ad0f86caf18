"""The check pipeline: text -> YAML with positions -> Plan -> findings, for one file."""

from __future__ import annotations

import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from movekit.config import Settings
from movekit.findings import MAX_PER_CODE, Finding, Omitted, Problem, Problems, format_path
from movekit.model import Plan
from movekit.rules import BY_CODE, RULES
from movekit.rules.base import Context, Rule
from movekit.rules.file_level import UNUSED_SUPPRESSION
from movekit.source import Document, decode, locate, parse
from movekit.spans import end_column
from movekit.suppress import find_suppressions
from movekit.validate import validate
from movekit.where import describe
from movekit.yamltext import LINE_BREAK


@dataclass
class Checked:
    """The outcome of checking one file: its findings and, when valid, its plan."""

    file: str
    findings: list[Finding]
    plan: Plan | None
    text: str = ""
    """The file's text (undecodable bytes replaced), for showing source lines."""
    document: Document | None = None
    """The YAML read with positions (None when the bytes could not be decoded)."""
    omitted: list[Omitted] = field(default_factory=list)
    """Findings beyond the first MAX_PER_CODE of a code, counted instead of listed."""


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a plan is many small acyclic objects, and
    collections triggered while building them cost more than parsing (measured: ~2x)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_bytes(raw: bytes, file: str, *, today: dt.date, settings: Settings) -> Checked:
    """Check a plan given as bytes (decoding problems become MK001)."""
    text, problem = decode(raw)
    if problem is not None:
        shown = raw.decode("utf-8-sig", errors="replace")
        finding = _Stamp(Document(text=""), file, settings)(problem, BY_CODE[problem.code])
        return Checked(file, [finding], None, shown)
    with _without_cyclic_gc():
        return check_document(parse(text), file, today=today, settings=settings)


def check_text(
    text: str, file: str = "plan.yaml", *, today: dt.date, settings: Settings
) -> list[Finding]:
    """Findings for a plan given as text."""
    with _without_cyclic_gc():
        return check_document(parse(text), file, today=today, settings=settings).findings


def check_document(document: Document, file: str, *, today: dt.date, settings: Settings) -> Checked:
    """Findings for a parsed plan: file-level problems first; rules only on a valid plan.

    At most MAX_PER_CODE findings of each code are kept, the rest counted: file-level
    problems are capped before they are placed (the reader caps them as it finds them, so
    a million duplicate keys never sit in memory); findings of the rules after suppression
    comments have silenced theirs, so a silenced finding never hides one that is not.
    """
    problems = Problems(document.problems)
    if isinstance(document.problems, Problems):
        problems.omitted.update(document.problems.omitted)
    stamp = _Stamp(document, file, settings)
    plan = None
    if not document.fatal:
        notes = "x-" in document.text  # else no key can be a note
        plan, schema_problems = validate(document.data, document.root, notes=notes)
        problems.extend(schema_problems)
    if problems:
        findings = [stamp(problem, BY_CODE[problem.code]) for problem in problems]
        findings.sort(key=lambda finding: finding.sort_key)
        omitted = [stamp.omitted(code, count) for code, count in problems.omitted.items()]
        return Checked(file, findings, None, document.text, document, omitted)
    assert plan is not None  # validate() explains every plan it cannot build
    listed: list[Finding] = []
    seen: Counter[str] = Counter()
    for _, _, code, _, problem in sorted(_lint(plan, stamp, today)):
        seen[code] += 1
        if seen[code] <= MAX_PER_CODE:  # only listed findings are made in full
            listed.append(stamp(problem, BY_CODE[code]))
    omitted = [
        stamp.omitted(code, count - MAX_PER_CODE)
        for code, count in seen.items()
        if count > MAX_PER_CODE
    ]
    return Checked(file, listed, plan, document.text, document, omitted)


_Placed = tuple[int, int, str, int, Problem]
"""A rule's problem as (line, column, code, order, problem), before it is made a finding:
sorted, so ties keep the order the rules found them in, and capped at MAX_PER_CODE of each
code (a plain tuple: a plan can have tens of thousands)."""


def _lint(plan: Plan, stamp: _Stamp, today: dt.date) -> list[_Placed]:
    context = Context(plan, today)
    placed: list[_Placed] = []
    for rule in RULES:
        if rule.check is not None and stamp.settings.enabled(rule.code):
            for problem in rule.check(context):
                line, column = stamp.place(problem)
                placed.append((line, column, rule.code, len(placed), problem))
    return _apply_suppressions(placed, stamp)


def _apply_suppressions(findings: list[_Placed], stamp: _Stamp) -> list[_Placed]:
    suppressions = find_suppressions(stamp.document.text, stamp.document.text_spans)
    if not suppressions:
        return findings
    by_line: dict[int, list[int]] = {}
    for index, suppression in enumerate(suppressions):
        by_line.setdefault(suppression.target_line, []).append(index)
    kept = []
    for finding in findings:
        line, _, code, _, _ = finding
        silenced = False
        for index in by_line.get(line, ()):
            # no short-circuit: every comment that matches is marked used
            silenced = suppressions[index].silences(code, line) or silenced
        if not silenced:
            kept.append(finding)
    if stamp.settings.enabled(UNUSED_SUPPRESSION.code):
        for suppression in suppressions:
            for code in suppression.unused:
                message = f"Unused suppression: no {code} finding on line {suppression.target_line}"
                problem = Problem(
                    message,
                    hint="Remove the comment (or this code from it)",
                    line=suppression.line,
                    column=suppression.column,
                )
                place = (suppression.line, suppression.column)
                kept.append((*place, UNUSED_SUPPRESSION.code, len(kept), problem))
    return kept


class _Stamp:
    """Turns one document's problems into findings: the rule's code, name and severity,
    and where each is (line, column, the end of its value, the place in words)."""

    def __init__(self, document: Document, file: str, settings: Settings) -> None:
        self.document, self.file, self.settings = document, file, settings
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        """The document's lines, split once and only when a value's end is wanted."""
        if self._lines is None:
            self._lines = LINE_BREAK.split(self.document.text)
        return self._lines

    def omitted(self, code: str, count: int) -> Omitted:
        """`count` findings of `code` left out of this file's list."""
        severity = self.settings.severity_of(code, BY_CODE[code].severity)
        return Omitted(self.file, code, severity, count)

    def place(self, problem: Problem) -> tuple[int, int]:
        """The line and column a problem points at."""
        if problem.line is not None:
            return problem.line, problem.column or 1
        pos, _ = locate(self.document.root, problem.path, at_value=problem.at_value)
        return pos.line, pos.column

    def __call__(self, problem: Problem, rule: Rule) -> Finding:
        document = self.document
        if problem.line is not None:
            line, column, end = problem.line, problem.column or 1, problem.end_column
            place = problem.path
        else:
            pos, place = locate(document.root, problem.path, at_value=problem.at_value)
            line, column = pos.line, pos.column
            end = end_column(self.lines, document.root, problem.path, pos)
        return Finding(
            code=rule.code,
            rule=rule.name,
            severity=self.settings.severity_of(rule.code, rule.severity),
            message=problem.message,
            file=self.file,
            line=line,
            column=column,
            path=format_path(problem.path),
            hint=problem.hint,
            # the place in words is where the caret is: what is missing is not in the text
            where=describe(document.data, place),
            end_column=end if end is not None and end > column else None,
        )
