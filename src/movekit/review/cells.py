"""The pieces every table of `movekit status` is made of: the table, plan text, dates, days."""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.table import Table
from rich.text import Text

from movekit.months import written
from movekit.printable import visible


def new_table() -> Table:
    """A plain table: a rule under the headings, columns two spaces apart, no borders."""
    return Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)


def plain(text: str) -> Text:
    """Plan text as a table cell: never read as rich markup, never terminal escapes."""
    return Text(visible(text))


def date_cell(day: dt.date | None) -> str:
    """A date as the plan wrote it: `2027-03` for a month, `2027-03-31` for a day."""
    return "" if day is None else written(day)


def days(day: dt.date, today: dt.date) -> str:
    """`1 day`, `12 days` or `today`: how far `day` is from today, either way."""
    count = abs((day - today).days)
    return "today" if count == 0 else f"{count} day{'' if count == 1 else 's'}"
