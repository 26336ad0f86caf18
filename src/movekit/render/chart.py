"""A measure's results against its straight line, as an inline SVG chart or Markdown rows.

The line runs from the baseline on `campaign.starts` to the target on the measure's due
date, the same line `movekit status` and rule MK603 use (progress.expected_value). Output
is deterministic (same input, same bytes), every piece of plan text is escaped, and the
chart carries a <title> and <desc> for screen readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from movekit.model import Measure, Result
from movekit.months import written
from movekit.progress import expected_value, format_number
from movekit.render.svg import escape

WIDTH, HEIGHT = 360, 160
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 14, 30
"""Margins around the plot, room for the value and date labels."""

LINE_COLOUR = "#8a8f98"
RESULT_COLOUR = "#1f6feb"
TODAY_COLOUR = "#d1242f"

text = escape
"""Plan text made safe inside SVG text and attributes (see render.svg)."""


@dataclass(frozen=True)
class _Point:
    date: dt.date
    value: float


def line_points(measure: Measure, starts: dt.date | None) -> tuple[_Point, _Point] | None:
    """The two ends of the straight line, or None when the plan does not define it."""
    if measure.due is None or starts is None or measure.due <= starts:
        return None
    first = expected_value(measure, starts, starts)
    last = expected_value(measure, starts, measure.due)
    if first is None or last is None:
        return None
    return _Point(starts, first), _Point(measure.due, last)


def markdown_rows(measure: Measure, results: Sequence[Result], starts: dt.date | None) -> list[str]:
    """A Markdown table, one line per result in date order: date, result, expected on the line.

    The header and separator come first; the expected cell is empty when the plan does not
    define the line (no baseline, target, due date or campaign start).
    """
    rows = ["| Date | Result | Expected on the line |", "| --- | ---: | ---: |"]
    for result in _in_order(measure, results):
        expected = expected_value(measure, starts, result.date, results)
        shown = "" if expected is None else format_number(expected)
        rows.append(f"| {written(result.date)} | {format_number(result.value)} | {shown} |")
    return rows


def _in_order(measure: Measure, results: Sequence[Result]) -> list[Result]:
    """This measure's results by date (stable: the file's order on the same day)."""
    own = [result for result in results if result.measure == measure.id]
    return sorted(own, key=lambda result: result.date)


@dataclass(frozen=True)
class _Frame:
    """Maps dates and values to the plot's pixels."""

    first: dt.date
    last: dt.date
    """At least a day after `first`."""
    low: float
    high: float
    """The value range of the plot, a little wider than the data's."""
    lowest: float
    highest: float
    """The smallest and largest value shown, for the axis labels."""

    def x(self, day: dt.date) -> float:
        share = (day - self.first).days / (self.last - self.first).days
        return LEFT + share * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)


def _frame(points: Sequence[_Point]) -> _Frame:
    first = min(point.date for point in points)
    last = max(point.date for point in points)
    low = min(point.value for point in points)
    high = max(point.value for point in points)
    spread = high - low if high != low else 2.0
    margin = spread * 0.05 if high != low else 1.0
    if first == last:  # one day: the plot spans it and the next (or, on 9999-12-31, the one before)
        if last < dt.date.max:
            last += dt.timedelta(days=1)
        else:
            first -= dt.timedelta(days=1)
    return _Frame(first, last, low - margin, high + margin, low, high)


def trajectory_svg(
    measure: Measure,
    results: Sequence[Result],
    starts: dt.date | None,
    *,
    today: dt.date | None = None,
) -> str:
    """An inline SVG chart of the measure's results against its straight line.

    `results` may hold every result of the plan: only this measure's are drawn, as dots
    joined in date order; the line is dashed; `today`, when given and within the chart's
    dates, is a thin vertical rule. Ids derive from the measure id, so the charts of several
    measures can share one HTML page.
    """
    own = _in_order(measure, results)
    line = line_points(measure, starts)
    points = [_Point(result.date, result.value) for result in own] + list(line or ())
    if not points:
        return _svg(measure, _describe(measure, own, line), [])
    frame = _frame(points)
    parts = [*_axes(frame), *_line(frame, line), *_today(frame, today), *_results(frame, own)]
    return _svg(measure, _describe(measure, own, line), parts)


