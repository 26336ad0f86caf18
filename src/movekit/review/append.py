"""Adding items to a top-level list in a plan's text, or correcting the `value:` of items
already there, leaving every other character alone.

Writing a plan back through a YAML library can re-indent, re-quote or re-wrap lines the
user wrote by hand, so the new items are spliced into the text instead: after the last
item of the list, in the style and indentation of the items already there. libyaml's
event marks give exact character offsets (spans.py); values are written as `movekit fmt`
writes them (yamltext.py); the caller checks the result by reading it back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import yaml

from movekit.errors import MovekitError
from movekit.review.spans import (
    BLANK,
    Entry,
    Node,
    begin_of,
    children,
    end_of,
    events_of,
    top_level,
)
from movekit.yamltext import LINE_BREAK, LINE_ENDS, Value, scalar

# Value: what an Item holds (from yamltext)
__all__ = ["Item", "Value", "append_items", "replace_values"]

Item = Sequence[tuple[str, Value]]
"""One new list item: its keys and values, in the order they are written."""

DEFAULT_PREFIX = "  - "
_ITEM_PREFIX = re.compile(r" *- +\Z")


def append_items(text: str, key: str, items: Sequence[Item], *, flow: bool) -> str:
    """`text` with `items` added at the end of the top-level list `key` (created if absent).

    `flow` chooses the style of the new items when there is no item to copy the style from.
    """
    events = events_of(text)
    entries = top_level(events, text)
    found = next((entry for entry in entries if entry.key.value == key), None)
    if found is None:
        return _new_section(text, events, entries, key, items, flow)
    first = events[found.value.start]
    if isinstance(first, yaml.AliasEvent):
        raise MovekitError(f"`{key}:` is an alias (*{first.anchor}): write the list out in full")
    existing = children(events, found.value, text)
    if isinstance(first, yaml.SequenceStartEvent) and first.flow_style and existing:
        return _append_to_flow_list(text, existing[-1], items)
    if isinstance(first, yaml.SequenceStartEvent) and existing:
        return _append_to_block_list(text, events, existing[-1], items)
    return _fill_empty(text, found, items, _prefix(text, events, entries), flow)


def replace_values(text: str, key: str, values: Mapping[int, Value]) -> str:
    """`text` with the `value:` of items of the top-level list `key` (by index) rewritten in
    place: only the old value's characters change; its comment and everything else stay."""
    events = events_of(text)
    found = next((entry for entry in top_level(events, text) if entry.key.value == key), None)
    if found is None:
        raise MovekitError(f"the plan has no `{key}:` list to correct")
    items = children(events, found.value, text)
    spans = []
    for index, value in values.items():
        old = _value_of(events, items[index]) if index < len(items) else None
        if old is None:
            raise MovekitError(f"item {index + 1} of `{key}:` has no plain `value:` to correct")
        spans.append((begin_of(old), end_of(old), scalar(value)))
    for begin, end, new in sorted(spans, reverse=True):  # from the end: offsets stay right
        text = text[:begin] + new + text[end:]
    return text


def _value_of(events: list[yaml.Event], item: Node) -> yaml.ScalarEvent | None:
    """The scalar under the `value` key of a mapping item (None if there is none)."""
    if not isinstance(events[item.start], yaml.MappingStartEvent):
        return None
    index, depth = item.start + 1, 0
    expect_key = True
    while index < item.stop - 1:
        event = events[index]
        if depth == 0 and expect_key:
            following = events[index + 1]
            if isinstance(event, yaml.ScalarEvent) and event.value == "value":
                return following if isinstance(following, yaml.ScalarEvent) else None
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if depth == 0:
            expect_key = not expect_key
        index += 1
    return None


def _after_line(text: str, offset: int) -> tuple[int, str]:
    """Where the next line starts after `offset`, and the line break to add at the end of a
    file that does not end with one."""
    if offset == 0 or text[offset - 1] in LINE_ENDS:
        return offset, ""
    match = LINE_BREAK.search(text, offset)
    if match is None:
        return len(text), "\n"
    return match.end(), ""


def _append_to_block_list(
    text: str, events: list[yaml.Event], last: Node, items: Sequence[Item]
) -> str:
    prefix = _item_prefix(text, last.begin)
    first = events[last.start]
    flow = isinstance(first, yaml.MappingStartEvent) and bool(first.flow_style)
    offset, newline = _after_line(text, last.end)
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, newline + added)


