"""Configuration: movekit.toml, [tool.movekit], flags, and inline suppressions."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from movekit.config import Settings, load_settings
from movekit.engine import check_text
from movekit.errors import ConfigError
from movekit.findings import Severity
from movekit.rules import BY_CODE
from tests.conftest import VALID_PLAN, run_cli

TODAY = dt.date(2027, 1, 1)


def codes(path: Path, *flags: str) -> list[str]:
    result = run_cli("check", str(path), "--format", "json", "--today", "2027-01-01", *flags)
    assert result.returncode in (0, 1), result.stderr
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


def test_select_and_ignore_take_codes_and_prefixes(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    assert set(codes(plan, "--select", "MK2")) == {"MK201", "MK202", "MK203", "MK204"}
    ignored = ("--ignore", "MK203,MK201", "--ignore", "MK204")
    assert set(codes(plan, "--select", "MK2", *ignored)) == {"MK202"}
    assert set(codes(plan, "--select", "MK201", "--select", "MK101")) == {"MK101", "MK201"}


def test_movekit_toml_next_to_the_plan_applies(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    (plan.parent / "movekit.toml").write_text(
        'select = ["MK2"]\nignore = ["MK203", "MK204"]\n[severity]\nMK201 = "error"\n'
    )
    result = run_cli("check", str(plan), "--format", "json", "--today", "2027-01-01")
    found = {f["code"]: f["severity"] for f in json.loads(result.stdout)["findings"]}
    assert found == {"MK201": "error", "MK202": "error"}


def test_flags_override_the_file(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    (plan.parent / "movekit.toml").write_text('select = ["MK2"]\n')
    assert set(codes(plan, "--select", "MK101")) == {"MK101"}


def test_pyproject_tool_table_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.movekit]\nignore = ["MK"]\n'
    )
    plan = tmp_path / "plans" / "deep" / "plan.yaml"
    plan.parent.mkdir(parents=True)
    plan.write_text(VALID_PLAN)
    assert codes(plan) == []
    settings = load_settings(plan, BY_CODE)
    assert settings.source == tmp_path / "pyproject.toml"


def test_a_pyproject_without_the_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "movekit.toml").write_text('ignore = ["MK1"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    settings = load_settings(tmp_path / "sub" / "plan.yaml", BY_CODE)
    assert settings.source == tmp_path / "movekit.toml"
    assert not settings.enabled("MK101")


def test_file_level_codes_cannot_be_ignored() -> None:
    settings = Settings(ignore=("MK",))
    text = VALID_PLAN.replace("type: policy", "type: polcy")
    assert [f.code for f in check_text(text, today=TODAY, settings=settings)] == ["MK002"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("select = [", "not valid TOML"),
        ('selct = ["MK1"]', "did you mean 'select'"),
        ('select = ["MK999"]', "not a rule code"),
        ('select = "MK1"', "must be a list"),
        ('[severity]\nMK001 = "warning"', "stays one"),
        ('[severity]\nMK301 = "fatal"', "use one of error, warning, info"),
    ],
)
def test_bad_config_is_exit_2_with_a_clear_message(
    write_plan: Callable[..., Path], content: str, message: str
) -> None:
    plan = write_plan(VALID_PLAN)
    (plan.parent / "movekit.toml").write_text(content + "\n")
    result = run_cli("check", str(plan))
    assert result.returncode == 2
    assert message in result.stderr
    assert "movekit.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_codes_on_the_command_line_suggest_one(write_plan: Callable[..., Path]) -> None:
    result = run_cli("check", str(write_plan(VALID_PLAN)), "--select", "MK3001")
    assert result.returncode == 2
    assert "did you mean MK301" in result.stderr


def test_severity_override_changes_the_exit_code(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    (plan.parent / "movekit.toml").write_text('select = ["MK203"]\n[severity]\nMK203 = "error"\n')
    assert run_cli("check", str(plan), "--today", "2027-01-01").returncode == 1


def test_settings_severity_defaults_to_the_rule() -> None:
    assert Settings().severity_of("MK307", Severity.INFO) is Severity.INFO


def test_config_error_type() -> None:
    from movekit.config import settings_from_table

    with pytest.raises(ConfigError):
        settings_from_table({"ignore": ["nope"]}, Path("movekit.toml"), BY_CODE)


SUPPRESSED = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - id: parents  # movekit: ignore[MK201]
    name: Parents
  # movekit: ignore[MK203, MK202]
  - id: carers
    name: Carers
"""


def test_inline_suppressions_on_the_line_or_alone_above() -> None:
    settings = Settings(select=("MK201", "MK202", "MK203"))
    got = [(f.code, f.line) for f in check_text(SUPPRESSED, today=TODAY, settings=settings)]
    assert got == [("MK202", 6), ("MK203", 6), ("MK201", 9)]


def test_unused_suppressions_are_mk008_per_code() -> None:
    settings = Settings(select=("MK201", "MK203", "MK008"))
    got = [
        (f.code, f.line, f.column) for f in check_text(SUPPRESSED, today=TODAY, settings=settings)
    ]
    assert ("MK008", 8, 3) in got  # MK202 was not selected, so it silenced nothing
    assert ("MK008", 6, 18) not in got
    messages = [f.message for f in check_text(SUPPRESSED, today=TODAY, settings=settings)]
    assert any("MK202" in message for message in messages)


def test_mk008_can_itself_be_ignored() -> None:
    settings = Settings(select=("MK201", "MK203"))
    assert "MK008" not in {f.code for f in check_text(SUPPRESSED, today=TODAY, settings=settings)}


def test_file_level_errors_cannot_be_suppressed() -> None:
    text = VALID_PLAN.replace("type: policy", "type: polcy  # movekit: ignore[MK002]")
    assert [f.code for f in check_text(text, today=TODAY, settings=Settings())] == ["MK002"]