def _svg(measure: Measure, description: tuple[str, str], parts: list[str]) -> str:
    title, desc = description
    ident = f"mk-chart-{measure.id}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="mk-chart" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
    )
    lines = [
        head,
        f'<title id="{ident}-title">{text(title)}</title>',
        f'<desc id="{ident}-desc">{text(desc)}</desc>',
        *parts,
        "</svg>",
    ]
    return "\n".join(lines)


def _describe(
    measure: Measure, own: Sequence[Result], line: tuple[_Point, _Point] | None
) -> tuple[str, str]:
    title = f"{measure.metric}: results against the line to the target"
    if line is None:
        trajectory = "No straight line: the plan lacks a baseline, target, due date or start."
        if measure.target == "tbd" or measure.baseline == "tbd":
            trajectory = "No straight line yet: the baseline or the target is still to be set."
    else:
        start, end = line
        trajectory = (
            f"The line runs from {format_number(start.value)} on {written(start.date)} "
            f"to {format_number(end.value)} on {written(end.date)}."
        )
    unit = f" {measure.unit}" if measure.unit else ""
    shown = "; ".join(f"{written(r.date)}: {format_number(r.value)}{unit}" for r in own)
    results = f" Results: {shown}." if own else " No results yet."
    return title, trajectory + results


def _axes(frame: _Frame) -> list[str]:
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    low, high = frame.y(frame.lowest), frame.y(frame.highest)
    return [
        f'<g class="mk-axes" stroke="#d0d7de" stroke-width="1">'
        f'<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/></g>',
        f'<g class="mk-labels" font-family="sans-serif" font-size="10" fill="#57606a">'
        f'<text x="{LEFT - 4}" y="{_f(high + 4)}" text-anchor="end">'
        f"{text(format_number(frame.highest))}</text>"
        f'<text x="{LEFT - 4}" y="{_f(low)}" text-anchor="end">'
        f"{text(format_number(frame.lowest))}</text>"
        f'<text x="{LEFT}" y="{HEIGHT - 10}">{frame.first}</text>'
        f'<text x="{right}" y="{HEIGHT - 10}" text-anchor="end">{frame.last}</text></g>',
    ]


def _line(frame: _Frame, line: tuple[_Point, _Point] | None) -> list[str]:
    if line is None:
        return []
    start, end = line
    return [
        f'<line class="mk-trajectory" x1="{_f(frame.x(start.date))}" '
        f'y1="{_f(frame.y(start.value))}" x2="{_f(frame.x(end.date))}" '
        f'y2="{_f(frame.y(end.value))}" stroke="{LINE_COLOUR}" stroke-width="1.5" '
        f'stroke-dasharray="5 4"/>'
    ]


def _today(frame: _Frame, today: dt.date | None) -> list[str]:
    if today is None or not frame.first <= today <= frame.last:
        return []
    x = _f(frame.x(today))
    return [
        f'<line class="mk-today" x1="{x}" y1="{TOP}" x2="{x}" y2="{HEIGHT - BOTTOM}" '
        f'stroke="{TODAY_COLOUR}" stroke-width="1"><title>Today, {today}</title></line>'
    ]


def _results(frame: _Frame, own: Sequence[Result]) -> list[str]:
    coordinates = [(_f(frame.x(r.date)), _f(frame.y(r.value))) for r in own]
    parts = []
    if len(own) > 1:
        joined = " ".join(f"{x},{y}" for x, y in coordinates)
        parts.append(
            f'<polyline class="mk-results" points="{joined}" fill="none" '
            f'stroke="{RESULT_COLOUR}" stroke-width="2"/>'
        )
    for result, (x, y) in zip(own, coordinates, strict=True):
        label = text(f"{written(result.date)}: {format_number(result.value)}")
        parts.append(
            f'<circle class="mk-result" cx="{x}" cy="{y}" r="3" fill="{RESULT_COLOUR}">'
            f"<title>{label}</title></circle>"
        )
    return parts


def _f(value: float) -> str:
    """Coordinates with one decimal: enough for a screen, and the same on every machine."""
    return f"{value:.1f}"
