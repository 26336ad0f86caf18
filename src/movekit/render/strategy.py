"""The outcome-based strategy section: each outcome with its measures and where they stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from movekit.asof import as_of
from movekit.model import Measure, Plan
from movekit.months import is_month
from movekit.progress import (
    Status,
    baseline_value,
    baseline_words,
    latest_result,
    measure_status,
    milestone_words,
    progress_share,
    target_value,
    target_words,
)
from movekit.render.chart import markdown_rows, trajectory_svg
from movekit.render.formatting import long_date, short_date
from movekit.render.markdown import MarkdownText
from movekit.render.power import target_names


@dataclass(frozen=True)
class MeasureRow:
    """One row of an outcome's measures table, as of the document's date."""

    id: str
    metric: str
    unit: str | None
    baseline: float | None
    target: float | None
    due: dt.date | None
    source: str | None
    latest_value: float | None
    latest_date: dt.date | None
    status: str
    """on-track, behind, missed, met or no-data (see movekit.progress)."""
    progress: float | None
    """Share of the way from baseline to target (0.82 is 82%); None without both."""
    chart: Markup | None
    """An inline SVG of the results against the straight line, when there are results."""
    chart_rows: list[MarkdownText]
    """The same as Markdown table lines (header, separator, one per result): dates and
    numbers only, so they are Markdown as they stand."""
    kind: str = "count"
    """count or milestone (a step that happens or not: `done` is the day it did)."""
    done: dt.date | None = None
    baseline_text: str = ""
    """The baseline as written: `1,000`, `tbd` or empty (`baseline` is the number or None)."""
    target_text: str = ""
    """The target as written and worked out: `+30% (1,300)`, `tbd`, `32` or empty."""
    standing: str = ""
    """The status in words: `on track`, `behind`, ..., `tracked in the sponsor tracker`
    (no result in the plan, kept elsewhere), or for a milestone `done on 4 Mar 2027`,
    `done in September 2016`, `due 2027-05-31`, `missed`."""
    tracked_in: str | None = None
    """Where the results are kept while the plan has none (`tracked-in`, as `status` shows
    it); None once the plan has a result or without `tracked-in`."""


@dataclass(frozen=True)
class OutcomeSection:
    """A desired outcome and how it is measured."""

    id: str
    title: str
    type: str
    measures: list[MeasureRow]
    journeys: list[str]
    """Ids of the journeys that drive this outcome."""
    owner: str | None = None
    targets: list[str] = field(default_factory=list)
    """Names of the decision-makers who must decide for this outcome to happen."""


def outcome_sections(plan: Plan, today: dt.date) -> list[OutcomeSection]:
    """Every outcome in plan order, its measures as of `today`."""
    targets = target_names(plan)
    return [
        OutcomeSection(
            id=outcome.id,
            title=outcome.title,
            type=outcome.type,
            measures=[measure_row(plan, measure, today) for measure in outcome.measures],
            journeys=[j.id for j in plan.journeys if outcome.id in j.outcomes],
            owner=outcome.owner,
            targets=[targets.get(target, target) for target in outcome.targets],
        )
        for outcome in plan.outcomes
    ]


def measure_row(plan: Plan, measure: Measure, today: dt.date) -> MeasureRow:
    """A measure with its latest result on or before `today`, its status and its chart.

    Only what is known on `today` (movekit.asof) reaches the table, the status and the
    chart, so a chart never plots a result the table does not count.
    """
    known = as_of(plan, today)
    results = known.results_of(measure)
    latest = latest_result(results, today)
    starts = plan.campaign.starts
    status = measure_status(measure, results, starts, today)
    tracked = _tracked_in(measure, status)
    return MeasureRow(
        id=measure.id,
        metric=measure.metric,
        unit=measure.unit,
        baseline=baseline_value(measure),
        target=target_value(measure),
        due=measure.due,
        source=measure.source,
        latest_value=None if latest is None else latest.value,
        latest_date=None if latest is None else latest.date,
        status=status.value,
        progress=None if latest is None else progress_share(measure, latest.value),
        chart=Markup(trajectory_svg(measure, results, starts, today=today)) if results else None,
        chart_rows=[MarkdownText(row) for row in markdown_rows(measure, results, starts)]
        if results
        else [],
        kind=measure.kind or "count",
        done=known.done(measure),
        baseline_text=baseline_words(measure),
        target_text=target_words(measure),
        standing=_standing(measure, status, tracked),
        tracked_in=tracked,
    )


def _tracked_in(measure: Measure, status: Status) -> str | None:
    """Where the results are kept, while the plan has none (as `movekit status` says)."""
    where = (measure.tracked_in or "").strip()
    return where if where and status is Status.NO_DATA else None


def _standing(measure: Measure, status: Status, tracked: str | None) -> str:
    """The status in words for the table's Progress cell and the summary."""
    if measure.kind == "milestone":
        words = milestone_words(measure, status, short_date)
        if status is Status.MET and measure.done is not None and is_month(measure.done):
            return f"done in {long_date(measure.done)}"  # not "done on Sep 2016"
        return words
    return f"tracked in {tracked}" if tracked else status.value.replace("-", " ")
