"""`movekit status`: where the campaign stands today."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import parse_format, parse_today

EPILOG = """\
Examples:

\b
  movekit status plan.yaml
  movekit status plan.yaml --today 2027-03-15
  movekit status plan.yaml --format json > status.json

Each measure is on-track, behind, missed (due date passed below target), met or no-data,
exactly as rules MK603 to MK605 of movekit check decide. Assumptions to test and risks
to review are listed by date, overdue ones marked as MK805 and MK808 decide. More:
movekit docs review-loop.

Exit codes: 0 shown, 1 the plan has file-level errors (they are shown instead),
2 movekit could not run.
"""

FORMATS = ("text", "json")


def status(
    plan: Annotated[
        Path,
        typer.Argument(
            help="The plan file (- reads a plan typed or piped in).",
            show_default=False,
            metavar="PLAN",
        ),
    ],
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Show the status as of this date (default: today).",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", metavar="FORMAT"
        ),
    ] = "text",
) -> None:
    """Show where the campaign stands: measures, phases, asks to rework."""
    from movekit.review.report import run_status

    parse_format(output_format, FORMATS)
    raise typer.Exit(run_status(plan, parse_today(today), output_format, sys.stdout))
