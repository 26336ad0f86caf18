"""Whether a milestone can be marked done on a date: for `record MILESTONE --date D` and for
the milestone rows of a CSV file (a milestone with an empty value)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.model import Measure, Plan
from movekit.review.donetext import DoneAt


@dataclass(frozen=True)
class NewDone:
    """A milestone to mark done, and the done date it corrects (None: not done before)."""

    measure: str
    at: DoneAt
    replaced: dt.date | None = None


def find_measure(plan: Plan, name: str) -> tuple[int, int, Measure] | None:
    """The outcome's and the measure's indexes of the measure called `name`."""
    for i, outcome in enumerate(plan.outcomes):
        for j, measure in enumerate(outcome.measures):
            if measure.id == name:
                return i, j, measure
    return None


def done_problem(measure: Measure, date: dt.date, replace: bool) -> str | None:
    """Why the milestone cannot be marked done on `date` (already done, or nothing to
    correct with --replace); None when it can."""
    if measure.done is not None and not replace:
        if measure.done == date:
            return f"'{measure.id}' is already done on {measure.done} in the plan"
        return (
            f"'{measure.id}' is already done on {measure.done}: to correct the date to "
            f"{date}, add --replace"
        )
    if measure.done is None and replace:
        return (
            f"--replace corrects a done date, but '{measure.id}' is not done yet: "
            "leave out --replace"
        )
    return None


def new_done(found: tuple[int, int, Measure], date: dt.date) -> NewDone:
    i, j, measure = found
    return NewDone(measure.id, DoneAt(i, j, date), measure.done)
