"""The campaign's money on a day: what is spent up to today against the budget, and the share
of the campaign's time gone by. The part of `movekit status` that reads `campaign.budget`,
`campaign.currency` and `spend`.

Spent and time gone are counted as MK609 counts them: spending dated on or before today,
and the days from `campaign.starts` to today (up to `campaign.ends`) over all its days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from movekit.model import Plan
from movekit.money import amount, part_of, spent_by, time_share, written


@dataclass(frozen=True)
class BudgetRow:
    """The budget line: amounts as numbers, shares as fractions (1 = all)."""

    total: float | None
    currency: str | None
    spent: float
    time_share: float | None
    """None without both `campaign.starts` and a later `campaign.ends`."""

    @property
    def spent_share(self) -> float | None:
        """What is spent as a share of the budget; None without a budget above 0."""
        return None if not self.total or self.total <= 0 else self.spent / self.total

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "currency": self.currency,
            "spent": _whole_or_not(self.spent),
            "spent_share": _share(self.spent_share),
            "time_share": _share(self.time_share),
        }

    def words(self) -> str:
        """`£3,550 of £24,000 spent (15%) · 40% of the campaign gone`, or `£3,550 spent`."""
        if self.total is None:
            text = f"{amount(self.spent, self.currency)} spent"
        else:
            text = f"{part_of(self.spent, self.total, self.currency)} spent"
        if self.spent_share is not None:
            text += f" ({self.spent_share:.0%})"
        if self.time_share is not None and self.total is not None:
            text += f" · {self.time_share:.0%} of the campaign gone"
        return text


def budget_row(plan: Plan, today: dt.date) -> BudgetRow | None:
    """The budget line on `today`; None when the plan has neither a budget nor spending."""
    campaign = plan.campaign
    if campaign.budget is None and not plan.spend:
        return None
    return BudgetRow(
        campaign.budget, written(campaign.currency), spent_by(plan, today), time_share(plan, today)
    )


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _whole_or_not(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
