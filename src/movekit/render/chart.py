"""A measure's results against its target, as a compact inline SVG chart or Markdown rows.

The charts are small multiples: the document sets them in a grid under one shared caption,
so each chart says only what differs (its own notes, in words, under the plot). The
straight line runs from the baseline on `campaign.starts` to the target on the measure's
due date, the same line `movekit status` and rule MK603 use (progress.expected_value);
without a baseline it starts from the first result. The target is always a labelled level
and the y axis always reaches it. Dates read as in the tables (`31 Mar 2027`), text takes
the document's font (its stack, svg.FONT: WeasyPrint does not pass the page's font into
an SVG), output is deterministic (same input, same bytes),
every piece of plan text is escaped, and the chart carries a <title> and <desc> for screen
readers. Which results a chart gets is the caller's choice (the document's as-of data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from movekit.model import Measure, Result
from movekit.progress import baseline_value, expected_value, format_number, target_value
from movekit.render.formatting import short_date
from movekit.render.names import amount
from movekit.render.svg import FONT, element, escape, wrap

WIDTH = 260
LEFT, RIGHT, TOP = 46, 10, 18
"""Margins around the plot: the value labels on the left, the as-of label above."""
PLOT_HEIGHT = 104
DATES = 16
"""Room under the plot for the date labels."""
NOTE_LINE = 13
"""Each note in words takes one line under the dates."""
FONT_SIZE = 10
LABEL_GAP = 11
"""Two value labels closer than this (pixels) would print over each other."""

LINE_COLOUR = "#6e7781"
TARGET_COLOUR = "#2f7d4f"
RESULT_COLOUR = "#1f6feb"
TODAY_COLOUR = "#b03a2e"
LABEL_COLOUR = "#5b6270"

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

    The header and separator come first; dates read as in the measures table; the expected
    cell is empty when the plan does not define the line (no baseline, target, due date or
    campaign start).
    """
    rows = ["| Date | Result | Expected on the line |", "| --- | ---: | ---: |"]
    for result in _in_order(measure, results):
        expected = expected_value(measure, starts, result.date, results)
        shown = "" if expected is None else format_number(expected)
        rows.append(f"| {short_date(result.date)} | {format_number(result.value)} | {shown} |")
    return rows


def _in_order(measure: Measure, results: Sequence[Result]) -> list[Result]:
    """This measure's results by date (stable: the file's order on the same day)."""
    own = [result for result in results if result.measure == measure.id]
    return sorted(own, key=lambda result: result.date)


@dataclass(frozen=True)
class _Plan:
    """What one chart draws, worked out before any pixel: the line, the target, the notes."""

    own: list[Result]
    line: tuple[_Point, _Point] | None
    target: float | None
    baseline: float | None
    notes: list[str]


def _line_from_first_result(
    measure: Measure, own: Sequence[Result]
) -> tuple[_Point, _Point] | None:
    """Without a baseline (or a campaign start) the line starts from the first result."""
    target = target_value(measure)
    if target is None or measure.due is None or not own or own[0].date >= measure.due:
        return None
    return _Point(own[0].date, own[0].value), _Point(measure.due, target)


def _plan(measure: Measure, results: Sequence[Result], starts: dt.date | None) -> _Plan:
    own = _in_order(measure, results)
    baseline, target = baseline_value(measure), target_value(measure)
    line = line_points(measure, starts)
    notes = []
    if target is None:
        notes.append("Target still to be set." if measure.target == "tbd" else "No target set.")
    elif measure.due is None:
        notes.append("No due date: the target is shown as a level.")
    if line is None and target is not None and measure.due is not None:
        line = _line_from_first_result(measure, own)
        missing = "No baseline" if baseline is None else "No campaign start"
        if baseline is None and measure.baseline == "tbd":
            missing = "Baseline still to be set"
        said = "line starts at first result" if line else "no straight line"
        notes.append(f"{missing}: {said}.")
    if not own:
        notes.append("No results yet.")
    return _Plan(own, line, target, baseline, notes)


@dataclass(frozen=True)
class _Frame:
    """Maps dates and values to the plot's pixels."""

    first: dt.date
    last: dt.date
    """After `first`: a chart never spans a single day."""
    low: float
    high: float
    """The value range of the plot, a little wider than the values shown."""

    def x(self, day: dt.date) -> float:
        share = (day - self.first).days / (self.last - self.first).days
        return LEFT + share * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return TOP + PLOT_HEIGHT - share * PLOT_HEIGHT


