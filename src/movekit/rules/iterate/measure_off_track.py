"""Before its due date, a measure is below its straight line."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.progress import Status, baseline_value, expected_value, format_number, target_value
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for standing in ctx.standings:
        if standing.status is not Status.BEHIND:
            continue
        measure, latest = standing.ref.measure, standing.latest
        expected = expected_value(measure, ctx.plan.campaign.starts, ctx.today, ctx.plan.results)
        # BEHIND implies all of these; the checks only narrow the types for mypy.
        if latest is None or expected is None:
            continue
        baseline, target = baseline_value(measure), target_value(measure)
        if baseline is None or target is None:
            continue
        pace = f"{format_number(baseline)} to {format_number(target)}"
        yield Problem(
            f"Measure '{measure.id}' is off track: {format_number(latest.value)} on {latest.date}, "
            f"but a steady pace from {pace} by {measure.due} needs {format_number(expected)} "
            f"by {ctx.today}",
            standing.ref.path,
            hint="Find out what is holding this measure back and adjust the next phase",
        )


RULE = Rule(
    code="MK603",
    name="measure-off-track",
    severity=Severity.WARNING,
    summary="Before the due date, the latest result is below the line from baseline to target.",
    what=(
        "For every measure with a `baseline`, a `target` and a `due` date, in a campaign "
        "with `campaign.starts`, draws a straight line from the baseline on the day the "
        "campaign starts to the target on the due date. Takes the measure's latest result "
        "dated on or before today (results dated in the future are ignored) and flags the "
        "measure when that value is below the value the line expects today (not on the "
        "result's date: a count recorded weeks ago and not updated since is not known to "
        "be on track now, so record results as you go). A result exactly on the line is "
        "on track. When the target is below the baseline (fewer car trips), "
        "'below' means above: the line goes down. Applies up to and including the due date; "
        "from the day after, a measure short of its target is reported by MK605 instead. "
        "A measure that has reached its target, or has no results, is not flagged. The "
        "finding points at the measure's first line. Use `--today YYYY-MM-DD` for "
        "reproducible runs. A target written as a change on the baseline (`+30%`) is the "
        "number it works out to; a baseline or target still `tbd` draws no line. A milestone "
        "(`kind: milestone`) has no line and is never flagged here."
    ),
    why=(
        "The method asks you to 'analyse the entire process at all times' and to 'analyse "
        "the accuracy and effectiveness of your past efforts and plan and adjust the next "
        "phases'. A measure that is behind its line now will miss its target later unless "
        "something changes: finding out while there is still time to adjust is the point "
        "of measuring."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Stockport Council adopts a School Streets policy
  starts: 2027-01-01
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        baseline: 0
        target: 30
        due: 2027-07-01
results:
  - {measure: councillor-pledges, date: 2027-04-01, value: 5}
""",
    fix="""\
Find out why the measure is behind, change what the campaign does in the next phase and
record a review (if the target itself was unrealistic, say so there and set a new target or
due date). The finding clears once a newer result is back on track:

reviews:
  - phase: launch
    date: 2027-04-05
    learned: Councillors pledge after meeting parents, not after emails.
    changes: Moved volunteers from email actions to ward surgeries.
results:
  - {measure: councillor-pledges, date: 2027-04-01, value: 5}
  - {measure: councillor-pledges, date: 2027-05-10, value: 22}
""",
    check=check,
)
