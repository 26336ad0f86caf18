"""A journey must reach action or ownership."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule

_MOVEMENT_LEVELS = frozenset({"action", "ownership"})


def check(ctx: Context) -> Iterator[Problem]:
    for i, journey in enumerate(ctx.plan.journeys):
        if not any(stage.level in _MOVEMENT_LEVELS for stage in journey.stages):
            yield Problem(
                f"Journey '{journey.id}' never reaches action or ownership",
                ("journeys", i),
                hint="Add a later stage with level: action or ownership and an ask to match",
            )


RULE = Rule(
    code="MK303",
    name="journey-stops-at-moment",
    severity=Severity.ERROR,
    summary="No stage of a journey reaches action or ownership.",
    what=(
        "Flags every journey in which no stage has `level: action` or `level: ownership`. "
        "A journey with no stages at all (`stages: []`) is flagged too, since it reaches "
        "nothing. The finding points at the journey's first line."
    ),
    why=(
        "Moments 'gather the attention of the target audience and lead to Facebook likes "
        "and retweets - and that is great to raise awareness! But if you want to change a "
        "behaviour, or raise support and really engage with people, you need to convert "
        "awareness into action.' A journey that stops at awareness or engagement raises "
        "attention but converts nobody: moments, not a movement."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
      - id: share
        level: engagement
""",
    fix="""\
Take the journey on to a stage where people act on the ground or take ownership:

    stages:
      - id: notice
        level: awareness
      - id: share
        level: engagement
      - id: walk
        level: action
        ctas:
          - ask: Walk your child to school with the Friday walking bus
            mode: offline
""",
    check=check,
)
