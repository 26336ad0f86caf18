"""The library API: `from movekit import load_plan, check_plan`."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from movekit import PlanError, check_plan, load_plan
from movekit.config import Settings
from movekit.errors import FileAccessError
from tests.conftest import EXAMPLES, VALID_PLAN


def test_load_plan_returns_the_model() -> None:
    plan = load_plan(EXAMPLES / "clean-air-streets.yaml")
    assert plan.campaign.name == "Clean Air Streets"
    assert plan.journeys and plan.journeys[0].stages


def test_load_plan_raises_with_findings(write_plan: Callable[..., Path]) -> None:
    path = write_plan(VALID_PLAN.replace("type: policy", "type: polcy"))
    with pytest.raises(PlanError) as raised:
        load_plan(path)
    assert [finding.code for finding in raised.value.findings] == ["MK002"]
    assert ":8:11: MK002" in str(raised.value)


def test_load_plan_ignores_lint_findings(write_plan: Callable[..., Path]) -> None:
    assert load_plan(write_plan(VALID_PLAN)).audiences[0].id == "parents"


def test_check_plan_uses_today_and_settings() -> None:
    findings = check_plan(
        EXAMPLES / "gaps" / "plan.yaml",
        today=dt.date(2027, 3, 15),
        settings=Settings(select=("MK301",)),
    )
    assert [finding.code for finding in findings] == ["MK301"]


def test_check_plan_reads_the_nearest_config(write_plan: Callable[..., Path]) -> None:
    path = write_plan(VALID_PLAN)
    (path.parent / "movekit.toml").write_text('select = ["MK202"]\n')
    assert [f.code for f in check_plan(path, today=dt.date(2027, 1, 1))] == ["MK202"]


def test_a_missing_file_is_a_file_access_error(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="no such file"):
        load_plan(tmp_path / "nope.yaml")


def test_using_movekit_as_a_library_leaves_the_environment_alone() -> None:
    script = (
        "import os, sys\n"
        "before = dict(os.environ)\n"
        "import movekit, movekit.api, movekit.model\n"
        "movekit.check_plan(sys.argv[1])\n"
        "movekit.load_plan(sys.argv[1])\n"
        "changed = sorted(set(before.items()) ^ set(os.environ.items()))\n"
        "print('CHANGED', changed)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLES / "clean-air-streets.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.stdout.strip() == "CHANGED []", done.stderr
