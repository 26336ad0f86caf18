"""A result, or money spent, cannot be dated after today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import quoted_list
from movekit.money import amount
from movekit.progress import format_number
from movekit.rules.base import Context, Rule

_RESULT_HINT = "Correct the date, or remove the result and record it on the day it is measured"
_SPEND_HINT = "Correct the date, or remove the entry and record it on the day the money is spent"
_RECENT = dt.timedelta(days=92)
"""How far back a date with a mistyped year is plausible when the campaign's dates do not say."""


def check(ctx: Context) -> Iterator[Problem]:
    for i, result in enumerate(ctx.plan.results):
        if result.date <= ctx.today:
            continue
        yield Problem(
            f"The result of '{result.measure}' ({format_number(result.value)}) is dated "
            f"{result.date}, after today ({ctx.today}), so it is not counted yet",
            ("results", i, "date"),
            hint=_hint(result.date, ctx, _RESULT_HINT),
        )
    for i, entry in enumerate(ctx.plan.spend):
        if entry.date <= ctx.today:
            continue
        spent = amount(entry.amount, ctx.plan.campaign.currency)
        yield Problem(
            f"Spending of {spent}{_on(entry.for_)} is dated "
            f"{entry.date}, after today ({ctx.today}), so it is not counted yet",
            ("spend", i, "date"),
            hint=_hint(entry.date, ctx, _SPEND_HINT),
        )


def _on(names: list[str]) -> str:
    """` on 'air-report'` for what the money was spent on, or nothing."""
    return f" on {quoted_list(names)}" if names else ""


def _hint(date: dt.date, ctx: Context, otherwise: str) -> str:
    """Suggest this year's date when only the year looks mistyped (2072 for 2027). A date
    less than a few months ahead is taken as recorded early, not mistyped."""
    try:
        this_year = date.replace(year=ctx.today.year)
    except ValueError:  # 29 February
        return otherwise
    if this_year <= ctx.today < date - _RECENT and _plausible(this_year, ctx):
        return f"If the year is a typing mistake, write {this_year}; otherwise correct the date"
    return otherwise


def _plausible(day: dt.date, ctx: Context) -> bool:
    """Whether an entry could well be dated `day`: within the campaign, or a few months back."""
    campaign = ctx.plan.campaign
    in_campaign = campaign.starts is not None and campaign.starts <= day
    if campaign.ends is not None and day > campaign.ends:
        in_campaign = False
    return in_campaign or ctx.today - day <= _RECENT


RULE = Rule(
    code="MK606",
    name="result-in-future",
    severity=Severity.WARNING,
    summary="A result or spending is dated after today: a typing mistake, or recorded too early.",
    what=(
        "Flags every entry in `results` whose `date` is after today (a result dated today is "
        "fine). Such a result is left out everywhere until its day comes: MK603, MK604, "
        "MK605 and `movekit status` all read the latest result dated on or before today. "
        "Entries in `spend` dated after today are flagged the same way: MK609 and the "
        "budget in `movekit status` count only what is spent by today. A month "
        "(`2027-03`) stands for its last day, so it is after today until the month is over. "
        "When only the year looks wrong (2072 for 2027), the hint suggests this year's date "
        "if that date falls within the campaign or in the last three months; a date less "
        "than three months ahead is taken as recorded early. "
        "The finding points at the result's `date:` key. Use `--today YYYY-MM-DD` for "
        "reproducible runs."
    ),
    why=(
        "The method asks you to 'analyse the accuracy and effectiveness of your past "
        "efforts'. A number cannot be measured before its day: a result dated in the future "
        "is a typing mistake or a guess, and either way it would be silently left out of "
        "the analysis, so the campaign looks as if nobody measured."
    ),
    example="""\
results:
  - {measure: councillor-pledges, date: 2072-03-01, value: 14}
""",
    fix="""\
Correct the date to the day the value was measured (movekit record refuses a date after
today unless you add --allow-future):

results:
  - {measure: councillor-pledges, date: 2027-03-01, value: 14}
""",
    check=check,
)
