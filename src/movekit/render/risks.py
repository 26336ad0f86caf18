"""The "Assumptions and risks" section: what must hold, what could go wrong, and when to look.

Plain data, as in document.py. A missing status reads as the rules read it (docs/rules.md,
"How to read them"): `untested` for an assumption, `open` for a risk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.about import Index, Named
from movekit.model import RATINGS, Assumption, Plan, Risk


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
    """Ids of the risks without a likelihood or an impact: they have no cell."""
    ratings: tuple[str, ...] = RATINGS


def assumptions_and_risks(plan: Plan, today: dt.date) -> AssumptionsAndRisks:
    """Both lists in plan order; empty lists when the plan has neither."""
    index = Index(plan)
    risks = [_risk(index, risk, today) for risk in plan.risks]
    return AssumptionsAndRisks(
        assumptions=[_assumption(index, item, today) for item in plan.assumptions],
        risks=risks,
        grid=_grid(risks),
        unrated=[row.id for row in risks if row.likelihood is None or row.impact is None],
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


def _risk(index: Index, item: Risk, today: dt.date) -> RiskRow:
    return RiskRow(
        id=item.id,
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
    return [
        GridRow(
            impact,
            [
                [row.id for row in risks if row.impact == impact and row.likelihood == likelihood]
                for likelihood in RATINGS
            ],
        )
        for impact in reversed(RATINGS)
    ]


def about_words(index: Index, entries: list[str]) -> list[str]:
    """Each `about` entry in words: `journey 'parents-journey'`, `call to action
    'walking-bus' in journey 'parents-journey'`; an entry that names nothing stays as written."""
    return [_words(index.named(entry), entry) for entry in entries]


def _words(named: Named | None, entry: str) -> str:
    if named is None:
        return entry
    where = f" in journey '{named.journey.id}'" if named.journey is not None else ""
    return f"{named.kind} '{named.id}'{where}"
