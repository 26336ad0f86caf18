"""Messages a campaign lead met in review: an id of the wrong kind (MK005), the year hint of
MK606, `record --for` naming nothing, the init skeleton's comments, and piped `explain`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Finding
from movekit.scaffold.answers import ChannelAnswer
from movekit.scaffold.starter import Answers, AudienceAnswer, StageAnswer, skeleton_plan
from movekit.source import parse
from tests.conftest import run_cli

BASE = """\
movekit: 1
campaign: {name: Rent Fair, goal: The city caps rent rises}
outcomes:
  - id: policy
    title: The cap is adopted
    type: policy
    measures:
      - {id: pledges, metric: Councillors pledged}
audiences:
  - {id: parents, name: Parents}
  - {id: tenants, name: Tenants}
journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - {id: hear, name: Hear, level: awareness}
  - id: tenants-journey
    audience: tenants
    stages:
      - {id: hear, name: Hear, level: awareness}
stakeholders:
  - id: rebny
    name: Real Estate Board
    stance: opponent
    arguments:
      - {id: rents-rise, says: Rents rise anyway}
      - {id: no-homes, says: Fewer homes get built}
    audiences: [tenants]
messages:
  - {id: fair, text: A fair rent for every home, answers: [rents-rise]}
assumptions:
  - {id: heard, text: Parents hear us, about: [parents-journey/hear]}
"""

WRONG_KIND = [
    # (what, text in BASE, what replaces it, the MK005 message)
    (
        "a stakeholder where an argument belongs names its arguments",
        "answers: [rents-rise]",
        "answers: [rebny]",
        "'rebny' is a stakeholder, not an argument; its arguments: rents-rise, no-homes",
    ),
    (
        "a journey where an audience belongs names its audience",
        "audience: tenants\n",
        "audience: parents-journey\n",
        "'parents-journey' is a journey, not an audience; its audience is 'parents'",
    ),
    (
        "a measure where an outcome belongs names the outcome it is in",
        "outcomes: [policy]",
        "outcomes: [pledges]",
        "'pledges' is a measure, not an outcome; its outcome is 'policy'",
    ),
    (
        "an argument where a stakeholder's audience belongs, with nothing to relate",
        "audiences: [tenants]",
        "audiences: [rents-rise]",
        "'rents-rise' is an argument, not an audience",
    ),
    (
        "an audience where the journey of a JOURNEY/ID belongs",
        "about: [parents-journey/hear]",
        "about: [parents/hear]",
        "'parents' is an audience, not a journey",
    ),
]


def _mk005(text: str) -> list[Finding]:
    found = check_text(text, today=dt.date(2027, 1, 1), settings=Settings(select=()))
    return [f for f in found if f.code == "MK005"]


def test_the_base_plan_has_no_broken_reference() -> None:
    assert _mk005(BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "message"), [c[1:] for c in WRONG_KIND], ids=[c[0] for c in WRONG_KIND]
)
def test_an_id_of_another_kind_says_what_it_is(old: str, new: str, message: str) -> None:
    assert BASE.count(old) == 1
    found = _mk005(BASE.replace(old, new))
    assert [f.message for f in found] == [message]
    assert "Use an id declared under" in found[0].hint or "Use the id" in found[0].hint


def test_the_hint_names_the_kind_in_the_plural() -> None:
    plan = BASE + "activities:\n  - {id: walk, what: A walk, serves: [policy]}\n"
    found = _mk005(plan.replace("about: [parents-journey/hear]", "about: [activity:wlk]"))
    assert [f.message for f in found] == ["Activity 'wlk' does not exist: did you mean 'walk'?"]
    assert found[0].hint == "Use an id declared under activities (known: walk)"


FUTURE = """\
movekit: 1
campaign: {{name: Rent Fair, goal: The city caps rent rises{dates}}}
outcomes:
  - id: policy
    title: The cap is adopted
    type: policy
    measures:
      - {{id: pledges, metric: Councillors pledged}}
audiences:
  - {{id: tenants, name: Tenants}}
results:
  - {{measure: pledges, date: {date}, value: 3}}
