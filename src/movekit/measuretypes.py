"""The value types of a measure's planned numbers: `baseline` and `target` may be a number,
`tbd` (deliberately not known yet) or, for a target, a change on the baseline (`+30%`);
and the parts that only a count (`unit`, `baseline`, `target`) or only a milestone (`done`)
may have.

Model validation refuses what does not fit (MK002), so every reader can trust a target
written `+30%` to have a number to grow from: `progress.target_value` computes it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from movekit.modeltypes import _NUMBER_SCHEMA, Date, _number

TBD = "tbd"
"""A number deliberately not known yet ("to be set")."""

MeasureKind = Literal["count", "milestone"]

RELATIVE = re.compile(r"([+-])(\d{1,6}(?:\.\d{1,2})?)%\Z")
_RELATIVE_PATTERN = r"^[+-][0-9]{1,6}(\.[0-9]{1,2})?%$(?!\n)"
_LOOSE_PERCENT = re.compile(r"\s*([+-]?)\s*(\d{1,6}(?:\.\d{1,2})?)\s*%\s*\Z")
_NOT_KNOWN = {"tbd", "tba", "tbc", "to be set", "to be decided", "to be confirmed", "?", "??"}
_NOT_KNOWN |= {"unknown", "not known", "not known yet", "n/a", "-"}


def _not_known(value: str) -> bool:
    return value.strip().strip(".").lower() in _NOT_KNOWN


def _baseline(value: Any) -> Any:
    if value == TBD:
        return value
    if isinstance(value, str) and _not_known(value):
        raise PydanticCustomError(
            "planned_number",
            "'{value}' is not a number: write `tbd` (in lowercase) for a baseline you will "
            "establish first",
            {"value": value},
        )
    return _number(value)


def _target(value: Any) -> Any:
    if value == TBD or (isinstance(value, str) and RELATIVE.match(value)):
        return value
    if isinstance(value, str) and _not_known(value):
        raise PydanticCustomError(
            "planned_number",
            "'{value}' is not a number: write `tbd` (in lowercase) for a target you will set later",
            {"value": value},
        )
    loose = _LOOSE_PERCENT.match(value) if isinstance(value, str) else None
    if loose is not None:
        sign = loose.group(1) or "+"
        raise PydanticCustomError(
            "planned_number",
            "'{value}' is not a target: write a change on the baseline as '{suggestion}' "
            "(a sign, a number and %)",
            {"value": value, "suggestion": f"{sign}{loose.group(2)}%"},
        )
    return _number(value)


def _known(info: ValidationInfo) -> dict[str, Any]:
    """The measure's keys validated so far; a value checked on its own has none to compare
    with (then {} lets it pass: a kind that is not there is not contradicted)."""
    return info.data if isinstance(info.data, dict) else {}


def _count_only(value: Any, info: ValidationInfo) -> Any:
    """A milestone is done or not: it has no unit, baseline or target."""
    if value is not None and _known(info).get("kind") == "milestone":
        raise PydanticCustomError(
            "milestone_part",
            "{key}: a milestone is done or not, it has no {key}",
            {"key": info.field_name},
        )
    return value


def _relative_needs_baseline(value: Any, info: ValidationInfo) -> Any:
    """`+30%` grows from the baseline, so the baseline must be a number other than 0."""
    if not (isinstance(value, str) and RELATIVE.match(value)) or "baseline" not in _known(info):
        return value  # a baseline that failed is reported on its own
    baseline = _known(info)["baseline"]
    if baseline is None or baseline == TBD or baseline == 0:
        raise PydanticCustomError(
            "relative_target",
            "target '{value}' is a change on the baseline, and a relative target needs a "
            "baseline{other}",
            {"value": value, "other": " other than 0" if baseline == 0 else ""},
        )
    return value


def _milestone_only(value: Any, info: ValidationInfo) -> Any:
    """Only a milestone is done on a date; a count records results."""
    if value is not None and _known(info).get("kind", "milestone") != "milestone":
        raise PydanticCustomError(
            "count_done",
            "done: only a milestone (`kind: milestone`) is done on a date; a count records "
            "its numbers under results:",
            {},
        )
    return value


_TBD_SCHEMA = {"const": TBD}
_RELATIVE_SCHEMA = {"type": "string", "pattern": _RELATIVE_PATTERN}

PlannedBaseline = Annotated[
    float | int | str,
    BeforeValidator(_baseline),
    AfterValidator(_count_only),
    WithJsonSchema({"anyOf": [_NUMBER_SCHEMA, _TBD_SCHEMA]}),
]
"""A measure's baseline: a number, or `tbd` (establish a baseline first)."""

PlannedTarget = Annotated[
    float | int | str,
    BeforeValidator(_target),
    AfterValidator(_count_only),
    AfterValidator(_relative_needs_baseline),
    WithJsonSchema({"anyOf": [_NUMBER_SCHEMA, _TBD_SCHEMA, _RELATIVE_SCHEMA]}),
]
"""A measure's target: a number, `tbd` (set it later) or a change on the baseline (`+30%`)."""

CountText = Annotated[str, AfterValidator(_count_only)]
"""Text only a count may have (its unit)."""

HINTS = {
    "planned_number": "Write a plain number, `tbd` for a number not known yet, or for a "
    'target a change on the baseline such as "+30%"',
    "milestone_part": "Remove the line, or write `kind: count` if this measure counts something",
    "relative_target": "Add baseline: the number to grow from, or write the target as a number",
    "count_done": "Write `kind: milestone` if this measure is a step that happens or not, or "
    "remove `done:`",
}
"""The hint of each error above (validate.py shows it under the message)."""


def relative_share(target: str) -> float | None:
    """`+30%` -> 0.3, `-20%` -> -0.2; None for anything else."""
    found = RELATIVE.match(target)
    if found is None:
        return None
    share = float(found.group(2)) / 100
    return -share if found.group(1) == "-" else share


Done = Annotated[Date, AfterValidator(_milestone_only)]
"""The date a milestone happened (only a milestone has one)."""


_NOTHING = {"type": "null"}
MEASURE_SCHEMA_RULES: dict[str, Any] = {
    "allOf": [
        {
            "if": {"required": ["kind"], "properties": {"kind": {"const": "milestone"}}},
            "then": {"properties": {"unit": _NOTHING, "baseline": _NOTHING, "target": _NOTHING}},
            "else": {"properties": {"done": _NOTHING}},
        },
        {
            "if": {"required": ["target"], "properties": {"target": _RELATIVE_SCHEMA}},
            "then": {
                "required": ["baseline"],
                "properties": {"baseline": {"type": "number", "not": {"const": 0}}},
            },
        },
    ]
}
"""What the validators above check across a measure's keys, as JSON Schema says it: a
milestone has no unit, baseline or target, only a milestone has `done`, and a relative
target needs a baseline other than 0."""
