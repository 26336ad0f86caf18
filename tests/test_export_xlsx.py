"""`movekit export --format xlsx`: one workbook of the plan's tables, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import REPO, VALID_PLAN, run_cli
from tests.golden import assert_golden

REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = "2027-03-15"
SHEETS = [
    "Measures",
    "Results",
    "Calls to action",
    "Channel plan",
    "Activities",
    "Spend",
    "Assumptions",
    "Risks",
]


def _export(plan: Path, out: Path) -> bytes:
    result = run_cli("export", str(plan), "-o", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {len(openpyxl.load_workbook(out).sheetnames)} sheets")
    return out.read_bytes()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "plan.xlsx"
    _export(REAL_ADDITIONS, out)
    return out


@pytest.fixture(scope="module")
def book(exported: Path) -> Any:
    return openpyxl.load_workbook(exported)


def _row(sheet: Any, first: str) -> dict[str, Any]:
    """The cells of the row whose first cell is `first`, by header."""
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == first:
            return dict(zip(headers, row, strict=True))
    raise AssertionError(f"no row {first}")


def test_one_sheet_per_table_each_with_a_frozen_bold_header(book: Any) -> None:
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert sheet.column_dimensions["A"].width >= len(str(sheet["A1"].value))


def test_cells_are_typed_dates_numbers_and_coloured_statuses(book: Any) -> None:
    pledges = _row(book["Measures"], "councillor-pledges")
    assert pledges["Baseline"].value == 3 and pledges["Baseline"].data_type == "n"
    assert pledges["Target"].value == 32
    assert pledges["Due"].value == dt.datetime(2027, 5, 31)
    assert pledges["Due"].number_format == "yyyy-mm-dd"
    assert pledges["Latest"].value == 9
    assert pledges["Latest date"].value == dt.datetime(2027, 2, 1)
    assert pledges["Status"].value == "behind"  # the word kept, and coloured
    assert pledges["Status"].fill.fgColor.rgb.endswith("FFEB9C")
    lookups = _row(book["Measures"], "map-lookups")
    assert lookups["Latest"].value is None and lookups["Status"].value == "no-data"
    result = _row(book["Results"], "councillor-pledges")
    assert (result["Date"].value, result["Value"].value) == (dt.datetime(2027, 2, 1), 9)
    spend = [[cell.value for cell in row] for row in book["Spend"].iter_rows()]
    assert spend[0] == ["Date", "Amount (GBP)", "For", "Note"]
    assert spend[2][:3] == [dt.datetime(2027, 2, 28), 1200, "street-captains"]
    assert book["Spend"]["A3"].number_format == "yyyy-mm"  # a month shows as the month
    report = _row(book["Activities"], "air-report")
    assert report["Date"].number_format == "yyyy-mm" and report["Budget"].value == 2500
    meetings = [
        row for row in book["Activities"].iter_rows(min_row=2) if row[0].value == "leader-meeting"
    ]
    assert [row[2].value for row in meetings] == [
        dt.datetime(2027, 3, 10),
        dt.datetime(2027, 5, 12),
    ]
    walk = _row(book["Calls to action"], "parents-journey")
    assert (walk["Stage"].value, walk["Level"].value, walk["Mode"].value) == (
        "notice",
        "awareness",
        "online",
    )
    assert (walk["Measure"].value, walk["Measure status"].value) == ("map-lookups", "no-data")
    risk = _row(book["Risks"], "walker-safety")
    assert risk["Overdue"].value == "overdue"  # review-by 2027-02-01, before --today
    assert risk["Overdue"].fill.fgColor.rgb.endswith("FFC7CE")
    gate = _row(book["Channel plan"], "school-gate")
    assert gate["Mode"].value == "offline"
    assert "parents-journey: stage 2" in gate["Action"].value


def test_statuses_are_those_of_movekit_status(book: Any) -> None:
    status = run_cli("status", str(REAL_ADDITIONS), "--today", TODAY, "--format", "json")
    expected = {row["measure"]: row["status"] for row in json.loads(status.stdout)["measures"]}
    rows = list(book["Measures"].iter_rows(min_row=2, values_only=True))
    headers = [cell.value for cell in book["Measures"][1]]
    found = {row[0]: row[headers.index("Status")] for row in rows}
    assert found == expected


def test_the_same_plan_gives_the_same_bytes(exported: Path, book: Any, tmp_path: Path) -> None:
    again = _export(REAL_ADDITIONS, tmp_path / "again.xlsx")
    assert again == exported.read_bytes()
    assert book.properties.creator == "movekit"
    assert book.properties.modified == dt.datetime(2027, 3, 15)
    dump = []
    for sheet in book.worksheets:
        dump.append(f"== {sheet.title}")
        for row in sheet.iter_rows():
            cells = [_dumped(cell) for cell in row if cell.value is not None]
            dump.append(" | ".join(cells))
    assert_golden("export-real-additions-xlsx.txt", "\n".join(dump) + "\n")


def _dumped(cell: Any) -> str:
    """`C2=3`, `G2=datetime.datetime(2027, 5, 31, 0, 0) [yyyy-mm-dd]`: a cell, typed."""
    shown = "" if cell.number_format == "General" else f" [{cell.number_format}]"
    return f"{cell.coordinate}={cell.value!r}{shown}"


def test_a_plan_without_the_optional_parts_has_only_the_core_sheets(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(VALID_PLAN, encoding="utf-8")
    _export(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert book.sheetnames == SHEETS[:4]
    assert [cell.value for cell in book["Results"][1]] == ["Measure", "Date", "Value"]
    assert book["Results"].max_row == 1


def test_a_workbook_needs_a_file_and_never_replaces_a_plan(tmp_path: Path) -> None:
    result = run_cli("export", str(REAL_ADDITIONS), "--format", "xlsx")
    assert result.returncode == 2
    assert "-o plan.xlsx" in result.stderr
    plan = tmp_path / "plan.yaml"
    plan.write_text(VALID_PLAN, encoding="utf-8")
    over = run_cli("export", str(REAL_ADDITIONS), "-f", "xlsx", "-o", str(plan))
    assert over.returncode == 2, over.stderr
    assert "plan.yaml is a plan's name: export never writes a plan" in over.stderr
    assert plan.read_text(encoding="utf-8") == VALID_PLAN
    # a file named .xlsx that holds a plan is not replaced either
    hidden = tmp_path / "hidden.xlsx"
    hidden.write_text(VALID_PLAN, encoding="utf-8")
    refused = run_cli("export", str(REAL_ADDITIONS), "-o", str(hidden))
    assert refused.returncode == 2, refused.stderr
    assert hidden.read_text(encoding="utf-8") == VALID_PLAN


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "plan.xlsx"
    result = run_cli("export", str(REAL_ADDITIONS), "-o", str(out))
    assert result.returncode == 2
    assert "cannot write" in result.stderr
    assert not (tmp_path / "missing").exists()
    assert list(tmp_path.iterdir()) == []
