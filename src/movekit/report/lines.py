"""Styled lines for people's terminals, printed through rich only when colour is wanted.

Reports are built as lines of (text, style) segments. With colour off (NO_COLOR, a pipe,
a file, TERM=dumb) they are written as plain text without importing rich at all, which
keeps `movekit check` quick to start in pre-commit hooks and CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TextIO

from movekit.findings import Severity
from movekit.printable import visible

Segment = tuple[str, str]
"""A piece of text and its rich style ("" for none)."""
Line = Sequence[Segment]

__all__ = ["STYLES", "Line", "Segment", "plain", "visible", "wants_colour", "write_lines"]

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}


def plain(line: Line) -> str:
    """A line without its styles."""
    return "".join(text for text, _ in line)


def wants_colour(out: TextIO) -> bool:
    """Colour as rich decides it: never with NO_COLOR, always with FORCE_COLOR, else only
    on a terminal that is not `dumb`."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    terminal = bool(isatty and isatty())
    return terminal and os.environ.get("TERM", "") not in ("dumb", "unknown")


def write_lines(lines: Iterable[Line], out: TextIO) -> None:
    """Print lines: through rich with colour, or as plain text."""
    if not wants_colour(out):
        out.writelines(plain(line) + "\n" for line in lines)
        return
    from rich.text import Text

    from movekit.console import console

    screen = console(out)
    for line in lines:
        screen.print(Text.assemble(*line))
