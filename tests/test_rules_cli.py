"""`movekit rules`, `movekit explain`, and the rule docs generated from the rules."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from movekit.rules import RULES
from movekit.rules.docs import docs_markdown
from tests.conftest import REPO, run_cli

CODE = re.compile(r"MK[0-7]\d\d\Z")
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


def test_the_catalogue_is_complete_and_ordered() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes)) == 44
    expected = {f"MK00{n}" for n in range(1, 9)}
    expected |= {f"MK10{n}" for n in range(1, 8)} | {f"MK20{n}" for n in range(1, 4)}
    expected |= {f"MK30{n}" for n in range(1, 9)} | {f"MK40{n}" for n in range(1, 6)}
    expected |= {f"MK50{n}" for n in range(1, 5)} | {f"MK60{n}" for n in range(1, 6)}
    expected |= {f"MK70{n}" for n in range(1, 5)}
    assert set(codes) == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_is_fully_documented(rule: object) -> None:
    from movekit.rules.base import Rule

    assert isinstance(rule, Rule)
    assert CODE.match(rule.code) and NAME.match(rule.name)
    assert "\n" not in rule.summary and rule.summary.endswith(".")
    for part in (rule.what, rule.why, rule.example, rule.fix):
        assert len(part.strip()) > 20
    if rule.code == "MK001":
        with pytest.raises(yaml.YAMLError):  # its example is broken on purpose
            yaml.safe_load(rule.example)
    else:
        yaml.safe_load(rule.example)
    assert (rule.check is None) == rule.code.startswith("MK00")


def test_docs_rules_md_is_up_to_date() -> None:
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == docs_markdown(), "run: python scripts/gen_rules_doc.py"
