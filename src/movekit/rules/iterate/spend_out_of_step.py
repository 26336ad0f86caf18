"""Spending far behind or far ahead of the share of the campaign's time gone by."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.money import Pace, pace
from movekit.rules.base import Context, Rule

_EARLIEST = 0.2
"""The share of the campaign's days that must have gone before spending is judged."""
_AHEAD_MARGIN = 0.25
"""How far (as a share of the budget) spending may run ahead of time before it is reported."""

_BEHIND_HINT = (
    "Check that the planned work is happening; record any spending not entered yet under "
    "spend:, or lower budget: if part of it will not be needed"
)
_AHEAD_HINT = (
    "Find what is costing more than planned and decide what to cut, or raise budget: if "
    "more money is coming, so the money lasts until the campaign ends"
)


def _words(found: Pace, gone: float) -> str:
    """`£3,550 of £24,000 spent (15%) with 40% of the campaign gone`."""
    return f"{found.spent_words()} with {gone:.0%} of the campaign gone"


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.plan.spend:  # a plan that keeps its accounts elsewhere is not judged
        return
    found = pace(ctx.plan, ctx.today)
    spent, gone = found.spent_share, found.time_share
    if spent is None or gone is None or gone < _EARLIEST:
        return
    where, words = ("campaign", "budget"), _words(found, gone)
    if spent > 1:
        yield Problem(f"More than the whole budget is spent: {words}", where, _AHEAD_HINT)
    elif spent > gone + _AHEAD_MARGIN:
        message = f"Spending is far ahead of the campaign's time: {words}"
        yield Problem(message, where, _AHEAD_HINT)
    elif spent < gone / 2:
        message = f"Spending is far behind the campaign's time: {words}"
        yield Problem(message, where, _BEHIND_HINT)


RULE = Rule(
    code="MK609",
    name="spend-out-of-step",
    severity=Severity.INFO,
    summary="Spending is far behind or far ahead of the share of the campaign's time gone.",
    what=(
        "Compares the share of `campaign.budget` spent by today (the sum of the `spend` "
        "entries dated on or before today; a negative amount is a refund) with the share "
        "of the campaign's days from `campaign.starts` to `campaign.ends` gone by today "
        "(after `ends`, all of them). Only plans with a budget above zero, `starts`, `ends` "
        "and at least one `spend` entry are read, and only once a fifth of the campaign's "
        "days have gone. Spending is far behind when the share spent is less than half the "
        "share of time gone, and far ahead when it is more than the share of time gone plus "
        "a quarter of the budget, or more than the whole budget. The message gives the "
        "figures in words. The finding points at `campaign.budget`. Use `--today "
        "YYYY-MM-DD` for reproducible runs."
    ),
    why=(
        "Budgets are planned over time, and the question a board asks is 'are we spending "
        "at the pace we planned?'. Money far behind the calendar means the plan of work is "
        "not happening, or the money will be left unspent when it could have bought "
        "another month of organising; money far ahead means it runs out before the "
        "campaign ends, often just before the vote that matters. The measures are MK603's "
        "job: comparing money with results would blame the budget for a slow result."
    ),
    example="""\
campaign:
  name: Clean Air Streets
  goal: Council adopts School Streets
  starts: 2027-01-01
  ends: 2027-12-31
  budget: 24000
  currency: GBP
spend:
  - {date: 2027-02-10, amount: 2350, note: Sensors and printing}
""",
    fix="""\
Record the spending not entered yet (or, if the work is late, catch up or lower the
budget to what the campaign will spend):

campaign:
  name: Clean Air Streets
  goal: Council adopts School Streets
  starts: 2027-01-01
  ends: 2027-12-31
  budget: 24000
  currency: GBP
spend:
  - {date: 2027-02-10, amount: 2350, note: Sensors and printing}
  - {date: 2027-04-30, amount: 6100, note: Walking bus kits and banners}
""",
    check=check,
)
