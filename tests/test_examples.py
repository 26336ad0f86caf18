"""Example plans, found by folder: a plan dropped in one of these folders is a test.

As check-jsonschema's `tests/example-files/{positive,negative}/` (see the README there):
- clean plans, `examples/*.yaml` (shipped) and `tests/example-files/positive/`: nothing
  to report with `--strict` on the examples' date;
- plans with findings, `examples/gaps/` (shipped) and `tests/example-files/negative/`:
  exit 1 with exactly the codes in the sibling `NAME.expected.json`;
- every shipped plan and every positive one is fmt-clean, valid for the JSON Schema and
  renders: people copy them.
Each of these properties is tested here and nowhere else (what the shipped plans render to,
byte for byte, is tests/test_render_golden.py's).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, run_cli
from tests.test_schema import errors

EXAMPLE_FILES = REPO / "tests" / "example-files"
FOLDERS = {
    "clean": [EXAMPLES, EXAMPLE_FILES / "positive"],
    "with findings": [EXAMPLES / "gaps", EXAMPLE_FILES / "negative"],
}


def plans(*folders: Path) -> list[Path]:
    return sorted(plan for folder in folders for plan in folder.glob("*.yaml"))


CLEAN = plans(*FOLDERS["clean"])
WITH_FINDINGS = plans(*FOLDERS["with findings"])
WELL_FORMED = sorted({*EXAMPLES.rglob("*.yaml"), *plans(EXAMPLE_FILES / "positive")})


def name(plan: Path) -> str:
    return plan.relative_to(REPO).as_posix()


def check(plan: Path, *args: str) -> tuple[int, list[str]]:
    """Exit code and finding codes of `movekit check` on the examples' date."""
    result = run_cli("check", str(plan), "--today", EXAMPLE_TODAY, "--format", "json", *args)
    codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
    return result.returncode, codes


@pytest.mark.parametrize("folder", [f for fs in FOLDERS.values() for f in fs], ids=name)
def test_every_folder_holds_plans(folder: Path) -> None:
    assert plans(folder), f"{folder} holds no plans: the tests below would test nothing"


@pytest.mark.parametrize("plan", CLEAN, ids=name)
def test_a_clean_plan_has_no_findings_at_all(plan: Path) -> None:
    assert check(plan, "--strict") == (0, [])


@pytest.mark.parametrize("plan", WITH_FINDINGS, ids=name)
def test_a_plan_with_findings_reports_exactly_the_expected_codes(plan: Path) -> None:
    exit_code, codes = check(plan)
    found = json.dumps({"codes": dict(sorted(Counter(codes).items()))}, indent=2)
    expected = plan.with_suffix(".expected.json")
    assert expected.exists(), f"{name(expected)} is missing; this run found:\n{found}"
    assert json.loads(found) == json.loads(expected.read_text(encoding="utf-8")), found
    assert exit_code == 1


def test_every_expected_file_belongs_to_a_plan() -> None:
    expected = {path for folder in FOLDERS["with findings"] for path in folder.glob("*.json")}
    orphans = expected - {plan.with_suffix(".expected.json") for plan in WITH_FINDINGS}
    assert not orphans, f"no plan next to {sorted(map(name, orphans))}"


@pytest.mark.parametrize("plan", WELL_FORMED, ids=name)
def test_a_well_formed_plan_is_fmt_clean(plan: Path) -> None:
    result = run_cli("fmt", "--check", str(plan))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("plan", WELL_FORMED, ids=name)
def test_a_well_formed_plan_is_valid_for_the_json_schema(plan: Path) -> None:
    assert errors(plan.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("plan", WELL_FORMED, ids=name)
def test_a_well_formed_plan_renders(plan: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.html"
    result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
