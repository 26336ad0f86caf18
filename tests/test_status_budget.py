"""`movekit status` on the additions for real plans: the budget line, the activities near
today, and relative targets worked out and rounded as people read them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from movekit.model import Measure, Plan
from movekit.progress import target_words
from movekit.review.activities import activities_near
from movekit.review.budget import budget_row
from movekit.source import parse
from movekit.validate import validate
from tests.conftest import REPO, run_cli
from tests.golden import assert_golden

REAL = "tests/data/real-additions.yaml"
TODAY = "2027-03-15"

BASE = """\
movekit: 1
campaign:
  name: Budget test
  goal: The council says yes
  starts: 2027-01-01
  ends: 2027-12-31
{campaign}
audiences: [{{id: people, name: People}}]
outcomes:
  - {{id: yes, title: Yes, type: policy}}
{rest}
"""


def _plan(campaign: str = "", rest: str = "") -> Plan:
    document = parse(BASE.format(campaign=campaign, rest=rest))
    plan, problems = validate(document.data, document.root)
    assert plan is not None, problems
    return plan


def test_text_output_matches_the_golden_file() -> None:
    result = run_cli("status", REAL, "--today", TODAY, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "Budget: £3,550 of £24,000 spent (15%) · 31% of the campaign gone" in result.stdout
    assert_golden("status-real-additions.txt", result.stdout)


def test_json_output_matches_the_golden_file() -> None:
    result = run_cli("status", REAL, "--today", TODAY, "--format", "json", cwd=REPO)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["budget"] == {
        "total": 24000,
        "currency": "GBP",
        "spent": 3550,
        "spent_share": round(3550 / 24000, 4),
        "time_share": round(63 / 201, 4),  # 11 January to 15 March, of 11 January to 31 July
    }
    assert [row["id"] for row in document["activities"]] == ["air-report", "leader-meeting"]
    assert document["activities"][1] == {
        "id": "leader-meeting",
        "what": "Meet the council leader with three head teachers",
        "dates": ["2027-03-10", "2027-05-12"],
        "phase": None,
        "owner": "Policy lead",
    }
    assert_golden("status-real-additions.json", result.stdout)


@pytest.mark.parametrize(
    ("campaign", "spend", "today", "words"),
    [
        (
            "  budget: 1000\n  currency: EUR",
            "",
            "2027-07-02",
            "€0 of €1,000 spent (0%) · 50% of the campaign gone",
        ),
        (
            "  budget: 1000\n  currency: £",
            "250",
            "2027-07-02",
            "£250 of £1,000 spent (25%) · 50% of the campaign gone",
        ),
        (
            "  budget: 1000",
            "250",
            "2026-12-01",
            "0 of 1,000 spent (0%) · 0% of the campaign gone",
        ),
        (
            "  budget: 1000",
            "1250",
            "2028-03-01",
            "1,250 of 1,000 spent (125%) · 100% of the campaign gone",
        ),
        ("  currency: GBP", "3550", "2027-07-02", "£3,550 spent"),
        (
            "  budget: 900\n  currency: CHF",
            "90",
            "2027-07-02",
            "90 of 900 CHF spent (10%) · 50% of the campaign gone",
        ),
        ("", "99.5", "2027-07-02", "99.5 spent"),
    ],
    ids=["no-spend", "symbol", "before-start", "overspent", "no-budget", "code", "no-currency"],
)
def test_the_budget_line(campaign: str, spend: str, today: str, words: str) -> None:
    rest = f"spend:\n  - {{date: 2027-01-05, amount: {spend}}}\n" if spend else ""
    row = budget_row(_plan(campaign, rest), dt.date.fromisoformat(today))
    assert row is not None
    assert row.words() == words


def test_spending_after_today_is_not_counted_yet() -> None:
    rest = "spend:\n  - {date: 2027-01-05, amount: 10}\n  - {date: 2027-02, amount: 5}\n"
    plan = _plan("  budget: 100", rest)
    assert budget_row(plan, dt.date(2027, 2, 27)).spent == 10  # type: ignore[union-attr]
    assert budget_row(plan, dt.date(2027, 2, 28)).spent == 15  # type: ignore[union-attr]


def test_no_budget_line_without_a_budget_or_spending() -> None:
    plan = _plan()
    assert budget_row(plan, dt.date(2027, 3, 1)) is None
    shown = run_cli("status", "-", "--today", "2027-03-01", stdin=BASE.format(campaign="", rest=""))
    assert "Budget:" not in shown.stdout
    assert "Activities" not in shown.stdout
    as_json = run_cli("status", "-", "-f", "json", stdin=BASE.format(campaign="", rest=""))
    assert (json.loads(as_json.stdout)["budget"], json.loads(as_json.stdout)["activities"]) == (
        None,
        [],
    )


ACTIVITIES = """\
activities:
  - {id: far-before, what: A, date: 2027-02-14}
  - {id: first-day, what: B, date: 2027-02-15}
  - {id: month, what: C, date: 2027-01}
  - {id: last-day, what: D, date: 2027-04-12, owner: Press team}
  - {id: far-after, what: E, date: 2027-04-13}
  - {id: later-month, what: F, date: 2027-04}
  - {id: undated, what: G, phase: push}
  - {id: two-dates, what: H, date: [2026-11-02, 2027-03-20]}
