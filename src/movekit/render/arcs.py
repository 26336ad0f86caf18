"""Bridges in a journey diagram: the path each one takes between its stage boxes, drawn
with its number, sound bridges solid and bridges that check reports dashed.

Paths run only in the space between boxes (the gutter under a row, a margin beside the
boxes), each bridge on a track of its own, so no arc and no number crosses a stage's text.
diagram.py decides where the boxes and tracks are; this module draws what it decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from movekit.render.document import BridgeRow
from movekit.render.svg import element, text_block

SOUND, FAULTY = "#b03a2e", "#4b5263"
Point = tuple[float, float]


@dataclass(frozen=True)
class Route:
    """A bridge's path, from its `from` box to its `to` box, and where its number sits."""

    points: list[Point]
    label: Point


def label_radius(size: float) -> float:
    """Half the width of the number's badge (circle or square) at font `size`."""
    return size * 0.82


def arrowhead(tip: Point, towards: Point, colour: str, *, hollow: bool = False) -> str:
    """A triangle with its tip at `tip`, pointing away from `towards`; white inside when
    hollow (the marker of a bridge that needs fixing)."""
    (x, y), (x0, y0) = tip, towards
    dx, dy = x - x0, y - y0
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    back_x, back_y = x - 8 * ux, y - 8 * uy
    points = [(x, y), (back_x - 4 * uy, back_y + 4 * ux), (back_x + 4 * uy, back_y - 4 * ux)]
    text = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    fill = {"fill": "#ffffff", "stroke": colour, "stroke-width": 1.4} if hollow else {}
    return element("polygon", {"points": text, "fill": colour, **fill})


def line(points: list[Point], colour: str, attrs: dict[str, object] | None = None) -> str:
    """A polyline ending in a filled arrowhead."""
    path = "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in points)
    shape = {"d": path, "fill": "none", "stroke": colour, "stroke-width": 1.5, **(attrs or {})}
    return element("path", shape) + arrowhead(points[-1], points[-2], colour)


def bridge_path(bridge: BridgeRow, route: Route) -> str:
    """The bridge's line and arrowhead: solid and filled when sound, dashed and hollow
    when check reports it."""
    faulty = bool(bridge.faults)
    colour = FAULTY if faulty else SOUND
    style: dict[str, object] = {"stroke-width": 2.0, "class": "bridge"}
    if faulty:
        style.update({"stroke-dasharray": "6 4", "class": "bridge bridge-faulty"})
    path = "M " + " L ".join(f"{x:.1f} {y:.1f}" for x, y in route.points)
    drawn = element("path", {"d": path, "fill": "none", "stroke": colour, **style})
    return drawn + arrowhead(route.points[-1], route.points[-2], colour, hollow=faulty)


def bridge_label(bridge: BridgeRow, route: Route, size: float) -> str:
    """The bridge's number on its path, as in the list under the diagram: white in a red
    circle when sound, dark in a white square when check reports it."""
    x, y = route.label
    radius = label_radius(size)
    if bridge.faults:
        badge = element(
            "rect",
            {
                "x": x - radius,
                "y": y - radius,
                "width": 2 * radius,
                "height": 2 * radius,
                "fill": "#ffffff",
                "stroke": FAULTY,
                "stroke-width": 1.5,
                "stroke-dasharray": "3 2",
            },
        )
        ink, kind = FAULTY, "bridge-label bridge-faulty"
    else:
        badge = element("circle", {"cx": x, "cy": y, "r": radius, "fill": SOUND})
        ink, kind = "#ffffff", "bridge-label"
    number = {"fill": ink, "font-weight": "bold", "text-anchor": "middle"}
    text = text_block(x, y + size * 0.36, [str(bridge.number)], size, number)
    return element("g", {"class": kind}, badge, text)
