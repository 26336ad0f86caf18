"""A secondary target whose stance the plan does not know."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule, TargetRef
from movekit.rules.unassessed import unassessed

_HINT = (
    "Find out which way they lean and set position: supports, undecided or opposes "
    "(for example position: undecided)"
)


def _secondary_targets(ctx: Context) -> Iterator[TargetRef]:
    for i, target in enumerate(ctx.plan.targets):
        if target.role == "secondary":
            yield TargetRef(("targets", i), target)


def check(ctx: Context) -> Iterator[Problem]:
    return unassessed(_secondary_targets(ctx), "Secondary", _HINT)


RULE = Rule(
    code="MK813",
    name="secondary-position-unknown",
    severity=Severity.INFO,
    summary="A secondary target's position is missing or unknown.",
    what=(
        "Flags every target with `role: secondary` whose `position` is missing or is "
        "`unknown`. Any of `supports`, `undecided` or `opposes` passes. Primary targets "
        "are MK804's to check. The finding points at the `position:` key when it says "
        "`unknown`, and at the target's first line when there is none."
    ),
    why=(
        "A secondary target is the way to a primary one: the officer whose report the "
        "cabinet member reads, the adviser the minister listens to. A way whose direction "
        "you never assessed can lead the wrong way: an officer who opposes the policy will "
        "brief against it, however many parents write to the leader. Knowing where they "
        "stand tells you whether to work through them, win them over first, or go around "
        "them."
    ),
    example="""\
targets:
  - id: highways-officer
    name: Priya Shah, Head of Highways
    role: secondary
    position: unknown
""",
    fix="""\
Find out which way the target leans (a meeting, their past reports, what colleagues say)
and record it:

targets:
  - id: highways-officer
    name: Priya Shah, Head of Highways
    role: secondary
    position: undecided
""",
    check=check,
)
