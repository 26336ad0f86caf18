"""`movekit check` through the real entry point: output formats, exit codes, discovery."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, VALID_PLAN, run_cli
from tests.golden import assert_golden

SMALL_GAPS = REPO / "tests" / "data" / "small-gaps.yaml"
TODAY = ("--today", "2027-03-01")
COLOUR = re.compile(r"\x1b\[[\d;]*(3\d|9\d)[;m]")


def test_text_output_matches_the_golden_file() -> None:
    result = run_cli("check", "tests/data/small-gaps.yaml", *TODAY, cwd=REPO)
    assert result.returncode == 1
    assert_golden("check-small-gaps.txt", result.stdout)


def test_text_output_is_uncoloured_with_no_color_and_coloured_when_forced() -> None:
    plain = run_cli("check", str(SMALL_GAPS), *TODAY)
    assert "\x1b[" not in plain.stdout
    forced = run_cli("check", str(SMALL_GAPS), *TODAY, env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "\x1b[" in forced.stdout
    both = run_cli("check", str(SMALL_GAPS), *TODAY, env={"FORCE_COLOR": "1"})
    # NO_COLOR wins over FORCE_COLOR for colour (rich may still use bold)
    assert COLOUR.search(forced.stdout) and not COLOUR.search(both.stdout)


def test_json_output_follows_the_contract() -> None:
    result = run_cli("check", str(SMALL_GAPS), *TODAY, "--format", "json")
    assert result.returncode == 1
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert set(document) == {"movekit", "files", "findings", "summary"}
    assert document["files"] == [str(SMALL_GAPS)]
    required = {"code", "severity", "file", "line", "column", "message"}
    for finding in document["findings"]:
        assert required <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}
    mk301 = next(f for f in document["findings"] if f["code"] == "MK301")
    assert mk301 == {
        "code": "MK301",
        "rule": "stage-no-cta",
        "severity": "error",
        "message": "Stage 2 'walk' in journey 'parents-journey' has no call to action",
        "file": str(SMALL_GAPS),
        "line": 28,
        "column": 9,
        "path": "journeys[0].stages[1]",
        "hint": "Add a ctas: list with at least one ask for this stage",
    }
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in document["findings"]:
        counts[finding["severity"]] += 1
    assert document["summary"] == counts


def test_json_output_for_file_level_errors(write_plan: Callable[..., Path]) -> None:
    plan = write_plan("movekit: 1\ncampaign: [\n")
    result = run_cli("check", str(plan), "--format", "json")
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["line"]) == ("MK001", 2)  # where the unclosed [ opens


def test_exit_codes(write_plan: Callable[..., Path]) -> None:
    clean_enough = write_plan(VALID_PLAN, "warnings.yaml")
    # only warnings and infos: exit 0, but 1 with --strict
    assert run_cli("check", str(clean_enough), "--select", "MK201,MK203").returncode == 0
    assert run_cli("check", str(clean_enough), "--select", "MK201", "--strict").returncode == 1
    assert run_cli("check", str(clean_enough), "--select", "MK203", "--strict").returncode == 0
    assert run_cli("check", str(clean_enough), "--select", "MK202").returncode == 1
    assert run_cli("check", str(clean_enough), "--today", "2027-13-01").returncode == 2


def test_clean_output_says_all_checks_passed(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    result = run_cli("check", str(plan), "--ignore", "MK")
    assert result.returncode == 0
    assert result.stdout.strip() == "All checks passed! (1 file checked)"


def test_a_folder_means_every_plan_in_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(VALID_PLAN)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.yml").write_text("# modeline\n---\n" + VALID_PLAN)
    (tmp_path / "config.yaml").write_text("name: not a plan\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text(VALID_PLAN)
    result = run_cli("check", str(tmp_path), "--format", "json", "--ignore", "MK")
    assert json.loads(result.stdout)["files"] == [
        str(tmp_path / "a.yaml"),
        str(tmp_path / "nested" / "b.yml"),
    ]


def test_several_files_are_reported_together(write_plan: Callable[..., Path]) -> None:
    good = write_plan(VALID_PLAN, "good.yaml")
    bad = write_plan(VALID_PLAN.replace("type: policy", "type: polcy"), "bad.yaml")
    result = run_cli("check", str(good), str(bad), "--ignore", "MK")
    assert result.returncode == 1
    assert f"--> {bad}:8:11" in result.stdout
    assert "Found 1 error in 2 files." in result.stdout


def test_stdin_is_read_for_a_dash() -> None:
    result = run_cli("check", "-", "--format", "json", "--ignore", "MK", stdin=VALID_PLAN)
    assert result.returncode == 0
    assert json.loads(result.stdout)["files"] == ["<stdin>"]


def test_the_console_script_and_python_m_agree() -> None:
    script = shutil.which("movekit", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the movekit console script is not installed next to this Python")
    args = ["check", str(SMALL_GAPS), *TODAY, "--format", "json"]
    direct = subprocess.run([script, *args], capture_output=True, text=True, check=False)
    assert direct.returncode == 1
    assert direct.stdout == run_cli(*args).stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "movekit 0.1.0"


def test_check_never_imports_jinja_or_weasyprint() -> None:
    script = (
        "import sys\n"
        "from movekit.cli import main\n"
        f"sys.argv = ['movekit', 'check', {str(SMALL_GAPS)!r}, '--today', '2027-03-01']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code == 1, done.code\n"
        "heavy = {'jinja2', 'weasyprint', 'ruamel', 'watchfiles', 'pygls', 'lsprotocol',"
        " 'icalendar', 'openpyxl'}\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert "HEAVY []" in result.stderr, result.stderr


def test_a_folder_check_finds_a_plan_saved_as_utf16(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + VALID_PLAN).encode("utf-16-le"))
    result = run_cli("check", str(tmp_path), "--format", "json")
    assert json.loads(result.stdout)["files"] == [str(tmp_path / "plan.yaml")], result.stderr
