"""Targets are declared but nobody among them can grant the outcome."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def _secondaries(count: int) -> str:
    if count == 1:
        return "The only target is secondary"
    return "Both targets are secondary" if count == 2 else f"All {count} targets are secondary"


def check(ctx: Context) -> Iterator[Problem]:
    targets = ctx.plan.targets
    if targets and not ctx.primary_targets:
        yield Problem(
            f"{_secondaries(len(targets))}: no target is the person who can grant the outcome",
            ("targets",),
            hint="Add the person who decides with role: primary, "
            "or set role: primary on the target who does",
        )


RULE = Rule(
    code="MK802",
    name="no-primary-target",
    severity=Severity.INFO,
    summary="Targets are declared but none has `role: primary`.",
    what=(
        "Flags the plan once when its `targets` section lists at least one target and "
        "none of them has `role: primary`. A plan with no `targets` section (or an empty "
        "one) is not flagged here: MK801 asks for decision-makers where a policy outcome "
        "needs them. The finding points at the `targets:` key."
    ),
    why=(
        "The campaign strategy chart separates the primary target, the person who can give "
        "you what you want, from secondary targets, the people who have power over the "
        "primary and whom you can move more easily. Secondary targets are a route, not a "
        "destination: a plan that lists only them has not yet said whose decision it is "
        "working towards, so it cannot tell whether its pressure reaches the person who "
        "decides."
    ),
    example="""\
targets:
  - id: cabinet-member
    name: Cllr Sam Okafor, Cabinet Member for Highways
    role: secondary
""",
    fix="""\
Add the person who can grant the outcome as a primary target (or set `role: primary` on the
target who decides):

targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
    position: undecided
  - id: cabinet-member
    name: Cllr Sam Okafor, Cabinet Member for Highways
    role: secondary
""",
    check=check,
)
