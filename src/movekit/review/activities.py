"""The team's activities around a day: those dated in the four weeks before it and the four
weeks after it, soonest first. The part of `movekit status` that reads `activities`.

A date written as a month counts as every day of the month: an activity "in March" is
shown from four weeks before 1 March to four weeks after 31 March.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from movekit.model import Activity, Plan
from movekit.months import is_month

WINDOW = dt.timedelta(days=28)
"""How far before and after today an activity's date may be for `status` to list it."""


@dataclass(frozen=True)
class ActivityRow:
    """An activity with a date near today, and the first of its days in the window."""

    activity: Activity
    first: dt.date

    def to_json(self) -> dict[str, Any]:
        activity = self.activity
        return {
            "id": activity.id,
            "what": activity.what,
            "dates": [day.isoformat() for day in activity.date or []],
            "phase": activity.phase,
            "owner": activity.owner,
        }


def activities_near(plan: Plan, today: dt.date) -> list[ActivityRow]:
    """The activities with a day from 28 days before today to 28 days after, by that day."""
    earliest, latest = today - WINDOW, today + WINDOW
    rows = []
    for activity in plan.activities:
        days = [
            max(first, earliest)
            for first, last in map(_span, activity.date or [])
            if first <= latest and last >= earliest
        ]
        if days:
            rows.append(ActivityRow(activity, min(days)))
    return sorted(rows, key=lambda row: row.first)  # stable: plan order on one day


def _span(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a date stands for: a month's days, or the day itself."""
    if is_month(day):
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, day.day)
    return day, day
