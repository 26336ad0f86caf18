"""Where a campaign stands on a day: each measure against its line, the assumptions to test
and risks to review (register.py), the phases and reviews, and the calls to action whose
measures are behind. The data behind `movekit status`.

Measure statuses come from progress.measure_status, the function rules MK603 to MK605 use,
and overdue reviews follow MK602, so the dashboard and `movekit check` always agree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from movekit.asof import as_of, phase_state
from movekit.labels import one_line, stage_label
from movekit.model import Measure, Phase, Plan, Result, Review
from movekit.progress import (
    Status,
    baseline_value,
    expected_value,
    latest_result,
    measure_status,
    milestone_words,
    progress_share,
    target_value,
    whole_or_not,
)
from movekit.review.activities import ActivityRow, activities_near
from movekit.review.budget import BudgetRow, budget_row
from movekit.review.cells import date_cell
from movekit.review.register import (
    AssumptionRow,
    RiskRow,
    assumption_json,
    assumptions_to_test,
    risk_json,
    risks_to_review,
)

REWORK = frozenset({Status.BEHIND, Status.MISSED})
"""Statuses that make a measure's calls to action worth rethinking."""


@dataclass(frozen=True)
class MeasureRow:
    """One measure on the day: its line, its latest result and its status."""

    measure: Measure
    latest: Result | None
    expected: float | None
    """What the straight line from baseline to target expects on the day."""
    status: Status

    @property
    def share(self) -> float | None:
        """How far the latest result has come from baseline to target (1 = there)."""
        return None if self.latest is None else progress_share(self.measure, self.latest.value)

    @property
    def milestone(self) -> str | None:
        """A milestone's standing in words (`done on 2027-03-04`); None for a count."""
        kind = self.measure.kind
        if kind != "milestone":
            return None
        return milestone_words(self.measure, self.status, date_cell)  # a month as written

    @property
    def tracked_elsewhere(self) -> str | None:
        """Where the results are kept when the plan has none yet (MK604 then says nothing)."""
        where = (self.measure.tracked_in or "").strip()
        return where if where and self.status is Status.NO_DATA else None


@dataclass(frozen=True)
class PhaseRow:
    """One phase on the day."""

    phase: Phase
    current: bool
    reviewed: bool
    """Any review of the phase is recorded, whatever its date, as MK602 counts it (MK608
    flags one dated after today); a document as of a day counts only those held by then."""
    review_overdue: bool
    next_review: bool


@dataclass(frozen=True)
class CtaRow:
    """A call to action whose measure is behind or missed."""

    journey: str
    stage: str
    """The stage's id, else its name, else its label (`stage 2`)."""
    ask: str
    measure: str
    status: Status


@dataclass(frozen=True)
class Dashboard:
    """Everything `movekit status` shows, for one plan on one day."""

    campaign: str
    today: dt.date
    measures: list[MeasureRow]
    phases: list[PhaseRow]
    ctas: list[CtaRow]
    future_results: tuple[Result, ...] = ()
    """Results dated after today: left out of every measure, and flagged by MK606."""
    future_reviews: tuple[Review, ...] = ()
    """Reviews dated after today, flagged by MK608."""
    assumptions: tuple[AssumptionRow, ...] = ()
    """The assumptions to test, soonest first."""
    risks: tuple[RiskRow, ...] = ()
    """The risks to review, soonest first."""
    has_assumptions: bool = False
    """The plan lists assumptions (all tested, perhaps): the text then says so."""
    has_risks: bool = False
    """The plan lists risks (all dealt with, perhaps)."""
    review_cadence: str | None = None
    """The rhythm of reviews held without dates ('at every board meeting'), shown by the phases."""
    budget: BudgetRow | None = None
    """Spent against the budget; None when the plan has neither a budget nor spending."""
    activities: tuple[ActivityRow, ...] = ()
    """The activities dated in the four weeks either side of today, soonest first."""
    has_activities: bool = False
    """The plan lists activities (none near today, perhaps): the text then says so."""

    def counts(self) -> dict[Status, int]:
        """How many measures have each status, every status included."""
        found = [row.status for row in self.measures]
        return {status: found.count(status) for status in Status}

    def to_json(self) -> dict[str, Any]:
        """The JSON of `movekit status --format json` (documented in docs/review-loop.md)."""
        return {
            "today": self.today.isoformat(),
            "measures": [_measure_json(row) for row in self.measures],
            "phases": [_phase_json(row) for row in self.phases],
            "review_cadence": self.review_cadence,
            "budget": None if self.budget is None else self.budget.to_json(),
            "activities": [row.to_json() for row in self.activities],
            "assumptions": [assumption_json(row) for row in self.assumptions],
            "risks": [risk_json(row) for row in self.risks],
        }


