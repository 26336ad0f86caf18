"""One name for a plan read from standard input, `--stdin-filename` for its real one, and
findings of git's diff driver named by the plan's path in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SMALL_PLAN, VALID_PLAN, run_cli

BROKEN = VALID_PLAN.replace("type: policy", "type: polcy")
"""A plan with one file-level error (MK002 on line 8)."""
NO_CTA = SMALL_PLAN.replace(
    "        ctas:\n          - {ask: Look up your school, mode: online}\n", ""
)


@pytest.mark.parametrize(
    ("args", "stream"),
    [
        (["check", "-", "--ignore", "MK"], "stdout"),
        (["check", "-", "--format", "concise"], "stdout"),
        (["fmt", "-"], "stderr"),
        (["fmt", "--check", "-"], "stderr"),
        (["status", "-"], "stdout"),
        (["render", "-", "-o", "plan.md"], "stderr"),
        (["diff", "-", "plan.yaml"], "stdout"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_every_command_calls_standard_input_the_same(
    tmp_path: Path, args: list[str], stream: str
) -> None:
    (tmp_path / "plan.yaml").write_text(VALID_PLAN, encoding="utf-8")
    result = run_cli(*args, cwd=tmp_path, stdin=BROKEN)
    assert result.returncode == 1, result.stderr
    shown = getattr(result, stream)
    assert "<stdin>:8:" in shown or "<stdin>" in shown.splitlines()[0], shown
    assert not any(line.startswith("-:") or "--> -:" in line for line in shown.splitlines())


def test_the_json_report_names_standard_input() -> None:
    result = run_cli("check", "-", "--format", "json", stdin=BROKEN)
    report = json.loads(result.stdout)
    assert report["files"] == ["<stdin>"]
    assert {finding["file"] for finding in report["findings"]} == {"<stdin>"}


def test_check_uses_the_stdin_filename_for_findings_and_settings(tmp_path: Path) -> None:
    folder = tmp_path / "campaign"
    folder.mkdir()
    (folder / "movekit.toml").write_text('ignore = ["MK2"]\n', encoding="utf-8")
    on_disk = "movekit: 1  # the file on disk is not read\n"
    (folder / "plan.yaml").write_text(on_disk, encoding="utf-8")
    unnamed = run_cli("check", "-", "--format", "json", cwd=tmp_path, stdin=NO_CTA)
    named = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "campaign/plan.yaml",
        "--format",
        "json",
        cwd=tmp_path,
        stdin=NO_CTA,
    )
    unnamed_codes = {finding["code"] for finding in json.loads(unnamed.stdout)["findings"]}
    report = json.loads(named.stdout)
    assert any(code.startswith("MK2") for code in unnamed_codes)  # no settings: every rule
    assert report["files"] == ["campaign/plan.yaml"]
    assert report["findings"], "the piped plan was checked"
    assert {finding["file"] for finding in report["findings"]} == {"campaign/plan.yaml"}
    assert not [f for f in report["findings"] if f["code"].startswith("MK2")]  # its settings
    assert (folder / "plan.yaml").read_text(encoding="utf-8") == on_disk  # left alone


def test_check_text_and_both_parsers_use_the_stdin_filename(tmp_path: Path) -> None:
    fast = run_cli("check", "-", "--stdin-filename", "plan.yaml", cwd=tmp_path, stdin=BROKEN)
    # `-fconcise` is a form only typer reads: the same option through the other parser
    typer = run_cli(
        "check", "-fconcise", "-", "--stdin-filename", "plan.yaml", cwd=tmp_path, stdin=BROKEN
    )
    assert fast.returncode == typer.returncode == 1
    assert "--> plan.yaml:8:" in fast.stdout
    assert typer.stdout.startswith("plan.yaml:8:")
    assert not (tmp_path / "plan.yaml").exists()  # nothing written to the name


def test_fmt_uses_the_stdin_filename_and_writes_only_to_its_output(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("movekit: 1\n", encoding="utf-8")
    broken = run_cli("fmt", "-", "--stdin-filename", "plan.yaml", cwd=tmp_path, stdin=BROKEN)
    assert broken.returncode == 1
    assert "plan.yaml:8:" in broken.stderr and "<stdin>" not in broken.stderr
    messy = VALID_PLAN.replace("movekit: 1", "movekit:    1")
    tidy = run_cli("fmt", "-", "--stdin-filename", "plan.yaml", cwd=tmp_path, stdin=messy)
    assert tidy.returncode == 0, tidy.stderr
    assert tidy.stdout.startswith("movekit: 1\n")
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == "movekit: 1\n"


@pytest.mark.parametrize("command", ["check", "fmt"])
def test_the_stdin_filename_goes_with_standard_input_only(tmp_path: Path, command: str) -> None:
    (tmp_path / "plan.yaml").write_text(VALID_PLAN, encoding="utf-8")
    result = run_cli(command, "plan.yaml", "--stdin-filename", "other.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "--stdin-filename names the plan piped in as -" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_git_diff_driver_names_findings_by_the_path_in_the_repository(
    tmp_path: Path,
) -> None:
    # git passes temporary copies of both sides, and the plan's path in the repository
    old, new = tmp_path / "XXab12_plan.yaml", tmp_path / "XXcd34_plan.yaml"
    old.write_text(SMALL_PLAN, encoding="utf-8")
    new.write_text(NO_CTA, encoding="utf-8")
    hexes = ["0" * 40, "100644"]
    args = ["plans/plan.yaml", str(old), *hexes, str(new), *hexes]
    result = run_cli("diff", "--git-external-diff", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Changes from a/plans/plan.yaml to b/plans/plan.yaml" in result.stdout
    assert "(plans/plan.yaml:" in result.stdout  # a finding that appeared
    assert "b/plans/plan.yaml:" not in result.stdout
    assert "XX" not in result.stdout  # never the temporary file


def test_render_shows_the_lines_of_a_broken_plan_from_standard_input(tmp_path: Path) -> None:
    result = run_cli("render", "-", "-o", "plan.md", cwd=tmp_path, stdin=BROKEN)
    assert result.returncode == 1
    assert "--> <stdin>:8:" in result.stderr
    assert "type: polcy" in result.stderr  # the excerpt: the report has the plan's text
    assert "error: <stdin>: fix the errors above" in result.stderr
