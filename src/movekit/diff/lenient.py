"""A plan with file-level errors, built as far as its data reads: for git's textconv.

git converts each version of a file on its own, so an outline of a broken version must
still line up with the outline of the valid one: the same models, with each value that
validates as check would read it, each one that does not as it was written, a missing
one empty, and keys the format does not know kept as extras, so they show too.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from movekit.model import Plan
from movekit.modelfields import fields_of


def lenient_plan(data: dict[Any, Any]) -> Plan:
    """The plan in `data`, whatever its mistakes."""
    plan = _build(Plan, data)
    assert isinstance(plan, Plan)
    return plan


def _build(model: type[BaseModel], data: dict[Any, Any]) -> BaseModel:
    known = fields_of(model)
    values: dict[str, Any] = {}
    extras = {
        str(key): value
        for key, value in data.items()
        if str(key) not in known and not str(key).startswith("x-")
    }
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            values[name] = None if field.is_required() else field.get_default()
            continue
        inner = known[key].model
        if inner is None:
            values[name] = _value(model, name, data[key])
            continue
        values[name], stray = _items(inner, data[key], known[key].many)
        if stray is not None:
            extras[key] = stray
    built = model.model_construct(**values)
    # the outline shows extras as facts; a valid plan never has any (extra="forbid")
    object.__setattr__(built, "__pydantic_extra__", extras)
    return built


def _items(model: type[BaseModel], value: Any, many: bool) -> tuple[Any, Any]:
    """The models in a section's value, and what in it is no mapping (None if nothing)."""
    if not many:
        return (_build(model, value), None) if isinstance(value, dict) else (None, value)
    if not isinstance(value, list):
        return [], value
    stray = [item for item in value if not isinstance(item, dict)]
    built = [_build(model, item) for item in value if isinstance(item, dict)]
    return built, stray or None


def _value(model: type[BaseModel], name: str, value: Any) -> Any:
    """The value as check reads it (a date, one text as a list), else as written."""
    try:
        return _adapter(model, name).validate_python(value)
    except ValidationError:
        many = fields_of(model)[model.model_fields[name].alias or name].many
        return [value] if many and not isinstance(value, list) else value


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotation: Any = field.annotation
    return TypeAdapter(Annotated[annotation, *field.metadata] if field.metadata else annotation)
