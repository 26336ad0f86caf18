"""`movekit record PLAN --from results.xlsx`: a workbook's results sheet, checked row by row
as a CSV file is, written all or nothing."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import REPO, run_cli

REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = "2027-03-15"
OLD_TAIL = """\
results:
  - measure: councillor-pledges
    date: 2027-02-01
    value: 9
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_bytes(REAL_ADDITIONS.read_bytes())
    return path


def _export(plan: Path) -> Path:
    out = plan.parent / "plan.xlsx"
    result = run_cli("export", str(plan), "-o", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    return out


def _record(plan: Path, workbook: Path, *args: str) -> Any:
    return run_cli("record", str(plan), "--from", str(workbook), "--today", TODAY, *args)


def _workbook(path: Path, rows: list[list[Any]], title: str = "Results") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_round_trip_export_add_rows_import(plan: Path) -> None:
    before = plan.read_bytes()
    workbook = _export(plan)
    book = openpyxl.load_workbook(workbook)
    book["Results"].append(["councillor-pledges", dt.date(2027, 3, 1), 14])
    book["Results"].append(["map-lookups", "2027-02", 800.0])  # a month, typed as text
    book.save(workbook)
    result = _record(plan, workbook)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Recorded 2 results from sheet Results of {workbook} in {plan} "
        "(1 row already there left out):",
        "  councillor-pledges = 14 on 2027-03-01",
        "  map-lookups = 800 on 2027-02",
    ]
    added = (
        "  - measure: councillor-pledges\n    date: 2027-03-01\n    value: 14\n"
        "  - measure: map-lookups\n    date: 2027-02\n    value: 800\n"
    )
    old_text = before.decode("utf-8")
    assert plan.read_text(encoding="utf-8") == old_text.replace(OLD_TAIL, OLD_TAIL + added)
    # exported again, the sheet holds every row, the month as a month: nothing new to record
    again = _export(plan)
    sheet = openpyxl.load_workbook(again)["Results"]
    assert sheet["B4"].number_format == "yyyy-mm"
    unchanged = plan.read_bytes()
    result = _record(plan, again)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Nothing new in sheet Results of {again}: {plan} already holds its 3 rows\n"
    )
    assert plan.read_bytes() == unchanged


