"""Suggestions for mistyped values: every obvious fix is offered, and each one is valid."""

from __future__ import annotations

import re

import pytest

from movekit.findings import Problem
from movekit.model import LARGEST_NUMBER, Plan
from movekit.source import parse
from movekit.suggest import closest, date_advice, is_slug, number_advice, slug_for
from movekit.validate import validate

PLAN = """\
movekit: 1
campaign:
  name: Save our bus route 42
  goal: The council keeps route 42
  starts: 2027-01-01
outcomes:
  - id: keep-route
    title: Route 42 kept
    type: policy
    measures:
      - id: riders
        metric: Riders a week
        target: 100
audiences:
  - id: riders
    name: Regular riders
journeys:
  - id: riders-journey
    audience: riders
    outcomes: [keep-route]
    stages:
      - level: awareness
"""


def problems(text: str) -> list[Problem]:
    document = parse(text)
    return validate(document.data, document.root)[1]


def change(old: str, new: str) -> list[Problem]:
    assert old in PLAN
    return problems(PLAN.replace(old, new, 1))


def test_the_base_plan_is_valid() -> None:
    assert problems(PLAN) == []


WORDS = [
    # (old, new, expected in message, key: value the hint asks for)
    ("level: awareness", "level: engagment", "did you mean 'engagement'?", "level: engagement"),
    (
        "level: awareness",
        "level: Engagement",
        "write it in lowercase: engagement",
        "level: engagement",
    ),
    ("level: awareness", "level: ACTION", "write it in lowercase: action", "level: action"),
    (
        "level: awareness",
        "level: \u201cawareness\u201d",
        "remove the curly quotes: awareness",
        "level: awareness",
    ),
    (
        "level: awareness",
        "level: \u2018ownership\u2019",
        "remove the curly quotes: ownership",
        "level: ownership",
    ),
    ("type: policy", "type: Behaviour", "write it in lowercase: behaviour", "type: behaviour"),
    ("type: policy", "type: polcy", "did you mean 'policy'?", "type: policy"),
    ("type: policy", "type: atitude", "did you mean 'attitude'?", "type: attitude"),
]


@pytest.mark.parametrize(("old", "new", "message", "fix"), WORDS)
def test_closed_sets_suggest_the_word_meant(old: str, new: str, message: str, fix: str) -> None:
    [problem] = change(old, new)
    assert (problem.code, problem.at_value) == ("MK002", True)
    assert problem.message.endswith(message)
    assert f"`{fix}`" in problem.hint
    assert problems(PLAN.replace(old, fix, 1)) == []  # the suggestion is itself valid


def test_a_word_far_from_every_choice_lists_the_choices() -> None:
    [problem] = change("level: awareness", "level: banana")
    assert "use one of 'awareness', 'engagement', 'action' or 'ownership'" in problem.message


@pytest.mark.parametrize("kind", ["create", "contribute", "organise", "fund", "decide"])
def test_mechanism_kinds_and_channel_modes_are_suggested_too(kind: str) -> None:
    assert closest(kind.capitalize(), ["create", "contribute", "organise", "fund", "decide"]) == (
        kind,
        f"write it in lowercase: {kind}",
    )
    assert closest("ofline", ["online", "offline"]) == ("offline", "did you mean 'offline'?")


DATES = [
    ("31/12/2027", "write 2027-12-31"),
    ("12/31/2027", "write 2027-12-31"),
    ("31.12.2027", "write 2027-12-31"),
    ("5/5/2027", "write 2027-05-05"),
    ("31 Dec 2027", "write 2027-12-31"),
    ("31 December 2027", "write 2027-12-31"),
    ("December 31, 2027", "write 2027-12-31"),
    ("Dec 31 2027", "write 2027-12-31"),
    ("1st March 2027", "write 2027-03-01"),
    ("2027-3-1", "write 2027-03-01"),
    ("2027-02-30", "February 2027 has 28 days"),
    ("2028-02-30", "February 2028 has 29 days"),
    ("2027-04-31", "April 2027 has 30 days"),
    ("2027-13-01", "there is no month 13"),
    ("30/02/2027", "February 2027 has 28 days"),
    ("31 Jun 2027", "June 2027 has 30 days"),
    ("03/04/2027", "write 2027-04-03 for 3 April, or 2027-03-04 for 4 March"),
    ("2027-01-00", "there is no day 0"),
    ("1 Sept 2027", "write 2027-09-01"),
    ("next spring", "write it as YYYY-MM-DD, such as 2027-03-31, or YYYY-MM for a month"),
]


