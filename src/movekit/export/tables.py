"""The tables `movekit export` writes to a workbook or a CSV file, one per part of the plan.

Every status comes from the functions `movekit status` uses (review/status.py's measure
rows, the assumptions' and risks' own tests), so a spreadsheet and the dashboard agree.
Cells hold typed values: text, numbers and dates (a month stays a `MonthDay`, so writers
can show it as written).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from movekit.labels import one_line, stage_label
from movekit.model import Plan
from movekit.months import written
from movekit.progress import whole_or_not
from movekit.render.channels import channel_plan
from movekit.review.status import MeasureRow, measure_rows

Cell = str | int | float | dt.date | None
"""One cell: text, a number, a date, or empty."""

TABLES = ("results", "measures", "ctas", "activities", "spend")
"""The tables `--table` may name for CSV."""


@dataclass(frozen=True)
class Table:
    """One table: its name for `--table`, its sheet's title, its headings and rows."""

    name: str
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    status_columns: tuple[int, ...] = ()
    """Columns holding a measure's status or an overdue flag: coloured in a workbook."""


def plan_tables(plan: Plan, today: dt.date) -> list[Table]:
    """Every table of the plan on `today`, in workbook order; optional parts only when the
    plan has them (activities, spend, assumptions, risks)."""
    measures = measure_rows(plan, today)
    tables = [
        measures_table(measures),
        results_table(plan),
        ctas_table(plan, measures),
        channels_table(plan),
    ]
    if plan.activities:
        tables.append(activities_table(plan))
    if plan.spend:
        tables.append(spend_table(plan))
    if plan.assumptions:
        tables.append(assumptions_table(plan, today))
    if plan.risks:
        tables.append(risks_table(plan, today))
    return tables


def table_named(plan: Plan, today: dt.date, name: str) -> Table:
    """One table by its `--table` name (all of TABLES exist, empty or not)."""
    if name == "results":
        return results_table(plan)
    if name == "measures":
        return measures_table(measure_rows(plan, today))
    if name == "ctas":
        return ctas_table(plan, measure_rows(plan, today))
    if name == "activities":
        return activities_table(plan)
    return spend_table(plan)


def measures_table(rows: Sequence[MeasureRow]) -> Table:
    """Each measure: its line from baseline to target, its latest result and its status."""
    body: list[tuple[Cell, ...]] = [
        (
            row.measure.id,
            one_line(row.measure.metric),
            row.measure.kind or "count",
            row.measure.unit,
            _planned(row.measure.baseline),
            _planned(row.measure.target),
            row.measure.due,
            row.measure.done,
            None if row.latest is None else whole_or_not(row.latest.value),
            None if row.latest is None else row.latest.date,
            None if row.expected is None else whole_or_not(round(row.expected, 1)),
            row.status.value,
            row.measure.owner,
        )
        for row in rows
    ]
    headers = (
        "Measure",
        "Metric",
        "Kind",
        "Unit",
        "Baseline",
        "Target",
        "Due",
        "Done",
        "Latest",
        "Latest date",
        "Expected today",
        "Status",
        "Owner",
    )
    return Table("measures", "Measures", headers, body, status_columns=(11,))


def results_table(plan: Plan) -> Table:
    """Every recorded result, in the plan's order: the sheet `record --from` reads back."""
    body: list[tuple[Cell, ...]] = [
        (result.measure, result.date, whole_or_not(result.value)) for result in plan.results
    ]
    return Table("results", "Results", ("Measure", "Date", "Value"), body)


def ctas_table(plan: Plan, measures: Sequence[MeasureRow]) -> Table:
    """Every call to action by journey and stage, with its measure's status today."""
    statuses = {row.measure.id: row.status.value for row in measures}
    body: list[tuple[Cell, ...]] = []
    for journey in plan.journeys:
        for index, stage in enumerate(journey.stages):
            for cta in stage.ctas:
                body.append(
                    (
                        journey.id,
                        stage.id or one_line(stage.name) or stage_label(stage, index),
                        stage.level,
                        stage.phase,
                        cta.id,
                        one_line(cta.ask),
                        cta.mode,
                        ", ".join(stage.channels) or None,
                        cta.measure,
                        statuses.get(cta.measure or ""),
                        cta.target,
                        cta.owner,
                        dates_cell(cta.date),
                    )
                )
    headers = (
        "Journey",
        "Stage",
        "Level",
        "Phase",
        "Ask id",
        "Ask",
        "Mode",
        "Channels",
        "Measure",
        "Measure status",
        "Target",
        "Owner",
        "Date",
    )
    return Table("ctas", "Calls to action", headers, body, status_columns=(9,))


