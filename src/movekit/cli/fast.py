"""The common `movekit check PATH... [options]` parsed without typer, so that it starts fast.

The options come from the one table in check_options.py, as the typer command's do. Only
well-formed invocations are parsed here: anything else, --help and every mistake included,
returns None and the typer application answers with its full help and error messages.
"""

from __future__ import annotations

import sys
from typing import Any

from movekit.cli.check_options import OPTIONS, PATHS, Kind, Option, check_request
from movekit.cli.options import OptionError

BY_FLAG = {flag: option for option in OPTIONS for flag in option.flags}

Values = dict[str, Any]


def parse_check(args: list[str]) -> Values | None:
    """The values of a `check` command line (dest -> value), or None to leave it to typer."""
    if args[:1] != ["check"]:
        return None
    values: Values = {PATHS: []}
    values.update({option.dest: [] for option in OPTIONS if option.kind is Kind.REPEATABLE})
    rest = iter(args[1:])
    for arg in rest:
        name, equals, given = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = BY_FLAG.get(name)
        if option is None:
            if arg.startswith("-") and arg != "-":
                return None  # unknown, or a form only click reads (-fjson, --)
            values[PATHS].append(arg)
        elif option.kind is Kind.FLAG:
            if equals or option.dest in values:
                return None  # --strict=yes, or twice
            values[option.dest] = True
        elif not _store(values, option, given if equals else next(rest, None)):
            return None
    return values if values[PATHS] else None


def _store(values: Values, option: Option, value: str | None) -> bool:
    """Store an option's value; False when it is missing or given twice."""
    if option.kind is Kind.REPEATABLE and value is not None:
        values[option.dest].append(value)
        return True
    if value is None or option.dest in values:
        return False
    values[option.dest] = value
    return True


def run_check_fast(args: list[str]) -> int | None:
    """Run `movekit check` from a command line the fast parser understands, else None."""
    values = parse_check(args)
    if values is None:
        return None
    from movekit.checker import run_check

    try:
        request = check_request(values)
    except OptionError:
        return None  # typer explains the mistake
    return run_check(request, sys.stdout)
