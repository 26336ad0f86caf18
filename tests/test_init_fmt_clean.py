"""A plan just written by `movekit init` is already quoted as `movekit fmt` quotes, whatever
the campaign, its outcomes and audiences are called: every starter passes `fmt --check`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from movekit.fmt import format_text
from movekit.scaffold.answers import CommunityAnswer, RiskAnswer, TargetAnswer
from movekit.scaffold.starter import (
    STARTERS,
    Answers,
    AudienceAnswer,
    OutcomeAnswer,
    StageAnswer,
    skeleton_plan,
)
from movekit.source import parse
from tests.conftest import run_cli

NAMES_AND_GOALS = [
    ("yes", "No: on 2027-01-01, y"),
    ("@Café #1 [x] {y} 'why?' ", '- a list?\nline two\ttabbed, 1_000 & "more"'),
]


@pytest.mark.parametrize("starter", list(STARTERS))
@pytest.mark.parametrize(("name", "goal"), NAMES_AND_GOALS)
def test_fmt_check_accepts_every_starter(
    tmp_path: Path, starter: str, name: str, goal: str
) -> None:
    args = ["--starter", starter, "--name", name, "--goal", goal, "--no-input", "--no-git"]
    assert run_cli("init", str(tmp_path), *args).returncode == 0
    plan = tmp_path / "plan.yaml"
    check = run_cli("fmt", "--check", str(plan))
    assert check.returncode == 0, check.stdout + check.stderr
    campaign = parse(plan.read_text(encoding="utf-8")).data["campaign"]
    assert (campaign["name"], campaign["goal"]) == (name, goal)


def test_wizard_answers_of_every_kind_are_quoted_as_fmt_quotes_them() -> None:
    tricky = ["yes", "2027", "on: off", "a #b", "Café", "'x", "why?", "1e3", "-x", "%x"]
    answers = Answers(
        name="null",
        goal="true",
        outcomes=[
            OutcomeAnswer(text, "policy", text, 12.5, "2027-06-30", owner=text) for text in tricky
        ],
        audiences=[
            AudienceAnswer(text, [text, "y"], [StageAnswer(text, "action", text, "offline")])
            for text in tricky
        ],
        community=CommunityAnswer("yes", "create", ["no"], owner="on: off"),
        target=TargetAnswer("a #b, Leader", "opposes", "1e3"),
        risk=RiskAnswer("null", "high", "low", "'x"),
    )
    plan = skeleton_plan(answers)
    # fmt may lay lists out differently (short motivations become `[a, b]`), never quote
    # differently
    assert _scalars(format_text(plan)) == _scalars(plan)
    data = parse(plan).data
    assert [outcome["title"] for outcome in data["outcomes"]] == tricky
    assert [audience["motivations"][0] for audience in data["audiences"]] == tricky
    assert [journey["stages"][0]["ctas"][0]["ask"] for journey in data["journeys"]] == tricky
    assert data["outcomes"][1]["id"] == "2027"  # an id that would read as a number is quoted
    assert [outcome["owner"] for outcome in data["outcomes"]] == tricky
    assert data["community"][0]["owner"] == "on: off"
    target = data["targets"][0]
    assert (target["id"], target["name"], target["power"]) == ("a-b", "a #b, Leader", "1e3")
    assert data["outcomes"][0]["targets"] == ["a-b"]
    risk = data["risks"][0]
    # the ask's id is not its stage's: `about` would not know which one it names
    assert (risk["risk"], risk["mitigation"], risk["about"]) == (
        "null",
        "'x",
        ["yes-journey/yes-2"],
    )


def _scalars(text: str) -> list[tuple[str, str | None]]:
    """Each scalar of a YAML text with its style: plain, or which quotes."""
    events = yaml.parse(text, Loader=yaml.CSafeLoader)
    return [(event.value, event.style) for event in events if isinstance(event, yaml.ScalarEvent)]


@pytest.mark.parametrize("empty", ["[]", "{}", "&none []"])
def test_an_empty_list_or_mapping_with_a_comment_keeps_its_line(empty: str) -> None:
    """Issue 12: `barriers: []   # ...` came out as `barriers:   # ...` then `[]`."""
    text = (
        "movekit: 1\n\ncampaign:\n  name: C\n  goal: G\n\n"
        "outcomes:\n  - id: o\n    title: T\n    type: policy\n    measures: []   # none yet\n\n"
        f"audiences:\n  - id: a\n    name: A\n    x-notes: {empty}   # what stops them?\n"
        "  - id: b\n    name: B\n"
    )
    assert format_text(text) == text
