"""The one-page summary after the cover: the goal, where each outcome stands, the next
review (or the plan's rhythm of reviews), the money in one line and the three gaps that
matter most, with how many others there are.

It reads the same as-of data as the rest of the document (the measures' statuses in
`doc.outcomes`, the phases in `doc.iteration`), so the page never disagrees with the tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.render.gaps import PeopleGaps, PersonGap
from movekit.render.iterate import Iteration
from movekit.render.names import amount, ordinal, proportion
from movekit.render.strategy import MeasureRow, OutcomeSection

STATUS_WORDS = {
    "on-track": "on track",
    "behind": "behind",
    "missed": "missed",
    "met": "met",
    "no-data": "no data",
}
"""A measure's status -> the words shown beside its colour (never the colour alone)."""


@dataclass(frozen=True)
class MeasureLine:
    """A measure in one line: its metric, status in words and how far it has come."""

    metric: str
    status: str
    """on-track, behind, missed, met or no-data (a CSS class: `status-behind`)."""
    words: str
    """The status in words: `on track`, `no data`."""
    detail: str
    """`1,140 of 2,000 responses`, `done on 4 Mar 2027`, or empty."""


@dataclass(frozen=True)
class OutcomeLine:
    """An outcome and its measures, linked to its section (`#outcome-ID`)."""

    id: str
    title: str
    measures: list[MeasureLine]


@dataclass(frozen=True)
class NextReview:
    """The next review not yet held: its phase, its date and which of the reviews it is."""

    phase: str
    date: dt.date
    number: str
    """`2nd`: the review's place among the plan's review dates."""
    of: int
    """How many reviews the plan has dates for."""


@dataclass(frozen=True)
class Summary:
    """What a board needs from the plan on one page."""

    goal: str
    as_of: dt.date
    outcomes: list[OutcomeLine]
    next_review: NextReview | None
    overdue_reviews: list[NextReview]
    """Review dates passed with no review recorded."""
    top_gaps: list[PersonGap] | None
    """The three most important gaps; None when the document leaves out its gaps."""
    # polish after a campaign lead's review (issue 16)
    other_gaps: int = 0
    """How many open gaps are not among `top_gaps` (worth a look, for later)."""
    cadence: str | None = None
    """`campaign.review-cadence` ('at the coalition's monthly meeting'): how reviews are
    held when no dated one is coming."""
    money: str | None = None
    """The budget in one line, as `movekit status` reads it: `£1,850 of £60,000 spent (3%) ·
    71% of the campaign gone`; None when the plan has no budget."""


def summary(
    goal: str,
    outcomes: list[OutcomeSection],
    iteration: Iteration,
    gaps: PeopleGaps | None,
    cadence: str | None = None,
    money: str | None = None,
) -> Summary:
    """The summary page from the document's own data; `money` is the budget line."""
    reviews = _reviews(iteration)
    top = None if gaps is None else gaps.most_important()
    every = 0 if gaps is None else sum(len(section.gaps) for section in gaps.sections)
    upcoming = [r for r, held in reviews if not held and r.date >= iteration.as_of]
    overdue = [r for r, held in reviews if not held and r.date < iteration.as_of]
    return Summary(
        goal=goal,
        as_of=iteration.as_of,
        outcomes=[OutcomeLine(o.id, o.title, [_line(m) for m in o.measures]) for o in outcomes],
        next_review=upcoming[0] if upcoming else None,
        overdue_reviews=overdue,
        top_gaps=top,
        other_gaps=every - len(top or ()),
        cadence=(cadence or "").strip() or None,
        money=money,
    )


def _line(measure: MeasureRow) -> MeasureLine:
    if measure.tracked_in is not None:  # as `movekit status` shows it
        return MeasureLine(measure.metric, measure.status, measure.standing, "")
    words = STATUS_WORDS.get(measure.status, measure.status.replace("-", " "))
    if measure.kind == "milestone":
        detail = "" if measure.standing == words else measure.standing
    elif _coming_down(measure):
        # a measure that should fall (car drop-offs): "1,090 of 900" would read as overshot
        latest, target = amount(measure.latest_value, measure.unit), amount(measure.target, None)
        detail = f"{latest}, coming down to {target}"
    else:
        detail = proportion(measure.latest_value, measure.target, measure.unit)
    return MeasureLine(measure.metric, measure.status, words, detail)


def _coming_down(measure: MeasureRow) -> bool:
    """A count whose target is below its baseline, with a latest result."""
    base, target = measure.baseline, measure.target
    if base is None or target is None or measure.latest_value is None:
        return False
    return target < base


def _reviews(iteration: Iteration) -> list[tuple[NextReview, bool]]:
    """Every phase's review date in date order, numbered, with whether it was held."""
    dated = sorted(
        (phase for phase in iteration.phases if phase.review is not None),
        key=lambda phase: phase.review or dt.date.min,
    )
    return [
        (NextReview(phase.name, phase.review, ordinal(number), len(dated)), phase.reviewed)
        for number, phase in enumerate(dated, start=1)
        if phase.review is not None
    ]
