"""The 402 inputs of the public yaml-test-suite as hostile plans.

None of them is a movekit plan, so each must give at least one error, never an exception;
the ones the suite marks as invalid YAML must give MK001 (yaml-syntax), except the few
that libyaml accepts (listed below with the reason, so a new libyaml is noticed).
The data lives in tests/data/yaml-test-suite/ (see its README.md and LICENSE).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.findings import Severity

SUITE = Path(__file__).parent / "data" / "yaml-test-suite"
CASES = sorted((SUITE / "cases").glob("*.yaml"))
ERROR_CASES = frozenset((SUITE / "error-cases.txt").read_text(encoding="utf-8").split())
TODAY = dt.date(2027, 1, 1)

# Inputs the suite calls invalid but libyaml (0.2.5) parses without complaint. They are
# still refused (by the schema: MK002/MK007), just not as MK001. Reported to the lead;
# if libyaml starts rejecting one, test_libyaml_exceptions_are_still_accepted fails and
# the entry should be removed.
LIBYAML_ACCEPTS = {
    "9C9N": "flow sequence lines not indented more than the parent key",
    "9JBA": "comment without a space before '#' after a flow sequence (`]#invalid`)",
    "CVW2": "comment without a space before '#' inside a flow sequence (`,#invalid`)",
    "DK95-01": "tab at the start of a continuation line of a double-quoted scalar",
    "G5U8": "plain `-` as an item of a flow sequence (`[-, -]`)",
    "MUS6-00": "comment without a space after a %YAML directive (`%YAML 1.1#...`)",
    "QB6E": "multi-line double-quoted scalar not indented",
    "S98Z": "block scalar whose leading empty lines are more indented than its content",
    "SU5Z": 'comment without a space after a quoted scalar (`"value"# invalid`)',
    "X4QW": "comment without a space after a block scalar indicator (`># comment`)",
    "Y79Y-003": "tab used as indentation inside a flow sequence",
    "YJV2": "plain `-` as the only item of a flow sequence (`[-]`)",
}


def _check(case: Path) -> list[tuple[str, Severity, int, int, str]]:
    checked = check_bytes(case.read_bytes(), case.name, today=TODAY, settings=Settings())
    return [(f.code, f.severity, f.line, f.column, f.message) for f in checked.findings]


def test_the_suite_is_complete() -> None:
    assert len(CASES) == 402
    assert len(ERROR_CASES) == 94
    assert ERROR_CASES.issubset(case.stem for case in CASES)
    assert set(LIBYAML_ACCEPTS) <= ERROR_CASES
    assert (SUITE / "LICENSE").is_file()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.stem)
def test_case_is_refused_with_an_error(case: Path) -> None:
    findings = _check(case)
    assert any(severity is Severity.ERROR for _, severity, *_ in findings), findings
    for code, _, line, column, message in findings:
        assert line >= 1, (code, line, column, message)
        assert column >= 1, (code, line, column, message)
        assert message, code
    if case.stem in ERROR_CASES and case.stem not in LIBYAML_ACCEPTS:
        assert "MK001" in {code for code, *_ in findings}, findings


@pytest.mark.parametrize("stem", sorted(LIBYAML_ACCEPTS))
def test_libyaml_exceptions_are_still_accepted(stem: str) -> None:
    """Each listed exception is still accepted by libyaml (else drop it from the list)."""
    findings = _check(SUITE / "cases" / f"{stem}.yaml")
    assert "MK001" not in {code for code, *_ in findings}, LIBYAML_ACCEPTS[stem]


def test_cli_on_a_folder_copy_of_suite_cases(tmp_path: Path) -> None:
    """The real CLI on a folder copy of a handful of cases: exit 1 or 2, never a traceback.

    Discovery only checks files whose first key is `movekit:`, so the folder holds each
    case twice: as-is (skipped, not a plan) and after a `movekit: 1` line (checked).
    """
    chosen = ["236B", "2CMS", "4EJS", "6JTT", "9C9N", "DK95-01", "MUS6-00", "229Q", "J7PZ"]
    chosen += ["8XYN", "H3Z8", "3RLN-01", "27NA", "2G84-00"]
    folder = tmp_path / "suite"
    folder.mkdir()
    for stem in chosen:
        raw = (SUITE / "cases" / f"{stem}.yaml").read_bytes()
        (folder / f"{stem}.yaml").write_bytes(raw)
        (folder / f"{stem}-plan.yaml").write_bytes(b"movekit: 1\n" + raw)
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("MOVEKIT_DEBUG", "FORCE_COLOR", "GITHUB_ACTIONS"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "movekit", "check", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode in (1, 2), result
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr
    for stem in chosen:
        assert f"{stem}-plan.yaml:" in result.stdout
        assert f"{stem}.yaml:" not in result.stdout
