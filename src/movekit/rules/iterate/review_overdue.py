"""A phase whose review date has passed needs a recorded review."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, phase in enumerate(ctx.plan.phases):
        if phase.review is None or phase.review >= ctx.today:
            continue
        if phase.id not in ctx.reviewed_phases:
            yield Problem(
                f"Phase '{phase.id}' was due for review on {phase.review} "
                "and no review is recorded",
                ("phases", i, "review"),
                hint=f"Record the review under reviews: with phase: {phase.id}, "
                "or move the review date",
            )


RULE = Rule(
    code="MK602",
    name="review-overdue",
    severity=Severity.WARNING,
    summary="A phase's review date has passed and no review for that phase is recorded.",
    what=(
        "Flags every phase whose `review` date is before today (a review due today is not "
        "yet overdue; a review month, `review: 2027-04`, is due on its last day) when no "
        "entry in `reviews` has `phase:` set to that phase's id. Any "
        "recorded review of the phase counts, whatever its date. Phases with no review date "
        "are left to MK601. The finding points at the phase's `review:` key. Use "
        "`--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "The method asks you to 'analyse the accuracy and effectiveness of your past efforts "
        "and plan and adjust the next phases'. A review that was planned but never recorded "
        "means the next phase runs on the old assumptions: what you learned, and what you "
        "changed because of it, is lost."
    ),
    example="""\
phases:
  - id: launch
    name: Launch
    review: 2027-03-03
reviews: []
""",
    fix="""\
Hold the review and record what you learned and changed (or move the review date if it was
postponed):

phases:
  - id: launch
    name: Launch
    review: 2027-03-03
reviews:
  - phase: launch
    date: 2027-03-03
    learned: The map drove sign-ups; the film did not.
    changes: Moved the film budget to printed map postcards at school gates.
""",
    check=check,
)
