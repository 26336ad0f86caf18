"""Money, read once for `check` (MK609, MK606), `status` and `render`: amounts in words
(`£3,550`, `3,550 CHF`), what is spent by a day, and the share of the campaign's time gone.

Spent by a day is every `spend` entry dated on or before it (a month counts from its last
day). The share of time gone is the days from `campaign.starts` to the day (at most
`campaign.ends`) over the days from `starts` to `ends` (docs/plan-format.md, "Budget and
spend").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.model import Plan
from movekit.progress import format_number

CURRENCIES = {
    **dict.fromkeys(("£", "gbp", "pound", "pounds"), "£"),
    **dict.fromkeys(("$", "usd", "dollar", "dollars"), "$"),
    **dict.fromkeys(("€", "eur", "euro", "euros"), "€"),
}
"""Currencies people read as a symbol before the amount, by how a plan may write them (in
lowercase): `GBP`, `pounds` and `£` all read `£24,000`."""


def written(currency: str | None) -> str | None:
    """The currency as written, or None when it is blank (`currency: ""` means none)."""
    return (currency or "").strip() or None


def symbol(currency: str | None) -> str | None:
    """`£` for `GBP`, `pounds` or `£` (likewise dollars and euros); None for another
    currency (`CHF`, `kr`) or none, which is written after the amount."""
    currency = written(currency)
    return None if currency is None else CURRENCIES.get(currency.lower())


def amount(value: float, currency: str | None) -> str:
    """`£3,550` (GBP, pounds, £), `3,550 CHF`, or `3,550` without a currency; a refund
    reads `-£200`."""
    number, sign, currency = format_number(abs(value)), "-" if value < 0 else "", written(currency)
    if currency is None:
        return f"{sign}{number}"
    before = symbol(currency)
    return f"{sign}{before}{number}" if before else f"{sign}{number} {currency}"


def part_of(part: float, whole: float, currency: str | None) -> str:
    """`£3,550 of £24,000`, or `3,550 of 24,000 CHF`: a code once, after the whole."""
    if symbol(currency):
        return f"{amount(part, currency)} of {amount(whole, currency)}"
    return f"{amount(part, None)} of {amount(whole, currency)}"


def spent_by(plan: Plan, day: dt.date) -> float:
    """Everything spent on or before `day`."""
    return sum(entry.amount for entry in plan.spend if entry.date <= day)


def time_share(plan: Plan, day: dt.date) -> float | None:
    """The share of the campaign's days gone by `day`, from 0 before it starts to 1 after it
    ends; None without both dates (or when it ends before it starts)."""
    starts, ends = plan.campaign.starts, plan.campaign.ends
    if starts is None or ends is None or (ends - starts).days <= 0:
        return None
    return (min(max(day, starts), ends) - starts).days / (ends - starts).days


@dataclass(frozen=True)
class Pace:
    """What is spent by a day against the budget, and the share of the campaign gone by
    then: what MK609 judges and `status` and the document's summary show."""

    total: float | None
    currency: str | None
    spent: float
    time_share: float | None
    """None without both `campaign.starts` and a later `campaign.ends`."""

    @property
    def spent_share(self) -> float | None:
        """What is spent as a share of the budget; None without a budget above 0."""
        return None if not self.total or self.total <= 0 else self.spent / self.total

    def spent_words(self) -> str:
        """`£3,550 of £24,000 spent (15%)`, or `£3,550 spent` without a budget."""
        if self.total is None:
            return f"{amount(self.spent, self.currency)} spent"
        share = "" if self.spent_share is None else f" ({self.spent_share:.0%})"
        return f"{part_of(self.spent, self.total, self.currency)} spent{share}"


def pace(plan: Plan, day: dt.date) -> Pace:
    """The campaign's spending on `day` against its budget and its time."""
    campaign = plan.campaign
    return Pace(
        campaign.budget, written(campaign.currency), spent_by(plan, day), time_share(plan, day)
    )
