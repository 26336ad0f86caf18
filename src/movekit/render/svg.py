"""SVG building blocks: every text and attribute value is escaped here, and only here.

Diagrams are assembled from these functions, never by putting plan text into markup
strings, so plan text cannot open a tag, close an attribute or add an event handler.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping

from markupsafe import Markup

from movekit.render.plaintext import neutralise

FONT = (
    '"Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", '
    '"DejaVu Sans", sans-serif'
)
"""The document's font stack: fonts already on the reader's machine, never downloaded."""
CHAR_WIDTH = 0.56
"""Average glyph width as a share of the font size (sans-serif text, measured on DejaVu Sans)."""


def escape(value: object) -> str:
    """Text or an attribute value as XML character data (quotes included); control
    characters and bidi overrides (which XML cannot carry or which reorder text) become
    U+FFFD."""
    return html.escape(neutralise(str(value)), quote=True)


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def attributes(values: Mapping[str, object]) -> str:
    """` name="value"` pairs; numbers are rounded, names are movekit's own."""
    parts = []
    for name, value in values.items():
        shown = _number(value) if isinstance(value, float | int) else escape(value)
        parts.append(f' {name}="{shown}"')
    return "".join(parts)


def element(tag: str, attrs: Mapping[str, object], *children: str) -> str:
    """`<tag attrs>children</tag>`; children must come from these functions."""
    if not children:
        return f"<{tag}{attributes(attrs)}/>"
    return f"<{tag}{attributes(attrs)}>{''.join(children)}</{tag}>"


def text_block(
    x: float, y: float, lines: list[str], size: float, attrs: Mapping[str, object] | None = None
) -> str:
    """Lines of text, the first baseline at `y`, each line 1.25 font sizes below the last."""
    spans = [
        f"<tspan{attributes({'x': x, 'dy': 0 if i == 0 else size * 1.25})}>{escape(line)}</tspan>"
        for i, line in enumerate(lines)
    ]
    own = {"x": x, "y": y, "font-size": size, **(attrs or {})}
    return f"<text{attributes(own)}>{''.join(spans)}</text>"


def wrap(text: str, width: float, size: float, max_lines: int = 6) -> list[str]:
    """Text broken into lines that fit `width` pixels at `size`; `…` ends a cut-off line."""
    columns = max(4, int(width / (size * CHAR_WIDTH)))
    lines = textwrap.wrap(" ".join(text.split()), columns, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: columns - 1].rstrip() + "…"]
    return lines


def block_height(lines: int, size: float) -> float:
    """The height that `lines` lines of text at `size` take."""
    return size * (1 + 1.25 * (lines - 1))


def document(
    ident: str, size: tuple[float, float], title: str, description: str, *body: str
) -> Markup:
    """An accessible inline SVG: role img, a title and a description; `ident` is unique."""
    width, height = size
    root = {
        "xmlns": "http://www.w3.org/2000/svg",
        "role": "img",
        "viewBox": f"0 0 {_number(width)} {_number(height)}",
        "width": width,
        "height": height,
        "font-family": FONT,
        "aria-labelledby": f"{ident}-title {ident}-desc",
    }
    head = element("title", {"id": f"{ident}-title"}, escape(title))
    head += element("desc", {"id": f"{ident}-desc"}, escape(description))
    return Markup(element("svg", root, head, *body))