def _append_to_flow_list(text: str, last: Node, items: Sequence[Item]) -> str:
    line_start = _line_start(text, last.begin)
    indent = text[line_start : last.begin]
    separator = f",\n{indent}" if indent.strip(" ") == "" else ", "
    added = "".join(separator + _flow_mapping(item) for item in items)
    return _splice(text, last.end, added)


def _fill_empty(text: str, entry: Entry, items: Sequence[Item], prefix: str, flow: bool) -> str:
    """`key:`, `key: ~` or `key: []` becomes `key:` followed by the items."""
    text = _remove_value(text, entry.value)
    offset, newline = _after_line(text, end_of(entry.key))
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, newline + added)


def _remove_value(text: str, value: Node) -> str:
    """Cut `~`, `null` or `[]` (and the spaces around it) out of the text."""
    if value.begin == value.end:
        return text
    before = text[: value.begin].rstrip(" \t")
    after = text[value.end :].lstrip(" \t")
    if after.startswith("#"):
        after = " " + after
    break_after = LINE_BREAK.match(after)
    if before.endswith(LINE_ENDS) and break_after is not None:
        after = after[break_after.end() :]  # the value was alone on its line
    return before + after


def _new_section(
    text: str,
    events: list[yaml.Event],
    entries: list[Entry],
    key: str,
    items: Sequence[Item],
    flow: bool,
) -> str:
    """Add `key:` and the items at the end of the document, after a blank line."""
    end = events[-2]
    offset = begin_of(end) if getattr(end, "explicit", False) else len(text)
    head = text[:offset]
    lead = "" if not head or head.endswith(LINE_ENDS) else "\n"
    if head.strip(BLANK) and not _ends_with_blank_line(head + lead):
        lead += "\n"
    prefix = _prefix(text, events, entries)
    added = "".join(_block_item(prefix, item, flow=flow) for item in items)
    return _splice(text, offset, f"{lead}{key}:\n{added}")


def _prefix(text: str, events: list[yaml.Event], entries: list[Entry]) -> str:
    """The `  - ` of the file's first top-level block list, so new lists are indented alike."""
    for entry in entries:
        first = events[entry.value.start]
        if isinstance(first, yaml.SequenceStartEvent) and not first.flow_style:
            existing = children(events, entry.value, text)
            if existing:
                return _item_prefix(text, existing[0].begin)
    return DEFAULT_PREFIX


def _item_prefix(text: str, begin: int) -> str:
    """What comes before a block list item on its line (`  - `), or, when the item starts on
    the line after its dash, the dash's indentation followed by `- `."""
    prefix = text[_line_start(text, begin) : begin]
    if _ITEM_PREFIX.match(prefix):
        return prefix
    dash = begin
    while dash > 0 and text[dash - 1] in BLANK:
        dash -= 1
    if dash > 0 and text[dash - 1] == "-":
        return " " * (dash - 1 - _line_start(text, dash - 1)) + "- "
    return DEFAULT_PREFIX


def _ends_with_blank_line(text: str) -> bool:
    lines = LINE_BREAK.split(text)
    return len(lines) >= 2 and lines[-2].strip(" \t") == ""


def _line_start(text: str, offset: int) -> int:
    while offset > 0 and text[offset - 1] not in LINE_ENDS:
        offset -= 1
    return offset


def _splice(text: str, offset: int, added: str) -> str:
    """Insert `added` (written with \\n) using the file's own line breaks."""
    match = LINE_BREAK.search(text)
    newline = match.group(0) if match is not None else "\n"
    if newline not in ("\n", "\r\n", "\r"):
        newline = "\n"  # NEL, LS and PS end lines in YAML, but few editors write them
    return text[:offset] + added.replace("\n", newline) + text[offset:]


def _block_item(prefix: str, item: Item, *, flow: bool) -> str:
    if flow:
        return f"{prefix}{_flow_mapping(item)}\n"
    indent = " " * len(prefix)
    lines = [f"{key}: {scalar(value, flow=False)}" for key, value in item]
    return prefix + f"\n{indent}".join(lines) + "\n"


def _flow_mapping(item: Item) -> str:
    return "{" + ", ".join(f"{key}: {scalar(value, flow=True)}" for key, value in item) + "}"
