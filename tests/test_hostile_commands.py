"""Every command that reads a plan, fed hostile input: a clear message and exit 1 or 2.

The inputs are the YAML test suite's error cases and a fixed sample of its other cases,
each as a plan. The commands run in-process through the real entry point (main()), so
the error boundary is the one users meet; a Python traceback or an internal error fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from movekit.cli import main

SUITE = Path(__file__).parent / "data" / "yaml-test-suite"
ERRORS = set((SUITE / "error-cases.txt").read_text().split())
CASES = sorted(SUITE.glob("cases/*.yaml"))
SAMPLE = [case for index, case in enumerate(CASES) if case.stem in ERRORS or index % 5 == 0]
TODAY = "2027-03-15"

COMMANDS = {
    "render": ["render", "{plan}", "--format", "md", "-o", "{out}/plan.md", "--today", TODAY],
    "fmt": ["fmt", "{plan}"],
    "status": ["status", "{plan}", "--today", TODAY],
    "record": ["record", "{plan}", "some-measure", "5", "--date", TODAY],
    "diff": ["diff", "{plan}", "{plan}", "--today", TODAY],
}


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    old_argv = sys.argv
    sys.argv = ["movekit", *args]
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = old_argv
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_refuses_hostile_plans_cleanly(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(SAMPLE) > 150
    plan = tmp_path / "plan.yaml"
    for case in SAMPLE:
        original = case.read_bytes()
        plan.write_bytes(original)
        args = [arg.format(plan=plan, out=tmp_path) for arg in COMMANDS[command]]
        code, output = run_main(args, capsys)
        assert code in (1, 2), (case.name, code, output[-500:])
        assert "Traceback" not in output and "internal error" not in output, (case.name, output)
        assert "plan.yaml" in output, (case.name, output)
        assert plan.read_bytes() == original, case.name  # nothing was written back
        assert not list(tmp_path.glob(".*.tmp")), case.name


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", ["missing", "folder", "broken symlink"])
def test_every_command_explains_a_path_it_cannot_read(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    if kind == "folder":
        plan.mkdir()
    elif kind == "broken symlink":
        plan.symlink_to(tmp_path / "gone.yaml")
    args = [arg.format(plan=plan, out=tmp_path) for arg in COMMANDS[command]]
    code, output = run_main(args, capsys)
    assert code == 2, (code, output)
    assert "plan.yaml" in output and "Traceback" not in output
