"""A measure's due date has passed and it is short of its target."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.progress import Status, format_number
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for standing in ctx.standings:
        if standing.status is not Status.MISSED:
            continue
        measure, latest = standing.ref.measure, standing.latest
        # MISSED implies both; the check only narrows the types for mypy.
        if latest is None or measure.target is None:
            continue
        yield Problem(
            f"Measure '{measure.id}' missed its target of {format_number(measure.target)} due on "
            f"{measure.due}: the latest result is {format_number(latest.value)} on {latest.date}",
            standing.ref.path,
            hint="Record a review of what happened, then set a new target and due date "
            "or record the result that met it",
        )


RULE = Rule(
    code="MK605",
    name="target-missed",
    severity=Severity.ERROR,
    summary="A measure's due date has passed and its latest result is below its target.",
    what=(
        "Flags every measure with a `target` and a `due` date when today is after the due "
        "date (on the due date itself MK603 still applies) and its latest result dated on or "
        "before today is below the target. When the target is below the baseline (fewer car "
        "trips), 'below' means above. A measure with no results is left to MK604. For a "
        "measure flagged here, MK603 is not reported. The finding points at the measure's "
        "first line. Use `--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Missing a target is not failure, ignoring it is. The method asks you to 'analyse "
        "the accuracy and effectiveness of your past efforts and plan and adjust the next "
        "phases' and not to 'lose focus on the final goal': a missed target is the moment "
        "to learn why and to decide what the campaign does next."
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
