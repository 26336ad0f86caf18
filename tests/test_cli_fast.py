"""check's options live in one table; the fast parser and typer's `check` both read it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.core import TyperCommand, TyperGroup, TyperOption

from movekit.cli.check_options import OPTIONS, Kind, Option, check_request
from movekit.cli.fast import parse_check
from tests.conftest import EXAMPLES, run_cli

GAPS = str(EXAMPLES / "gaps" / "plan.yaml")
SAMPLES = {"output_format": "json", "today": "2027-03-15"}
"""A valid value for options that check their value; any text does for the others."""


def typer_check() -> TyperCommand:
    import typer.main

    from movekit.cli.app import app

    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    command = group.commands["check"]
    assert isinstance(command, TyperCommand)
    return command


def typer_parse(args: list[str]) -> dict[str, Any]:
    """What click, inside the typer application, makes of `movekit check ARGS`."""
    with typer_check().make_context("check", list(args)) as context:
        return dict(context.params)


def given(option: Option) -> list[str]:
    """The option on a command line: a flag alone, a value once, a repeatable one twice."""
    if option.kind is Kind.FLAG:
        return [option.flags[0]]
    value = SAMPLES.get(option.dest, "x")
    if option.kind is Kind.REPEATABLE:
        return [option.flags[0], value, f"{option.flags[-1]}={value}2"]
    return [option.flags[-1], value]


def test_typer_check_has_exactly_the_options_of_the_table() -> None:
    params = {param.name: param for param in typer_check().params if isinstance(param, TyperOption)}
    assert set(params) == {option.dest for option in OPTIONS}
    for option in OPTIONS:
        param = params[option.dest]
        assert set(param.opts) == set(option.flags)
        assert param.is_flag == (option.kind is Kind.FLAG)
        assert param.multiple == (option.kind is Kind.REPEATABLE)
        assert param.help == option.help


@pytest.mark.parametrize("option", OPTIONS, ids=lambda option: option.dest)
def test_both_parsers_read_each_option_alike(option: Option) -> None:
    args = ["a.yaml", *given(option), "b/"]
    fast = parse_check(["check", *args])
    assert fast is not None, "the fast parser left a well-formed option to typer"
    assert check_request(fast) == check_request(typer_parse(args))


def test_the_typer_help_shows_every_option_of_the_table() -> None:
    help_text = run_cli("check", "--help").stdout
    for option in OPTIONS:
        assert option.flags[0] in help_text
        assert option.help.split()[0] in help_text


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
                "output_format": "json",
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
