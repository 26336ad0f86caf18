"""What `movekit record` is given, checked against the plan: measures, numbers, dates, CSV rows.

Checks return messages instead of raising, so that a CSV file is checked row by row and
every bad row is reported at once, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from movekit.errors import UsageError
from movekit.model import LARGEST_NUMBER, Plan, Result, Review
from movekit.opening import read_source

COLUMNS = ("measure", "date", "value")
"""The columns a results CSV file must have, named in its header row."""

MAX_SHOWN = 20
"""Bad CSV rows listed in one message; the rest are counted."""

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_number(text: str) -> tuple[int | float | None, str | None]:
    """A measured value typed by a person: the number, or why it is not one."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        return None, f"'{text}' is not a number{_number_hint(cleaned)}"
    value: int | float = int(cleaned) if _INTEGER.fullmatch(cleaned) else float(cleaned)
    if not math.isfinite(value) or abs(value) > LARGEST_NUMBER:
        return None, f"'{text}' is too large for a campaign number"
    return value, None


def _number_hint(text: str) -> str:
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        return f": write it without thousands separators, such as {text.replace(',', '')}"
    if re.fullmatch(r"[-+]?\d+,\d+", text):
        return f": use a point for decimals, such as {text.replace(',', '.')}"
    if text.endswith("%") and _NUMBER.fullmatch(text[:-1].strip()):
        return f": write percentages without the % sign, such as {text[:-1].strip()}"
    return ": write digits, with a point for decimals, such as 14 or 12.5"


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """An ISO date typed by a person: the date, or why it is not one."""
    cleaned = text.strip()
    if _DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned), None
        except ValueError:
            return None, f"'{text}' is not a date in the calendar"
    return None, f"'{text}' is not a date: write it as YYYY-MM-DD, such as 2027-03-15"


def unknown_id(name: str, known: Sequence[str], kind: str) -> str | None:
    """None when `name` is one of `known`, else a message with a "did you mean"."""
    if name in known:
        return None
    if not known:
        return f"'{name}' is not a {kind}: the plan has no {kind}s yet"
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"'{name}' is not a {kind} in the plan; did you mean '{close[0]}'?"
    shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
    return f"'{name}' is not a {kind} in the plan (its {kind}s: {shown})"


def measure_ids(plan: Plan) -> list[str]:
    return [measure.id for outcome in plan.outcomes for measure in outcome.measures]


def check_result(plan: Plan, measure: str, on: str, value: str) -> tuple[Result | None, list[str]]:
    """A new result, or every reason it cannot be recorded."""
    unknown = unknown_id(measure.strip(), measure_ids(plan), "measure")
    date, bad_date = parse_date(on)
    number, bad_number = parse_number(value)
    problems = [problem for problem in (unknown, bad_date, bad_number) if problem is not None]
    if problems or date is None or number is None:
        return None, problems
    return Result(measure=measure.strip(), date=date, value=number), []


def new_result(plan: Plan, measure: str, value: str, on: str) -> Result:
    """One result from the command line, or a UsageError that says what is wrong."""
    result, problems = check_result(plan, measure, on, value)
    if result is None:
        raise UsageError(refusal(problems))
    if result in plan.results:
        raise UsageError(f"{describe(result)} is already recorded in the plan")
    return result


def new_review(plan: Plan, phase: str, learned: str, changes: str, on: str) -> Review:
    """One review from the command line, or a UsageError that says what is wrong."""
    problems = [unknown_id(phase, [known.id for known in plan.phases], "phase")]
    date, bad_date = parse_date(on)
    problems.append(bad_date)
    asks = {"--learned": "what the review found", "--changes": "what you changed"}
    for option, text in (("--learned", learned), ("--changes", changes)):
        if not text.strip():
            problems.append(f"{option} is empty: say in a sentence {asks[option]}")
        elif any(0xD800 <= ord(character) <= 0xDFFF for character in text):
            # what Python makes of command-line bytes that are not UTF-8
            problems.append(f"{option} is not UTF-8 text: check your terminal's encoding")
    shown = [problem for problem in problems if problem is not None]
    if shown or date is None:
        raise UsageError(refusal(shown))
    return Review(phase=phase, date=date, learned=learned, changes=changes)


