"""The one error boundary: internal errors become one line and exit 2; --debug shows more.

Each test breaks the engine that checks a plan, so a check answered from the findings
cache would never reach the bug. The plan's findings are cached first on purpose and every
broken run passes `--no-cache`: the tests pass or fail the same whatever the cache holds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli

# Replaces the engine's entry point everywhere it is already bound (a module that imported
# it by name keeps the original otherwise), then runs the real command line.
BROKEN = (
    "import sys\n"
    "import movekit.engine\n"
    "def broken(*args, **kwargs):\n"
    "    raise {error}\n"
    "original = movekit.engine.check_bytes\n"
    "for module in list(sys.modules.values()):\n"
    "    if getattr(module, 'check_bytes', None) is original:\n"
    "        module.check_bytes = broken\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', *sys.argv[1:]]\n"
    "main()\n"
)
A_BUG = "ZeroDivisionError('a deliberate bug\\nover two lines')"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A clean plan whose findings are already in the test's cache."""
    path = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLES / "clean-air-streets.yaml", path)
    assert run_cli("check", str(path)).returncode in (0, 1)
    assert list(Path(os.environ["MOVEKIT_CACHE_DIR"]).rglob("*.json")), "nothing was cached"
    return path


def run_broken(*args: str, error: str = A_BUG) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MOVEKIT_DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", BROKEN.format(error=error), *args, "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_an_internal_error_is_one_line_asking_for_a_report(plan: Path) -> None:
    result = run_broken("check", str(plan))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("internal error: ZeroDivisionError: a deliberate bug over two lines")
    assert "report it" in line and "--debug" in line


def test_debug_shows_the_traceback(plan: Path) -> None:
    result = run_broken("--debug", "check", str(plan))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_ctrl_c_exits_130_without_a_traceback(plan: Path) -> None:
    result = run_broken("check", str(plan), error="KeyboardInterrupt")
    assert result.returncode == 130
    assert "Traceback" not in result.stderr