def _span(days: Sequence[dt.date], today: dt.date | None) -> tuple[dt.date, dt.date]:
    """The dates the chart spans; one date alone reaches to `today`, else a month around it."""
    first, last = min(days), max(days)
    if first < last:
        return first, last
    if today is not None and today > first:
        return first, today
    if today is not None and today < first:
        return today, first
    before = max(first.toordinal() - 15, dt.date.min.toordinal())
    after = min(before + 30, dt.date.max.toordinal())
    return dt.date.fromordinal(after - 30), dt.date.fromordinal(after)


def _values(chart: _Plan) -> list[float]:
    values = [result.value for result in chart.own]
    values += [point.value for point in chart.line or ()]
    values += [value for value in (chart.target, chart.baseline) if value is not None]
    return values


def _frame(
    chart: _Plan, starts: dt.date | None, due: dt.date | None, today: dt.date | None
) -> _Frame:
    days = [result.date for result in chart.own] + [point.date for point in chart.line or ()]
    if chart.own and due is not None and due > chart.own[0].date:
        days.append(due)  # one result and a due date: the chart runs to the due date
    if chart.own and starts is not None and starts < chart.own[0].date:
        days.append(starts)  # and from the campaign's start, never one day wide
    if due is None and today is not None and days and today > max(days):
        days.append(today)  # without a due date, the chart runs to the date of the data
    first, last = _span(days or [today or dt.date(2000, 1, 1)], today)
    values = _values(chart) or [0.0]
    low, high = min(values), max(values)
    margin = (high - low) * 0.06 if high != low else max(abs(high) * 0.1, 1.0)
    return _Frame(first, last, low - margin, high + margin)


def trajectory_svg(
    measure: Measure,
    results: Sequence[Result],
    starts: dt.date | None,
    *,
    today: dt.date | None = None,
) -> str:
    """A compact inline SVG chart of the measure's results against its target.

    `results` may hold every result of the plan: only this measure's are drawn, as dots
    joined in date order; the straight line is dashed, the target a solid labelled level;
    `today`, when given, is a thin vertical rule labelled with its date, or a note in words
    when it falls outside the chart's dates. Ids derive from the measure id, so the charts
    of several measures can share one HTML page.
    """
    chart = _plan(measure, results, starts)
    frame = _frame(chart, starts, measure.due, today)
    notes = [*chart.notes, *_today_note(frame, today, measure.due, starts)]
    lines = _note_lines(notes)
    parts = [
        *_axes(frame, chart),
        *_target(frame, chart.target),
        *_line(frame, chart.line),
        *_today(frame, today),
        *_results(frame, chart.own),
        *_notes(lines),
    ]
    height = TOP + PLOT_HEIGHT + DATES + NOTE_LINE * len(lines) + 4
    return _svg(measure, _describe(measure, chart, notes), parts, height)


def _svg(measure: Measure, description: tuple[str, str], parts: list[str], height: int) -> str:
    title, desc = description
    ident = f"mk-chart-{measure.id}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" class="mk-chart" '
        f'font-family="{text(FONT)}" '
        f'aria-labelledby="{text(ident)}-title {text(ident)}-desc">'
    )
    lines = [
        head,
        f'<title id="{text(ident)}-title">{text(title)}</title>',
        f'<desc id="{text(ident)}-desc">{text(desc)}</desc>',
        *parts,
        "</svg>",
    ]
    return "\n".join(lines)


def _describe(measure: Measure, chart: _Plan, notes: Sequence[str]) -> tuple[str, str]:
    title = f"{measure.metric}: results against the target"
    said = []
    if chart.target is not None:
        due = f" by {short_date(measure.due)}" if measure.due else ""
        said.append(f"Target {amount(chart.target, measure.unit)}{due}.")
    if chart.line is not None:
        start, end = chart.line
        said.append(
            f"The straight line runs from {format_number(start.value)} on "
            f"{short_date(start.date)} to {format_number(end.value)} on {short_date(end.date)}."
        )
    shown = "; ".join(f"{short_date(r.date)}: {amount(r.value, measure.unit)}" for r in chart.own)
    if shown:
        said.append(f"Results: {shown}.")
    return title, " ".join([*said, *notes])


def _y_labels(frame: _Frame, chart: _Plan) -> list[tuple[float, str]]:
    """Value labels by importance (target, baseline, lowest, highest), none twice and none
    printed over another."""
    values = [result.value for result in chart.own] + [p.value for p in chart.line or ()]
    wanted = [chart.target, chart.baseline, min(values, default=None), max(values, default=None)]
    labels: list[tuple[float, str]] = []
    for value in wanted:
        if value is None:
            continue
        y, shown = frame.y(value), format_number(value)
        if all(shown != other and abs(y - at) >= LABEL_GAP for at, other in labels):
            labels.append((y, shown))
    return sorted(labels)


