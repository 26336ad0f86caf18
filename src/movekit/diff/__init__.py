"""What changed between two versions of a plan, in campaign terms rather than lines.

Items are matched by id (stages and calls to action without one by their name or ask,
reviews by phase and date, results by measure and date); each change says what was
added, removed or changed, field by field ("target 600 -> 800"). Findings are matched
by code and message (line numbers in a message aside), so a finding that only moved to
another line has not changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from movekit.findings import Finding
from movekit.model import Plan, Section

SECTIONS = (
    "campaign",
    "outcomes",
    "measures",
    "audiences",
    "channels",
    "journeys",
    "stages",
    "ctas",
    "bridges",
    "community",
    "phases",
    "reviews",
    "results",
)
"""Every section a change can be in, in the order of the plan format."""


@dataclass(frozen=True)
class FieldChange:
    """One field of an item, before and after (JSON values: dates as YYYY-MM-DD)."""

    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    """An item added, removed or changed."""

    section: str
    kind: str
    """added, removed or changed"""
    key: str
    """What identifies the item within its section, such as `parents-journey/walk`."""
    label: str
    """The item in words: "stage 'walk' in journey 'parents-journey'"."""
    summary: str = ""
    """One line about the item itself (for added and removed items)."""
    fields: tuple[FieldChange, ...] = ()
    item: dict[str, Any] | None = None
    """The whole item as written in the plan (for added and removed items)."""


@dataclass(frozen=True)
class Version:
    """One side of the comparison."""

    label: str
    plan: Plan | None
    """None when the file has file-level errors."""
    findings: Sequence[Finding]


@dataclass(frozen=True)
class PlanDiff:
    """Everything that differs between two versions of a plan."""

    old: Version
    new: Version
    changes: list[Change] = field(default_factory=list)
    appeared: list[Finding] = field(default_factory=list)
    disappeared: list[Finding] = field(default_factory=list)

    @property
    def compared(self) -> bool:
        """False when either version has file-level errors: only findings are compared."""
        return self.old.plan is not None and self.new.plan is not None

    def counts(self) -> dict[str, int]:
        kinds = Counter(change.kind for change in self.changes)
        return {
            "added": kinds["added"],
            "removed": kinds["removed"],
            "changed": kinds["changed"],
            "findings_appeared": len(self.appeared),
            "findings_disappeared": len(self.disappeared),
        }


def diff_plans(old: Version, new: Version) -> PlanDiff:
    """Compare two versions of a plan: items by identity, findings by code and message."""
    changes: list[Change] = []
    if old.plan is not None and new.plan is not None:
        for section, entries in ENTRIES.items():
            changes.extend(_compare(section, entries(old.plan), entries(new.plan)))
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


@dataclass(frozen=True)
class Entry:
    """An item of one section, ready to be compared."""

    label: str
    summary: str
    fields: dict[str, Any]
    item: dict[str, Any]


class Order(tuple[str, ...]):
    """A field that is the order of an item's parts: only the parts in both versions count,
    so adding or removing one is not also reported as a change of order."""


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
            yield FieldChange(name, _json(before), _json(value))


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


def _entry(label: str, summary: str, model: Section, names: Iterable[str]) -> Entry:
    values = {name: _json(getattr(model, "from_" if name == "from" else name)) for name in names}
    item = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return Entry(label, summary, values, item)


def _unique(pairs: Iterable[tuple[str, Entry]]) -> dict[str, Entry]:
    """Keys made unique: a second item with the same key gets `#2`."""
    entries: dict[str, Entry] = {}
    for key, entry in pairs:
        unique, number = key, 1
        while unique in entries:
            number += 1
            unique = f"{key}#{number}"
        entries[unique] = entry
    return entries


def _campaign(plan: Plan) -> dict[str, Entry]:
    names = ("name", "goal", "summary", "owner", "starts", "ends")
    return {"campaign": _entry("the campaign", plan.campaign.name, plan.campaign, names)}


def _outcomes(plan: Plan) -> dict[str, Entry]:
    return _unique(
        (o.id, _entry(f"outcome '{o.id}'", f"{o.title} ({o.type})", o, ("title", "type")))
        for o in plan.outcomes
    )


def _measures(plan: Plan) -> dict[str, Entry]:
    names = ("metric", "unit", "baseline", "target", "due", "source")
    pairs = []
    for outcome in plan.outcomes:
        for m in outcome.measures:
            entry = _entry(f"measure '{m.id}' (outcome '{outcome.id}')", _measure(m), m, names)
            entry.fields["outcome"] = outcome.id
            pairs.append((m.id, entry))
    return _unique(pairs)


def _measure(measure: Any) -> str:
    target = f", target {measure.target}" if measure.target is not None else ""
    due = f" by {measure.due}" if measure.due is not None else ""
    return f"{measure.metric}{target}{due}"


def _audiences(plan: Plan) -> dict[str, Entry]:
    names = ("name", "size", "motivations", "barriers", "channels")
    return _unique((a.id, _entry(f"audience '{a.id}'", a.name, a, names)) for a in plan.audiences)


def _channels(plan: Plan) -> dict[str, Entry]:
    return _unique(
        (c.id, _entry(f"channel '{c.id}'", c.mode, c, ("mode", "owner")))
        for c in plan.channels or []
    )


def _journeys(plan: Plan) -> dict[str, Entry]:
    pairs = []
    for j in plan.journeys:
        entry = _entry(
            f"journey '{j.id}'", f"for audience '{j.audience}'", j, ("audience", "outcomes")
        )
        entry.fields["stage order"] = Order(_stage_keys(j))
        pairs.append((j.id, entry))
    return _unique(pairs)


def _stage_keys(journey: Any) -> Iterator[str]:
    for number, stage in enumerate(journey.stages, start=1):
        yield stage.id or stage.name or f"#{number}"


def _stages(plan: Plan) -> dict[str, Entry]:
    names = ("name", "level", "content", "channels")
    pairs = []
    for j in plan.journeys:
        for key, s in zip(_stage_keys(j), j.stages, strict=True):
            label = f"stage '{key}' in journey '{j.id}'"
            summary = f"{s.name} ({s.level})" if s.name else s.level
            pairs.append((f"{j.id}/{key}", _entry(label, summary, s, names)))
    return _unique(pairs)


def _ctas(plan: Plan) -> dict[str, Entry]:
    pairs = []
    for j in plan.journeys:
        for stage_key, stage in zip(_stage_keys(j), j.stages, strict=True):
            for cta in stage.ctas:
                name = cta.id or cta.ask
                label = f"call to action '{name}' in journey '{j.id}'"
                entry = _entry(label, f"{cta.ask} ({cta.mode})", cta, ("ask", "mode", "measure"))
                entry.fields["stage"] = stage_key
                pairs.append((f"{j.id}/{name}", entry))
    return _unique(pairs)


def _bridges(plan: Plan) -> dict[str, Entry]:
    pairs = []
    for b in plan.bridges:
        key = b.id or f"{b.journey}: {b.from_} -> {b.to}"
        summary = f"{b.journey}: {b.from_} -> {b.to}"
        pairs.append((key, _entry(f"bridge '{key}'", summary, b, ("journey", "from", "to", "how"))))
    return _unique(pairs)


def _community(plan: Plan) -> dict[str, Entry]:
    names = ("name", "kind", "audiences", "description", "tools")
    return _unique(
        (m.id, _entry(f"community mechanism '{m.id}'", f"{m.name} ({m.kind})", m, names))
        for m in plan.community
    )


def _phases(plan: Plan) -> dict[str, Entry]:
    names = ("name", "starts", "ends", "review")
    return _unique((p.id, _entry(f"phase '{p.id}'", p.name, p, names)) for p in plan.phases)


def _reviews(plan: Plan) -> dict[str, Entry]:
    return _unique(
        (
            f"{r.phase}@{r.date}",
            _entry(
                f"review of phase '{r.phase}' on {r.date}",
                r.learned or "",
                r,
                ("learned", "changes"),
            ),
        )
        for r in plan.reviews
    )


def _results(plan: Plan) -> dict[str, Entry]:
    return _unique(
        (
            f"{r.measure}@{r.date}",
            _entry(f"result for '{r.measure}' on {r.date}", str(r.value), r, ("value",)),
        )
        for r in plan.results
    )


ENTRIES: dict[str, Callable[[Plan], dict[str, Entry]]] = {
    "campaign": _campaign,
    "outcomes": _outcomes,
    "measures": _measures,
    "audiences": _audiences,
    "channels": _channels,
    "journeys": _journeys,
    "stages": _stages,
    "ctas": _ctas,
    "bridges": _bridges,
    "community": _community,
    "phases": _phases,
    "reviews": _reviews,
    "results": _results,
}
"""Section -> the items of a plan in that section, by key."""
