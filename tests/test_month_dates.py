"""Dates written by the month (`2027-03`): a start month is its first day, every other date
its last day; bad months get advice; schema and check agree; fmt and record keep the text;
status and render show a month as a month."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from movekit.model import Plan
from movekit.months import MonthDay, is_month, month_day, written
from movekit.opening import open_plan
from movekit.render.formatting import long_date, short_date
from tests.conftest import run_cli
from tests.test_schema_agreement import check_codes, schema_errors, with_measure, with_result

EVERY_DATE = """\
movekit: 1
campaign: {{name: Fair Rents, goal: Right to counsel passes, starts: {v}, ends: {v}}}
outcomes:
  - id: law
    title: Council passes the law
    type: policy
    measures:
      - {{id: signers, metric: Petition signers, target: 1000, due: {v}}}
audiences:
  - {{id: tenants, name: Tenants}}
journeys:
  - id: tenants-journey
    audience: tenants
    stages:
      - level: action
        ctas:
          - {{ask: Come to the hearing, mode: offline, date: {v}}}
phases:
  - {{id: spring, name: Spring push, starts: {v}, ends: {v}, review: {v}}}
assumptions:
  - {{id: turnout, text: Tenants come to hearings, test-by: {v}}}
risks:
  - {{id: weather, risk: Rain keeps people home, review-by: {v}}}
reviews:
  - {{phase: spring, date: {v}}}
results:
  - {{measure: signers, date: {v}, value: 10}}
"""

FIELDS = {
    "campaign starts": (lambda p: p.campaign.starts, "first"),
    "campaign ends": (lambda p: p.campaign.ends, "last"),
    "measure due": (lambda p: p.outcomes[0].measures[0].due, "last"),
    "ask date": (lambda p: p.journeys[0].stages[0].ctas[0].date, "last"),
    "phase starts": (lambda p: p.phases[0].starts, "first"),
    "phase ends": (lambda p: p.phases[0].ends, "last"),
    "phase review": (lambda p: p.phases[0].review, "last"),
    "assumption test-by": (lambda p: p.assumptions[0].test_by, "last"),
    "risk review-by": (lambda p: p.risks[0].review_by, "last"),
    "review date": (lambda p: p.reviews[0].date, "last"),
    "result date": (lambda p: p.results[0].date, "last"),
}
MONTHS = {
    "2027-03": (dt.date(2027, 3, 1), dt.date(2027, 3, 31)),
    "2027-04": (dt.date(2027, 4, 1), dt.date(2027, 4, 30)),
    "2028-02": (dt.date(2028, 2, 1), dt.date(2028, 2, 29)),  # a leap year
    "2027-02": (dt.date(2027, 2, 1), dt.date(2027, 2, 28)),
    "2100-02": (dt.date(2100, 2, 1), dt.date(2100, 2, 28)),  # no leap day in 2100
    "9999-12": (dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
}


def _plan(value: str) -> Plan:
    checked = open_plan(EVERY_DATE.format(v=value).encode(), lint=False)
    assert checked.findings == [], [f.message for f in checked.findings]
    assert checked.plan is not None
    return checked.plan


def _one(value: Any) -> Any:
    """An ask's date may be one date or a list of dates."""
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("month", sorted(MONTHS))
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_start_month_is_its_first_day_and_every_other_its_last(field: str, month: str) -> None:
    read, meaning = FIELDS[field]
    first, last = MONTHS[month]
    day = _one(read(_plan(month)))
    assert day == (first if meaning == "first" else last)
    assert is_month(day) and written(day) == month


def test_a_day_stays_a_day() -> None:
    day = _plan("2027-03-15").outcomes[0].measures[0].due
    assert day == dt.date(2027, 3, 15) and not is_month(day) and written(day) == "2027-03-15"


