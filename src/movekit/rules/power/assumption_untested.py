"""An assumption whose test date has passed and nobody has tested it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, assumption in enumerate(ctx.plan.assumptions):
        if assumption.test_overdue(ctx.today):
            unset = " (it has no status, which counts as untested)" if not assumption.status else ""
            yield Problem(
                f"Assumption '{assumption.id}' was to be tested by {assumption.test_by} "
                f"and is still untested{unset}",
                ("assumptions", i, "test-by"),
                hint="Check it against what you now know and set status: holding, "
                "under-strain or broken, or move test-by if the test was postponed",
            )


RULE = Rule(
    code="MK805",
    name="assumption-untested",
    severity=Severity.WARNING,
    summary="An assumption is still untested after its test-by date.",
    what=(
        "Flags every assumption whose `test-by` date is before today (a test due today is "
        "not yet late) while its `status` is `untested` or missing (a missing status counts "
        "as untested). Assumptions marked `holding`, `under-strain` or `broken` have been "
        "tested and pass, and so does an assumption with no `test-by` date. The finding "
        "points at the `test-by:` key. Use `--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Every plan rests on bets: that parents act once they see their own school's data, "
        "that the leader moves when her own wards ask her to. The method asks you to "
        "'analyse the accuracy and effectiveness of your past efforts and plan and adjust "
        "the next phases'; an assumption with a test date is a promise to check the bet "
        "against evidence in time to change course. Once the date has passed without a "
        "verdict, the next phase is built on a guess nobody looked at."
    ),
    example="""\
assumptions:
  - id: parents-act-on-data
    text: Parents act once they see their own school's air quality
    status: untested
    test-by: 2027-03-03
""",
    fix="""\
Look at the evidence (results, survey answers, turnout) and record the verdict, or move
`test-by` if the test was postponed:

assumptions:
  - id: parents-act-on-data
    text: Parents act once they see their own school's air quality
    evidence: 1,640 map look-ups by March; 9 in 10 went on to sign up
    status: holding
    test-by: 2027-03-03
""",
    check=check,
)
