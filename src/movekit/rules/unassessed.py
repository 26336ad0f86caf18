"""Targets whose position the plan does not know: missing (never assessed) or `unknown`.
MK804 asks it of primary targets, MK813 of secondary ones, in the same words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from movekit.findings import Problem
from movekit.rules.base import TargetRef


def unassessed(refs: Iterable[TargetRef], role: str, hint: str) -> Iterator[Problem]:
    """A problem for each target without a known position: at the target when the plan
    gives none, at `position` when it says `unknown`. `role` is `Primary` or `Secondary`."""
    for ref in refs:
        if ref.target.position is None:
            yield Problem(f"{role} target {ref.label} has no position", ref.path, hint=hint)
        elif ref.target.position == "unknown":
            where = (*ref.path, "position")
            yield Problem(f"{role} target {ref.label} has position unknown", where, hint=hint)
