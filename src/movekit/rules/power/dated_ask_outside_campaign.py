"""A dated ask should fall inside the campaign and inside its stage's phase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import one_line
from movekit.model import Campaign, Phase
from movekit.rules.base import Context, Rule

CAMPAIGN_HINT = "Move the date inside the campaign, or change campaign starts: or ends:"
PHASE_HINT = "Move the date inside the phase, or give the stage the phase: in which the ask runs"


def _outside(date: dt.date, campaign: Campaign, phase: Phase | None) -> tuple[str, str] | None:
    """Which bound `date` breaks, in words, with the hint; None when it breaks none."""
    if campaign.starts is not None and date < campaign.starts:
        return f"before the campaign starts on {campaign.starts}", CAMPAIGN_HINT
    if campaign.ends is not None and date > campaign.ends:
        return f"after the campaign ends on {campaign.ends}", CAMPAIGN_HINT
    if phase is not None and phase.starts is not None and date < phase.starts:
        return f"before its phase '{phase.id}' starts on {phase.starts}", PHASE_HINT
    if phase is not None and phase.ends is not None and date > phase.ends:
        return f"after its phase '{phase.id}' ends on {phase.ends}", PHASE_HINT
    return None


def check(ctx: Context) -> Iterator[Problem]:
    phases = {phase.id: phase for phase in ctx.plan.phases}
    for ref in ctx.stages:
        phase = phases.get(ref.stage.phase) if ref.stage.phase is not None else None
        for k, cta in enumerate(ref.stage.ctas):
            dates = cta.date or []
            several = len(dates) > 1
            for n, date in enumerate(dates):
                outside = _outside(date, ctx.plan.campaign, phase)
                if outside is None:
                    continue
                where, hint = outside
                path = (*ref.path, "ctas", k, "date", *((n,) if several else ()))
                yield Problem(
                    f"Call to action '{one_line(cta.id or cta.ask)}' at {ref.long_label} is "
                    f"dated {date}, {where}",
                    path,
                    hint=hint,
                )


RULE = Rule(
    code="MK812",
    name="dated-ask-outside-campaign",
    severity=Severity.WARNING,
    summary="A call to action's date is outside the campaign or outside its stage's phase.",
    what=(
        "Flags every call to action with a `date` that is before `campaign.starts`, after "
        "`campaign.ends`, or, when its stage has a `phase`, before that phase's `starts` "
        "or after its `ends`. Each bound is checked only when it is present, and the "
        "bounds are inclusive: an ask on the first or last day of the campaign or phase is "
        "fine. An ask that breaks several bounds is reported once, for the first of "
        "campaign start, campaign end, phase start, phase end that it breaks; the message "
        "names that bound and both dates. An ask with several dates (`date: [2027-03-06, "
        "2027-04-03]`) has each date checked, and each one outside is reported at that "
        "date. Asks with no `date` are not checked. The finding points at the ask's "
        "`date:` key."
    ),
    why=(
        "A dated ask is a promise to the people you ask: a walking bus on a Friday, a "
        "deadline for a consultation, a vote you want them to watch. A date before the "
        "campaign starts or after it ends has no team, budget or follow-up behind it, and "
        "a date outside its stage's phase means the people asked will turn up before the "
        "work that prepares them is done, or after the team has moved on. Usually it is "
        "a typo in a year, or phases that were moved without moving the asks."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Stockport Council adopts a School Streets policy
  starts: 2027-01-11
  ends: 2027-07-31
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: walk
        level: action
        ctas:
          - id: walking-bus
            ask: Walk your child to school with the Friday walking bus
            mode: offline
            date: 2026-02-12
""",
    fix="""\
Move the date inside the campaign and its stage's phase (or change the campaign's or the
phase's dates if they are the ones that are wrong):

        ctas:
          - id: walking-bus
            ask: Walk your child to school with the Friday walking bus
            mode: offline
            date: 2027-02-12
""",
    check=check,
)
