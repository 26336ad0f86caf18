"""`movekit record --from`: a CSV file of results, every row checked before anything is written."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from movekit.errors import UsageError
from movekit.model import Plan, Result
from movekit.opening import read_source
from movekit.review.inputs import (
    Measures,
    NewResult,
    Options,
    ResultsByDay,
    check_result,
    describe,
    place,
    refusal,
)

COLUMNS = ("measure", "date", "value")
"""The columns a results CSV file must have, named in its header row."""


@dataclass(frozen=True)
class _Known:
    """What rows are checked against: the plan's measures and its results by day."""

    measures: Measures
    results: ResultsByDay


@dataclass(frozen=True)
class _Row:
    line: int
    cells: list[str]


def read_results_csv(path: Path, plan: Plan, options: Options) -> list[NewResult]:
    """Every row of a `measure,date,value` CSV file ("-" for stdin) as a result, or a
    UsageError listing every bad row with its line number (all rows good, or none recorded).
    With --replace, a row for a day that already has a result corrects it."""
    rows = list(_rows(path))
    if not rows:
        raise UsageError(f"{path}: the file is empty; it needs a header row: measure,date,value")
    header, body = rows[0], rows[1:]
    columns = _columns(path, header)
    width = len(header.cells)
    if not body:
        raise UsageError(f"{path}: the file has a header row but no results to record")
    results: list[NewResult] = []
    problems: list[str] = []
    earlier: dict[tuple[str, dt.date], tuple[int, Result]] = {}
    # found through dicts built once: each row costs the same however long the file or plan
    known = _Known(Measures(plan), ResultsByDay(plan.results))
    for row in body:
        result, row_problems = _check_row(row, columns, width, known, options, earlier)
        problems.extend(f"{path}:{row.line}: {problem}" for problem in row_problems)
        if result is not None:
            results.append(result)
            earlier[(result.result.measure, result.result.date)] = (row.line, result.result)
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
    row: _Row,
    columns: dict[str, int],
    width: int,
    known: _Known,
    options: Options,
    earlier: dict[tuple[str, dt.date], tuple[int, Result]],
) -> tuple[NewResult | None, list[str]]:
    """`width` is the header's number of columns; extra columns are allowed and ignored."""
    if len(row.cells) > width:
        return None, [
            f"{len(row.cells)} values but the header has {width} columns (write numbers "
            "without a thousands comma, or put the value in quotes)"
        ]
    if len(row.cells) <= max(columns.values()):
        return None, [f"{len(row.cells)} values, but the header has {width} columns"]
    measure, on, value = (row.cells[columns[column]] for column in COLUMNS)
    result, problems = check_result(known.measures, measure, on, value, options)
    if result is None:
        return None, problems
    before = earlier.get((result.measure, result.date))
    if before is not None:
        line, other = before
        if other == result:
            return None, [f"{describe(result)} is already recorded by an earlier row"]
        return None, [
            f"line {line} already gives {result.measure} a value on {result.date}: "
            "keep one of the two rows"
        ]
    index, problem = place(known.results, result, options.replace)
    if problem is not None:
        return None, [problem]
    return NewResult(result, index), []
