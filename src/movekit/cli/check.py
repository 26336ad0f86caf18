"""`movekit check`: validate and lint plans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import TODAY_HELP, parse_today

EPILOG = """\
Examples:

\b
  movekit check plan.yaml
  movekit check examples/ --today 2027-03-15
  movekit check plan.yaml --select MK3,MK4 --ignore MK307
  movekit check plan.yaml --format json > findings.json

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 movekit could not run.
"""

FORMATS = ("text", "json")


def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Plan files, or folders to search for plans (files starting with `movekit:`).",
            show_default=False,
            metavar="PATH",
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", metavar="FORMAT"
        ),
    ] = "text",
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Only these rules: codes or prefixes, comma-separated (MK3,MK401).",
            show_default=False,
            metavar="CODES",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Skip these rules: codes or prefixes, comma-separated.",
            show_default=False,
            metavar="CODES",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings as well as errors.")
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help=TODAY_HELP, metavar="YYYY-MM-DD")
    ] = None,
) -> None:
    """Check plans for errors and the gaps the method warns about."""
    from movekit.checker import CheckRequest, run_check

    if output_format not in FORMATS:
        raise typer.BadParameter(
            f"'{output_format}' is not a format; use one of {', '.join(FORMATS)}",
            param_hint="--format",
        )
    request = CheckRequest(
        paths=paths,
        today=parse_today(today),
        select=select,
        ignore=ignore,
        strict=strict,
        output_format=output_format,
    )
    raise typer.Exit(run_check(request, sys.stdout))
