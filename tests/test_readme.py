"""The README's promises: two set-up commands, and examples that match real output."""

from __future__ import annotations

import re

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
