"""A plan's items as entries to compare: each with its key, its words and every field's value.

The fields come from the models (walk.py), so a field added to the plan format shows in
diffs without a change here; words.py says how each section's items read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from movekit.diff.walk import Item, section_fields, value_fields, walk
from movekit.diff.words import as_written, identity, label, summary, words, words_of


@dataclass(frozen=True)
class Entry:
    """An item of one section, ready to be compared."""

    label: str
    summary: str
    fields: dict[str, Any]
    """Field -> its value as JSON, by the names a plan writes."""
    item: dict[str, Any]


class Order(tuple[str, ...]):
    """A field that is the order of an item's parts: only the parts in both versions count,
    so adding or removing one is not also reported as a change of order."""


def plan_entries(plan: BaseModel) -> dict[str, dict[str, Entry]]:
    """Section -> key -> entry, for every section, in the order of the plan format."""
    return {
        section: _unique((key(item), entry(item)) for item in items)
        for section, items in walk(plan).items()
    }


def key(item: Item) -> str:
    """The item's identity, within its top-level item unless its ids are plan-wide."""
    own = identity(item)
    if not item.parents or words_of(item).global_ids:
        return own
    return f"{identity(item.parents[0])}/{own}"


def entry(item: Item) -> Entry:
    """The item's label, summary, fields and data."""
    model = item.model
    return Entry(
        label(item),
        summary(item),
        {**_values(item), **_parent(item), **_orders(item)},
        model.model_dump(mode="json", by_alias=True, exclude_none=True),
    )


def _values(item: Item) -> dict[str, Any]:
    """Every plain field but those that make the item's identity; one left out as what it
    means, if it means something (a risk's `status`: open)."""
    said = words_of(item)
    implied = dict(said.implied)
    values = {}
    for name, written in value_fields(type(item.model)).items():
        if name not in said.identity_fields:
            value = _one_date_as_itself(getattr(item.model, name))
            if name in said.dates_as_written:
                value = as_written(value)
            value = to_jsonable_python(value)
            values[written] = implied.get(name) if value is None else value
    return values


def _one_date_as_itself(value: Any) -> Any:
    """An ask's `date: [2027-03-06]` reads as `date: 2027-03-06`, the way plans write one."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dt.date):
        return value[0]
    return value


def _parent(item: Item) -> dict[str, str]:
    """The item it is in, when that is not already part of its key (a measure's outcome)."""
    if not item.parents or not (words_of(item).global_ids or len(item.parents) > 1):
        return {}
    parent = item.parents[-1]
    return {words_of(parent).noun: identity(parent)}


def _orders(item: Item) -> dict[str, Order]:
    """`stage order`: the order of the parts whose order means something."""
    orders = {}
    for name, inner in section_fields(type(item.model)).items():
        said = words(name, inner)
        if said.ordered:
            parts = getattr(item.model, name) or []
            orders[f"{said.noun} order"] = Order(
                said.identity(part, index) for index, part in enumerate(parts)
            )
    return orders


def _unique(pairs: Iterable[tuple[str, Entry]]) -> dict[str, Entry]:
    """Keys made unique: a second item with the same key gets `#2`."""
    entries: dict[str, Entry] = {}
    for key, entry in pairs:
        unique, number = key, 1
        while unique in entries:
            number += 1
            unique = f"{key}#{number}"
        entries[unique] = entry
    return entries
