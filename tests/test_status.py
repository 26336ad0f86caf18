"""`movekit status`: measure statuses at the boundaries, the same answers as rules MK602 to
MK605, phases and reviews, the asks to rework, and the text and JSON output."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.console import console
from movekit.engine import check_text
from movekit.model import Plan
from movekit.progress import Status
from movekit.review.report import write_text
from movekit.review.status import build_dashboard, is_current
from movekit.source import parse
from movekit.validate import validate
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, VALID_PLAN, run_cli
from tests.golden import GOLDEN, assert_golden

# A ten-day line: `up` climbs 0 -> 100 and `down` falls 100 -> 0 from 2027-01-01 to
# 2027-01-11, so on 2027-01-06 both lines expect exactly 50.
LINE_PLAN = """\
movekit: 1
campaign: {name: Line, goal: G, starts: 2027-01-01}
outcomes:
  - id: o
    title: O
    type: policy
    measures:
      - {id: up, metric: Up, baseline: 0, target: 100, due: 2027-01-11}
      - {id: down, metric: Down, baseline: 100, target: 0, due: 2027-01-11}
      - {id: open, metric: Open}
audiences: [{id: a, name: A}]
journeys:
  - id: j
    audience: a
    stages:
      - id: hear
        level: awareness
        ctas:
          - {ask: Rise, mode: online, measure: up}
          - {ask: Unmeasured, mode: online}
      - level: action
        ctas: [{ask: Fall, mode: offline, measure: down}]
phases:
  - {id: one, name: One, starts: 2027-01-01, ends: 2027-01-31, review: 2027-02-03}
  - {id: two, name: Two, starts: 2027-02-01, review: 2027-03-01}
  - {id: undated, name: Undated}
