"""A measure should fall due while the campaign runs."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    starts, ends = ctx.plan.campaign.starts, ctx.plan.campaign.ends
    for ref in ctx.measures:
        due = ref.measure.due
        if due is None:
            continue
        if starts is not None and due < starts:
            where = f"before the campaign starts on {starts}"
        elif ends is not None and due > ends:
            where = f"after the campaign ends on {ends}"
        else:
            continue
        yield Problem(
            f"Measure '{ref.measure.id}' is due on {due}, {where}",
            (*ref.path, "due"),
            hint="Move the due date inside the campaign, or change campaign starts: or ends:",
        )


RULE = Rule(
    code="MK107",
    name="measure-due-outside-campaign",
    severity=Severity.WARNING,
    summary="A measure's due date is before the campaign starts or after it ends.",
    what=(
        "Flags every measure whose `due` date is before `campaign.starts` or after "
        "`campaign.ends`. Only the dates that are present are compared: with no "
        "`campaign.starts` a due date is never too early, with no `campaign.ends` never too "
        "late, and a measure with no `due` is left to MK103. A measure due on the first or "
        "last day of the campaign is fine. The finding points at the measure's `due:` key."
    ),
    why=(
        "An outcome-based strategy 'leads to the ultimate goal' within the campaign. A "
        "target due before the campaign starts cannot be something the campaign achieved, "
        "and one due after it ends will never be reviewed while the team can still 'plan "
        "and adjust the next phases'. Usually it is a typo in a year, or campaign dates that "
        "were moved without moving the targets."
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
        due: 2028-05-31
""",
    fix="""\
Move the due date inside the campaign (or change the campaign's dates if they are wrong):

    measures:
      - id: councillor-pledges
        metric: Councillors publicly pledged to vote yes
        target: 32
        due: 2027-05-31
""",
    check=check,
)
