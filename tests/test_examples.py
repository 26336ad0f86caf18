"""The shipped examples: the good ones are spotless, the gaps one shows typical findings."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

GOOD = sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_at_least_two_good_examples() -> None:
    assert len(GOOD) >= 2


@pytest.mark.parametrize("plan", GOOD, ids=lambda path: path.name)
def test_good_examples_have_no_findings_at_all(plan: object) -> None:
    result = run_cli("check", str(plan), "--today", EXAMPLE_TODAY, "--strict", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["findings"] == []


def test_the_gaps_example_shows_typical_findings_and_no_file_errors() -> None:
    result = run_cli("check", str(EXAMPLES / "gaps"), "--today", EXAMPLE_TODAY, "-f", "json")
    assert result.returncode == 1
    codes = {finding["code"] for finding in json.loads(result.stdout)["findings"]}
    assert not {code for code in codes if code.startswith("MK0")}
    # the gaps the method warns about first
    assert {"MK101", "MK202", "MK301", "MK303", "MK402", "MK501", "MK602"} <= codes
