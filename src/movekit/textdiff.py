"""Line-by-line differences between two texts, as the unified diffs `patch` and git read."""

from __future__ import annotations

import difflib


def unified_diff(before: str, after: str, name: str, new_name: str | None = None) -> list[str]:
    """The change as a unified diff (paths as given, so `patch -p0` applies it)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), name, new_name or name
    )
    return [
        line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n" for line in lines
    ]