"""


ISSUE_15 = ("review_cadence", "budget", "activities")
"""Top-level fields added for issue 15, between the phases and the assumptions."""


def _plan(text: str) -> Plan:
    document = parse(text)
    plan, problems = validate(document.data, document.root)
    assert plan is not None, problems
    return plan


def _with_results(*results: tuple[str, str, float]) -> str:
    rows = "".join(f"  - {{measure: {m}, date: {d}, value: {v}}}\n" for m, d, v in results)
    return LINE_PLAN + ("results:\n" + rows if rows else "")


def _status(text: str, today: str, measure: str) -> Status:
    dashboard = build_dashboard(_plan(text), dt.date.fromisoformat(today))
    return next(row.status for row in dashboard.measures if row.measure.id == measure)


@pytest.mark.parametrize(
    ("measure", "on", "value", "today", "expected"),
    [
        ("up", "2027-01-06", 50, "2027-01-06", Status.ON_TRACK),  # exactly on the line
        ("up", "2027-01-06", 49.99, "2027-01-06", Status.BEHIND),
        ("up", "2027-01-01", 0, "2027-01-01", Status.ON_TRACK),  # the first day, at baseline
        ("up", "2027-01-06", 50, "2027-01-07", Status.BEHIND),  # not updated: the line moved on
        ("up", "2027-01-11", 99, "2027-01-11", Status.BEHIND),  # on the due date: still behind
        ("up", "2027-01-11", 99, "2027-01-12", Status.MISSED),  # the day after: missed
        ("up", "2027-01-11", 100, "2027-01-11", Status.MET),  # exactly the target
        ("up", "2027-01-05", 100, "2027-01-12", Status.MET),
        ("up", "2027-01-07", 80, "2027-01-06", Status.NO_DATA),  # dated after today
        ("down", "2027-01-06", 50, "2027-01-06", Status.ON_TRACK),
        ("down", "2027-01-06", 50.01, "2027-01-06", Status.BEHIND),
        ("down", "2027-01-12", 1, "2027-01-12", Status.MISSED),
        ("down", "2027-01-12", 0, "2027-01-12", Status.MET),
        ("open", "2027-01-02", 5, "2027-01-06", Status.ON_TRACK),  # no target: nothing to miss
    ],
)
def test_measure_status_at_the_boundaries(
    measure: str, on: str, value: float, today: str, expected: Status
) -> None:
    assert _status(_with_results((measure, on, value)), today, measure) is expected


def test_no_results_is_no_data() -> None:
    assert _status(LINE_PLAN, "2027-01-06", "up") is Status.NO_DATA


def test_the_latest_result_counts_and_the_later_line_wins_a_tie() -> None:
    text = _with_results(
        ("up", "2027-01-06", 10), ("up", "2027-01-06", 60), ("up", "2027-01-02", 99)
    )
    dashboard = build_dashboard(_plan(text), dt.date(2027, 1, 6))
    row = dashboard.measures[0]
    assert row.latest is not None and row.latest.value == 60
    assert row.expected == 50
    assert row.status is Status.ON_TRACK
    assert row.share == pytest.approx(0.6)


DAYS = [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(0, 70, 3)]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_statuses_agree_with_rules_mk602_to_mk605(today: dt.date) -> None:
    """The dashboard and `movekit check` must never disagree about a measure or a review."""
    text = _with_results(
        ("up", "2027-01-04", 35), ("down", "2027-01-09", 30), ("up", "2027-01-20", 99)
    )
    text += "reviews: [{phase: two, date: 2027-01-15}]\n"
    findings = check_text(text, today=today, settings=Settings(select=("MK602", "MK603", "MK605")))
    dashboard = build_dashboard(_plan(text), today)
    paths = {"outcomes[0].measures[0]": "up", "outcomes[0].measures[1]": "down"}
    flagged = {(f.code, paths.get(f.path, f.path)) for f in findings}
    shown = {("MK603", row.measure.id) for row in dashboard.measures if row.status is Status.BEHIND}
    shown |= {
        ("MK605", row.measure.id) for row in dashboard.measures if row.status is Status.MISSED
    }
    shown |= {
        ("MK602", f"phases[{index}].review")
        for index, row in enumerate(dashboard.phases)
        if row.review_overdue
    }
    assert shown == flagged


def _phases(today: str, reviews: str = "") -> dict[str, tuple[bool, bool, bool, bool]]:
    dashboard = build_dashboard(_plan(LINE_PLAN + reviews), dt.date.fromisoformat(today))
    return {
        row.phase.id: (row.current, row.reviewed, row.review_overdue, row.next_review)
        for row in dashboard.phases
    }


def test_phases_by_date() -> None:
    # (current, reviewed, review overdue, next review)
    assert _phases("2027-01-01")["one"] == (True, False, False, True)
    assert _phases("2027-01-31")["one"] == (True, False, False, True)  # the last day is in
    assert _phases("2027-02-01")["one"] == (False, False, False, True)
    assert _phases("2027-02-01")["two"] == (True, False, False, False)  # open-ended phase
    assert _phases("2027-02-03")["one"] == (False, False, False, True)  # due today: not late
    assert _phases("2027-02-04")["one"] == (False, False, True, False)  # the day after: late
    assert _phases("2027-02-04")["two"] == (True, False, False, True)
    assert _phases("2027-02-04")["undated"] == (False, False, False, False)
    reviewed = _phases("2027-02-04", "reviews: [{phase: one, date: 2027-02-05}]\n")
    assert reviewed["one"] == (False, True, False, False)
    early = _phases("2027-01-20", "reviews: [{phase: one, date: 2027-01-19}]\n")
    assert early["one"] == (True, True, False, False)  # reviewed early: not the next review
    assert early["two"][3] is True


def test_a_phase_with_only_an_end_date_is_current_until_it_ends() -> None:
    phase = _plan(LINE_PLAN).phases[0].model_copy(update={"starts": None})
    assert is_current(phase, dt.date(2020, 1, 1))
    assert not is_current(phase, dt.date(2027, 2, 1))


def test_calls_to_action_whose_measures_are_behind_or_missed() -> None:
    text = _with_results(("up", "2027-01-06", 10), ("down", "2027-01-06", 50))
    behind = build_dashboard(_plan(text), dt.date(2027, 1, 6)).ctas
    assert [(c.journey, c.stage, c.ask, c.measure, c.status) for c in behind] == [
        ("j", "hear", "Rise", "up", Status.BEHIND)
    ]
    missed = build_dashboard(_plan(text), dt.date(2027, 1, 20)).ctas
    assert [(c.stage, c.measure, c.status) for c in missed] == [
        ("hear", "up", Status.MISSED),
        ("stage 2", "down", Status.MISSED),  # a stage without an id or name: its label
    ]


def test_json_has_exactly_the_documented_fields() -> None:
    text = _with_results(("up", "2027-01-04", 35.5))
    document = build_dashboard(_plan(text), dt.date(2027, 1, 6)).to_json()
    assert list(document) == ["today", "measures", "phases", *ISSUE_15, "assumptions", "risks"]
    assert document["today"] == "2027-01-06"
    assert document["measures"][0] == {
        "measure": "up",
        "kind": "count",
        "baseline": 0,
        "baseline_written": None,
        "target": 100,
        "target_written": None,
        "due": "2027-01-11",
        "done": None,
        "latest": 35.5,
        "latest_date": "2027-01-04",
        "expected": 50.0,
        "status": "behind",
        "tracked_in": None,
    }
    assert document["measures"][2]["latest"] is None
    assert document["measures"][2]["latest_date"] is None
    assert document["measures"][2]["expected"] is None
    assert (document["assumptions"], document["risks"]) == ([], [])
    assert document["phases"][0] == {
        "phase": "one",
        "name": "One",
        "starts": "2027-01-01",
        "ends": "2027-01-31",
        "review": "2027-02-03",
        "current": True,
        "reviewed": False,
        "review_overdue": False,
        "next_review": True,
    }


# --- through the real entry point ----------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "golden"),
    [
        ("clean-air-streets.yaml", "status-clean-air-streets.txt"),
        ("warm-homes-now.yaml", "status-warm-homes-now.txt"),
        ("gaps/plan.yaml", "status-gaps.txt"),
    ],
)
def test_text_output_matches_the_golden_file(plan: str, golden: str) -> None:
    result = run_cli("status", f"examples/{plan}", "--today", EXAMPLE_TODAY, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert_golden(golden, result.stdout)


@pytest.mark.parametrize("plan", ["clean-air-streets", "gaps"])
def test_json_output_matches_the_golden_file(plan: str) -> None:
    path = EXAMPLES / ("gaps/plan.yaml" if plan == "gaps" else f"{plan}.yaml")
    result = run_cli("status", str(path), "--today", EXAMPLE_TODAY, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["today", "measures", "phases", *ISSUE_15, "assumptions", "risks"]
    assert_golden(f"status-{plan}.json", result.stdout)


def test_status_reads_stdin_and_uses_colour_only_when_allowed() -> None:
    text = (EXAMPLES / "gaps" / "plan.yaml").read_text(encoding="utf-8")
    plain = run_cli("status", "-", "--today", EXAMPLE_TODAY, stdin=text)
    assert plain.returncode == 0
    assert "\x1b[" not in plain.stdout and "behind" in plain.stdout
    forced = run_cli(
        "status",
        "-",
        "--today",
        EXAMPLE_TODAY,
        stdin=text,
        env={"NO_COLOR": None, "FORCE_COLOR": "1"},
    )
    assert re.search(r"\x1b\[[\d;]*33m", forced.stdout)  # yellow for behind


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_plan_with_file_level_errors_shows_them_and_exits_1(
    tmp_path: Path, output_format: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(LINE_PLAN.replace("measure: up}", "measure: upp}"), encoding="utf-8")
    result = run_cli("status", str(plan), "--format", output_format)
    assert result.returncode == 1
    assert "needs a plan without file-level errors" in result.stderr
    if output_format == "json":
        [finding] = json.loads(result.stdout)["findings"]
        assert (finding["code"], finding["line"]) == ("MK005", 19)
    else:
        assert "MK005 [error]" in result.stdout and ":19:" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("examples/gaps/plan.yaml", "--format", "xml"), "'xml' is not a format"),
        (("examples/gaps/plan.yaml", "--today", "15/03/2027"), "is not a date"),
        (("examples/nope.yaml",), "no such file"),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...], message: str) -> None:
    result = run_cli("status", *args, cwd=REPO)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_status_and_record_never_import_jinja_ruamel_or_weasyprint() -> None:
    script = (
        "import sys\n"
        "from movekit.cli import main\n"
        "plan = 'examples/gaps/plan.yaml'\n"
        "for argv in (['status', plan], ['record', plan]):\n"
        "    sys.argv = ['movekit', *argv]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = {'jinja2', 'weasyprint', 'ruamel'}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print('HEAVY', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert "HEAVY []" in result.stderr, result.stderr


# --- docs/review-loop.md shows real output --------------------------------------------------

DOC = (REPO / "docs" / "review-loop.md").read_text(encoding="utf-8")


def _block(after: str, language: str) -> str:
    start = DOC.index(after)
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(DOC, start)
    assert match is not None
    return match.group(1)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_the_documented_status_is_real_output() -> None:
    args = ["status", "examples/gaps/plan.yaml", "--today", "2027-03-15"]
    shown = _block(f"For `movekit {' '.join(args)}`:", "text")
    assert _lines(run_cli(*args, cwd=REPO).stdout) == _lines(shown)


def test_the_documented_json_is_real_output() -> None:
    shown = json.loads(_block("`--format json` prints one object:", "json"))
    args = ("status", "examples/gaps/plan.yaml", "--today", "2027-03-15", "--format", "json")
    real = json.loads(run_cli(*args, cwd=REPO).stdout)
    assert shown["today"] == real["today"]
    assert shown["measures"] == real["measures"][:1]
    assert shown["phases"] == real["phases"][:1]
    assert shown["assumptions"] == real["assumptions"][:1]
    assert shown["risks"] == real["risks"][:1]
    first_cells = [row.split("|")[1] for row in _lines(DOC) if row.startswith("| `")]
    fields = {name for cell in first_cells for name in re.findall(r"`([a-z_]+)(?:\[\])?`", cell)}
    every_field = set(real) | set(real["measures"][0]) | set(real["phases"][0])
    every_field |= set(real["assumptions"][0]) | set(real["risks"][0])
    args = ("status", "tests/data/real-additions.yaml", "--today", "2027-03-15", "-f", "json")
    additions = json.loads(run_cli(*args, cwd=REPO).stdout)
    every_field |= set(additions["budget"]) | set(additions["activities"][0])
    assert every_field <= fields


def test_the_documented_python_runs(capsys: pytest.CaptureFixture[str]) -> None:
    code = _block("## From Python", "python")
    exec(compile(code, "review-loop.md", "exec"), {})  # our own documentation
    assert "('map-lookups', 'on-track')" in capsys.readouterr().out


def test_plan_text_is_shown_as_written_never_as_markup_or_escapes() -> None:
    text = _with_results(("up", "2027-01-06", 10)).replace("name: One", 'name: "One [b]x[/b]"')
    text = text.replace("ask: Rise", 'ask: "Rise [here] \\e[31mnow"')
    out = io.StringIO()
    write_text(build_dashboard(_plan(text), dt.date(2027, 1, 6)), console(out))
    shown = out.getvalue()
    assert "One [b]x[/b]" in shown
    assert "Rise [here] \ufffd[31mnow" in shown
    assert "\x1b" not in shown


def test_a_plan_with_no_measures_phases_or_asks_says_so() -> None:
    out = io.StringIO()
    write_text(build_dashboard(_plan(VALID_PLAN), dt.date(2027, 1, 6)), console(out))
    assert out.getvalue() == (
        "Clean Air Streets: status on 2027-01-06\n\n"
        "No measures yet: add them under outcomes[].measures.\n\n"
        "No phases yet: add phases with review dates to plan, review and adjust.\n\n"
        "Calls to action to rework (their measures are behind or missed)\n"
        "None: no measured call to action is behind.\n"
    )


# Counts of people: 0 -> 30 from 2027-01-01 to 2027-07-01 (181 days); on 2027-01-13 the
# line is at 30 * 12 / 181 = 1.99 pledges, which is 2 people.
WHOLE_PLAN = """\
movekit: 1
campaign: {name: Whole, goal: G, starts: 2027-01-01}
outcomes:
  - id: o
    title: O
    type: policy
    measures:
      - {id: pledges, metric: Pledges, baseline: 0, target: 30, due: 2027-07-01}
