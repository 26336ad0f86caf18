"""A review records what was learned, so it cannot be dated after today."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, review in enumerate(ctx.plan.reviews):
        if review.date <= ctx.today:
            continue
        yield Problem(
            f"The review of phase '{review.phase}' is dated {review.date}, after today "
            f"({ctx.today}): it cannot have happened yet",
            ("reviews", i, "date"),
            hint="Correct the date; to plan a review, give the phase a review: date instead",
        )


RULE = Rule(
    code="MK608",
    name="review-in-future",
    severity=Severity.WARNING,
    summary="A review is dated after today: it cannot have happened yet.",
    what=(
        "Flags every entry in `reviews` whose `date` is after today (a review dated today "
        "is fine). A planned review belongs in the phase's `review:` date; `reviews` "
        "records reviews that took place. The finding points at the review's `date:` key. "
        "Use `--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "The method asks you to 'analyse the accuracy and effectiveness of your past "
        "efforts and plan and adjust the next phases'. A review records what was learned "
        "and what changed because of it: dated in the future, it is a plan written as if "
        "it were a result, and it hides that the real review has not been held."
    ),
    example="""\
phases:
  - {id: launch, name: Launch, review: 2027-03-03}
reviews:
  - phase: launch
    date: 2027-04-03
    learned: The map drove sign-ups; the film did not.
""",
    fix="""\
Date the review on the day it was held (or keep the planned date in the phase's `review:`
until then):

phases:
  - {id: launch, name: Launch, review: 2027-03-03}
reviews:
  - phase: launch
    date: 2027-03-03
    learned: The map drove sign-ups; the film did not.
""",
    check=check,
)
