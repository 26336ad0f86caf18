"""The Budget section: what each activity and community mechanism is planned to cost, the
whole budget and the rest not given to items, and what has been spent up to the document's
date, in total and by item."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from movekit.about import Index
from movekit.asof import as_of
from movekit.model import Plan
from movekit.render.named import named_words


@dataclass(frozen=True)
class BudgetRow:
    """An item with a budget or spending: an activity, a mechanism, or anything spent on."""

    kind: str
    """`activity`, `community mechanism`, or `other` for spending on anything else."""
    name: str
    planned: float | None
    spent: float

    @property
    def over(self) -> float | None:
        """How much more is spent than planned; None when within its budget or without one."""
        if self.planned is None or self.spent <= self.planned:
            return None
        return self.spent - self.planned


@dataclass(frozen=True)
class Budget:
    """Money in and out; amounts are numbers, `money` writes them with the currency."""

    currency: str | None
    total: float | None
    rows: list[BudgetRow]
    planned: float
    """What the items' budgets add up to."""
    spent: float
    """Everything spent up to the document's date."""
    unassigned: float
    """Spent on no item in particular."""
    as_of: dt.date
    shown: bool
    """The plan has a budget, item budgets or spending: the section shows."""

    def __bool__(self) -> bool:
        return self.shown

    @property
    def rest(self) -> float | None:
        """The total less what the items add up to (below 0 when the items exceed it)."""
        return None if self.total is None else self.total - self.planned


def budget(plan: Plan, today: dt.date) -> Budget:
    """The section's data; falsy when the plan has no budget, item budgets or spend."""
    index = Index(plan)
    spent: dict[str, float] = defaultdict(float)
    known = as_of(plan, today).spend
    for entry in known:
        spent[", ".join(named_words(index, entry.for_))] += entry.amount
    items = [("activity", a.what, a.budget) for a in plan.activities]
    items += [("community mechanism", m.name, m.budget) for m in plan.community]
    rows = [
        BudgetRow(kind, name, planned, spent.pop(name, 0.0))
        for kind, name, planned in items
        if planned is not None or name in spent
    ]
    unassigned = spent.pop("", 0.0)
    rows += [BudgetRow("other", name, None, amount) for name, amount in spent.items()]
    return Budget(
        currency=plan.campaign.currency,
        total=plan.campaign.budget,
        rows=rows,
        planned=sum(row.planned or 0 for row in rows),
        spent=sum(row.spent for row in rows) + unassigned,
        unassigned=unassigned,
        as_of=today,
        shown=plan.campaign.budget is not None or bool(rows) or bool(known),
    )
