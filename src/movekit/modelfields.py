"""The plan format's fields as data, read from its models: each key, the model it holds
(alone or as a list), and its id and reference markers (modeltypes.py)."""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from movekit.modeltypes import IdOf, NamesAnything, RefersTo


class PlanField(NamedTuple):
    """One field of a model, as a plan writes it."""

    key: str
    """The key in a plan (`from`, where the attribute is `from_`)."""
    description: str
    model: type[BaseModel] | None
    """The model of the value, or of each of its items; None for plain values."""
    many: bool
    """A list (of `model`s, or of plain values)."""
    id_of: IdOf | None
    refers_to: RefersTo | None
    names_anything: bool
    """An `about` list: each entry names any item of the plan (about.py)."""


@cache
def fields_of(model: type[BaseModel]) -> dict[str, PlanField]:
    """A model's fields by the key a plan writes, in the order the model declares them."""
    found = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        found[key] = PlanField(
            key=key,
            description=field.description or "",
            model=model_in(field.annotation),
            many=_is_list(field.annotation),
            id_of=next((m for m in field.metadata if isinstance(m, IdOf)), None),
            refers_to=next((m for m in field.metadata if isinstance(m, RefersTo)), None),
            names_anything=any(isinstance(m, NamesAnything) for m in field.metadata),
        )
    return found


def id_of(model: type[BaseModel]) -> IdOf | None:
    """What kind of item a model is, when its `id` field says so."""
    field = fields_of(model).get("id")
    return field.id_of if field is not None else None


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, alone, in a list or optional; None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = model_in(argument)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return any(_is_list(argument) for argument in typing.get_args(annotation))
    return False
