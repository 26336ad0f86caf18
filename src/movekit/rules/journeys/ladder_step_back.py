"""A stage's level should not drop below the stage before it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for step in ctx.steps:
        if step.rise < 0:
            yield Problem(
                f"{capitalised(step.ref.long_label)} steps back from "
                f"{step.previous.stage.level} to {step.ref.stage.level}",
                (*step.ref.path, "level"),
                hint="Order the stages from awareness up to ownership, or raise this level",
            )


RULE = Rule(
    code="MK304",
    name="ladder-step-back",
    severity=Severity.WARNING,
    summary="A stage's level is lower than the level of the stage before it.",
    what=(
        "Compares each stage's `level` with the level of the stage just before it in the "
        "same journey, on the ladder awareness < engagement < action < ownership, and "
        "flags the stage when its level is lower. Staying on the same level is fine. Only "
        "neighbouring stages are compared, so a journey that drops once is flagged once. "
        "The finding points at the stage's `level` key."
    ),
    why=(
        "A journey runs 'from the first message to reaching your final goal', and each "
        "stage should lead people one step closer to it. A stage that asks less of people "
        "than the one before usually means the stages are in the wrong order, or that the "
        "journey loses the people it has already moved."
    ),
    example="""\
    stages:
      - id: walk
        level: action
      - id: share
        level: engagement
""",
    fix="""\
Put the stages in the order people move through them, lowest rung first:

    stages:
      - id: share
        level: engagement
      - id: walk
        level: action
""",
    check=check,
)
