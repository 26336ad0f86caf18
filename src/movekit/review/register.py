"""The assumptions to test and the risks to review on a day: the part of `movekit status`
that reads the plan's `assumptions` and `risks`.

"Overdue" follows MK805 and MK808 (a date strictly before today), a missing status counts
as `untested` or `open` as those rules count it, and an assumption whose measures are behind
is found as MK806 finds it (with about.py's `measures_of` and the statuses of
progress.measure_status), so status and check agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from movekit.about import Index, measures_of
from movekit.model import Assumption, Plan, Risk
from movekit.progress import Status

TO_TEST = ("untested", "under-strain")
"""Assumption statuses that still need a test: none yet, or the evidence is doubtful."""
STRAINABLE = ("untested", "holding")
"""Statuses MK806 questions when the results behind the assumption fall short."""
SHORT = (Status.BEHIND, Status.MISSED)


@dataclass(frozen=True)
class AssumptionRow:
    """An assumption still to test."""

    assumption: Assumption
    status: str
    """Its status, `untested` when the plan leaves it out."""
    overdue: bool
    """MK805's test: untested, and the test-by date is before today."""
    strained_by: tuple[tuple[str, Status], ...] = ()
    """MK806's finding: the measures it is about that are behind or missed today, each
    with its status."""


@dataclass(frozen=True)
class RiskRow:
    """A risk still to review."""

    risk: Risk
    status: str
    """Its status, `open` when the plan leaves it out."""
    overdue: bool
    """MK808's test: the review-by date is before today."""

    @property
    def high(self) -> bool:
        """A high likelihood or a high impact: the risks to look at first."""
        return "high" in (self.risk.likelihood, self.risk.impact)


def assumptions_to_test(
    plan: Plan, today: dt.date, statuses: dict[str, Status]
) -> list[AssumptionRow]:
    """Untested and under-strain assumptions, and holding ones whose measures are behind
    (MK806), soonest test-by date first, undated last. `statuses`: measure id -> status."""
    index = Index(plan)
    rows = []
    for assumption in plan.assumptions:
        status = assumption.current_status
        strained = _strained(assumption, plan, index, statuses) if status in STRAINABLE else ()
        if status in TO_TEST or strained:
            rows.append(AssumptionRow(assumption, status, assumption.test_overdue(today), strained))
    return sorted(rows, key=lambda row: _soonest(row.assumption.test_by))


def _strained(
    assumption: Assumption, plan: Plan, index: Index, statuses: dict[str, Status]
) -> tuple[tuple[str, Status], ...]:
    """The measures the assumption is about that are behind or missed, each once, in order."""
    ids = (m for named in index.all_named(assumption.about) for m in measures_of(named, plan))
    return tuple((m, statuses[m]) for m in dict.fromkeys(ids) if statuses.get(m) in SHORT)


def risks_to_review(plan: Plan, today: dt.date) -> list[RiskRow]:
    """Open and accepted risks, soonest review-by date first, undated last."""
    rows = []
    for risk in plan.risks:
        if risk.live:
            rows.append(RiskRow(risk, risk.current_status, risk.review_overdue(today)))
    return sorted(rows, key=lambda row: _soonest(row.risk.review_by))


def _soonest(day: dt.date | None) -> tuple[bool, dt.date]:
    """A sort key: dated ones by date, then undated ones (sorted() keeps the plan's order)."""
    return (day is None, day or dt.date.min)


def assumption_json(row: AssumptionRow) -> dict[str, Any]:
    assumption = row.assumption
    return {
        "assumption": assumption.id,
        "text": assumption.text,
        "about": list(assumption.about),
        "evidence": assumption.evidence,
        "status": row.status,
        "test_by": _iso(assumption.test_by),
        "overdue": row.overdue,
        "strained_by": [{"measure": m, "status": status} for m, status in row.strained_by],
    }


def risk_json(row: RiskRow) -> dict[str, Any]:
    risk = row.risk
    return {
        "risk": risk.id,
        "text": risk.risk,
        "about": list(risk.about),
        "likelihood": risk.likelihood,
        "impact": risk.impact,
        "mitigation": risk.mitigation,
        "owner": risk.owner,
        "status": row.status,
        "review_by": _iso(risk.review_by),
        "overdue": row.overdue,
        "high": row.high,
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
