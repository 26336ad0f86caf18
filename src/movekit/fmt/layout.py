"""The line-by-line half of `movekit fmt`: where comments sit, blank lines, whitespace.

ruamel.yaml writes every comment back exactly as it was typed, spaces included, so after
re-indenting a plan a comment can end up at a column that matches nothing. Each comment
is placed again at the indentation it had in the original relative to the lines around
it: with the line below it, or with one of the open levels above it (the end of a list,
say). Lines that are part of a value (the inside of a `|` block) are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass

from movekit.fmt.yamllines import Lines, scan


@dataclass(frozen=True, slots=True)
class _Place:
    """A whole-line comment among the lines around it."""

    line: int
    column: int
    levels: tuple[int, ...]
    """The indentations still open after the content line above (outermost first)."""
    below: int
    """The indentation of the next content line (0 at the end of the file)."""


def relayout(text: str, original: str) -> str:
    """Lay out ruamel's output `text` for the plan text it came from: comments indented as
    they were meant, no trailing spaces, at most one blank line in a row, exactly one
    before each top-level section (and before the comments that lead into it)."""
    return relayout_lines(scan(text), scan(original))


def relayout_lines(lines: Lines, original: Lines) -> str:
    """relayout for texts already scanned (settled.py knows a plan's lines without a scan)."""
    columns = _comment_columns(_places(lines), _places(original))
    return _join(lines, columns)


def _places(lines: Lines) -> list[_Place]:
    places: list[_Place] = []
    levels: tuple[int, ...] = ()
    waiting: list[tuple[int, int, tuple[int, ...]]] = []
    for index, line in enumerate(lines.lines):
        if lines.whole_line_comment(index):
            waiting.append((index, len(line) - len(line.lstrip()), levels))
        elif lines.is_content(index):
            own = _levels(line)
            places += [_Place(n, column, above, own[0]) for n, column, above in waiting]
            waiting = []
            levels = tuple(level for level in levels if level < own[0]) + own
    places += [_Place(n, column, above, 0) for n, column, above in waiting]
    return places


def _levels(line: str) -> tuple[int, ...]:
    """The indentation of a content line, and of what follows each `- ` on it."""
    column = len(line) - len(line.lstrip(" "))
    levels = [column]
    while line.startswith("- ", column):
        rest = line[column + 1 :]
        column += 1 + len(rest) - len(rest.lstrip(" "))
        levels.append(column)
    return tuple(levels)


def _comment_columns(placed: list[_Place], original: list[_Place]) -> dict[int, int]:
    """Line -> column for each whole-line comment of the output."""
    if len(placed) != len(original):  # cannot pair them: align each with the line below
        return {place.line: place.below for place in placed}
    return {new.line: _column(old, new) for old, new in zip(original, placed, strict=True)}


def _column(old: _Place, new: _Place) -> int:
    """Where `new` goes: aligned with what `old` was aligned with (or was nearest to)."""
    choices = [(abs(old.column - old.below), 0, new.below)]
    for depth, level in enumerate(old.levels):
        target = new.levels[min(depth, len(new.levels) - 1)] if new.levels else new.below
        choices.append((abs(old.column - level), 1, target))
    return min(choices)[2]


def _join(lines: Lines, columns: dict[int, int]) -> str:
    lead_ins = _lead_ins(lines, columns)
    out: list[str] = []
    origin: list[int] = []  # the line of the text each line of `out` is; -1 for a blank
    for index, line in enumerate(lines.lines):
        if index in lines.inside:
            out.append(line)
            origin.append(index)
            continue
        if (not line.strip() or index in lead_ins) and _blank_fits(lines, origin):
            out.append("")
            origin.append(-1)
        if line.strip():
            out.append(_cleaned(line, columns.get(index)))
            origin.append(index)
    while origin and origin[-1] == -1:
        out.pop()
        origin.pop()
    return "\n".join(out) + "\n"


def _blank_fits(lines: Lines, origin: list[int]) -> bool:
    """A blank line can go here: not first, not after another, and not right after a
    `|+` block, whose text it would become part of."""
    return bool(origin) and origin[-1] != -1 and origin[-1] not in lines.keeping


def _cleaned(line: str, column: int | None) -> str:
    """No trailing spaces; a whole-line comment at its column."""
    return line.rstrip() if column is None else " " * column + line.strip()


def _lead_ins(lines: Lines, columns: dict[int, int]) -> set[int]:
    """The first line of each top-level section but the first, counting the comments
    (at column 0) right above its key as part of it."""
    keys = [
        index
        for index, line in enumerate(lines.lines)
        if lines.is_content(index) and not line[:1].isspace() and line[:3] not in ("---", "...")
    ]
    starts = set()
    for key in keys[1:]:
        start = index = key
        while index > 0 and (index - 1) not in lines.inside:
            index -= 1
            if columns.get(index) == 0:
                start = index
            elif lines.lines[index].strip():
                break
        starts.add(start)
    return starts
