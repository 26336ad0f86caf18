"""`movekit schema`: a real JSON Schema validator accepts every valid plan and rejects bad ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from movekit.schema import plan_schema, schema_text
from movekit.source import parse
from tests.conftest import REPO, VALID_PLAN, run_cli

SCHEMA = plan_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def errors(text: str) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(parse(text).data)]


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] and SCHEMA["title"] and SCHEMA["description"]
    assert SCHEMA["properties"]["movekit"]["const"] == 1


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    objects = [schema, *schema["$defs"].values()]
    return [(name, prop) for obj in objects for name, prop in obj["properties"].items()]


def test_every_property_is_described_and_every_object_is_closed() -> None:
    for name, prop in _properties(SCHEMA):
        assert prop.get("description"), name
    for definition in [SCHEMA, *SCHEMA["$defs"].values()]:
        assert definition["additionalProperties"] is False
        assert "^x-" in definition["patternProperties"]


def test_enums_for_levels_modes_types_and_kinds() -> None:
    defs = SCHEMA["$defs"]
    assert defs["Stage"]["properties"]["level"]["enum"] == [
        "awareness",
        "engagement",
        "action",
        "ownership",
    ]
    assert defs["Cta"]["properties"]["mode"]["enum"] == ["online", "offline"]
    assert "policy" in defs["Outcome"]["properties"]["type"]["enum"]
    assert "create" in defs["Mechanism"]["properties"]["kind"]["enum"]


def _valid_plans() -> list[Any]:
    plans: list[Any] = []  # the example plans are in tests/test_examples.py
    for case_file in sorted((REPO / "tests" / "rule_cases").glob("*.yaml")):
        spec = yaml.safe_load(case_file.read_text())
        for index, case in enumerate(spec["cases"]):
            plans.append(pytest.param(case["plan"], id=f"{spec['rule']}-{index}"))
    return plans


@pytest.mark.parametrize("text", _valid_plans())
def test_every_valid_plan_passes_the_schema(text: str) -> None:
    assert errors(text) == []


def test_what_movekit_accepts_the_schema_accepts() -> None:
    text = VALID_PLAN.replace("name: Parents", "name: Parents\n    motivations: Health")
    text += "    x-notes: {any: [thing]}\n    channels:\njourneys:\n"
    assert errors("x-draft: true\n" + text) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("name: Parents", "name: Parents\n    motivation: Health"), "motivation"),
        (("type: policy", "type: polcy"), "polcy"),
        (("movekit: 1", "movekit: 2"), "1 was expected"),
        (("name: Parents", "name: [Parents]"), "is not of type 'string'"),
        (("  - id: parents", "  - id: Parents Group"), "does not match"),
        (("    title: Policy adopted\n", ""), "'title' is a required property"),
        (("Council adopts School Streets", "x\n  starts: soon"), "'soon' is not valid"),
    ],
)
def test_broken_plans_are_rejected(change: tuple[str, str], expected: str) -> None:
    found = errors(VALID_PLAN.replace(*change))
    assert any(expected in message for message in found), found


def test_schema_command_prints_the_schema() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == SCHEMA


def test_schema_output_and_check(tmp_path: Path, write_plan: Callable[..., Path]) -> None:
    target = tmp_path / "plan.schema.json"
    assert run_cli("schema", "-o", str(target)).returncode == 0
    assert target.read_text() == schema_text()
    current = run_cli("schema", "--check", str(target))
    assert (current.returncode, "current" in current.stdout) == (0, True)
    target.write_text("{}\n")
    stale = run_cli("schema", "--check", str(target))
    assert (stale.returncode, "out of date" in stale.stdout) == (1, True)
    missing = run_cli("schema", "--check", str(tmp_path / "nope.json"))
    assert (missing.returncode, "missing" in missing.stdout) == (1, True)


def test_the_schema_in_docs_is_current() -> None:
    result = run_cli("schema", "--check", str(REPO / "docs" / "plan.schema.json"))
    assert result.returncode == 0, result.stdout
