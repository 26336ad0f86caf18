"""`movekit rules`, `movekit explain`, and the rule docs generated from the rules."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from movekit.rules import RULES, file_level
from movekit.rules.base import Rule
from tests.conftest import run_cli

CODE = re.compile(r"MK\d{3}\Z")
NAME = re.compile(r"[a-z]+(-[a-z]+)*\Z")


def test_rules_lists_every_rule() -> None:
    result = run_cli("rules")
    assert result.returncode == 0
    for rule in RULES:
        assert rule.code in result.stdout and rule.name in result.stdout


def test_rules_json() -> None:
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert [entry["code"] for entry in listed] == [rule.code for rule in RULES]


@pytest.mark.parametrize("name", ["MK301", "mk301", "stage-no-cta"])
def test_explain_by_code_or_name(name: str) -> None:
    result = run_cli("explain", name)
    assert result.returncode == 0
    assert "MK301 stage-no-cta" in result.stdout
    assert "Why it matters" in result.stdout


def test_explain_an_unknown_rule_suggests_one() -> None:
    result = run_cli("explain", "MK3O1")
    assert result.returncode == 2
    assert "did you mean MK301?" in result.stderr


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_is_fully_documented(rule: Rule) -> None:
    assert CODE.match(rule.code) and NAME.match(rule.name)
    assert "\n" not in rule.summary and rule.summary.endswith(".")
    for part in (rule.what, rule.why, rule.example, rule.fix):
        assert len(part.strip()) > 20
    if rule is file_level.YAML_SYNTAX:
        with pytest.raises(yaml.YAMLError):  # its example is broken on purpose
            yaml.safe_load(rule.example)
    else:
        yaml.safe_load(rule.example)


def test_only_file_level_codes_have_no_check() -> None:
    file_level_rules = [value for value in vars(file_level).values() if isinstance(value, Rule)]
    assert [rule for rule in RULES if rule.check is None] == file_level_rules
