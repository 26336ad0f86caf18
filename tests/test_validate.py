"""File-level problems: schema, unknown keys, ids, references and the version, all in one run."""

from __future__ import annotations

import datetime as dt
import json

from pydantic import BaseModel

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Finding
from movekit.model import Plan
from movekit.modelfields import fields_of, id_of
from tests.conftest import VALID_PLAN

TODAY = dt.date(2027, 1, 1)


def findings(text: str) -> list[Finding]:
    return check_text(text, today=TODAY, settings=Settings(select=()))


def codes_and_lines(text: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in findings(text)]


def test_a_valid_plan_has_no_file_level_findings() -> None:
    assert findings(VALID_PLAN) == []


def test_every_problem_is_reported_in_one_run() -> None:
    text = """\
movekit: 1
campaign:
  name: 5
  goal: x
  goal: y
outcomes:
  - id: Policy
    title: t
    type: polcy
    measure: []
audiences: []
journeys:
  - id: j
    audience: parent
    stages:
      - {id: a, level: action}
      - {id: a, level: action}
"""
    assert codes_and_lines(text) == [
        ("MK002", 3, 9),  # name is a number
        ("MK006", 5, 3),  # goal twice
        ("MK002", 7, 9),  # id is not a slug
        ("MK002", 9, 11),  # type not in enum
        ("MK003", 10, 5),  # measure -> measures
        ("MK002", 11, 1),  # audiences empty
        ("MK005", 14, 15),  # audience parent
        ("MK004", 17, 14),  # duplicate stage id
    ]


def test_enum_errors_name_the_allowed_values() -> None:
    text = VALID_PLAN.replace("type: policy", "type: polcy")
    [finding] = findings(text)
    assert "did you mean 'policy'?" in finding.message
    assert "awareness" in finding.hint and "`type: policy`" in finding.hint
    [far] = findings(VALID_PLAN.replace("type: policy", "type: xyz"))
    assert "use one of 'awareness'" in far.message


def test_unknown_keys_suggest_the_closest_allowed_key() -> None:
    text = VALID_PLAN.replace("name: Parents", "name: Parents\n    motivation: Health")
    [finding] = findings(text)
    assert finding.code == "MK003"
    assert "did you mean 'motivations'?" in finding.message
    assert (finding.line, finding.column, finding.path) == (12, 5, "audiences[0].motivation")


def test_a_missing_key_points_at_its_parent_mapping() -> None:
    text = VALID_PLAN.replace("    title: Policy adopted\n", "")
    [finding] = findings(text)
    assert (finding.code, finding.line, finding.column) == ("MK002", 6, 5)
    assert "'title'" in finding.message


def test_a_missing_section_points_at_the_top_of_the_plan() -> None:
    text = VALID_PLAN.split("audiences:")[0]
    [finding] = findings(text)
    assert (finding.code, finding.line, finding.column) == ("MK002", 1, 1)
    assert "audiences" in finding.message


def test_x_keys_are_notes_kept_out_of_the_model() -> None:
    text = VALID_PLAN.replace("name: Parents", "name: Parents\n    x-notes: {anything: [1, 2]}")
    text = "x-owner-notes: draft\n" + text
    assert findings(text) == []


def test_single_strings_count_as_one_item_lists() -> None:
    text = VALID_PLAN + "    motivations: Their children's health\n    channels: whatsapp\n"
    plan = Plan.model_validate(_load(text))
    assert plan.audiences[0].motivations == ["Their children's health"]
    assert plan.audiences[0].channels == ["whatsapp"]


def test_yes_and_no_are_text_not_booleans() -> None:
    text = VALID_PLAN.replace("name: Parents", "name: yes")
    plan = Plan.model_validate(_load(text))
    assert plan.audiences[0].name == "yes"


def test_dates_must_be_iso() -> None:
    text = VALID_PLAN.replace(
        "goal: Council adopts School Streets", "goal: x\n  starts: 11/01/2027"
    )
    [finding] = findings(text)
    assert finding.code == "MK002" and "write 2027-01-11 for 11 January" in finding.message
    assert "YYYY-MM-DD" in finding.hint
    assert (finding.line, finding.column) == (5, 11)


def test_numbers_must_be_numbers() -> None:
    text = VALID_PLAN.replace(
        "type: policy", "type: policy\n    measures:\n      - {id: m, metric: x, target: '600'}"
    )
    [finding] = findings(text)
    assert finding.code == "MK002" and "not a number" in finding.message


def test_duplicate_ids_name_the_first_line() -> None:
    text = VALID_PLAN + "  - id: parents\n    name: Grandparents\n"
    [finding] = findings(text)
    assert (finding.code, finding.line, finding.column) == ("MK004", 12, 9)
    assert "line 10" in finding.message


def test_measure_ids_are_unique_across_outcomes() -> None:
    text = VALID_PLAN.replace(
        "type: policy",
        "type: policy\n    measures: [{id: m, metric: a}]\n"
        "  - {id: other, title: t, type: support, measures: [{id: m, metric: b}]}",
    )
    assert [f.code for f in findings(text)] == ["MK004"]


def test_unresolved_references_suggest_the_closest_id() -> None:
    text = VALID_PLAN + (
        "journeys:\n"
        "  - id: pj\n"
        "    audience: parent\n"
        "    outcomes: [polcy]\n"
        "    stages: [{id: s, level: action}]\n"
        "bridges:\n"
        "  - {journey: pj, from: s, to: nowhere}\n"
        "reviews:\n"
        "  - {phase: launch, date: 2027-01-01}\n"
        "results:\n"
        "  - {measure: pledges, date: 2027-01-01, value: 1}\n"
    )
    got = findings(text)
    assert [(f.code, f.line) for f in got] == [
        ("MK005", 14),
        ("MK005", 15),
        ("MK005", 18),
        ("MK005", 20),
        ("MK005", 22),
    ]
    assert "did you mean 'parents'?" in got[0].message
    assert "did you mean 'policy'?" in got[1].message


