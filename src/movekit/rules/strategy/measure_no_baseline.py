"""A measure should say where the campaign starts from."""

from __future__ import annotations

from movekit.findings import Severity
from movekit.rules.base import Rule, measure_part_check

RULE = Rule(
    code="MK104",
    name="measure-no-baseline",
    severity=Severity.INFO,
    summary="A measure has no baseline.",
    what=(
        "Flags every measure, in any outcome, that has no `baseline` value. A baseline of 0 "
        "counts as a baseline, and so does `baseline: tbd`: the plan says explicitly that "
        "establishing the baseline comes first. A milestone (`kind: milestone`) has no "
        "baseline and is never flagged. The finding points at the measure's first line."
    ),
    why=(
        "To 'analyse the accuracy and effectiveness of your past efforts' you need to know "
        "where you started: 30 pledges is a triumph from 3 and a failure from 29. Without a "
        "baseline movekit cannot draw the line from baseline to target, so it cannot tell "
        "you when a measure falls behind (MK603)."
    ),
    example="""\
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-05-31
""",
    fix="""\
Add the value the measure had when the campaign started (write 0 if you start from zero):

    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        target: 32
        due: 2027-05-31
""",
    check=measure_part_check(
        "baseline",
        "baseline",
        hint="Add baseline: the value when the campaign starts (0 if you start from zero)",
    ),
)
