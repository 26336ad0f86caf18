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
    assert defs["Cta"]["properties"]["mode"]["enum"] == ["online", "offline", "direct"]
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


DOCS_SCHEMA = json.loads((REPO / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
DOCS_VALIDATOR = jsonschema.Draft202012Validator(
    DOCS_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
EVERY_ADDITION = (REPO / "tests" / "data" / "every-addition.yaml").read_text(encoding="utf-8")
REAL_ADDITIONS = (REPO / "tests" / "data" / "real-additions.yaml").read_text(encoding="utf-8")
NEW_KEYS = {
    "Target": ["id", "name", "role", "position", "power", "audiences", "owner"],
    "Assumption": ["id", "text", "about", "evidence", "status", "test-by"],
    "Risk": [
        "id",
        "risk",
        "about",
        "likelihood",
        "impact",
        "mitigation",
        "owner",
        "status",
        "review-by",
    ],
    "Outcome": ["owner", "targets"],
    "Measure": ["owner"],
    "Journey": ["owner"],
    "Stage": ["phase"],
    "Cta": ["owner", "date", "target"],
    "Mechanism": ["owner", "budget", "stakeholders"],
    "Phase": ["owner"],
    "Campaign": ["budget", "currency"],
    "Activity": ["id", "what", "date", "phase", "owner", "channels", "serves", "budget"],
    "Stakeholder": ["id", "name", "stance", "interests", "arguments", "audiences", "owner"],
    "Argument": ["id", "says"],
    "Message": ["id", "text", "audiences", "answers", "owner"],
    "Spend": ["date", "amount", "for", "note"],
}


def _enum(definition: str, key: str) -> list[str]:
    """The values an editor offers for a key, whether or not the key may be left empty."""
    prop = DOCS_SCHEMA["$defs"][definition]["properties"][key]
    choices = [prop, *prop.get("anyOf", [])]
    return next(choice["enum"] for choice in choices if "enum" in choice)


@pytest.mark.parametrize(
    ("definition", "key", "values"),
    [
        ("Target", "role", ["primary", "secondary"]),
        ("Target", "position", ["supports", "undecided", "opposes", "unknown"]),
        ("Assumption", "status", ["untested", "holding", "under-strain", "broken"]),
        ("Risk", "likelihood", ["low", "medium", "high"]),
        ("Risk", "impact", ["low", "medium", "high"]),
        ("Risk", "status", ["open", "mitigated", "accepted", "closed"]),
        ("Stakeholder", "stance", ["ally", "neutral", "opponent"]),
    ],
)
def test_the_additions_offer_their_values_for_completion(
    definition: str, key: str, values: list[str]
) -> None:
    assert _enum(definition, key) == values


@pytest.mark.parametrize(("definition", "keys"), sorted(NEW_KEYS.items()))
def test_every_new_key_is_described_under_its_own_name(definition: str, keys: list[str]) -> None:
    properties = DOCS_SCHEMA["$defs"][definition]["properties"]
    for key in keys:
        assert len(properties[key].get("description", "")) > 10, f"{definition}.{key}"


def test_the_new_sections_are_described_at_the_top() -> None:
    for section, definition in [
        ("targets", "Target"),
        ("assumptions", "Assumption"),
        ("risks", "Risk"),
        ("stakeholders", "Stakeholder"),
        ("messages", "Message"),
        ("activities", "Activity"),
        ("spend", "Spend"),
    ]:
        prop = DOCS_SCHEMA["properties"][section]
        assert prop["description"], section
        assert {"$ref": f"#/$defs/{definition}"} in [
            choice.get("items") for choice in prop["anyOf"]
        ]
        assert DOCS_SCHEMA["$defs"][definition]["description"], definition
    assert all(word in DOCS_SCHEMA["description"] for word in ("targets", "owner", "risks"))
    assert "test_by" not in json.dumps(DOCS_SCHEMA)  # the keys as the plan spells them
    assert "review_by" not in json.dumps(DOCS_SCHEMA)


@pytest.mark.parametrize("text", [EVERY_ADDITION, REAL_ADDITIONS], ids=["0.2", "real plans"])
def test_a_plan_using_every_addition_passes_the_schema_in_docs(text: str) -> None:
    assert [error.message for error in DOCS_VALIDATOR.iter_errors(parse(text).data)] == []


def _said(error: jsonschema.ValidationError) -> list[str]:
    """The error's message and those of the errors under it (an item inside `anyOf`)."""
    return [error.message, *(message for sub in error.context or [] for message in _said(sub))]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("role: primary", "role: main"), "'main' is not one of"),
        (("position: undecided", "position: neutral"), "'neutral'"),
        (("status: untested", "status: unknown"), "'unknown'"),
        (("likelihood: low", "likelihood: certain"), "'certain'"),
        (("impact: high", "impact: severe"), "'severe'"),
        (("status: open", "status: done"), "'done'"),
        (("test-by: 2027-03-03", "test-by: next spring"), "'next spring'"),
        (("review-by: 2027-02-01", "review_by: 2027-02-01"), "review_by"),
        (("about: target:council-leader", "about: Council Leader"), "'Council Leader'"),
        (("about: [councillors-journey]", "about: [a/b/c]"), "'a/b/c'"),
        (("about: [councillors-journey]", "about: [journey:x:y]"), "'journey:x:y'"),
        (("    risk: Drivers confront", "    danger: Drivers confront"), "'risk' is a required"),
        (("    role: secondary\n", ""), "'role' is a required"),
        (("target: cabinet-member", "target: [cabinet-member]"), "is not valid under any"),
    ],
)
def test_a_plan_with_a_bad_addition_fails_the_schema_in_docs(
    change: tuple[str, str], expected: str
) -> None:
    old, new = change
    assert old in EVERY_ADDITION, old
    data = parse(EVERY_ADDITION.replace(old, new, 1)).data
    found = [error.message for error in DOCS_VALIDATOR.iter_errors(data)]
    assert found, f"the schema accepts {new!r}"
    details = [message for error in DOCS_VALIDATOR.iter_errors(data) for message in _said(error)]
    assert any(expected in message for message in details), found


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("stance: opponent", "stance: enemy"), "'enemy' is not one of"),
        (("    stance: neutral\n", ""), "'stance' is a required"),
        (
            ("        says: The traffic just", "        said: The traffic just"),
            "'says' is a required",
        ),
        (("    text: Every child", "    message: Every child"), "'text' is a required"),
        (("    answers: trade-loss", "    answers: Trade-Loss"), "'Trade-Loss'"),
        (("    what: Breakfast", "    title: Breakfast"), "'what' is a required"),
        (("    date: 2027-02\n    owner", "    date: February\n    owner"), "'February'"),
        (("    budget: 2500", "    budget: 2,500"), "'2,500'"),
        (("  currency: GBP", "  currency: [GBP]"), "is not valid under any"),
        (("    amount: 1200\n", ""), "'amount' is a required"),
        (("    amount: 2350", "    amount: some"), "'some'"),
        (("    note: Sensors", "    notes: Sensors"), "notes"),
        (("    stakeholders: [parent-councils]", "    stakeholders: parent councils"), "'parent"),
    ],
)
def test_a_plan_with_a_bad_real_plan_addition_fails_the_schema_in_docs(
    change: tuple[str, str], expected: str
) -> None:
    old, new = change
    assert REAL_ADDITIONS.count(old) == 1, old
    data = parse(REAL_ADDITIONS.replace(old, new)).data
    found = [error.message for error in DOCS_VALIDATOR.iter_errors(data)]
    assert found, f"the schema accepts {new!r}"
    details = [message for error in DOCS_VALIDATOR.iter_errors(data) for message in _said(error)]
    assert any(expected in message for message in details), found
