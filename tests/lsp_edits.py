"""Helpers for the language-server tests: the server command, a cursor marked in a text, and
applying the server's TextEdits to a text as an editor would."""

from __future__ import annotations

import sys

from lsprotocol import types

SERVER = [sys.executable, "-m", "movekit", "lsp"]
"""The real `movekit lsp` process."""

CURSOR = "\u2038"
"""Marks the cursor in a test's text (‸)."""


def cursor(text: str) -> tuple[str, types.Position]:
    """The text without its cursor mark, and the mark's position (UTF-16 columns)."""
    before, _, _ = text.partition(CURSOR)
    row = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    units = len(column.encode("utf-16-le")) // 2
    return text.replace(CURSOR, "", 1), types.Position(row, units)


def _offset(text: str, position: types.Position) -> int:
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return start + index
        units += len(char.encode("utf-16-le")) // 2
    return start + len(line.rstrip("\r\n")) if units < position.character else start + len(line)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """`text` with `edits` applied (the last first, so earlier offsets hold)."""
    spans = [
        (_offset(text, edit.range.start), _offset(text, edit.range.end), edit.new_text)
        for edit in edits
    ]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text
