"""`movekit record --from`: a CSV file of results (and milestones done), or of money spent,
every row checked before anything is written.

A file with the columns measure, date and value holds results; a row whose measure is a
milestone and whose value is empty marks the milestone done on its date. A file with the
columns date and amount (and optionally for and note) holds money spent.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from movekit.about import Index
from movekit.errors import UsageError
from movekit.model import Measure, Plan, Spend
from movekit.opening import read_source
from movekit.review.donecheck import NewDone, done_problem, new_done
from movekit.review.inputs import (
    Measures,
    NewResult,
    Options,
    ResultsByDay,
    check_result_cells,
    describe,
    future_date,
    parse_date,
    place,
    refusal,
)
from movekit.review.spendcheck import SpendInput, check_spend

COLUMNS = ("measure", "date", "value")
"""The columns a results CSV file must have, named in its header row."""
SPEND_COLUMNS = ("date", "amount")
"""The columns a CSV file of money spent must have; `for` and `note` are optional."""
SPEND_OPTIONAL = ("for", "note")

Problems = list[tuple[str | None, str]]
"""What is wrong with a row: (its column, or None for the whole row; the message)."""


@dataclass(frozen=True)
class CsvRecords:
    """What a CSV file records: results, milestones done, or money spent."""

    results: list[NewResult] = field(default_factory=list)
    done: list[NewDone] = field(default_factory=list)
    spend: list[Spend] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    """One row of a results table, its cells as text: a CSV line, or a sheet's row
    (review/xlsxfile.py reads workbooks through the same checks)."""

    line: int
    cells: list[str]


@dataclass
class Known:
    """What rows are checked against, found through dicts built once: each row costs the
    same however long the file or the plan."""

    measures: Measures
    results: ResultsByDay
    milestones: dict[str, tuple[int, int, Measure]]
    earlier: dict[tuple[str, dt.date], tuple[int, NewResult]] = field(default_factory=dict)
    earlier_done: dict[str, int] = field(default_factory=dict)


def read_results_csv(path: Path, plan: Plan, options: Options) -> list[NewResult]:
    """The results of a `measure,date,value` CSV file (see read_csv)."""
    return read_csv(path, plan, options).results


def read_csv(path: Path, plan: Plan, options: Options) -> CsvRecords:
    """Every row of a CSV file ("-" for stdin) checked against the plan, or a UsageError
    listing every bad row with its line and column (all rows good, or none recorded).
    With --replace, a row for a day that already has a result corrects it."""
    rows = list(_rows(path))
    if not rows:
        raise UsageError(
            f"{path}: the file is empty; it needs a header row: measure,date,value "
            "(or date,amount,for,note for money spent)"
        )
    header, body = rows[0], rows[1:]
    names = [cell.strip().lower() for cell in header.cells]
    spending = "amount" in names and "measure" not in names
    if spending:
        columns = _columns(path, header, SPEND_COLUMNS, SPEND_OPTIONAL)
    else:
        columns = _columns(path, header, COLUMNS)
    if not body:
        what = "spending" if spending else "results"
        raise UsageError(f"{path}: the file has a header row but no {what} to record")
    if spending:
        return _read_spend(path, body, columns, len(header.cells), Index(plan), options)
    return _read_results(path, body, columns, len(header.cells), plan, options)


def _read_results(
    path: Path,
    body: list[Row],
    columns: dict[str, int],
    width: int,
    plan: Plan,
    options: Options,
) -> CsvRecords:
    records = CsvRecords()
    problems: list[str] = []
    milestones = {
        measure.id: (i, j, measure)
        for i, outcome in enumerate(plan.outcomes)
        for j, measure in enumerate(outcome.measures)
        if measure.kind == "milestone"
    }
    known = Known(Measures(plan), ResultsByDay(plan.results), milestones)
    for row in body:
        row_problems = _width_problems(row, columns, width)
        if not row_problems:
            row_problems = result_row(row, columns, known, options, records)
        problems.extend(_where(path, row, column, problem) for column, problem in row_problems)
    if problems:
        raise UsageError(refusal(problems, str(path)))
    return records


def _read_spend(
    path: Path,
    body: list[Row],
    columns: dict[str, int],
    width: int,
    index: Index,
    options: Options,
) -> CsvRecords:
    records = CsvRecords()
    problems: list[str] = []
    for row in body:
        row_problems: Problems = list(_width_problems(row, columns, width))
        if not row_problems:
            cell = {column: row.cells[at] for column, at in columns.items()}
            note = cell.get("note", "").strip() or None
            given = SpendInput(cell["date"], cell["amount"], cell.get("for", ""), note)
            spend, found = check_spend(index, given, options)
            row_problems.extend(found)
            if spend is not None:
                records.spend.append(spend)
        problems.extend(_where(path, row, column, problem) for column, problem in row_problems)
    if problems:
        raise UsageError(refusal(problems, str(path)))
    return records


def _where(path: Path, row: Row, column: str | None, problem: str) -> str:
    """`results.csv:5, column date: ...`: the row's line, and the column when it is one cell."""
    return f"{path}:{row.line}{'' if column is None else f', column {column}'}: {problem}"


