"""A journey should say which outcomes it drives."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, journey in enumerate(ctx.plan.journeys):
        if not journey.outcomes:
            yield Problem(
                f"Journey '{journey.id}' lists no outcomes",
                ("journeys", i),
                hint="Add an outcomes: list naming the outcome ids this journey drives",
            )


RULE = Rule(
    code="MK306",
    name="journey-no-outcome",
    severity=Severity.WARNING,
    summary="A journey lists no outcomes: it leads nowhere in particular.",
    what=(
        "Flags every journey whose `outcomes` list is missing or empty. The finding "
        "points at the journey's first line."
    ),
    why=(
        "The method starts with an outcome-based strategy: 'what are your desired "
        "outcomes?' A journey exists to lead its audience 'to the final goal'. If it names "
        "no outcome, nobody can tell which change it is meant to bring about, or whether "
        "it is working."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
""",
    fix="""\
Name the outcomes (by their ids) that this journey moves people towards:

journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - id: notice
        level: awareness
""",
    check=check,
)
