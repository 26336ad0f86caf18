"""The one error boundary: internal errors become one line and exit 2; --debug shows more."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import EXAMPLES

BROKEN = (
    "import sys\n"
    "import movekit.engine\n"
    "def broken(*args, **kwargs):\n"
    "    raise ZeroDivisionError('a deliberate bug\\nover two lines')\n"
    "movekit.engine.check_bytes = broken\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', *sys.argv[1:]]\n"
    "main()\n"
)


def run_broken(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MOVEKIT_DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", BROKEN, *args], capture_output=True, text=True, env=env, check=False
    )


def test_an_internal_error_is_one_line_asking_for_a_report() -> None:
    result = run_broken("check", str(EXAMPLES / "clean-air-streets.yaml"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("internal error: ZeroDivisionError: a deliberate bug over two lines")
    assert "report it" in line and "--debug" in line


def test_debug_shows_the_traceback() -> None:
    result = run_broken("--debug", "check", str(EXAMPLES / "clean-air-streets.yaml"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_ctrl_c_exits_130_without_a_traceback() -> None:
    script = BROKEN.replace(
        "raise ZeroDivisionError('a deliberate bug\\nover two lines')", "raise KeyboardInterrupt"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "check", str(EXAMPLES / "clean-air-streets.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 130
    assert "Traceback" not in result.stderr
