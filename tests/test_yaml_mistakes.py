"""The newcomer YAML mistakes of tests/yaml_mistakes.yaml, each explained at its real spot."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from movekit.config import Settings
from movekit.engine import check_text
from movekit.source import parse
from movekit.yamlmistakes import explain
from tests.conftest import run_cli

CORPUS = Path(__file__).parent / "yaml_mistakes.yaml"
CASES: dict[str, dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
INVISIBLE = {"{NBSP}": "\u00a0", "{TAB}": "\t", "{IDSP}": "\u3000"}
JARGON = ("scanner", "parser", "mapping values", "expected key", "token", "simple key")


def _plan(case: dict[str, Any]) -> str:
    text = str(case["plan"])
    for name, character in INVISIBLE.items():
        text = text.replace(name, character)
    return text


def test_the_corpus_holds_at_least_30_mistakes() -> None:
    assert len(CASES) >= 30
    assert sum(bool(case.get("cli")) for case in CASES.values()) >= 5


@pytest.mark.parametrize("name", list(CASES))
def test_each_mistake_is_explained_where_it_is(name: str) -> None:
    case = CASES[name]
    text = _plan(case)
    findings = check_text(text, "plan.yaml", today=dt.date(2027, 1, 1), settings=Settings())
    first = findings[0]
    assert (first.code, [first.line, first.column]) == ("MK001", case["at"]), first
    assert case["message"] in first.message
    assert case["hint"] in first.hint
    assert not any(word in first.message.lower() for word in JARGON), first.message
    lines = text.splitlines()
    _assert_named_lines_exist(first.message, lines)
    for finding in findings:
        assert 1 <= finding.line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.get("cli")])
def test_movekit_check_shows_the_explanation(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    plan = tmp_path / "plan.yaml"
    plan.write_text(_plan(case), encoding="utf-8")
    result = run_cli("check", str(plan), "--format", "json")
    assert result.returncode == 1, result.stderr
    first = json.loads(result.stdout)["findings"][0]
    assert (first["code"], [first["line"], first["column"]]) == ("MK001", case["at"])
    assert case["message"] in first["message"]
    assert case["hint"] in first["hint"]
    text = run_cli("check", str(plan)).stdout
    assert case["message"] in text
    assert "Traceback" not in text


@pytest.mark.parametrize(
    "text",
    [
        "movekit: 1\ncampaign:\n  name: Sam\u2019s \u201cbest\u201d group\n",
        "movekit: 1\ncampaign:\n  name: Route 42  # the bus we want back\n",
        "movekit: 1\ncampaign:\n  goal: '\u201cKeep it\u201d: the ask'\n",
        "movekit: 1\ncampaign:\n  name: \u201cBus\u201d route 42\n",
        "movekit: 1\ncampaign:\n  goal: |\n    \u2013 a dash in prose\n    \u201cquoted\u201d\n",
        'movekit: 1\naudiences: ["a #b"]\n',
        "movekit: 1\nnotes:\n  - |\n    \u201cWe want buses\u201d\n    \u2013 Ann\n",
    ],
)
def test_lookalikes_that_mean_what_they_say_are_allowed(text: str) -> None:
    findings = check_text(text, "plan.yaml", today=dt.date(2027, 1, 1), settings=Settings())
    assert "MK001" not in {finding.code for finding in findings}, findings


def _variants(text: str) -> list[str]:
    """Each line of a plan dropped, pushed one space right, or without its first colon."""
    lines = text.split("\n")
    variants = []
    for index, line in enumerate(lines):
        variants.append("\n".join(lines[:index] + lines[index + 1 :]))
        variants.append("\n".join([*lines[:index], " " + line, *lines[index + 1 :]]))
        variants.append("\n".join([*lines[:index], line.replace(":", "", 1), *lines[index + 1 :]]))
    return variants


@pytest.mark.parametrize("name", list(CASES))
def test_every_position_lies_inside_the_file_even_after_more_mistakes(name: str) -> None:
    for text in _variants(_plan(CASES[name])):
        lines = text.split("\n")
        for problem in parse(text).problems:
            if problem.line is None:
                continue
            assert 1 <= problem.line <= len(lines), (text, problem)
            assert 1 <= (problem.column or 1) <= len(lines[problem.line - 1]) + 1, (text, problem)
            assert not any(word in problem.message.lower() for word in JARGON), problem.message
            _assert_named_lines_exist(problem.message, text.splitlines())


def _assert_named_lines_exist(message: str, lines: list[str]) -> None:
    """A message that names a line names one the file has (a last line break starts none)."""
    for number in re.findall(r"\bline (\d+)", message):
        assert 1 <= int(number) <= len(lines), (message, lines)


def test_a_mistake_after_the_last_line_is_at_the_end_of_the_file() -> None:
    text = "movekit: 1\ncampaign:\n\n"
    mark = yaml.Mark("plan.yaml", len(text), 3, 0, text, len(text))
    problem = explain(text, yaml.MarkedYAMLError(problem="something odd", problem_mark=mark))
    assert problem.message == "YAML cannot read the end of the file"
    assert (problem.line, problem.column) == (2, 10)
