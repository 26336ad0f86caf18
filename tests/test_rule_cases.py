"""Every rule, table-driven: the YAML cases in tests/rule_cases/ become parametrized tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from movekit.config import Settings
from movekit.engine import check_text
from movekit.rules import RULES

CASES_DIR = Path(__file__).parent / "rule_cases"
DEFAULT_TODAY = dt.date(2027, 1, 1)


def _load_cases() -> list[Any]:
    params = []
    for case_file in sorted(CASES_DIR.glob("*.yaml")):
        spec = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}"))
    return params


@pytest.mark.parametrize(("code", "case"), _load_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    today = case.get("today", DEFAULT_TODAY)
    findings = check_text(case["plan"], "case.yaml", today=today, settings=Settings(select=(code,)))
    file_level = [f"{f.code} {f.line}: {f.message}" for f in findings if f.code < "MK100"]
    assert not file_level, "the case's plan must be valid"
    got = [{"code": f.code, "line": f.line} for f in findings]
    assert got == case["expect"]


def test_every_rule_has_a_triggering_and_a_clean_case() -> None:
    triggered: set[str] = set()
    clean: set[str] = set()
    for case_file in CASES_DIR.glob("*.yaml"):
        spec = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            (triggered if case["expect"] else clean).add(spec["rule"])
    lint_codes = {rule.code for rule in RULES if rule.check is not None}
    assert lint_codes - triggered == set()
    assert lint_codes - clean == set()
