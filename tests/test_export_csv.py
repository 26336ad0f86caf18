"""`movekit export --format csv`: one table, as a spreadsheet opens it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = "2027-03-15"


def _table(*args: str) -> list[list[str]]:
    result = run_cli("export", str(REAL_ADDITIONS), "-f", "csv", "--today", TODAY, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeff")  # so a spreadsheet reads it as UTF-8
    return list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))


def test_the_results_table_is_the_default() -> None:
    assert _table() == [["Measure", "Date", "Value"], ["councillor-pledges", "2027-02-01", "9"]]


def test_the_measures_table_has_the_statuses_of_movekit_status() -> None:
    rows = _table("--table", "measures")
    header = rows[0]
    assert header[:3] == ["Measure", "Metric", "Kind"] and "Status" in header
    status = run_cli("status", str(REAL_ADDITIONS), "--today", TODAY, "--format", "json")
    expected = {row["measure"]: row["status"] for row in json.loads(status.stdout)["measures"]}
    assert {row[0]: row[header.index("Status")] for row in rows[1:]} == expected
    pledges = dict(zip(header, rows[1], strict=True))
    assert (pledges["Baseline"], pledges["Target"], pledges["Due"]) == ("3", "32", "2027-05-31")


def test_asks_activities_and_spend_write_dates_as_the_plan_does() -> None:
    ctas = _table("--table", "ctas")
    assert ctas[0][:3] == ["Journey", "Stage", "Level"]
    assert len(ctas) == 6  # five asks
    assert ctas[2][-1] == "2027-02-12"
    rows = _table("--table", "activities")
    activities = {row[0]: row for row in rows}
    assert activities["air-report"][2] == "2027-02"  # a month, as written
    meetings = [row[2] for row in rows if row[0] == "leader-meeting"]
    assert meetings == ["2027-03-10", "2027-05-12"]  # a row for each date
    spend = _table("--table", "spend")
    assert spend[0] == ["Date", "Amount (GBP)", "For", "Note"]
    assert spend[2] == ["2027-02", "1200", "street-captains", ""]


def test_a_file_is_written_whole_with_crlf_lines(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    result = run_cli("export", str(REAL_ADDITIONS), "-o", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote the results table (1 row) to {out}\n"
    assert (
        out.read_bytes()
        == "\ufeffMeasure,Date,Value\r\ncouncillor-pledges,2027-02-01,9\r\n".encode()
    )
    assert [path.name for path in tmp_path.iterdir()] == ["results.csv"]


def test_an_exported_results_file_takes_new_rows_back(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(REAL_ADDITIONS.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "results.csv"
    assert run_cli("export", str(plan), "-o", str(out)).returncode == 0
    # the data officer keeps the header, replaces the old rows with this week's
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    out.write_text(f"{header}\ncouncillor-pledges,2027-03-01,14\n", encoding="utf-8")
    result = run_cli("record", str(plan), "--from", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert _results(plan)[-1] == ["councillor-pledges", "2027-03-01", "14"]


def _results(plan: Path) -> list[list[str]]:
    result = run_cli("export", str(plan), "-f", "csv", "-o", "-")
    return list(csv.reader(io.StringIO(result.stdout.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--table", "budget"), "--table: 'budget' is not a table"),
        (("-f", "ics", "--table", "results"), "--table chooses the table of a CSV file"),
        (
            (
                "-f",
                "pdf",
            ),
            "'pdf' is not a format",
        ),
        (("-o", "results.txt"), "say which format"),
        (("-o", "copy.yaml"), "copy.yaml is a plan's name: export never writes a plan"),
        (("-f", "csv", "-o", "plan.ics"), "plan.ics ends in .ics, but --format csv writes"),
        (("-f", "csv", "--today", "15/03/2027"), "is not a date"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_cli("export", str(REAL_ADDITIONS), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_never_imports_jinja_or_weasyprint_and_csv_no_spreadsheet_library() -> None:
    script = (
        "import sys\n"
        "from movekit.cli import main\n"
        f"plan = {str(REAL_ADDITIONS)!r}\n"
        "def run(*argv):\n"
        "    sys.argv = ['movekit', 'export', plan, *argv]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "def loaded(names):\n"
        "    return sorted(m for m in sys.modules if m.split('.')[0] in names)\n"
        "run('-f', 'csv')\n"
        "print('CSV', loaded({'openpyxl', 'icalendar', 'jinja2', 'weasyprint'}), file=sys.stderr)\n"
        "run('-f', 'ics')\n"
        "print('ICS', loaded({'openpyxl', 'jinja2', 'weasyprint'}), file=sys.stderr)\n"
        "import os, tempfile\n"
        "run('-o', os.path.join(tempfile.mkdtemp(), 'plan.xlsx'))\n"
        "print('ALL', loaded({'jinja2', 'weasyprint', 'ruamel'}), file=sys.stderr)\n"
        "print('USED', loaded({'openpyxl', 'icalendar'}) != [], file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=REPO
    )
    for line in ("CSV []", "ICS []", "ALL []", "USED True"):
        assert line in result.stderr, result.stderr
