"""What a comparison of two versions of a plan finds: changes by item, findings by identity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from movekit.findings import Finding
from movekit.model import Plan


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
    """The item in words: "stage 2 'walk' in journey 'parents-journey'"."""
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
    """Section by section, in the order of the plan format."""
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
