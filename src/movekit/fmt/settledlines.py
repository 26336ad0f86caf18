"""The lines a plan already in fmt's layout has, worked out from libyaml's reading of it.

For settled.py. Each key, list item and value is given the line fmt would write for it:
restyle.py's choice of flow or block style and of quotes, ruamel.yaml's indentation
(mapping keys 2 in, list dashes 2 in from their key, an item 2 after its dash, `|` and
`>` text 2 in). The plan's line there must be exactly that. What this does not fully
model (text over several lines, lists in lists, `|+`, a value fmt would restyle, a flow
list or mapping fmt would break into lines ...) raises Unsure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from movekit.coreschema import resolve_plain
from movekit.fmt.settledtree import Item, Node, Scalar, Unsure, read
from movekit.printable import UNSAFE
from movekit.yamltext import double_quoted, plain_is_safe

LINE_WIDTH = 100
"""flowwidth.LINE_WIDTH (not imported: that module imports ruamel.yaml; a test ties them)."""

UNPRINTABLE = re.compile(
    f"[^\\n\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff]|[{UNSAFE}]"
)
"""What fmt's writers escape or quote (yamltext._printable), a byte-order mark, tabs, and
the line breaks other than `\\n` (libyaml counts lines at U+2028 and U+2029 too)."""

_LEADING_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}?")
_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_FLOAT_DIGITS = 15
"""ruamel.yaml writes a decimal back from its float: digits past 15 may come out otherwise."""
_BLOCK = ("|", ">")
_BLOCK_HEADERS = frozenset({"|", "|-", ">", ">-"})
_MAX_KEY = 100
"""ruamel.yaml writes a key of 128 characters or more as `? key`."""


@dataclass
class Layout:
    """What the plan's lines must be: line -> its exact text, for every line a value is on."""

    lines: list[str]
    expected: dict[int, str] = field(default_factory=dict)
    commentable: set[int] = field(default_factory=set)
    """Lines that end with a value, where a comment may follow it."""
    entries: dict[int, bool] = field(default_factory=dict)
    """Lines that begin a key or a list item -> whether it is the first of its list or mapping."""
    inside: set[int] = field(default_factory=set)
    """The lines of `|` and `>` texts after their header (yamllines.Lines.inside)."""


def layout(text: str, lines: list[str]) -> Layout:
    """The expected lines of a plan (raises Unsure)."""
    result = Layout(lines)
    _Writer(result).block_mapping(read(text), 0, in_list=False)
    return result


