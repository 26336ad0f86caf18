"""Dates at the ends of the calendar (0001-01-01, 9999-12-31) render in every format."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.model import Measure, Result
from movekit.render.chart import trajectory_svg
from movekit.render.document import build_document
from movekit.render.formatting import short_date
from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill
from tests.conftest import run_cli

EDGES = [dt.date.min, dt.date(1, 1, 2), dt.date(9999, 12, 30), dt.date.max]
ORDINARY = [dt.date(2027, 1, 1), dt.date(2027, 3, 15)]
DAYS = st.sampled_from(EDGES + ORDINARY)
FIELDS = ("starts", "ends", "due", "phase_starts", "phase_ends", "review", "reviewed")
PLAN = """\
movekit: 1
campaign: {{name: Far, goal: Last, starts: {starts}, ends: {ends}}}
outcomes:
  - id: o
    title: Law
    type: policy
    measures:
      - {{id: m, metric: Pledges, baseline: 0, target: 10, due: {due}}}
audiences:
  - {{id: a, name: People, channels: [web]}}
channels:
  - {{id: web, mode: online}}
journeys:
  - id: j
    audience: a
    outcomes: [o]
    stages:
      - {{id: s1, level: awareness, channels: [web], ctas: [{{ask: Sign, mode: online}}]}}
      - {{id: s2, level: action, channels: [web], ctas: [{{ask: Go, mode: online, measure: m}}]}}
phases:
  - {{id: p, name: First, starts: {phase_starts}, ends: {phase_ends}, review: {review}}}
reviews:
  - {{phase: p, date: {reviewed}, learned: Much}}
results:
{results}
"""


def _plan(days: dict[str, dt.date], results: list[dt.date]) -> bytes:
    rows = "".join(
        f"  - {{measure: m, date: {day}, value: {n}}}\n" for n, day in enumerate(results)
    )
    return PLAN.format(
        **{k: v.isoformat() for k, v in days.items()}, results=rows or "  []"
    ).encode()


def _documents(source: bytes, today: dt.date) -> tuple[str, str]:
    checked = check_bytes(source, "plan.yaml", today=today, settings=Settings())
    assert checked.plan is not None, [f.message for f in checked.findings]
    document = build_document(checked.plan, checked.findings, today)
    markdown = fill(MARKDOWN_TEMPLATE, document, None, html=False)
    return markdown, fill(HTML_TEMPLATE, document, None, html=True)


def _check_svgs(html: str) -> None:
    for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
        ET.fromstring(svg)  # well-formed, whatever the dates


LAST_DAY = dict.fromkeys(FIELDS, dt.date.max)
"""Every date on 9999-12-31: the measure's chart has one point on the last day."""


@settings(max_examples=60, deadline=None)
@example(days=LAST_DAY, results=[dt.date.max], today=dt.date.max)  # overflowed once
@example(days=dict.fromkeys(FIELDS, dt.date.min), results=[dt.date.min], today=dt.date.min)
@given(
    days=st.fixed_dictionaries(dict.fromkeys(FIELDS, DAYS)),
    results=st.lists(DAYS, max_size=3),
    today=DAYS,
)
def test_any_mix_of_far_dates_renders_markdown_and_html(
    days: dict[str, dt.date], results: list[dt.date], today: dt.date
) -> None:
    markdown, html = _documents(_plan(days, results), today)
    assert "# Far" in markdown and "<html" in html
    _check_svgs(html)
    # the document is as of `today`: results and a review held after it are left out
    always = {days[field] for field in FIELDS if field != "reviewed"}
    known = {day for day in [*results, days["reviewed"]] if day <= today}
    for day in (always | known) - {today}:
        assert f"{day.day} " in markdown or str(day) in markdown


MEASURE = Measure.model_validate(
    {"id": "m", "metric": "Pledges", "baseline": 0, "target": 10, "due": "9999-12-31"}
)


@pytest.mark.parametrize(
    ("days", "starts"),
    [
        ([dt.date.max], None),  # one point on the last day: the chart's frame once overflowed
        ([dt.date.max, dt.date.max], dt.date.min),
        ([dt.date.min], None),
        ([dt.date.min, dt.date.max], dt.date.min),
    ],
)
def test_a_chart_of_results_on_the_last_and_first_days(
    days: list[dt.date], starts: dt.date | None
) -> None:
    results = [Result(measure="m", date=day, value=n) for n, day in enumerate(days)]
    svg = trajectory_svg(MEASURE, results, starts, today=dt.date.max)
    root = ET.fromstring(svg)
    labels = [element.text for element in root.iter() if element.text]
    assert short_date(days[-1]) in " ".join(labels)  # dates as the tables write them


EXTREME = {
    "starts": dt.date.min,
    "ends": dt.date.max,
    "due": dt.date.max,
    "phase_starts": dt.date.min,
    "phase_ends": dt.date.max,
    "review": dt.date.max,
    "reviewed": dt.date.max,
}


@pytest.mark.parametrize("days", [EXTREME, LAST_DAY], ids=["first-to-last", "last-day"])
@pytest.mark.parametrize("extension", ["md", "html"])
def test_the_cli_renders_the_far_dates(
    extension: str, days: dict[str, dt.date], tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(_plan(days, [dt.date.max]))
    output = tmp_path / f"plan.{extension}"
    result = run_cli("render", str(plan), "--today", "9999-12-31", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "31 December 9999" in output.read_text(encoding="utf-8")


def test_the_cli_renders_the_far_dates_as_pdf(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(_plan(LAST_DAY | {"phase_starts": dt.date.min}, [dt.date.max]))
    output = tmp_path / "plan.pdf"
    result = run_cli("render", str(plan), "--today", "0001-01-01", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