def refusal(problems: Sequence[str], source: str = "") -> str:
    """One problem as it is; several as a list under a count. Either way, nothing is written."""
    if len(problems) == 1 and not source:
        return problems[0]
    count = len(problems)
    shown = list(problems[:MAX_SHOWN])
    if count > MAX_SHOWN:
        shown.append(f"... and {count - MAX_SHOWN} more")
    noun = "problem" if count == 1 else "problems"
    where = f"{source}: " if source else ""
    return f"{where}{count} {noun}, so nothing was recorded:\n  " + "\n  ".join(shown)


def describe(result: Result) -> str:
    """`councillor-pledges = 14 on 2027-03-12`."""
    value = result.value
    shown = repr(value) if isinstance(value, float) else str(value)
    return f"{result.measure} = {shown} on {result.date}"


@dataclass(frozen=True)
class _Row:
    line: int
    cells: list[str]


def read_results_csv(path: Path, plan: Plan) -> list[Result]:
    """Every row of a `measure,date,value` CSV file ("-" for stdin) as a result, or a
    UsageError listing every bad row with its line number (all rows good, or none recorded)."""
    rows = list(_rows(path))
    if not rows:
        raise UsageError(f"{path}: the file is empty; it needs a header row: measure,date,value")
    header, body = rows[0], rows[1:]
    columns = _columns(path, header)
    width = len(header.cells)
    if not body:
        raise UsageError(f"{path}: the file has a header row but no results to record")
    results: list[Result] = []
    problems: list[str] = []
    for row in body:
        result, row_problems = _check_row(row, columns, width, plan, results)
        problems.extend(f"{path}:{row.line}: {problem}" for problem in row_problems)
        if result is not None:
            results.append(result)
    if problems:
        raise UsageError(refusal(problems, str(path)))
    return results


def _rows(path: Path) -> Iterator[_Row]:
    """Non-blank rows with the line each starts on; a BOM and any line endings are fine."""
    raw = read_source(path)
    # Only ASCII ids, dates and numbers are used: a stray byte elsewhere is no reason to stop.
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield _Row(line, cells)
            line = reader.line_num + 1
    except csv.Error as error:
        raise UsageError(f"{path}:{reader.line_num}: cannot read the CSV: {error}") from error


def _columns(path: Path, header: _Row) -> dict[str, int]:
    """Where each column is, from the header row (any order, any case; others ignored)."""
    names = [cell.strip().lower() for cell in header.cells]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise UsageError(f"{path}:{header.line}: {_missing_columns(header.cells, missing)}")
    twice = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if twice:
        raise UsageError(f"{path}:{header.line}: the header row names {twice[0]} twice")
    return {column: names.index(column) for column in COLUMNS}


def _missing_columns(cells: list[str], missing: list[str]) -> str:
    found = ", ".join(cell.strip() for cell in cells)
    message = f"the header row must name the columns measure, date and value; it has: {found}"
    if ";" in found and "," not in "".join(cells):
        return message + " (separate the columns with commas, not semicolons)"
    extra = [cell.strip() for cell in cells if cell.strip().lower() not in COLUMNS]
    for column in missing:
        close = difflib.get_close_matches(column, [name.lower() for name in extra], n=1)
        if close:
            message += f"; is '{close[0]}' meant to be '{column}'?"
    return message


def _check_row(
    row: _Row, columns: dict[str, int], width: int, plan: Plan, earlier: Sequence[Result]
) -> tuple[Result | None, list[str]]:
    """`width` is the header's number of columns; extra columns are allowed and ignored."""
    if len(row.cells) > width:
        return None, [
            f"{len(row.cells)} values but the header has {width} columns (write numbers "
            "without a thousands comma, or put the value in quotes)"
        ]
    if len(row.cells) <= max(columns.values()):
        return None, [f"{len(row.cells)} values, but the header has {width} columns"]
    measure, on, value = (row.cells[columns[column]] for column in COLUMNS)
    result, problems = check_result(plan, measure, on, value)
    if result is not None and (result in plan.results or result in earlier):
        where = "in the plan" if result in plan.results else "by an earlier row"
        return None, [f"{describe(result)} is already recorded {where}"]
    return result, problems
