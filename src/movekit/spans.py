"""Where a value ends on its line, so that a caret can underline all of it.

The reader records where each value starts (positions.py); where a scalar ends follows
from its first character and the text after it, as YAML writes scalars: a quoted one
runs to its closing quote, a plain one to a comment or the end of the line (and, inside
`[...]` or `{...}`, to the next `,` or bracket). A value that goes on over several lines
is underlined to the end of its first line.
"""

from __future__ import annotations

from movekit.findings import Path
from movekit.positions import Pos

_FLOW = frozenset(",[]{}")
_CONTAINERS = frozenset("[{-?")
"""First characters of what is not a scalar: flow and block collections, complex keys."""


def end_column(lines: list[str], root: Pos, path: Path, at: Pos) -> int | None:
    """The column just after the scalar that starts at `at` (the place of `path`), or None
    when no scalar starts there (a list or mapping, or a place outside the text)."""
    if at.keys is not None or at.items is not None or not 1 <= at.line <= len(lines):
        return None
    line = lines[at.line - 1]
    start = at.column - 1
    if not 0 <= start < len(line) or line[start] in _CONTAINERS:
        return None
    flow = _in_flow(lines, root, path)
    return scalar_end(line, start, flow=flow) + 1


def scalar_end(line: str, start: int, *, flow: bool = False) -> int:
    """The 0-based index just after the scalar that starts at `line[start]` (on this line)."""
    quote = line[start]
    if quote in "\"'":
        return _quoted_end(line, start, quote)
    end = start + 1
    for index in range(start + 1, len(line)):
        char = line[index]
        after = line[index + 1 : index + 2]
        if char == "#" and line[index - 1] in " \t":
            break
        if char == ":" and (after in ("", " ", "\t") or (flow and after in _FLOW)):
            break
        if flow and char in _FLOW:
            break
        if char not in " \t":
            end = index + 1
    return end


def _quoted_end(line: str, start: int, quote: str) -> int:
    """Just after the closing quote; the end of the line when the text goes on below."""
    index = start + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":  # '' is a quote in '...'
                index += 2
                continue
            return index + 1
        index += 1
    return len(line.rstrip())


def _in_flow(lines: list[str], root: Pos, path: Path) -> bool:
    """True when a collection on the way to `path` is written in brackets (`[a, b]`)."""
    node = root
    for part in path:
        if _opens_flow(lines, node):
            return True
        if isinstance(part, int) and node.items is not None and 0 <= part < len(node.items):
            node = node.items[part]
        elif isinstance(part, str) and node.values is not None and part in node.values:
            node = node.values[part]
        else:
            break
    return False


def _opens_flow(lines: list[str], node: Pos) -> bool:
    if (node.keys is None and node.items is None) or not 1 <= node.line <= len(lines):
        return False
    line = lines[node.line - 1]
    return line[node.column - 1 : node.column] in ("[", "{")
