"""`movekit export --format ics`: the plan's dates as a calendar, read back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import REPO, run_cli
from tests.golden import assert_golden

REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = "2027-03-15"

MONTH_PLAN = """\
movekit: 1
campaign: {name: Fair Rents, goal: A rent cap, starts: 2027-01, ends: 2027-06}
outcomes:
  - id: cap
    title: The council caps rents
    type: policy
    measures:
      - {id: signatures, metric: Tenants who signed, target: 500, due: 2027-03, owner: Ana}
      - {id: vote, metric: The council votes, kind: milestone, due: 2027-05-20}
audiences:
  - {id: tenants, name: Tenants}
journeys:
  - id: tenants-journey
    audience: tenants
    stages:
      - level: action
        ctas:
          - {ask: Come to the hearing, mode: offline, date: [2027-02-03, 2027-03]}
phases:
  - {id: build, name: Build, starts: 2027-01, ends: 2027-03, review: 2027-04}
"""


def _calendar(*args: str, cwd: Path | None = None) -> tuple[bytes, icalendar.Calendar]:
    result = run_cli("export", *args, "--format", "ics", "--today", TODAY, cwd=cwd)
    assert result.returncode == 0, result.stderr
    data = result.stdout.encode("utf-8")
    return data, icalendar.Calendar.from_ical(data)


def _events(calendar: icalendar.Calendar) -> dict[str, Any]:
    events = list(calendar.walk("VEVENT"))
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), "one event per item, each with its own UID"
    return dict(zip(uids, events, strict=True))


def _days(event: Any) -> tuple[dt.date, dt.date]:
    """The first and last day of an all-day event (DTEND is the day after the last)."""
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert type(start) is dt.date and type(end) is dt.date, "all-day: dates, not times"
    return start, end - dt.timedelta(days=1)


@pytest.fixture(scope="module")
def real() -> dict[str, Any]:
    _, calendar = _calendar(str(REAL_ADDITIONS))
    return _events(calendar)


def test_every_dated_item_is_one_all_day_event(real: dict[str, Any]) -> None:
    expected = {
        "campaign": (dt.date(2027, 1, 11), dt.date(2027, 7, 31), "Campaign"),
        "phase-launch": (dt.date(2027, 1, 11), dt.date(2027, 2, 28), "Phase"),
        "review-launch": (dt.date(2027, 3, 3), dt.date(2027, 3, 3), "Review"),
        "review-push": (dt.date(2027, 6, 1), dt.date(2027, 6, 1), "Review"),
        "measure-councillor-pledges": (dt.date(2027, 5, 31), dt.date(2027, 5, 31), "Measure due"),
        "cta-parents-journey-walking-bus": (
            dt.date(2027, 2, 12),
            dt.date(2027, 2, 12),
            "Call to action",
        ),
        "cta-councillors-journey-pledge": (
            dt.date(2027, 5, 20),
            dt.date(2027, 5, 20),
            "Call to action",
        ),
        # a month is an event on the day it stands for: its last day
        "activity-air-report": (dt.date(2027, 2, 28), dt.date(2027, 2, 28), "Activity"),
        # two dates, two events; no date but a phase: the phase's span
        "activity-leader-meeting-1": (dt.date(2027, 3, 10), dt.date(2027, 3, 10), "Activity"),
        "activity-leader-meeting-2": (dt.date(2027, 5, 12), dt.date(2027, 5, 12), "Activity"),
        "activity-traders-breakfast": (dt.date(2027, 3, 1), dt.date(2027, 7, 31), "Activity"),
        "assumption-parents-act-on-data": (dt.date(2027, 3, 3), dt.date(2027, 3, 3), "Assumption"),
        "risk-gate-backlash": (dt.date(2027, 4, 1), dt.date(2027, 4, 1), "Risk"),
    }
    for key, (first, last, category) in expected.items():
        event = real[f"clean-air-streets-{key}@movekit"]
        assert _days(event) == (first, last), key
        assert [str(c) for c in event["CATEGORIES"].cats] == [category], key
    # asks without a date have no event
    assert not [uid for uid in real if "check-map" in uid]
    assert len(real) == 18


def test_descriptions_are_plain_words_with_the_owner_and_status(real: dict[str, Any]) -> None:
    due = real["clean-air-streets-measure-councillor-pledges@movekit"]
    assert str(due["SUMMARY"]) == "Target due: Councillors publicly pledged to vote yes"
    description = str(due["DESCRIPTION"])
    assert "Owner: Policy lead." in description
    assert f"Status on {TODAY}: behind." in description  # as `movekit status` says
    risk = str(real["clean-air-streets-risk-walker-safety@movekit"]["DESCRIPTION"])
    assert "Children walking in traffic" in risk and "Owner: Volunteer coordinators." in risk
    breakfast = str(real["clean-air-streets-activity-traders-breakfast@movekit"]["DESCRIPTION"])
    assert "during the phase 'push'" in breakfast


def test_two_runs_give_the_same_file_and_uids_survive_a_changed_plan(tmp_path: Path) -> None:
    first, calendar = _calendar(str(REAL_ADDITIONS))
    again, _ = _calendar(str(REAL_ADDITIONS))
    assert first == again
    text = REAL_ADDITIONS.read_text(encoding="utf-8")
    changed = text.replace("    review: 2027-06-01\n", "    review: 2027-06-08\n").replace(
        "phases:\n",
        "phases:\n  - {id: prep, name: Preparation, starts: 2027-01-01, ends: 2027-01-10}\n",
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(changed, encoding="utf-8")
    _, moved = _calendar(str(plan))
    old, new = _events(calendar), _events(moved)
    assert set(old) < set(new)  # the same UIDs, and the new phase's event
    assert set(new) - set(old) == {"clean-air-streets-phase-prep@movekit"}
    review = new["clean-air-streets-review-push@movekit"]
    assert _days(review)[0] == dt.date(2027, 6, 8)  # the event moved, under its old UID


def test_months_are_events_on_the_day_they_stand_for(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MONTH_PLAN, encoding="utf-8")
    _, calendar = _calendar(str(plan))
    events = _events(calendar)
    day = {uid.removeprefix("fair-rents-").removesuffix("@movekit"): e for uid, e in events.items()}
    assert _days(day["campaign"]) == (dt.date(2027, 1, 1), dt.date(2027, 6, 30))
    assert _days(day["phase-build"]) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert _days(day["review-build"]) == (dt.date(2027, 4, 30),) * 2
    assert _days(day["measure-signatures"]) == (dt.date(2027, 3, 31),) * 2
    assert "The plan gives the month: 2027-03." in str(day["measure-signatures"]["DESCRIPTION"])
    assert str(day["measure-vote"]["CATEGORIES"].cats[0]) == "Milestone"
    # an ask on two dates: one event per date, numbered by its place
    assert _days(day["cta-tenants-journey-stage1-ask1-1"]) == (dt.date(2027, 2, 3),) * 2
    assert _days(day["cta-tenants-journey-stage1-ask1-2"]) == (dt.date(2027, 3, 31),) * 2
    assert len(day) == 7


def test_a_file_holds_what_standard_output_shows(tmp_path: Path) -> None:
    result = run_cli(
        "export", str(REAL_ADDITIONS), "-o", str(tmp_path / "campaign.ics"), "--today", TODAY
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote 18 events to {tmp_path / 'campaign.ics'}\n"
    written = (tmp_path / "campaign.ics").read_bytes()
    shown, _ = _calendar(str(REAL_ADDITIONS))
    assert written.startswith(b"BEGIN:VCALENDAR\r\n")  # RFC 5545 lines end in CRLF
    shown_lines = written.replace(b"\r\n", b"\n")  # run_cli reads standard output as text
    assert shown_lines == shown
    dash = run_cli("export", str(REAL_ADDITIONS), "-o", "-", "-f", "ics", "--today", TODAY)
    assert dash.stdout.encode("utf-8") == shown_lines
    assert_golden("export-real-additions.ics", written.decode("utf-8").replace("\r\n", "\n"))


def test_a_plan_with_file_level_errors_exports_nothing(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("movekit: 1\ncampaign: [\n", encoding="utf-8")
    out = tmp_path / "campaign.ics"
    result = run_cli("export", str(plan), "-o", str(out))
    assert result.returncode == 1
    assert "fix the errors above, then export again" in result.stderr
    assert not out.exists()
