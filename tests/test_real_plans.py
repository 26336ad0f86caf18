"""Real campaign plans (examples/real/): valid, fmt-clean, and reporting exactly what we expect.

Each plan is written from public sources (docs/real-plans.md) and checked on a day inside
its campaign, named in its header. What each plan reports, code, place and message, is kept
in tests/data/real-plans-findings.json, so that any change in what movekit says about a real
plan shows up in review. `MOVEKIT_UPDATE_GOLDEN=1 pytest tests/test_real_plans.py` rewrites
that file and then fails: read `git diff tests/data/real-plans-findings.json`, then run again.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, REPO, run_cli

REAL = sorted((EXAMPLES / "real").glob("*.yaml"))
EXPECTED = REPO / "tests" / "data" / "real-plans-findings.json"
UPDATE = "MOVEKIT_UPDATE_GOLDEN"
CHECKED_ON = re.compile(
    r"^# Check it as of that day: `movekit check \S+ --today (\d{4}-\d{2}-\d{2})`", re.M
)


def name(plan: Path) -> str:
    return plan.relative_to(REPO).as_posix()


def checked_on(plan: Path) -> str:
    """The day the plan's header says to check it on."""
    match = CHECKED_ON.search(plan.read_text(encoding="utf-8"))
    assert match, f"{name(plan)} has no '# Check it as of that day: ... --today DAY' line"
    return match.group(1)


def findings_of(plan: Path) -> list[dict[str, Any]]:
    """Each finding of `movekit check` on the plan's day: its code, its place and its words."""
    result = run_cli("check", name(plan), "--today", checked_on(plan), "--format", "json", cwd=REPO)
    return [
        {"code": f["code"], "path": f["path"], "message": f["message"]}
        for f in json.loads(result.stdout)["findings"]
    ]


def all_findings() -> dict[str, Any]:
    return {name(plan): {"today": checked_on(plan), "findings": findings_of(plan)} for plan in REAL}


def expected() -> dict[str, Any]:
    assert EXPECTED.exists(), f"{EXPECTED.name} is missing: run with {UPDATE}=1 to create it"
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_there_are_three_real_plans() -> None:
    assert len(REAL) == 3, [name(plan) for plan in REAL]


@pytest.mark.parametrize("plan", REAL, ids=name)
def test_a_real_plan_is_valid(plan: Path) -> None:
    invalid = [f for f in findings_of(plan) if f["code"].startswith("MK0")]
    assert invalid == []


@pytest.mark.parametrize("plan", REAL, ids=name)
def test_a_real_plan_is_fmt_clean(plan: Path) -> None:
    result = run_cli("fmt", "--check", name(plan), cwd=REPO)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("plan", REAL, ids=name)
def test_a_real_plan_reports_what_we_expect(plan: Path) -> None:
    if os.environ.get(UPDATE, "") not in ("", "0"):
        _rewrite()
    assert expected().get(name(plan)) == {"today": checked_on(plan), "findings": findings_of(plan)}


def test_every_expected_plan_exists() -> None:
    assert sorted(expected()) == [name(plan) for plan in REAL]


def _rewrite() -> None:
    if os.environ.get("CI", "") not in ("", "0"):
        pytest.fail(f"{UPDATE} is refused in CI: rewrite {EXPECTED.name} on your own machine")
    text = json.dumps(all_findings(), indent=2, ensure_ascii=False) + "\n"
    if EXPECTED.exists() and EXPECTED.read_text(encoding="utf-8") == text:
        return
    EXPECTED.write_text(text, encoding="utf-8")
    pytest.fail(f"{EXPECTED.name} rewritten: review `git diff {name(EXPECTED)}` and run again")
