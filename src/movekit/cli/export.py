"""`movekit export`: the plan's dates as a calendar, its tables as a workbook or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import parse_today

EPILOG = """\
Examples:

\b
  movekit export plan.yaml -o campaign.ics          # phases, reviews, due dates, asks
  movekit export plan.yaml -o plan.xlsx             # a sheet per table, statuses coloured
  movekit export plan.yaml --format csv             # the results table, to the screen
  movekit export plan.yaml --format csv --table measures -o measures.csv
  movekit export plan.yaml -o plan.xlsx --today 2027-03-15

The format comes from --format or the -o file's extension. A calendar has one all-day
event per dated item, each with a UID that stays the same when the plan changes, so a
subscribed calendar updates its events. Statuses are those of movekit status on --today.
Rows added to the workbook's Results sheet are read back with
movekit record PLAN --from FILE.xlsx. More: movekit docs review-loop.

Exit codes: 0 exported, 1 the plan has file-level errors (they are shown instead),
2 movekit could not run (nothing was written).
"""

TABLES_HELP = "results, measures, ctas, activities or spend"


def export(
    plan: Annotated[
        Path,
        typer.Argument(
            help="The plan file (- reads a plan typed or piped in).",
            show_default=False,
            metavar="PLAN",
        ),
    ],
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="ics (a calendar), xlsx (a workbook) or csv (one table); "
            "default: from the -o file's extension.",
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write (- or none: standard output, for ics and csv).",
            metavar="FILE",
        ),
    ] = None,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            help=f"The table a CSV file holds: {TABLES_HELP} (default: results).",
            metavar="TABLE",
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Take statuses as of this date (default: today).",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
) -> None:
    """Export the plan to calendars (ics) and spreadsheets (xlsx, csv)."""
    from movekit.errors import UsageError
    from movekit.export.run import ExportRequest, choose_format, run_export
    from movekit.export.tables import TABLES
    from movekit.printable import visible

    day = parse_today(today)
    if table is not None and table not in TABLES:
        raise UsageError(f"--table: '{table}' is not a table; use {TABLES_HELP}")
    chosen = choose_format(output_format, output, table)
    code, note = run_export(ExportRequest(plan, day, chosen, output, table))
    if note is not None:
        typer.echo(visible(note))
    raise typer.Exit(code)
