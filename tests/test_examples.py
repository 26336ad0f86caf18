"""Example plans, found by folder: a plan dropped in one of these folders is a test.

As check-jsonschema's `tests/example-files/{positive,negative}/` (see the README there):
- clean plans, `examples/*.yaml` (shipped) and `tests/example-files/positive/`: nothing
  to report with `--strict` on the examples' date;
- plans with findings, `examples/gaps/` (shipped) and `tests/example-files/negative/`:
  exit 1 with exactly the codes in the sibling `NAME.expected.json`;
- every shipped plan and every positive one is fmt-clean, valid for the JSON Schema and
  renders: people copy them;
- each worked example (`examples/*.yaml`) uses every addition of movekit 0.2, and every
  addition for real plans, so that people copying one see them all in use.
Each of these properties is tested here and nowhere else (what the shipped plans render to,
byte for byte, is tests/test_render_golden.py's).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.about import split
from movekit.months import is_month
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


WORKED = plans(EXAMPLES)


def additions_used(path: Path) -> dict[str, bool]:
    """Each 0.2 addition, in words, and whether the plan uses it."""
    plan = load_plan(path)
    stages = [stage for journey in plan.journeys for stage in journey.stages]
    ctas = [cta for stage in stages for cta in stage.ctas]
    about = [split(entry) for item in [*plan.assumptions, *plan.risks] for entry in item.about]
    measures = [measure for outcome in plan.outcomes for measure in outcome.measures]
    activities = plan.activities
    channels = plan.channels or []
    secondary = [target for target in plan.targets if target.role == "secondary"]
    allies = {s.id for s in plan.stakeholders if s.stance == "ally"}
    arguments = [a.id for s in plan.stakeholders if s.stance == "opponent" for a in s.arguments]
    answered = {argument for message in plan.messages for argument in message.answers}
    for_audience = {audience for message in plan.messages for audience in message.audiences}
    target_ids = {target.id for target in plan.targets}
    dates = [
        *(measure.due for measure in measures),
        *(day for item in [*activities, *ctas] for day in item.date or []),
    ]
    return {
        "a primary target": any(target.role == "primary" for target in plan.targets),
        "a secondary target": any(target.role == "secondary" for target in plan.targets),
        "a target's position, power and audiences": any(
            target.position and target.power and target.audiences for target in plan.targets
        ),
        "an outcome's targets": any(outcome.targets for outcome in plan.outcomes),
        "an owner on every outcome": all(outcome.owner for outcome in plan.outcomes),
        "an owner on every mechanism": all(mechanism.owner for mechanism in plan.community),
        "an owner on a measure": any(m.owner for o in plan.outcomes for m in o.measures),
        "an owner on a journey": any(journey.owner for journey in plan.journeys),
        "an owner on an ask": any(cta.owner for cta in ctas),
        "an owner on a phase": any(phase.owner for phase in plan.phases),
        "an owner on a target": any(target.owner for target in plan.targets),
        "an owner on a risk": any(risk.owner for risk in plan.risks),
        "a stage's phase": any(stage.phase for stage in stages),
        "a dated ask aimed at a target": any(cta.date and cta.target for cta in ctas),
        "two assumptions": len(plan.assumptions) >= 2,
        "two risks": len(plan.risks) >= 2,
        "about with a bare id": any(not e.kind and not e.journey for e in about),
        "about with JOURNEY/ID": any(e.journey for e in about),
        "about with KIND:ID": any(e.kind for e in about),
        # the additions for real plans (docs/plan-format.md)
        "a direct ask": any(cta.mode == "direct" for cta in ctas),
        "a direct channel": any(channel.mode == "direct" for channel in channels),
        "a milestone with a date": any(
            m.kind == "milestone" and (m.done or m.due) for m in measures
        ),
        "a date by the month": any(is_month(day) for day in dates),
        "a measure tracked in another tool": any(measure.tracked_in for measure in measures),
        "a partner's channel": any(channel.partner for channel in channels),
        "a name on every channel": bool(channels) and all(c.name for c in channels),
        "a position on every secondary target": bool(secondary)
        and all(target.position for target in secondary),
        "an activity with a date": any(activity.date for activity in activities),
        "an activity with a list of dates": any(len(a.date or []) > 1 for a in activities),
        "an activity in a phase, with no date": any(a.phase and not a.date for a in activities),
        "an activity serving a target": any(
            split(entry).id in target_ids for a in activities for entry in a.serves
        ),
        "an owner, channels and what it serves on every activity": bool(activities)
        and all(a.owner and a.channels and a.serves for a in activities),
        "an ally with audiences": any(s.audiences for s in plan.stakeholders if s.id in allies),
        "a neutral": any(s.stance == "neutral" for s in plan.stakeholders),
        "an opponent with two arguments": any(
            len(s.arguments) >= 2 for s in plan.stakeholders if s.stance == "opponent"
        ),
        "every opponent's argument answered by a message": bool(arguments)
        and set(arguments) <= answered,
        "a core message per audience": bool(plan.audiences)
        and {audience.id for audience in plan.audiences} <= for_audience,
        "a budget with a currency": bool(plan.campaign.budget and plan.campaign.currency),
        "a budget on an activity": any(activity.budget for activity in activities),
        "a budget on a mechanism": any(mechanism.budget for mechanism in plan.community),
        "a mechanism serving an ally": any(
            allies & set(mechanism.stakeholders) for mechanism in plan.community
        ),
        "spending": bool(plan.spend),
        "spending for an item": any(entry.for_ for entry in plan.spend),
    }


def test_there_are_worked_examples() -> None:
    assert len(WORKED) >= 2, WORKED


@pytest.mark.parametrize("plan", WORKED, ids=name)
def test_a_worked_example_uses_every_addition(plan: Path) -> None:
    missing = [addition for addition, used in additions_used(plan).items() if not used]
    assert missing == [], f"{name(plan)} does not use {missing}"


def test_a_plan_from_before_0_2_uses_none_of_them() -> None:
    """Every check above can fail: the 0.1 example (a fixture) fails each one."""
    old = REPO / "tests" / "data" / "plans-0.1" / "clean-air-streets.yaml"
    assert [addition for addition, used in additions_used(old).items() if used] == []
