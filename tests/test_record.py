"""`movekit record`: only the new lines are added, every byte around them is kept, and every
refusal leaves the file exactly as it was."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from movekit import load_plan
from movekit.errors import MovekitError, UsageError
from movekit.model import Result, Review
from movekit.review.record import record_csv, record_review, record_value
from tests.conftest import EXAMPLES, REPO, run_cli

TODAY = dt.date(2027, 12, 31)
"""The day the tests record on: after every date in them, so none is refused as future."""
ON_TODAY = ("--today", TODAY.isoformat())

# A plan written by hand, with comments everywhere and the formatting people really use.
ODD_PLAN = (
    "# Our plan   (odd spacing and trailing spaces are the user's business)   \n"
    + """\
movekit: 1
campaign:
    name:   "Clean Air"      # quoted, extra spaces
    goal: 'Council adopts School Streets'
    starts: 2027-01-11
outcomes:
-   id: policy
    title: Policy adopted
    type: policy
    measures:
    -   {id: pledges, metric: Pledges, baseline: 3, target: 32, due: 2027-06-30}
    -   id: map-lookups     # measured by the map
        metric: Map lookups
audiences:
  - {id: parents, name: Parents}
phases:
  - id: launch
    name: Launch
    review: 2027-03-03
reviews:
  - phase: launch
    date: 2027-03-03
    learned: >-
      The map drove sign-ups;
      the film did not.

  # a note after the last review, before the next section

results:   # the numbers so far
  - {measure: pledges, date: 2027-02-01, value: 9}   # from the tracker
  # - {measure: pledges, date: 2027-02-08, value: 10}   (not confirmed)

