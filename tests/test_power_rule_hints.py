"""The hints of rules MK504, MK803, MK807-MK812 and MK814 that depend on the plan:
following them clears the finding.

Rule cases (tests/rule_cases) check code, line, column and message; these check the
`help:` lines whose wording is worked out from the plan.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import Finding

TODAY = dt.date(2027, 1, 1)

# Ids shared on purpose: stage 'pledge' and ask 'pledge' in one journey make
# `parents/pledge` ambiguous, and journey 'parents' shares its id with an audience.
CLASHING_IDS = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
journeys:
  - id: parents
    audience: parents
    stages:
      - id: pledge
        level: action
        ctas:
          - {id: pledge, ask: Pledge at the gate, mode: offline}
      - id: walk
        level: action
        ctas:
          - {id: bus, ask: Join the walking bus, mode: offline}
          - {ask: Park and stride, mode: offline}
  - id: residents-journey
    audience: parents
    stages:
      - level: ownership
        ctas:
          - {ask: Steward a street closure, mode: offline}
"""


def _findings(plan: str, code: str) -> list[Finding]:
    findings = check_text(plan, "plan.yaml", today=TODAY, settings=Settings(select=(code,)))
    assert all(finding.code == code for finding in findings), findings
    return findings


def _suggested_about(finding: Finding) -> str:
    match = re.search(r"about: (\S+) ", finding.hint)
    assert match, finding.hint
    return match.group(1)


def test_mk809_suggests_the_most_precise_about_that_names_one_thing() -> None:
    hints = [_suggested_about(finding) for finding in _findings(CLASHING_IDS, "MK809")]
    assert hints == ["journey:parents", "parents/bus", "parents/walk", "residents-journey"]


@pytest.mark.parametrize("index", range(4))
def test_mk809_a_risk_about_the_suggested_entry_clears_the_finding(index: int) -> None:
    before = _findings(CLASHING_IDS, "MK809")
    about = _suggested_about(before[index])
    plan = CLASHING_IDS + f"risks:\n  - {{id: safety, risk: Someone gets hurt, about: '{about}'}}\n"
    after = _findings(plan, "MK809")
    assert before[index].message not in [finding.message for finding in after]
    assert len(after) < len(before)


DATED = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets, starts: 2027-01-11}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
phases:
  - {id: launch, name: Launch, starts: 2027-01-11, ends: 2027-02-28}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: walk
        level: action
        phase: launch
        ctas:
          - {id: too-early, ask: Walk last year, mode: offline, date: 2026-02-12}
          - {id: too-late, ask: Walk in March, mode: offline, date: 2027-03-05}
"""


def test_mk812_hints_at_the_campaign_or_the_phase_whichever_the_date_breaks() -> None:
    hints = [finding.hint for finding in _findings(DATED, "MK812")]
    assert hints == [
        "Move the date inside the campaign, or change campaign starts: or ends:",
        "Move the date inside the phase, or give the stage the phase: in which the ask runs",
    ]


BACKWARDS = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
phases:
  - {id: launch, name: Launch, starts: 2027-01-11}
  - {id: push, name: Push, starts: 2027-03-01}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness, phase: push}
      - {id: walk, level: action, phase: launch}
"""


def test_mk811_hint_names_the_phase_the_stage_should_not_run_before() -> None:
    [finding] = _findings(BACKWARDS, "MK811")
    assert finding.hint == (
        "Put the stages in the order people move through them, or give this stage "
        "phase: push or a later one"
    )
    fixed = BACKWARDS.replace("action, phase: launch", "action, phase: push")
    assert _findings(fixed, "MK811") == []


OPPONENT = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
stakeholders:
  - id: traders
    name: Traders
    stance: opponent
    arguments:
      - {id: trade-loss, says: Customers stay away}
"""


def test_the_unanswered_argument_hint_writes_the_message_that_clears_it() -> None:
    [finding] = _findings(OPPONENT, "MK814")
    match = re.search(r"answers: \[([a-z-]+)\]", finding.hint)
    assert match, finding.hint
    answered = f"{OPPONENT}messages:\n  - {{id: m, text: T, answers: [{match.group(1)}]}}\n"
    assert _findings(answered, "MK814") == []


ALLY = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
journeys:
  - {id: parents-journey, audience: parents, stages: [{level: ownership}]}
stakeholders:
  - {id: parent-councils, name: Parent councils, stance: ally, audiences: [parents]}
community:
  - {id: captains, name: Street captains, kind: organise}
"""


def test_the_ownership_hint_names_the_ally_whose_listing_clears_it() -> None:
    [finding] = _findings(ALLY, "MK504")
    match = re.search(r"the ally '([a-z-]+)' in a mechanism's stakeholders:", finding.hint)
    assert match, finding.hint
    fixed = ALLY.replace("kind: organise}", f"kind: organise, stakeholders: [{match.group(1)}]}}")
    assert _findings(fixed, "MK504") == []


def test_the_ownership_hint_names_no_ally_when_the_plan_has_none() -> None:
    plan = ALLY.replace("stance: ally", "stance: neutral")
    [finding] = _findings(plan, "MK504")
    assert finding.hint == "List 'parents' in the audiences: of a community mechanism"


UNREACHED = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
targets:
  - {id: council-leader, name: Cllr Ward, role: primary}
activities:
  - {id: air-report, what: Publish the report, serves: [policy]}
"""


def test_the_unreached_target_hint_offers_an_activity_when_the_plan_has_them() -> None:
    [finding] = _findings(UNREACHED, "MK803")
    match = re.search(r"name ([a-z-]+) in the serves: of an activity", finding.hint)
    assert match, finding.hint
    fixed = UNREACHED.replace("serves: [policy]", f"serves: [policy, {match.group(1)}]")
    assert _findings(fixed, "MK803") == []