class _Writer:
    """Fills a Layout, mirroring restyle.py and ruamel.yaml's writer."""

    def __init__(self, result: Layout) -> None:
        self.result = result
        self.lines = result.lines

    def claim(self, line: int, text: str, *, comment: bool = False) -> None:
        """The line must read `text`; with `comment`, a comment may follow it."""
        if line in self.result.expected:
            raise Unsure("two values on one line")
        self.result.expected[line] = text
        if comment:
            self.result.commentable.add(line)

    def block_mapping(self, node: Node, column: int, *, in_list: bool) -> None:
        """Keys at `column`; the first after `- ` when the mapping is a list item."""
        for index, (key, value) in enumerate(node.pairs):
            if key.column != column:
                raise Unsure("a key out of place")
            first_in_list = in_list and index == 0
            if not first_in_list:  # a list item's first key: the item's line counts
                self.result.entries[key.line] = index == 0
            lead = " " * (column - 2) + "- " if first_in_list else " " * column
            raw, width = self.key(key)
            self.value(value, lead + raw + ":", key.line, column, column + width + 2)

    def value(self, value: Item, head: str, line: int, column: int, start: int) -> None:
        """A mapping's value after `head` (`key:`); `start`: where a flow value begins."""
        if isinstance(value, Scalar):
            if value.style in _BLOCK:
                self.block_text(value, head + " ", line, column)
            elif not value.style and not value.value:
                self.claim(line, head)  # null is written as nothing
            else:
                text = self.scalar(value, line, flow=False)
                self.claim(line, head + " " + text, comment=True)
        elif value.flow:
            self.claim(line, head + " " + self.flow(value, line, start), comment=True)
        elif value.mapping:
            self.claim(line, head)
            self.block_mapping(value, column + 2, in_list=False)
        else:
            self.claim(line, head)
            self.block_list(value, column + 2, start)

    def block_list(self, node: Node, dash: int, start: int) -> None:
        """Dashes at `dash`, each item two columns after its dash."""
        scalars = [item for item in node.items if isinstance(item, Scalar)]
        if len(scalars) == len(node.items):
            _stays_block(scalars, start)
        lead = " " * dash + "- "
        for index, item in enumerate(node.items):
            if item.column != dash + 2:
                raise Unsure("a list item out of place")
            self.result.entries[item.line] = index == 0
            if isinstance(item, Scalar) and item.style in _BLOCK:
                self.block_text(item, lead, item.line, dash)
            elif isinstance(item, Scalar):
                text = self.scalar(item, item.line, flow=False)
                self.claim(item.line, lead + text, comment=True)
            elif item.flow:
                self.claim(item.line, lead + self.flow(item, item.line, dash + 2), comment=True)
            elif item.mapping:
                self.block_mapping(item, dash + 2, in_list=True)
            else:
                raise Unsure("a list in a list")

    def key(self, key: Scalar, *, flow: bool = False) -> tuple[str, int]:
        """A key as written, and its width as restyle.py counts it."""
        raw = self.scalar(key, key.line, flow=flow)
        if not key.style and not isinstance(resolve_plain(key.value), str):
            raise Unsure("a key that is not text")
        if len(raw) >= _MAX_KEY or key.value == "<<" or not key.value:
            raise Unsure("a long, empty or merge key")
        return raw, len(key.value) + (2 if key.style else 0)

    def scalar(self, scalar: Scalar, line: int, *, flow: bool) -> str:
        """A one-line value as fmt writes it, which must be as the plan has it."""
        if scalar.line != line or scalar.end_line != line:
            raise Unsure("a value on another line, or over several lines")
        raw = self.lines[line][scalar.column : scalar.end_column]
        text = scalar.value
        if not scalar.style:
            expected = _plain(text, flow=flow)
        elif plain_is_safe(text, flow=flow):
            raise Unsure("quotes fmt would drop")
        elif scalar.style == '"':
            expected = double_quoted(text)
        elif scalar.style == "'" and UNPRINTABLE.search(text) is None:
            expected = "'" + text.replace("'", "''") + "'"
        else:
            raise Unsure("a value in single quotes that ruamel.yaml double-quotes")
        if raw != expected:
            raise Unsure("a value not written as fmt writes it")
        return raw

    def flow(self, node: Node, line: int, start: int) -> str:
        """`[a, b]` or `{k: v}` as fmt writes it, when fmt keeps it in flow style."""
        if node.line != line or node.end_line != line:
            raise Unsure("a flow list or mapping over several lines")
        if node.mapping:
            pairs = [self._flow_pair(key, value, line) for key, value in node.pairs]
            written = "{" + ", ".join(pairs) + "}"
        else:
            written = "[" + ", ".join(self._flow_list(node, line)) + "]"
        if self.lines[line][node.column : node.end_column] != written:
            raise Unsure("a flow list or mapping not written as fmt writes it")
        if len(written) > 2 and start + len(written) > LINE_WIDTH:
            raise Unsure("a flow list or mapping fmt would break into lines")
        return written

    def _flow_list(self, node: Node, line: int) -> list[str]:
        """The items of a flow list of values that fmt keeps in flow style."""
        written = []
        for item in node.items:
            if not isinstance(item, Scalar) or not _flow_friendly(item):
                raise Unsure("a flow list fmt would write as a block list")
            written.append(self.scalar(item, line, flow=True))
        return written

    def _flow_pair(self, key: Scalar, value: Item, line: int) -> str:
        raw, _ = self.key(key, flow=True)
        if isinstance(value, Node) and not value.mapping and value.flow and value.items:
            return raw + ": [" + ", ".join(self._flow_list(value, line)) + "]"
        if not isinstance(value, Scalar) or value.style in _BLOCK:
            raise Unsure("a flow mapping holding more than values and short lists")
        return raw + ": " + self.scalar(value, line, flow=True)

    def block_text(self, scalar: Scalar, lead: str, line: int, column: int) -> None:
        """A `|` or `>` text: its header after `lead`, its lines two columns in from `column`."""
        header = self.lines[line][scalar.column :]
        if scalar.line != line or header not in _BLOCK_HEADERS:
            raise Unsure("a block text header fmt would change")
        self.claim(line, lead + header)
        last = scalar.end_line if scalar.end_column else scalar.end_line - 1
        while last > line and not self.lines[last]:
            last -= 1  # empty lines after a `|` or `|-` text are not part of it
        body = self.lines[line + 1 : last + 1]
        indent = column + 2
        if not body or not body[0] or any(map(_indented_otherwise, body, [indent] * len(body))):
            raise Unsure("a block text that is empty, starts with a blank line or is indented")
        if _block_value([text[indent:] for text in body], header) != scalar.value:
            raise Unsure("a block text read otherwise")
        for number in range(line + 1, last + 1):
            self.claim(number, self.lines[number])
            self.result.inside.add(number)


