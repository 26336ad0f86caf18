"""A journey as inline SVG diagrams: stage boxes in order, bridges as numbered arrows.

Each box shows the stage's number, level (the colour band, named in words), name and every
call to action marked online or on the ground. Two layouts are drawn and the stylesheet
shows one: wide (up to four boxes a row, longer journeys wrap) on a desktop and on paper,
and a single column with large text on a phone. In both, each bridge runs on a track of
its own between the boxes (arcs.py), its number on it matching the list under the diagram.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup

from movekit.render.arcs import Route, bridge_label, bridge_path, label_radius, line
from movekit.render.document import BridgeRow, JourneySection, StageRow
from movekit.render.formatting import MODES
from movekit.render.svg import block_height, document, element, text_block, wrap

GAP, PER_ROW, PAD = 26.0, 4, 8.0
LEVEL_COLOURS = {
    "awareness": "#3f6f9f",
    "engagement": "#6a5aa8",
    "action": "#b8651b",
    "ownership": "#2f7d4f",
}
MODE_COLOURS = {"online": "#3f6f9f", "offline": "#2f7d4f", "direct": "#8a5a00"}
LINE, MUTED = "#5b6270", "#6b7280"
SLOT = 14.0
"""Room along a box's edge for each bridge that leaves or joins it there."""


@dataclass(frozen=True)
class Sizes:
    """A layout's box width and font sizes (SVG units)."""

    box: float
    band: float
    name: float
    ask: float
    mode: float
    number: float

    @property
    def band_height(self) -> float:
        return self.band + 12


WIDE = Sizes(box=150.0, band=8.0, name=11.0, ask=9.5, mode=7.5, number=9.5)
NARROW = Sizes(box=220.0, band=12.0, name=14.0, ask=12.5, mode=12.0, number=12.0)
"""Drawn at most about 340 units wide, so that on a phone no text is below 11 px."""


@dataclass(frozen=True)
class Box:
    """Where a stage's box sits."""

    x: float
    y: float
    width: float
    height: float
    row: int

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


def _stage_inside(stage: StageRow, sizes: Sizes) -> tuple[list[str], float]:
    """The box's text, top-left at (0, 0), and the height it needs."""
    inner = sizes.box - 2 * PAD
    band_text = f"{stage.number} · {stage.level.upper()}"
    band_style = {"fill": "#ffffff", "font-weight": "bold"}
    parts = [text_block(PAD, sizes.band + 4, [band_text], sizes.band, band_style)]
    name = wrap(stage.name, inner, sizes.name * 1.08, max_lines=4)
    top = sizes.band_height + PAD + sizes.name
    parts.append(text_block(PAD, top, name, sizes.name, {"font-weight": "bold", "fill": "#1f2430"}))
    y = top + block_height(len(name), sizes.name) - sizes.name + 8
    for cta in stage.ctas:
        mode = {"fill": MODE_COLOURS[cta.mode], "font-weight": "bold", "letter-spacing": 0.6}
        label = [MODES[cta.mode].upper()]
        parts.append(text_block(PAD, y + sizes.mode, label, sizes.mode, mode))
        ask = wrap(cta.ask, inner, sizes.ask)
        y += sizes.mode + 3
        parts.append(text_block(PAD, y + sizes.ask, ask, sizes.ask, {"fill": "#1f2430"}))
        y += block_height(len(ask), sizes.ask) + 7
    if not stage.ctas:
        note = {"fill": MUTED, "font-style": "italic"}
        parts.append(text_block(PAD, y + sizes.ask, ["No call to action"], sizes.ask, note))
        y += sizes.ask + 7
    return parts, y - 7 + PAD


def _box(stage: StageRow, box: Box, inside: list[str], sizes: Sizes) -> str:
    colour = LEVEL_COLOURS[stage.level]
    width, band_h = box.width, sizes.band_height
    frame = {"width": width, "height": box.height, "rx": 5, "fill": "#ffffff", "stroke": colour}
    band = {"width": width, "height": band_h, "rx": 5, "fill": colour}
    square = {"y": band_h - 5, "width": width, "height": 5, "fill": colour}
    shapes = [element("rect", frame), element("rect", band), element("rect", square)]
    place = {"class": "stage", "transform": f"translate({box.x:g} {box.y:g})"}
    return element("g", place, *shapes, *inside)


def _description(journey: JourneySection) -> str:
    """The whole diagram in words, for screen readers (no text is cut here)."""
    parts = []
    for stage in journey.stages:
        asks = "; ".join(f"{MODES[c.mode]}: {c.ask}" for c in stage.ctas)
        parts.append(
            f"Stage {stage.number}, {stage.name} ({stage.level}). {asks or 'No call to action'}."
        )
    for bridge in journey.bridges:
        words = f"Bridge {bridge.number} from stage {bridge.from_stage} to stage {bridge.to_stage}"
        if bridge.faults:
            words += f": this bridge {' and '.join(bridge.faults)}, and check reports it"
        parts.append(words + ".")
    return " ".join(parts)


