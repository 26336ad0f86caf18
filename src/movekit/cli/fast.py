"""The common `movekit check PATH... [options]` parsed without typer, so that it starts fast.

It accepts the same options as `movekit check` (tests/test_cli_fast.py keeps the two in
step) and only well-formed invocations: anything else, --help and every mistake included,
returns None and the typer application answers with its full help and error messages.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

VALUED = {
    "-f": "format",
    "--format": "format",
    "-o": "output",
    "--output": "output",
    "--select": "select",
    "--ignore": "ignore",
    "--today": "today",
}
FLAGS = {"--strict": "strict", "--plans-only": "plans_only", "--no-cache": "no_cache"}
REPEATABLE = ("select", "ignore")

Options = dict[str, object]


def parse_check(args: list[str]) -> Options | None:
    """The options of a `check` command line, or None to leave it to typer."""
    if args[:1] != ["check"]:
        return None
    options: Options = {"paths": [], "select": [], "ignore": []}
    rest = iter(args[1:])
    for arg in rest:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not equals and FLAGS[name] not in options:
            options[FLAGS[name]] = True
        elif name in VALUED:
            given = value if equals else next(rest, None)
            if not _store(options, VALUED[name], given):
                return None
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths = options["paths"]
            assert isinstance(paths, list)
            paths.append(arg)
    return options if options["paths"] else None


def _store(options: Options, key: str, value: str | None) -> bool:
    if value is None or (key not in REPEATABLE and key in options):
        return False
    if key in REPEATABLE:
        target = options[key]
        assert isinstance(target, list)
        target.append(value)
    else:
        options[key] = value
    return True


def run_check_fast(args: list[str]) -> int | None:
    """Run `movekit check` from a command line the fast parser understands, else None."""
    options = parse_check(args)
    if options is None:
        return None
    from movekit.checker import CheckRequest, choose_format, run_check
    from movekit.report import REPORTERS

    output_format = choose_format(_text(options.get("format")), os.environ)
    today = _date(_text(options.get("today")))
    if output_format not in REPORTERS or today is None:
        return None  # typer explains the mistake
    output = _text(options.get("output"))
    request = CheckRequest(
        paths=[Path(path) for path in _texts(options["paths"])],
        today=today,
        select=_texts(options["select"]) or None,
        ignore=_texts(options["ignore"]) or None,
        strict=bool(options.get("strict")),
        output_format=output_format,
        output=Path(output) if output is not None else None,
        plans_only=bool(options.get("plans_only")),
        cache=not options.get("no_cache"),
    )
    return run_check(request, sys.stdout)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
