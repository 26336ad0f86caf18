"""The JSON Schema of the plan format, generated from the Pydantic models.

Editors (through yaml-language-server) use it to complete keys and show each field's
description on hover. It follows what movekit accepts: a single string where a list of
strings is expected, an empty value for a list, and `x-` keys for notes anywhere.
"""

from __future__ import annotations

import json
from typing import Any

from movekit.model import Plan

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:movekit:plan-format:1"
NOTES = {"^x-": {"description": "Your own notes: ignored by movekit."}}


def plan_schema() -> dict[str, Any]:
    """The schema as a dictionary."""
    generated = Plan.model_json_schema(by_alias=True, mode="validation")
    definitions = generated.pop("$defs", {})
    for definition in [generated, *definitions.values()]:
        _tighten_object(definition)
    return {
        "$schema": SCHEMA_DRAFT,
        "$id": SCHEMA_ID,
        "title": "movekit plan",
        "description": (
            "A campaign plan in the movekit format, version 1: outcomes and measures, "
            "audiences, journeys with calls to action, bridges from online to on-the-ground "
            "action, community ownership and reviews; who decides (targets), who is "
            "accountable (owner), what must hold (assumptions), what could go wrong (risks); "
            "who stands with or against you (stakeholders), what you say (messages), what the "
            "team does (activities) and the money (budget and spend)."
        ),
        **{key: value for key, value in generated.items() if key not in ("title", "description")},
        "$defs": definitions,
    }


def _tighten_object(definition: dict[str, Any]) -> None:
    if definition.get("type") != "object":
        return
    definition["additionalProperties"] = False
    definition["patternProperties"] = NOTES
    for prop in definition.get("properties", {}).values():
        prop.pop("title", None)
        _allow_empty_list(prop)


def _allow_empty_list(prop: dict[str, Any]) -> None:
    """`ctas:` with nothing after it is an empty list to movekit, so the schema allows null."""
    if prop.get("type") == "array" and "minItems" not in prop:
        array = {key: prop.pop(key) for key in list(prop) if key not in ("description", "default")}
        prop["anyOf"] = [array, {"type": "null"}]


def schema_text() -> str:
    """The schema as it is printed and written: indented JSON with a final newline."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
