"""What a document calls things: display names for ids, money, ordinals and proportions.

A plan names things by id (`school-gate`, `parents-journey`); its readers know them by name.
Every part of the document that shows a channel, a journey or an amount asks here, so a
slug never shows where the plan gives (or implies) a name.
"""

from __future__ import annotations

import re

from movekit.model import Channel, Plan
from movekit.money import amount as money_amount
from movekit.money import symbol
from movekit.progress import format_number

_NUMBER = re.compile(r"(?<![\w.,£$€])(-?)(\d[\d,]*(?:\.\d+)?)(?![\d%])")


def readable(identifier: str) -> str:
    """An id made readable, for things the plan gives no name: `school-gate` -> `School gate`."""
    words = identifier.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def channel_name(channel: Channel | None, identifier: str) -> str:
    """A channel's `name`, else its id made readable."""
    if channel is not None and channel.name:
        return channel.name
    return readable(identifier)


def journey_names(plan: Plan) -> dict[str, str]:
    """Journey id -> the name the document gives it: its audience's name (the journey's
    heading); the id made readable when two journeys share an audience or it has none."""
    audiences = {audience.id: audience.name for audience in plan.audiences}
    shared = [journey.audience for journey in plan.journeys]
    names = {}
    for journey in plan.journeys:
        audience = audiences.get(journey.audience)
        unique = shared.count(journey.audience) == 1
        names[journey.id] = audience if audience and unique else readable(journey.id)
    return names


def currency_symbol(unit: str | None) -> str | None:
    """`pounds`, `GBP` or `£` -> `£` (and so on for dollars and euros); None for other units."""
    return symbol(unit)


def money(value: float | None, currency: str | None = None) -> str:
    """`2000, "pounds"` -> `£2,000`; an unknown currency follows the amount (`2,000 CHF`);
    nothing for None. One reading of money with `check` and `status` (movekit/money.py)."""
    return "" if value is None else money_amount(value, currency)


def amount(value: float | None, unit: str | None = None) -> str:
    """A measured value with its unit as people read it: `£2,000`, `1,140 signatures`,
    `47%` (a unit of percent); the number alone without a unit."""
    if value is None:
        return ""
    if currency_symbol(unit) is not None:
        return money(value, unit)
    if unit is not None and unit.strip().lower() in ("percent", "%"):
        return f"{format_number(value)}%"
    return f"{format_number(value)} {unit}" if unit else format_number(value)


def money_text(text: str, unit: str | None) -> str:
    """Numbers in a table cell written as money when `unit` is a currency:
    `+30% (1,300)` -> `+30% (£1,300)`; anything else as it is."""
    symbol = currency_symbol(unit)
    if symbol is None:
        return text
    return _NUMBER.sub(lambda match: f"{match[1]}{symbol}{match[2]}", text)


def unit_label(unit: str | None) -> str:
    """A unit to print beside a metric: nothing for a currency (the amounts show `£`)."""
    return "" if unit is None or currency_symbol(unit) is not None else unit


def ordinal(number: int) -> str:
    """`1` -> `1st`, `2` -> `2nd`, `11` -> `11th`, `23` -> `23rd`."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def proportion(part: float | None, whole: float | None, unit: str | None = None) -> str:
    """`3, 20, "schools"` -> `3 of 20 schools`; `£1,140 of £2,000` for money; nothing
    without both numbers."""
    if part is None or whole is None:
        return ""
    if currency_symbol(unit) is not None:
        return f"{money(part, unit)} of {money(whole, unit)}"
    if unit is not None and unit.strip().lower() in ("percent", "%"):
        return f"{format_number(part)}% of a target of {format_number(whole)}%"
    tail = f" {unit}" if unit else ""
    return f"{format_number(part)} of {format_number(whole)}{tail}"
