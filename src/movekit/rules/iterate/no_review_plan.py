"""The plan should say when its effectiveness will be analysed."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    phases = ctx.plan.phases
    if any(phase.review is not None for phase in phases) or _has_cadence(ctx):
        return
    message = "No phase has a review date" if phases else "The plan has no phases to review"
    yield Problem(
        message,
        ("phases",),
        hint="Give each phase a review: date, or say how often you review under campaign: "
        "as review-cadence: (for example 'at every board meeting')",
    )


def _has_cadence(ctx: Context) -> bool:
    """A review rhythm ('at every board meeting') is a review plan without dates."""
    return bool((ctx.plan.campaign.review_cadence or "").strip())


RULE = Rule(
    code="MK601",
    name="no-review-plan",
    severity=Severity.WARNING,
    summary="No phase has a review date.",
    what=(
        "Flags the plan once when no phase has a `review` date, including when there are no "
        "phases at all (`phases:` missing or empty). One phase with a review date is enough "
        "to pass, and so is a `campaign.review-cadence` that is not blank: reviews held on "
        "a rhythm ('at every board meeting', 'monthly') rather than on dates. MK602 still "
        "needs a dated `review` to call a review overdue. The finding points at the "
        "`phases:` key, or at the top of the file when there is no `phases:` key."
    ),
    why=(
        "A movement 'should have a flow of its own', and the balance between a planned "
        "strategy and community ownership 'implies a lot of iteration and adaptation'. The "
        "method asks you to 'analyse the accuracy and effectiveness of your past efforts and "
        "plan and adjust the next phases': a plan with no review dates and no review rhythm "
        "has no moment set aside to do that, so it tends not to happen. Many teams review "
        "on a rhythm instead of on dates (at every board or coalition meeting): that is a "
        "moment set aside too, so it counts."
    ),
    example="""\
phases:
  - id: launch
    name: Launch
    starts: 2027-01-11
    ends: 2027-02-28
""",
    fix="""\
Give each phase the date when you will look back at what worked and adjust the next one
(or, if you review on a rhythm instead, say so under campaign: as `review-cadence: at every
steering group meeting`):

phases:
  - id: launch
    name: Launch
    starts: 2027-01-11
    ends: 2027-02-28
    review: 2027-03-03
""",
    check=check,
)
