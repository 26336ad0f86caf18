"""Every outcome and every community mechanism needs someone accountable for it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def _missing(owner: str | None) -> bool:
    return not (owner or "").strip()


def check(ctx: Context) -> Iterator[Problem]:
    for i, outcome in enumerate(ctx.plan.outcomes):
        if _missing(outcome.owner):
            yield Problem(
                f"Outcome '{outcome.id}' has no owner",
                ("outcomes", i),
                hint="Add owner: naming the person or team accountable for this outcome",
            )
    for i, mechanism in enumerate(ctx.plan.community):
        if _missing(mechanism.owner):
            yield Problem(
                f"Community mechanism '{mechanism.id}' has no owner",
                ("community", i),
                hint="Add owner: naming the person or team who supports the people running it",
            )


RULE = Rule(
    code="MK810",
    name="no-owner",
    severity=Severity.INFO,
    summary="An outcome or a community mechanism has no owner.",
    what=(
        "Flags every outcome in `outcomes` and every mechanism in `community` whose "
        "`owner` is missing or blank, one finding per item. Only outcomes and community "
        "mechanisms are checked: `owner` on measures, journeys, calls to action, phases, "
        "targets and risks is welcome but optional, and never reported (channels have "
        "MK701). The finding points at the item's first line."
    ),
    why=(
        "A plan is run by a team, and a part of it that belongs to everyone belongs to "
        "no one. An outcome with an owner has someone who watches its measures and "
        "speaks up when it falls behind; a community mechanism with an owner has someone "
        "the volunteers who run it can call when they need a kit, a room or an answer. "
        "Naming them is what makes the plan something a team can act on."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
""",
    fix="""\
Name the person or team accountable (a role works as well as a name):

outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    owner: Policy lead
""",
    check=check,
)
