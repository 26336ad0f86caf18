"""The dated items of a plan as calendar events: the campaign, its phases and reviews, the
measures' due dates, dated asks and activities, assumptions' test-by and risks' review-by.

Every event is all-day. A month (`2027-03`) is an event on the day it stands for
(docs/plan-format.md, "Dates by the month"): the first day for a start, the last otherwise;
the description says the plan gives the month. Each event has a key made of its kind and
the item's id (and the date's place when an item has several), so a regenerated calendar
updates its events instead of adding new ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from movekit.labels import one_line, stage_label
from movekit.model import Activity, Plan
from movekit.months import is_month, written
from movekit.progress import target_words
from movekit.review.status import measure_rows


@dataclass(frozen=True)
class Event:
    """One all-day event, from `first` to `last` (both included)."""

    key: str
    """Unique in the plan and stable across runs: `phase-launch`, `cta-walkers-walk-2`."""
    category: str
    summary: str
    first: dt.date
    last: dt.date
    description: str


def plan_events(plan: Plan, today: dt.date) -> list[Event]:
    """Every dated item of the plan as events, in the plan's order."""
    return [
        *_campaign(plan),
        *_phases(plan),
        *_measures(plan, today),
        *_asks(plan),
        *_activities(plan),
        *_assumptions(plan),
        *_risks(plan),
    ]


def _campaign(plan: Plan) -> Iterator[Event]:
    campaign = plan.campaign
    if campaign.starts is not None and campaign.ends is not None:
        lines = [one_line(campaign.goal), _owner(campaign.owner)]
        yield _event("campaign", "Campaign", campaign.name, campaign.starts, campaign.ends, lines)


def _phases(plan: Plan) -> Iterator[Event]:
    for phase in plan.phases:
        owner = _owner(phase.owner)
        if phase.starts is not None or phase.ends is not None:
            first = phase.starts or phase.ends
            last = phase.ends or phase.starts
            assert first is not None and last is not None
            summary = f"Phase: {phase.name}"
            if phase.starts is None or phase.ends is None:
                summary += " starts" if phase.ends is None else " ends"
            lines = [_dates_words(phase.starts, phase.ends), owner]
            yield _event(f"phase-{phase.id}", "Phase", summary, first, last, lines)
        if phase.review is not None:
            lines = [f"Review the phase '{phase.name}': what worked, what to change.", owner]
            yield _event(
                f"review-{phase.id}", "Review", f"Review: {phase.name}", phase.review, None, lines
            )


def _measures(plan: Plan, today: dt.date) -> Iterator[Event]:
    for row in measure_rows(plan, today):
        measure = row.measure
        if measure.due is None:
            continue
        if measure.kind == "milestone":
            category, summary = "Milestone", f"Milestone due: {one_line(measure.metric)}"
            goal = "Done by this date."
        else:
            category, summary = "Measure due", f"Target due: {one_line(measure.metric)}"
            unit = f" {one_line(measure.unit)}" if measure.unit else ""
            goal = f"Target: {target_words(measure)}{unit}."
        lines = [
            goal,
            f"Status on {today.isoformat()}: {row.status.value}.",
            _month_words(measure.due),
            _owner(measure.owner),
        ]
        yield _event(f"measure-{measure.id}", category, summary, measure.due, None, lines)


def _asks(plan: Plan) -> Iterator[Event]:
    for journey in plan.journeys:
        for s, stage in enumerate(journey.stages):
            for c, cta in enumerate(stage.ctas):
                where = cta.id or f"{stage.id or f'stage{s + 1}'}-ask{c + 1}"
                stage_words = stage.id or one_line(stage.name) or stage_label(stage, s)
                about = f"Call to action of the journey '{journey.id}', stage {stage_words}"
                lines = [f"{about} ({stage.level}, {cta.mode}).", _owner(cta.owner)]
                yield from _dated(
                    f"cta-{journey.id}-{where}",
                    "Call to action",
                    one_line(cta.ask),
                    cta.date,
                    lines,
                )


def _activities(plan: Plan) -> Iterator[Event]:
    phases = {phase.id: phase for phase in plan.phases}
    for activity in plan.activities:
        lines = [_owner(activity.owner)]
        summary = one_line(activity.what)
        key = f"activity-{activity.id}"
        if activity.date:
            yield from _dated(key, "Activity", summary, activity.date, lines)
            continue
        phase = phases.get(activity.phase or "")
        if phase is not None and phase.starts is not None and phase.ends is not None:
            yield _event(
                key, "Activity", summary, phase.starts, phase.ends, [_during(activity), *lines]
            )


def _assumptions(plan: Plan) -> Iterator[Event]:
    for assumption in plan.assumptions:
        if assumption.test_by is None:
            continue
        lines = [
            f"Test the assumption: {one_line(assumption.text)}",
            f"Status: {assumption.current_status}.",
            _month_words(assumption.test_by),
        ]
        summary = f"Test assumption: {_short(assumption.text)}"
        yield _event(
            f"assumption-{assumption.id}", "Assumption", summary, assumption.test_by, None, lines
        )


def _risks(plan: Plan) -> Iterator[Event]:
    for risk in plan.risks:
        if risk.review_by is None:
            continue
        lines = [
            f"Review the risk: {one_line(risk.risk)}",
            f"Status: {risk.current_status}.",
            _month_words(risk.review_by),
            _owner(risk.owner),
        ]
        summary = f"Review risk: {_short(risk.risk)}"
        yield _event(f"risk-{risk.id}", "Risk", summary, risk.review_by, None, lines)


def _dated(
    key: str, category: str, summary: str, dates: Sequence[dt.date] | None, lines: list[str]
) -> Iterator[Event]:
    """One event per date; with several dates, each key ends in the date's place (`-2`)."""
    for place, day in enumerate(dates or [], start=1):
        own = key if len(dates or []) == 1 else f"{key}-{place}"
        yield _event(own, category, summary, day, None, [*lines, _month_words(day)])


def _event(
    key: str,
    category: str,
    summary: str,
    first: dt.date,
    last: dt.date | None,
    lines: list[str],
) -> Event:
    description = "\n".join(line for line in lines if line)
    end = first if last is None else last
    return Event(key, category, one_line(summary), _plain(first), _plain(end), description)


def _owner(owner: str | None) -> str:
    return f"Owner: {one_line(owner)}." if owner and owner.strip() else ""


def _during(activity: Activity) -> str:
    return f"No date yet: it happens during the phase '{activity.phase}'."


def _month_words(day: dt.date) -> str:
    """`The plan gives the month: 2027-03.` for a month, else nothing."""
    return f"The plan gives the month: {written(day)}." if is_month(day) else ""


def _dates_words(starts: dt.date | None, ends: dt.date | None) -> str:
    shown = [f"{word} {written(day)}" for word, day in (("from", starts), ("to", ends)) if day]
    return " ".join(shown).capitalize() + "." if shown else ""


def _plain(day: dt.date) -> dt.date:
    """A plain date for the calendar library (a month's day is a date subclass)."""
    return dt.date(day.year, day.month, day.day)


def _short(text: str, longest: int = 60) -> str:
    """A calendar title reads the item's own words, cut at a word to fit a calendar's row."""
    words = one_line(text)
    if len(words) <= longest:
        return words
    return words[: longest - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
