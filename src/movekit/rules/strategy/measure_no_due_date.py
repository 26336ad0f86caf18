"""MK103 measure-no-due-date: a measure needs a date by which to reach its target."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.measures:
        if ref.measure.due is None:
            yield Problem(
                f"Measure '{ref.measure.id}' has no due date",
                ref.path,
                hint="Add due: YYYY-MM-DD, the date by which the target should be reached",
            )


RULE = Rule(
    code="MK103",
    name="measure-no-due-date",
    severity=Severity.WARNING,
    summary="A measure has no due date.",
    what=(
        "Flags every measure, in any outcome, that has no `due` date. The finding points "
        "at the measure's first line."
    ),
    why=(
        "A target with no deadline can never be late, so it never prompts you to 'analyse "
        "the accuracy and effectiveness of your past efforts and plan and adjust the next "
        "phases'. The due date is what lets movekit draw the line from baseline to target "
        "and tell you when you are falling behind (MK603) or have missed (MK605)."
    ),
    example="""\
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        target: 32
""",
    fix="""\
Add the date by which the target should be reached, inside the campaign's dates:

    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        target: 32
        due: 2027-05-31
""",
    check=check,
)
