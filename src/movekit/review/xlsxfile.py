"""`movekit record --from results.xlsx`: the results sheet of an Excel workbook, every row
checked exactly as a CSV row is (csvfile.py) before anything is written.

The sheet is the one named Results, else the first whose header row (its first row with
anything in it) names the columns measure, date and value, in any case and order. Rows the
plan already holds (the same measure, date and value, or a milestone already done on that
day) are left out, so a sheet exported by `movekit export`, with rows added, records
exactly the new rows. A formula counts by the value the spreadsheet saved with it;
merged cells, formulas with no saved value and files that are not workbooks are refused.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from movekit.errors import UsageError
from movekit.model import Measure, Plan
from movekit.opening import read_source
from movekit.review.csvfile import COLUMNS, CsvRecords, Known, Row, result_row
from movekit.review.inputs import Measures, Options, ResultsByDay, parse_date, parse_number, refusal

Workbook = Any
Worksheet = Any
"""openpyxl's workbook and sheet (it ships no type hints)."""

SUFFIXES = (".xlsx", ".xlsm")
"""Files read as workbooks; anything else is read as CSV."""
_ZIP = b"PK\x03\x04"
_OLD_EXCEL = b"\xd0\xcf\x11\xe0"
"""How an old .xls workbook (and other Office 97 files) begins."""


@dataclass(frozen=True)
class SheetRecords:
    """What the sheet records, which sheet it was, and how many of its rows the plan held."""

    records: CsvRecords
    sheet: str
    rows: int
    """Rows with anything in them, below the header."""
    known: int
    """Rows the plan already holds, left out."""


@dataclass(frozen=True)
class _Header:
    row: int
    columns: dict[str, int]
    """Each needed column's place in the sheet, from 0."""


def is_workbook(path: Path) -> bool:
    """Whether `record --from` reads `path` as an Excel workbook."""
    return path.suffix.lower() in SUFFIXES


def read_xlsx(path: Path, plan: Plan, options: Options) -> SheetRecords:
    """The new results (and milestones done) of the workbook's results sheet, or a
    UsageError naming every bad cell by sheet, row and column (all rows good, or none)."""
    formulas, values = _open(path)
    sheet, header = _results_sheet(path, formulas)
    _refuse_merged(path, sheet, header)
    cached = values[sheet.title]
    known = _known(plan)
    records = CsvRecords()
    problems: list[str] = []
    counted = held = 0
    for number, cells in _rows(sheet, cached, header):
        counted += 1
        texts: list[str] = []
        row_problems: list[tuple[str | None, str]] = []
        for column in COLUMNS:
            text, problem = cells[column]
            texts.append(text)
            if problem is not None:
                row_problems.append((column, problem))
        if not row_problems and _held(plan, texts):
            held += 1
            continue
        if not row_problems:
            row = Row(number, texts)
            row_problems = result_row(row, _PLACES, known, options, records)
        problems.extend(_where(sheet, header, number, column, p) for column, p in row_problems)
    if problems:
        raise UsageError(refusal(problems, str(path)))
    if counted == 0:
        raise UsageError(
            f"{path}: sheet {sheet.title} has a header row but no results to record below it"
        )
    return SheetRecords(records, sheet.title, counted, held)


_PLACES = {column: at for at, column in enumerate(COLUMNS)}
"""Where each column is in the row handed to the CSV checks: measure, date, value."""


def _open(path: Path) -> tuple[Workbook, Workbook]:
    """The workbook twice: with its formulas, and with the values saved for them."""
    from openpyxl import load_workbook

    raw = read_source(path)
    if raw.startswith(_OLD_EXCEL):
        raise UsageError(
            f"{path} is an old Excel file (.xls): save it as an Excel workbook (.xlsx) "
            "or as CSV, then record from that"
        )
    if not raw.startswith(_ZIP):
        raise UsageError(
            f"{path} is not an Excel workbook (.xlsx): save it from your spreadsheet as .xlsx, "
            "or give a CSV file (measure,date,value) a name ending in .csv"
        )
    try:
        formulas = load_workbook(io.BytesIO(raw), data_only=False)
        values = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged zip or XML
        raise UsageError(
            f"{path} cannot be read as an Excel workbook ({type(error).__name__}): open it in "
            "your spreadsheet and save it again as .xlsx"
        ) from None
    return formulas, values


def _results_sheet(path: Path, book: Workbook) -> tuple[Worksheet, _Header]:
    """The sheet named Results if it has the columns, else the first sheet that has them."""
    found: list[tuple[Worksheet, _Header]] = []
    seen: list[str] = []
    for sheet in book.worksheets:
        header = _header(path, sheet)
        if header is None:
            seen.append(f"{sheet.title} ({_names(sheet)})")
        else:
            found.append((sheet, header))
    for sheet, header in found:
        if sheet.title.strip().lower() == "results":
            return sheet, header
    if found:
        return found[0]
    raise UsageError(
        f"{path}: no sheet has the columns measure, date and value in its header row "
        f"(its first row with anything in it); the sheets have: {'; '.join(seen)}"
    )


