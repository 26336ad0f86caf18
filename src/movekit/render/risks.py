"""The "Assumptions and risks" section: what must hold, what could go wrong, and when to look.

Plain data, as in document.py. A missing status reads as the rules read it (docs/rules.md,
"How to read them"): `untested` for an assumption, `open` for a risk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.about import Index
from movekit.model import RATINGS, Assumption, Plan, Risk
from movekit.render.named import named_words
from movekit.render.names import journey_names


@dataclass(frozen=True)
class AssumptionRow:
    """Something that must hold, what it is about (in words) and how you will know."""

    id: str
    text: str
    about: list[str]
    """What it is about, in words: `journey 'parents-journey'`."""
    evidence: str | None
    status: str
    """untested, holding, under-strain or broken (`untested` when the plan does not say)."""
    test_by: dt.date | None
    overdue: bool
    """Still untested after its test-by date (as rule MK805 reads it)."""


@dataclass(frozen=True)
class RiskRow:
    """Something that could go wrong, how likely and how bad, and what you do about it."""

    id: str
    number: int
    """Its place in the plan's list, from 1: readers find it in the grid as `Risk 2`."""
    risk: str
    about: list[str]
    likelihood: str | None
    impact: str | None
    mitigation: str | None
    owner: str | None
    status: str
    """open, mitigated, accepted or closed (`open` when the plan does not say)."""
    review_by: dt.date | None
    overdue: bool
    """Open or accepted after its review-by date (as rule MK808 reads it)."""

    @property
    def label(self) -> str:
        """What the grid and the table call it: `Risk 2` (an id is for the plan's writer)."""
        return f"Risk {self.number}"


@dataclass(frozen=True)
class GridRow:
    """One impact of the likelihood x impact grid: a cell of risk ids per likelihood."""

    impact: str
    cells: list[list[str]]
    """In RATINGS order (low, medium, high likelihood)."""


@dataclass(frozen=True)
class AssumptionsAndRisks:
    """The section's data: both tables, and the grid with the highest impact first."""

    assumptions: list[AssumptionRow]
    risks: list[RiskRow]
    grid: list[GridRow]
    unrated: list[str]
    """Labels (`Risk 3`) of the risks without a likelihood or an impact: they have no cell."""
    ratings: tuple[str, ...] = RATINGS


def assumptions_and_risks(plan: Plan, today: dt.date) -> AssumptionsAndRisks:
    """Both lists in plan order; empty lists when the plan has neither."""
    index = Index(plan)
    risks = [_risk(index, risk, number, today) for number, risk in enumerate(plan.risks, 1)]
    return AssumptionsAndRisks(
        assumptions=[_assumption(index, item, today) for item in plan.assumptions],
        risks=risks,
        grid=_grid(risks),
        unrated=[row.label for row in risks if row.likelihood is None or row.impact is None],
    )


def _assumption(index: Index, item: Assumption, today: dt.date) -> AssumptionRow:
    return AssumptionRow(
        id=item.id,
        text=item.text,
        about=about_words(index, item.about),
        evidence=item.evidence,
        status=item.current_status,
        test_by=item.test_by,
        overdue=item.test_overdue(today),
    )


def _risk(index: Index, item: Risk, number: int, today: dt.date) -> RiskRow:
    return RiskRow(
        id=item.id,
        number=number,
        risk=item.risk,
        about=about_words(index, item.about),
        likelihood=item.likelihood,
        impact=item.impact,
        mitigation=item.mitigation,
        owner=item.owner,
        status=item.current_status,
        review_by=item.review_by,
        overdue=item.review_overdue(today),
    )


def _grid(risks: list[RiskRow]) -> list[GridRow]:
    def cell(impact: str, likelihood: str) -> list[str]:
        return [row.label for row in risks if (row.impact, row.likelihood) == (impact, likelihood)]

    return [
        GridRow(impact, [cell(impact, likelihood) for likelihood in RATINGS])
        for impact in reversed(RATINGS)
    ]


def about_words(index: Index, entries: list[str]) -> list[str]:
    """Each `about` entry as readers know the item: `journey: Parents at the 20 schools`,
    `call to action: Walk your child to school (Parents at the 20 schools)`, `outcome:
    Council adopts the policy`; an entry that names nothing stays as written."""
    journeys = journey_names(index.plan)
    return [_words(index, journeys, entry) for entry in entries]


def _words(index: Index, journeys: dict[str, str], entry: str) -> str:
    named = index.named(entry)
    if named is None:
        return entry
    if named.kind == "journey":
        return f"journey: {journeys.get(named.id, named.id)}"
    name = named_words(index, [entry])[0]
    where = f" ({journeys.get(named.journey.id, named.journey.id)})" if named.journey else ""
    return f"{named.kind}: {name}{where}"
