"""How the items of each section read in a diff: what identifies them, their label, a summary.

A section not in WORDS (one a later plan format adds) still reads well: its items are
known by their id (else their place), labelled by their model's name, and summed up by
their first text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from movekit.diff.walk import ROOT, Item, value_fields
from movekit.labels import stage_label
from movekit.months import written
from movekit.progress import format_number


def _by_id(model: Any, index: int) -> str:
    return getattr(model, "id", None) or f"#{index + 1}"


def _route(bridge: Any) -> str:
    return f"{bridge.journey}: {bridge.from_} -> {bridge.to}"


def _risk(risk: Any) -> str:
    """`Children in traffic (likelihood low, impact high)`: what could go wrong, how badly."""
    ratings = {"likelihood": risk.likelihood, "impact": risk.impact}
    rated = [f"{name} {value}" for name, value in ratings.items() if value is not None]
    return f"{risk.risk} ({', '.join(rated)})" if rated else risk.risk


def _measure(measure: Any) -> str:
    target = f", target {measure.target}" if measure.target is not None else ""
    due = f" by {written(measure.due)}" if measure.due is not None else ""
    return f"{measure.metric}{target}{due}"


def _dates(value: Any) -> str:
    """An activity's date or dates as written: `2027-03`, `2027-03-10, 2027-05-12`."""
    return ", ".join(as_written(value))


def _activity(activity: Any) -> str:
    """`Publish the report (2027-03)`: what the team does, and when."""
    if activity.date:
        return f"{activity.what} ({_dates(activity.date)})"
    return f"{activity.what} (phase {activity.phase})" if activity.phase else activity.what


def _spend_identity(spend: Any, _: int) -> str:
    """`air-report@2027-02-10`, as a result is known by its measure and date."""
    day = written(spend.date)
    return f"{', '.join(spend.for_)}@{day}" if spend.for_ else day


def _spend_label(spend: Any, _: Item) -> str:
    """`spending 2027-02-10 for air-report`."""
    spent_on = f" for {', '.join(spend.for_)}" if spend.for_ else ""
    return f"spending {written(spend.date)}{spent_on}"


def _spend(spend: Any) -> str:
    """`2,350 (Sensors and printing)`: the amount, and the note."""
    amount = format_number(spend.amount)
    return f"{amount} ({spend.note})" if spend.note else amount


def as_written(value: Any) -> Any:
    """Dates as the plan wrote them (`2027-03` stays a month), one or a list."""
    if isinstance(value, list):
        return [as_written(each) for each in value]
    return written(value) if isinstance(value, dt.date) else value


@dataclass(frozen=True)
class Words:
    """How one section's items read."""

    noun: str
    identity: Callable[[Any, int], str] = _by_id
    """What tells an item from the others of its list (its model and its 0-based place)."""
    identity_fields: tuple[str, ...] = ("id",)
    """The fields that make the identity: changing one removes the item and adds another."""
    label: Callable[[Any, Item], str] | None = None
    """The item in words, given its model and the item; None: `noun 'identity'`."""
    summary: Callable[[Any], str] | None = None
    """One line about the item; None: its first text."""
    global_ids: bool = False
    """Identities are unique in the whole plan, not only within their top-level item."""
    ordered: bool = False
    """The order of these items is a field of the item they are in (`stage order`)."""
    implied: tuple[tuple[str, str], ...] = ()
    """(field, value) pairs: what a field left out means, compared as if written, so a
    risk with no status that is then mitigated reads `status open -> mitigated`."""
    dates_as_written: tuple[str, ...] = ()
    """Date fields compared and shown as written: a month stays a month. An activity "in
    March" happens some time in it, not on its last day, so `2027-03 -> 2027-03-31` is a
    change (a deadline's month is its last day, and shows as that day)."""


def _in_journey(item: Item) -> str:
    return f"in journey '{identity(item.parents[0])}'"


