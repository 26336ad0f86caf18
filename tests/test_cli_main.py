"""The entry point: `movekit` and `python -m movekit` both run cli/main.py's error boundary."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points

import pytest

from movekit.cli import main
from movekit.cli.main import main as boundary
from movekit.version import __version__
from tests.conftest import EXAMPLES, REPO, run_cli

SETTING = "PYDANTIC_DISABLE_PLUGINS"


def test_the_console_script_runs_the_error_boundary() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["scripts"]["movekit"] == "movekit.cli.main:main"
    (installed,) = entry_points(group="console_scripts", name="movekit")
    assert installed.value == "movekit.cli.main:main"  # reinstall (pip install -e .) if not
    assert main is boundary


def test_python_m_movekit_still_works() -> None:
    done = run_cli("--version")
    assert (done.returncode, done.stdout) == (0, f"movekit {__version__}\n")


@pytest.mark.parametrize(("given", "expected"), [(None, "__all__"), ("", ""), ("x", "x")])
def test_the_cli_alone_turns_pydantic_plugins_off(given: str | None, expected: str) -> None:
    script = (
        "import os, sys\n"
        "from movekit.cli import main\n"
        "sys.argv = ['movekit', 'check', '--no-cache', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    print('SETTING', repr(os.environ.get({SETTING!r})), file=sys.stderr)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != SETTING}
    if given is not None:
        env[SETTING] = given
    plan = str(EXAMPLES / "clean-air-streets.yaml")
    done = subprocess.run(
        [sys.executable, "-c", script, plan], capture_output=True, text=True, env=env, check=False
    )
    assert f"SETTING {expected!r}" in done.stderr, done.stderr
