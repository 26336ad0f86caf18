"""The value types of the plan format (ids, dates, numbers, lists written as one item)
and the markers that make its fields the one table of ids and references.

`IdOf` on a model's `id` field says which kind of item it names, and where ids of that
kind must be unique; `RefersTo` on a field says which kind of item's id it holds.
references.py walks the models for them (MK004, MK005), so a new field that holds an id
is checked once it carries its marker.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from movekit.months import month_day
from movekit.suggest import date_advice, number_advice, slug_for


@dataclass(frozen=True)
class IdOf:
    """On an `id` field: its item is a `kind` (as messages name it), whose ids are unique
    in the whole plan, or only within each enclosing item of the kind `within`."""

    kind: str
    within: str | None = None


@dataclass(frozen=True)
class RefersTo:
    """On a field holding one id or a list of ids of a `kind` of item.

    `of` names a field of the same mapping that says whose items are meant (a bridge's
    stages are those of the journey in its `journey` field). With `if_listed`, the ids are
    checked only when the plan lists that kind (a plan need not list its channels).
    """

    kind: str
    of: str | None = None
    if_listed: bool = False


@dataclass(frozen=True)
class NamesAnything:
    """On `about`: each entry names any item of the plan (about.py says how), and
    references.py resolves it (MK005)."""


ABOUT_KINDS = (
    "outcome",
    "measure",
    "audience",
    "channel",
    "journey",
    "target",
    "mechanism",
    "phase",
    "stakeholder",
    "argument",
    "message",
    "activity",
)
"""The kinds `about` may name as `KIND:ID`, as their models' IdOf markers name them."""

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _slug(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError(
            "slug", "The id is empty: write one in lowercase letters, digits and hyphens"
        )
    if not _SLUG.match(value):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: write it as '{suggestion}' "
            "(lowercase letters, digits and hyphens)",
            {"value": value, "suggestion": slug_for(value)},
        )
    return value


def _about_entry(value: str) -> str:
    """`ID`, `KIND:ID` or `JOURNEY/ID`, each part a valid id."""
    head, colon, tail = value.partition(":")
    if colon:
        if head not in ABOUT_KINDS:
            return value  # references.py names the kinds (MK005)
        parts = [tail]
    else:
        parts = value.split("/", 1)
    if all(_SLUG.match(part) for part in parts):
        return value
    suggestion = ":".join([head, slug_for(tail)]) if colon else "/".join(map(slug_for, parts))
    raise PydanticCustomError(
        "about",
        "'{value}' does not name an item: write an id such as '{suggestion}', "
        "JOURNEY/ID for a stage or an ask, or KIND:ID",
        {"value": value, "suggestion": suggestion},
    )


def _iso_date(value: Any, *, first: bool = False) -> Any:
    """A day (`2027-03-31`) or a month (`2027-03`: its first day when `first`, else its last)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, str) and (month := month_day(value, first=first)) is not None:
        return month
    raise PydanticCustomError(
        "iso_date",
        "'{value}' is not a date: {advice}",
        {"value": value, "advice": date_advice(value)},
    )


def _start_date(value: Any) -> Any:
    return _iso_date(value, first=True)


LARGEST_NUMBER = 10**15
"""Bigger counts are typing mistakes, and would overflow the arithmetic of the progress line."""


def _number(value: Any) -> Any:
    if not isinstance(value, int | float) or isinstance(value, bool):
        plain = number_advice(value, LARGEST_NUMBER)
        if plain is None:
            raise PydanticCustomError("number", "'{value}' is not a number", {"value": value})
        raise PydanticCustomError(
            "number", "'{value}' is not a number: {plain}", {"value": value, "plain": plain}
        )
    if abs(value) > LARGEST_NUMBER or not math.isfinite(value):  # abs first: 10**400 is no float
        raise PydanticCustomError(
            "number", "'{value}' is too large for a campaign number", {"value": str(value)[:20]}
        )
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else _none_as_empty(value)


def _one_value_or_many(value: Any) -> Any:
    """One value (a date) or a list of them: a single one becomes a list of one."""
    return value if value is None or isinstance(value, list) else [value]


def _none_as_empty(value: Any) -> Any:
    """`ctas:` with nothing after it is a list not filled in yet, not a type error."""
    return [] if value is None else value


# The JSON Schema of each type says what a plan file may hold (WithJsonSchema), which is
# looser than the Python type: one string for a list, nothing for an empty list. It is as
# strict as check wherever JSON Schema can say so (tests/test_schema_agreement.py).
# `(?!\n)`: Python's `$` also matches before a final line break, which check refuses.
_ID_SCHEMA = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$(?!\n)"}
# A date is a day or a month (`2027-03`, no year 0000, as check refuses).
_DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\n)"},
        {"type": "string", "pattern": "^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])$(?!\n)"},
    ]
}
# YAML's `.inf` and `.nan` are floats to editors' validators: the bounds refuse `.inf`, and
# `.nan` (which no comparison refuses) fails "not above the largest", as no number does.
_NUMBER_SCHEMA = {
    "type": "number",
    "minimum": -LARGEST_NUMBER,
    "maximum": LARGEST_NUMBER,
    "not": {"exclusiveMinimum": LARGEST_NUMBER},
}


def _one_or_many_schema(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}, {"type": "null"}]}


Id = Annotated[str, AfterValidator(_slug), WithJsonSchema(_ID_SCHEMA)]
Date = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema(_DATE_SCHEMA)]
"""A day, or a month that stands for its last day (a due month ends on its last day)."""
StartDate = Annotated[dt.date, BeforeValidator(_start_date), WithJsonSchema(_DATE_SCHEMA)]
"""A day, or a month that stands for its first day (for `starts`)."""
Number = Annotated[float | int, BeforeValidator(_number), WithJsonSchema(_NUMBER_SCHEMA)]
Texts = Annotated[
    list[str],
    BeforeValidator(_one_or_many),
    WithJsonSchema(_one_or_many_schema({"type": "string"})),
]
IdList = Annotated[
    list[Id], BeforeValidator(_one_or_many), WithJsonSchema(_one_or_many_schema(_ID_SCHEMA))
]
Dates = Annotated[
    list[Date] | None,
    BeforeValidator(_one_value_or_many),
    WithJsonSchema(_one_or_many_schema(_DATE_SCHEMA)),
]
"""One date or several (a rally every month); None when there is none, so plans and
their JSON without dates stay as they were."""
Empty = BeforeValidator(_none_as_empty)
_ABOUT_SCHEMA = {
    "type": "string",
    "pattern": "^([a-z]+:)?[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$(?!\n)",
}
About = Annotated[
    list[Annotated[str, AfterValidator(_about_entry)]],
    BeforeValidator(_one_or_many),
    WithJsonSchema(_one_or_many_schema(_ABOUT_SCHEMA)),
]
"""What an assumption or a risk is about: `ID`, `KIND:ID` or `JOURNEY/ID` (about.py)."""
