"""Adding items to a top-level list in a plan's text, leaving every other character alone.

Writing a plan back through a YAML library can re-indent, re-quote or re-wrap lines the
user wrote by hand, so the new items are spliced into the text instead: after the last
item of the list, in the style and indentation of the items already there. libyaml's
event marks give exact character offsets; the caller checks the result by reading it back.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from movekit.errors import MovekitError
from movekit.source import resolve_plain

Value = str | int | float | dt.date
Item = Sequence[tuple[str, Value]]
"""One new list item: its keys and values, in the order they are written."""

DEFAULT_PREFIX = "  - "
_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_ITEM_PREFIX = re.compile(r" *- +\Z")
_LINE_ENDS = ("\n", "\r", "\x85", "\u2028", "\u2029")
_BLANK = " \t\r\n\x85\u2028\u2029"


@dataclass(frozen=True)
class _Node:
    """A node of the event stream: events[start:stop], and where its text starts and ends."""

    start: int
    stop: int
    begin: int
    end: int
    """Just after the node's last character (trailing blank lines of block scalars excluded)."""


@dataclass(frozen=True)
class _Entry:
    """A top-level `key: value` pair."""

    key: yaml.ScalarEvent
    value: _Node


def append_items(text: str, key: str, items: Sequence[Item], *, flow: bool) -> str:
    """`text` with `items` added at the end of the top-level list `key` (created if absent).

    `flow` chooses the style of the new items when there is no item to copy the style from.
    """
    events = _events(text)
    entries = _top_level(events, text)
    found = next((entry for entry in entries if entry.key.value == key), None)
    if found is None:
        return _new_section(text, events, entries, key, items, flow)
    first = events[found.value.start]
    if isinstance(first, yaml.AliasEvent):
        raise MovekitError(f"`{key}:` is an alias (*{first.anchor}): write the list out in full")
    children = _children(events, found.value, text)
    if isinstance(first, yaml.SequenceStartEvent) and first.flow_style and children:
        return _append_to_flow_list(text, children[-1], items)
    if isinstance(first, yaml.SequenceStartEvent) and children:
        return _append_to_block_list(text, events, children[-1], items)
    return _fill_empty(text, found, items, _prefix(text, events, entries), flow)


def _events(text: str) -> list[yaml.Event]:
    try:
        events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError as error:  # the caller validated the plan first
        raise MovekitError(f"cannot read the plan's YAML: {error}") from error
    root = events[2] if len(events) > 2 else None
    if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
        raise MovekitError(
            "the plan's top level is not a block mapping (`key: value` lines), so movekit "
            "cannot add to it without rewriting the file"
        )
    return events


def _top_level(events: list[yaml.Event], text: str) -> list[_Entry]:
    entries = []
    index = 3
    while not isinstance(events[index], yaml.MappingEndEvent):
        key = events[index]
        value_at = _skip(events, index)
        stop = _skip(events, value_at)
        if isinstance(key, yaml.ScalarEvent):
            begin = _begin(events[value_at])
            end = _content_end(events[value_at:stop], text)
            entries.append(_Entry(key, _Node(value_at, stop, begin, end)))
        index = stop
    return entries


def _skip(events: list[yaml.Event], index: int) -> int:
    """The index just after the node that starts at `index`."""
    depth = 0
    while True:
        event = events[index]
        index += 1
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            return index


def _children(events: list[yaml.Event], node: _Node, text: str) -> list[_Node]:
    """The items of a sequence node (empty for anything else), with their text spans."""
    if not isinstance(events[node.start], yaml.SequenceStartEvent):
        return []
    children = []
    index = node.start + 1
    while index < node.stop - 1:
        stop = _skip(events, index)
        begin = _begin(events[index])
        children.append(_Node(index, stop, begin, _content_end(events[index:stop], text)))
        index = stop
    return children