phases: [{id: push, name: Push}]
"""


def test_activities_in_the_28_days_either_side_of_today_soonest_first() -> None:
    near = activities_near(_plan(rest=ACTIVITIES), dt.date(2027, 3, 15))
    assert [(row.activity.id, row.first) for row in near] == [
        ("first-day", dt.date(2027, 2, 15)),
        ("two-dates", dt.date(2027, 3, 20)),
        ("later-month", dt.date(2027, 4, 1)),  # April counts from its first day
        ("last-day", dt.date(2027, 4, 12)),
    ]
    # January ends on the 31st: in the window from 28 February
    assert "month" in [
        row.activity.id for row in activities_near(_plan(rest=ACTIVITIES), dt.date(2027, 2, 28))
    ]
    assert "month" not in [
        row.activity.id for row in activities_near(_plan(rest=ACTIVITIES), dt.date(2027, 3, 1))
    ]


def test_activities_text_shows_dates_as_written_with_owners() -> None:
    text = BASE.format(campaign="", rest=ACTIVITIES)
    shown = run_cli("status", "-", "--today", "2027-03-15", stdin=text).stdout
    part = shown.split("Activities (dated in the four weeks before or after today)\n")[1]
    lines = [line.rstrip() for line in part.splitlines()[2:6]]
    assert [line.split()[:2] for line in lines] == [
        ["2027-02-15", "first-day"],
        ["2026-11-02,", "2027-03-20"],
        ["2027-04", "later-month"],
        ["2027-04-12", "last-day"],
    ]
    assert lines[3].endswith("Press team")
    none = run_cli("status", "-", "--today", "2028-06-01", stdin=text).stdout
    assert "None: no activity is dated in those eight weeks." in none


@pytest.mark.parametrize(
    ("baseline", "target", "words"),
    [
        (1234, "+15%", "+15% (1,419)"),  # 1,419.1 people: whole when the baseline is
        (3, "+33.33%", "+33.33% (4)"),
        (1234.5, "+15%", "+15% (1,419.67)"),  # a baseline with decimals: at most two
        (1000, "-12.5%", "-12.5% (875)"),
    ],
)
def test_relative_targets_are_rounded_as_people_read_them(
    baseline: float, target: str, words: str
) -> None:
    measure = Measure.model_validate(
        {"id": "m", "metric": "M", "baseline": baseline, "target": target}
    )
    assert target_words(measure) == words


def test_status_shows_a_relative_target_rounded() -> None:
    rest = "results: [{measure: reach, date: 2027-02-01, value: 1300}]\n"
    text = BASE.format(campaign="", rest=rest).replace(
        "type: policy}",
        "type: policy, measures: [{id: reach, metric: Reach, baseline: 1234, target: '+15%', "
        "due: 2027-06-30}]}",
    )
    shown = run_cli("status", "-", "--today", "2027-03-01", stdin=text).stdout
    assert "+15% (1,419)" in shown
    assert "1,419.1" not in shown


def test_the_documented_budget_and_activities_are_real_output() -> None:
    doc = (REPO / "docs" / "review-loop.md").read_text(encoding="utf-8")
    start = doc.index("the two parts left out):")
    shown = doc[
        doc.index("```text\n", start) + 8 : doc.index("```", doc.index("```text\n", start) + 8)
    ]
    real = [
        line.rstrip()
        for line in run_cli("status", REAL, "--today", TODAY, cwd=REPO).stdout.splitlines()
    ]
    lines = [line.rstrip() for line in shown.splitlines()]
    at = real.index(lines[0])
    assert real[at : at + 1] == lines[:1]
    activities = real.index(lines[2])
    assert real[activities : activities + len(lines) - 2] == lines[2:]
