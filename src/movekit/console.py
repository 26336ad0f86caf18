"""The one place that builds rich consoles (colour follows NO_COLOR and the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def console(file: TextIO | None = None, *, stderr: bool = False) -> Console:
    """A console for human output; rich turns colour off for NO_COLOR and non-terminals."""
    import os
    import sys

    from rich.console import Console

    stream = file or (sys.stderr if stderr else sys.stdout)
    # Piped output (logs, CI, files) has no width: rich would assume 80 columns and wrap
    # tables; 120 keeps them readable. A terminal, or COLUMNS, still decides when given.
    piped = not stream.isatty() and "COLUMNS" not in os.environ
    return Console(
        file=file,
        stderr=stderr,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=120 if piped else None,
    )
