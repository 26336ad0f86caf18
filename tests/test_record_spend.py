"""`movekit record --spent`, `--date` by the month, and CSV files of money spent and of
milestones done: only the new lines are added, and every refusal leaves the file as it was."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.review.record import record_csv, record_spend
from tests.conftest import REPO, run_cli

REAL = REPO / "tests" / "data" / "real-additions.yaml"
TODAY = "2027-04-01"
ON_TODAY = ("--today", TODAY)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "plan.yaml"
    shutil.copyfile(REAL, copy)
    return copy


def _only_added_at_end(before: bytes, after: bytes, added: bytes) -> None:
    """`after` is `before` with `added` after its last line, and nothing else changed."""
    assert after == before + added, after[-300:].decode("utf-8")


def test_spent_is_added_after_the_last_spend_entry_in_its_style(plan: Path) -> None:
    before = plan.read_bytes()
    args = ("--spent", "3850", "--for", "leader-meeting", "--note", "Room hire: town hall")
    done = run_cli("record", str(plan), *args, "--date", "2027-03-14", *ON_TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Recorded 3850 spent on 2027-03-14 for leader-meeting in {plan}\n"
    added = (
        b"  - date: 2027-03-14\n"
        b"    amount: 3850\n"
        b"    for: leader-meeting\n"
        b'    note: "Room hire: town hall"\n'
    )
    _only_added_at_end(before, plan.read_bytes(), added)
    spend = load_plan(plan).spend[-1]
    assert (spend.amount, spend.for_, spend.note) == (
        3850,
        ["leader-meeting"],
        "Room hire: town hall",
    )


def test_a_plan_without_spend_gets_the_list_at_its_end(tmp_path: Path) -> None:
    text = REAL.read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[: text.index("# Money spent")], encoding="utf-8")
    before = plan.read_bytes()
    spend = record_spend(plan, "-120.5", "2027-03", today=dt.date(2027, 4, 1))
    assert (spend.amount, spend.date) == (-120.5, dt.date(2027, 3, 31))
    _only_added_at_end(before, plan.read_bytes(), b"spend:\n  - {date: 2027-03, amount: -120.5}\n")


def test_spent_without_a_date_is_dated_today(plan: Path) -> None:
    done = run_cli("record", str(plan), "--spent", "300", *ON_TODAY)
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8").endswith("  - date: 2027-04-01\n    amount: 300\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--spent", "1,200"), "--spent: '1,200' is not a number: write it without thousands"),
        (("--spent", "0"), "--spent: an amount of 0 records nothing"),
        (
            ("--spent", "50", "--for", "air-reprt"),
            "--for: 'air-reprt' names nothing in the plan; did you mean 'air-report' "
            "(an activity)?",
        ),
        (
            ("--spent", "50", "--for", "launch"),
            "--for: 'launch' names more than one item (phase:launch, activity:launch): write "
            "KIND:ID to say which one, such as 'phase:launch'",
        ),
        (
            ("--spent", "50", "--date", "2027-04-02"),
            "--date: 2027-04-02 is after today (2027-04-01): money is recorded once it has been "
            "spent; correct the date, or add --allow-future",
        ),
        (
            ("--spent", "50", "--date", "2027-04"),
            "--date: 2027-04 stands for its last day, 2027-04-30, which is after today "
            "(2027-04-01): record the month's figure once the month is over, or give the day",
        ),
        (("--spent", "50", "--note", " "), "--note: the note is empty"),
        (("councillor-pledges", "3", "--spent", "50"), "--spent records money spent, not a result"),
        (
            ("--spent", "50", "--review", "launch", "--learned", "a", "--changes", "b"),
            "--spent records money spent: record the review separately",
        ),
        (("--spent", "50", "--from", "x.csv"), "use one or the other"),
        (("--spent", "50", "--replace"), "--replace corrects results: leave it out with --spent"),
        (("--for", "air-report"), "--for and --note go with --spent AMOUNT"),
    ],
    ids=[
        "thousands",
        "zero",
        "unknown-for",
        "ambiguous-for",
        "future-day",
        "future-month",
        "empty-note",
        "with-measure",
        "with-review",
        "with-from",
        "with-replace",
        "for-alone",
    ],
)
def test_what_cannot_be_recorded_is_refused_with_the_fix(
    plan: Path, args: tuple[str, ...], message: str
) -> None:
    text = REAL.read_text(encoding="utf-8")
    # an activity with a phase's id, for `--for launch`
    plan.write_text(
        text.replace("  - id: air-report", "  - id: launch\n    what: Launch\n  - id: air-report"),
        encoding="utf-8",
    )
    before = plan.read_bytes()
    done = run_cli("record", str(plan), *args, *ON_TODAY)
    assert done.returncode == 2, done.stdout
    assert message in done.stderr
    assert plan.read_bytes() == before


def test_allow_future_records_a_month_not_over_yet(plan: Path) -> None:
    done = run_cli(
        "record", str(plan), "--spent", "50", "--date", "2027-04", "--allow-future", *ON_TODAY
    )
    assert done.returncode == 0, done.stderr
    assert plan.read_text(encoding="utf-8").endswith("  - date: 2027-04\n    amount: 50\n")


def test_a_plan_with_file_level_errors_is_refused(plan: Path) -> None:
    plan.write_text(
        REAL.read_text(encoding="utf-8").replace("amount: 1200", "amount: lots"), encoding="utf-8"
    )
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "--spent", "50", *ON_TODAY)
    assert done.returncode == 2
    assert "has file-level errors, so nothing was recorded" in done.stderr
    assert plan.read_bytes() == before


def test_a_result_dated_by_month_is_written_as_typed(plan: Path) -> None:
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "map-lookups", "1400", "--date", "2027-03", *ON_TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Recorded map-lookups = 1400 on 2027-03 in {plan}\n"
    after = plan.read_bytes()
    added = b"  - measure: map-lookups\n    date: 2027-03\n    value: 1400\n"
    assert after.replace(added, b"", 1) == before
    assert after.index(added) < after.index(b"# Money spent")
    result = load_plan(plan).results[-1]
    assert result.date == dt.date(2027, 3, 31)


def test_a_month_result_in_its_own_month_is_refused_with_the_hint(plan: Path) -> None:
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "map-lookups", "1400", "--date", "2027-04", *ON_TODAY)
    assert done.returncode == 2
    assert "record the month's figure once the month is over, or give the day" in done.stderr
    assert plan.read_bytes() == before


# --- CSV files ------------------------------------------------------------------------------


def test_a_spend_csv_adds_every_row(plan: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "spend.csv"
    csv_file.write_text(
        "Date,Amount,For,Note\n2027-03-02,120,air-report,Printing\n2027-03,80,,\n", encoding="utf-8"
    )
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Recorded 2 spending entries from {csv_file} in {plan}:",
        "  120 spent on 2027-03-02 for air-report",
        "  80 spent on 2027-03",
    ]
    added = (
        b"  - date: 2027-03-02\n    amount: 120\n    for: air-report\n    note: Printing\n"
        b"  - date: 2027-03\n    amount: 80\n"
    )
    _only_added_at_end(before, plan.read_bytes(), added)


def test_a_spend_csv_names_the_row_and_column_of_each_problem(plan: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "spend.csv"
    csv_file.write_text(
        "date,amount,for\n2027-03-02,120,air-report\n2027-13,x,nothing\n2027-04-20,5,\n",
        encoding="utf-8",
    )
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert done.returncode == 2
    name = str(csv_file)
    assert done.stderr.splitlines() == [
        f"error: {name}: 4 problems, so nothing was recorded:",
        f"  {name}:3, column date: '2027-13' is not a date: write it as YYYY-MM-DD, such as "
        "2027-03-15",
        f"  {name}:3, column amount: 'x' is not a number: write digits, with a point for "
        "decimals, such as 14 or 12.5",
        f"  {name}:3, column for: 'nothing' names nothing in the plan (its activities and "
        "mechanisms: air-report, leader-meeting, traders-breakfast, street-captains): add the "
        "activity (or mechanism) to the plan first, or leave it out",
        f"  {name}:4, column date: 2027-04-20 is after today (2027-04-01): money is recorded "
        "once it has been spent; correct the date, or add --allow-future to record it anyway",
    ]
    assert plan.read_bytes() == before


def test_a_spend_csv_needs_date_and_amount(plan: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "spend.csv"
    csv_file.write_text("when,amount\n2027-03-02,120\n", encoding="utf-8")
    done = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert done.returncode == 2
    assert "must name the columns date and amount (for and note may follow)" in done.stderr


MILESTONES = """\
movekit: 1
campaign: {name: Hearing, goal: The council holds a hearing, starts: 2027-01-01}
audiences: [{id: tenants, name: Tenants}]
outcomes:
  - id: law
    title: Law
    type: policy
    measures:
      - {id: hearing, metric: Hearing held, kind: milestone, due: 2027-03-31}
      - id: vote
        metric: Vote held
        kind: milestone
      - {id: signers, metric: Signers, baseline: 0, target: 10}