def test_arithmetic_on_a_month_gives_a_plain_day() -> None:
    march = month_day("2027-03", first=False)
    assert march is not None
    for day in (march + dt.timedelta(days=1), dt.timedelta(days=1) + march):
        assert day == dt.date(2027, 4, 1) and type(day) is dt.date
    assert type(march - dt.timedelta(days=1)) is dt.date
    assert march - dt.date(2027, 3, 1) == dt.timedelta(days=30)
    assert type(march.replace(day=2)) is dt.date


BAD_MONTHS = {
    "2027-13": "'2027-13' is not a date: there is no month 13: write the month as 01 to 12, "
    "such as 2027-03",
    "2027-00": "'2027-00' is not a date: there is no month 0: write the month as 01 to 12, "
    "such as 2027-03",
    "2027-3": "'2027-3' is not a date: write 2027-03",
    "0000-03": "'0000-03' is not a date: there is no year 0",
    "March 2027": "'March 2027' is not a date: write 2027-03",
    "3/2027": "'3/2027' is not a date: write 2027-03",
    "next spring": "'next spring' is not a date: write it as YYYY-MM-DD, such as 2027-03-31, "
    "or YYYY-MM for a month",
}


@pytest.mark.parametrize("value", sorted(BAD_MONTHS))
@pytest.mark.parametrize("field", ["due", "starts"])
def test_a_bad_month_is_mk002_with_advice(value: str, field: str) -> None:
    text = with_measure(due=value) if field == "due" else _with_start(value)
    checked = open_plan(text.encode(), lint=False)
    assert [(f.code, f.message) for f in checked.findings] == [("MK002", BAD_MONTHS[value])]


def _with_start(value: str) -> str:
    return with_measure().replace(
        "  goal: Council adopts School Streets\n",
        (f"  goal: Council adopts School Streets\n  starts: {value}\n"),
    )


@pytest.mark.parametrize("value", ["2027-13", "2027-00", "2027-3", "0000-03", "202703"])
def test_the_schema_refuses_the_months_check_refuses(value: str) -> None:
    for text in (with_measure(due=value), with_result(date=value), _with_start(value)):
        assert check_codes(text), f"check accepts {value}"
        assert schema_errors(text), f"the schema accepts {value}"


@pytest.mark.parametrize("value", ["2027-01", "2027-12", "2028-02", "9999-12", "0001-01"])
def test_the_schema_accepts_the_months_check_accepts(value: str) -> None:
    for text in (with_measure(due=value), with_result(date=value), _with_start(value)):
        assert (schema_errors(text), check_codes(text)) == ([], [])


def test_render_reads_a_month_as_a_month() -> None:
    march = month_day("2027-03", first=True)
    assert (long_date(march), short_date(march)) == ("March 2027", "Mar 2027")
    assert (long_date(dt.date(2027, 3, 1)), short_date(dt.date(2027, 3, 1))) == (
        "1 March 2027",
        "1 Mar 2027",
    )


# Through the real command line: a measure due in March and a phase reviewed in April.
MONTH_PLAN = """\
movekit: 1
campaign: {name: Fair Rents, goal: Right to counsel passes, starts: 2027-01, ends: 2027-12}
outcomes:
  - id: law
    title: Council passes the law
    type: policy
    measures:
      - {id: signers, metric: Petition signers, baseline: 0, target: 1000, due: 2027-03}
audiences:
  - {id: tenants, name: Tenants}
phases:
  - {id: spring, name: Spring push, starts: 2027-02, ends: 2027-03, review: 2027-04}
results:
  - {measure: signers, date: 2027-02, value: 300}
"""


def _write(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MONTH_PLAN, encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("today", "codes"),
    [
        ("2027-03-31", []),  # the due month's last day: not missed yet
        ("2027-04-01", ["MK605"]),
        ("2027-04-30", ["MK605"]),  # the review month's last day: not overdue yet
        ("2027-05-01", ["MK602", "MK605"]),
    ],
)
def test_check_reads_a_due_or_review_month_as_its_last_day(
    tmp_path: Path, today: str, codes: list[str]
) -> None:
    plan = _write(tmp_path)
    done = run_cli(
        "check",
        "--no-cache",
        "--today",
        today,
        "--select",
        "MK103,MK602,MK605",
        "--format",
        "json",
        str(plan),
    )
    found = sorted(finding["code"] for finding in json.loads(done.stdout)["findings"])
    assert found == codes, done.stdout + done.stderr
    assert done.returncode == (1 if codes else 0)


