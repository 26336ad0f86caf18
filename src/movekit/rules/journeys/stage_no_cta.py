"""Every stage of a journey needs a call to action."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.stages:
        if not ref.stage.ctas:
            yield Problem(
                f"{capitalised(ref.long_label)} has no call to action",
                ref.path,
                hint="Add a ctas: list with at least one ask for this stage",
            )


RULE = Rule(
    code="MK301",
    name="stage-no-cta",
    severity=Severity.ERROR,
    summary="A stage of a journey has no call to action.",
    what=(
        "Flags every stage whose `ctas` list is missing or empty. The finding points at "
        "the stage's first line."
    ),
    why=(
        "The method asks you to 'determine the call to action for each stage'. A stage "
        "without an ask leaves people where they are: they saw the message and nothing "
        "told them what to do next, so the journey stalls at a moment."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
        content: [60-second film]
""",
    fix="""\
Give the stage at least one ask, online or offline:

      - id: notice
        level: awareness
        content: [60-second film]
        ctas:
          - ask: Look up your school on the air-quality map
            mode: online
""",
    check=check,
)
