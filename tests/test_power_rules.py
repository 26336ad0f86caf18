"""Rules MK801-MK806 beyond their table cases: MK806 agrees with `movekit status` (and so
with MK603/MK605) on every day, and the hints say what to type."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_text
from tests.conftest import run_cli

# Four measures from 0 on 2027-01-01 to 100 on their due dates, each in a different state
# as the days go by; the assumption is about the whole outcome, so it covers all four.
STRAINED_PLAN = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets, starts: 2027-01-01}
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
    targets: [council-leader]
    measures:
      - {id: lookups, metric: Map look-ups, baseline: 0, target: 100, due: 2027-04-11}
      - {id: pledges, metric: Pledges, baseline: 0, target: 100, due: 2027-02-01}
      - {id: walkers, metric: Walkers, baseline: 0, target: 100, due: 2027-03-01}
      - {id: fewer-cars, metric: Cars at the gate, baseline: 100, target: 0, due: 2027-04-11}
audiences:
  - {id: parents, name: Parents}
targets:
  - {id: council-leader, name: "Cllr Jane Ward, Leader", role: primary, position: undecided}
results:
  - {measure: lookups, date: 2027-01-20, value: 30}
  - {measure: pledges, date: 2027-01-30, value: 20}
  - {measure: walkers, date: 2027-02-10, value: 70}
  - {measure: fewer-cars, date: 2027-02-20, value: 60}
assumptions:
  - id: council-listens
    text: The council listens to parents
    about: outcome:policy
    status: holding
"""


def _json(*args: str) -> dict[str, object]:
    result = run_cli(*args, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(
    "today", ["2027-01-25", "2027-02-01", "2027-02-02", "2027-02-20", "2027-03-02", "2027-04-12"]
)
def test_mk806_names_exactly_the_measures_status_calls_behind_or_missed(
    tmp_path: Path, today: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(STRAINED_PLAN, "utf-8")
    status = _json("status", str(plan), "--today", today)
    measures = status["measures"]
    assert isinstance(measures, list)
    strained = {row["measure"] for row in measures if row["status"] in ("behind", "missed")}
    check = _json("check", str(plan), "--today", today, "--select", "MK806")
    findings = check["findings"]
    assert isinstance(findings, list)
    messages = [finding["message"] for finding in findings]
    named = {name for text in messages for name in re.findall(_NAMED, text)}
    more = sum(int(count) for text in messages for count in re.findall(_MORE, text))
    assert named <= strained
    assert len(named) + more == len(strained)
    assert len(findings) == (1 if strained else 0)


_NAMED = r"'([a-z-]+)' (?:is behind|missed its target)"
_MORE = r"and (\d+) more measures? behind or missed"


def test_mk806_says_behind_and_missed_in_numbers() -> None:
    findings = check_text(
        STRAINED_PLAN, "plan.yaml", today=dt.date(2027, 2, 20), settings=_only("MK806")
    )
    assert [finding.message for finding in findings] == [
        "Assumption 'council-listens' is still marked holding, but 'lookups' is behind: "
        "30 on 2027-01-20, where a steady pace to its target of 100 needs 50 by 2027-02-20; "
        "'pledges' missed its target of 100 due on 2027-02-01, at 20 on 2027-01-30; "
        "'walkers' is behind: 70 on 2027-02-10, where a steady pace to its target of 100 "
        "needs 85 by 2027-02-20; and 1 more measure behind or missed"
    ]


def _only(code: str) -> Settings:
    return Settings(select=(code,))


def _hints(code: str, plan: str) -> list[str]:
    findings = check_text(plan, "plan.yaml", today=dt.date(2027, 1, 1), settings=_only(code))
    return [finding.hint for finding in findings]


POLICY = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Council adopts the policy, type: policy}
audiences:
  - {id: parents, name: Parents}
"""


@pytest.mark.parametrize(
    ("targets", "hint"),
    [
        (
            "",
            "Name the person who can grant it under targets:, "
            "then add targets: [their-id] to this outcome",
        ),
        (
            "targets:\n  - {id: leader, name: Cllr Ward, role: primary}\n",
            "Add targets: [leader] to this outcome if they can grant it",
        ),
        (
            "targets:\n"
            + "".join(f"  - {{id: t{n}, name: Cllr {n}, role: secondary}}\n" for n in range(7)),
            "Add targets: to this outcome with the ids of those who can grant it "
            "(t0, t1, t2, t3, t4, ...)",
        ),
    ],
)
def test_mk801_hint_names_the_targets_there_are(targets: str, hint: str) -> None:
    assert _hints("MK801", POLICY + targets) == [hint]


def test_mk803_hint_names_the_audiences_without_a_journey() -> None:
    plan = POLICY + (
        "  - {id: heads, name: Head teachers}\n"
        "targets:\n"
        "  - {id: leader, name: Cllr Ward, role: primary, audiences: [parents, heads]}\n"
    )
    assert _hints("MK803", plan) == [
        "Add a journey for 'parents' and 'heads', "
        "or set target: leader on the asks that put pressure on them"
    ]
