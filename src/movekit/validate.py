"""From parsed YAML to a Plan: the version check and schema errors as problems with paths."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from movekit.findings import Path, Problem, format_path
from movekit.model import Plan
from movekit.modelfields import fields_of
from movekit.positions import Pos
from movekit.references import check_references

SUPPORTED_VERSIONS = (1,)

_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "nothing",
}


def validate(data: Any, root: Pos) -> tuple[Plan | None, list[Problem]]:
    """Validate loaded YAML: the model when it is valid, and every problem found."""
    if data is None:
        message = "The file is empty: a plan starts with `movekit: 1`"
        return None, [Problem(message, hint="Run `movekit init` to start a plan", code="MK007")]
    if not isinstance(data, dict):
        message = f"A plan is a mapping of keys (movekit, campaign, ...), not {_describe(data)}"
        hint = "Start the file with `movekit: 1` then `campaign:` and the other sections"
        return None, [Problem(message, hint=hint, code="MK002")]
    version = _version_problem(data)
    if version is not None and "movekit" in data:
        return None, [version]
    problems = [version] if version is not None else []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        problems.extend(_schema_problems(error))
    problems.extend(check_references(data, root))
    return (plan if not problems else None), problems


def _version_problem(data: dict[str, Any]) -> Problem | None:
    versions = ", ".join(str(version) for version in SUPPORTED_VERSIONS)
    if "movekit" not in data:
        message = "The plan does not say its format version (`movekit: 1` is missing)"
        return Problem(message, hint="Add `movekit: 1` as the first line of the plan", code="MK007")
    version = data["movekit"]
    if type(version) is int and version in SUPPORTED_VERSIONS:
        return None
    shown = _yaml_repr(version)
    message = f"movekit cannot read plan format version {shown}: it reads version {versions}"
    hint = "Write `movekit: 1`, or upgrade movekit if the plan was written for a newer one"
    return Problem(message, ("movekit",), hint=hint, at_value=True, code="MK007")


def _yaml_repr(value: Any) -> str:
    """A value as it would be written in YAML (`true`, not Python's `True`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return repr(value) if isinstance(value, str) else str(value)


def _schema_problems(error: ValidationError) -> Iterator[Problem]:
    for detail in error.errors(include_url=False):
        loc: Path = tuple(detail["loc"])
        if loc[:1] == ("movekit",):
            continue  # reported as MK007
        if detail["type"] == "extra_forbidden":
            yield _unknown_key(loc)
        elif detail["type"] == "missing":
            yield _missing_key(loc)
        else:
            yield _bad_value(loc, detail)


def _unknown_key(loc: Path) -> Problem:
    key = str(loc[-1])
    allowed = allowed_keys(loc[:-1])
    where = format_path(loc[:-1]) or "the top level of the plan"
    message = f"Unknown key '{key}' in {where}"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        message += f": did you mean '{close[0]}'?"
        hint = f"Rename it to `{close[0]}:`, or prefix it with `x-` to keep it as a note"
    else:
        keys = ", ".join(allowed)
        hint = f"Keys allowed here: {keys}. Prefix your own notes with `x-`"
    return Problem(message, loc, hint=hint, code="MK003")


def _missing_key(loc: Path) -> Problem:
    key = str(loc[-1])
    where = format_path(loc[:-1]) or "the plan"
    description = _field_description(loc)
    message = f"{where} is missing the required key '{key}'"
    if loc[:-1] == ():
        message = f"The plan is missing the required section '{key}'"
    hint = f"Add `{key}:`" + (f" ({description.rstrip('.')})" if description else "")
    return Problem(message, loc[:-1], hint=hint, code="MK002")


def _bad_value(loc: Path, detail: Any) -> Problem:
    kind, value = detail["type"], detail.get("input")
    where = format_path(loc) or "the plan"
    hint = ""
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        message = f"{where}: '{value}' is not allowed: use one of {expected}"
        hint = f"Choose one of {expected}"
    elif kind == "string_type":
        message = f"{where} should be text, not {_describe(value)}"
        hint = "Put the value in quotes if it should be read as text"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{where} should be a mapping of keys, not {_describe(value)}"
        hint = _keys_hint(loc)
    elif kind == "list_type":
        message = f"{where} should be a list, not {_describe(value)}"
        hint = "Write the items one per line, each starting with `- `"
    elif kind == "too_short":
        message = f"{where} needs at least one item"
        hint = f"Add at least one entry under `{loc[-1]}:`" if loc else ""
    else:
        message = f"{where}: {detail['msg']}"
        hint = _CUSTOM_HINTS.get(kind, "")
    return Problem(message, loc, hint=hint, at_value=True, code="MK002")


_CUSTOM_HINTS = {
    "slug": "Ids are lowercase slugs: letters a-z, digits and hyphens",
    "iso_date": "Write dates as YYYY-MM-DD",
    "number": "Write a plain number, without quotes or units",
}


def _describe(value: Any) -> str:
    name = _TYPE_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, dict | list) or value is None:
        return name
    return f"{name} ({value!r})"


def _keys_hint(loc: Path) -> str:
    keys = allowed_keys(loc)
    return f"Expected keys such as {', '.join(keys[:4])}" if keys else ""


def _model_at(loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, if any."""
    model: type[BaseModel] | None = Plan
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = fields_of(model).get(part)
        model = field.model if field is not None else None
    return model


def allowed_keys(loc: Path) -> list[str]:
    """The keys the format allows in the mapping at `loc` (empty if unknown)."""
    model = _model_at(loc)
    return list(fields_of(model)) if model is not None else []


def _field_description(loc: Path) -> str:
    model = _model_at(loc[:-1])
    field = fields_of(model).get(str(loc[-1])) if model is not None else None
    return field.description if field is not None else ""
