"""`--help` speaks to campaign leads: words for arguments, an example and the exit codes."""

from __future__ import annotations

import re

import pytest

from movekit.cli.app import app
from tests.conftest import run_cli
from tests.golden import assert_golden

COMMANDS = [command.name or "" for command in app.registered_commands]
TYPE_LABEL = re.compile(r"<[a-z_]+(\[[^\]]*\])?>")
OPTION_NAME = re.compile(r"--[a-z-]+")
JARGON = ("atomically", "stdin", "standard input", "reproducible", "prefixes", "bytes")


def test_every_command_is_covered() -> None:
    assert {"init", "check", "docs", "diff", "render", "record"} <= set(COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_matches_the_golden_file(command: str) -> None:
    result = run_cli(*([command, "--help"] if command else ["--help"]))
    assert result.returncode == 0, result.stderr
    assert_golden(f"help-{command or 'movekit'}.txt", result.stdout)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_has_an_example_and_every_exit_code_in_plain_words(command: str) -> None:
    text = run_cli(*([command, "--help"] if command else ["--help"])).stdout
    assert "Examples:" in text
    assert "Exit codes: 0 " in text
    assert ", 2 " in " ".join(text.split())
    assert not TYPE_LABEL.search(text), TYPE_LABEL.search(text)
    words = OPTION_NAME.sub("", text).lower()  # editors know `--stdin-filename` by that name
    assert not [word for word in JARGON if word in words]
    assert "repository." not in text  # docs are `movekit docs`, not files in a repository


def test_commands_that_report_plan_errors_list_exit_1() -> None:
    for command in ("check", "diff", "fmt", "status", "schema"):
        text = " ".join(run_cli(command, "--help").stdout.split())
        assert "Exit codes: 0 " in text and ", 1 " in text, command


def test_the_command_list_cuts_no_description() -> None:
    text = run_cli("--help").stdout
    listed = text.split("Commands:")[1].split("Examples:")[0]
    assert "..." not in listed
    lines = [line for line in listed.splitlines() if line.strip()]
    assert all(re.match(r"  [a-z]+ +\S", line) for line in lines), lines  # one line each
    for command in COMMANDS:
        assert re.search(rf"^  {command} +\S", listed, re.MULTILINE), command


def test_arguments_are_named_in_words() -> None:
    assert "Usage: movekit check [OPTIONS] PATH..." in run_cli("check", "--help").stdout
    assert "Usage: movekit diff [OPTIONS] PLAN..." in run_cli("diff", "--help").stdout
    usage = run_cli("record", "--help").stdout.splitlines()[0]
    assert usage.startswith("Usage: movekit record [OPTIONS] PLAN [MEASURE] [VALUE]")