audiences: [{id: a, name: A}]
results:
"""


@pytest.mark.parametrize(
    ("values", "expected", "status", "needs"),
    [
        ((2,), 2, Status.ON_TRACK, None),  # 2 people is on a line at 1.99 people
        ((1,), 2, Status.BEHIND, "needs 2 by 2027-01-13"),
        ((0.5, 1), 1.99, Status.BEHIND, "needs 1.99 by 2027-01-13"),  # not all whole: as is
    ],
)
def test_whole_numbers_stay_whole_everywhere(
    values: tuple[float, ...], expected: float, status: Status, needs: str | None
) -> None:
    days = ["2027-01-02", "2027-01-13"][-len(values) :]
    text = WHOLE_PLAN + "".join(
        f"  - {{measure: pledges, date: {day}, value: {value}}}\n"
        for day, value in zip(days, values, strict=True)
    )
    (row,) = build_dashboard(_plan(text), dt.date(2027, 1, 13)).measures
    assert row.expected is not None and round(row.expected, 2) == expected
    assert row.status is status
    shown = run_cli("status", "-", "--today", "2027-01-13", "--format", "json", stdin=text)
    assert round(json.loads(shown.stdout)["measures"][0]["expected"], 2) == expected
    table = run_cli("status", "-", "--today", "2027-01-13", stdin=text).stdout
    assert re.search(rf"\s{expected}\s+{status.value}", table), table
    found = check_text(text, today=dt.date(2027, 1, 13), settings=Settings(select=("MK603",)))
    assert [f.message.split(" 2027-07-01 ")[-1] for f in found] == (
        [] if needs is None else [needs]
    )


# --- assumptions to test and risks to review (the additions of movekit 0.2) ---------------

REGISTER = """\
assumptions:
  - {id: later, text: Later, status: untested, test-by: 2027-01-20}
  - {id: undated, text: Undated}
  - {id: due-today, text: Due today, test-by: 2027-01-06}
  - {id: late, text: Late, status: untested, test-by: 2027-01-05}
  - {id: strained, text: Strained, status: under-strain, test-by: 2027-01-01}
  - {id: holds, text: Holds, status: holding, test-by: 2027-01-02}
  - {id: broken, text: Broken, status: broken}
  - {id: rests-on-j, text: J works, status: holding, about: j}
