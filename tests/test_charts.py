"""chart.py: a measure's results against its target, as inline SVG and Markdown rows.

The degenerate cases (no baseline, one point, no due date...) are in test_render_charts.py."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from movekit import load_plan
from movekit.model import Measure, Result
from movekit.render.chart import markdown_rows, trajectory_svg
from tests.conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"
STARTS = dt.date(2027, 1, 1)
UP = Measure.model_validate(
    {
        "id": "up",
        "metric": "Pledges",
        "unit": "councillors",
        "baseline": 0,
        "target": 100,
        "due": "2027-01-11",
    }
)
DOWN = Measure.model_validate(
    {"id": "down", "metric": "Car trips", "baseline": 100, "target": 0, "due": "2027-01-11"}
)


def _result(measure: str, day: int, value: float) -> Result:
    return Result(measure=measure, date=dt.date(2027, 1, day), value=value)


RESULTS = [_result("up", 6, 50), _result("down", 3, 90), _result("up", 2, 5), _result("up", 9, 70)]


def _tree(svg: str) -> ET.Element:
    """Parse our own output: proves it is well-formed XML."""
    return ET.fromstring(svg)


def test_markdown_rows_give_each_result_and_the_line_on_its_date() -> None:
    assert markdown_rows(UP, RESULTS, STARTS) == [
        "| Date | Result | Expected on the line |",
        "| --- | ---: | ---: |",
        "| 2 Jan 2027 | 5 | 10 |",
        "| 6 Jan 2027 | 50 | 50 |",
        "| 9 Jan 2027 | 70 | 80 |",
    ]


def test_markdown_rows_without_a_line_leave_the_expected_cell_empty() -> None:
    assert markdown_rows(UP, RESULTS, None)[2] == "| 2 Jan 2027 | 5 |  |"
    assert markdown_rows(UP, [], STARTS) == markdown_rows(UP, [], STARTS)[:2]


def test_the_svg_is_well_formed_accessible_and_deterministic() -> None:
    svg = trajectory_svg(UP, RESULTS, STARTS, today=dt.date(2027, 1, 7))
    assert svg == trajectory_svg(UP, list(RESULTS), STARTS, today=dt.date(2027, 1, 7))
    root = _tree(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "mk-chart-up-title mk-chart-up-desc"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and title.get("id") == "mk-chart-up-title"
    assert title.text == "Pledges: results against the target"
    assert desc is not None and desc.text == (
        "Target 100 councillors by 11 Jan 2027. The straight line runs from 0 on 1 Jan 2027 "
        "to 100 on 11 Jan 2027. Results: 2 Jan 2027: 5 councillors; 6 Jan 2027: 50 "
        "councillors; 9 Jan 2027: 70 councillors."
    )
    circles = root.findall(f"{SVG}circle")
    assert [c.findtext(f"{SVG}title") for c in circles] == [
        "2 Jan 2027: 5",
        "6 Jan 2027: 50",
        "9 Jan 2027: 70",
    ]
    assert len(root.findall(f"{SVG}polyline")) == 1
    assert len(root.findall(f"{SVG}g[@class='mk-today']/{SVG}line")) == 1


def test_results_on_the_line_sit_on_the_drawn_line() -> None:
    root = _tree(trajectory_svg(UP, [_result("up", 6, 50)], STARTS))
    line = root.find(f"{SVG}line[@class='mk-trajectory']")
    circle = root.find(f"{SVG}circle")
    assert line is not None and circle is not None
    x1, y1, x2, y2 = (float(line.get(name, "nan")) for name in ("x1", "y1", "x2", "y2"))
    middle = ((x1 + x2) / 2, (y1 + y2) / 2)
    assert (float(circle.get("cx", "0")), float(circle.get("cy", "0"))) == pytest.approx(
        middle, abs=0.1
    )
    assert y2 < y1  # a rising line goes up the page


def test_a_falling_line_goes_down_the_page() -> None:
    line = _tree(trajectory_svg(DOWN, RESULTS, STARTS)).find(f"{SVG}line[@class='mk-trajectory']")
    assert line is not None
    assert float(line.get("y2", "0")) > float(line.get("y1", "0"))


def test_without_a_target_only_the_results_are_drawn() -> None:
    loose = UP.model_copy(update={"target": None})
    root = _tree(trajectory_svg(loose, RESULTS, STARTS))
    assert root.find(f"{SVG}line[@class='mk-trajectory']") is None
    assert root.find(f"{SVG}g[@class='mk-target']") is None
    assert len(root.findall(f"{SVG}circle")) == 3
    assert "No target set." in (root.findtext(f"{SVG}desc") or "")


def test_edge_cases_still_give_a_valid_chart() -> None:
    one = _tree(trajectory_svg(UP, [_result("up", 1, 7)], None))  # one point, no line
    assert len(one.findall(f"{SVG}circle")) == 1 and one.find(f"{SVG}polyline") is None
    empty = _tree(trajectory_svg(UP.model_copy(update={"due": None}), [], STARTS))
    assert empty.findtext(f"{SVG}desc", "").endswith("No results yet.")
    outside = trajectory_svg(UP, RESULTS, STARTS, today=dt.date(2030, 1, 1))
    assert "mk-today" not in outside  # a day outside the chart is said, not drawn
    assert "As of 1 Jan 2030, after the due date." in outside


def test_plan_text_is_escaped() -> None:
    hostile = UP.model_copy(
        update={"metric": "<script>alert(\"x\")</script> & \x01 'quotes'", "unit": "<b>"}
    )
    svg = trajectory_svg(hostile, RESULTS, STARTS)
    assert "<script>" not in svg and "<b>" not in svg and "\x01" not in svg
    root = _tree(svg)
    assert root.findtext(f"{SVG}title", "").startswith('<script>alert("x")</script> & \ufffd')


def test_every_measure_of_an_example_charts() -> None:
    plan = load_plan(EXAMPLES / "clean-air-streets.yaml")
    measures = [measure for outcome in plan.outcomes for measure in outcome.measures]
    ids = set()
    for measure in measures:
        root = _tree(trajectory_svg(measure, plan.results, plan.campaign.starts))
        ids.update(element.get("id") for element in root.iter() if element.get("id"))
        rows = markdown_rows(measure, plan.results, plan.campaign.starts)
        assert len(rows) == 2 + sum(r.measure == measure.id for r in plan.results)
    assert len(ids) == 2 * len(measures)  # unique ids: all charts can share one page