def channels_table(plan: Plan) -> Table:
    """The channel plan: each channel, and the stages that use it at each level."""
    found = channel_plan(plan)
    body: list[tuple[Cell, ...]] = []
    for row in found.rows:
        uses = [
            "; ".join(f"{use.journey}: stage {use.stage_number} {use.stage}" for use in cell)
            or None
            for cell in row.cells
        ]
        body.append((row.channel.id, row.channel.mode, row.channel.owner, *uses))
    headers = ("Channel", "Mode", "Owner", *(level.capitalize() for level in found.levels))
    return Table("channels", "Channel plan", headers, body)


def activities_table(plan: Plan) -> Table:
    """What the team does itself, and when: a row for each date of an activity (so the
    Date column holds real dates, to sort and filter; its budget on the first row only),
    one row for an undated one."""
    body: list[tuple[Cell, ...]] = [
        (
            activity.id,
            one_line(activity.what),
            day,
            activity.phase,
            activity.owner,
            ", ".join(activity.channels) or None,
            ", ".join(activity.serves) or None,
            # the budget once, on the first date's row, so the column adds up
            None if activity.budget is None or place else whole_or_not(activity.budget),
        )
        for activity in plan.activities
        for place, day in enumerate(_each_date(activity.date))
    ]
    headers = ("Activity", "What", "Date", "Phase", "Owner", "Channels", "Serves", "Budget")
    return Table("activities", "Activities", headers, body)


def spend_table(plan: Plan) -> Table:
    """Money spent, in the plan's order."""
    currency = (plan.campaign.currency or "").strip()
    amount = f"Amount ({currency})" if currency else "Amount"
    body: list[tuple[Cell, ...]] = [
        (entry.date, whole_or_not(entry.amount), ", ".join(entry.for_) or None, entry.note)
        for entry in plan.spend
    ]
    return Table("spend", "Spend", ("Date", amount, "For", "Note"), body)


def assumptions_table(plan: Plan, today: dt.date) -> Table:
    """Every assumption, its status and test-by date, overdue as MK805 decides."""
    body: list[tuple[Cell, ...]] = [
        (
            assumption.id,
            one_line(assumption.text),
            ", ".join(assumption.about) or None,
            assumption.evidence,
            assumption.current_status,
            assumption.test_by,
            "overdue" if assumption.test_overdue(today) else None,
        )
        for assumption in plan.assumptions
    ]
    headers = ("Assumption", "Text", "About", "Evidence", "Status", "Test by", "Overdue")
    return Table("assumptions", "Assumptions", headers, body, status_columns=(6,))


def risks_table(plan: Plan, today: dt.date) -> Table:
    """Every risk, its ratings, status and review-by date, overdue as MK808 decides."""
    body: list[tuple[Cell, ...]] = [
        (
            risk.id,
            one_line(risk.risk),
            ", ".join(risk.about) or None,
            risk.likelihood,
            risk.impact,
            risk.mitigation,
            risk.owner,
            risk.current_status,
            risk.review_by,
            "overdue" if risk.review_overdue(today) else None,
        )
        for risk in plan.risks
    ]
    headers = (
        "Risk",
        "What could go wrong",
        "About",
        "Likelihood",
        "Impact",
        "Mitigation",
        "Owner",
        "Status",
        "Review by",
        "Overdue",
    )
    return Table("risks", "Risks", headers, body, status_columns=(9,))


def _each_date(dates: Sequence[dt.date] | None) -> list[dt.date | None]:
    """Each date, or one None for an item with none (so it still has its row)."""
    return list(dates) if dates else [None]


def dates_cell(dates: Sequence[dt.date] | None) -> Cell:
    """One date as a date; several as text, each as the plan wrote it; none as empty."""
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    return ", ".join(written(day) for day in dates)


def _planned(value: float | str | None) -> Cell:
    """A baseline or target: a number as a number, `tbd` or `+30%` as written."""
    return value if value is None or isinstance(value, str) else whole_or_not(value)
