"""The one way to open a plan: read it, then check it with or without the rules.

Every command and the public API open plans here, so a plan means the same everywhere:
`status`, `record`, `fmt`, `diff` and `render` see exactly the file-level errors `check`
reports. The engine is imported only to check: `check` reads plans with `read_source`
and may answer from its cache without it.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from movekit.config import Settings, load_settings
from movekit.files import read_limited, read_plan_bytes

if TYPE_CHECKING:
    from movekit.engine import Checked

STDIN = "-"
"""The path that means standard input, as in most command-line tools."""

STDIN_NAME = "<stdin>"
"""The name a plan read from standard input goes by in every report and message (unless
`--stdin-filename` gives its real one), as Python and most linters write it."""

NO_RULES = Settings(select=())
"""File-level checks only: reading, YAML, the plan format and its references."""


def read_source(path: Path) -> bytes:
    """A plan's (or another input's) bytes, from standard input when the path is `-`."""
    if str(path) == STDIN:
        return read_limited(sys.stdin.buffer, STDIN_NAME)
    return read_plan_bytes(path)


def label_of(path: Path) -> str:
    """The name a plan file goes by in findings: its path, or `<stdin>` for `-`."""
    return STDIN_NAME if str(path) == STDIN else str(path)


def open_plan(
    source: Path | bytes,
    *,
    name: str | None = None,
    today: dt.date | None = None,
    settings: Settings | None = None,
    lint: bool = True,
) -> Checked:
    """Read and check a plan: its findings, its text and, without file-level errors, its model.

    `source` is a plan file's path (`-` reads standard input) or a plan's bytes. `name` is
    the file name findings carry (default: the path, `<stdin>` for `-`, or `plan.yaml` for
    bytes). `settings` default to the plan's nearest config file (the built-in defaults for
    bytes and stdin).
    With `lint=False` only the file-level checks run, whatever the settings.
    """
    from movekit.engine import check_bytes  # the YAML reader, Pydantic and the rules

    if isinstance(source, bytes):
        raw, label = source, name or "plan.yaml"
    else:
        raw, label = read_source(source), name or label_of(source)
    if not lint:
        chosen = NO_RULES
    elif settings is not None:
        chosen = settings
    elif isinstance(source, Path) and str(source) != STDIN:
        from movekit.codes import CODES

        chosen = load_settings(source, CODES)
    else:
        chosen = Settings()
    return check_bytes(raw, label, today=today or dt.date.today(), settings=chosen)
