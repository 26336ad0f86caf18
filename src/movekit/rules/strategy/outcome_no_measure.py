"""Every outcome needs at least one way to measure it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, outcome in enumerate(ctx.plan.outcomes):
        if not outcome.measures:
            yield Problem(
                f"Outcome '{outcome.id}' has no measures",
                ("outcomes", i),
                hint="Add a measures: list with at least one metric and target",
            )


RULE = Rule(
    code="MK101",
    name="outcome-no-measure",
    severity=Severity.ERROR,
    summary="An outcome has no measures.",
    what=(
        "Flags every outcome whose `measures` list is missing or empty. The finding points "
        "at the outcome's first line."
    ),
    why=(
        "An outcome-based strategy starts from two questions: 'what are your desired "
        "outcomes?' and 'how can you measure these objectives?'. An outcome nobody measures "
        "cannot be tracked, reviewed or adjusted, so you will never know whether the campaign "
        "is turning moments into movements or just collecting likes."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
""",
    fix="""\
Add at least one measure: what you will count, where you start, what success looks like
and by when:

outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        target: 32
        due: 2027-05-31
""",
    check=check,
)
