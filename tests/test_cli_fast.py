"""The fast `check` parser accepts exactly what typer's `check` accepts, with the same results."""

from __future__ import annotations

import json

import pytest

from movekit.cli.fast import FLAGS, VALUED, parse_check
from tests.conftest import EXAMPLES, run_cli

GAPS = str(EXAMPLES / "gaps" / "plan.yaml")


def test_the_fast_parser_knows_every_option_of_check() -> None:
    import typer.main

    from movekit.cli.app import app

    group = typer.main.get_command(app)
    command = group.commands["check"]  # type: ignore[attr-defined]
    typer_options = {
        name for param in command.params for name in param.opts if name.startswith("-")
    }
    assert typer_options - {"-h", "--help"} == set(VALUED) | set(FLAGS)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "a.yaml"], {"paths": ["a.yaml"], "select": [], "ignore": []}),
        (
            ["check", "a.yaml", "b/", "--select", "MK3", "--select=MK4", "--ignore", "MK307"],
            {"paths": ["a.yaml", "b/"], "select": ["MK3", "MK4"], "ignore": ["MK307"]},
        ),
        (
            ["check", "-", "-f", "json", "--today=2027-03-15", "--strict", "-o", "r.json"],
            {
                "paths": ["-"],
                "select": [],
                "ignore": [],
                "format": "json",
                "today": "2027-03-15",
                "strict": True,
                "output": "r.json",
            },
        ),
        (["check", "a.yaml", "--no-cache", "--plans-only"], None),
    ],
)
def test_parsing(args: list[str], expected: dict[str, object] | None) -> None:
    got = parse_check(args)
    if expected is None:
        assert got is not None and got["no_cache"] is True and got["plans_only"] is True
    else:
        assert got == expected


@pytest.mark.parametrize(
    "args",
    [
        ["check"],  # no path: typer says what is missing
        ["check", "a.yaml", "--help"],
        ["check", "a.yaml", "-h"],
        ["check", "a.yaml", "--format"],  # a value is missing
        ["check", "a.yaml", "--today", "1", "--today", "2"],  # given twice
        ["check", "a.yaml", "--strict", "--strict"],
        ["check", "a.yaml", "--colour"],  # unknown
        ["check", "a.yaml", "-fjson"],  # click's short form: typer reads it
        ["check", "a.yaml", "--", "-b.yaml"],
        ["rules"],
        [],
    ],
)
def test_anything_unusual_is_left_to_typer(args: list[str]) -> None:
    assert parse_check(args) is None


def test_fast_and_typer_paths_give_the_same_report() -> None:
    fast = run_cli("check", GAPS, "-f", "json", "--today", "2027-03-15", "--no-cache")
    slow = run_cli("check", GAPS, "-fjson", "--today", "2027-03-15", "--no-cache")  # via typer
    assert fast.returncode == slow.returncode == 1
    assert json.loads(fast.stdout) == json.loads(slow.stdout)


def test_mistakes_get_typers_messages() -> None:
    bad_date = run_cli("check", GAPS, "--today", "2027-13-01")
    assert bad_date.returncode == 2 and "--today" in bad_date.stderr
    bad_format = run_cli("check", GAPS, "--format", "xml")
    assert bad_format.returncode == 2 and "xml" in bad_format.stderr
