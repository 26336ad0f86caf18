"""The JSON Schema rejects what `movekit check` rejects, wherever JSON Schema can say it.

Each bad value goes into a valid plan; the plan is read as an editor's validator reads it
(YAML 1.2 core schema, as yaml-language-server does: `1_000` is text, `.inf` a float) and
must fail both the schema and check. The few things JSON Schema cannot say are listed
at the end, so that the gap is known and documented (README.md, `movekit schema`).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import jsonschema
import pytest

from movekit.opening import open_plan
from movekit.schema import plan_schema
from movekit.source import parse
from tests.conftest import VALID_PLAN, run_cli

VALIDATOR = jsonschema.Draft202012Validator(
    plan_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
MEASURE = (
    "    type: policy\n",
    "    type: policy\n    measures:\n      - id: votes\n        metric: Councillors\n"
    "        target: {value}\n        due: {due}\n",
)
RESULT = "results:\n  - {{measure: votes, date: {date}, value: {value}}}\n"


def with_measure(target: str = "5", due: str = "2027-05-31") -> str:
    """The valid plan with a measure whose target and due date are as written."""
    old, new = MEASURE
    return VALID_PLAN.replace(old, new.format(value=target, due=due))


def with_result(value: str = "1", date: str = "2027-03-01") -> str:
    return with_measure() + RESULT.format(value=value, date=date)


BAD = {
    "infinite target": with_measure(".inf"),
    "minus infinite target": with_measure("-.inf"),
    "not-a-number target": with_measure(".nan"),
    "target above 10^15": with_measure("1000000000000001"),
    "target below -10^15": with_measure("-1000000000000001"),
    "target 1e400": with_measure("1e400"),
    "target with underscores": with_measure("1_000"),
    "target as quoted text": with_measure('"5"'),
    "target yes": with_measure("yes"),
    "target true": with_measure("true"),
    "target TBD in capitals": with_measure("TBD"),
    "target 'to be set'": with_measure("to be set"),
    "relative target without a baseline": with_measure('"+30%"'),
    "relative target without its sign": with_measure('"30%"'),
    "milestone with a target": with_measure("5\n        kind: milestone"),
    "done on a count": with_measure("5\n        done: 2027-01-02"),
    "result value .nan": with_result(".nan"),
    "result value too large": with_result("1e16"),
    "audience size .inf": VALID_PLAN.replace("name: Parents", "name: Parents\n    size: .inf"),
    "version 2": VALID_PLAN.replace("movekit: 1", "movekit: 2"),
    "version as text": VALID_PLAN.replace("movekit: 1", 'movekit: "1"'),
    "version true": VALID_PLAN.replace("movekit: 1", "movekit: true"),
    "due without leading zeros": with_measure(due="2027-5-1"),
    "due on 30 February": with_measure(due="2027-02-30"),
    "due with a time": with_measure(due='"2027-05-31T10:00"'),
    "due as a number": with_measure(due="20270531"),
    "due as words": with_measure(due="next May"),
    "due with a line break": with_measure(due='"2027-05-31\\n"'),
    "result date in another order": with_result(date="31/05/2027"),
    "id with capitals": VALID_PLAN.replace("id: parents", "id: Parents"),
    "id with a space": VALID_PLAN.replace("id: parents", "id: the parents"),
    "id with a line break": VALID_PLAN.replace("id: parents", 'id: "parents\\n"'),
    "empty id": VALID_PLAN.replace("id: parents", 'id: ""'),
    "id starting with a hyphen": VALID_PLAN.replace("id: parents", 'id: "-parents"'),
    "id as a number": VALID_PLAN.replace("id: parents", "id: 12"),
}


def schema_errors(text: str) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(parse(text).data)]


def check_codes(text: str) -> list[str]:
    checked = open_plan(text.encode(), today=dt.date(2027, 3, 15), lint=False)
    return [finding.code for finding in checked.findings]


def test_the_corpus_starts_from_a_plan_both_accept() -> None:
    for text in (VALID_PLAN, with_measure(), with_result()):
        assert (schema_errors(text), check_codes(text)) == ([], [])


@pytest.mark.parametrize("name", sorted(BAD))
def test_schema_and_check_both_reject(name: str) -> None:
    text = BAD[name]
    assert check_codes(text), f"check accepts {name}"
    assert schema_errors(text), f"the schema accepts {name}"


def test_the_bounds_are_check_s_own_limit() -> None:
    largest = "1000000000000000"
    for text in (with_measure(largest), with_measure("-" + largest), with_result("0.5")):
        assert (schema_errors(text), check_codes(text)) == ([], [])


def test_the_command_line_check_rejects_the_corpus_too(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BAD["not-a-number target"], encoding="utf-8")
    done = run_cli("check", "--no-cache", str(plan))
    assert done.returncode == 1
    assert "MK002" in done.stdout


def test_what_json_schema_cannot_say() -> None:
    """`movekit: 1.0` is the number 1 to JSON Schema (1.0 and 1 are one number there), and
    a YAML 1.1 loader reads `1_000` as 1000: both pass the schema; check refuses them."""
    version = VALID_PLAN.replace("movekit: 1", "movekit: 1.0")
    assert check_codes(version) == ["MK007"]
    assert schema_errors(version) == []
    assert math.isclose(parse(version).data["movekit"], 1)


CALENDAR = {"due on 30 February"}
"""Dates of the right shape that are no day: only `format: date` (a calendar) says so."""


@pytest.mark.parametrize(
    "name",
    [name for name in sorted(BAD) if ("due" in name or "date" in name) and name not in CALENDAR],
)
def test_dates_are_refused_by_their_pattern_where_formats_are_not_checked(name: str) -> None:
    """Most validators treat `format: date` as a remark; the pattern still says it."""
    loose = jsonschema.Draft202012Validator(plan_schema())
    assert not loose.is_valid(parse(BAD[name]).data)
