"""Charts as small multiples (issue 16): each degenerate case still gives a chart that says
what it lacks in words, keeps its target line and a y axis that reaches the target, and
the document sets the charts in a grid under one caption, 2-3 a row on a laptop and one on
a phone."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from movekit.model import Measure, Result
from movekit.render.chart import LABEL_GAP, PLOT_HEIGHT, TOP, trajectory_svg
from movekit.render.formatting import short_date
from movekit.render.svg import FONT
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

SVG = "{http://www.w3.org/2000/svg}"
STARTS = dt.date(2027, 1, 4)
DUE = dt.date(2027, 5, 31)
AS_OF = dt.date(2027, 3, 15)


def _measure(**given: object) -> Measure:
    fields: dict[str, object] = {"id": "pledges", "metric": "Councillors who pledged"}
    fields.update({"baseline": 0, "target": 40, "due": DUE.isoformat()})
    fields.update(given)
    return Measure.model_validate(
        {key: value for key, value in fields.items() if value is not None}
    )


def _result(day: str, value: float) -> Result:
    return Result(measure="pledges", date=dt.date.fromisoformat(day), value=value)


def _chart(measure: Measure, results: list[Result], starts: dt.date | None = STARTS) -> ET.Element:
    """The chart, parsed (so it is well-formed), with what every chart must have checked."""
    root = ET.fromstring(trajectory_svg(measure, results, starts, today=AS_OF))
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title", "").startswith(measure.metric)
    assert root.findtext(f"{SVG}desc", "")
    assert root.get("font-family") == FONT  # the body's, not one of its own
    assert all(element.get("font-family") is None for element in root.iter() if element is not root)
    labels = _y_labels(root)
    assert len(labels) == len(set(labels)), f"a y label printed twice: {labels}"
    heights = sorted(
        float(t.get("y", "0")) for t in root.iterfind(f".//{SVG}g[@class='mk-y-labels']/{SVG}text")
    )
    assert all(b - a >= LABEL_GAP for a, b in itertools.pairwise(heights)), heights
    return root


def _y_labels(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iterfind(f".//{SVG}g[@class='mk-y-labels']/{SVG}text")]


def _x_labels(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iterfind(f".//{SVG}g[@class='mk-x-labels']/{SVG}text")]


def _notes(root: ET.Element) -> str:
    """The notes under the plot, as one text (they wrap to the chart's width)."""
    return " ".join(t.text or "" for t in root.iterfind(f".//{SVG}g[@class='mk-notes']/{SVG}text"))


def _target_line(root: ET.Element) -> ET.Element | None:
    return root.find(f".//{SVG}g[@class='mk-target']/{SVG}line")


def _assert_target_shown(root: ET.Element, target: float) -> None:
    line = _target_line(root)
    assert line is not None, "no target line"
    assert line.get("y1") == line.get("y2"), "the target is a level"
    assert TOP <= float(line.get("y1", "nan")) <= TOP + PLOT_HEIGHT, "the target is off the plot"
    label = root.find(f".//{SVG}g[@class='mk-target']/{SVG}text")
    assert label is not None and label.text == "target", "the target is named in words"
    values = [float(shown.replace(",", "")) for shown in _y_labels(root)]
    assert max(values) >= target, f"the y axis stops at {max(values)}, short of {target}"


def _circles(root: ET.Element) -> list[tuple[float, float]]:
    return [
        (float(c.get("cx", "nan")), float(c.get("cy", "nan"))) for c in root.iter(f"{SVG}circle")
    ]


def test_a_full_chart_has_its_line_target_and_rule_with_dates_as_in_the_tables() -> None:
    root = _chart(_measure(), [_result("2027-02-01", 8), _result("2027-03-01", 15)])
    _assert_target_shown(root, 40)
    assert root.find(f"{SVG}line[@class='mk-trajectory']") is not None
    assert _x_labels(root) == [short_date(STARTS), short_date(DUE)] == ["4 Jan 2027", "31 May 2027"]
    rule = root.find(f".//{SVG}g[@class='mk-today']/{SVG}text")
    assert rule is not None and rule.text == "as of 15 Mar 2027"
    assert _notes(root) == ""
    assert "0" in _y_labels(root)  # the baseline is on the axis too


def test_no_baseline_starts_the_line_from_the_first_result() -> None:
    results = [_result("2027-03-01", 15)]
    root = _chart(_measure(baseline=None), results)
    line = root.find(f"{SVG}line[@class='mk-trajectory']")
    assert line is not None
    assert (float(line.get("x1", "nan")), float(line.get("y1", "nan"))) == _circles(root)[0]
    assert "No baseline: line starts at first result." in _notes(root)
    _assert_target_shown(root, 40)
    assert _x_labels(root) == ["4 Jan 2027", "31 May 2027"]  # the campaign to the due date
    no_start = _chart(_measure(baseline=None), results, starts=None)
    assert _x_labels(no_start) == ["1 Mar 2027", "31 May 2027"]  # the point to the due date


def test_a_baseline_still_to_be_set_is_named_as_such() -> None:
    root = _chart(_measure(baseline="tbd"), [_result("2027-03-01", 15)])
    assert "Baseline still to be set: line starts at first result." in _notes(root)


def test_one_point_never_gives_a_one_day_axis_or_a_doubled_label() -> None:
    root = _chart(_measure(baseline=None, target=15), [_result("2027-03-01", 15)])
    first, last = _x_labels(root)
    assert first != last
    _assert_target_shown(root, 15)
    bare = _measure(baseline=None, target=None, due=None)
    alone = _chart(bare, [_result("2027-03-01", 7)])
    assert _x_labels(alone) == ["4 Jan 2027", "15 Mar 2027"]  # the campaign's start to today
    assert _y_labels(alone) == ["7"]
    unmoored = _chart(bare, [_result("2027-03-01", 7)], starts=None)
    assert _x_labels(unmoored) == ["1 Mar 2027", "15 Mar 2027"]  # to the data's date


def test_one_point_with_a_start_and_a_due_date_spans_the_campaign_to_the_due_date() -> None:
    root = _chart(_measure(), [_result("2027-03-01", 15)])
    assert _x_labels(root) == ["4 Jan 2027", "31 May 2027"]
    _assert_target_shown(root, 40)


def test_no_due_date_shows_the_target_as_a_level_and_says_so() -> None:
    root = _chart(_measure(due=None), [_result("2027-02-01", 8), _result("2027-03-01", 15)])
    _assert_target_shown(root, 40)
    assert root.find(f"{SVG}line[@class='mk-trajectory']") is None
    assert "No due date: the target is shown as a level." in _notes(root)
    assert _x_labels(root) == ["4 Jan 2027", "15 Mar 2027"]  # to the date of the data
    assert root.find(f".//{SVG}g[@class='mk-today']") is not None


@pytest.mark.parametrize(
    ("target", "said"), [(None, "No target set."), ("tbd", "Target still to be set.")]
)
def test_no_target_says_so(target: str | None, said: str) -> None:
    root = _chart(_measure(target=target), [_result("2027-02-01", 8), _result("2027-03-01", 15)])
    assert _target_line(root) is None
    assert said in _notes(root)
    assert said in root.findtext(f"{SVG}desc", "")


def test_one_point_the_day_before_its_due_date_spans_the_campaign() -> None:
    """The gaps example: one result on 27 Feb, due 28 Feb, no baseline."""
    late = _measure(baseline=None, due="2027-02-28")
    root = _chart(late, [_result("2027-02-27", 1140)])
    assert _x_labels(root) == ["4 Jan 2027", "28 Feb 2027"]
    assert "As of 15 Mar 2027, after the due date." in _notes(root)


def test_a_date_after_the_due_date_is_said_not_dropped() -> None:
    early = _measure(due="2027-02-28")
    root = _chart(early, [_result("2027-02-01", 8)])
    assert root.find(f".//{SVG}g[@class='mk-today']") is None
    assert "As of 15 Mar 2027, after the due date." in _notes(root)
    _assert_target_shown(root, 40)


def test_a_date_before_the_campaign_starts_is_said_too() -> None:
    svg = trajectory_svg(_measure(), [_result("2027-02-01", 8)], STARTS, today=dt.date(2026, 11, 2))
    root = ET.fromstring(svg)
    assert "As of 2 Nov 2026, before the campaign starts." in _notes(root)


def test_y_axis_reaches_a_target_far_above_the_results_and_a_falling_one_below() -> None:
    up = _chart(_measure(baseline=None, target=10000), [_result("2027-03-01", 1500)])
    _assert_target_shown(up, 10000)
    down = _chart(_measure(baseline=1300, target=900), [_result("2027-03-01", 1090)])
    values = [float(v.replace(",", "")) for v in _y_labels(down)]
    assert min(values) <= 900 and max(values) >= 1300


def test_the_chart_height_grows_with_its_notes() -> None:
    plain = _chart(_measure(), [_result("2027-02-01", 8)])
    noted = _chart(_measure(baseline=None, due=None), [_result("2027-02-01", 8)])
    assert float(noted.get("height", "0")) > float(plain.get("height", "0"))
    assert noted.get("viewBox", "").endswith(noted.get("height", "?"))


PLAN = """\
movekit: 1
campaign: {name: Small multiples, goal: The council adopts the policy, starts: 2027-01-04}
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
    measures:
      - {id: pledges, metric: Councillors who pledged, baseline: 0, target: 40, due: 2027-05-31}
      - {id: letters, metric: Letters sent, target: 500, due: 2027-04-30}
      - {id: vote, metric: Council votes on the policy, kind: milestone, due: 2027-06-30}
      - {id: quiet, metric: Meetings held, baseline: 0, target: 5, due: 2027-05-31}
audiences:
  - {id: parents, name: Parents}
journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - level: awareness
        ctas:
          - {ask: Write to your councillor, mode: online, measure: letters}
results:
  - {measure: pledges, date: 2027-02-01, value: 8}
  - {measure: pledges, date: 2027-03-01, value: 15}
  - {measure: letters, date: 2027-03-01, value: 120}
  - {measure: vote, date: 2027-03-01, value: 0}
"""


def _render(tmp_path: Path, suffix: str) -> str:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / f"plan.{suffix}"
    result = run_cli("render", str(plan), "-o", str(out), "--today", EXAMPLE_TODAY)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_the_html_sets_the_charts_in_one_titled_grid_with_one_caption(tmp_path: Path) -> None:
    html = _render(tmp_path, "html")
    assert html.count('class="mk-chart-grid"') == 1
    assert html.count('<h4 id="charts-policy">Results against the target</h4>') == 1
    assert html.count("<figcaption>Each chart:") == 1
    assert (
        html.count('class="mk-chart"') == 2
    )  # no chart for a milestone or a measure without results
    assert "mk-chart-vote" not in html and "mk-chart-quiet" not in html


def test_the_markdown_keeps_its_rows_under_one_heading(tmp_path: Path) -> None:
    markdown = _render(tmp_path, "md")
    assert markdown.count("#### Results against the target") == 1
    assert "**Councillors who pledged** (" in markdown and "**Letters sent** (" in markdown
    assert "**Council votes on the policy** (" not in markdown
    assert "| 1 Feb 2027 | 8 |" in markdown


GRID_COLUMNS = (
    "[...document.querySelectorAll('.mk-chart-grid')]"
    ".map(g => getComputedStyle(g).gridTemplateColumns.split(' ').length)"
)
CHART_BOXES = """
[...document.querySelectorAll('.mk-chart-cell')].map(cell => {
  const svg = cell.querySelector('svg'), c = cell.getBoundingClientRect(),
        s = svg.getBoundingClientRect(), style = getComputedStyle(svg);
  return {visible: s.width > 0 && s.height > 0 && style.visibility === 'visible'
            && style.display !== 'none',
          inside: s.left >= c.left - 0.5 && s.right <= c.right + 0.5
            && s.top >= c.top - 0.5 && s.bottom <= c.bottom + 0.5
            && s.right <= document.documentElement.clientWidth};
})
"""


def _open(page: Page, tmp_path: Path) -> None:
    out = tmp_path / "clean-air-streets.html"
    plan = EXAMPLES / "clean-air-streets.yaml"
    result = run_cli("render", str(plan), "-o", str(out), "--today", EXAMPLE_TODAY)
    assert result.returncode == 0, result.stderr
    page.goto(out.as_uri())


def _assert_charts_drawn(page: Page) -> None:
    boxes = page.evaluate(CHART_BOXES)
    assert boxes, "no charts"
    assert all(box["visible"] for box in boxes), boxes
    assert all(box["inside"] for box in boxes), boxes


def test_a_laptop_shows_two_or_three_charts_a_row(tmp_path: Path, desktop: Page) -> None:
    _open(desktop, tmp_path)
    columns = desktop.evaluate(GRID_COLUMNS)
    assert columns and all(2 <= n <= 3 for n in columns), columns
    _assert_charts_drawn(desktop)


def test_a_phone_shows_one_chart_a_row(tmp_path: Path, phone: Page) -> None:
    _open(phone, tmp_path)
    columns = phone.evaluate(GRID_COLUMNS)
    assert columns and all(n == 1 for n in columns), columns
    _assert_charts_drawn(phone)
