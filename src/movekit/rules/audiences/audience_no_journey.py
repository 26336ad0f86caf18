"""Every target audience needs a journey of its own."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, audience in enumerate(ctx.plan.audiences):
        if audience.id not in ctx.journeys_by_audience:
            yield Problem(
                f"Audience '{audience.id}' has no journey",
                ("audiences", i),
                hint=f"Add a journey with audience: {audience.id}, "
                "from first message to final goal",
            )


RULE = Rule(
    code="MK202",
    name="audience-no-journey",
    severity=Severity.ERROR,
    summary="No journey exists for an audience.",
    what=(
        "Flags every audience whose id is not the `audience` of any journey. This includes "
        "plans with no journeys at all. The finding points at the audience's first line."
    ),
    why=(
        "The method says: 'You need to create a journey for each one of your target "
        "audiences. This will help you to keep them engaged and involved, leading them to "
        "the final goal.' An audience without a journey is reached by nothing you plan: no "
        "stages, no calls to action, no way from a first message to action."
    ),
    example="""\
audiences:
  - id: parents
    name: Parents at the 20 target primary schools
  - id: councillors
    name: Stockport councillors
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness}
""",
    fix="""\
Add a journey for the audience (or remove the audience if you no longer target it):

journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness}
  - id: councillors-journey
    audience: councillors
    stages:
      - id: briefed
        level: engagement
        ctas:
          - ask: Meet parents from your ward at the school gate
            mode: offline
""",
    check=check,
)
