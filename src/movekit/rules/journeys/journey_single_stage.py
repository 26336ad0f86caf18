"""A journey needs at least two stages to be a path."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, journey in enumerate(ctx.plan.journeys):
        count = len(journey.stages)
        if count < 2:
            has = "only one stage" if count == 1 else "no stages"
            yield Problem(
                f"Journey '{journey.id}' has {has}",
                ("journeys", i),
                hint="Add stages from the first message to the final goal, at least two",
            )


RULE = Rule(
    code="MK308",
    name="journey-single-stage",
    severity=Severity.WARNING,
    summary="A journey has fewer than two stages: no path from first message to final goal.",
    what=(
        "Flags every journey with fewer than two stages, including one with an empty "
        "list (`stages: []`). The finding points at the journey's first line."
    ),
    why=(
        "The method asks you to 'decide what are the different stages of this journey, "
        "from the first message to reaching your final goal'. A single stage is a moment: "
        "one message and one ask, with nowhere to take the people who respond."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: walk
        level: action
""",
    fix="""\
Plan the steps that lead up to the final ask, starting from the first message:

    stages:
      - id: notice
        level: awareness
      - id: walk
        level: action
""",
    check=check,
)
