"""A document as of a day shows only what was known on that day (movekit.asof).

tests/data/as-of-later-data.yaml has results, a review, a milestone's `done` and spending
dated after 15 March 2027; rendered as of that day none of them may show anywhere, and the
tables, charts, timeline and budget must tell the same story.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from movekit import load_plan
from movekit.asof import as_of, known_findings, phase_state
from movekit.findings import Finding, Severity
from movekit.model import Phase, Plan
from movekit.render.document import Document, build_document
from tests.conftest import REPO, run_cli
from tests.golden import assert_golden

PLAN = "tests/data/as-of-later-data.yaml"
DAY = dt.date(2027, 3, 15)
LATER = [
    "977",  # a result of 19 May
    "19 May",
    "20 Apr",  # the parish votes' only result
    "22 Apr",  # the milestone's done date
    "done on",
    "LATER-REVIEW",
    "LATER-CHANGE",
    "LATER-SPEND",
    "1,789",  # spent on 2 April
    "2,039",  # everything spent, the later entry included
]
"""Text that only entries dated after 15 March 2027 could put in the document."""


def _plan() -> Plan:
    return load_plan(REPO / PLAN)


def _document(day: dt.date = DAY) -> Document:
    return build_document(_plan(), [], day)


def _render(output: Path, *options: str) -> str:
    result = run_cli("render", PLAN, "--today", DAY.isoformat(), "-o", str(output), *options)
    assert result.returncode == 0, result.stderr
    return output.read_text(encoding="utf-8")


def _words(html: str) -> str:
    """The text a reader sees: tags (and so SVG coordinates) dropped."""
    return re.sub(r"<[^>]*>", " ", html)


def test_the_markdown_matches_its_golden_file(tmp_path: Path) -> None:
    assert_golden("render-as-of-later-data.md", _render(tmp_path / "plan.md"))


@pytest.mark.parametrize("extension", ["md", "html"])
def test_nothing_dated_after_the_day_shows(extension: str, tmp_path: Path) -> None:
    text = _render(tmp_path / f"plan.{extension}")
    shown = _words(text) if extension == "html" else text
    assert [later for later in LATER if later in shown] == []
    assert "340" in shown and "Leaflets at the village hall worked" in shown  # known: shown


def test_the_same_plan_a_day_after_everything_shows_it_all() -> None:
    document = _document(dt.date(2027, 6, 1))
    results = [(row.date.isoformat(), row.value) for row in document.iteration.results]
    assert ("2027-05-19", 977) in results and ("2027-04-20", 7) in results
    assert [review.learned for review in document.iteration.reviews][-1].startswith("LATER")
    assert document.budget is not None and document.budget.spent == 250 + 1789
    motion = document.outcomes[0].measures[2]
    assert (motion.done, motion.status) == (dt.date(2027, 4, 22), "met")


def test_the_measures_table_and_its_chart_agree() -> None:
    signatures, votes, motion = _document().outcomes[0].measures
    assert (signatures.status, signatures.latest_value) == ("behind", 340)
    assert signatures.chart is not None and "977" not in _words(signatures.chart)
    assert len(signatures.chart_rows) == 2 + 2  # header, separator, two known results
    # its only result is later: no data, and so no chart beside the "no data"
    assert (votes.status, votes.latest_value, votes.chart, votes.chart_rows) == (
        "no-data",
        None,
        None,
        [],
    )
    assert (motion.done, motion.status, motion.standing) == (None, "on-track", "due 30 Jun 2027")


def test_phases_and_reviews_tell_the_same_story() -> None:
    iteration = _document().iteration
    phases = {phase.id: (phase.state, phase.reviewed) for phase in iteration.phases}
    assert phases == {
        "launch": ("done", True),
        "push": ("current", False),  # its review of 7 May has not happened yet
        "vote": ("upcoming", False),
    }
    assert [review.phase for review in iteration.reviews] == ["Launch in the villages"]


def test_the_budget_counts_spending_up_to_the_day() -> None:
    budget = _document().budget
    assert budget is not None
    assert (budget.spent, budget.unassigned) == (250, 0)
    assert [(row.name, row.spent) for row in budget.rows] == [("village-hall", 250)]


def test_the_gaps_leave_out_findings_about_later_entries(tmp_path: Path) -> None:
    text = _render(tmp_path / "plan.md")
    assert "MK603" in text  # a finding as of the day stays (its code in the gaps' details)
    assert "MK606" not in text and "MK608" not in text


# --- the module itself -------------------------------------------------------------------


def test_as_of_splits_every_dated_entry_at_the_day() -> None:
    known = as_of(_plan(), DAY)
    assert [result.value for result in known.results] == [180, 340]
    assert [result.value for result in known.later_results] == [977, 7]
    assert [review.phase for review in known.reviews] == ["launch"]
    assert [review.phase for review in known.later_reviews] == ["push"]
    assert [entry.amount for entry in known.spend] == [250]
    assert known.reviewed == {"launch"}


def test_an_entry_dated_on_the_day_is_known() -> None:
    plan = _plan()
    assert 977 in [r.value for r in as_of(plan, dt.date(2027, 5, 19)).results]
    assert as_of(plan, dt.date(2027, 5, 18)).later_results[0].value == 977
    measures = {measure.id: measure for measure in plan.outcomes[0].measures}
    assert as_of(plan, dt.date(2027, 4, 22)).done(measures["motion-tabled"]) == dt.date(2027, 4, 22)
    assert as_of(plan, dt.date(2027, 4, 21)).done(measures["motion-tabled"]) is None
    assert as_of(plan, dt.date(2027, 4, 22)).results_of(measures["parish-votes"])[0].value == 7


@pytest.mark.parametrize(
    ("starts", "ends", "day", "state"),
    [
        ("2027-03-01", "2027-04-30", "2027-02-28", "upcoming"),
        ("2027-03-01", "2027-04-30", "2027-03-01", "current"),  # the first day is in
        ("2027-03-01", "2027-04-30", "2027-04-30", "current"),  # and so is the last
        ("2027-03-01", "2027-04-30", "2027-05-01", "done"),
        (None, "2027-04-30", "2020-01-01", "current"),  # an open start
        ("2027-03-01", None, "2099-01-01", "current"),  # an open end: never done
        ("2027-03-01", None, "2027-02-01", "upcoming"),
        (None, None, "2027-03-15", "undated"),
    ],
)
def test_phase_state(starts: str | None, ends: str | None, day: str, state: str) -> None:
    phase = Phase.model_validate({"id": "p", "name": "P", "starts": starts, "ends": ends})
    assert phase_state(phase, dt.date.fromisoformat(day)) == state


def test_known_findings_drop_only_those_about_later_entries() -> None:
    def finding(code: str) -> Finding:
        return Finding(code, "rule", Severity.WARNING, "message", "plan.yaml", 1, 1)

    codes = ["MK603", "MK606", "MK608", "MK602"]
    kept = known_findings([finding(code) for code in codes])
    assert [f.code for f in kept] == ["MK603", "MK602"]
