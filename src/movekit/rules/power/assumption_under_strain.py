"""An assumption still marked as fine while the results about it are behind or missed."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.about import measures_of
from movekit.findings import Path, Problem, Severity
from movekit.model import Assumption
from movekit.progress import Status, expected_value, format_number, target_value
from movekit.rules.base import Context, Rule, Standing

_UNDER_STRAIN = (Status.BEHIND, Status.MISSED)
_NAMED = 3
"""Measures a message spells out; `movekit status` lists them all."""


def _strained(ctx: Context, assumption: Assumption) -> list[Standing]:
    """The measures the assumption is about that are behind or missed today, in order."""
    ids = [
        measure_id
        for named in ctx.about_index.all_named(assumption.about)
        for measure_id in measures_of(named, ctx.plan)
    ]
    standings = [ctx.standing_of[measure_id] for measure_id in dict.fromkeys(ids)]
    return [standing for standing in standings if standing.status in _UNDER_STRAIN]


def _words(ctx: Context, standing: Standing) -> str:
    """`'map-lookups' is behind: 400 on 2027-03-01, where a steady pace to its target of 2,000
    needs 900 by 2027-03-10`, or `'councillor-pledges' missed its target of 32 due on
    2027-05-31, at 21 on 2027-05-30`."""
    measure, latest = standing.ref.measure, standing.latest
    if measure.kind == "milestone":  # only ever missed: it has no line to be behind
        return f"milestone '{measure.id}' was due on {measure.due} and is not done"
    # BEHIND and MISSED imply a latest result and a target; the checks narrow the types.
    target = target_value(measure)
    if latest is None or target is None:
        return f"'{measure.id}' is {standing.status}"
    at = f"{format_number(latest.value)} on {latest.date}"
    goal = f"its target of {format_number(target)}"
    if standing.status is Status.MISSED:
        return f"'{measure.id}' missed {goal} due on {measure.due}, at {at}"
    expected = expected_value(measure, ctx.plan.campaign.starts, ctx.today, ctx.plan.results)
    if expected is None:
        return f"'{measure.id}' is behind: {at}"
    return (
        f"'{measure.id}' is behind: {at}, where a steady pace to {goal} needs "
        f"{format_number(expected)} by {ctx.today}"
    )


def check(ctx: Context) -> Iterator[Problem]:
    for i, assumption in enumerate(ctx.plan.assumptions):
        if assumption.current_status not in ("untested", "holding"):
            continue
        strained = _strained(ctx, assumption)
        if not strained:
            continue
        marked = "marked holding" if assumption.status == "holding" else "untested"
        evidence = "; ".join(_words(ctx, standing) for standing in strained[:_NAMED])
        if (more := len(strained) - _NAMED) > 0:
            evidence += (
                f"; and {more} more {'measure' if more == 1 else 'measures'} behind or missed"
            )
        path: Path = ("assumptions", i)
        yield Problem(
            f"Assumption '{assumption.id}' is still {marked}, but {evidence}",
            (*path, "status") if assumption.status else path,
            hint="Test it against these results: set status: under-strain or broken, note "
            "what you found in evidence:, and adjust the part of the plan that rests on it",
        )


RULE = Rule(
    code="MK806",
    name="assumption-under-strain",
    severity=Severity.WARNING,
    summary="An untested or holding assumption is about a measure that is behind or missed.",
    what=(
        "Flags every assumption whose `status` is `untested`, `holding` or missing (a "
        "missing status counts as untested) when something in its `about` list has a "
        "measure that is behind or has missed its target today. An item's measures are: "
        "for a measure, itself; for an outcome, its measures; for a call to action, its "
        "`measure`; for a stage or a journey, the measures of its calls to action (not the "
        "measures of the journey's outcomes). Audiences, channels, targets, community "
        "mechanisms and phases have none. 'Behind' and 'missed' are decided exactly as "
        "MK603 and MK605 (and `movekit status`) decide them on today's date; a measure with "
        "no result is neither. Assumptions marked `under-strain` or `broken` are not "
        "flagged. One finding per assumption, naming such measures (the first three, and how "
        "many more); it points at the "
        "`status:` key, or at the assumption's first line when it has none. Use "
        "`--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Assumptions are the bets a plan rests on, and results are the evidence. The method "
        "asks you to 'analyse the accuracy and effectiveness of your past efforts and plan "
        "and adjust the next phases'. When the numbers behind an assumption fall short, "
        "still calling it untested or holding hides the most useful thing the campaign has "
        "learned: perhaps the bet was wrong, and the next phase should not be built on it. "
        "Testing assumptions against evidence means changing your mind when the evidence "
        "says so."
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
      - id: map-lookups
        metric: Parents who looked up their school on the air-quality map
        baseline: 0
        target: 2000
        due: 2027-04-01
results:
  - {measure: map-lookups, date: 2027-03-01, value: 400}
assumptions:
  - id: parents-act-on-data
    text: Parents act once they see their own school's air quality
    about: [map-lookups]
    status: holding
""",
    fix="""\
Look at what the results say about the assumption and record your verdict, then change the
part of the plan that rested on it:

assumptions:
  - id: parents-act-on-data
    text: Parents act once they see their own school's air quality
    about: [map-lookups]
    evidence: Only 400 look-ups by March; parents say the map is hard to find
    status: under-strain
""",
    check=check,
)
