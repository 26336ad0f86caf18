"""`movekit export` from start to end: open the plan, build the file, write it whole."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from movekit.errors import UsageError
from movekit.model import Plan
from movekit.opening import open_plan
from movekit.printable import visible

FORMATS = {"ics": ".ics", "xlsx": ".xlsx", "csv": ".csv"}
"""Each format and the extension of its files."""
STDOUT = Path("-")


@dataclass(frozen=True)
class ExportRequest:
    plan: Path
    today: dt.date
    format: str
    output: Path | None
    table: str | None


def choose_format(chosen: str | None, output: Path | None, table: str | None) -> str:
    """--format, else the -o file's extension; a mistake says what to write instead."""
    suffix = "" if output is None or output == STDOUT else output.suffix.lower()
    named = {extension: name for name, extension in FORMATS.items()}.get(suffix)
    if output is not None and suffix in (".yaml", ".yml"):
        workbook, calendar = output.with_suffix(".xlsx").name, output.with_suffix(".ics").name
        raise UsageError(
            f"{output.name} is a plan's name: export never writes a plan; name the file it "
            f"makes, e.g. -o {workbook} or -o {calendar}"
        )
    if chosen is None:
        if named is None:
            raise UsageError(
                "say which format: --format ics (a calendar), xlsx (a workbook) or csv "
                "(one table), or an -o file ending in .ics, .xlsx or .csv"
            )
        chosen = named
    if chosen not in FORMATS:
        raise UsageError(f"--format: '{chosen}' is not a format; use ics, xlsx or csv")
    if suffix and suffix != FORMATS[chosen] and output is not None:
        raise UsageError(
            f"{output.name} ends in {output.suffix}, but --format {chosen} writes "
            f"{FORMATS[chosen]} files: change one of them, e.g. -o "
            f"{output.with_suffix(FORMATS[chosen]).name}"
        )
    if chosen == "xlsx" and (output is None or output == STDOUT):
        raise UsageError("a workbook is not text: give a file to write, e.g. -o plan.xlsx")
    if table is not None and chosen != "csv":
        raise UsageError(
            f"--table chooses the table of a CSV file; --format {chosen} writes every table"
        )
    return chosen


def run_export(request: ExportRequest) -> tuple[int, str | None]:
    """Export the plan: 0 and a note of what was written (None for standard output), or 1
    when the plan has file-level errors (shown on standard error)."""
    checked = open_plan(request.plan, today=request.today, lint=False)
    if checked.plan is None:
        from movekit.report import REPORTERS, Report

        name = checked.file
        report = Report([name], checked.findings, {name: checked.text}, checked.omitted)
        REPORTERS["text"](report, sys.stderr)
        sys.stderr.write(f"error: {visible(name)}: fix the errors above, then export again\n")
        return 1, None
    data, what = _build(checked.plan, request)
    output = request.output
    if output is None or output == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0, None
    from movekit.writing import is_standard_output, write_output

    write_output(output, data)  # a complete temporary file renamed over the old one
    return 0, None if is_standard_output(output) else f"wrote {what} to {output}"


def _build(plan: Plan, request: ExportRequest) -> tuple[bytes, str]:
    """The file's bytes, and what it holds in words."""
    if request.format == "ics":
        from movekit.export.events import plan_events
        from movekit.export.ics import plan_calendar

        count = len(plan_events(plan, request.today))
        return plan_calendar(plan, request.today), _count(count, "event")
    if request.format == "xlsx":
        from movekit.export.tables import plan_tables
        from movekit.export.xlsx import plan_workbook

        sheets = len(plan_tables(plan, request.today))
        return plan_workbook(plan, request.today), _count(sheets, "sheet")
    from movekit.export.csvtable import table_csv
    from movekit.export.tables import table_named

    table = table_named(plan, request.today, request.table or "results")
    return table_csv(table), f"the {table.title.lower()} table ({_count(len(table.rows), 'row')})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