class Slots:
    """Hands out places along a box's edge, one per bridge end, so ends never coincide."""

    def __init__(self) -> None:
        self._used: dict[tuple[int, str], int] = {}

    def take(self, stage: int, edge: str, room: float) -> float:
        """The offset of the next free place along `edge` of the stage's box."""
        count = self._used[stage, edge] = self._used.get((stage, edge), -1) + 1
        places = max(1, int(room // SLOT))
        return SLOT * (count % places + 1)


# Wide: rows of up to four boxes. A bridge leaves its box from below onto a lane of its
# own in the gutter under that row; it joins a box in the same or an earlier row from
# below, one in the next row from above, and reaches a row further off by a track in the
# left margin, then a lane in the gutter next to its box.


@dataclass(frozen=True)
class Plan:
    """Which gutter lanes and margin track each bridge uses (before boxes are placed)."""

    exit_lane: dict[int, int]
    entry_lane: dict[int, tuple[int, int]]
    """Bridge number to (gutter, lane) when it does not join from its exit lane."""
    margin: dict[int, int]
    lanes: dict[int, int]
    """How many lanes each gutter has."""


def _row(stage: int) -> int:
    return (stage - 1) // PER_ROW


def _entry_gutter(bridge: BridgeRow) -> int:
    here, there = _row(bridge.from_stage), _row(bridge.to_stage)
    return there if there <= here else there - 1


def _plan(bridges: list[BridgeRow], rows: int) -> Plan:
    lanes = dict.fromkeys(range(rows), 0)
    plan = Plan({}, {}, {}, lanes)
    for bridge in bridges:
        here = _row(bridge.from_stage)
        plan.exit_lane[bridge.number] = lanes[here]
        lanes[here] += 1
        entry = _entry_gutter(bridge)
        if entry != here:
            plan.margin[bridge.number] = len(plan.margin)
            plan.entry_lane[bridge.number] = (entry, lanes[entry])
            lanes[entry] += 1
    return plan


LANE, LANE_TOP = 24.0, 14.0


def _wide_boxes(heights: list[float], plan: Plan) -> tuple[list[Box], dict[int, float]]:
    """Boxes in rows of PER_ROW, right of the margin tracks; the y of each gutter's top."""
    left = 2 + (12 * len(plan.margin) + 10 if plan.margin else 0)
    boxes: list[Box] = []
    gutters: dict[int, float] = {}
    top = 2.0
    for row in range(len(plan.lanes)):
        members = heights[row * PER_ROW : (row + 1) * PER_ROW]
        height = max(members)
        x = [left + col * (WIDE.box + GAP) for col in range(len(members))]
        boxes += [Box(at, top, WIDE.box, height, row) for at in x]
        gutters[row] = top + height
        top += height + LANE_TOP + LANE * plan.lanes[row] + 22
    return boxes, gutters


def _lane_y(gutters: dict[int, float], gutter: int, lane: int) -> float:
    return gutters[gutter] + LANE_TOP + LANE * lane


def _wide_route(
    bridge: BridgeRow, boxes: list[Box], gutters: dict[int, float], plan: Plan, slots: Slots
) -> Route:
    start, end = boxes[bridge.from_stage - 1], boxes[bridge.to_stage - 1]
    x0 = start.x + slots.take(bridge.from_stage, "bottom", start.width)
    lane = _lane_y(gutters, start.row, plan.exit_lane[bridge.number])
    from_above = end.row > start.row
    edge = "top" if from_above else "bottom"
    x1 = end.x + end.width - slots.take(bridge.to_stage, edge, end.width)
    tip = end.y - 1 if from_above else end.bottom + 1
    points = [(x0, start.bottom), (x0, lane)]
    if bridge.number in plan.margin:
        track = 8 + 12 * plan.margin[bridge.number]
        entry = _lane_y(gutters, *plan.entry_lane[bridge.number])
        points += [(track, lane), (track, entry), (x1, entry), (x1, tip)]
    else:
        points += [(x1, lane), (x1, tip)]
    return Route(points, ((x0 + points[2][0]) / 2, lane))


def _wide_steps(boxes: list[Box], gutters: dict[int, float], plan: Plan) -> list[str]:
    """Arrows from each stage to the next, turning down under the gutter's lanes."""
    drawn = []
    for here, there in itertools.pairwise(boxes):
        if here.row == there.row:
            middle = here.y + here.height / 2
            drawn.append(line([(here.right, middle), (there.x - 1, middle)], LINE))
            continue
        turn = _lane_y(gutters, here.row, plan.lanes[here.row]) - 4
        start, end = here.x + here.width / 2, there.x + there.width / 2
        points = [(start, here.bottom), (start, turn), (end, turn), (end, there.y - 1)]
        drawn.append(line(points, LINE))
    return drawn


def wide_diagram(journey: JourneySection) -> Markup:
    """The wide SVG (for desktops and paper) of a journey with at least one stage."""
    insides = [_stage_inside(stage, WIDE) for stage in journey.stages]
    plan = _plan(journey.bridges, _row(len(insides)) + 1)
    boxes, gutters = _wide_boxes([size for _, size in insides], plan)
    slots = Slots()
    routes = [_wide_route(b, boxes, gutters, plan, slots) for b in journey.bridges]
    width = boxes[0].x + 2 + min(len(boxes), PER_ROW) * (WIDE.box + GAP) - GAP
    last = len(plan.lanes) - 1
    height = _lane_y(gutters, last, plan.lanes[last]) + 2
    return _svg(journey, "", (width, height), _wide_steps(boxes, gutters, plan), boxes, routes)


# Narrow: one column of boxes, each bridge on a track of its own to the right of them.
# Bridges whose spans do not meet share a track, so the column stays narrow.

NARROW_GAP, TRACK = 30.0, 26.0


def _tracks(spans: list[tuple[float, float]], room: float) -> list[int]:
    """A track for each span (low, high) such that spans on one track stay `room` apart."""
    ends: list[float] = []
    chosen = []
    for low, high in spans:
        free = next((i for i, end in enumerate(ends) if end + room <= low), len(ends))
        if free == len(ends):
            ends.append(high)
        ends[free] = high
        chosen.append(free)
    return chosen


def narrow_diagram(journey: JourneySection) -> Markup:
    """The single-column SVG (for phones) of a journey with at least one stage."""
    insides = [_stage_inside(stage, NARROW) for stage in journey.stages]
    boxes: list[Box] = []
    top = 2.0
    for _, height in insides:
        boxes.append(Box(2.0, top, NARROW.box, height, len(boxes)))
        top += height + NARROW_GAP
    slots = Slots()
    ends = []
    for bridge in journey.bridges:
        start, end = boxes[bridge.from_stage - 1], boxes[bridge.to_stage - 1]
        first = NARROW.band_height
        y0 = start.y + first + slots.take(bridge.from_stage, "right", start.height - first)
        y1 = end.y + first + slots.take(bridge.to_stage, "right", end.height - first)
        ends.append((y0, y1))
    radius = label_radius(NARROW.number)
    spans = [(min(y0, y1) - radius, max(y0, y1) + radius) for y0, y1 in ends]
    tracks = _tracks(spans, 4.0)
    right = 2 + NARROW.box
    routes = []
    for (y0, y1), track in zip(ends, tracks, strict=True):
        x = right + 20 + TRACK * track
        routes.append(Route([(right, y0), (x, y0), (x, y1), (right + 1, y1)], (x, (y0 + y1) / 2)))
    centre = 2 + NARROW.box / 2
    steps = [
        line([(centre, a.bottom), (centre, b.y - 1)], LINE) for a, b in itertools.pairwise(boxes)
    ]
    width = right + 4 + (20 + TRACK * (max(tracks) + 1) if tracks else 0)
    return _svg(journey, "-narrow", (width, top - NARROW_GAP + 4), steps, boxes, routes)


def _svg(
    journey: JourneySection,
    suffix: str,
    size: tuple[float, float],
    steps: list[str],
    boxes: list[Box],
    routes: list[Route],
) -> Markup:
    """Steps, then boxes, then bridges over them, then the bridges' numbers on top."""
    sizes = NARROW if suffix else WIDE
    insides = [_stage_inside(stage, sizes)[0] for stage in journey.stages]
    drawn = [
        _box(s, b, inside, sizes)
        for s, b, inside in zip(journey.stages, boxes, insides, strict=True)
    ]
    bridges = list(zip(journey.bridges, routes, strict=True))
    return document(
        f"journey-{journey.id}{suffix}",
        size,
        f"Journey diagram: {journey.audience}",
        _description(journey),
        *steps,
        *drawn,
        *(bridge_path(bridge, route) for bridge, route in bridges),
        *(bridge_label(bridge, route, sizes.number) for bridge, route in bridges),
    )


def journey_diagram(journey: JourneySection) -> Markup:
    """Both diagrams of a journey with at least one stage; the stylesheet shows the wide one
    on desktops and paper and the narrow one on phones."""
    return Markup(
        '<div class="journey-diagram"><div class="diagram-wide">{}</div>'
        '<div class="diagram-narrow">{}</div></div>'
    ).format(wide_diagram(journey), narrow_diagram(journey))
