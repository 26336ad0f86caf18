"""One table as CSV, the way a spreadsheet opens it: UTF-8 with a byte-order mark (so
Excel reads accents right), a header row, CRLF line ends, dates as the plan writes them."""

from __future__ import annotations

import csv
import datetime as dt
import io

from movekit.export.tables import Cell, Table
from movekit.months import written


def table_csv(table: Table) -> bytes:
    """The table's header and rows as CSV bytes."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_text(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return written(cell)
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)
