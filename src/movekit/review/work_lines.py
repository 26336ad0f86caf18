"""The budget line and the activities near today, as `movekit status` shows them to people.

A plan without a budget, spending or activities gets no lines for them, so it shows exactly
what it showed before they existed.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from movekit.printable import visible
from movekit.review.cells import date_cell, new_table, plain
from movekit.review.status import Dashboard


def budget_lines(dashboard: Dashboard) -> list[Text]:
    """`Budget: 3,550 of 24,000 GBP spent (15%) · 40% of the campaign gone`."""
    if dashboard.budget is None:
        return []
    return [Text.assemble(("Budget: ", "bold"), visible(dashboard.budget.words()))]


def activity_lines(dashboard: Dashboard) -> list[Text | Table]:
    """`Activities`: those dated in the four weeks either side of today, with their owners."""
    if not dashboard.has_activities:
        return []
    title = Text("Activities (dated in the four weeks before or after today)", "bold")
    if not dashboard.activities:
        return [title, Text("None: no activity is dated in those eight weeks.")]
    table = new_table()
    table.add_column("Dates", no_wrap=True)
    for heading in ("Activity", "What", "Owner"):
        table.add_column(heading, overflow="fold")
    for row in dashboard.activities:
        activity = row.activity
        dates = ", ".join(date_cell(day) for day in activity.date or [])
        cells = (plain(activity.id), plain(activity.what), plain(activity.owner or ""))
        table.add_row(dates, *cells)
    return [title, table]
