"""`movekit check`'s options, defined once: both the fast parser (cli/fast.py) and the
typer command (cli/check.py) are built from this table, and one function turns the values
either of them parsed into a CheckRequest.

No typer, Pydantic or YAML here: a cached check must start without them.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from movekit.cli.options import TODAY_HELP, read_format, read_today
from movekit.report import REPORTERS

if TYPE_CHECKING:
    from movekit.checker import CheckRequest

FORMATS = tuple(REPORTERS)


class Kind(enum.Enum):
    """How an option is given on the command line."""

    FLAG = "flag"  # --strict
    VALUE = "value"  # --today 2027-03-15, at most once
    REPEATABLE = "repeatable"  # --select MK3 --select MK4


@dataclass(frozen=True)
class Option:
    """One option of `movekit check`."""

    flags: tuple[str, ...]
    dest: str
    """The name its value is stored under (a Python identifier)."""
    kind: Kind
    help: str
    metavar: str | None = None


PATHS = "paths"
PATHS_METAVAR = "PATH"
PATHS_HELP = "Plan files, or folders to search for plans (files starting with `movekit:`)."

STDIN_FILENAME_HELP = (
    "For editors that pipe a plan in as -: its real file name. Findings name it and the "
    "settings of its folder apply; nothing is read from it or written to it."
)

OPTIONS: tuple[Option, ...] = (
    Option(
        ("--format", "-f"),
        "output_format",
        Kind.VALUE,
        f"Output format: {', '.join(FORMATS)}. "
        "Default: github when GITHUB_ACTIONS=true, text otherwise.",
        "FORMAT",
    ),
    Option(
        ("--output", "-o"),
        "output",
        Kind.VALUE,
        "Write the report to FILE (safely: an old FILE stays until the new one is complete); "
        "print only the summary line.",
        "FILE",
    ),
    Option(
        ("--select",),
        "select",
        Kind.REPEATABLE,
        "Only these rules: codes such as MK401, or MK3 for every MK3 rule; separate with commas.",
        "CODES",
    ),
    Option(
        ("--ignore",),
        "ignore",
        Kind.REPEATABLE,
        "Skip these rules: codes such as MK307, or MK7 for every MK7 rule; separate with commas.",
        "CODES",
    ),
    Option(("--strict",), "strict", Kind.FLAG, "Exit 1 on warnings as well as errors."),
    Option(("--today",), "today", Kind.VALUE, TODAY_HELP, "YYYY-MM-DD"),
    Option(
        ("--plans-only",),
        "plans_only",
        Kind.FLAG,
        "Skip named files that are not plans (first key not `movekit:`) instead of "
        "reporting them; for pre-commit, which passes every YAML file.",
    ),
    Option(
        ("--stdin-filename",),
        "stdin_filename",
        Kind.VALUE,
        STDIN_FILENAME_HELP,
        "NAME",
    ),
    Option(
        ("--no-cache",),
        "no_cache",
        Kind.FLAG,
        "Check every plan afresh instead of reusing the results for plans that have not changed.",
    ),
)


def check_request(values: Mapping[str, Any]) -> CheckRequest:
    """The request that parsed values (dest -> value, and `paths`) ask for; OptionError if bad."""
    from movekit.checker import CheckRequest, choose_format

    output_format = choose_format(values.get("output_format"), os.environ)
    read_format(output_format, FORMATS)
    output = values.get("output")
    return CheckRequest(
        paths=[Path(path) for path in values[PATHS]],
        today=read_today(values.get("today")),
        select=_listed(values.get("select")),
        ignore=_listed(values.get("ignore")),
        strict=bool(values.get("strict")),
        output_format=output_format,
        output=None if output is None else Path(output),
        plans_only=bool(values.get("plans_only")),
        cache=not values.get("no_cache"),
        stdin_filename=values.get("stdin_filename"),
    )


def _listed(value: Sequence[str] | None) -> list[str] | None:
    """A repeatable option's values; None when it was not given."""
    return list(value) if value else None