def _rows(path: Path) -> Iterator[Row]:
    """Non-blank rows with the line each starts on; a BOM and any line endings are fine."""
    raw = read_source(path)
    # Only ASCII ids, dates and numbers are used: a stray byte elsewhere is no reason to stop.
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield Row(line, cells)
            line = reader.line_num + 1
    except csv.Error as error:
        raise UsageError(f"{path}:{reader.line_num}: cannot read the CSV: {error}") from error


def _columns(
    path: Path, header: Row, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> dict[str, int]:
    """Where each column is, from the header row (any order, any case; others ignored)."""
    names = [cell.strip().lower() for cell in header.cells]
    missing = [column for column in required if column not in names]
    if missing:
        message = _missing_columns(header.cells, required, missing)
        raise UsageError(f"{path}:{header.line}: {message}")
    used = (*required, *optional)
    twice = sorted({name for name in names if name in used and names.count(name) > 1})
    if twice:
        raise UsageError(f"{path}:{header.line}: the header row names {twice[0]} twice")
    return {column: names.index(column) for column in used if column in names}


def _missing_columns(cells: list[str], required: tuple[str, ...], missing: list[str]) -> str:
    found = ", ".join(cell.strip() for cell in cells)
    if required == COLUMNS:
        wanted = "measure, date and value"
    else:
        wanted = "date and amount (for and note may follow)"
    message = f"the header row must name the columns {wanted}; it has: {found}"
    if ";" in found and "," not in "".join(cells):
        return message + " (separate the columns with commas, not semicolons)"
    extra = [cell.strip() for cell in cells if cell.strip().lower() not in required]
    for column in missing:
        close = difflib.get_close_matches(column, [name.lower() for name in extra], n=1)
        if close:
            message += f"; is '{close[0]}' meant to be '{column}'?"
    return message


def _width_problems(row: Row, columns: dict[str, int], width: int) -> Problems:
    """`width` is the header's number of columns; extra columns are allowed and ignored."""
    if len(row.cells) > width:
        return [
            (
                None,
                f"{len(row.cells)} values but the header has {width} columns (write numbers "
                "without a thousands comma, or put the value in quotes)",
            )
        ]
    if len(row.cells) <= max(columns.values()):
        return [(None, f"{len(row.cells)} values, but the header has {width} columns")]
    return []


def result_row(
    row: Row, columns: dict[str, int], known: Known, options: Options, records: CsvRecords
) -> Problems:
    """Check one row of a results file and add what it records to `records`."""
    measure, on, value = (row.cells[columns[column]] for column in COLUMNS)
    milestone = known.milestones.get(measure.strip())
    if milestone is not None:
        return _milestone_row(row, milestone, on, value, known, options, records)
    if not value.strip() and known.measures.unknown(measure.strip()) is None:
        return [("value", "the value is empty: give the number measured on that date")]
    result, cells = check_result_cells(known.measures, measure, on, value, options)
    if result is None:
        return list(cells)
    before = known.earlier.get((result.measure, result.date))
    if before is not None:
        line, other = before
        if other.result == result:
            return [(None, f"{describe(result)} is already recorded by an earlier row")]
        return [
            (
                None,
                f"line {line} already gives {result.measure} a value on {result.date}: "
                "keep one of the two rows",
            )
        ]
    index, problem = place(known.results, result, options.replace)
    if problem is not None:
        return [(None, problem)]
    new = NewResult(result, index)
    known.earlier[(result.measure, result.date)] = (row.line, new)
    records.results.append(new)
    return []


def _milestone_row(
    row: Row,
    milestone: tuple[int, int, Measure],
    on: str,
    value: str,
    known: Known,
    options: Options,
    records: CsvRecords,
) -> Problems:
    """A milestone's row marks it done on the row's date; its value must be empty."""
    name = milestone[2].id
    if value.strip():
        return [
            (
                "value",
                f"'{name}' is a milestone: it has no value to record; leave the value "
                "empty to mark it done on the row's date",
            )
        ]
    date, bad_date = parse_date(on)
    problems: Problems = [
        ("date", problem)
        for problem in (bad_date, future_date(date, options, "milestone"))
        if problem is not None
    ]
    if problems or date is None:
        return problems
    if name in known.earlier_done:
        line = known.earlier_done[name]
        return [(None, f"line {line} already marks '{name}' done: keep one of the two rows")]
    problem = done_problem(milestone[2], date, options.replace)
    if problem is not None:
        return [(None, problem)]
    known.earlier_done[name] = row.line
    records.done.append(new_done(milestone, date))
    return []