def test_check_explains_a_bad_month_in_the_plan_s_words(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MONTH_PLAN.replace("due: 2027-03", "due: 2027-3"), encoding="utf-8")
    done = run_cli("check", "--no-cache", str(plan))
    assert done.returncode == 1
    assert "MK002" in done.stdout and "'2027-3' is not a date: write 2027-03" in done.stdout
    assert "plan.yaml:8:" in done.stdout and "Traceback" not in done.stderr


def test_status_shows_months_as_written_and_json_gives_the_day(tmp_path: Path) -> None:
    plan = _write(tmp_path)
    text = run_cli("status", "--today", "2027-04-15", str(plan)).stdout
    assert "2027-03 " in text and "2027-03-31" not in text
    assert "Next review: 2027-04 for spring" in text
    data = json.loads(
        run_cli("status", "--today", "2027-04-15", "--format", "json", str(plan)).stdout
    )
    assert data["measures"][0]["due"] == "2027-03-31"
    assert data["measures"][0]["status"] == "missed"
    assert (data["phases"][0]["starts"], data["phases"][0]["review"]) == (
        "2027-02-01",
        "2027-04-30",
    )


def test_fmt_and_record_keep_months_as_written(tmp_path: Path) -> None:
    plan = _write(tmp_path)
    assert run_cli("fmt", str(plan)).returncode == 0
    recorded = run_cli(
        "record", str(plan), "signers", "500", "--date", "2027-03-20", "--today", "2027-04-01"
    )
    assert recorded.returncode == 0, recorded.stderr
    text = plan.read_text("utf-8")
    for kept in ("due: 2027-03}", "starts: 2027-01,", "review: 2027-04}", "date: 2027-02,"):
        assert kept in text
    assert "date: 2027-03-20, value: 500" in text
    assert run_cli("fmt", "--check", str(plan)).returncode == 0


def test_a_month_day_is_a_date_to_every_rule() -> None:
    march = month_day("2027-03", first=False)
    assert isinstance(march, MonthDay) and isinstance(march, dt.date)
    assert march == dt.date(2027, 3, 31) and hash(march) == hash(dt.date(2027, 3, 31))
    assert month_day("2027-13", first=True) is None and month_day("2027-3", first=True) is None


def test_the_init_wizard_takes_a_month_for_a_date(tmp_path: Path) -> None:
    answers = [
        *["Fair Rents", "Right to counsel passes", "2027-01", "2027-13", "2027-12"],
        *["Council passes the law", "policy", "", "", ""],
        *["Tenants", "", "", ""],
        *["Hears of it", "", "", "Sign the petition", "online"],
        *["Comes to the hearing", "action", "", "Come to the hearing", "offline"],
        *["", "none", "", "", "", "", ""],
    ]
    done = run_cli(
        "init", str(tmp_path), "--interactive", "--no-git", stdin="\n".join(answers) + "\n"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "'2027-13' is not a date: try again, such as 2027-06-30 or 2027-06" in done.stdout
    plan = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "starts: 2027-01\n" in plan and "ends: 2027-12\n" in plan
    checked = open_plan(plan.encode(), lint=False)
    assert checked.plan is not None and checked.plan.campaign.ends == dt.date(2027, 12, 31)


def test_render_shows_months_as_months(tmp_path: Path) -> None:
    plan, document = _write(tmp_path), tmp_path / "plan.md"
    done = run_cli("render", str(plan), "--today", "2027-03-15", "-o", str(document))
    assert done.returncode == 0, done.stderr
    text = document.read_text(encoding="utf-8")
    assert "January 2027 to December 2027" in text
    assert "| Feb 2027 | 300 |" in text  # the result's row in the measure's chart table
    assert "| Spring push | Feb 2027 to Mar 2027 | Apr 2027 |" in text