def _x_labels(frame: _Frame) -> list[str]:
    bottom = TOP + PLOT_HEIGHT + DATES - 3
    right = WIDTH - RIGHT
    return [
        element("text", {"x": LEFT, "y": bottom}, text(short_date(frame.first))),
        element(
            "text", {"x": right, "y": bottom, "text-anchor": "end"}, text(short_date(frame.last))
        ),
    ]


def _axes(frame: _Frame, chart: _Plan) -> list[str]:
    bottom, right = TOP + PLOT_HEIGHT, WIDTH - RIGHT
    values = [
        element("text", {"x": LEFT - 4, "y": _f(y + 3.5), "text-anchor": "end"}, text(shown))
        for y, shown in _y_labels(frame, chart)
    ]
    return [
        f'<g class="mk-axes" stroke="#d0d7de" stroke-width="1">'
        f'<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/></g>',
        element(
            "g",
            {"class": "mk-y-labels", "font-size": FONT_SIZE, "fill": LABEL_COLOUR},
            *values,
        ),
        element(
            "g",
            {"class": "mk-x-labels", "font-size": FONT_SIZE, "fill": LABEL_COLOUR},
            *_x_labels(frame),
        ),
    ]


def _target(frame: _Frame, target: float | None) -> list[str]:
    """The target as a solid level across the plot, named in words (never colour alone)."""
    if target is None:
        return []
    y = frame.y(target)
    above = y - 3 if y - 3 - FONT_SIZE >= TOP - 2 else y + FONT_SIZE + 1
    return [
        element(
            "g",
            {"class": "mk-target"},
            element(
                "line",
                {
                    "x1": LEFT,
                    "y1": _f(y),
                    "x2": WIDTH - RIGHT,
                    "y2": _f(y),
                    "stroke": TARGET_COLOUR,
                    "stroke-width": 1.5,
                },
            ),
            element(
                "text",
                {"x": LEFT + 4, "y": _f(above), "font-size": FONT_SIZE, "fill": TARGET_COLOUR},
                "target",
            ),
        )
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
    x = frame.x(today)
    anchor = "end" if x > WIDTH / 2 else "start"
    label = f"as of {short_date(today)}"
    return [
        element(
            "g",
            {"class": "mk-today"},
            element(
                "line",
                {
                    "x1": _f(x),
                    "y1": TOP,
                    "x2": _f(x),
                    "y2": TOP + PLOT_HEIGHT,
                    "stroke": TODAY_COLOUR,
                    "stroke-width": 1,
                },
            ),
            element(
                "text",
                {
                    "x": _f(x + (3 if anchor == "start" else -3)),
                    "y": TOP - 6,
                    "text-anchor": anchor,
                    "font-size": FONT_SIZE,
                    "fill": TODAY_COLOUR,
                },
                text(label),
            ),
        )
    ]


def _today_note(
    frame: _Frame, today: dt.date | None, due: dt.date | None, starts: dt.date | None
) -> list[str]:
    """The date of the data in words when the chart's dates do not reach it."""
    if today is None or frame.first <= today <= frame.last:
        return []
    if today > frame.last:
        after = "the due date" if due is not None and frame.last == due else "the last result"
        return [f"As of {short_date(today)}, after {after}."]
    before = (
        "the campaign starts"
        if starts is not None and frame.first == starts
        else "the first result"
    )
    return [f"As of {short_date(today)}, before {before}."]


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
        label = text(f"{short_date(result.date)}: {format_number(result.value)}")
        parts.append(
            f'<circle class="mk-result" cx="{x}" cy="{y}" r="3" fill="{RESULT_COLOUR}">'
            f"<title>{label}</title></circle>"
        )
    return parts


def _note_lines(notes: Sequence[str]) -> list[str]:
    """The notes wrapped to the chart's width, each on lines of its own."""
    return [line for note in notes for line in wrap(note, WIDTH - 8, FONT_SIZE)]


def _notes(lines: Sequence[str]) -> list[str]:
    """What is missing or out of range, said in words under the dates."""
    first = TOP + PLOT_HEIGHT + DATES + NOTE_LINE - 2
    texts = [
        element("text", {"x": 4, "y": first + NOTE_LINE * number}, text(line))
        for number, line in enumerate(lines)
    ]
    if not texts:
        return []
    attrs = {"class": "mk-notes", "font-size": FONT_SIZE, "fill": LABEL_COLOUR}
    return [element("g", attrs, *texts)]


def _f(value: float) -> str:
    """Coordinates with one decimal: enough for a screen, and the same on every machine."""
    return f"{value:.1f}"
