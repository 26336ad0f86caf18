"""The findings cache: reused only for the same plan, settings and day; never required."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, run_cli

GAPS = EXAMPLES / "gaps" / "plan.yaml"
ARGS = ("--today", "2027-03-15", "--format", "json")

# Runs `movekit check` with the YAML reader, Pydantic and the rules made unimportable:
# only a cache hit can answer.
WITHOUT_ENGINE = (
    "import sys\n"
    "sys.modules['movekit.engine'] = None\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', *sys.argv[1:]]\n"
    "main()\n"
)


def check_without_engine(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MOVEKIT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ENGINE, "check", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_repeated_check_is_answered_from_the_cache(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    first = run_cli("check", str(GAPS), *ARGS, env=env)
    assert first.returncode == 1
    again = check_without_engine(tmp_path, str(GAPS), *ARGS)
    assert (again.returncode, again.stdout) == (1, first.stdout)


def test_no_cache_never_uses_it(tmp_path: Path) -> None:
    run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(tmp_path)})
    fresh = check_without_engine(tmp_path, str(GAPS), *ARGS, "--no-cache")
    assert fresh.returncode == 2 and "internal error" in fresh.stderr


def test_nothing_is_stored_with_movekit_no_cache(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path), "MOVEKIT_NO_CACHE": "1"}
    assert run_cli("check", str(GAPS), *ARGS, env=env).returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_a_changed_plan_another_day_or_other_settings_are_checked_afresh(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    plan = tmp_path / "plan.yaml"
    plan.write_text(GAPS.read_text())
    run_cli("check", str(plan), *ARGS, env=env)
    for args in (
        (str(plan), "--today", "2027-03-16", "--format", "json"),
        (str(plan), *ARGS, "--select", "MK3"),
    ):
        assert check_without_engine(tmp_path, *args).returncode == 2  # not in the cache
    plan.write_text(GAPS.read_text().replace("Save Millbrook Library", "Save the Library"))
    assert check_without_engine(tmp_path, str(plan), *ARGS).returncode == 2


def test_a_damaged_entry_is_ignored(tmp_path: Path) -> None:
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path)}
    first = run_cli("check", str(GAPS), *ARGS, env=env)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{not json")
    again = run_cli("check", str(GAPS), *ARGS, env=env)
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("in the way")
    result = run_cli("check", str(GAPS), *ARGS, env={"MOVEKIT_CACHE_DIR": str(blocked / "x")})
    assert result.returncode == 1 and result.stderr == ""