def build_dashboard(plan: Plan, today: dt.date) -> Dashboard:
    """The dashboard of a valid plan on `today`."""
    measures = measure_rows(plan, today)
    statuses = {row.measure.id: row.status for row in measures}
    known = as_of(plan, today)
    return Dashboard(
        campaign=plan.campaign.name,
        today=today,
        measures=measures,
        phases=phase_rows(plan, today),
        ctas=ctas_to_rework(plan, statuses),
        future_results=known.later_results,
        future_reviews=known.later_reviews,
        assumptions=tuple(assumptions_to_test(plan, today, statuses)),
        risks=tuple(risks_to_review(plan, today)),
        has_assumptions=bool(plan.assumptions),
        has_risks=bool(plan.risks),
        review_cadence=plan.campaign.review_cadence,
        budget=budget_row(plan, today),
        activities=tuple(activities_near(plan, today)),
        has_activities=bool(plan.activities),
    )


def measure_rows(plan: Plan, today: dt.date) -> list[MeasureRow]:
    """Every measure in plan order, classified exactly as MK603 to MK605 classify it."""
    results: dict[str, list[Result]] = defaultdict(list)
    for result in plan.results:
        results[result.measure].append(result)
    starts = plan.campaign.starts
    return [
        MeasureRow(
            measure=measure,
            latest=latest_result(results[measure.id], today),
            expected=expected_value(measure, starts, today, results[measure.id]),
            status=measure_status(measure, results[measure.id], starts, today),
        )
        for outcome in plan.outcomes
        for measure in outcome.measures
    ]


def phase_rows(plan: Plan, today: dt.date) -> list[PhaseRow]:
    """Every phase: current by its dates, reviewed, overdue as MK602 says, or reviewed next."""
    reviewed = {review.phase for review in plan.reviews}
    upcoming = [
        phase for phase in plan.phases if phase.review is not None and phase.review >= today
    ]
    upcoming = [phase for phase in upcoming if phase.id not in reviewed]
    soonest = min(upcoming, key=lambda phase: phase.review or today, default=None)
    return [
        PhaseRow(
            phase=phase,
            current=is_current(phase, today),
            reviewed=phase.id in reviewed,
            review_overdue=is_review_overdue(phase, reviewed, today),
            next_review=phase is soonest,
        )
        for phase in plan.phases
    ]


def is_current(phase: Phase, today: dt.date) -> bool:
    """True when today falls within the phase's dates (a missing date leaves that end open;
    a phase with no dates at all is never current): the state documents show too."""
    return phase_state(phase, today) == "current"


def is_review_overdue(phase: Phase, reviewed: set[str], today: dt.date) -> bool:
    """MK602's test: the review date has passed and no review of the phase is recorded."""
    return phase.review is not None and phase.review < today and phase.id not in reviewed


def ctas_to_rework(plan: Plan, statuses: dict[str, Status]) -> list[CtaRow]:
    """The calls to action, in plan order, whose measure is behind or has missed its target."""
    rows = []
    for journey in plan.journeys:
        for index, stage in enumerate(journey.stages):
            for cta in stage.ctas:
                status = statuses.get(cta.measure or "")
                if cta.measure is not None and status in REWORK:
                    name = stage.id or one_line(stage.name) or stage_label(stage, index)
                    rows.append(CtaRow(journey.id, name, cta.ask, cta.measure, status))
    return rows


def _measure_json(row: MeasureRow) -> dict[str, Any]:
    measure, latest = row.measure, row.latest
    return {
        "measure": measure.id,
        "kind": measure.kind or "count",
        "baseline": _whole_or_not(baseline_value(measure)),
        "baseline_written": _written(measure.baseline),
        "target": _whole_or_not(target_value(measure)),
        "target_written": _written(measure.target),
        "due": _iso(measure.due),
        "done": _iso(measure.done),
        "latest": None if latest is None else latest.value,
        "latest_date": None if latest is None else _iso(latest.date),
        "expected": _whole_or_not(row.expected),
        "status": row.status.value,
        "tracked_in": measure.tracked_in,
    }


def _phase_json(row: PhaseRow) -> dict[str, Any]:
    phase = row.phase
    return {
        "phase": phase.id,
        "name": phase.name,
        "starts": _iso(phase.starts),
        "ends": _iso(phase.ends),
        "review": _iso(phase.review),
        "current": row.current,
        "reviewed": row.reviewed,
        "review_overdue": row.review_overdue,
        "next_review": row.next_review,
    }


def _written(value: float | str | None) -> str | None:
    """`tbd` or `+30%` as the plan writes it; None for a plain number (then in `target`)."""
    return value if isinstance(value, str) else None


def _whole_or_not(value: float | None) -> float | int | None:
    """6034.0 -> 6034: a count expected on the line is written as a whole number."""
    return None if value is None else whole_or_not(value)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
