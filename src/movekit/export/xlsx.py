"""The plan's tables as one Excel workbook, written with `openpyxl`.

One sheet per table (tables.py), each with a bold, frozen header row and columns as wide
as their contents; dates are real dates (a month shows as `2027-03`), numbers are numbers,
and status cells are coloured with the word kept. The workbook is byte for byte the same
for the same plan and `--today`: its document dates are that day and every file in the
zip carries one fixed time.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from movekit.export.tables import Cell, Table, plan_tables
from movekit.model import Plan
from movekit.months import is_month

Worksheet = Any
"""openpyxl's sheet (it ships no type hints)."""

DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"
"""How a date written as a month shows; `record --from` reads it back as the month."""
FILLS = {
    "on-track": "C6EFCE",
    "met": "A9D08E",
    "behind": "FFEB9C",
    "missed": "FFC7CE",
    "no-data": "EDEDED",
    "overdue": "FFC7CE",
}
"""Cell colours by status, light enough to read the word on."""
HEADER_FILL = "DDEBF7"
MAX_WIDTH = 60
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The time every file in the workbook's zip carries (the earliest a zip can hold)."""


def plan_workbook(plan: Plan, today: dt.date) -> bytes:
    """The workbook of every table of the plan on `today`."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    for table in plan_tables(plan, today):
        _sheet(book.create_sheet(table.title), table)
    moment = dt.datetime(today.year, today.month, today.day)
    book.properties.creator = "movekit"
    book.properties.lastModifiedBy = "movekit"
    book.properties.title = plan.campaign.name
    book.properties.created = moment
    book.properties.modified = moment
    return _saved(book)


def _sheet(sheet: Worksheet, table: Table) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=_value(value))
            if isinstance(value, dt.date):
                cell.number_format = MONTH_FORMAT if is_month(value) else DATE_FORMAT
            if column - 1 in table.status_columns and isinstance(value, str):
                colour = FILLS.get(value)
                if colour is not None:
                    cell.fill = PatternFill("solid", fgColor=colour)
    sheet.freeze_panes = "A2"
    for column, header in enumerate(table.headers, start=1):
        cells = [header, *(_shown(row[column - 1]) for row in table.rows)]
        width = min(MAX_WIDTH, max(len(text) for text in cells) + 2)
        sheet.column_dimensions[get_column_letter(column)].width = width


def _value(cell: Cell) -> Any:
    """A date as a plain date (openpyxl knows no subclass); anything else as it is."""
    if isinstance(cell, dt.date):
        return dt.date(cell.year, cell.month, cell.day)
    return cell


def _shown(cell: Cell) -> str:
    """Roughly what the cell shows, to size its column."""
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return "2027-03" if is_month(cell) else "2027-03-15"
    return str(cell)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose files all carry ZIP_TIME, so the same workbook gives the same bytes."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def _saved(book: Any) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    archive = _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(book, archive).save()  # unlike Workbook.save, keeps our `modified`
    return buffer.getvalue()