risks:
  - {id: watch, risk: Watch, likelihood: high, impact: low, status: accepted, review-by: 2027-01-10}
  - {id: undated-risk, risk: Undated}
  - {id: late-risk, risk: Late, impact: high, owner: Ann, review-by: 2027-01-05}
  - {id: today-risk, risk: Today, status: open, review-by: 2027-01-06}
  - {id: done, risk: Done, status: mitigated, review-by: 2027-01-01}
  - {id: closed, risk: Closed, status: closed, review-by: 2027-01-01}
"""
"""On 2027-01-06: every status, dates before, on and after the day, and none."""


def test_assumptions_to_test_by_date_soonest_first() -> None:
    dashboard = build_dashboard(_plan(LINE_PLAN + REGISTER), dt.date(2027, 1, 6))
    assert [(r.assumption.id, r.status, r.overdue) for r in dashboard.assumptions] == [
        ("strained", "under-strain", False),  # tested, and doubtful: to test again, not late
        ("late", "untested", True),
        ("due-today", "untested", False),  # no status is untested; due today is not late
        ("later", "untested", False),
        ("undated", "untested", False),  # no date: last
    ]


def test_risks_to_review_by_date_soonest_first() -> None:
    dashboard = build_dashboard(_plan(LINE_PLAN + REGISTER), dt.date(2027, 1, 6))
    assert [(r.risk.id, r.status, r.overdue, r.high) for r in dashboard.risks] == [
        ("late-risk", "open", True, True),  # no status is open
        ("today-risk", "open", False, False),
        ("watch", "accepted", False, True),
        ("undated-risk", "open", False, False),
    ]


@pytest.mark.parametrize("today", DAYS[:6], ids=str)
def test_overdue_agrees_with_rules_mk805_and_mk808(today: dt.date) -> None:
    text = LINE_PLAN + REGISTER
    findings = check_text(text, today=today, settings=Settings(select=("MK805", "MK808")))
    plan = _plan(text)
    ids = {f"assumptions[{i}].test-by": a.id for i, a in enumerate(plan.assumptions)}
    ids |= {f"risks[{i}].review-by": r.id for i, r in enumerate(plan.risks)}
    dashboard = build_dashboard(plan, today)
    shown = {("MK805", row.assumption.id) for row in dashboard.assumptions if row.overdue}
    shown |= {("MK808", row.risk.id) for row in dashboard.risks if row.overdue}
    assert shown == {(f.code, ids[f.path]) for f in findings}


def test_a_holding_assumption_whose_measures_are_behind_is_to_test_again() -> None:
    text = _with_results(("up", "2027-01-04", 10)) + REGISTER
    dashboard = build_dashboard(_plan(text), dt.date(2027, 1, 6))
    row = next(row for row in dashboard.assumptions if row.assumption.id == "rests-on-j")
    assert (row.status, row.strained_by) == ("holding", (("up", Status.BEHIND),))
    shown = run_cli("status", "-", "--today", "2027-01-06", stdin=text).stdout
    assert "Results that question them (MK806): rests-on-j (up behind)\n" in shown
    document = json.loads(
        run_cli("status", "-", "--today", "2027-01-06", "-f", "json", stdin=text).stdout
    )
    [shown_row] = [a for a in document["assumptions"] if a["assumption"] == "rests-on-j"]
    assert shown_row["strained_by"] == [{"measure": "up", "status": "behind"}]


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_results_that_question_an_assumption_agree_with_rule_mk806(today: dt.date) -> None:
    text = _with_results(("up", "2027-01-04", 35), ("down", "2027-01-09", 30)) + REGISTER
    text = text.replace("{id: later, text: Later,", "{id: later, text: Later, about: [o],")
    findings = check_text(text, today=today, settings=Settings(select=("MK806",)))
    plan = _plan(text)
    dashboard = build_dashboard(plan, today)
    shown = {row.assumption.id for row in dashboard.assumptions if row.strained_by}
    flagged = {plan.assumptions[int(f.path.split("[")[1].split("]")[0])].id for f in findings}
    assert shown == flagged


EVERY_ADDITION = REPO / "tests" / "data" / "every-addition.yaml"


def test_every_addition_in_json() -> None:
    args = ("status", str(EVERY_ADDITION), "--today", "2027-03-15", "--format", "json")
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["assumptions"] == [
        {
            "assumption": "parents-act-on-data",
            "text": "Parents act once they see their own school's air quality",
            "about": ["parents-journey", "map-lookups"],
            "evidence": "2026 survey, 64% of parents worried about air at the gates",
            "status": "untested",
            "test_by": "2027-03-03",
            "overdue": True,
            "strained_by": [{"measure": "councillor-pledges", "status": "behind"}],
        }
    ]  # leader-listens is holding: tested, nothing to do
    assert document["risks"] == [
        {
            "risk": "walker-safety",
            "text": "Children walking in traffic before the street is closed",
            "about": ["parents-journey/walking-bus", "parents-journey/captain"],
            "likelihood": "low",
            "impact": "high",
            "mitigation": "Marshals in hi-vis at every crossing; route risk-assessed",
            "owner": "Volunteer coordinators",
            "status": "open",
            "review_by": "2027-02-01",
            "overdue": True,
            "high": True,
        }
    ]  # gate-backlash is mitigated


def test_every_addition_in_text() -> None:
    result = run_cli("status", str(EVERY_ADDITION), "--today", "2027-03-15")
    assert result.returncode == 0, result.stderr
    assert_golden("status-every-addition.txt", result.stdout)
    measures = result.stdout.index("2 measures:")
    assumptions = result.stdout.index("Assumptions to test")
    risks = result.stdout.index("Risks to review")
    assert measures < assumptions < risks < result.stdout.index("Current phase:")


def test_register_text_marks_overdue_and_high() -> None:
    result = run_cli("status", "-", "--today", "2027-01-06", stdin=LINE_PLAN + REGISTER)
    lines = _lines(result.stdout)
    assert re.search(
        r"^2027-01-05 +late +untested +Late +overdue by 1 day$", "\n".join(lines), re.M
    )
    assert re.search(r"^2027-01-06 +due-today +untested +Due today +today$", "\n".join(lines), re.M)
    assert "Tests overdue: late (test by 2027-01-05)" in lines
    assert "High risks: late-risk (impact high), watch (likelihood high)" in lines
    assert "Risk reviews overdue: late-risk (review by 2027-01-05)" in lines
    forced = run_cli(
        "status",
        "-",
        "--today",
        "2027-01-06",
        stdin=LINE_PLAN + REGISTER,
        env={"NO_COLOR": None, "FORCE_COLOR": "1"},
    )
    assert re.search(r"\x1b\[1;31mlate-risk *\x1b\[0m", forced.stdout)  # high: bold red


def test_a_plan_whose_assumptions_and_risks_are_all_dealt_with_says_so() -> None:
    text = LINE_PLAN + (
        "assumptions: [{id: holds, text: Holds, status: holding}]\n"
        "risks: [{id: done, risk: Done, status: closed}]\n"
    )
    shown = run_cli("status", "-", "--today", "2027-01-06", stdin=text).stdout
    assert (
        "Assumptions to test (untested or under strain, by test-by date)\n"
        "None: every assumption is holding or broken.\n\n"
        "Risks to review (open or accepted, by review-by date)\n"
        "None: every risk is mitigated or closed.\n"
    ) in shown


PLANS_0_1 = ["clean-air-streets", "warm-homes-now", "gaps"]


@pytest.mark.parametrize("plan", PLANS_0_1)
def test_a_plan_without_the_additions_shows_what_it_showed_before(plan: str) -> None:
    path = REPO / "tests" / "data" / "plans-0.1" / f"{plan}.yaml"
    text = run_cli("status", str(path), "--today", EXAMPLE_TODAY)
    assert text.returncode == 0, text.stderr
    assert_golden(f"status-0.1-{plan}.txt", text.stdout)  # movekit 0.1's own output
    if plan == "warm-homes-now":
        return
    shown = run_cli("status", str(path), "--today", EXAMPLE_TODAY, "--format", "json").stdout
    before = json.loads((GOLDEN / f"status-0.1-{plan}.json").read_text(encoding="utf-8"))
    now = json.loads(shown)
    assert now.pop("review_cadence") is None  # issue 15's fields, empty on an old plan
    assert (now.pop("budget"), now.pop("activities")) == (None, [])
    for row in now["measures"]:
        assert row.pop("tracked_in") is None
        # issue 15's measure kinds: a count, with its numbers as written
        assert row.pop("kind") == "count"
        assert [row.pop(key) for key in ("baseline_written", "target_written", "done")] == [
            None
        ] * 3
    assert now == {**before, "assumptions": [], "risks": []}


def test_assumption_and_risk_text_is_shown_as_written_never_as_markup_or_escapes() -> None:
    text = LINE_PLAN + (
        'assumptions: [{id: a, text: "Holds [b]x[/b] \\e[31mnow"}]\n'
        'risks: [{id: r, risk: R, owner: "Ann [i]B[/i] \\e[2J"}]\n'
    )
    out = io.StringIO()
    write_text(build_dashboard(_plan(text), dt.date(2027, 1, 6)), console(out))
    shown = out.getvalue()
    assert "Holds [b]x[/b] \ufffd[31mnow" in shown
    assert "Ann [i]B[/i] \ufffd[2J" in shown
    assert "\x1b" not in shown
