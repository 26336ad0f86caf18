"""Every lint rule, table-driven from tests/rule_cases/<CODE>.yaml.

Each file's `cases` become tests of the findings' code, line, column and message; its
`example` puts the rule's own documented example and fix into small plans, so the docs
cannot show an example that does not trigger the rule or a fix that does not clear it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Finding
from movekit.opening import open_plan
from movekit.rules import BY_CODE, RULES
from movekit.rules.base import Context, Rule

CASES_DIR = Path(__file__).parent / "rule_cases"
DEFAULT_TODAY = dt.date(2027, 1, 1)
SLOT = "{snippet}\n"
"""Where an example plan takes the rule's example or fix: a line of its own."""

LINT_RULES = [rule for rule in RULES if rule.check is not None]


@cache
def _spec(code: str) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((CASES_DIR / f"{code}.yaml").read_text("utf-8"))
    return spec


def _cases() -> list[Any]:
    return [
        pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")
        for path in sorted(CASES_DIR.glob("*.yaml"))
        for case in _spec(path.stem)["cases"]
    ]


def _findings(code: str, plan: str, today: dt.date) -> list[Finding]:
    """The findings of one rule on a plan, which must be valid."""
    findings = check_text(plan, "case.yaml", today=today, settings=Settings(select=(code,)))
    file_level = [f"{f.code} {f.line}: {f.message}" for f in findings if f.code != code]
    assert not file_level, "the plan must be valid"
    return findings


def _placed(rule: Rule, snippet: str, key: str) -> tuple[str, dt.date]:
    """The example's plan (`plan` or `fixed`) with the snippet in its slot, and its today."""
    example = _spec(rule.code)["example"]
    base: str = example.get(key, example["plan"])
    assert base.count(SLOT) == 1, f"{key} needs one line that is just {SLOT.strip()}"
    return base.replace(SLOT, snippet.rstrip("\n") + "\n"), example.get("today", DEFAULT_TODAY)


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    findings = _findings(code, case["plan"], case.get("today", DEFAULT_TODAY))
    got = [
        {"code": f.code, "line": f.line, "column": f.column, "message": f.message} for f in findings
    ]
    assert got == case["expect"]


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda rule: rule.code)
def test_the_documented_example_triggers_the_rule(rule: Rule) -> None:
    plan, today = _placed(rule, rule.example, "plan")
    assert _findings(rule.code, plan, today), f"the example of {rule.code} does not trigger it"


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda rule: rule.code)
def test_the_documented_fix_clears_the_rule(rule: Rule) -> None:
    _, snippet = rule.fix_parts
    assert snippet, "a lint rule's fix ends with the fixed YAML, after a blank line"
    plan, today = _placed(rule, snippet, "fixed")
    assert _findings(rule.code, plan, today) == []


@pytest.mark.parametrize("rule", LINT_RULES, ids=lambda rule: rule.code)
def test_rules_leave_the_code_to_the_engine(rule: Rule) -> None:
    plan, today = _placed(rule, rule.example, "plan")
    model = open_plan(plan.encode(), today=today, lint=False).plan
    assert model is not None and rule.check is not None
    problems = list(rule.check(Context(model, today)))
    assert problems and all(problem.code == "" for problem in problems)


def test_every_lint_rule_has_its_file_and_no_file_is_stray() -> None:
    files = {path.stem for path in CASES_DIR.glob("*.yaml")}
    assert files == {rule.code for rule in LINT_RULES}
    for code in files:
        assert _spec(code)["rule"] == code
        assert BY_CODE[code].check is not None


def test_every_rule_has_a_triggering_and_a_clean_case() -> None:
    for rule in LINT_RULES:
        expects = [case["expect"] for case in _spec(rule.code)["cases"]]
        assert any(expects), f"{rule.code} has no case that triggers it"
        assert not all(expects), f"{rule.code} has no clean case"