def _content_end(events: Sequence[yaml.Event], text: str) -> int:
    """Where a node's text ends. Block collections' end marks sit at the next token (after
    comments and blank lines), so the ends of scalars and flow collections are used."""
    end = _begin(events[0])
    flow: list[bool] = []
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            flow.append(bool(event.flow_style))
        elif isinstance(event, yaml.CollectionEndEvent) and flow.pop():
            end = max(end, _end(event))
        elif isinstance(event, yaml.ScalarEvent):
            end = max(end, _scalar_end(event, text))
        elif isinstance(event, yaml.AliasEvent):
            end = max(end, _end(event))
    return end


def _scalar_end(event: yaml.ScalarEvent, text: str) -> int:
    """A block scalar's end mark follows the blank lines after it; those are not part of its
    value unless it keeps them (`|+` with blank lines), so the end moves back over them."""
    end: int = _end(event)
    if event.style not in ("|", ">") or event.value.endswith("\n\n"):
        return end
    begin = _begin(event) + 1
    while end > begin and text[end - 1] in _BLANK:
        end -= 1
    return end


def _after_line(text: str, offset: int) -> tuple[int, str]:
    """Where the next line starts after `offset`, and the line break to add at the end of a
    file that does not end with one."""
    if offset == 0 or text[offset - 1] in _LINE_ENDS:
        return offset, ""
    match = _BREAK.search(text, offset)
    if match is None:
        return len(text), "\n"
    return match.end(), ""


def _append_to_block_list(
    text: str, events: list[yaml.Event], last: _Node, items: Sequence[Item]
) -> str:
    prefix = _item_prefix(text, last.begin)
    first = events[last.start]
    flow = isinstance(first, yaml.MappingStartEvent) and bool(first.flow_style)
    offset, newline = _after_line(text, last.end)
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, newline + added)


def _append_to_flow_list(text: str, last: _Node, items: Sequence[Item]) -> str:
    line_start = _line_start(text, last.begin)
    indent = text[line_start : last.begin]
    separator = f",\n{indent}" if indent.strip(" ") == "" else ", "
    added = "".join(separator + _flow_mapping(item) for item in items)
    return _splice(text, last.end, added)


def _fill_empty(text: str, entry: _Entry, items: Sequence[Item], prefix: str, flow: bool) -> str:
    """`key:`, `key: ~` or `key: []` becomes `key:` followed by the items."""
    text = _remove_value(text, entry.value)
    offset, newline = _after_line(text, _end(entry.key))
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, newline + added)


def _remove_value(text: str, value: _Node) -> str:
    """Cut `~`, `null` or `[]` (and the spaces around it) out of the text."""
    if value.begin == value.end:
        return text
    before = text[: value.begin].rstrip(" \t")
    after = text[value.end :].lstrip(" \t")
    if after.startswith("#"):
        after = " " + after
    break_after = _BREAK.match(after)
    if before.endswith(_LINE_ENDS) and break_after is not None:
        after = after[break_after.end() :]  # the value was alone on its line
    return before + after


def _new_section(
    text: str,
    events: list[yaml.Event],
    entries: list[_Entry],
    key: str,
    items: Sequence[Item],
    flow: bool,
) -> str:
    """Add `key:` and the items at the end of the document, after a blank line."""
    end = events[-2]
    offset = _begin(end) if getattr(end, "explicit", False) else len(text)
    head = text[:offset]
    lead = "" if not head or head.endswith(_LINE_ENDS) else "\n"
    if head.strip(_BLANK) and not _ends_with_blank_line(head + lead):
        lead += "\n"
    prefix = _prefix(text, events, entries)
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, f"{lead}{key}:\n{added}")


def _prefix(text: str, events: list[yaml.Event], entries: list[_Entry]) -> str:
    """The `  - ` of the file's first top-level block list, so new lists are indented alike."""
    for entry in entries:
        first = events[entry.value.start]
        if isinstance(first, yaml.SequenceStartEvent) and not first.flow_style:
            children = _children(events, entry.value, text)
            if children:
                return _item_prefix(text, children[0].begin)
    return DEFAULT_PREFIX