def test_channels_are_only_checked_when_declared() -> None:
    text = VALID_PLAN + "    channels: [whatsapp]\n"
    assert findings(text) == []
    declared = text + "channels:\n  - {id: email, mode: online}\n"
    [finding] = findings(declared)
    assert (finding.code, finding.line) == ("MK005", 12)


JOURNEYS = """\
journeys:
  - id: pj
    audience: parents
    stages:
      - {id: hear, level: awareness, ctas: [{id: ask, ask: Share, mode: online}]}
      - {id: walk, level: action, ctas: [{id: ask, ask: Walk, mode: offline}]}
  - id: second
    audience: parents
    stages:
      - {id: hear, level: awareness}
"""


def test_stage_and_ask_ids_are_unique_within_their_journey_only() -> None:
    got = findings(VALID_PLAN + JOURNEYS)
    assert [(f.code, f.line, f.column) for f in got] == [("MK004", 17, 47)]
    assert got[0].message == "Duplicate call to action id 'ask' (first used at line 16)"


def test_a_bridge_names_stages_of_its_own_journey() -> None:
    bridges = (
        "bridges:\n"
        "  - {journey: second, from: hear, to: walk}\n"  # walk is in pj, not in second
        "  - {journey: nowhere, from: x, to: y}\n"  # only the unknown journey is reported
    )
    got = findings(VALID_PLAN + JOURNEYS.replace("ask, ask: Walk", "walk-ask, ask: Walk") + bridges)
    assert [(f.code, f.line, f.column) for f in got] == [("MK005", 23, 39), ("MK005", 24, 15)]
    assert got[0].message == "Stage 'walk' does not exist"
    assert got[0].hint == "Use the id of a stage in that journey (known: hear)"
    assert got[1].message == "Journey 'nowhere' does not exist"


def test_every_field_that_holds_ids_says_what_they_name() -> None:
    """A field of ids without IdOf or RefersTo would never be checked for MK004 or MK005."""
    schema = Plan.model_json_schema()
    for model in _models():
        properties = schema["$defs"].get(model.__name__, schema)["properties"]
        for key, field in fields_of(model).items():
            holds_ids = '"pattern": "^[a-z0-9][a-z0-9-]*$' in json.dumps(properties[key])
            marked = field.id_of is not None or field.refers_to is not None
            assert holds_ids == marked, f"{model.__name__}.{key}"
            assert field.id_of is None or key == "id", f"{model.__name__}.{key}"


def test_references_point_at_kinds_of_item_the_plan_has() -> None:
    kinds = {kind.kind for kind in map(id_of, _models()) if kind is not None}
    assert {"outcome", "measure", "audience", "channel", "journey", "stage"} <= kinds
    for model in _models():
        fields = fields_of(model)
        within = model_id.within if (model_id := id_of(model)) is not None else None
        assert within is None or within in kinds
        for field in fields.values():
            refers = field.refers_to
            if refers is not None:
                assert refers.kind in kinds, f"{model.__name__}.{field.key}"
                owner = fields[refers.of].refers_to if refers.of is not None else None
                assert refers.of is None or owner is not None, f"{model.__name__}.{field.key}"


def _models(model: type[BaseModel] = Plan) -> list[type[BaseModel]]:
    """The plan's model and every model inside it."""
    inner = [field.model for field in fields_of(model).values() if field.model is not None]
    return [model, *(found for child in inner for found in _models(child))]


def test_a_missing_version_is_mk007_and_the_rest_is_still_checked() -> None:
    text = VALID_PLAN.replace("movekit: 1\n", "").replace("type: policy", "type: polcy")
    assert [f.code for f in findings(text)] == ["MK007", "MK002"]


def test_another_version_is_mk007_alone() -> None:
    for version in ("2", "'1'", "true", "1.0"):
        text = VALID_PLAN.replace("movekit: 1", f"movekit: {version}").replace("policy\n", "x\n")
        got = findings(text)
        assert [(f.code, f.line, f.column) for f in got] == [("MK007", 1, 10)]
        assert "version 1" in got[0].message


def _load(text: str) -> object:
    from movekit.source import parse

    return parse(text).data


def test_every_field_of_every_model_has_a_one_line_description() -> None:
    from pydantic import BaseModel

    from movekit import model, modelpower

    models = [
        value
        for module in (model, modelpower)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__ == module.__name__
    ]
    assert len(models) == 17
    for cls in models:
        for name, field in cls.model_fields.items():
            assert field.description, f"{cls.__name__}.{name} has no description"
            assert "\n" not in field.description


def test_an_empty_value_where_a_list_is_expected_is_an_empty_list() -> None:
    text = VALID_PLAN.replace("type: policy", "type: policy\n    measures:") + (
        "    motivations:\n"
        "journeys:\n"
        "  - id: pj\n"
        "    audience: parents\n"
        "    stages:\n"
        "      - level: action\n"
        "        ctas:\n"
        "community:\n"
    )
    assert findings(text) == []
    plan = Plan.model_validate(_load(text))
    assert plan.journeys[0].stages[0].ctas == []
    assert plan.outcomes[0].measures == []