@pytest.mark.parametrize(("typed", "advice"), DATES)
def test_dates_get_the_iso_form_or_why_they_cannot_be(typed: str, advice: str) -> None:
    [problem] = change("starts: 2027-01-01", f"starts: '{typed}'")
    assert problem.message == f"'{typed}' is not a date: {advice}"
    assert problem.at_value
    for suggested in re.findall(r"\d{4}-\d{2}-\d{2}", advice):
        assert problems(PLAN.replace("2027-01-01", suggested, 1)) == []
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
        assert "YYYY-MM-DD" not in problem.message  # it is written that way already


NUMBERS = [
    ("1,000", "write 1000"),
    ("1 000", "write 1000"),
    ("1\u00a0000", "write 1000"),
    ("\u00a35,000", "write 5000"),
    ("\u20ac1,250.50", "write 1250.5"),
    ("5k", "write 5000"),
    ("2.5k", "write 2500"),
    ('"1000"', "remove the quotes: 1000"),
    ("'12.5'", "remove the quotes: 12.5"),
]


@pytest.mark.parametrize(("typed", "advice"), NUMBERS)
def test_numbers_get_the_number_to_write(typed: str, advice: str) -> None:
    [problem] = change("target: 100", f"target: {typed}")
    assert problem.message.endswith(f"is not a number: {advice}")
    assert problem.at_value
    suggested = advice.rsplit(" ", 1)[-1]
    assert problems(PLAN.replace("target: 100", f"target: {suggested}", 1)) == []


@pytest.mark.parametrize("typed", ["lots", "about a hundred", "1,00", "10%"])
def test_a_number_without_an_obvious_reading_gets_no_guess(typed: str) -> None:
    [problem] = change("target: 100", f"target: 100\n        baseline: '{typed}'")
    assert problem.message.endswith(f"'{typed}' is not a number")


def test_a_percentage_target_without_a_sign_suggests_the_relative_target() -> None:
    [problem] = change("target: 100", "target: '10%'")
    advice = "'10%' is not a target: write a change on the baseline as '+10%'"
    assert problem.message.startswith(advice)


def test_ids_suggest_a_valid_id() -> None:
    [problem] = change("- id: riders\n    name", "- id: Regular Bus Users\n    name")
    assert "write it as 'regular-bus-users'" in problem.message
    assert problem.path == ("audiences", 0, "id")


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Regular Bus Users", "regular-bus-users"),
        ("  Caf\u00e9 owners! ", "cafe-owners"),
        ("\u201cparents\u201d", "parents"),
        ("Route_42", "route-42"),
        ("---", "my-id"),
        ("\u00c9cole", "ecole"),
    ],
)
def test_every_suggested_id_is_a_valid_id(typed: str, slug: str) -> None:
    assert slug_for(typed) == slug
    assert is_slug(slug)


def test_number_advice_never_suggests_a_number_too_large() -> None:
    assert number_advice("9,999,999,999,999,999", LARGEST_NUMBER) is None


def test_date_advice_for_a_time_keeps_only_the_day() -> None:
    import datetime as dt

    assert date_advice(dt.datetime(2027, 3, 1, 10, 0)) == "write only the day: 2027-03-01"


def test_the_plan_model_accepts_every_suggested_date() -> None:
    for _, advice in DATES:
        for suggested in re.findall(r"\d{4}-\d{2}-\d{2}", advice):
            Plan.model_validate(
                {**parse(PLAN).data, "campaign": {"name": "n", "goal": "g", "starts": suggested}}
            )


KEYS = [
    ("campaign:", "Campaign:", "campaign"),
    ("    title:", "    tittle:", "title"),
    ("        metric:", "        Metric:", "metric"),
]


@pytest.mark.parametrize(("old", "new", "key"), KEYS)
def test_unknown_keys_suggest_the_key_meant(old: str, new: str, key: str) -> None:
    [unknown] = change(old, new)  # not also "missing the required key"
    assert unknown.code == "MK003" and f"did you mean '{key}'?" in unknown.message


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("Riders", "riders"), ("rider", "riders"), ("\u201criders\u201d", "riders")],
)
def test_references_suggest_an_existing_id(typed: str, meant: str) -> None:
    [problem] = change("    audience: riders", f"    audience: '{typed}'")
    assert (problem.code, problem.path) == ("MK005", ("journeys", 0, "audience"))
    assert f"did you mean '{meant}'?" in problem.message
