"""What changed between two versions of a plan, in campaign terms rather than lines.

Items are matched by id (stages and calls to action without one by their name or ask,
reviews by phase and date, results by measure and date); each change says what was
added, removed or changed, field by field ("target 600 -> 800"). Findings are matched
by code and message (line numbers in a message aside), so a finding that only moved to
another line has not changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from movekit.diff.changes import Change, FieldChange, PlanDiff, Version
from movekit.diff.entries import Entry, Order, plan_entries
from movekit.findings import Finding


def diff_plans(old: Version, new: Version) -> PlanDiff:
    """Compare two versions of a plan: items by identity, findings by code and message."""
    changes: list[Change] = []
    if old.plan is not None and new.plan is not None:
        before, after = plan_entries(old.plan), plan_entries(new.plan)
        for section in dict.fromkeys([*after, *before]):
            changes.extend(_compare(section, before.get(section, {}), after.get(section, {})))
    appeared, disappeared = _findings(old.findings, new.findings)
    return PlanDiff(old, new, changes, appeared, disappeared)


def _findings(
    old: Sequence[Finding], new: Sequence[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Findings only in `new`, and only in `old` (as many times as they differ)."""
    surplus_new = Counter(_identity(finding) for finding in new)
    surplus_new.subtract(_identity(finding) for finding in old)
    surplus_old = Counter({key: -count for key, count in surplus_new.items() if count < 0})
    return _take(new, surplus_new), _take(old, surplus_old)


_LINE = re.compile(r"\bline \d+")


def _identity(finding: Finding) -> tuple[str, str]:
    # some messages name a line ("no MK203 finding on line 22"), and lines move
    return finding.code, _LINE.sub("line N", finding.message)


def _take(findings: Sequence[Finding], wanted: Counter[tuple[str, str]]) -> list[Finding]:
    taken = []
    for finding in findings:
        if wanted[_identity(finding)] > 0:
            wanted[_identity(finding)] -= 1
            taken.append(finding)
    return taken


def _compare(section: str, old: dict[str, Entry], new: dict[str, Entry]) -> Iterator[Change]:
    for key, entry in new.items():
        before = old.get(key)
        if before is None:
            yield Change(section, "added", key, entry.label, entry.summary, item=entry.item)
            continue
        fields = tuple(_changed_fields(before.fields, entry.fields))
        if fields:
            yield Change(section, "changed", key, entry.label, fields=fields)
    for key, entry in old.items():
        if key not in new:
            yield Change(section, "removed", key, entry.label, entry.summary, item=entry.item)


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> Iterator[FieldChange]:
    for name, value in new.items():
        before = old.get(name)
        if isinstance(value, Order) and isinstance(before, Order):
            before, value = (
                Order(k for k in before if k in value),
                Order(k for k in value if k in before),
            )
        if before != value:
            yield FieldChange(name, _plain(before), _plain(value))


def _plain(value: Any) -> Any:
    """An order as the JSON list it is written as."""
    return list(value) if isinstance(value, Order) else value
