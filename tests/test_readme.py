"""The README's promises: two set-up commands, and examples that match real output."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_the_quick_start_has_exactly_two_commands() -> None:
    blocks = re.findall(r"```console\n(.*?)```", _section("Quick start"), re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "pip install ." in commands[0] and "movekit check examples/" in commands[0]
    assert "'.[test]'" in commands[1] and "pytest" in commands[1]
    for command in commands:  # `movekit` and `pytest` on the PATH, as the tour uses them
        assert ". .venv/bin/activate && pip install" in command
        assert ".venv/bin/movekit" not in command and ".venv/bin/pytest" not in command


def test_the_json_example_is_real_output() -> None:
    match = re.search(r"for example\n`(movekit check [^`]+)`:\n\n```json\n(.*?)```", README, re.S)
    assert match is not None
    args = match.group(1).split()[1:]
    result = run_cli(*args, cwd=REPO)
    assert result.stdout == match.group(2)


def test_the_text_example_is_real_output() -> None:
    block = re.search(r"```text\n(MK301.*?)```", README, re.S)
    assert block is not None
    args = ("check", "examples/gaps/plan.yaml", "--select", "MK301", "--today", "2027-03-15")
    assert run_cli(*args, cwd=REPO).stdout.startswith(block.group(1))


# --- Every `movekit ...` example in the README runs as written ---------------------------

TOUR_SECTIONS = ("A tour of the commands", "Configuring the checks")
_SERVES = "serves until Ctrl-C: tests/test_preview_http.py and test_preview_browser.py run it"
NOT_RUN: dict[str, str] = {
    "movekit preview plan.yaml             # prints http://127.0.0.1:8765/: open it": _SERVES,
    "movekit preview plan.yaml --open      # and opens your browser at it": _SERVES,
    "movekit preview plans/                # a page listing every plan in the folder": _SERVES,
}
"""Examples that are not run, with the reason."""

EXIT_CODES = {
    # The example plan records its own result for 2027-03-12; a second value for the day is
    # refused (exit 2) until --replace, exactly as the README says on the next line.
    "movekit record plan.yaml councillor-pledges 14 --date 2027-03-12": {2},
}
"""Examples whose exit code is not 0 or 1 (1: findings, a plan that would change, ...)."""


def _refused_as_future(line: str, stderr: str) -> set[int]:
    """Exit 2 is right for a `record` example whose date is still in the future today.

    The README's examples follow the 2027 example campaign; before those days come,
    `record` rightly refuses them (MK606's twin), and says so.
    """
    dates = [dt.date.fromisoformat(day) for day in re.findall(r"\d{4}-\d\d-\d\d", line)]
    future = bool(dates) and all(day > dt.date.today() for day in dates)
    return (
        {2} if future and line.startswith("movekit record") and "after today" in stderr else set()
    )


def _readme_examples() -> list[str]:
    """The `movekit` lines of the tour's console blocks, with `\\` continuations joined."""
    examples: list[str] = []
    for title in TOUR_SECTIONS:
        for block in re.findall(r"```console\n(.*?)```", _section(title), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                if line.startswith("movekit "):
                    examples.append(line)
    return examples


def _workspace(root: Path) -> Path:
    """A git repository holding the files the README's examples name."""
    work = root / "work"
    shutil.copytree(REPO / "examples", work / "examples")
    plan = REPO / "examples" / "clean-air-streets.yaml"
    for name in ("plan.yaml", "plans/plan.yaml", "old.yaml", "new.yaml"):
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plan, work / name)
    new = work / "new.yaml"
    new.write_text(new.read_text(encoding="utf-8").replace("target: 6000", "target: 6500"))
    today = dt.date.today().isoformat()
    (work / "results.csv").write_text(f"measure,date,value\nmap-lookups,{today},1700\n")
    for folder in ("my-look", "docs", ".movekit"):
        (work / folder).mkdir()
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "."],
        ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start"],
    ):
        subprocess.run(["git", *args], cwd=work, check=True, capture_output=True)
    return work


def _run_as_written(line: str, cwd: Path, root: Path) -> subprocess.CompletedProcess[str]:
    """Run one README line in bash, with the venv's `movekit` on the PATH as after activating."""
    venv_bin = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_COLOR": "1",
        "MOVEKIT_CACHE_DIR": str(root / "cache"),
        "HOME": str(root),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["bash", "-c", line],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_readme_has_runnable_examples() -> None:
    examples = _readme_examples()
    assert len(examples) > 20
    assert set(EXIT_CODES) <= set(examples) and set(NOT_RUN) <= set(examples)


@pytest.fixture(scope="module")
def readme_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One prepared git workspace per test worker; each example runs in its own copy."""
    return _workspace(tmp_path_factory.mktemp("readme"))


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="git")
@pytest.mark.parametrize("line", [line for line in _readme_examples() if line not in NOT_RUN])
def test_every_movekit_example_in_the_readme_runs_as_written(
    line: str, readme_workspace: Path, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    shutil.copytree(readme_workspace, work, symlinks=True)
    # `init` writes a new folder or the current one: give it an empty folder of its own
    cwd = tmp_path / "init" if line.startswith("movekit init") else work
    cwd.mkdir(exist_ok=True)
    done = _run_as_written(line, cwd, tmp_path)
    allowed = EXIT_CODES.get(line, {0, 1}) | _refused_as_future(line, done.stderr)
    broken = ("Traceback", "internal error", "command not found", "No such option")
    assert done.returncode in allowed, f"exit {done.returncode}: {done.stderr.strip()[-400:]}"
    assert not any(text in done.stderr for text in broken), done.stderr


def test_init_and_help_name_the_command_as_the_quick_start_does(tmp_path: Path) -> None:
    done = _run_as_written("movekit init camp --no-input --no-git", tmp_path, tmp_path)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.endswith("then run movekit check camp/plan.yaml"), last
    helped = _run_as_written("movekit --help", tmp_path, tmp_path).stdout
    assert "movekit check plan.yaml" in helped
    assert ".venv/bin" not in helped and "python -m movekit" not in helped
