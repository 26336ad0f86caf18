"""A plan's items found by walking its models' fields, so a new field or section needs no list.

Every field that holds a model, or a list of them, is a section named after the field
(`outcomes`, and `measures` inside each outcome); every other field is a value of its item.
The plan itself is the section `plan`, for the values at its top level.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any, get_args

from pydantic import BaseModel

ROOT = "plan"
"""The section of the plan's own top-level values."""


@dataclass(frozen=True)
class Item:
    """An item where the walk found it: its section, its model and its place."""

    section: str
    model: BaseModel
    index: int
    """The item's 0-based place in its list."""
    parents: tuple[Item, ...] = ()
    """The items it is inside, outermost first (the plan itself not counted)."""


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, alone, in a list or optional; None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = model_in(argument)
        if found is not None:
            return found
    return None


@cache
def section_fields(model: type[BaseModel]) -> Mapping[str, type[BaseModel]]:
    """A model's fields that are sections of their own: name -> the model of their items."""
    inner = {name: model_in(field.annotation) for name, field in model.model_fields.items()}
    return MappingProxyType({name: found for name, found in inner.items() if found is not None})


@cache
def value_fields(model: type[BaseModel]) -> Mapping[str, str]:
    """A model's plain fields: attribute name -> the key a plan writes (`from_` -> `from`)."""
    return MappingProxyType(
        {
            name: field.alias or name
            for name, field in model.model_fields.items()
            if model_in(field.annotation) is None
        }
    )


def section_names(model: type[BaseModel]) -> list[str]:
    """Every section under a model, in the order of its fields, nested sections after their own."""
    names = []
    for name, inner in section_fields(model).items():
        names += [name, *section_names(inner)]
    return names


def walk(plan: BaseModel) -> dict[str, list[Item]]:
    """Section -> its items in file order; every section the plan's models have, empty or not."""
    found: dict[str, list[Item]] = {ROOT: [Item(ROOT, plan, 0)]}
    found.update((name, []) for name in section_names(type(plan)))
    for item in items(plan):
        found.setdefault(item.section, []).append(item)
    return found


def items(plan: BaseModel) -> Iterator[Item]:
    """Every item in the plan in file order, each followed by the items inside it."""
    return _inside(Item(ROOT, plan, 0))


def _inside(parent: Item) -> Iterator[Item]:
    parents = () if parent.section == ROOT else (*parent.parents, parent)
    for name in section_fields(type(parent.model)):
        value = getattr(parent.model, name)
        models = [] if value is None else value if isinstance(value, list) else [value]
        for index, model in enumerate(models):
            item = Item(name, model, index, parents)
            yield item
            yield from _inside(item)
