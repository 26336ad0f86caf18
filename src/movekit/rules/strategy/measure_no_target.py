"""A measure needs a target that means success."""

from __future__ import annotations

from movekit.findings import Severity
from movekit.rules.base import Rule, measure_part_check

RULE = Rule(
    code="MK102",
    name="measure-no-target",
    severity=Severity.WARNING,
    summary="A measure has no target.",
    what=(
        "Flags every measure, in any outcome, that has no `target` value. A target written "
        "`tbd` (to be set: the number is deliberately not known yet) is reported by MK108 "
        "instead, and a change on the baseline (`+30%`) is a target. A milestone (`kind: "
        "milestone`: a step that happens or not) has no target and is never flagged. The "
        "finding points at the measure's first line."
    ),
    why=(
        "Measuring is only half of 'how can you measure these objectives?': you also need "
        "to know what number means success. Without a target you cannot tell whether you "
        "are on track, and movekit cannot warn you when a measure falls behind (MK603) or "
        "misses (MK605)."
    ),
    example="""\
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        due: 2027-05-31
""",
    fix="""\
Add the value that means success, in the same unit as the metric:

    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 3
        target: 32
        due: 2027-05-31
""",
    check=measure_part_check(
        "target",
        "target",
        hint="Add target: the value that means this outcome has been achieved",
    ),
)
