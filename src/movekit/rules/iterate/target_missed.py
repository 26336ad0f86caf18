"""A measure's due date has passed and it is short of its target."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.progress import Status, format_number, target_value
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for standing in ctx.standings:
        if standing.status is not Status.MISSED:
            continue
        measure, latest, target = standing.ref.measure, standing.latest, None
        if measure.kind == "milestone":
            yield Problem(
                f"Milestone '{measure.id}' was due on {measure.due} and is not marked done",
                standing.ref.path,
                hint=f"If it happened, run `movekit record PLAN {measure.id} --date YYYY-MM-DD`; "
                "otherwise record a review of what happened and set a new due date",
            )
            continue
        target = target_value(measure)
        # MISSED implies both; the check only narrows the types for mypy.
        if latest is None or target is None:
            continue
        yield Problem(
            f"Measure '{measure.id}' missed its target of {format_number(target)} due on "
            f"{measure.due}: the latest result is {format_number(latest.value)} on {latest.date}",
            standing.ref.path,
            hint="Record a review of what happened, then set a new target and due date "
            "or record the result that met it",
        )


RULE = Rule(
    code="MK605",
    name="target-missed",
    severity=Severity.ERROR,
    summary="A measure's due date has passed and it is short of its target, or a milestone is "
    "not done.",
    what=(
        "Flags every measure with a `target` and a `due` date when today is after the due "
        "date (on the due date itself MK603 still applies; a due month, `due: 2027-03`, is "
        "due on its last day) and its latest result dated on or "
        "before today is below the target. When the target is below the baseline (fewer car "
        "trips), 'below' means above. A measure with no results is left to MK604. For a "
        "measure flagged here, MK603 is not reported. The finding points at the measure's "
        "first line. A target written as a change on the baseline (`+30%`) is compared as "
        "the number it works out to; a target still `tbd` is never missed. A milestone "
        "(`kind: milestone`) is flagged when today is after its `due` date and it has no "
        "`done` date on or before today. Use `--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Missing a target is not failure, ignoring it is. The method asks you to 'analyse "
        "the accuracy and effectiveness of your past efforts and plan and adjust the next "
        "phases' and not to 'lose focus on the final goal': a missed target is the moment "
        "to learn why and to decide what the campaign does next. A milestone that did not happen "
        "when planned (the hearing was not held) is the same moment: the plan must say what "
        "the campaign does next."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-05-31
results:
  - {measure: councillor-pledges, date: 2027-05-30, value: 21}
""",
    fix="""\
Record the result that met the target if you have one. Otherwise review what happened and
set a new target or due date for the next phase:

    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-07-15
reviews:
  - phase: spring
    date: 2027-06-03
    learned: Pledges stalled once the budget debate started.
    changes: New push on the 11 undecided councillors before the July vote.
""",
    check=check,
)
