"""Say what is likely to motivate each audience."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, audience in enumerate(ctx.plan.audiences):
        if not audience.motivations:
            yield Problem(
                f"Audience '{audience.id}' lists no motivations",
                ("audiences", i),
                hint="Add a motivations: list saying what is likely to move these people to act",
            )


RULE = Rule(
    code="MK201",
    name="audience-no-motivation",
    severity=Severity.WARNING,
    summary="An audience lists no motivations.",
    what=(
        "Flags every audience whose `motivations` list is missing or empty. The finding "
        "points at the audience's first line."
    ),
    why=(
        "The strategy rests on two questions about people: 'who do you want to reach?' and "
        "'what is likely to motivate them?'. Naming an audience without its motivations "
        "leaves every message and call to action a guess: you cannot choose the content "
        "that will move them if you have not written down what they care about."
    ),
    example="""\
audiences:
  - id: parents
    name: Parents at the 20 target primary schools
""",
    fix="""\
Write down what is likely to motivate them, in their words:

audiences:
  - id: parents
    name: Parents at the 20 target primary schools
    motivations:
      - Their children's health and asthma
      - A safer walk to school
""",
    check=check,
)