def _indented_otherwise(text: str, indent: int) -> bool:
    return bool(text) and (bool(text[:indent].strip()) or text[indent : indent + 1] == " ")


def _block_value(body: list[str], header: str) -> str:
    """What a `|` or `>` text with these lines (indentation removed) holds."""
    if header[0] == "|":
        text = "\n".join(body)
    else:  # a line break is a space, unless empty lines follow it: then one per line
        text, empty = body[0], 0
        for piece in body[1:]:
            if not piece:
                empty += 1
                continue
            text += ("\n" * empty or " ") + piece
            empty = 0
    return text if header.endswith("-") else text + "\n"


def plain_allowed_here(text: str, *, flow: bool) -> bool:
    """yamltext.plain_allowed for one line of a text free of UNPRINTABLE characters, without
    its check of each character (the slowest part; a test ties the two)."""
    if not text or text[0] in _LEADING_INDICATORS or text.startswith(("---", "...")):
        return False
    if text[0] == " " or text[-1] == " " or ": " in text or text[-1] == ":" or " #" in text:
        return False
    if text[0] in "-?:" and (len(text) == 1 or text[1] == " "):
        return False
    return not flow or (text[0] not in "?:" and _FLOW_INDICATORS.isdisjoint(text))


def _plain(value: str, *, flow: bool) -> str:
    """A plain value that fmt writes back unchanged (raises Unsure otherwise)."""
    meaning = resolve_plain(value)
    if isinstance(meaning, str) and plain_allowed_here(value, flow=flow):
        return value
    if type(meaning) is int and str(meaning) == value:
        return value
    digits = value.lstrip("-").replace(".", "").lstrip("0")
    if type(meaning) is float and _FLOAT.fullmatch(value) and len(digits) <= _FLOAT_DIGITS:
        return value
    raise Unsure("a plain value fmt might write otherwise")


def _stays_block(items: list[Scalar], start: int) -> None:
    """A block list of values stays one (restyle.py): raise Unsure unless it surely does."""
    if any(not _flow_friendly(item) for item in items):
        return
    # flowwidth.surely_longer's count: brackets and separators, and every value's characters
    counted = sum(2 + (len(item.value) if _is_text(item) else 1) for item in items)
    if counted > LINE_WIDTH - start:
        return
    raise Unsure("a short block list fmt might write as [a, b]")


def _is_text(item: Scalar) -> bool:
    return bool(item.style) or isinstance(resolve_plain(item.value), str)


def _flow_friendly(item: Scalar) -> bool:
    """restyle._flow_friendly: false for null, `|` text, and text needing quotes only in [ ]."""
    if item.style in _BLOCK or (not item.style and resolve_plain(item.value) is None):
        return False
    if not _is_text(item):
        return True
    if not item.style:
        plain = plain_allowed_here(item.value, flow=False)
        return not plain or plain_allowed_here(item.value, flow=True)
    return not plain_is_safe(item.value, flow=False) or plain_is_safe(item.value, flow=True)
