"""Plan, review, adjust: phases as a timeline, what reviews found, and the results so far.

Everything is as of the document's date (movekit.asof): reviews and results dated after it
are left out, and a phase counts as reviewed only by a review held on or before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from movekit.asof import AsOf, as_of
from movekit.model import Plan
from movekit.render.activities import activities


@dataclass(frozen=True)
class PhaseRow:
    """A phase with where it stands on the document's date."""

    id: str
    name: str
    starts: dt.date | None
    ends: dt.date | None
    review: dt.date | None
    reviewed: bool
    """A review of this phase, held on or before the document's date, is recorded."""
    state: str
    """done, current, upcoming, or undated when the phase has no dates at all."""
    owner: str | None = None


@dataclass(frozen=True)
class ReviewRow:
    """What one review learned and changed."""

    phase: str
    date: dt.date
    learned: str | None
    changes: str | None


@dataclass(frozen=True)
class ResultRow:
    """A measured value."""

    date: dt.date
    measure: str
    metric: str
    value: float
    unit: str | None


@dataclass(frozen=True)
class Iteration:
    """The plan-review-adjust section; `span` is the first and last day any date covers."""

    phases: list[PhaseRow]
    reviews: list[ReviewRow]
    results: list[ResultRow]
    span: tuple[dt.date, dt.date] | None
    as_of: dt.date
    marks: list[tuple[dt.date, str]] = field(default_factory=list)
    """The team's dated activities (day, what), drawn on the timeline below the phases."""
    cadence: str | None = None
    """`campaign.review-cadence`: how reviews are held without dates ('at the coalition's
    monthly meeting'), shown beside the phases (polish after review, issue 16)."""

    @property
    def owned(self) -> bool:
        """True when any phase names its owner: the phase table then has an owner column."""
        return any(phase.owner is not None for phase in self.phases)


def iteration(plan: Plan, today: dt.date) -> Iteration:
    """Phases in date order (undated last), reviews and results in date order, as of `today`."""
    known = as_of(plan, today)
    marks = activities(plan).marks
    span = _span(plan, [day for day, _ in marks])
    phases = _phases(plan, known)
    cadence = (plan.campaign.review_cadence or "").strip() or None
    reviews, results = _reviews(plan, known), _results(plan, known)
    return Iteration(phases, reviews, results, span, today, marks, cadence)


def _phases(plan: Plan, known: AsOf) -> list[PhaseRow]:
    reviewed, today = known.reviewed, known.day
    dated = sorted(plan.phases, key=lambda phase: (phase.starts is None, phase.starts or today))
    return [
        PhaseRow(
            p.id,
            p.name,
            p.starts,
            p.ends,
            p.review,
            p.id in reviewed,
            known.phase_state(p),
            p.owner,
        )
        for p in dated
    ]


def _reviews(plan: Plan, known: AsOf) -> list[ReviewRow]:
    names = {phase.id: phase.name for phase in plan.phases}
    return [
        ReviewRow(names.get(r.phase, r.phase), r.date, r.learned, r.changes)
        for r in sorted(known.reviews, key=lambda review: review.date)
    ]


def _results(plan: Plan, known: AsOf) -> list[ResultRow]:
    measures = {m.id: m for outcome in plan.outcomes for m in outcome.measures}
    return [
        ResultRow(r.date, r.measure, measures[r.measure].metric, r.value, measures[r.measure].unit)
        for r in sorted(known.results, key=lambda result: result.date)
        if r.measure in measures
    ]


def _span(plan: Plan, marks: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    days: list[dt.date | None] = [plan.campaign.starts, plan.campaign.ends, *marks]
    for phase in plan.phases:
        days += [phase.starts, phase.ends, phase.review]
    known = [day for day in days if day is not None]
    if len(known) < 2 or min(known) == max(known):
        return None
    return min(known), max(known)
