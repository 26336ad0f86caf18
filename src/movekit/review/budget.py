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
from movekit.money import Pace, pace
from movekit.progress import whole_or_not


@dataclass(frozen=True)
class BudgetRow(Pace):
    """The budget line: amounts as numbers, shares as fractions (1 = all)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "currency": self.currency,
            "spent": whole_or_not(self.spent),
            "spent_share": _share(self.spent_share),
            "time_share": _share(self.time_share),
        }

    def words(self) -> str:
        """`£3,550 of £24,000 spent (15%) · 40% of the campaign gone`, or `£3,550 spent`."""
        text = self.spent_words()
        if self.time_share is not None and self.total is not None:
            text += f" · {self.time_share:.0%} of the campaign gone"
        return text


def budget_row(plan: Plan, today: dt.date) -> BudgetRow | None:
    """The budget line on `today`; None when the plan has neither a budget nor spending."""
    if plan.campaign.budget is None and not plan.spend:
        return None
    return BudgetRow(**vars(pace(plan, today)))


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