"""


def test_a_results_csv_marks_milestones_done_beside_results(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MILESTONES, encoding="utf-8")
    csv_file = tmp_path / "results.csv"
    csv_file.write_text(
        "measure,date,value\nhearing,2027-03-04,\nsigners,2027-03,4\nvote,2027-03,\n",
        encoding="utf-8",
    )
    records = record_csv(plan, csv_file, today=dt.date(2027, 4, 1))
    assert [new.measure for new in records.done] == ["hearing", "vote"]
    assert plan.read_text(encoding="utf-8") == (
        MILESTONES.replace("due: 2027-03-31}", "due: 2027-03-31, done: 2027-03-04}").replace(
            "        kind: milestone\n", "        kind: milestone\n        done: 2027-03\n"
        )
        + "\nresults:\n  - {measure: signers, date: 2027-03, value: 4}\n"
    )
    measures = load_plan(plan).outcomes[0].measures
    assert [m.done for m in measures] == [dt.date(2027, 3, 4), dt.date(2027, 3, 31), None]


def test_milestone_rows_are_checked_like_the_command(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        MILESTONES.replace("kind: milestone, due", "kind: milestone, done: 2027-02-01, due"),
        encoding="utf-8",
    )
    csv_file = tmp_path / "results.csv"
    csv_file.write_text(
        "measure,date,value\nvote,2027-03-05,1\nsigners,2027-03-06,\nvote,2027-05,\n"
        "hearing,2027-03-04,\nvote,2027-03-05,\nvote,2027-03-06,\n",
        encoding="utf-8",
    )
    before = plan.read_bytes()
    done = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert done.returncode == 2
    name = str(csv_file)
    assert done.stderr.splitlines()[1:] == [
        f"  {name}:2, column value: 'vote' is a milestone: it has no value to record; leave "
        "the value empty to mark it done on the row's date",
        f"  {name}:3, column value: the value is empty: give the number measured on that date",
        f"  {name}:4, column date: 2027-05 stands for its last day, 2027-05-31, which is after "
        "today (2027-04-01): record the month's figure once the month is over, or give the day "
        "(YYYY-MM-DD), or add --allow-future to record it anyway",
        f"  {name}:5: 'hearing' is already done on 2027-02-01: to correct the date to "
        "2027-03-04, add --replace",
        f"  {name}:7: line 6 already marks 'vote' done: keep one of the two rows",
    ]
    assert plan.read_bytes() == before
