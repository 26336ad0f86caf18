"""The plan should say when its effectiveness will be analysed."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    phases = ctx.plan.phases
    if any(phase.review is not None for phase in phases):
        return
    message = "No phase has a review date" if phases else "The plan has no phases to review"
    yield Problem(
        message,
        ("phases",),
        hint="Give each phase a review: date, when you will analyse what worked and adjust",
    )


RULE = Rule(
    code="MK601",
    name="no-review-plan",
    severity=Severity.WARNING,
    summary="No phase has a review date.",
    what=(
        "Flags the plan once when no phase has a `review` date, including when there are no "
        "phases at all (`phases:` missing or empty). One phase with a review date is enough "
        "to pass. The finding points at the `phases:` key, or at the top of the file when "
        "there is no `phases:` key."
    ),
    why=(
        "A movement 'should have a flow of its own', and the balance between a planned "
        "strategy and community ownership 'implies a lot of iteration and adaptation'. The "
        "method asks you to 'analyse the accuracy and effectiveness of your past efforts and "
        "plan and adjust the next phases': a plan with no review dates has no moment set "
        "aside to do that, so it tends not to happen."
    ),
    example="""\
phases:
  - id: launch
    name: Launch
    starts: 2027-01-11
    ends: 2027-02-28
""",
    fix="""\
Give each phase the date when you will look back at what worked and adjust the next one:

phases:
  - id: launch
    name: Launch
    starts: 2027-01-11
    ends: 2027-02-28
    review: 2027-03-03
""",
    check=check,
)
