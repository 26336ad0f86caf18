"""The one place that builds rich consoles (colour follows NO_COLOR and the terminal).

rich writes its colour codes to the real stream, under the guard of printable.py, so
every piece of text it prints is neutralised here instead, whatever built it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook
    from rich.segment import Segment


def console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console for human output; rich turns colour off for NO_COLOR and non-terminals."""
    import os
    import sys

    from rich.console import Console

    from movekit.printable import unguarded

    stream = unguarded(file or (sys.stderr if stderr else sys.stdout))
    # Piped output (logs, CI, files) has no width: rich would assume 80 columns and wrap
    # tables; 120 keeps them readable. A terminal, or COLUMNS, still decides when given.
    piped = not stream.isatty() and "COLUMNS" not in os.environ
    screen = Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=120 if piped else None,
    )
    screen.push_render_hook(_printable_hook())
    return screen


def _printable_hook() -> RenderHook:
    """A hook that neutralises the text of everything printed, keeping rich's own codes."""
    from rich.console import RenderHook

    class Printable(RenderHook):
        def process_renderables(
            self, renderables: list[ConsoleRenderable]
        ) -> list[ConsoleRenderable]:
            return [_Neutralised(renderable) for renderable in renderables]

    return Printable()


class _Neutralised:
    """A renderable whose text segments pass through printable.visible_lines."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, screen: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        from movekit.printable import visible_lines

        segments: Iterable[Segment] = screen.render(self.inner, options)
        for segment in segments:
            if segment.control:  # rich's own cursor moves (a spinner), not text
                yield segment
            else:
                yield Segment(visible_lines(segment.text), segment.style)
