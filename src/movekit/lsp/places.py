"""Places in an open plan as the editor counts them and as movekit does.

movekit counts 1-based lines and columns in characters, breaking lines where YAML does
(also at U+0085, U+2028 and U+2029); an editor counts 0-based lines broken only at
`\\r\\n`, `\\r` and `\\n`, and columns in the units the client chose (UTF-16 unless it
asked for UTF-8 or UTF-32). A Places converts between the two through offsets in the text,
and applies the editor's incremental changes the way the editor sees its lines.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

from movekit.yamltext import LINE_BREAK

EDITOR_BREAK = re.compile(r"\r\n|\r|\n")
"""A line break as the Language Server Protocol counts one."""


def _starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    return [0, *(match.end() for match in breaks.finditer(text))]


def _units(char: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf8:
        return len(char.encode("utf-8", errors="surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return 1
    return 2 if ord(char) > 0xFFFF else 1


class Places:
    """One text's line starts, for both ways of counting."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text, self.encoding = text, encoding
        self.lines = _starts(text, EDITOR_BREAK)
        self._yaml_lines: list[int] | None = None
        self._bom = 1 if text.startswith("\ufeff") else 0  # YAML's column 1 is after it

    def _line_end(self, line: int) -> int:
        """The offset where an editor line's text ends (before its line break)."""
        if line + 1 < len(self.lines):
            end = self.lines[line + 1]
            return end - (2 if self.text[end - 2 : end] == "\r\n" else 1)
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        """The editor's position of a character offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.lines, offset) - 1
        start = self.lines[line]
        offset = min(offset, self._line_end(line))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return types.Position(line, offset - start)
        width = sum(_units(char, self.encoding) for char in self.text[start:offset])
        return types.Position(line, width)

    def offset(self, position: types.Position) -> int:
        """The character offset of an editor's position (clamped to its line and the text)."""
        if position.line >= len(self.lines):
            return len(self.text)
        start, end = self.lines[position.line], self._line_end(position.line)
        if self.encoding == types.PositionEncodingKind.Utf32:
            return min(start + position.character, end)
        units, offset = 0, start
        while offset < end and units < position.character:
            units += _units(self.text[offset], self.encoding)
            offset += 1
        return offset

    @property
    def yaml_lines(self) -> list[int]:
        """Where each line starts as libyaml counts lines (U+0085, U+2028 and U+2029 break
        lines there, not in an editor)."""
        if self._yaml_lines is None:
            self._yaml_lines = _starts(self.text, LINE_BREAK)
        return self._yaml_lines

    def yaml_offset(self, line: int, column: int) -> int:
        """The character offset of movekit's 1-based line and column."""
        line = max(1, min(line, len(self.yaml_lines)))
        bom = self._bom if line == 1 else 0
        return self.yaml_lines[line - 1] + bom + max(column, 1) - 1

    def at_yaml_index(self, line: int, index: int) -> types.Position:
        """The editor's position of a character of libyaml's 0-based `line`, `index` counted
        in the line's text (the byte order mark included on the first line)."""
        line = max(0, min(line, len(self.yaml_lines) - 1))
        return self.position(self.yaml_lines[line] + index)

    def yaml_index(self, position: types.Position) -> tuple[int, int]:
        """An editor's position as libyaml's 0-based line and the character's index in it."""
        offset = self.offset(position)
        line = bisect.bisect_right(self.yaml_lines, offset) - 1
        return line, offset - self.yaml_lines[line]

    def yaml_position(self, line: int, column: int) -> types.Position:
        """The editor's position of movekit's 1-based line and column."""
        return self.position(self.yaml_offset(line, column))

    def yaml_range(self, line: int, column: int, end_column: int | None) -> types.Range:
        """The range from movekit's line and column to `end_column` on the same line (or
        to the end of the word at the column, so that an editor shows something)."""
        start = self.yaml_offset(line, column)
        end = start + (end_column - column) if end_column else self._word_end(start)
        return types.Range(self.position(start), self.position(end))

    def _word_end(self, start: int) -> int:
        end = start
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
        return end if end > start else min(start + 1, len(self.text))


def apply_change(text: str, change: types.TextDocumentContentChangeEvent, encoding: str) -> str:
    """The text after one of the editor's changes (a range replaced, or the whole text)."""
    if not isinstance(change, types.TextDocumentContentChangePartial):
        return change.text
    places = Places(text, encoding)
    start = places.offset(change.range.start)
    end = max(start, places.offset(change.range.end))
    return text[:start] + change.text + text[end:]