def test_any_sheet_with_the_columns_in_any_case_and_order(plan: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Read me first"])
    sheet = book.create_sheet("Weekly figures")
    sheet.append(["VALUE", "Comment", "Date", "measure"])
    sheet.append([31, "from the pledge sheet", dt.datetime(2027, 3, 12), "councillor-pledges"])
    sheet.append([None, None, None, None])  # an empty row is skipped
    book.save(plan.parent / "figures.xlsx")
    result = _record(plan, plan.parent / "figures.xlsx")
    assert result.returncode == 0, result.stderr
    assert "sheet Weekly figures" in result.stdout
    assert "councillor-pledges = 31 on 2027-03-12" in result.stdout


def test_a_milestone_row_with_no_value_marks_it_done(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "movekit: 1\ncampaign: {name: Vote, goal: A vote}\noutcomes:\n  - id: vote\n"
        "    title: The vote\n    type: policy\n    measures:\n"
        "      - {id: hearing, metric: The hearing is held, kind: milestone}\n"
        "audiences:\n  - {id: tenants, name: Tenants}\n",
        encoding="utf-8",
    )
    workbook = _workbook(
        tmp_path / "done.xlsx", [["measure", "date", "value"], ["hearing", "2027-03-04", None]]
    )
    result = _record(plan, workbook)
    assert result.returncode == 0, result.stderr
    assert "milestone 'hearing' done on 2027-03-04" in result.stdout
    assert "done: 2027-03-04" in plan.read_text(encoding="utf-8")


def test_every_bad_row_is_named_by_sheet_row_and_column_and_nothing_is_written(
    plan: Path,
) -> None:
    rows = [
        ["measure", "date", "value"],
        ["councilor-pledges", "2027-03-01", 10],
        ["councillor-pledges", "2027-13-01", 11],
        ["councillor-pledges", "2027-03-02", "fourteen"],
        ["map-lookups", "2027-03-05", 100],
        ["map-lookups", "2027-03-05", 120],
        ["map-lookups", dt.date(2027, 4, 1), 130],
        ["map-lookups", "2027-03-06", 140],  # a good row: still not written
    ]
    before = plan.read_bytes()
    result = _record(plan, _workbook(plan.parent / "bad.xlsx", rows))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {plan.parent / 'bad.xlsx'}: 5 problems, so nothing was recorded:"
    assert lines[1].startswith("  sheet Results, row 2, column A (measure): 'councilor-pledges'")
    assert "did you mean 'councillor-pledges'?" in lines[1]
    assert lines[2].startswith("  sheet Results, row 3, column B (date): '2027-13-01' is not")
    assert lines[3].startswith("  sheet Results, row 4, column C (value): 'fourteen' is not")
    assert lines[4].startswith("  sheet Results, row 6: line 5 already gives map-lookups")
    assert lines[5].startswith("  sheet Results, row 7, column B (date): ")
    assert "after today" in lines[5]
    assert plan.read_bytes() == before


def _with_cached_value(path: Path, cell: str, value: str) -> None:
    """Give a formula the value a spreadsheet saves with it (openpyxl saves none)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet].decode("utf-8")
    xml = re.sub(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/>', rf"\1<f>\2</f><v>{value}</v>", xml)
    xml = re.sub(rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v></v>', rf"\1<f>\2</f><v>{value}</v>", xml)
    assert f"<v>{value}</v>" in xml, xml
    parts[sheet] = xml.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_a_formula_counts_by_its_saved_value_and_without_one_is_refused(plan: Path) -> None:
    rows = [["measure", "date", "value"], ["councillor-pledges", "2027-03-01", "=10+6"]]
    workbook = _workbook(plan.parent / "formula.xlsx", rows)
    before = plan.read_bytes()
    refused = _record(plan, workbook)
    assert refused.returncode == 2
    assert "sheet Results, row 2, column C (value): the cell holds a formula (=10+6)" in (
        refused.stderr
    )
    assert "no saved value" in refused.stderr
    assert plan.read_bytes() == before
    _with_cached_value(workbook, "C2", "16")
    result = _record(plan, workbook)
    assert result.returncode == 0, result.stderr
    assert "councillor-pledges = 16 on 2027-03-01" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"measure,date,value\nmap-lookups,2027-03-01,5\n", "is not an Excel workbook (.xlsx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "is an old Excel file (.xls)"),
        (b"PK\x03\x04broken", "cannot be read as an Excel workbook"),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused(plan: Path, content: bytes, message: str) -> None:
    workbook = plan.parent / "results.xlsx"
    workbook.write_bytes(content)
    before = plan.read_bytes()
    result = _record(plan, workbook)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert plan.read_bytes() == before


def test_a_workbook_without_the_columns_or_with_merged_cells_is_refused(plan: Path) -> None:
    workbook = _workbook(plan.parent / "wrong.xlsx", [["Measure", "When", "Value"], ["x", 1, 2]])
    result = _record(plan, workbook)
    assert result.returncode == 2
    assert "no sheet has the columns measure, date and value" in result.stderr
    assert "Results (Measure, When, Value)" in result.stderr
    rows = [
        ["measure", "date", "value"],
        ["map-lookups", "2027-03-01", 5],
        [None, "2027-03-02", 6],
    ]
    workbook = _workbook(plan.parent / "merged.xlsx", rows)
    book = openpyxl.load_workbook(workbook)
    book["Results"].merge_cells("A2:A3")
    book.save(workbook)
    before = plan.read_bytes()
    result = _record(plan, workbook)
    assert result.returncode == 2
    assert "sheet Results, cells A2:A3 are merged: unmerge them" in result.stderr
    assert plan.read_bytes() == before
