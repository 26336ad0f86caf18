"""The references and ids of the additions for real plans (activities, stakeholders and
their arguments, messages, community[].stakeholders, spend): MK005 for each that names
nothing, MK004 for an id used twice. Table-driven: one base plan, one changed line per case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_text

BASE = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets, budget: 24000}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
channels:
  - {id: whatsapp, mode: online}
  - {id: press, mode: online}
targets:
  - {id: leader, name: Cllr Ward, role: primary, audiences: [parents]}
stakeholders:
  - {id: parent-councils, name: Parent councils, stance: ally, audiences: [parents]}
  - id: traders
    name: Traders' Association
    stance: opponent
    arguments:
      - {id: trade-loss, says: Customers stay away}
      - {id: displaced-traffic, says: The traffic moves next door}
messages:
  - {id: every-child, text: Clean air at every gate, audiences: [parents]}
  - {id: walkers-shop, text: Walkers shop locally, answers: trade-loss}
community:
  - {id: captains, name: Street captains, kind: organise, stakeholders: [parent-councils]}
activities:
  - {id: air-report, what: Publish the report, phase: push, channels: press, serves: [policy]}
  - {id: leader-meeting, what: Meet the leader, serves: target:leader}
phases:
  - {id: push, name: Push for pledges}
spend:
  - {date: 2027-01-01, amount: 2350, for: air-report}
"""

CASES = [
    # (name, text in BASE, what replaces it, expected findings as (code, the text the finding
    # points at: its last occurrence in the changed plan, message))
    (
        "an activity's phase",
        "phase: push,",
        "phase: psh,",
        [("MK005", "psh", "Phase 'psh' does not exist: did you mean 'push'?")],
    ),
    (
        "an activity's channel",
        "channels: press,",
        "channels: prss,",
        [("MK005", "prss", "Channel 'prss' does not exist: did you mean 'press'?")],
    ),
    (
        "an activity's channels when the plan lists none",
        "channels:\n  - {id: whatsapp, mode: online}\n  - {id: press, mode: online}\n",
        "",
        [],
    ),
    (
        "what an activity serves",
        "serves: target:leader}",
        "serves: [leadr]}",
        [
            (
                "MK005",
                "leadr",
                "'leadr' names nothing in the plan: did you mean 'leader' (a target)?",
            )
        ],
    ),
    ("an activity serving a stakeholder", "serves: [policy]}", "serves: [policy, traders]}", []),
    (
        "what an activity serves, by the wrong kind",
        "serves: target:leader}",
        "serves: audience:leader}",
        [
            (
                "MK005",
                "audience:leader",
                "Audience 'leader' does not exist, but 'leader' is a target: did you mean "
                "'target:leader'?",
            )
        ],
    ),
    (
        "a stakeholder's audiences",
        "stance: ally, audiences: [parents]}",
        "stance: ally, audiences: [parnts]}",
        [("MK005", "parnts", "Audience 'parnts' does not exist: did you mean 'parents'?")],
    ),
    (
        "a message's audiences",
        "gate, audiences: [parents]}",
        "gate, audiences: [parnts]}",
        [("MK005", "parnts", "Audience 'parnts' does not exist: did you mean 'parents'?")],
    ),
    (
        "the argument a message answers",
        "answers: trade-loss}",
        "answers: trade-los}",
        [
            (
                "MK005",
                "trade-los}",
                "Argument 'trade-los' does not exist: did you mean 'trade-loss'?",
            )
        ],
    ),
    (
        "the stakeholders a mechanism serves",
        "stakeholders: [parent-councils]}",
        "stakeholders: [parent-council]}",
        [
            (
                "MK005",
                "parent-council]",
                "Stakeholder 'parent-council' does not exist: did you mean 'parent-councils'?",
            )
        ],
    ),
    (
        "what money was spent on",
        "for: air-report}",
        "for: air-reprt}",
        [
            (
                "MK005",
                "air-reprt",
                "'air-reprt' names nothing in the plan: did you mean 'air-report' (an activity)?",
            )
        ],
    ),
    (
        "money spent on an activity named with its kind",
        "for: air-report}",
        "for: activity:air-report}",
        [],
    ),
    (
        "an argument id used by two stakeholders",
        "stance: ally, audiences: [parents]}",
        "stance: ally, audiences: [parents],\n     arguments: [{id: trade-loss, says: Too slow}]}",
        [
            (
                "MK004",
                "trade-loss, says: Customers",
                "Duplicate argument id 'trade-loss' (first used at line 14)",
            )
        ],
    ),
    (
        "an argument id used twice by one stakeholder",
        "{id: displaced-traffic,",
        "{id: trade-loss,",
        [
            (
                "MK004",
                "trade-loss, says: The traffic",
                "Duplicate argument id 'trade-loss' (first used at line 18)",
            )
        ],
    ),
    (
        "a message id used twice",
        "{id: walkers-shop,",
        "{id: every-child,",
        [("MK004", "every-child", "Duplicate message id 'every-child' (first used at line 21)")],
    ),
    (
        "an activity id used twice",
        "{id: leader-meeting,",
        "{id: air-report,",
        [("MK004", "air-report,", "Duplicate activity id 'air-report' (first used at line 26)")],
    ),
    (
        "a stakeholder id used twice",
        "  - id: traders\n",
        "  - id: parent-councils\n",
        [
            (
                "MK004",
                "parent-councils\n",
                "Duplicate stakeholder id 'parent-councils' (first used at line 13)",
            )
        ],
    ),
]


def _findings(text: str) -> list[tuple[str, int, int, str]]:
    found = check_text(text, today=dt.date(2027, 1, 1), settings=Settings(select=()))
    return [(f.code, f.line, f.column, f.message) for f in found]


def _place(text: str, at: str) -> tuple[int, int]:
    """The 1-based line and column of the last occurrence of `at` in `text`."""
    offset = text.rindex(at)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_the_base_plan_is_clean() -> None:
    assert _findings(BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_references_of_the_additions_resolve(
    old: str, new: str, expected: list[tuple[str, str, str]]
) -> None:
    assert BASE.count(old) == 1
    text = BASE.replace(old, new)
    wanted = [(code, *_place(text, at), message) for code, at, message in expected]
    assert _findings(text) == wanted


def test_the_plan_using_every_addition_is_valid_and_shows_its_gaps() -> None:
    path = Path(__file__).parent / "data" / "real-additions.yaml"
    found = check_text(
        path.read_text("utf-8"), str(path), today=dt.date(2027, 4, 15), settings=Settings()
    )
    codes = {f.code for f in found}
    assert not codes & {"MK002", "MK003", "MK004", "MK005"}
    assert {"MK609", "MK813", "MK814"} <= codes
