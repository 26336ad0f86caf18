"""One mistake, one error: cascades reported once, and a file that is no plan at all."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import VALID_PLAN, run_cli
from tests.test_validate import findings

NOT_PLANS = [
    "hello world\nthis is my shopping list\n",
    "Dear team: here are my notes\n",
    "name: x\nversion: 3\nitems: [1, 2]\n",
    "name: CI\non: [push]\njobs:\n  test: {runs-on: ubuntu-latest}\n",
    "Notes: buy milk\nTodo: call Sam about the rally\n",
    "- one\n- two\n",
    "{}\n",
]


def test_a_file_that_is_no_plan_at_all_is_one_error() -> None:
    for text in NOT_PLANS:
        [finding] = findings(text)
        assert finding.code == "MK007", text
        assert "not a movekit plan" in finding.message
        assert "movekit init" in finding.hint


def test_a_plan_with_misspelt_sections_is_still_a_plan() -> None:
    got = findings("Campaign: {name: n, goal: g}\nOutcome: []\n")
    assert "MK003" in [f.code for f in got]
    assert not any("not a movekit plan" in f.message for f in got)


def test_a_plan_without_its_version_is_still_a_plan() -> None:
    text = "campaign: {name: n, goal: g}\n"
    got = findings(text)
    assert sorted(f.code for f in got) == ["MK002", "MK002", "MK007"]
    assert any("`movekit: 1` is missing" in f.message for f in got)


ONE_CAUSE = [
    # a reference that is not a valid id and names no audience: one error, with the id meant
    ("    audience: parents\n", "    audience: Parents\n", [("MK005", "did you mean 'parents'?")]),
    ("    audience: parents\n", "    audience: ''\n", [("MK002", "The id is empty")]),
    # a bad id, used as written elsewhere: only the id is reported
    (
        "  - id: parents\n",
        "  - id: Regular Parents\n",
        [("MK002", "write it as 'regular-parents'")],
    ),
    # an audience without an id: the journey naming it is not reported as well
    ("  - id: parents\n    name: Parents\n", "  - name: Parents\n", [("MK002", "'id'")]),
    # audiences written as one mapping, or an item that is no mapping: not also "unknown"
    ("audiences:\n  - id: parents\n", "audiences:\n    id: parents\n", [("MK002", "a list")]),
    (
        "audiences:\n  - id: parents\n    name: Parents\n",
        "audiences:\n  - parents\n",
        [("MK002", "mapping")],
    ),
    # a journey without an audience: one error
    ("    audience: parents\n", "", [("MK002", "'audience'")]),
]


def test_one_cause_gives_one_error() -> None:
    journey = "journeys:\n  - id: pj\n    audience: parents\n    stages: [{level: action}]\n"
    for old, new, expected in ONE_CAUSE:
        text = (VALID_PLAN + journey).replace(old, new)
        text = text.replace("audience: parents", "audience: Regular Parents")
        text = text if "Regular Parents" in new else text.replace("Regular Parents", "parents")
        got = findings(text)
        assert [f.code for f in got] == [code for code, _ in expected], (new, got)
        for finding, (_, words) in zip(got, expected, strict=True):
            assert words in finding.message, (new, finding.message)


def test_a_reference_never_suggests_an_invalid_id() -> None:
    text = VALID_PLAN.replace("id: parents", "id: Parents") + (
        "  - {id: carers, name: Carers}\n"
        "journeys:\n  - {id: pj, audience: parnts, stages: [{level: action}]}\n"
    )
    got = findings(text)
    assert [f.code for f in got] == ["MK002"]  # the unknown audience may be the broken one
    bad = VALID_PLAN.replace("id: parents", "id: Parents") + (
        "  - {id: parents-x, name: Carers}\n"
        "journeys:\n  - {id: pj, audience: Parents2, stages: [{level: action}]}\n"
    )
    for finding in findings(bad):
        assert "did you mean 'Parents'" not in finding.message


def test_a_text_file_given_by_name_is_one_error_through_the_cli(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Meeting notes: rally on Friday\nBring: banners, flyers\nSam: call the council\n"
    )
    result = run_cli("check", str(notes), "--format", "concise")
    assert result.returncode == 1
    assert result.stdout.count("MK007") == 1 and "not a movekit plan" in result.stdout
    assert result.stdout.count(" MK0") == 1
