"""What each line of a YAML text holds, as libyaml's scanner sees it.

`movekit fmt` moves comments and blank lines around; it needs to know which lines are
part of a value (the lines of a `|` block, of a quoted text that spans lines) so that it
never touches them, and where every comment is so that it can prove none was lost.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
_FLOW_STARTS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment: 0-based line and column, its text from `#`, and whether it fills its line."""

    line: int
    column: int
    text: str
    whole_line: bool


@dataclass
class Lines:
    """A YAML text split into lines, with what the scanner found on each."""

    lines: list[str]
    inside: set[int] = field(default_factory=set)
    """Lines that continue a value begun on an earlier line: never to be changed."""
    keeping: set[int] = field(default_factory=set)
    """The lines of `|+` and `>+` blocks, which keep the blank lines after them."""
    comments: list[Comment] = field(default_factory=list)
    document_start: int | None = None
    """The line of an explicit `---`, if there is one."""

    def is_blank(self, index: int) -> bool:
        return index not in self.inside and not self.lines[index].strip()

    def whole_line_comment(self, index: int) -> bool:
        return index not in self.inside and self.lines[index].lstrip().startswith("#")

    def is_content(self, index: int) -> bool:
        return not (self.is_blank(index) or self.whole_line_comment(index) or index in self.inside)


@functools.lru_cache(maxsize=4)
def scan(text: str) -> Lines:
    """Scan a valid YAML text (raises yaml.YAMLError otherwise).

    fmt reads the same texts several times (to trim, lay out and verify); the last few
    results are kept. Callers must not change the Lines they get.
    """
    result = Lines(text.split("\n"))
    covered: dict[int, list[tuple[int, int]]] = {}
    depth = 0
    flow_from = 0
    for token in yaml.scan(text, Loader=yaml.CSafeLoader):
        start, end = token.start_mark, token.end_mark
        if isinstance(token, yaml.DocumentStartToken) and result.document_start is None:
            result.document_start = start.line
        elif isinstance(token, _FLOW_STARTS):
            depth, flow_from = depth + 1, start.line if depth == 0 else flow_from
        elif isinstance(token, _FLOW_ENDS):
            depth -= 1
            if depth == 0:
                result.inside.update(range(flow_from + 1, end.line + 1))
        elif isinstance(token, yaml.ScalarToken):
            _cover_scalar(result, covered, token)
        elif (start.line, start.column) != (end.line, end.column):
            covered.setdefault(start.line, []).append((start.column, end.column))
    result.comments = _find_comments(result.lines, covered, result.inside)
    return result


def _cover_scalar(
    result: Lines, covered: dict[int, list[tuple[int, int]]], token: yaml.Token
) -> None:
    start, end = token.start_mark, token.end_mark
    if getattr(token, "style", None) in ("|", ">"):
        _cover_block_scalar(result, covered, token)
    elif start.line == end.line:
        covered.setdefault(start.line, []).append((start.column, end.column))
    else:
        covered.setdefault(start.line, []).append((start.column, len(result.lines[start.line])))
        for line in range(start.line + 1, end.line):
            covered.setdefault(line, []).append((0, len(result.lines[line])))
        covered.setdefault(end.line, []).append((0, end.column))
        result.inside.update(range(start.line + 1, end.line + 1))


def _cover_block_scalar(
    result: Lines, covered: dict[int, list[tuple[int, int]]], token: yaml.Token
) -> None:
    """A `|` or `>` block: the header is value, a comment may follow it; then its lines."""
    start, end = token.start_mark, token.end_mark
    header = _BLOCK_HEADER.match(result.lines[start.line], start.column)
    header_end = header.end() if header else start.column + 1
    covered.setdefault(start.line, []).append((start.column, header_end))
    last = end.line if end.column else end.line - 1
    keeps = header is not None and "+" in header.group()
    lines = range(start.line + 1, last + 1)
    indent = min((_indent(result.lines[n]) for n in lines if result.lines[n].strip()), default=0)
    # empty lines after a clipped or stripped block are not part of it, but a line of
    # spaces deeper than the block's text is (it holds those spaces)
    while not keeps and last > start.line and len(result.lines[last]) <= indent:
        last -= 1
    for line in range(start.line + 1, last + 1):
        covered.setdefault(line, []).append((0, len(result.lines[line])))
        result.inside.add(line)
        if keeps:
            result.keeping.add(line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _find_comments(
    lines: list[str], covered: dict[int, list[tuple[int, int]]], inside: set[int]
) -> list[Comment]:
    comments = []
    for number, line in enumerate(lines):
        spans = covered.get(number, [])
        for column, character in enumerate(line):
            if character != "#" or (column and line[column - 1] not in " \t"):
                continue
            if any(begin <= column < finish for begin, finish in spans):
                continue
            whole = not line[:column].strip() and number not in inside
            comments.append(Comment(number, column, line[column:].rstrip(), whole))
            break
    return comments
