"""A risk that is still live should be looked at again by its review date."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, risk in enumerate(ctx.plan.risks):
        if not risk.review_overdue(ctx.today):
            continue
        yield Problem(
            f"Risk '{risk.id}' is {risk.current_status} and was due for review on {risk.review_by}",
            ("risks", i, "review-by"),
            hint="Look at the risk again, then set a new review-by: date, or change its "
            "status: to mitigated or closed",
        )


RULE = Rule(
    code="MK808",
    name="risk-review-overdue",
    severity=Severity.WARNING,
    summary="An open or accepted risk is past its review-by date.",
    what=(
        "Flags every risk whose `status` is `open` or `accepted` (a risk with no status "
        "counts as `open`) and whose `review-by` date is before today. A review due today "
        "is not yet overdue; risks that are `mitigated` or `closed`, and risks with no "
        "`review-by` date, are not checked. The finding points at the risk's `review-by:` "
        "key. Use `--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Risks change as a campaign grows: a walking bus that was safe with ten families "
        "is a different matter with two hundred, and a quiet council meeting can turn "
        "hostile once the press picks up the story. A review date that passes unnoticed "
        "means the safety plan people on the ground rely on was written for a campaign "
        "that no longer exists. Looking again, and writing down the new date or status, "
        "keeps someone accountable for it."
    ),
    example="""\
risks:
  - id: walker-safety
    risk: Children walking in traffic before the street is closed
    mitigation: Marshals in hi-vis at every crossing
    status: open
    review-by: 2027-02-01
""",
    fix="""\
Look at the risk again with the people it concerns, then record what changed: a new
review date, or a new status once the mitigation is in place:

risks:
  - id: walker-safety
    risk: Children walking in traffic before the street is closed
    mitigation: Marshals in hi-vis at every crossing
    status: mitigated
    review-by: 2027-04-01
""",
    check=check,
)
