"""Dates written by the month (`2027-03`): which day each stands for, and how it reads.

Real plans say "March 2027". A month that starts something (`campaign.starts`,
`phases[].starts`) stands for its first day; every other date (ends, due, review, test-by,
review-by, an ask's date, results and reviews) for its last day: "due in March" is met by
31 March. The model holds a `MonthDay`, a real `datetime.date`, so every rule compares it
as a day; the subclass only remembers that people wrote a month, for places that show it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

MONTH = re.compile(r"(\d{4})-(\d{2})\Z")
"""`YYYY-MM`, two digits for the month as in `YYYY-MM-DD` (suggest.py advises on `2027-3`)."""


class MonthDay(dt.date):
    """A day that stands for the month it was written as.

    Arithmetic gives plain dates: a day computed from a month (due + 14 days) is not one.
    """

    def __add__(self, other: Any) -> Any:
        return _plain(dt.date.__add__(self, other))

    __radd__ = __add__

    def __sub__(self, other: Any) -> Any:
        return _plain(dt.date.__sub__(self, other))

    # A different day is no longer the month written; date's stubs say replace keeps the type.
    def replace(self, *args: Any, **kwargs: Any) -> dt.date:  # type: ignore[override]
        day: dt.date = dt.date.replace(self, *args, **kwargs)
        return dt.date(day.year, day.month, day.day)


def _plain(value: Any) -> Any:
    """A plain date for a `MonthDay` (date arithmetic keeps the subclass)."""
    if isinstance(value, MonthDay):
        return dt.date(value.year, value.month, value.day)
    return value


def month_day(text: str, *, first: bool) -> MonthDay | None:
    """The first or last day of the month `text` names (`2027-03`); None if it names none."""
    match = MONTH.match(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year < 1 or not 1 <= month <= 12:
        return None
    day = 1 if first else calendar.monthrange(year, month)[1]
    return MonthDay(year, month, day)


def written(day: dt.date) -> str:
    """A date as the plan wrote it: `2027-03` for a month, `2027-03-31` for a day."""
    if isinstance(day, MonthDay):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def is_month(day: dt.date | None) -> bool:
    """Whether `day` was written as a month."""
    return isinstance(day, MonthDay)
