"""From parsed YAML to a Plan: the version check and schema errors as problems with paths."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from movekit.findings import Path, Problem
from movekit.measuretypes import HINTS as MEASURE_HINTS
from movekit.model import Plan
from movekit.modelfields import fields_of
from movekit.positions import Pos
from movekit.references import check_references
from movekit.suggest import closest
from movekit.where import describe

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


def validate(data: Any, root: Pos, *, notes: bool = True) -> tuple[Plan | None, list[Problem]]:
    """Validate loaded YAML: the model when it is valid, and every problem found.

    `notes=False` says no key starts with `x-` (the text has no `x-` at all), which saves
    a walk over every mapping of a large plan.
    """
    if data is None:
        message = "The file is empty: a plan starts with `movekit: 1`"
        return None, [Problem(message, hint="Run `movekit init` to start a plan", code="MK007")]
    if not _looks_like_a_plan(data):
        return None, [_not_a_plan()]
    if not isinstance(data, dict):
        message = f"A plan is a mapping of keys (movekit, campaign, ...), not {_describe(data)}"
        hint = "Start the file with `movekit: 1` then `campaign:` and the other sections"
        return None, [Problem(message, hint=hint, code="MK002")]
    version = _version_problem(data)
    if version is not None and "movekit" in data:
        return None, [version]
    problems = [version] if version is not None else []
    plan: Plan | None = None
    schema: list[Problem] = []
    try:
        plan = Plan.model_validate(without_notes(data) if notes else data)
    except ValidationError as error:
        schema = list(_schema_problems(error, data))
    references, follow_ons = check_references(data, root)
    problems.extend(_one_per_cause(schema, references, follow_ons))
    return (plan if not problems else None), problems


def _one_per_cause(
    schema: list[Problem], references: list[Problem], follow_ons: set[Path]
) -> list[Problem]:
    """Drop the schema problems of a reference already explained elsewhere: one reported
    as unknown (with the ids it may mean), or one that repeats an id itself reported."""
    explained = follow_ons | {problem.path for problem in references if problem.code == "MK005"}
    return [p for p in schema if p.path not in explained or p.code != "MK002"] + references


def _looks_like_a_plan(data: Any) -> bool:
    """Whether the file has a plan's keys, at the top or as the items of a list."""
    sections = allowed_keys(())
    mappings = data if isinstance(data, list) else [data]
    keys = [key for item in mappings if isinstance(item, dict) for key in item]
    # `Campaign:` and `outcome:` count: a plan with a typo is still a plan
    return any(difflib.get_close_matches(str(k).lower(), sections, cutoff=0.8) for k in keys)


NOT_A_PLAN = "This file is not a movekit plan: it has no `movekit: 1` and none of a plan's sections"
"""The message of MK007 for a YAML file that is no plan at all (`movekit lsp` stays quiet
on such files: an editor sends it every YAML file it opens)."""


def _not_a_plan() -> Problem:
    """One problem for a file that is no plan at all (notes, another tool's YAML)."""
    message = NOT_A_PLAN
    hint = (
        "Check the file name; to start a plan, run `movekit init` "
        "(a plan starts with `movekit: 1`, then `campaign:`, `outcomes:` and `audiences:`)"
    )
    return Problem(message, hint=hint, code="MK007")


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


def _schema_problems(error: ValidationError, data: dict[str, Any]) -> Iterator[Problem]:
    details = [d for d in error.errors(include_url=False) if d["loc"][:1] != ("movekit",)]
    # A misspelt key (`tittle:`) also leaves the key it meant missing: report it once.
    misspelt = {
        (*d["loc"][:-1], found[0])
        for d in details
        if d["type"] == "extra_forbidden"
        and (found := closest(d["loc"][-1], allowed_keys(tuple(d["loc"][:-1])))) is not None
    }
    for detail in details:
        loc: Path = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden":
            yield _unknown_key(loc, data)
        elif detail["type"] == "missing" and loc not in misspelt:
            yield _missing_key(loc, data)
        elif detail["type"] != "missing":
            yield _bad_value(loc, detail, data)


def _unknown_key(loc: Path, data: Any) -> Problem:
    key = str(loc[-1])
    allowed = allowed_keys(loc[:-1])
    where = describe(data, loc[:-1]) or "the top level of the plan"
    message = f"Unknown key '{key}' in {where}"
    close = closest(key, allowed)
    if close:
        message += f": did you mean '{close[0]}'?"
        hint = f"Rename it to `{close[0]}:`, or prefix it with `x-` to keep it as a note"
    else:
        keys = ", ".join(allowed)
        hint = f"Keys allowed here: {keys}. Prefix your own notes with `x-`"
    return Problem(message, loc, hint=hint, code="MK003")


def _missing_key(loc: Path, data: Any) -> Problem:
    key = str(loc[-1])
    where = describe(data, loc[:-1]) or "the plan"
    description = _field_description(loc)
    message = f"{where[:1].upper()}{where[1:]} is missing the required key '{key}'"
    if loc[:-1] == ():
        message = f"The plan is missing the required section '{key}'"
    hint = f"Add `{key}:`" + (f" ({description.rstrip('.')})" if description else "")
    return Problem(message, loc[:-1], hint=hint, code="MK002")


def _bad_value(loc: Path, detail: Any, data: Any) -> Problem:
    kind, value = detail["type"], detail.get("input")
    # The report shows the whole place in words next to the message: name only the key.
    where = str(loc[-1]) if loc and isinstance(loc[-1], str) else describe(data, loc)
    where = where or "the plan"
    hint = ""
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        message = f"{where} '{value}' is not allowed: use one of {expected}"
        hint = f"Choose one of {expected}"
        found = closest(value, re.findall(r"'([^']*)'", expected))
        if found is not None:
            message = f"{where} '{value}' is not allowed: {found[1]}"
            hint = f"Write `{loc[-1]}: {found[0]}`; the choices are {expected}"
    elif value is None and loc:
        message = f"{where} is empty"
        hint = f"Write a value after `{loc[-1]}:`" + (
            "" if _field_required(loc) else ", or remove the line"
        )
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
        message = str(detail["msg"])
        hint = _CUSTOM_HINTS.get(kind, "")
    return Problem(message, loc, hint=hint, at_value=True, code="MK002")


_CUSTOM_HINTS = {
    "slug": "Ids use letters a-z, digits and hyphens; if you change one, change every use of it",
    "iso_date": "Write dates as YYYY-MM-DD, or YYYY-MM for a month",
    "number": "Write a plain number, without quotes or units",
    **MEASURE_HINTS,
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


def _field_required(loc: Path) -> bool:
    model = _model_at(loc[:-1])
    fields = model.model_fields.items() if model is not None else ()
    return any((f.alias or name) == loc[-1] and f.is_required() for name, f in fields)


def _field_description(loc: Path) -> str:
    model = _model_at(loc[:-1])
    field = fields_of(model).get(str(loc[-1])) if model is not None else None
    return field.description if field is not None else ""


def without_notes(data: Any) -> Any:
    """A copy of the plan's values without the user's `x-` notes, at any depth (lists keep
    their items, so the path to every other value stays the same)."""
    if isinstance(data, dict):
        return {
            key: without_notes(value)
            for key, value in data.items()
            if not (isinstance(key, str) and key.startswith("x-"))
        }
    if isinstance(data, list):
        return [without_notes(item) for item in data]
    return data
