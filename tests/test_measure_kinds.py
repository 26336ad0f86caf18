"""Measures that are not counts, through the real CLI: milestones (`kind: milestone`,
`done:`), targets and baselines to be set (`tbd`) and relative targets (`+30%`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli

PLAN = """\
movekit: 1
campaign:
  name: Right to Counsel
  goal: The council passes a right-to-counsel law
  starts: 2027-01-01
outcomes:
  - id: law
    title: Council passes the law
    type: policy
    measures:
      - id: hearing
        metric: The council holds a hearing
        kind: milestone
        due: 2027-03-31  # the chair promised a date
      - {id: bill, metric: The bill is tabled, kind: milestone, due: 2027-02-28, done: 2027-02-10}
      - {id: vote, metric: The council votes, kind: milestone, due: 2027-09-30}
      - id: signups
        metric: Newsletter sign-ups
        baseline: 1000
        target: "+30%"
        due: 2027-06-30
      - {id: turnout, metric: Rally turnout, baseline: tbd, target: tbd, due: 2027-06-30}
results:
  - {measure: signups, date: 2027-04-01, value: 1100}
audiences:
  - {id: tenants, name: Tenants}
"""
TODAY = "2027-04-15"


@pytest.fixture
def plan(write_plan: Callable[..., Path]) -> Path:
    return write_plan(PLAN)


def test_status_json_gives_each_kind_its_fields(plan: Path) -> None:
    done = run_cli("status", str(plan), "--today", TODAY, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = {row["measure"]: row for row in json.loads(done.stdout)["measures"]}
    assert (rows["hearing"]["kind"], rows["hearing"]["status"]) == ("milestone", "missed")
    assert (rows["bill"]["status"], rows["bill"]["done"]) == ("met", "2027-02-10")
    assert (rows["vote"]["status"], rows["vote"]["done"]) == ("on-track", None)
    signups = rows["signups"]
    assert (signups["kind"], signups["target"], signups["target_written"]) == (
        "count",
        1300,
        "+30%",
    )
    assert signups["baseline"] == 1000 and signups["baseline_written"] is None
    turnout = rows["turnout"]
    assert (turnout["target"], turnout["target_written"]) == (None, "tbd")
    assert (turnout["baseline"], turnout["baseline_written"]) == (None, "tbd")
    assert turnout["expected"] is None


def test_status_text_says_done_due_missed_and_the_worked_out_target(plan: Path) -> None:
    done = run_cli("status", str(plan), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    assert "missed" in lines["hearing"]
    assert "done on 2027-02-10" in lines["bill"]
    assert "due 2027-09-30" in lines["vote"]
    assert "+30% (1,300)" in lines["signups"]
    assert lines["turnout"].count("tbd") == 2


def test_check_reports_the_missed_milestone_and_the_target_to_be_set(plan: Path) -> None:
    done = run_cli("check", str(plan), "--today", TODAY, "--format", "json")
    findings = json.loads(done.stdout)
    found = {(f["code"], f["message"]) for f in findings["findings"]}
    codes = {code for code, _ in found}
    assert ("MK605", "Milestone 'hearing' was due on 2027-03-31 and is not marked done") in found
    assert ("MK108", "Measure 'turnout' has its target still to be set") in found
    # a milestone is measured, has no numbers to set and records no results
    assert not codes & {"MK101", "MK102", "MK104"}
    assert not any(code == "MK604" and "'hearing'" in message for code, message in found)


def test_record_marks_a_milestone_done_keeping_every_other_byte(plan: Path) -> None:
    before = plan.read_text(encoding="utf-8")
    done = run_cli("record", str(plan), "hearing", "--date", "2027-04-02", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "Recorded milestone 'hearing' as done on 2027-04-02" in done.stdout
    after = plan.read_text(encoding="utf-8")
    expected = before.replace(
        "        due: 2027-03-31  # the chair promised a date\n",
        "        due: 2027-03-31  # the chair promised a date\n        done: 2027-04-02\n",
    )
    assert after == expected
    flow = run_cli("record", str(plan), "vote", "--date", "2027-04-10", "--today", TODAY)
    assert flow.returncode == 0, flow.stderr
    assert "due: 2027-09-30, done: 2027-04-10}" in plan.read_text(encoding="utf-8")
    status = run_cli("status", str(plan), "--today", TODAY, "--format", "json")
    rows = {row["measure"]: row["status"] for row in json.loads(status.stdout)["measures"]}
    assert rows["hearing"] == rows["vote"] == "met"


def test_record_corrects_a_done_date_only_with_replace(plan: Path) -> None:
    refused = run_cli("record", str(plan), "bill", "--date", "2027-02-12", "--today", TODAY)
    assert refused.returncode == 2
    assert "already done on 2027-02-10" in refused.stderr and "--replace" in refused.stderr
    args = ("record", str(plan), "bill", "--date", "2027-02-12", "--replace", "--today", TODAY)
    fixed = run_cli(*args)
    assert fixed.returncode == 0, fixed.stderr
    assert "done: 2027-02-12}" in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("hearing", "3"), "'hearing' is a milestone: it has no value to record"),
        (("signups",), "'signups' counts something: give the value to record"),
        (("hearing", "--date", "2027-05-01"), "a milestone is marked done once it has happened"),
        (("hearng",), "did you mean 'hearing'?"),
    ],
)
def test_record_refuses_what_does_not_fit_the_kind(
    plan: Path, args: tuple[str, ...], words: str
) -> None:
    before = plan.read_bytes()
    done = run_cli("record", str(plan), *args, "--today", TODAY)
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert plan.read_bytes() == before


def test_render_md_shows_milestones_and_relative_targets(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    done = run_cli("render", str(plan), "-o", str(out), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8").replace("\\+", "+")  # Markdown escapes a leading +
    assert "| +30% (1,300) |" in text
    assert "| tbd | tbd |" in text
    assert "| done on 10 Feb 2027 |" in text
    assert "| due 30 Sep 2027 |" in text
    assert "| missed |" in text


@pytest.mark.parametrize(
    ("measure", "message"),
    [
        (
            "{id: m, metric: M, kind: milestone, target: 3}",
            "target: a milestone is done or not, it has no target",
        ),
        (
            "{id: m, metric: M, done: 2027-01-02}",
            "done: only a milestone (`kind: milestone`) is done on a date",
        ),
        (
            '{id: m, metric: M, target: "+30%"}',
            "target '+30%' is a change on the baseline, and a relative target needs a baseline",
        ),
        ("{id: m, metric: M, target: TBD}", "'TBD' is not a number: write `tbd` (in lowercase)"),
        ("{id: m, metric: M, baseline: '?'}", "'?' is not a number: write `tbd` (in lowercase)"),
        (
            '{id: m, metric: M, baseline: 5, target: "30%"}',
            "write a change on the baseline as '+30%'",
        ),
    ],
)
def test_check_explains_measures_that_do_not_fit(
    write_plan: Callable[..., Path], measure: str, message: str
) -> None:
    text = PLAN.replace(
        "      - {id: vote, metric: The council votes, kind: milestone, due: 2027-09-30}\n",
        f"      - {measure}\n",
    )
    done = run_cli("check", str(write_plan(text)), "--today", TODAY, "--format", "json")
    assert done.returncode == 1
    findings = json.loads(done.stdout)["findings"]
    schema = [f for f in findings if f["code"] == "MK002"]
    assert len(schema) == 1 and message in schema[0]["message"], schema
    assert schema[0]["line"] == 16


def test_diff_shows_a_milestone_done(plan: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(PLAN.replace("due: 2027-09-30}", "due: 2027-09-30, done: 2027-04-01}"))
    done = run_cli("diff", str(plan), str(new), "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "measure 'vote' (outcome 'law'): done (none) -> 2027-04-01" in done.stdout


def test_the_schema_accepts_every_kind_of_measure() -> None:
    from movekit.source import parse
    from tests.test_schema_agreement import VALIDATOR

    data = parse(PLAN.replace("due: 2027-09-30}", "due: 2027-09-30, done: 2027-04-01}")).data
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


def test_record_keeps_a_block_scalar_at_the_end_of_a_crlf_file_as_it_was(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    lines = [
        "movekit: 1",
        "campaign: {name: R, goal: G}",
        "audiences: [{id: t, name: T}]",
        "outcomes:",
        "  - id: law",
        "    title: Law",
        "    type: policy",
        "    measures:",
        "      - id: hearing",
        "        kind: milestone",
        "        metric: |",
        "          Hearing",
        "          held",
    ]
    plan.write_bytes("\r\n".join(lines).encode())  # no line break at the end
    done = run_cli("record", str(plan), "hearing", "--date", "2027-01-02", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    # after `kind:`, not after the block scalar: a line there would join its text
    expected = [*lines[:10], "        done: 2027-01-02", *lines[10:]]
    assert plan.read_bytes() == "\r\n".join(expected).encode()
