"""A measure needs a date by which to reach its target."""

from __future__ import annotations

from movekit.findings import Severity
from movekit.rules.base import Rule, measure_part_check

RULE = Rule(
    code="MK103",
    name="measure-no-due-date",
    severity=Severity.WARNING,
    summary="A measure has no due date.",
    what=(
        "Flags every measure, in any outcome, that has no `due` date, milestones (`kind: "
        "milestone`) included: a step that should happen needs a date by which it should. "
        "A due month (`due: 2027-05`) is a due date: its last day. "
        "The finding points at the measure's first line."
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
    check=measure_part_check(
        "due",
        "due date",
        hint="Add due: YYYY-MM-DD (or YYYY-MM, its last day), the day the target should be reached",
    ),
)
