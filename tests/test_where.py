"""Places in words and carets under whole values: what the text report shows people."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Path as PlanPath
from movekit.source import parse
from movekit.spans import end_column, scalar_end
from movekit.where import SEPARATOR, describe
from tests.conftest import run_cli

PLAN = yaml.safe_load(
    """
campaign: {name: Save our bus route 42}
outcomes:
  - id: policy
    measures:
      - {id: pledges, target: 10}
      - {metric: Riders counted}
  - {title: "A very long outcome title that goes on and on past forty characters"}
  - "not a mapping"
audiences:
  - {id: riders, channels: [whatsapp, leaflets], motivations: [Getting to work]}
journeys:
  - id: buses-journey
    stages:
      - {name: Hears about the cut}
      - id: turn-up
        ctas:
          - {ask: "Come to the\\n  depot on Friday", mode: offline}
          - {id: sign, ask: Sign the petition}
      - {}
bridges:
  - {journey: buses-journey}
  - {id: leaflet-to-meeting}
community: [{id: bus-buddies}]
phases: [{id: launch}]
reviews: [{phase: launch, date: "2027-03-03"}, {date: "2027-04-01"}, {}]
results:
  - {measure: pledges, date: "2027-01-01", value: 1}
  - {measure: pledges, date: "2027-01-15", value: 2}
  - {measure: pledges, date: "2027-02-01", value: 9}
targets: [{id: council-leader}]
assumptions: [{id: riders-care}]
risks: [{risk: Rain}]
"""
)

PLACES: list[tuple[PlanPath, str]] = [
    ((), ""),
    (("movekit",), "movekit"),
    (("campaign", "name"), "campaign > name"),
    (("journeys", 0, "stages", 1, "level"), "journey 'buses-journey' > stage 2 'turn-up' > level"),
    (("journeys", 0, "stages", 0), "journey 'buses-journey' > stage 1 'Hears about the cut'"),
    (("journeys", 0, "stages", 2, "level"), "journey 'buses-journey' > stage 3 > level"),
    (
        ("journeys", 0, "stages", 1, "ctas", 0, "mode"),
        "journey 'buses-journey' > stage 2 'turn-up' > call to action 1 'Come to the depot on "
        "Friday' > mode",
    ),
    (
        ("journeys", 0, "stages", 1, "ctas", 1),
        "journey 'buses-journey' > stage 2 'turn-up' > call to action 2 'sign'",
    ),
    (("outcomes", 0, "measures", 0, "target"), "outcome 'policy' > measure 'pledges' > target"),
    (("outcomes", 0, "measures", 1), "outcome 'policy' > measure 2 'Riders counted'"),
    (("outcomes", 1), "outcome 2 'A very long outcome title that goes on…'"),
    (("outcomes", 2), "outcomes > item 3 'not a mapping'"),
    (("outcomes", 7, "id"), "outcomes > item 8 > id"),
    (("audiences", 0, "channels", 1), "audience 'riders' > channels > item 2 'leaflets'"),
    (
        ("audiences", 0, "motivations", 0),
        "audience 'riders' > motivations > item 1 'Getting to work'",
    ),
    (("bridges", 0, "from"), "bridge 1 > from"),
    (("bridges", 1), "bridge 2 'leaflet-to-meeting'"),
    (("community", 0, "kind"), "community mechanism 'bus-buddies' > kind"),
    (("phases", 0), "phase 'launch'"),
    (("reviews", 0, "date"), "review 1 (phase 'launch', 2027-03-03) > date"),
    (("reviews", 1), "review 2 (2027-04-01)"),
    (("reviews", 2), "review 3"),
    (("results", 2), "result 3 (measure 'pledges', 2027-02-01)"),
    (("targets", 0, "role"), "target 'council-leader' > role"),
    (("assumptions", 0), "assumption 'riders-care'"),
    (("risks", 0), "risk 1 'Rain'"),
    (("channels", 0, "mode"), "channels > item 1 > mode"),
    (("x-notes", "owner"), "x-notes > owner"),
]


@pytest.mark.parametrize(("path", "words"), PLACES, ids=[words or "root" for _, words in PLACES])
def test_a_path_reads_as_words(path: PlanPath, words: str) -> None:
    assert describe(PLAN, path) == words.replace(" > ", SEPARATOR)


@pytest.mark.parametrize("data", [None, "text", 5, [1, 2], {"journeys": "none"}])
def test_words_for_data_of_any_shape(data: object) -> None:
    # an invalid plan is still described, never a crash
    place = describe(data, ("journeys", 0, "stages", 1, "level"))
    assert place.endswith(f"{SEPARATOR}level")


# where a value ends on its line

VALUES = [
    ("id: Regular Bus Users", 4, "Regular Bus Users"),
    ("target: 1,000   # pledges", 8, "1,000"),
    ("ask: 'It''s our bus' # quoted", 5, "'It''s our bus'"),
    ('ask: "say \\"no\\" to cuts", x', 5, '"say \\"no\\" to cuts"'),
    ('ask: "a long text that goes', 5, '"a long text that goes'),
    ("ask: text#not-a-comment ok", 5, "text#not-a-comment ok"),
    ("goal: >-", 6, ">-"),
    ("key: value", 0, "key"),
]


@pytest.mark.parametrize(("line", "start", "value"), VALUES)
def test_a_value_ends_where_yaml_ends_it(line: str, start: int, value: str) -> None:
    assert line[start : scalar_end(line, start)] == value


def test_inside_brackets_a_value_ends_at_a_comma_or_bracket() -> None:
    line = "channels: [whats app, leaflets]"
    assert line[11 : scalar_end(line, 11, flow=True)] == "whats app"
    assert line[22 : scalar_end(line, 22, flow=True)] == "leaflets"
    # the same text outside brackets is one value, commas and all
    assert line[11 : scalar_end(line, 11)] == "whats app, leaflets]"


def test_end_column_knows_brackets_from_the_document() -> None:
    text = "audiences:\n  - {id: Regular Bus Users, name: Riders}\n"
    document = parse(text)
    lines = text.splitlines()
    path: PlanPath = ("audiences", 0, "id")
    audiences = document.root.values["audiences"] if document.root.values else None
    assert audiences is not None and audiences.items is not None
    item = audiences.items[0]
    assert item.values is not None
    value = item.values["id"]
    assert end_column(lines, document.root, path, value) == len("  - {id: Regular Bus Users") + 1
    # a mapping has no end on its line: the report underlines its first word
    assert end_column(lines, document.root, ("audiences", 0), item) is None


# through the engine and the real command

PLAN_TEXT = """\
movekit: 1
campaign:
  name: Save our bus route 42
  goal: The council keeps route 42