WORDS: dict[str, Words] = {
    ROOT: Words("plan", lambda _, __: ROOT, label=lambda _, __: "the plan", summary=lambda _: ""),
    "campaign": Words("campaign", lambda _, __: "campaign", label=lambda _, __: "the campaign"),
    "outcomes": Words("outcome", summary=lambda o: f"{o.title} ({o.type})"),
    "measures": Words(
        "measure",
        label=lambda m, item: f"measure '{m.id}' (outcome '{identity(item.parents[-1])}')",
        summary=_measure,
        global_ids=True,
    ),
    "audiences": Words("audience"),
    "channels": Words("channel", summary=lambda c: c.mode),
    "targets": Words("target", summary=lambda t: f"{t.name} ({t.role})"),
    "journeys": Words("journey", summary=lambda j: f"for audience '{j.audience}'"),
    "stages": Words(
        "stage",
        lambda s, index: s.id or s.name or f"#{index + 1}",
        label=lambda s, item: f"{stage_label(s, item.index)} {_in_journey(item)}",
        summary=lambda s: f"{s.name} ({s.level})" if s.name else s.level,
        ordered=True,
    ),
    "ctas": Words(
        "call to action",
        lambda c, _: c.id or c.ask,
        label=lambda _, item: f"call to action '{identity(item)}' {_in_journey(item)}",
        summary=lambda c: f"{c.ask} ({c.mode})",
    ),
    "bridges": Words("bridge", lambda b, _: b.id or _route(b), summary=_route),
    "stakeholders": Words("stakeholder", summary=lambda s: f"{s.name} ({s.stance})"),
    "arguments": Words(
        "argument",
        label=lambda a, item: f"argument '{a.id}' of stakeholder '{identity(item.parents[-1])}'",
        summary=lambda a: a.says,
        global_ids=True,
    ),
    "messages": Words("message", summary=lambda m: m.text),
    "community": Words("community mechanism", summary=lambda m: f"{m.name} ({m.kind})"),
    "activities": Words("activity", summary=_activity, dates_as_written=("date",)),
    "phases": Words("phase"),
    "assumptions": Words("assumption", summary=lambda a: a.text, implied=(("status", "untested"),)),
    "risks": Words("risk", summary=_risk, implied=(("status", "open"),)),
    "reviews": Words(
        "review",
        lambda r, _: f"{r.phase}@{r.date}",
        ("phase", "date"),
        label=lambda r, _: f"review of phase '{r.phase}' on {r.date}",
        summary=lambda r: r.learned or "",
    ),
    "results": Words(
        "result",
        lambda r, _: f"{r.measure}@{r.date}",
        ("measure", "date"),
        label=lambda r, _: f"result for '{r.measure}' on {r.date}",
        summary=lambda r: str(r.value),
    ),
    "spend": Words(
        "spending",
        _spend_identity,
        ("date", "for_"),
        label=_spend_label,
        summary=_spend,
        dates_as_written=("date",),
    ),
}
"""Section -> how its items read, for every section of today's plan format."""


def words(section: str, model: type[BaseModel]) -> Words:
    """How a section reads: from WORDS, else in words made from its model's name."""
    known = WORDS.get(section)
    if known is not None:
        return known
    # `CommunityMechanism` -> `community mechanism`
    return Words(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", model.__name__).lower())


def words_of(item: Item) -> Words:
    """How the item's section reads."""
    return words(item.section, type(item.model))


def identity(item: Item) -> str:
    """What tells the item from the others of its list."""
    return words_of(item).identity(item.model, item.index)


def label(item: Item) -> str:
    """The item in words: `measure 'signatures' (outcome 'backing')`."""
    said = words_of(item)
    if said.label is not None:
        return said.label(item.model, item)
    inside = "".join(f" in {words_of(p).noun} '{identity(p)}'" for p in reversed(item.parents))
    return f"{said.noun} '{identity(item)}'{inside}"


def summary(item: Item) -> str:
    """One line about the item, for items added or removed."""
    said = words_of(item)
    if said.summary is not None:
        return said.summary(item.model)
    for name in value_fields(type(item.model)):
        value = getattr(item.model, name)
        if name not in said.identity_fields and isinstance(value, str) and value.strip():
            return value
    return ""
