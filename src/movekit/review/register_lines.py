"""The assumptions to test and the risks to review, as `movekit status` shows them to people.

A plan without assumptions (or risks) gets no lines at all, so a plan that does not use
them shows exactly what it showed before they existed.
"""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from movekit.printable import visible
from movekit.review.cells import date_cell, days, new_table, plain
from movekit.review.register import AssumptionRow, RiskRow
from movekit.review.status import Dashboard

LATE = "bold yellow"
HIGH = "bold red"


def assumption_lines(dashboard: Dashboard) -> list[Text | Table]:
    """`Assumptions to test`: a table by test-by date, then the ones overdue."""
    if not dashboard.has_assumptions:
        return []
    title = Text("Assumptions to test (untested or under strain, by test-by date)", "bold")
    # holding ones whose measures are behind are listed too, as MK806 flags them
    rows = dashboard.assumptions
    if not rows:
        return [title, Text("None: every assumption is holding or broken.")]
    table = new_table()
    for heading in ("Test by", "Assumption", "Status", "What must hold", "When"):
        table.add_column(heading, overflow="fold", no_wrap=heading == "Test by")
    for row in rows:
        assumption = row.assumption
        when = _when(assumption.test_by, dashboard.today, row.overdue)
        cells = (plain(assumption.id), plain(row.status), plain(assumption.text))
        table.add_row(date_cell(assumption.test_by), *cells, when)
    late = [
        _due(row.assumption.id, "test by", row.assumption.test_by) for row in rows if row.overdue
    ]
    strained = [f"{visible(row.assumption.id)} ({_short(row)})" for row in rows if row.strained_by]
    lines: list[Text | Table] = [title, table, _summary("Tests overdue: ", late)]
    if strained:  # news only when there is some: most days no result questions a bet
        lines.append(_summary("Results that question them (MK806): ", strained))
    return lines


def risk_lines(dashboard: Dashboard) -> list[Text | Table]:
    """`Risks to review`: a table by review-by date, then the high ones and the overdue ones."""
    if not dashboard.has_risks:
        return []
    title = Text("Risks to review (open or accepted, by review-by date)", "bold")
    rows = dashboard.risks
    if not rows:
        return [title, Text("None: every risk is mitigated or closed.")]
    table = new_table()
    for heading in ("Review by", "Risk", "Likelihood", "Impact", "Status", "Owner", "When"):
        table.add_column(heading, overflow="fold", no_wrap=heading == "Review by")
    for row in rows:
        risk = row.risk
        ratings = (_rating(risk.likelihood), _rating(risk.impact))
        name = Text(visible(risk.id), HIGH if row.high else "")
        when = _when(risk.review_by, dashboard.today, row.overdue)
        cells = (*ratings, plain(row.status), plain(risk.owner or ""), when)
        table.add_row(date_cell(risk.review_by), name, *cells)
    high = [f"{visible(row.risk.id)} ({_high(row)})" for row in rows if row.high]
    late = [_due(row.risk.id, "review by", row.risk.review_by) for row in rows if row.overdue]
    return [
        title,
        table,
        _summary("High risks: ", high, HIGH),
        _summary("Risk reviews overdue: ", late),
    ]


def _when(day: dt.date | None, today: dt.date, overdue: bool) -> Text:
    """`overdue by 12 days`, `today`, `in 5 days`; nothing for no date or a past one that
    is no longer late (an assumption already under strain has been tested)."""
    if day is None or (day < today and not overdue):
        return Text("")
    if overdue:
        return Text(f"overdue by {days(day, today)}", LATE)
    return Text("today" if day == today else f"in {days(day, today)}")


def _short(row: AssumptionRow) -> str:
    """`councillor-pledges behind, map-lookups missed`."""
    return ", ".join(f"{visible(measure)} {status}" for measure, status in row.strained_by)


def _rating(value: str | None) -> Text:
    return Text(value or "", HIGH if value == "high" else "")


def _high(row: RiskRow) -> str:
    ratings = {"likelihood": row.risk.likelihood, "impact": row.risk.impact}
    return ", ".join(f"{name} high" for name, value in ratings.items() if value == "high")


def _due(item: str, what: str, day: dt.date | None) -> str:
    return f"{visible(item)} ({what} {day})"


def _summary(label: str, items: list[str], style: str = LATE) -> Text:
    return Text.assemble((label, "bold"), (", ".join(items) or "none", style if items else ""))
