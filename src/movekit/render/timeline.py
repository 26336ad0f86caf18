"""The phases as an inline SVG timeline: a bar per phase, a diamond per review, a today line."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from movekit.render.formatting import long_date, short_month
from movekit.render.iterate import Iteration, PhaseRow
from movekit.render.svg import document, element, escape, text_block, wrap

WIDTH, LABEL_W, RIGHT, ROW_H, AXIS_H = 660.0, 170.0, 16.0, 30.0, 26.0
STATE_FILLS = {"done": "#9aa5b1", "current": "#3f6f9f", "upcoming": "#c9d6e3"}
REVIEWED, OVERDUE, PENDING, TEXT = "#2f7d4f", "#b03a2e", "#6b7280", "#1f2430"
ACTIVITY = "#8a6100"


class Scale:
    """Days to x positions across the timeline's span."""

    def __init__(self, span: tuple[dt.date, dt.date]) -> None:
        self.first, self.last = span
        self.days = (self.last - self.first).days

    @property
    def day_width(self) -> float:
        return (WIDTH - LABEL_W - RIGHT) / self.days

    def x(self, day: dt.date) -> float:
        return LABEL_W + (WIDTH - LABEL_W - RIGHT) * (day - self.first).days / self.days


def _months(scale: Scale) -> list[dt.date]:
    """First days of the months in the span, thinned so that labels do not collide."""
    day = dt.date(scale.first.year, scale.first.month, 1)
    months = [] if day == scale.first else [scale.first]  # label the month the span starts in
    while day <= scale.last:
        if day >= scale.first:
            months.append(day)
        if day.year == dt.MAXYEAR and day.month == 12:
            break
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if len(months) > 1 and months[0] == scale.first and scale.x(months[1]) - LABEL_W < 44:
        months.pop(0)  # too close to the next month's label
    step = max(1, -(-len(months) * 48 // int(WIDTH - LABEL_W - RIGHT)))
    return months[::step]


def _axis(scale: Scale, height: float) -> list[str]:
    drawn = []
    for month in _months(scale):
        x = scale.x(month)
        rule = {"x1": x, "y1": AXIS_H - 6, "x2": x, "y2": height, "stroke": "#e3e6eb"}
        drawn.append(element("line", rule))
        label = {"fill": PENDING}
        drawn.append(text_block(x + 3, AXIS_H - 10, [short_month(month)], 8.5, label))
    return drawn


def _diamond(x: float, y: float, filled: bool, colour: str) -> str:
    points = f"{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"
    fill = colour if filled else "#ffffff"
    return element(
        "polygon", {"points": points, "fill": fill, "stroke": colour, "stroke-width": 1.5}
    )


def _review(phase: PhaseRow, scale: Scale, y: float, today: dt.date) -> list[str]:
    if phase.review is None:
        return []
    colour = REVIEWED if phase.reviewed else OVERDUE if phase.review < today else PENDING
    return [_diamond(scale.x(phase.review), y, phase.reviewed, colour)]


def _row(phase: PhaseRow, scale: Scale, top: float, today: dt.date) -> list[str]:
    name = wrap(phase.name, LABEL_W - 12, 9.5, max_lines=2)
    first = top + ROW_H / 2 + 3.5 - (len(name) - 1) * 6
    drawn = [text_block(0, first, name, 9.5, {"fill": TEXT})]
    middle = top + ROW_H / 2
    if phase.starts is not None and phase.ends is not None:
        x0, x1 = scale.x(phase.starts), scale.x(phase.ends) + scale.day_width
        bar = {"x": x0, "y": middle - 7, "width": max(x1 - x0, 2.0), "height": 14, "rx": 3}
        drawn.append(element("rect", {**bar, "fill": STATE_FILLS.get(phase.state, "#c9d6e3")}))
    return drawn + _review(phase, scale, middle, today)


def _marks(iteration: Iteration, scale: Scale, top: float) -> list[str]:
    """The row of the team's dated activities: a dot on each date, named in its tooltip."""
    if not iteration.marks:
        return []
    drawn = [text_block(0, top + ROW_H / 2 + 3.5, ["Team's activities"], 9.5, {"fill": TEXT})]
    for day, what in iteration.marks:
        dot = {"cx": scale.x(day), "cy": top + ROW_H / 2, "r": 4.5, "fill": ACTIVITY}
        tip = element("title", {}, escape(f"{long_date(day)}: {what}"))
        drawn.append(element("g", {"class": "mk-activity"}, tip, element("circle", dot)))
    return drawn


def _today(scale: Scale, height: float, today: dt.date) -> list[str]:
    if not scale.first <= today <= scale.last:
        return []
    x = scale.x(today)
    line = {"x1": x, "y1": AXIS_H - 4, "x2": x, "y2": height, "stroke": OVERDUE}
    label = {"fill": OVERDUE, "font-weight": "bold", "text-anchor": "middle"}
    return [
        element("line", {**line, "stroke-width": 1.2, "stroke-dasharray": "3 2"}),
        text_block(x, height + 11, [f"As of {long_date(today)}"], 8.5, label),
    ]


def _description(iteration: Iteration) -> str:
    parts = []
    for phase in iteration.phases:
        dates = (
            f"{long_date(phase.starts)} to {long_date(phase.ends)}" if phase.starts else "no dates"
        )
        review = f", review {long_date(phase.review)}" if phase.review else ", no review date"
        if not phase.review and iteration.cadence:
            review = f", reviews {iteration.cadence}"  # campaign.review-cadence
        done = " (reviewed)" if phase.reviewed else ""
        parts.append(f"{phase.name}: {dates}{review}{done}.")
    parts += [f"Activity on {long_date(day)}: {what}." for day, what in iteration.marks]
    return " ".join(parts)


def timeline(iteration: Iteration) -> Markup:
    """The SVG timeline of the phases; call only when `iteration.span` is set."""
    assert iteration.span is not None
    scale = Scale(iteration.span)
    today = iteration.as_of
    rows = len(iteration.phases) + (1 if iteration.marks else 0)
    bottom = AXIS_H + ROW_H * rows
    drawn = _axis(scale, bottom)
    for index, phase in enumerate(iteration.phases):
        drawn += _row(phase, scale, AXIS_H + index * ROW_H, today)
    drawn += _marks(iteration, scale, AXIS_H + len(iteration.phases) * ROW_H)
    drawn += _today(scale, bottom, today)
    title = "Timeline of the campaign's phases and reviews"
    if iteration.marks:
        title += ", and the team's activities"
    return document("timeline", (WIDTH, bottom + 16), title, _description(iteration), *drawn)
