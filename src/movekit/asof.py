"""What is known about a plan on a given day: the one cut-off every dated view uses.

A plan can hold results, reviews, milestones' `done` dates and spending dated after the day
a document or dashboard is made for (`--today`, a board meeting in March rendered in June).
As of that day they have not happened: a document leaves them out entirely, so its tables,
charts, status words, timeline and budget all tell the same story. `movekit status` shares
the phases' states and the split of later entries, so the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from movekit.findings import Finding
from movekit.model import Measure, Phase, Plan, Result, Review, Spend
from movekit.rules.iterate import result_in_future, review_in_future

LATER_DATA_CODES = frozenset({result_in_future.RULE.code, review_in_future.RULE.code})
"""Findings about entries dated after the day: the entries are left out, so are these."""


@dataclass(frozen=True)
class AsOf:
    """A plan's dated entries split at `day`: on or before it is known, after it is not."""

    day: dt.date
    results: tuple[Result, ...]
    """Results dated on or before the day, in the plan's order."""
    reviews: tuple[Review, ...]
    """Reviews dated on or before the day, in the plan's order."""
    spend: tuple[Spend, ...]
    """Spending dated on or before the day, in the plan's order."""
    later_results: tuple[Result, ...] = ()
    later_reviews: tuple[Review, ...] = ()

    @property
    def reviewed(self) -> frozenset[str]:
        """Ids of the phases with a review held on or before the day."""
        return frozenset(review.phase for review in self.reviews)

    def results_of(self, measure: Measure) -> list[Result]:
        """The measure's known results, in the plan's order."""
        return [result for result in self.results if result.measure == measure.id]

    def done(self, measure: Measure) -> dt.date | None:
        """A milestone's `done` date when it is on or before the day, else None (not done yet)."""
        done = measure.done
        return done if done is not None and done <= self.day else None

    def phase_state(self, phase: Phase) -> str:
        """`done`, `current`, `upcoming` or `undated` on the day (see phase_state)."""
        return phase_state(phase, self.day)


def as_of(plan: Plan, day: dt.date) -> AsOf:
    """What the plan says is known on `day`."""
    return AsOf(
        day=day,
        results=tuple(result for result in plan.results if result.date <= day),
        reviews=tuple(review for review in plan.reviews if review.date <= day),
        spend=tuple(entry for entry in plan.spend if entry.date <= day),
        later_results=tuple(result for result in plan.results if result.date > day),
        later_reviews=tuple(review for review in plan.reviews if review.date > day),
    )


def phase_state(phase: Phase, day: dt.date) -> str:
    """Where a phase stands on `day`: `done` after its last day, `current` within its dates,
    `upcoming` before its first day, `undated` without any date.

    A missing date leaves that end open: a phase with only `starts` is never done, one with
    only `ends` is current until it ends.
    """
    if phase.starts is None and phase.ends is None:
        return "undated"
    if phase.ends is not None and day > phase.ends:
        return "done"
    return "current" if phase.starts is None or phase.starts <= day else "upcoming"


def known_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings without those about entries dated after the day (MK606, MK608): a
    document as of a day leaves those entries out, and a finding would show them."""
    return [finding for finding in findings if finding.code not in LATER_DATA_CODES]
