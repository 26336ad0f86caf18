"""A journey as an inline SVG diagram: stage boxes in order, bridges as dashed arcs.

Each box shows the stage's number, level (the colour band), name and every call to action
marked online or on the ground. Up to four boxes share a row; longer journeys wrap.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup

from movekit.render.document import BridgeRow, JourneySection, StageRow
from movekit.render.formatting import MODES
from movekit.render.svg import block_height, document, element, text_block, wrap

BOX_W, GAP, PER_ROW, PAD, BAND_H = 150.0, 26.0, 4, 8.0, 20.0
NAME_SIZE, ASK_SIZE, MODE_SIZE = 11.0, 9.5, 7.5
LEVEL_COLOURS = {
    "awareness": "#3f6f9f",
    "engagement": "#6a5aa8",
    "action": "#b8651b",
    "ownership": "#2f7d4f",
}
MODE_COLOURS = {"online": "#3f6f9f", "offline": "#2f7d4f", "direct": "#8a5a00"}
LINE, BRIDGE, MUTED = "#5b6270", "#b03a2e", "#6b7280"


@dataclass(frozen=True)
class Box:
    """Where a stage's box sits, and what it holds (SVG for its inside, drawn at 0, 0)."""

    x: float
    y: float
    height: float
    row: int


def _stage_inside(stage: StageRow) -> tuple[list[str], float]:
    """The box's text, top-left at (0, 0), and the height it needs."""
    inner = BOX_W - 2 * PAD
    band = f"{stage.number} · {stage.level.upper()}"
    parts = [text_block(PAD, 14, [band], 8.0, {"fill": "#ffffff", "font-weight": "bold"})]
    name = wrap(stage.name, inner, NAME_SIZE * 1.08, max_lines=4)
    top = BAND_H + PAD + NAME_SIZE
    parts.append(text_block(PAD, top, name, NAME_SIZE, {"font-weight": "bold", "fill": "#1f2430"}))
    y = top + block_height(len(name), NAME_SIZE) - NAME_SIZE + 8
    for cta in stage.ctas:
        mode = {"fill": MODE_COLOURS[cta.mode], "font-weight": "bold", "letter-spacing": 0.6}
        parts.append(text_block(PAD, y + MODE_SIZE, [MODES[cta.mode].upper()], MODE_SIZE, mode))
        ask = wrap(cta.ask, inner, ASK_SIZE)
        y += MODE_SIZE + 3
        parts.append(text_block(PAD, y + ASK_SIZE, ask, ASK_SIZE, {"fill": "#1f2430"}))
        y += block_height(len(ask), ASK_SIZE) + 7
    if not stage.ctas:
        note = {"fill": MUTED, "font-style": "italic"}
        parts.append(text_block(PAD, y + ASK_SIZE, ["No call to action"], ASK_SIZE, note))
        y += ASK_SIZE + 7
    return parts, y - 7 + PAD


def _box(stage: StageRow, box: Box, inside: list[str]) -> str:
    colour = LEVEL_COLOURS[stage.level]
    frame = {"width": BOX_W, "height": box.height, "rx": 5, "fill": "#ffffff", "stroke": colour}
    band = {"width": BOX_W, "height": BAND_H, "rx": 5, "fill": colour}
    square = {"y": BAND_H - 5, "width": BOX_W, "height": 5, "fill": colour}
    shapes = [element("rect", frame), element("rect", band), element("rect", square)]
    return element("g", {"transform": f"translate({box.x:g} {box.y:g})"}, *shapes, *inside)


def _arrowhead(x: float, y: float, dx: float, dy: float, colour: str) -> str:
    """A filled triangle pointing along (dx, dy), its tip at (x, y)."""
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    back_x, back_y = x - 7 * ux, y - 7 * uy
    points = [
        (x, y),
        (back_x - 3.5 * uy, back_y + 3.5 * ux),
        (back_x + 3.5 * uy, back_y - 3.5 * ux),
    ]
    text = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    return element("polygon", {"points": text, "fill": colour})


def _line(points: list[tuple[float, float]], colour: str) -> str:
    path = "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in points)
    line = element("path", {"d": path, "fill": "none", "stroke": colour, "stroke-width": 1.5})
    (x0, y0), (x1, y1) = points[-2], points[-1]
    return line + _arrowhead(x1, y1, x1 - x0, y1 - y0, colour)


def _steps(boxes: list[Box], lanes: dict[int, float]) -> list[str]:
    """Arrows from each stage to the next, turning down at the end of a row."""
    drawn = []
    for here, there in itertools.pairwise(boxes):
        if here.row == there.row:
            middle = here.y + here.height / 2
            drawn.append(_line([(here.x + BOX_W, middle), (there.x - 1, middle)], LINE))
            continue
        turn = here.y + here.height + lanes[here.row] + 8
        start, end = here.x + BOX_W / 2, there.x + BOX_W / 2
        points = [(start, here.y + here.height), (start, turn), (end, turn), (end, there.y - 1)]
        drawn.append(_line(points, LINE))
    return drawn