"""

YEAR_HINT = [
    # (what, campaign dates, the result's date, today, the year fix offered or None)
    ("three weeks ahead is recorded early", "", "2017-01-05", "2016-12-15", None),
    (
        "three weeks ahead in a campaign a year long is still recorded early",
        ", starts: 2015-06-01",
        "2017-01-05",
        "2016-12-15",
        None,
    ),
    ("a year ahead, a day back this year", "", "2028-12-14", "2027-12-15", "2027-12-14"),
    ("decades ahead, recently", "", "2072-11-01", "2027-12-15", "2027-11-01"),
    ("decades ahead, before the campaign", ", starts: 2027-09", "2072-03-01", "2027-12-15", None),
    (
        "decades ahead, in the campaign",
        ", starts: 2027-02",
        "2072-03-01",
        "2027-12-15",
        "2027-03-01",
    ),
    ("decades ahead, months back, no dates", "", "2072-03-01", "2027-12-15", None),
]


@pytest.mark.parametrize(
    ("dates", "date", "today", "fix"), [c[1:] for c in YEAR_HINT], ids=[c[0] for c in YEAR_HINT]
)
def test_the_year_fix_is_offered_only_when_it_is_plausible(
    dates: str, date: str, today: str, fix: str | None
) -> None:
    plan = FUTURE.format(dates=dates, date=date)
    found = check_text(
        plan, today=dt.date.fromisoformat(today), settings=Settings(select=("MK606",))
    )
    assert [f.code for f in found] == ["MK606"]
    if fix is None:
        assert "typing mistake" not in found[0].hint
        assert "record it on the day" in found[0].hint
    else:
        assert found[0].hint.startswith(f"If the year is a typing mistake, write {fix};")


PLAN_WITHOUT_WORK = """\
movekit: 1
campaign: {name: Rent Fair, goal: The city caps rent rises, budget: 2000}
outcomes:
  - {id: policy, title: The cap is adopted, type: policy}
audiences:
  - {id: tenants, name: Tenants}
"""


def test_spending_for_nothing_in_the_plan_says_what_to_do(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITHOUT_WORK, encoding="utf-8")
    done = run_cli("record", str(plan), "--spent", "80", "--for", "flyers")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: --for: 'flyers' names nothing in the plan: add the activity (or mechanism) "
        "to the plan first, or leave it out"
    )
    assert plan.read_text(encoding="utf-8") == PLAN_WITHOUT_WORK


def test_the_skeleton_teaches_record_plain_budgets_and_channel_names(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--no-input", "--no-git").returncode == 0
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "# budget: 24000            # a plain number: no £ and no commas" in text
    for section, command in [
        ("reviews", "movekit record plan.yaml --review launch"),
        ("results", "movekit record plan.yaml MEASURE-ID 120"),
        ("spend", "movekit record plan.yaml --spent 3850 --for ACTIVITY-ID"),
    ]:
        comment = text.split(f"\n{section}: []")[0].rsplit("\n\n", 1)[1]
        assert f"#     {command}" in comment, section
    channels = text.split("\nchannels: []")[0].rsplit("\n\n", 1)[1]
    assert "name: Parents' WhatsApp groups" in channels


def test_the_skeleton_writes_each_channel_s_name_as_typed() -> None:
    stage = StageAnswer("Hear", "awareness", "Sign up", "online", channels=["Parents' WhatsApp"])
    answers = Answers(
        audiences=[AudienceAnswer("Parents", stages=[stage], channels=["Parents' WhatsApp"])],
        channels=[ChannelAnswer("Parents' WhatsApp", "online", "Digital team")],
    )
    text = skeleton_plan(answers)
    channels = parse(text).data["channels"]
    assert [(c["id"], c["name"]) for c in channels] == [("parents-whatsapp", "Parents' WhatsApp")]
    found = check_text(text, today=dt.date(2027, 1, 1), settings=Settings())
    assert not {f.code for f in found} & {"MK002", "MK003", "MK004", "MK005"}


@pytest.mark.parametrize(
    "args", [["explain", "MK609"], ["rules"], ["docs", "rules"], ["docs"]], ids=" ".join
)
def test_piped_output_has_no_line_ending_in_a_space(args: list[str]) -> None:
    done = run_cli(*args, env={"COLUMNS": None})
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) > 5
    assert [line for line in lines if line.endswith(" ")] == []
