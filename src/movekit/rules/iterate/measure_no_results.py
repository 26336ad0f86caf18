"""A month into the campaign, every measure should have a result."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.progress import Status
from movekit.rules.base import Context, Rule

GRACE_DAYS = 30
"""How long a campaign runs before a measure with no result is reported."""


def check(ctx: Context) -> Iterator[Problem]:
    starts = ctx.plan.campaign.starts
    if starts is None:
        return
    running = (ctx.today - starts).days
    if running < GRACE_DAYS:
        return
    for standing in ctx.standings:
        measure = standing.ref.measure
        if standing.status is Status.NO_DATA and not (measure.tracked_in or "").strip():
            yield Problem(
                f"Measure '{measure.id}' has no results {running} days after the "
                f"campaign started on {starts}",
                standing.ref.path,
                hint=f"Record a result under results: with measure: {measure.id}, "
                "a date and a value; if the results are kept elsewhere, say where with "
                "tracked-in: (for example 'Mailchimp dashboard')",
            )


RULE = Rule(
    code="MK604",
    name="measure-no-results",
    severity=Severity.INFO,
    summary="The campaign has been running for 30 days or more and a measure has no result.",
    what=(
        "When `campaign.starts` is set and today is 30 days or more after it, flags every "
        "measure that has no result dated on or before today (results dated in the future "
        "do not count). A measure with `tracked-in` (its results are kept elsewhere, such "
        "as 'Mailchimp dashboard') is not flagged, nor is a milestone (`kind: milestone`: "
        "it records the day it happened in `done`, not results). Without `campaign.starts` "
        "the rule never fires. The finding points at the measure's first line. Use "
        "`--today YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "'How can you measure these objectives?' is only answered when someone actually "
        "measures. A month in, a measure with no numbers means nobody can 'analyse the "
        "accuracy and effectiveness of your past efforts', and the first review will be "
        "guesswork. When the numbers live in a dashboard or a CRM, somebody does measure: "
        "`tracked-in` says where to look, and that is enough."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Stockport Council adopts a School Streets policy
  starts: 2027-01-11
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
""",
    fix="""\
Record the latest count (movekit checks `results:` for values dated on or before today):

results:
  - measure: councillor-pledges
    date: 2027-02-01
    value: 9
""",
    check=check,
)