def _header(path: Path, sheet: Worksheet) -> _Header | None:
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        names = [_name(value) for value in row]
        if not any(names):
            continue
        if any(column not in names for column in COLUMNS):
            return None
        twice = [column for column in COLUMNS if names.count(column) > 1]
        if twice:
            raise UsageError(
                f"{path}: sheet {sheet.title}, row {number}: the header row names "
                f"{twice[0]} twice; keep one of the two columns"
            )
        return _Header(number, {column: names.index(column) for column in COLUMNS})
    return None


def _names(sheet: Worksheet) -> str:
    for row in sheet.iter_rows(values_only=True):
        names = [str(value).strip() for value in row if _name(value)]
        if names:
            return ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
    return "empty"


def _name(value: Any) -> str:
    return "" if value is None else str(value).strip().lower()


def _refuse_merged(path: Path, sheet: Worksheet, header: _Header) -> None:
    """Merged cells hide which row a value belongs to: refuse them where they are read."""
    used = {place + 1 for place in header.columns.values()}
    for merged in sheet.merged_cells.ranges:
        columns = set(range(merged.min_col, merged.max_col + 1))
        if merged.max_row >= header.row and columns & used:
            raise UsageError(
                f"{path}: sheet {sheet.title}, cells {merged.coord} are merged: unmerge them "
                "so that each row has its own measure, date and value"
            )


Cells = dict[str, tuple[str, str | None]]
"""Each needed column's cell as text, and what is wrong with it (None: nothing)."""


def _rows(sheet: Worksheet, cached: Worksheet, header: _Header) -> Iterator[tuple[int, Cells]]:
    """The rows below the header with anything in the needed columns, by row number."""
    width = max(header.columns.values()) + 1
    rows = sheet.iter_rows(min_row=header.row + 1, max_col=width)
    saved = cached.iter_rows(min_row=header.row + 1, max_col=width, values_only=True)
    for cells, values in zip(rows, saved, strict=True):
        found = {
            column: _cell(cells[at], values[at]) if at < len(cells) else ("", None)
            for column, at in header.columns.items()
        }
        if any(text.strip() or problem for text, problem in found.values()):
            yield cells[0].row, found


def _cell(cell: Any, saved: Any) -> tuple[str, str | None]:
    """A cell as the text a CSV file would hold: a formula by its saved value."""
    value = cell.value
    if cell.data_type == "f":
        if saved is None:
            formula = str(value)
            return "", (
                f"the cell holds a formula ({formula}) with no saved value: open the file in "
                "your spreadsheet and save it, or type the value"
            )
        value = saved
    return _text(value, cell.number_format), None


def _text(value: Any, number_format: str) -> str:
    """Dates as YYYY-MM-DD (YYYY-MM when the cell shows only the month), numbers as typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            return value.isoformat(sep=" ")
        value = value.date()
    if isinstance(value, dt.date):
        shows = number_format.lower()
        if "d" not in shows and "m" in shows and "y" in shows:
            return f"{value.year:04d}-{value.month:02d}"
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _held(plan: Plan, texts: Sequence[str]) -> bool:
    """The row says what the plan already holds: the same result, or the milestone done
    on that day."""
    measure, on, value = (text.strip() for text in texts)
    date, _ = parse_date(on)
    if date is None:
        return False
    milestone = _milestone(plan, measure)
    if milestone is not None:
        return not value and milestone.done == date
    number, _ = parse_number(value)
    return number is not None and any(
        result.measure == measure and result.date == date and result.value == number
        for result in plan.results
    )


def _milestone(plan: Plan, name: str) -> Measure | None:
    for outcome in plan.outcomes:
        for measure in outcome.measures:
            if measure.id == name and measure.kind == "milestone":
                return measure
    return None


def _known(plan: Plan) -> Known:
    """What the rows are checked against, as csvfile.py builds it for a CSV file."""
    milestones = {
        measure.id: (i, j, measure)
        for i, outcome in enumerate(plan.outcomes)
        for j, measure in enumerate(outcome.measures)
        if measure.kind == "milestone"
    }
    return Known(Measures(plan), ResultsByDay(plan.results), milestones)


def _where(sheet: Worksheet, header: _Header, row: int, column: str | None, problem: str) -> str:
    """`sheet Results, row 5, column B (date): ...`."""
    from openpyxl.utils import get_column_letter

    where = f"sheet {sheet.title}, row {row}"
    if column is not None:
        where += f", column {get_column_letter(header.columns[column] + 1)} ({column})"
    return f"{where}: {problem}"
