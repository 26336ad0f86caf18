"""The references of the 0.2 additions (targets, stage phases, asks' targets) and what an
`about` entry names (`ID`, `KIND:ID`, `JOURNEY/ID`): MK005 for each that names nothing or
more than one item, the schema check (MK002) for an entry that is not written as one, and
about.Index for valid plans. Table-driven: one base plan, one changed line per case."""

from __future__ import annotations

import datetime as dt

import pytest

from movekit.about import Index, split
from movekit.config import Settings
from movekit.engine import check_text
from movekit.model import Plan
from movekit.source import parse

BASE = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy, targets: [leader]}
audiences:
  - {id: parents, name: Parents}
  - {id: walkers, name: Walkers}
journeys:
  - id: policy
    audience: parents
    stages:
      - {id: walk, level: action, phase: launch, ctas: [{id: walk, ask: Walk, mode: offline}]}
      - {id: talk, level: action, ctas: [{id: ask-leader, ask: Ask, mode: online, target: leader}]}
targets:
  - {id: leader, name: Cllr Ward, role: primary, audiences: [parents]}
phases:
  - {id: launch, name: Launch}
assumptions:
  - {id: first, text: Parents act, about: ABOUT}
"""

CASES = [
    # (name, what replaces ABOUT or a line, expected "code line:column message" lines)
    ("a unique bare id", "walkers", []),
    ("KIND:ID", "outcome:policy", []),
    ("KIND:ID where the id is unique", "audience:parents", []),
    ("a stage as JOURNEY/ID", "policy/talk", []),
    ("an ask as JOURNEY/ID", "policy/ask-leader", []),
    ("one id for a one-item list", "[walkers, phase:launch]", []),
    (
        "a bare id two collections share",
        "policy",
        [
            "MK005 19:43 'policy' names more than one item (outcome:policy, journey:policy)",
        ],
    ),
    (
        "an unknown kind",
        "team:policy",
        ["MK005 19:43 'team' is not a kind of item that about can name"],
    ),
    (
        "a misspelt kind",
        "outcom:policy",
        [
            "MK005 19:43 'outcom' is not a kind of item that about can name: "
            "did you mean 'outcome:policy'?"
        ],
    ),
    (
        "a misspelt id after its kind",
        "phase:lanch",
        ["MK005 19:43 Phase 'lanch' does not exist: did you mean 'launch'?"],
    ),
    (
        "a stage and an ask with one id",
        "policy/walk",
        ["MK005 19:43 'policy/walk' names both a stage and a call to action in journey 'policy'"],
    ),
    (
        "a misspelt stage",
        "policy/tlk",
        [
            "MK005 19:43 Journey 'policy' has no stage or call to action 'tlk': "
            "did you mean 'policy/talk'?"
        ],
    ),
    (
        "a stage named by its kind",
        "stage:talk",
        ["MK005 19:43 A stage is named with its journey: did you mean 'policy/talk'?"],
    ),
    (
        "an id under the wrong kind",
        "target:parents",
        [
            "MK005 19:43 Target 'parents' does not exist, but 'parents' is an audience: "
            "did you mean 'audience:parents'?"
        ],
    ),
    ("an unknown journey", "nope/walk", ["MK005 19:43 Journey 'nope' does not exist"]),
    (
        "a misspelt bare id",
        "walkrs",
        ["MK005 19:43 'walkrs' names nothing in the plan: did you mean 'walkers' (an audience)?"],
    ),
    (
        "an assumption cannot be named",
        "first",
        ["MK005 19:43 'first' names nothing in the plan"],
    ),
    (
        "words instead of an id: the schema check says how to write it, once",
        "Parents journey",
        [
            "MK002 19:43 'Parents journey' does not name an item: write an id such as "
            "'parents-journey', JOURNEY/ID for a stage or an ask, or KIND:ID"
        ],
    ),
]


def _messages(text: str) -> list[str]:
    found = check_text(text, today=dt.date(2027, 1, 1), settings=Settings(select=()))
    return [f"{f.code} {f.line}:{f.column} {f.message}" for f in found]


@pytest.mark.parametrize(("about", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_about_names(about: str, expected: list[str]) -> None:
    assert _messages(BASE.replace("ABOUT", about)) == expected


REFERENCES = [
    (
        "an outcome's target",
        "targets: [leader]",
        "targets: [leadr]",
        "MK005 4:65 Target 'leadr' does not exist: did you mean 'leader'?",
    ),
    (
        "a target's audience",
        "audiences: [parents]}",
        "audiences: [parnts]}",
        "MK005 15:62 Audience 'parnts' does not exist: did you mean 'parents'?",
    ),
    (
        "a stage's phase",
        "phase: launch,",
        "phase: lunch,",
        "MK005 12:42 Phase 'lunch' does not exist: did you mean 'launch'?",
    ),
    (
        "an ask's target",
        "target: leader}",
        "target: leadr}",
        "MK005 13:91 Target 'leadr' does not exist: did you mean 'leader'?",
    ),
    (
        "a duplicate target id",
        "  - {id: leader, name: Cllr Ward",
        "  - {id: leader, name: Cllr Ward, role: primary}\n  - {id: leader, name: Cllr Ward",
        "MK004 16:10 Duplicate target id 'leader' (first used at line 15)",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in REFERENCES], ids=[c[0] for c in REFERENCES]
)
def test_new_references_resolve(old: str, new: str, expected: str) -> None:
    text = BASE.replace("ABOUT", "walkers")
    assert old in text
    assert _messages(text.replace(old, new, 1)) == [expected]


def test_split_reads_each_form() -> None:
    assert split("outcome:policy") == ("outcome", None, "policy")
    assert split("policy/walk") == (None, "policy", "walk")
    assert split("walkers") == (None, None, "walkers")


def test_the_index_finds_what_each_entry_names_in_a_valid_plan() -> None:
    plan = Plan.model_validate(parse(BASE.replace("ABOUT", "walkers")).data)
    index = Index(plan)
    named = {entry: index.named(entry) for entry in ("walkers", "outcome:policy", "policy/talk")}
    assert {e: (n.kind, n.path) for e, n in named.items() if n} == {
        "walkers": ("audience", ("audiences", 1)),
        "outcome:policy": ("outcome", ("outcomes", 0)),
        "policy/talk": ("stage", ("journeys", 0, "stages", 1)),
    }
    ask = index.named("policy/ask-leader")
    assert ask is not None and ask.cta is not None and ask.cta.target == "leader"
    assert [index.named(e) for e in ("policy", "policy/walk", "nope", "team:x")] == [None] * 4