outcomes:
  - id: keep-route
    title: Route 42 kept
    type: policy
    measures:
      - {id: pledges, metric: Councillors pledged, baseline: 0, target: 20}
audiences:
  - id: riders
    name: Regular riders
journeys:
  - id: buses-journey
    audience: riders
    outcomes: [keep-route]
    stages:
      - id: hear
        level: awareness
      - id: turn-up
        level: Big Action Day
"""


def describe_turn_up() -> str:
    """The level of the second stage, as the text report names it."""
    return SEPARATOR.join(["journey 'buses-journey'", "stage 2 'turn-up'", "level"])


def test_the_finding_carries_the_place_in_words_and_the_end_of_the_value() -> None:
    findings = check_text(PLAN_TEXT, today=dt.date(2027, 3, 1), settings=Settings())
    [level] = [finding for finding in findings if finding.path.endswith("stages[1].level")]
    assert level.where == describe_turn_up()
    assert (level.line, level.column, level.end_column) == (22, 16, 16 + len("Big Action Day"))


def test_the_text_report_names_the_place_and_underlines_the_whole_value(
    write_plan: Callable[..., Path],
) -> None:
    plan = write_plan(PLAN_TEXT)
    result = run_cli("check", str(plan), "--today", "2027-03-01", "--select", "MK002")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("MK002"))
    assert lines[start + 1] == f"  --> {plan}:22:16"
    assert lines[start + 2] == f"  in {describe_turn_up()}"
    assert lines[start + 5] == "22 |         level: Big Action Day"
    assert lines[start + 6] == "   |                ^^^^^^^^^^^^^^"


def test_json_keeps_its_shape_and_sarif_gets_the_end(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(PLAN_TEXT)
    args = ("check", str(plan), "--today", "2027-03-01", "--select", "MK002", "--format")
    [finding] = json.loads(run_cli(*args, "json").stdout)["findings"]
    assert set(finding) == {
        *["code", "rule", "severity", "message", "file", "line", "column", "path", "hint"]
    }
    assert finding["path"] == "journeys[0].stages[1].level"
    [result] = json.loads(run_cli(*args, "sarif").stdout)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 22, "startColumn": 16, "endColumn": 30}


def test_a_check_answered_from_the_cache_shows_the_same_place_and_carets(
    write_plan: Callable[..., Path],
) -> None:
    plan = write_plan(PLAN_TEXT)
    args = ("check", str(plan), "--today", "2027-03-01")
    first = run_cli(*args)
    assert f"  in {describe_turn_up()}" in first.stdout
    # with the engine unimportable, only the cache can answer
    without_engine = (
        "import sys\n"
        "sys.modules['movekit.engine'] = None\n"
        "from movekit.cli import main\n"
        "sys.argv = ['movekit', *sys.argv[1:]]\n"
        "main()\n"
    )
    again = subprocess.run(
        [sys.executable, "-c", without_engine, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
        check=False,
    )
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout), again.stderr


UNDERLINED = [
    ("  - id: Regular Bus Users\n    name: Riders\n", "Regular Bus Users"),
    ("  - {id: Bus Riders, name: Riders}\n", "Bus Riders"),
    ("  - id: 'Bus Riders'   # from the survey\n    name: Riders\n", "'Bus Riders'"),
    ("  - id: riders\n    name: Riders\n    size: 1,000 people\n", "1,000 people"),
    ("  - id: riders\n    name: Riders\n    size: lots and\n      lots of people\n", "lots and"),
]


@pytest.mark.parametrize(("audiences", "value"), UNDERLINED, ids=[v for _, v in UNDERLINED])
def test_a_value_of_several_words_is_underlined_in_full(audiences: str, value: str) -> None:
    text = VALID_START + audiences
    findings = check_text(text, today=dt.date(2027, 3, 1), settings=Settings())
    [finding] = [finding for finding in findings if finding.code == "MK002"]
    assert finding.end_column is not None, finding
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == value


VALID_START = """\
movekit: 1
campaign: {name: Save our bus route 42, goal: The council keeps route 42}
outcomes:
  - {id: keep-route, title: Route 42 kept, type: policy}
audiences:
"""
