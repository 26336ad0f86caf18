"""Where things are in a plan's text: 1-based lines and columns, and finding a path's."""

from __future__ import annotations

from dataclasses import dataclass

from movekit.findings import Path
from movekit.yamltext import LINE_BREAK, LINE_ENDS


@dataclass(slots=True)
class Pos:
    """Where a value sits (1-based); mappings and sequences also hold their children's."""

    line: int
    column: int
    keys: dict[str, Pos] | None = None
    values: dict[str, Pos] | None = None
    items: list[Pos] | None = None


def locate(root: Pos, path: Path, *, at_value: bool = False) -> tuple[Pos, Path]:
    """The position of `path`, or of the closest thing present on the way to it.

    A path ending in a key points at the key; with `at_value`, at its value when that
    is a scalar (containers are easier to read from their key's line).
    """
    node = root
    found: list[str | int] = []
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(part, int) and node.items is not None and 0 <= part < len(node.items):
            node = node.items[part]
        elif isinstance(part, str) and node.keys is not None and part in node.keys:
            value = node.values[part] if node.values is not None else node
            scalar = value.keys is None and value.items is None
            node = value if not last or (at_value and scalar) else node.keys[part]
        else:
            break
        found.append(part)
    return node, tuple(found)


def line_and_column(before: str) -> tuple[int, int]:
    """The 1-based line and column just after `before`, counting line breaks as libyaml does."""
    breaks = list(LINE_BREAK.finditer(before))
    if not breaks:
        return 1, len(before) + 1
    return len(breaks) + 1, len(before) - breaks[-1].end() + 1


def end_of(text: str) -> Pos:
    """Where `text` ends, on its last line: a final line break starts no new line.

    libyaml marks the end of the stream on the line after a final line break, a line no
    editor shows; positions there are moved here, just after the last character.
    """
    for ending in ("\r\n", *LINE_ENDS):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    line, column = line_and_column(text)
    return Pos(line, column)
