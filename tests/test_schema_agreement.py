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
from tests.conftest import REPO, VALID_PLAN, run_cli

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


REAL_ADDITIONS = (REPO / "tests" / "data" / "real-additions.yaml").read_text(encoding="utf-8")
"""A plan with every key of the additions for real plans (activities, stakeholders, messages,
budget and spend), which both accept."""
REAL_MISTAKES = {
    "stance friend": ("    stance: ally\n", "    stance: friend\n"),
    "stance in capitals": ("    stance: ally\n", "    stance: Ally\n"),
    "stakeholder without a stance": ("    stance: neutral\n", ""),
    "stakeholder without a name": ("    name: Stagecoach Manchester\n", ""),
    "argument without says": ("        says: The traffic just moves to the next street\n", ""),
    "argument id with capitals": (
        "      - id: displaced-traffic\n",
        "      - id: Displaced-traffic\n",
    ),
    "arguments as one text": (
        "    arguments:\n      - id: trade-loss\n"
        "        says: Closing streets at school times will drive customers away\n"
        "      - id: displaced-traffic\n"
        "        says: The traffic just moves to the next street\n",
        "    arguments: Streets closed drive customers away\n",
    ),
    "interests as a number": (
        "    interests: Bus times on the school routes\n",
        "    interests: 12\n",
    ),
    "message without text": ("    text: Every child deserves clean air at the school gate\n", ""),
    "message answers an id with capitals": (
        "    answers: trade-loss\n",
        "    answers: Trade-loss\n",
    ),
    "message audiences as a mapping": (
        "    audiences: [parents, councillors]\n",
        "    audiences: {parents: yes}\n",
    ),
    "activity without what": ("    what: Breakfast with traders on the first school street\n", ""),
    "activity date as words": (
        "    date: 2027-02\n    owner: Research",
        "    date: next February\n    owner: Research",
    ),
    "activity date month 13": (
        "    date: 2027-02\n    owner: Research",
        "    date: 2027-13\n    owner: Research",
    ),
    "activity date month without zero": (
        "    date: 2027-02\n    owner: Research",
        "    date: 2027-2\n    owner: Research",
    ),
    "activity dates with one on 32 May": (
        "    date: [2027-03-10, 2027-05-12]\n",
        "    date: [2027-03-10, 2027-05-32]\n",
    ),
    "activity budget as text": ("    budget: 2500\n", "    budget: lots\n"),
    "activity budget infinite": ("    budget: 2500\n", "    budget: .inf\n"),
    "activity budget with a currency": ("    budget: 2500\n", "    budget: 2500 GBP\n"),
    "activity phase with capitals": (
        "    phase: push\n    owner: Campaign lead\n",
        "    phase: Push\n    owner: Campaign lead\n",
    ),
    "activity serves a path too deep": ("    serves: [traders]\n", "    serves: [a/b/c]\n"),
    "activity channels as a number": ("    channels: whatsapp\n", "    channels: 7\n"),
    "campaign budget as quoted text": ("  budget: 24000\n", '  budget: "24000"\n'),
    "campaign budget with commas": ("  budget: 24000\n", "  budget: 24,000\n"),
    "campaign budget above 10^15": ("  budget: 24000\n", "  budget: 1e16\n"),
    "currency as a number": ("  currency: GBP\n", "  currency: 12\n"),
    "currency as a list": ("  currency: GBP\n", "  currency: [GBP, EUR]\n"),
    "community budget as text": ("    budget: 6000\n", "    budget: six thousand\n"),
    "community stakeholders with capitals": (
        "    stakeholders: [parent-councils]\n",
        "    stakeholders: [Parent-councils]\n",
    ),
    "spend without amount": ("    amount: 1200\n", ""),
    "spend without date": ("  - date: 2027-02\n    amount: 1200\n", "  - amount: 1200\n"),
    "spend amount as text": ("    amount: 1200\n", "    amount: lots\n"),
    "spend amount .nan": ("    amount: 1200\n", "    amount: .nan\n"),
    "spend date as words": ("  - date: 2027-02\n", "  - date: last February\n"),
    "spend date as a list": ("  - date: 2027-02\n", "  - date: [2027-02-01, 2027-02-03]\n"),
    "spend with an unknown key": (
        "    note: Sensors and printing\n",
        "    notes: Sensors and printing\n",
    ),
    "spend for a path too deep": ("    for: air-report\n", "    for: a/b/c\n"),
    "spend as a mapping": (
        "spend:\n  - date: 2027-02-10\n    amount: 2350\n    for: air-report\n"
        "    note: Sensors and printing\n  - date: 2027-02\n    amount: 1200\n"
        "    for: street-captains\n",
        "spend:\n  amount: 2350\n",
    ),
}
"""The keys of the additions for real plans written wrong: (text in REAL_ADDITIONS, mistake)."""


def with_mistake(name: str) -> str:
    """REAL_ADDITIONS with one of REAL_MISTAKES made."""
    old, new = REAL_MISTAKES[name]
    assert REAL_ADDITIONS.count(old) == 1, name
    return REAL_ADDITIONS.replace(old, new)


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
    **{name: with_mistake(name) for name in REAL_MISTAKES},
}


def schema_errors(text: str) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(parse(text).data)]


def check_codes(text: str) -> list[str]:
    checked = open_plan(text.encode(), today=dt.date(2027, 3, 15), lint=False)
    return [finding.code for finding in checked.findings]


def test_the_corpus_starts_from_a_plan_both_accept() -> None:
    for text in (VALID_PLAN, with_measure(), with_result(), REAL_ADDITIONS):
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


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("    answers: trade-loss\n", "    answers: trade-gain\n", "MK005"),
        ("    for: air-report\n", "    for: air-reports\n", "MK005"),
        ("    stakeholders: [parent-councils]\n", "    stakeholders: [parents-council]\n", "MK005"),
        ("      - id: displaced-traffic\n", "      - id: trade-loss\n", "MK004"),
    ],
)
def test_what_json_schema_cannot_say_of_the_real_plan_additions(
    old: str, new: str, code: str
) -> None:
    """What a reference names, and ids unique across the plan, are between items: a schema
    checks each value on its own, so an answer to no argument passes it; check refuses."""
    text = REAL_ADDITIONS.replace(old, new, 1)
    assert schema_errors(text) == []
    assert code in check_codes(text)


CALENDAR = {"due on 30 February", "activity dates with one on 32 May"}
"""Dates of the right shape that are no day: only `format: date` (a calendar) says so."""


@pytest.mark.parametrize(
    "name",
    [name for name in sorted(BAD) if ("due" in name or "date" in name) and name not in CALENDAR],
)
def test_dates_are_refused_by_their_pattern_where_formats_are_not_checked(name: str) -> None:
    """Most validators treat `format: date` as a remark; the pattern still says it."""
    loose = jsonschema.Draft202012Validator(plan_schema())
    assert not loose.is_valid(parse(BAD[name]).data)
