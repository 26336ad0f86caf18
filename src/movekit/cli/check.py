"""`movekit check`: validate and lint plans."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import TODAY_HELP, parse_today
from movekit.report import REPORTERS

EPILOG = """\
Examples:

\b
  movekit check plan.yaml
  movekit check examples/ --today 2027-03-15
  movekit check plan.yaml --select MK3,MK4 --ignore MK307
  movekit check plan.yaml --format json > findings.json
  movekit check plans/ --format sarif -o movekit.sarif
  movekit check plan.yaml --format concise

Formats: text (for people), concise (file:line:col: CODE [severity] message), json,
github (annotations; the default when GITHUB_ACTIONS=true), gitlab (code quality) and
sarif (SARIF 2.1.0, for code scanning). With -o the report goes to FILE and only the
summary line is printed.

Set-ups for GitHub Actions, GitLab CI and pre-commit: docs/ci.md.

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 movekit could not run.
"""

FORMATS = tuple(REPORTERS)


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
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                f"Output format: {', '.join(FORMATS)}. "
                "Default: github when GITHUB_ACTIONS=true, text otherwise."
            ),
            show_default=False,
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to FILE (atomically); print only the summary line.",
            show_default=False,
            metavar="FILE",
        ),
    ] = None,
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
    plans_only: Annotated[
        bool,
        typer.Option(
            "--plans-only",
            help=(
                "Skip named files that are not plans (first key not `movekit:`) instead of "
                "reporting them; for pre-commit, which passes every YAML file."
            ),
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check every plan afresh instead of reusing findings of unchanged plans.",
        ),
    ] = False,
) -> None:
    """Check plans for errors and the gaps the method warns about."""
    from movekit.checker import CheckRequest, choose_format, run_check

    output_format = choose_format(output_format, os.environ)
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
        output=output,
        plans_only=plans_only,
        cache=not no_cache,
    )
    raise typer.Exit(run_check(request, sys.stdout))
