"""A reader that closes the output early (`| head -1`, a pager quit) ends any command quietly.

The exit code is 0 (see cli/main.py `_reader_left`): git's diff driver must not "die".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES

GAPS = str(EXAMPLES / "gaps" / "plan.yaml")
CLEAN = str(EXAMPLES / "clean-air-streets.yaml")
COMMANDS = {
    "check": ["check", "--no-cache", "--today", EXAMPLE_TODAY, GAPS],
    "check-json": ["check", "--no-cache", "--format", "json", GAPS],
    "rules": ["rules"],
    "explain": ["explain", "MK603"],
    "status": ["status", "--today", EXAMPLE_TODAY, CLEAN],
    "diff": ["diff", CLEAN, str(EXAMPLES / "warm-homes-now.yaml")],
    "schema": ["schema"],
    "help": ["--help"],
}
QUIET_ENV = {**os.environ, "NO_COLOR": "1"}
QUIET_ENV.pop("MOVEKIT_DEBUG", None)


def _run_into_closed_pipe(args: list[str], cwd: Path | None = None) -> tuple[int, str]:
    """Run movekit with its stdout a pipe whose reading end is already closed."""
    reading, writing = os.pipe()
    os.close(reading)  # closed before movekit writes anything: every write fails
    try:
        done = subprocess.run(
            [sys.executable, "-m", "movekit", *args],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env=QUIET_ENV,
            cwd=cwd,
            check=False,
        )
    finally:
        os.close(writing)
    return done.returncode, done.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_pipe_ends_the_command_quietly(name: str) -> None:
    for _ in range(2):  # it used to fail in some runs only
        code, stderr = _run_into_closed_pipe(COMMANDS[name])
        assert (code, stderr) == (0, "")


def test_head_in_a_shell_pipeline_sees_one_line_and_no_message() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash")
    command = (
        f"{sys.executable} -m movekit check --no-cache --today {EXAMPLE_TODAY} {GAPS}"
        ' | head -1; echo "exit ${PIPESTATUS[0]}"'
    )
    for _ in range(12):  # the race between head closing and movekit writing: try it often
        done = subprocess.run(
            [bash, "-c", command], capture_output=True, text=True, env=QUIET_ENV, check=False
        )
        first, status = done.stdout.splitlines()
        assert first.strip()
        # 1 when movekit wrote everything before head left, 0 when it met the closed pipe
        assert status in ("exit 0", "exit 1")
        assert done.stderr == ""


def test_git_diff_with_the_driver_into_a_closed_pipe_leaves_no_message(tmp_path: Path) -> None:
    # A pager that quits leaves git and its diff driver writing into a closed pipe. git runs
    # a pager only at a terminal, so the test closes the pipe itself: the same for both.
    git = shutil.which("git")
    if git is None:
        pytest.skip("needs git")
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(CLEAN, plan)
    env = {**QUIET_ENV, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)}

    def git_run(*args: str) -> None:
        subprocess.run([git, *args], cwd=tmp_path, capture_output=True, env=env, check=True)

    git_run("init", "-q")
    driver = f"{sys.executable} -m movekit diff --git-external-diff"
    git_run("config", "diff.movekit.command", driver)
    (tmp_path / ".gitattributes").write_text("*.yaml diff=movekit\n", encoding="utf-8")
    git_run("add", ".")
    git_run("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    plan.write_text(Path(EXAMPLES / "warm-homes-now.yaml").read_text(encoding="utf-8"))
    for _ in range(3):
        reading, writing = os.pipe()
        os.close(reading)
        try:
            done = subprocess.run(
                [git, "diff"],
                cwd=tmp_path,
                stdout=writing,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                check=False,
            )
        finally:
            os.close(writing)
        # never "fatal: external diff died"; git itself may end by SIGPIPE, silently
        assert done.stderr == ""
        assert done.returncode in (0, 141, -13)


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["rules"], 0), (COMMANDS["check"], 1), (["check", "--today", EXAMPLE_TODAY, CLEAN], 0)],
)
def test_closed_standard_output_drops_the_output_and_keeps_the_exit_code(
    args: list[str], expected: int
) -> None:
    """Started with `>&-`, Python has no sys.stdout at all: no internal error, same exit code."""
    done = subprocess.run(
        ["bash", "-c", 'exec "$@" >&-', "movekit", sys.executable, "-m", "movekit", *args],
        stderr=subprocess.PIPE,
        text=True,
        env=QUIET_ENV,
        check=False,
    )
    assert (done.returncode, done.stderr) == (expected, "")