def _item_prefix(text: str, begin: int) -> str:
    """What comes before a block list item on its line (`  - `), or, when the item starts on
    the line after its dash, the dash's indentation followed by `- `."""
    prefix = text[_line_start(text, begin) : begin]
    if _ITEM_PREFIX.match(prefix):
        return prefix
    dash = begin
    while dash > 0 and text[dash - 1] in _BLANK:
        dash -= 1
    if dash > 0 and text[dash - 1] == "-":
        return " " * (dash - 1 - _line_start(text, dash - 1)) + "- "
    return DEFAULT_PREFIX


def _ends_with_blank_line(text: str) -> bool:
    lines = _BREAK.split(text)
    return len(lines) >= 2 and lines[-2].strip(" \t") == ""


def _begin(event: yaml.Event) -> int:
    """The character offset where an event's text starts (libyaml always marks events)."""
    return event.start_mark.index if event.start_mark is not None else 0


def _end(event: yaml.Event) -> int:
    return event.end_mark.index if event.end_mark is not None else 0


def _line_start(text: str, offset: int) -> int:
    while offset > 0 and text[offset - 1] not in _LINE_ENDS:
        offset -= 1
    return offset


def _splice(text: str, offset: int, added: str) -> str:
    """Insert `added` (written with \\n) using the file's own line breaks."""
    match = _BREAK.search(text)
    newline = match.group(0) if match is not None else "\n"
    if newline in ("\x85", "\u2028", "\u2029"):
        newline = "\n"
    return text[:offset] + added.replace("\n", newline) + text[offset:]


def _block_item(prefix: str, item: Item, *, flow: bool) -> str:
    if flow:
        return f"{prefix}{_flow_mapping(item)}\n"
    indent = " " * len(prefix)
    lines = [f"{key}: {scalar(value, flow=False)}" for key, value in item]
    return prefix + f"\n{indent}".join(lines) + "\n"


def _flow_mapping(item: Item) -> str:
    return "{" + ", ".join(f"{key}: {scalar(value, flow=True)}" for key, value in item) + "}"


_PLAIN = re.compile(r"[^\W\d_][\w .,;()'/&+!?%£€$-]*")
_YAML11_WORDS = frozenset({"y", "n", "yes", "no", "on", "off"})
_DATE_LIKE = re.compile(r"\d{4}-\d\d?-\d\d?")


def scalar(value: Value, *, flow: bool) -> str:
    """A value as a YAML scalar that any YAML reader reads back as the same value.

    Text is plain when that is safe, in block and (stricter) in flow context; otherwise it
    is double-quoted with escapes, so line breaks and control characters survive.
    """
    if isinstance(value, bool):
        raise TypeError("true/false values are not written by movekit")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if _plain_is_safe(value, flow=flow) else double_quoted(value)


def _plain_is_safe(text: str, *, flow: bool) -> bool:
    if not _PLAIN.fullmatch(text) or text.endswith(" ") or (flow and "," in text):
        return False
    if text.lower() in _YAML11_WORDS or _DATE_LIKE.match(text):
        return False
    return bool(resolve_plain(text) == text)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cs", "Cn", "Zl", "Zp"})


def double_quoted(text: str) -> str:
    """Text as a double-quoted YAML scalar; invisible and line-breaking characters escaped."""
    parts = ['"']
    for character in text:
        if character in _ESCAPES:
            parts.append(_ESCAPES[character])
        elif character == "\ufeff" or unicodedata.category(character) in _ESCAPED_CATEGORIES:
            code = ord(character)
            parts.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
            if code > 0xFFFF:
                parts[-1] = f"\\U{code:08x}"
        else:
            parts.append(character)
    parts.append('"')
    return "".join(parts)
