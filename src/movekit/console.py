"""The one place that builds rich consoles (colour follows NO_COLOR and the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console for human output; rich turns colour off for NO_COLOR and non-terminals."""
    from rich.console import Console

    return Console(file=file, stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