x-notes: kept as they are
"""
)


def _write(tmp_path: Path, text: str | bytes, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_bytes(text.encode("utf-8"))
    else:
        path.write_bytes(text)
    return path


def _only_added(before: bytes, after: bytes, added: bytes) -> None:
    """`after` is `before` with `added` inserted once, and nothing else changed."""
    assert after.count(added) == 1, after.decode("utf-8", "replace")
    assert after.replace(added, b"", 1) == before


# --- where the new lines go -------------------------------------------------------------------


def test_a_result_goes_after_the_last_result_in_its_style(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    before = plan.read_bytes()
    record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    added = b"  - {measure: pledges, date: 2027-03-15, value: 14}\n"
    _only_added(before, plan.read_bytes(), added)
    # right after the last item's line (its comment stays with it), before the commented line
    assert b"# from the tracker\n" + added + b"  # - {measure" in plan.read_bytes()


def test_a_review_goes_after_the_last_review_in_block_style(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    before = plan.read_bytes()
    record_review(
        plan, "launch", "Walking buses work: mostly.", "More captains", "2027-04-15", today=TODAY
    )
    added = (
        b"  - phase: launch\n    date: 2027-04-15\n"
        b'    learned: "Walking buses work: mostly."\n    changes: More captains\n'
    )
    _only_added(before, plan.read_bytes(), added)
    assert b"      the film did not.\n" + added + b"\n  # a note" in plan.read_bytes()


def test_the_whole_file_after_recording_twice(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    record_value(plan, "map-lookups", "12.5", "2027-03-01", today=TODAY)
    record_value(plan, "map-lookups", "0020", "2027-03-08", today=TODAY)
    expected = ODD_PLAN.replace(
        "   # from the tracker\n",
        "   # from the tracker\n"
        "  - {measure: map-lookups, date: 2027-03-01, value: 12.5}\n"
        "  - {measure: map-lookups, date: 2027-03-08, value: 20}\n",
    )
    assert plan.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        ("results: []\n", "results:\n  - {measure: pledges, date: 2027-03-15, value: 14}\n"),
        (
            "results: []   # none yet\n",
            "results: # none yet\n  - {measure: pledges, date: 2027-03-15, value: 14}\n",
        ),
        ("results:\n", "results:\n  - {measure: pledges, date: 2027-03-15, value: 14}\n"),
        (
            "results: ~\n# end\n",
            "results:\n  - {measure: pledges, date: 2027-03-15, value: 14}\n# end\n",
        ),
        ("results:\n  [ ]\n", "results:\n  - {measure: pledges, date: 2027-03-15, value: 14}\n"),
        (
            "results: [{measure: pledges, date: 2027-02-01, value: 9}]\n",
            "results: [{measure: pledges, date: 2027-02-01, value: 9}, "
            "{measure: pledges, date: 2027-03-15, value: 14}]\n",
        ),
        (
            "results: [\n    {measure: pledges, date: 2027-02-01, value: 9},\n]\n",
            "results: [\n    {measure: pledges, date: 2027-02-01, value: 9},\n"
            "    {measure: pledges, date: 2027-03-15, value: 14},\n]\n",
        ),
        (
            "results:\n- measure: pledges\n  date: 2027-02-01\n  value: 9\n",
            "results:\n- measure: pledges\n  date: 2027-02-01\n  value: 9\n"
            "- measure: pledges\n  date: 2027-03-15\n  value: 14\n",
        ),
        (
            "results:\n-\n  measure: pledges\n  date: 2027-02-01\n  value: 9\n",
            "results:\n-\n  measure: pledges\n  date: 2027-02-01\n  value: 9\n"
            "- measure: pledges\n  date: 2027-03-15\n  value: 14\n",
        ),
    ],
    ids=[
        "empty-flow",
        "empty-flow-comment",
        "null",
        "tilde",
        "empty-flow-next-line",
        "flow-list",
        "flow-list-lines",
        "block-items",
        "dash-alone",
    ],
)
def test_every_shape_of_results_section(tmp_path: Path, results: str, expected: str) -> None:
    head = (
        "movekit: 1\ncampaign: {name: C, goal: G}\n"
        "outcomes:\n  - id: o\n    title: O\n    type: policy\n"
        "    measures: [{id: pledges, metric: Pledges}]\n"
        "audiences: [{id: a, name: A}]\n"
    )
    plan = _write(tmp_path, head + results)
    record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    assert plan.read_text(encoding="utf-8") == head + expected


@pytest.mark.parametrize(
    ("ending", "expected_tail"),
    [
        ("audiences: [{id: a, name: A}]\n", "audiences: [{id: a, name: A}]\n\nresults:\n"),
        ("audiences: [{id: a, name: A}]", "audiences: [{id: a, name: A}]\n\nresults:\n"),
        ("audiences: [{id: a, name: A}]\n\n", "audiences: [{id: a, name: A}]\n\nresults:\n"),
        ("audiences: [{id: a, name: A}]\n...\n", "audiences: [{id: a, name: A}]\n\nresults:\n"),
    ],
    ids=["newline", "no-final-newline", "blank-line", "document-end"],
)
def test_a_missing_section_is_added_at_the_end(
    tmp_path: Path, ending: str, expected_tail: str
) -> None:
    head = "movekit: 1\ncampaign: {name: C, goal: G}\noutcomes:\n- id: o\n  title: O\n"
    head += "  type: policy\n  measures: [{id: pledges, metric: Pledges}]\n"
    plan = _write(tmp_path, head + ending)
    record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    text = plan.read_text(encoding="utf-8")
    # the new list copies the file's own indentation (`- ` at the margin here)
    item = "- {measure: pledges, date: 2027-03-15, value: 14}\n"
    tail = "...\n" if ending.endswith("...\n") else ""
    assert text == head + expected_tail + item + tail


def test_a_missing_reviews_section_gets_block_items(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN.replace("reviews:\n  - phase: launch", "x-old:\n  - phase: x"))
    record_review(plan, "launch", "We learned", "We changed", "2027-03-03", today=TODAY)
    # indented like the file's first top-level list (`-   ` under outcomes:)
    assert plan.read_text(encoding="utf-8").endswith(
        "x-notes: kept as they are\n\nreviews:\n-   phase: launch\n    date: 2027-03-03\n"
        "    learned: We learned\n    changes: We changed\n"
    )


def test_crlf_line_endings_stay_crlf(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN.replace("\n", "\r\n"))
    before = plan.read_bytes()
    record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    _only_added(
        before, plan.read_bytes(), b"  - {measure: pledges, date: 2027-03-15, value: 14}\r\n"
    )
    assert b"\r\n" not in plan.read_bytes().replace(b"\r\n", b"")  # no lone \r or \n


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (b"", "utf-8")],
    ids=["utf-8-bom", "utf-16-le", "utf-8"],
)
def test_the_encoding_and_byte_order_mark_are_kept(tmp_path: Path, bom: bytes, codec: str) -> None:
    text = ODD_PLAN.replace("Clean Air", "Clean Air ☁ Ünïcode")
    plan = _write(tmp_path, bom + text.encode(codec))
    before = plan.read_bytes()
    record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    after = plan.read_bytes()
    assert after.startswith(bom)
    added = "  - {measure: pledges, date: 2027-03-15, value: 14}\n".encode(codec)
    _only_added(before, after, added)


def test_a_block_scalar_that_keeps_its_blank_lines_keeps_them(tmp_path: Path) -> None:
    text = ODD_PLAN.replace(
        "    learned: >-\n      The map drove sign-ups;\n      the film did not.\n",
        "    learned: |+\n      The map drove sign-ups.\n\n",
    )
    plan = _write(tmp_path, text)
    old = load_plan(plan).reviews[0].learned
    record_review(plan, "launch", "Second", "More", "2027-03-04", today=TODAY)
    new = load_plan(plan).reviews
    assert old is not None and old.startswith("The map drove sign-ups.\n\n")
    assert new[0].learned == old
    assert new[1] == Review(
        phase="launch", date=dt.date(2027, 3, 4), learned="Second", changes="More"
    )


def test_the_model_gains_exactly_the_new_results(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLES / "clean-air-streets.yaml", plan)
    before = load_plan(plan)
    added = record_value(plan, "gate-visits", "-2.5", "2027-03-13", today=TODAY)
    after = load_plan(plan)
    assert after.results == [*before.results, added]
    assert added == Result(measure="gate-visits", date=dt.date(2027, 3, 13), value=-2.5)
    assert after.model_copy(update={"results": before.results}) == before


def test_the_date_defaults_to_today(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    result = record_value(plan, "pledges", "15")
    assert result.date == dt.date.today()


def test_a_symlinked_plan_is_refused_not_written_through(tmp_path: Path) -> None:
    real = _write(tmp_path, ODD_PLAN, "real.yaml")
    link = tmp_path / "plan.yaml"
    link.symlink_to(real)
    with pytest.raises(MovekitError, match="symbolic link"):
        record_value(link, "pledges", "14", "2027-03-15", today=TODAY)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == ODD_PLAN


# --- refusals leave the file identical ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("pledgs", "3"), "'pledgs' is not a measure in the plan; did you mean 'pledges'?"),
        (("pledges", "1,200"), "without thousands separators, such as 1200"),
        (("pledges", "3", "--date", "2027-02-30"), "'2027-02-30' is not a date in the calendar"),
        (("--review", "lanch", "--learned", "x", "--changes", "y"), "did you mean 'launch'?"),
        (("pledges", "3", "--learned", "x"), "--learned and --changes go with --review"),
        ((), "say what to record"),
    ],
)
def test_refusals_exit_2_and_leave_the_file_identical(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    before = plan.read_bytes()
    result = run_cli("record", str(plan), *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert plan.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


@pytest.mark.parametrize(
    ("measure", "value", "on", "message"),
    [
        ("nothing-like-it", "3", "2027-03-01", "(its measures: pledges, map-lookups)"),
        ("pledges", "abc", "2027-03-01", "'abc' is not a number: write digits"),
        ("pledges", "12,5", "2027-03-01", "use a point for decimals, such as 12.5"),
        ("pledges", "45%", "2027-03-01", "without the % sign, such as 45"),
        ("pledges", "nan", "2027-03-01", "'nan' is not a number"),
        ("pledges", "0x1F", "2027-03-01", "'0x1F' is not a number"),
        ("pledges", "", "2027-03-01", "'' is not a number"),
        ("pledges", "1e400", "2027-03-01", "too large"),
        ("pledges", "2000000000000000", "2027-03-01", "too large"),
        ("pledges", "3", "15/03/2027", "write it as YYYY-MM-DD"),
        ("pledges", "3", "2027-3-15", "write it as YYYY-MM-DD"),
        ("pledges", "9", "2027-02-01", "pledges = 9 on 2027-02-01 is already recorded"),
        ("pledgs", "x", "2027-13-01", "3 problems, so nothing was recorded:\n  'pledgs'"),
    ],
)
def test_refused_results(tmp_path: Path, measure: str, value: str, on: str, message: str) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    with pytest.raises(UsageError) as refused:
        record_value(plan, measure, value, on, today=TODAY)
    assert message in str(refused.value)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


@pytest.mark.parametrize(
    ("phase", "learned", "changes", "message"),
    [
        ("nothing-like-it", "a", "b", "'nothing-like-it' is not a phase in the plan (its phases"),
        ("launch", " ", "b", "--learned is empty"),
        ("launch", "a", "", "--changes is empty"),
        ("launch", "bad \udcff byte", "b", "--learned is not UTF-8 text"),
    ],
)
def test_refused_reviews(
    tmp_path: Path, phase: str, learned: str, changes: str, message: str
) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    with pytest.raises(UsageError) as refused:
        record_review(plan, phase, learned, changes, "2027-03-01", today=TODAY)
    assert message in str(refused.value)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_a_plan_with_file_level_errors_is_refused_with_every_error(tmp_path: Path) -> None:
    broken = ODD_PLAN.replace("type: policy", "type: polcy").replace("phase: launch", "phase: lnch")
    plan = _write(tmp_path, broken)
    result = run_cli("record", str(plan), "pledges", "3")
    assert result.returncode == 2
    assert "has file-level errors, so nothing was recorded" in result.stderr
    assert f"{plan}:10:11: MK002" in result.stderr
    assert f"{plan}:22:12: MK005" in result.stderr
    assert plan.read_bytes() == broken.encode()


@pytest.mark.parametrize(
    "raw",
    [b"movekit: 1\ncampaign: [\n", b"\xff\xfe\xfa movekit", b"movekit: 2\n"],
    ids=["yaml-syntax", "not-utf8", "version"],
)
def test_unreadable_plans_are_refused(tmp_path: Path, raw: bytes) -> None:
    plan = _write(tmp_path, raw)
    with pytest.raises(MovekitError, match="file-level errors"):
        record_value(plan, "pledges", "3", "2027-03-01", today=TODAY)
    assert plan.read_bytes() == raw


def test_missing_plan_and_stdin_are_refused(tmp_path: Path) -> None:
    missing = run_cli("record", str(tmp_path / "nope.yaml"), "pledges", "3")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    stdin = run_cli("record", "-", "pledges", "3", stdin=ODD_PLAN)
    assert stdin.returncode == 2 and "cannot read the plan from stdin" in stdin.stderr


def test_a_read_only_plan_is_refused(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    plan.chmod(0o444)
    try:
        with pytest.raises(MovekitError, match="read-only"):
            record_value(plan, "pledges", "3", "2027-03-01", today=TODAY)
        assert plan.read_text(encoding="utf-8") == ODD_PLAN
    finally:
        plan.chmod(0o644)


def test_the_cli_says_what_it_recorded(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    one = run_cli("record", str(plan), "pledges", "14", "--date", "2027-03-15", *ON_TODAY)
    assert one.returncode == 0, one.stderr
    assert one.stdout == f"Recorded pledges = 14 on 2027-03-15 in {plan}\n"
    negative = run_cli(
        "record", str(plan), *ON_TODAY, "pledges", "--date", "2027-03-16", "--", "-1"
    )
    assert negative.stdout == f"Recorded pledges = -1 on 2027-03-16 in {plan}\n"
    review = run_cli("record", str(plan), "--review", "launch", "--learned", "a", "--changes", "b")
    assert review.stdout == (
        f"Recorded the review of phase 'launch' on {dt.date.today()} in {plan}\n"
    )
    assert [r.value for r in load_plan(plan).results] == [9, 14, -1]


# --- CSV files -------------------------------------------------------------------------------


def test_csv_with_bom_crlf_blank_lines_any_column_order_and_extra_columns(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    rows = (
        "\ufeffDate, Measure ,VALUE,notes\r\n"
        "2027-03-01,pledges,10,first\r\n"
        "\r\n"
        '2027-03-08,map-lookups," 1200 ",\r\n'
        '2027-03-09,pledges,11,"two\r\nlines"\r\n'
    )
    csv_file = _write(tmp_path, rows, "results.csv")
    before = plan.read_bytes()
    results = record_csv(plan, csv_file, today=TODAY).results
    assert [(new.result.measure, new.result.value, new.replaces) for new in results] == [
        ("pledges", 10, None),
        ("map-lookups", 1200, None),
        ("pledges", 11, None),
    ]
    added = (
        b"  - {measure: pledges, date: 2027-03-01, value: 10}\n"
        b"  - {measure: map-lookups, date: 2027-03-08, value: 1200}\n"
        b"  - {measure: pledges, date: 2027-03-09, value: 11}\n"
    )
    _only_added(before, plan.read_bytes(), added)


def test_csv_reports_every_bad_row_with_its_line_and_writes_nothing(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    rows = (
        "measure,date,value\n"
        "pledges,2027-03-01,10\n"  # fine, but not recorded: another row is bad
        "pledgs,2027-03-01,10\n"
        "\n"
        "pledges,2027-3-1,10\n"
        'pledges,2027-03-02,"1,000"\n'
        "pledges,2027-03-02,1,000\n"
        "pledges,2027-03-02\n"
        "pledges,2027-02-01,9\n"
        "pledges,2027-03-01,10\n"
    )
    csv_file = _write(tmp_path, rows, "results.csv")
    before = plan.read_bytes()
    result = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert result.returncode == 2
    name = str(csv_file)
    assert result.stderr.splitlines() == [
        f"error: {name}: 7 problems, so nothing was recorded:",
        f"  {name}:3, column measure: 'pledgs' is not a measure in the plan; "
        "did you mean 'pledges'?",
        f"  {name}:5, column date: '2027-3-1' is not a date: write it as YYYY-MM-DD, "
        "such as 2027-03-15",
        f"  {name}:6, column value: '1,000' is not a number: write it without thousands "
        "separators, such as 1000",
        f"  {name}:7: 4 values but the header has 3 columns (write numbers without a "
        "thousands comma, or put the value in quotes)",
        f"  {name}:8: 2 values, but the header has 3 columns",
        f"  {name}:9: pledges = 9 on 2027-02-01 is already recorded in the plan",
        f"  {name}:10: pledges = 10 on 2027-03-01 is already recorded by an earlier row",
    ]
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; it needs a header row: measure,date,value"),
        (b"\xef\xbb\xbf\r\n\r\n", "the file is empty"),
        (b"measure,date,value\r\n", "a header row but no results to record"),
        (b"measure,date\npledges,2027-03-01\n", "must name the columns measure, date and value"),
        (b"measure,date,vaule\n", "is 'vaule' meant to be 'value'?"),
        (b"measure;date;value\n", "separate the columns with commas, not semicolons"),
        (b"measure,date,value,value\n", "the header row names value twice"),
    ],
    ids=["empty", "bom-blank", "header-only", "missing", "misspelt", "semicolons", "twice"],
)
def test_csv_files_that_cannot_be_used(tmp_path: Path, content: bytes, message: str) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    csv_file = _write(tmp_path, content, "results.csv")
    with pytest.raises(UsageError, match=message.replace("?", r"\?")):
        record_csv(plan, csv_file, today=TODAY)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_a_long_csv_is_listed_in_part(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    rows = "".join(f"pledges,2027-03-{day:02},{day}\n" for day in range(1, 26))
    csv_file = _write(tmp_path, "measure,date,value\n" + rows, "results.csv")
    result = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Recorded 25 results from {csv_file} in {plan}:"
    assert lines[1:3] == ["  pledges = 1 on 2027-03-01", "  pledges = 2 on 2027-03-02"]
    assert lines[21:] == ["  ... and 5 more"]
    assert len(load_plan(plan).results) == 26


def test_csv_from_stdin(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    result = run_cli(
        "record",
        str(plan),
        "--from",
        "-",
        *ON_TODAY,
        stdin="measure,date,value\npledges,2027-03-01,10\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"Recorded 1 result from - in {plan}:\n  pledges = 10 on 2027-03-01\n")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"),
        min_size=1,
        max_size=30,
    ).filter(str.strip)
)
def test_any_review_text_is_recorded_exactly(tmp_path: Path, learned: str) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    record_review(plan, "launch", learned, "Changed", "2027-03-04", today=TODAY)
    assert load_plan(plan).reviews[-1].learned == learned


# --- plans movekit will not splice into, and the read-back check ----------------------------


def test_a_results_alias_and_a_flow_style_plan_are_refused(tmp_path: Path) -> None:
    aliased = ODD_PLAN.replace("x-notes: kept as they are\n", "").replace(
        "results:   # the numbers so far\n", "x-old: &old\n"
    )
    plan = _write(tmp_path, aliased + "results: *old\n")
    with pytest.raises(MovekitError, match=r"`results:` is an alias \(\*old\)"):
        record_value(plan, "pledges", "3", "2027-03-01", today=TODAY)
    flow = "{movekit: 1, campaign: {name: C, goal: G}, outcomes: [{id: o, title: O, "
    flow += "type: policy, measures: [{id: pledges, metric: P}]}], audiences: [{id: a, name: A}]}\n"
    plan = _write(tmp_path, flow)
    with pytest.raises(MovekitError, match="not a block mapping"):
        record_value(plan, "pledges", "3", "2027-03-01", today=TODAY)
    assert plan.read_text(encoding="utf-8") == flow


@pytest.mark.parametrize(
    ("old", "new"), [("name: Launch", "name: Lunch"), ("as they are", "as they were")]
)
def test_a_splice_that_changes_anything_else_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    """Even a change the model cannot see (an x- note) is caught by the read-back check."""
    import movekit.review.record

    def careless(text: str, key: str, items: object, *, flow: bool) -> str:
        added = "  - {measure: pledges, date: 2027-03-15, value: 14}\n"
        return text.replace(old, new).replace("   # from the tracker\n", "\n" + added)

    monkeypatch.setattr(movekit.review.record, "append_items", careless)
    plan = _write(tmp_path, ODD_PLAN)
    with pytest.raises(MovekitError, match="without changing something else"):
        record_value(plan, "pledges", "14", "2027-03-15", today=TODAY)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_the_documented_csv_refusal_is_real_output(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "review-loop.md").read_text(encoding="utf-8")
    start = doc.index("For this `results.csv`:")
    csv_text, output = re.findall(r"```text\n(.*?)```", doc[start:], re.S)[:2]
    shutil.copy(EXAMPLES / "clean-air-streets.yaml", tmp_path / "plan.yaml")
    (tmp_path / "results.csv").write_text(csv_text, encoding="utf-8")
    command = re.search(r"`movekit (record [^`]+)` says:", doc[start:])
    assert command is not None
    args = command.group(1).replace("examples/clean-air-streets.yaml", "plan.yaml").split()
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == output


# --- dates that cannot be true, and corrections -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("pledges", "14", "--date", "2028-01-01"),
            "error: 2028-01-01 is after today (2027-12-31): a result is recorded once it has "
            "been measured; correct the date, or add --allow-future to record it anyway\n",
        ),
        (
            ("--review", "launch", "--learned", "a", "--changes", "b", "--date", "2028-01-01"),
            "error: 2028-01-01 is after today (2027-12-31): a review is recorded once it has "
            "been held (plan it with the phase's review: date); correct the date, or add "
            "--allow-future to record it anyway\n",
        ),
        (
            ("pledges", "12", "--date", "2027-02-01"),
            "error: pledges already has a result on 2027-02-01 (9): to correct it to 12, "
            "add --replace\n",
        ),
        (
            ("pledges", "12", "--date", "2027-02-02", "--replace"),
            "error: --replace corrects a result already recorded, but pledges has no result on "
            "2027-02-02: check the date, or leave out --replace to add it\n",
        ),
        (
            ("--review", "launch", "--learned", "a", "--changes", "b", "--replace"),
            "error: --replace corrects results: leave it out with --review\n",
        ),
    ],
)
def test_future_dates_and_second_values_are_refused(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    result = run_cli("record", str(plan), *args, *ON_TODAY)
    assert (result.returncode, result.stderr) == (2, message)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_allow_future_records_a_future_date(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    one = run_cli("record", str(plan), "pledges", "14", "--date", "2028-01-01", "--allow-future")
    assert one.returncode == 0, one.stderr
    review = ("--review", "launch", "--learned", "a", "--changes", "b", "--date", "2099-01-01")
    assert run_cli("record", str(plan), *review, "--allow-future").returncode == 0
    plan_model = load_plan(plan)
    assert plan_model.results[-1].date == dt.date(2028, 1, 1)
    assert plan_model.reviews[-1].date == dt.date(2099, 1, 1)


def test_the_real_today_is_the_default_limit(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(UsageError, match="is after today"):
        record_value(plan, "pledges", "14", tomorrow)
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_replace_changes_only_the_old_value(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    result = run_cli(
        "record", str(plan), "pledges", "12.5", "--date", "2027-02-01", "--replace", *ON_TODAY
    )
    assert result.stdout == f"Corrected pledges = 12.5 on 2027-02-01 in {plan}\n"
    expected = ODD_PLAN.replace("2027-02-01, value: 9}", "2027-02-01, value: 12.5}")
    assert expected != ODD_PLAN
    assert plan.read_text(encoding="utf-8") == expected


def test_replace_in_a_block_item_keeps_its_comment_and_line_endings(tmp_path: Path) -> None:
    text = ODD_PLAN.replace(
        "  - {measure: pledges, date: 2027-02-01, value: 9}   # from the tracker\n",
        "  - measure: pledges\n    date: 2027-02-01\n    value:   9   # from the tracker\n"
        "    x-source: {value: 9}\n",
    ).replace("\n", "\r\n")
    plan = _write(tmp_path, text)
    record_value(plan, "pledges", "1200", "2027-02-01", today=TODAY, replace=True)
    expected = text.replace("value:   9   #", "value:   1200   #")
    assert plan.read_bytes() == expected.encode("utf-8")


def test_two_results_already_on_the_day_are_not_guessed_at(tmp_path: Path) -> None:
    text = ODD_PLAN.replace(
        "   # from the tracker\n",
        "   # from the tracker\n  - {measure: pledges, date: 2027-02-01, value: 90}\n",
    )
    plan = _write(tmp_path, text)
    with pytest.raises(UsageError, match=r"already has 2 results on 2027-02-01 \(9, 90\)"):
        record_value(plan, "pledges", "12", "2027-02-01", today=TODAY, replace=True)
    assert plan.read_text(encoding="utf-8") == text


def test_csv_rows_are_checked_for_future_dates_and_second_values(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    rows = (
        "measure,date,value\n"
        "pledges,2027-03-01,10\n"
        "pledges,2027-02-01,12\n"
        "pledges,2028-01-01,13\n"
        "map-lookups,2027-03-01,5\n"
        "map-lookups,2027-03-01,6\n"
    )
    csv_file = _write(tmp_path, rows, "results.csv")
    result = run_cli("record", str(plan), "--from", str(csv_file), *ON_TODAY)
    name = str(csv_file)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {name}: 3 problems, so nothing was recorded:",
        f"  {name}:3: pledges already has a result on 2027-02-01 (9): to correct it to 12, "
        "add --replace",
        f"  {name}:4, column date: 2028-01-01 is after today (2027-12-31): a result is "
        "recorded once it has "
        "been measured; correct the date, or add --allow-future to record it anyway",
        f"  {name}:6: line 5 already gives map-lookups a value on 2027-03-01: keep one of the "
        "two rows",
    ]
    assert plan.read_text(encoding="utf-8") == ODD_PLAN


def test_csv_with_replace_corrects_and_adds(tmp_path: Path) -> None:
    plan = _write(tmp_path, ODD_PLAN)
    rows = "measure,date,value\npledges,2027-02-01,12\npledges,2028-01-01,13\n"
    csv_file = _write(tmp_path, rows, "results.csv")
    options = ("--replace", "--allow-future", *ON_TODAY)
    result = run_cli("record", str(plan), "--from", str(csv_file), *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  pledges = 12 on 2027-02-01 (corrected)",
        "  pledges = 13 on 2028-01-01",
    ]
    expected = ODD_PLAN.replace(
        "2027-02-01, value: 9}   # from the tracker\n",
        "2027-02-01, value: 12}   # from the tracker\n"
        "  - {measure: pledges, date: 2028-01-01, value: 13}\n",
    )
    assert plan.read_text(encoding="utf-8") == expected


def test_status_and_check_see_dates_after_today_alike(tmp_path: Path) -> None:
    """A result recorded with --allow-future is left out by status and flagged by check."""
    plan = _write(tmp_path, ODD_PLAN)
    run_cli("record", str(plan), "pledges", "30", "--date", "2030-01-01", "--allow-future")
    review = ("--review", "launch", "--learned", "a", "--changes", "b", "--date", "2030-02-01")
    run_cli("record", str(plan), *review, "--allow-future")
    today = ("--today", "2027-03-15")
    status = run_cli("status", str(plan), *today)
    assert status.returncode == 0, status.stderr
    lines = status.stdout.splitlines()
    pledges = next(line for line in lines if line.startswith("pledges"))
    assert pledges.split()[4:7] == ["9", "14", "behind"]  # latest 9: 30 in 2030 is left out
    assert (
        "Results dated after today, left out until then: pledges on 2030-01-01 "
        "(`movekit check` reports them: MK606)" in lines
    )
    assert (
        "Reviews dated after today: launch on 2030-02-01 (`movekit check` reports them: MK608)"
        in lines
    )
    check = run_cli("check", str(plan), *today, "--select", "MK606,MK607,MK608", "--format", "json")
    assert sorted(set(re.findall(r'"code": "(MK60\d)"', check.stdout))) == ["MK606", "MK608"]
