"""A journey should climb the ladder one rung at a time."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for step in ctx.steps:
        if step.rise > 1:
            yield Problem(
                f"{capitalised(step.ref.long_label)} jumps from "
                f"{step.previous.stage.level} straight to {step.ref.stage.level}",
                (*step.ref.path, "level"),
                hint="Add a stage for the rung in between, so people are not asked too much",
            )


RULE = Rule(
    code="MK305",
    name="ladder-skips-rung",
    severity=Severity.INFO,
    summary="A journey climbs more than one rung between two consecutive stages.",
    what=(
        "Compares each stage's `level` with the level of the stage just before it in the "
        "same journey, on the ladder awareness < engagement < action < ownership, and "
        "flags the stage when it is two or more rungs higher (awareness to action, "
        "awareness to ownership, engagement to ownership). Only neighbouring stages are "
        "compared; the first stage may start on any rung. The finding points at the "
        "stage's `level` key."
    ),
    why=(
        "The method asks you to 'decide what are the different stages of this journey, "
        "from the first message to reaching your final goal'. Asking someone who has only "
        "just heard of the campaign to organise their street is a big leap; most people "
        "need a smaller step in between, such as signing up or sharing, to 'keep them "
        "engaged and involved'."
    ),
    example="""\
    stages:
      - id: notice
        level: awareness
      - id: captain
        level: ownership
""",
    fix="""\
Add the stages in between, so each step asks a little more than the last:

    stages:
      - id: notice
        level: awareness
      - id: sign-up
        level: engagement
      - id: walk
        level: action
      - id: captain
        level: ownership
""",
    check=check,
)