@dataclass(frozen=True)
class Arc:
    """Where a bridge leaves and joins its boxes: how deep it bends and how far off centre."""

    depth: float
    start_offset: float
    end_offset: float


def _bridge(bridge: BridgeRow, boxes: list[Box], arc: Arc) -> str:
    """A dashed arc from below the `from` box to the `to` box, labelled `Bridge N`."""
    start, end = boxes[bridge.from_stage - 1], boxes[bridge.to_stage - 1]
    x0, y0 = start.x + BOX_W / 2 + arc.start_offset, start.y + start.height
    x1 = end.x + BOX_W / 2 - arc.end_offset
    same_row = end.row == start.row
    y1 = end.y + end.height + 1 if same_row else end.y - 1
    bend = y0 + arc.depth
    c1, c2 = (x0, bend), (x1, bend if same_row else y1 - 20)
    curve = f"{c1[0]:.1f} {c1[1]:.1f} {c2[0]:.1f} {c2[1]:.1f} {x1:.1f} {y1:.1f}"
    style = {"fill": "none", "stroke": BRIDGE, "stroke-width": 1.8, "stroke-dasharray": "5 3"}
    label_at = ((x0 + x1) / 2, y0 + arc.depth * 0.75 + 10)
    label = {"fill": BRIDGE, "font-weight": "bold", "text-anchor": "middle"}
    return (
        element("path", {"d": f"M {x0:.1f} {y0:.1f} C {curve}", **style})
        + _arrowhead(x1, y1, x1 - c2[0], y1 - c2[1], BRIDGE)
        + text_block(*label_at, [f"Bridge {bridge.number}"], 8.5, label)
    )


def _bridges(journey: JourneySection, boxes: list[Box]) -> list[str]:
    """Every bridge, each one deeper than the last from its row and off the others' ends."""
    depths: dict[int, float] = {}
    leaving: dict[int, int] = {}
    arriving: dict[int, int] = {}
    drawn = []
    for bridge in journey.bridges:
        row = boxes[bridge.from_stage - 1].row
        depths[row] = depths.get(row, 0.0) + 26.0
        out = leaving[bridge.from_stage] = leaving.get(bridge.from_stage, -1) + 1
        into = arriving[bridge.to_stage] = arriving.get(bridge.to_stage, -1) + 1
        arc = Arc(depths[row], 12.0 + 12 * out, 12.0 + 12 * into)
        drawn.append(_bridge(bridge, boxes, arc))
    return drawn


def _lanes(journey: JourneySection, rows: int) -> dict[int, float]:
    """Space under each row for the bridges that start there."""
    lanes = dict.fromkeys(range(rows), 6.0)
    for bridge in journey.bridges:
        row = (bridge.from_stage - 1) // PER_ROW
        lanes[row] += 26.0
    return lanes


def _description(journey: JourneySection) -> str:
    """The whole diagram in words, for screen readers (no text is cut here)."""
    parts = []
    for stage in journey.stages:
        asks = "; ".join(f"{MODES[c.mode]}: {c.ask}" for c in stage.ctas)
        parts.append(
            f"Stage {stage.number}, {stage.name} ({stage.level}). {asks or 'No call to action'}."
        )
    for bridge in journey.bridges:
        parts.append(
            f"Bridge {bridge.number} from stage {bridge.from_stage} to stage {bridge.to_stage}."
        )
    return " ".join(parts)


def _layout(insides: list[tuple[list[str], float]], lanes: dict[int, float]) -> list[Box]:
    """Boxes in rows of PER_ROW, each row as tall as its tallest box, lanes in between."""
    boxes: list[Box] = []
    top = 2.0
    for row in range(len(lanes)):
        members = insides[row * PER_ROW : (row + 1) * PER_ROW]
        height = max(size for _, size in members)
        boxes += [Box(2 + col * (BOX_W + GAP), top, height, row) for col in range(len(members))]
        top += height + lanes[row] + 22
    return boxes


def journey_diagram(journey: JourneySection) -> Markup:
    """The SVG for a journey with at least one stage."""
    insides = [_stage_inside(stage) for stage in journey.stages]
    lanes = _lanes(journey, (len(insides) - 1) // PER_ROW + 1)
    boxes = _layout(insides, lanes)
    drawn = [
        _box(s, b, inside) for s, b, (inside, _) in zip(journey.stages, boxes, insides, strict=True)
    ]
    width = 4 + min(len(boxes), PER_ROW) * (BOX_W + GAP) - GAP
    height = boxes[-1].y + boxes[-1].height + lanes[boxes[-1].row] + 2
    return document(
        f"journey-{journey.id}",
        (width, height),
        f"Journey diagram: {journey.audience}",
        _description(journey),
        *_steps(boxes, lanes),
        *_bridges(journey, boxes),
        *drawn,
    )
