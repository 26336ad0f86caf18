"""A plan should check progress before its last day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    dues = [ref.measure.due for ref in ctx.measures if ref.measure.due is not None]
    if len(dues) < 2:
        return
    ends = ctx.plan.campaign.ends
    last = ends if ends is not None else max(dues)
    if any(due < last for due in dues):
        return
    yield Problem(_message(len(dues), last, ends), ("outcomes",), hint=HINT)


HINT = (
    "Add a measure (or a milestone) due mid-way, such as half the target by the end of the "
    "first phase, so you know early whether the plan works"
)


def _message(count: int, last: dt.date, ends: dt.date | None) -> str:
    if ends is not None:
        return (
            f"None of the {count} measures with a due date is due before the campaign's "
            f"last day, {last}: nothing checks progress before then"
        )
    return (
        f"All {count} measures with a due date are due on {last}: "
        "nothing checks progress before then"
    )


RULE = Rule(
    code="MK109",
    name="no-interim-checkpoint",
    severity=Severity.INFO,
    summary="Every measure with a due date is due on the campaign's last day.",
    what=(
        "Looks at the measures that have a `due` date (milestones included). With two or "
        "more of them, flags the plan once when none is due before the last day: "
        "`campaign.ends` when it is set (a measure due after it counts as due on the last "
        "day: MK107 reports it), otherwise the latest due date, so that the rule fires when "
        "all of them share one date. A plan with fewer than two dated measures is left to "
        "MK103; phase review dates do not count, because a review needs a number due by "
        "then to look at. The finding points at the `outcomes:` key."
    ),
    why=(
        "The method asks you to 'analyse the accuracy and effectiveness of your past "
        "efforts' at all times, and to 'plan and adjust the next phases'. When every target "
        "falls due on the last day, nothing tells you mid-way whether you are on track: you "
        "find out the plan did not work when it is too late to change it. One interim "
        "checkpoint (a count by the end of the first phase, a milestone reached) gives the "
        "first review something to judge."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Stockport Council adopts a School Streets policy
  starts: 2027-01-11
  ends: 2027-07-31
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-07-31
      - id: petition
        metric: Parents who signed the petition
        target: 3000
        due: 2027-07-31
""",
    fix="""\
Give at least one measure an earlier checkpoint, so the first review has a number to judge:

campaign:
  name: Clean Air Streets
  goal: Stockport Council adopts a School Streets policy
  starts: 2027-01-11
  ends: 2027-07-31
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-07-31
      - id: petition
        metric: Parents who signed the petition
        target: 3000
        due: 2027-04-30
""",
    check=check,
)
