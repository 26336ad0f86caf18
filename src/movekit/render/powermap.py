"""The power map as an inline SVG: decision-makers by position (columns) and role (rows).

Columns run from opposes to supports after a column for positions not known yet
(movekit.model.POSITIONS), rows are primary then secondary targets. Each target is a
numbered dot with its name beside it, in its cell; the column and row headings say in
words what the dot's colour and fill also show.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from movekit.render.power import TargetRow, WhoDecides, position_heading
from movekit.render.svg import block_height, document, element, escape, text_block, wrap

LABEL_W, COL_W, HEAD_H, PAD, GAP = 92.0, 132.0, 34.0, 8.0, 8.0
NAME_SIZE, HEAD_SIZE, NOTE_SIZE, RADIUS = 10.5, 11.0, 8.5, 7.0
POSITION_COLOURS = {
    "opposes": "#b03a2e",
    "unknown": "#6b7280",
    "undecided": "#8a6100",
    "supports": "#2f7d4f",
}
ROLE_NOTES = {"primary": "can grant the outcome", "secondary": "has power over a primary"}
CELL, INK, MUTED = "#f4f6f8", "#1f2430", "#5b6270"


@dataclass(frozen=True)
class _Item:
    """A target's dot and name, drawn with its top-left at (0, 0)."""

    target: TargetRow
    lines: list[str]
    height: float


def _item(target: TargetRow) -> _Item:
    lines = wrap(target.name, COL_W - 2 * PAD - 2 * RADIUS - 6, NAME_SIZE * 1.05, max_lines=6)
    return _Item(target, lines, max(2 * RADIUS, block_height(len(lines), NAME_SIZE)) + GAP)


def _dot(item: _Item, x: float, y: float) -> str:
    target = item.target
    colour = POSITION_COLOURS[target.placed]
    primary = target.role == "primary"
    circle = {
        "cx": x + RADIUS,
        "cy": y + RADIUS,
        "r": RADIUS,
        "fill": colour if primary else "#ffffff",
        "stroke": colour,
        "stroke-width": 2,
    }
    number = {"fill": "#ffffff" if primary else colour, "font-weight": "bold"}
    number["text-anchor"] = "middle"
    name = {"fill": INK}
    return element(
        "g",
        {"class": "mk-target", "data-target": target.id},
        element("title", {}, escape(_in_words(target))),
        element("circle", circle),
        text_block(x + RADIUS, y + RADIUS + 3, [str(target.number)], 8.5, number),
        text_block(x + 2 * RADIUS + 6, y + NAME_SIZE - 1, item.lines, NAME_SIZE, name),
    )


def _in_words(target: TargetRow) -> str:
    position = target.position or "position not known"
    power = f" Your power: {target.power}." if target.power else ""
    return f"{target.number}. {target.name}: {target.role}, {position}.{power}"


def _headings(positions: tuple[str, ...]) -> list[str]:
    drawn = []
    for column, position in enumerate(positions):
        x = LABEL_W + column * COL_W + COL_W / 2
        style = {"fill": POSITION_COLOURS[position], "font-weight": "bold"}
        style["text-anchor"] = "middle"
        drawn.append(text_block(x, 16, [position_heading(position)], HEAD_SIZE, style))
    arrow = {"fill": MUTED, "text-anchor": "end"}
    label = "Position: from opposes to supports →"
    drawn.append(
        text_block(LABEL_W + len(positions) * COL_W, HEAD_H - 4, [label], NOTE_SIZE, arrow)
    )
    return drawn


def _row(chart: WhoDecides, role: str, top: float) -> tuple[list[str], float]:
    """One role's cells and dots, and the row's height."""
    cells = [
        [_item(t) for t in chart.targets if t.role == role and t.placed == p]
        for p in chart.positions
    ]
    height = max([44.0, *(sum(item.height for item in cell) + 2 * PAD - GAP for cell in cells)])
    bold = {"fill": INK, "font-weight": "bold"}
    drawn = [
        text_block(0, top + 18, [role.capitalize()], HEAD_SIZE, bold),
        text_block(
            0, top + 32, wrap(ROLE_NOTES[role], LABEL_W - 8, NOTE_SIZE), NOTE_SIZE, {"fill": MUTED}
        ),
    ]
    for column, (position, cell) in enumerate(zip(chart.positions, cells, strict=True)):
        x = LABEL_W + column * COL_W
        frame = {"x": x + 1, "y": top, "width": COL_W - 2, "height": height, "fill": CELL}
        where = {"class": "mk-cell", "data-role": role, "data-position": position}
        drawn.append(element("rect", {**where, **frame}))
        y = top + PAD
        for item in cell:
            drawn.append(_dot(item, x + PAD, y))
            y += item.height
    return drawn, height


def _description(chart: WhoDecides) -> str:
    """The whole map in words, for screen readers."""
    if not chart.targets:
        return "No decision-makers yet."
    return " ".join(_in_words(target) for target in chart.targets)


def power_map(chart: WhoDecides) -> Markup:
    """The SVG power map of every target (an empty grid when there are none)."""
    drawn = _headings(chart.positions)
    top = HEAD_H
    for role in chart.roles:
        row, height = _row(chart, role, top)
        drawn += row
        top += height + 2
    width = LABEL_W + len(chart.positions) * COL_W
    return document(
        "power-map",
        (width, top),
        "Power map: who decides, by position and role",
        _description(chart),
        *drawn,
    )
