"""Every outcome should be driven by at least one journey."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    reached = {outcome for journey in ctx.plan.journeys for outcome in journey.outcomes}
    for i, outcome in enumerate(ctx.plan.outcomes):
        if outcome.id not in reached:
            yield Problem(
                f"Outcome '{outcome.id}' is not driven by any journey",
                ("outcomes", i),
                hint=f"Add '{outcome.id}' to the outcomes: list of the journey "
                "that works towards it",
            )


RULE = Rule(
    code="MK105",
    name="outcome-unreached",
    severity=Severity.WARNING,
    summary="No journey lists the outcome in its outcomes.",
    what=(
        "Flags every outcome whose id appears in no journey's `outcomes` list. This "
        "includes plans with no journeys at all. The finding points at the outcome's first "
        "line."
    ),
    why=(
        "The journeys are how people are led 'to the final goal': each one should drive at "
        "least one of your desired outcomes. An outcome no journey works towards is a wish, "
        "not a plan: no audience is being asked to do anything that would bring it about."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness}
""",
    fix="""\
Name the outcome in the journey (or journeys) that works towards it:

journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - {id: notice, level: awareness}
""",
    check=check,
)
