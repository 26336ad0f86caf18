"""How numbers, dates and stages read in a plan document: the same on every machine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from movekit.labels import stage_label
from movekit.model import Stage
from movekit.months import is_month
from movekit.progress import format_number

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names written out, not from the C locale, so output is the same on every machine."""

MODES = {"online": "online", "offline": "on the ground", "direct": "direct contact"}
"""How a call to action's or a channel's mode reads in a document."""


def mode_words(mode: str) -> str:
    """`offline` -> `on the ground`, `direct` -> `direct contact`; any other value as it is."""
    return MODES.get(mode, mode)


def short_dates(days: Sequence[dt.date]) -> str:
    """Several dates for a table cell: `6 Feb 2027, 6 Mar 2027`."""
    return ", ".join(short_date(day) for day in days)


def number(value: float | None) -> str:
    """`8000` -> `8,000`, `47.5` -> `47.5`, `47.0` -> `47`; nothing for None."""
    return "" if value is None else format_number(value)


def long_date(value: dt.date | None) -> str:
    """`2027-03-15` -> `15 March 2027`: unambiguous for readers on both sides of the Atlantic;
    a date written as a month reads as one: `March 2027`."""
    if value is None:
        return ""
    if is_month(value):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def short_date(value: dt.date | None) -> str:
    """`2027-03-15` -> `15 Mar 2027`, for table cells (`Mar 2027` for a month)."""
    if value is None:
        return ""
    if is_month(value):
        return short_month(value)
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def short_month(value: dt.date) -> str:
    """`2027-03-15` -> `Mar 2027`, for timeline ticks."""
    return f"{MONTHS[value.month - 1][:3]} {value.year}"


def count(amount: int, noun: str) -> str:
    """`1, "outcome"` -> `1 outcome`; `3, "outcome"` -> `3 outcomes` (regular plurals only)."""
    return f"{amount} {noun}{'' if amount == 1 else 's'}"


def percent(share: float | None) -> str:
    """`0.823` -> `82%`; nothing for None."""
    if share is None:
        return ""
    return f"{round(share * 100)}%"


def stage_name(stage: Stage, index: int) -> str:
    """What a document calls a stage: its name, else its id, else its label (`stage 2`)."""
    return stage.name or stage.id or stage_label(stage, index)
