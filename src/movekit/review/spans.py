"""Where the nodes of a plan's YAML start and end in its text, from libyaml's event marks.

libyaml's events carry exact character offsets, which is what lets `record` splice new
items into the text without rewriting anything around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from movekit.errors import MovekitError
from movekit.yamltext import LINE_ENDS

BLANK = " \t" + "".join(LINE_ENDS)
"""Spaces, tabs and line breaks: what may sit between the end of a node and the next."""


@dataclass(frozen=True)
class Node:
    """A node of the event stream: events[start:stop], and where its text starts and ends."""

    start: int
    stop: int
    begin: int
    end: int
    """Just after the node's last character (trailing blank lines of block scalars excluded)."""


@dataclass(frozen=True)
class Entry:
    """A top-level `key: value` pair."""

    key: yaml.ScalarEvent
    value: Node


def events_of(text: str) -> list[yaml.Event]:
    """The document's events; its top level must be a block mapping (`key: value` lines)."""
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


def top_level(events: list[yaml.Event], text: str) -> list[Entry]:
    """The top-level entries whose key is a scalar, in document order."""
    entries = []
    index = 3
    while not isinstance(events[index], yaml.MappingEndEvent):
        key = events[index]
        value_at = _skip(events, index)
        stop = _skip(events, value_at)
        if isinstance(key, yaml.ScalarEvent):
            begin = begin_of(events[value_at])
            end = _content_end(events[value_at:stop], text)
            entries.append(Entry(key, Node(value_at, stop, begin, end)))
        index = stop
    return entries


def children(events: list[yaml.Event], node: Node, text: str) -> list[Node]:
    """The items of a sequence node (empty for anything else), with their text spans."""
    if not isinstance(events[node.start], yaml.SequenceStartEvent):
        return []
    found = []
    index = node.start + 1
    while index < node.stop - 1:
        stop = _skip(events, index)
        begin = begin_of(events[index])
        found.append(Node(index, stop, begin, _content_end(events[index:stop], text)))
        index = stop
    return found


def begin_of(event: yaml.Event) -> int:
    """The character offset where an event's text starts (libyaml always marks events)."""
    return event.start_mark.index if event.start_mark is not None else 0


def end_of(event: yaml.Event) -> int:
    """The character offset just after an event's text."""
    return event.end_mark.index if event.end_mark is not None else 0


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


def _content_end(events: Sequence[yaml.Event], text: str) -> int:
    """Where a node's text ends. Block collections' end marks sit at the next token (after
    comments and blank lines), so the ends of scalars and flow collections are used."""
    end = begin_of(events[0])
    flow: list[bool] = []
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            flow.append(bool(event.flow_style))
        elif isinstance(event, yaml.CollectionEndEvent) and flow.pop():
            end = max(end, end_of(event))
        elif isinstance(event, yaml.ScalarEvent):
            end = max(end, _scalar_end(event, text))
        elif isinstance(event, yaml.AliasEvent):
            end = max(end, end_of(event))
    return end


def _scalar_end(event: yaml.ScalarEvent, text: str) -> int:
    """A block scalar's end mark follows the blank lines after it; those are not part of its
    value unless it keeps them (`|+` with blank lines), so the end moves back over them."""
    end: int = end_of(event)
    if event.style not in ("|", ">") or event.value.endswith("\n\n"):
        return end
    begin = begin_of(event) + 1
    while end > begin and text[end - 1] in BLANK:
        end -= 1
    return end


def pairs_of(events: list[yaml.Event], node: Node, text: str) -> list[tuple[yaml.Event, Node]]:
    """The `key: value` pairs of a mapping node (empty for anything else), values with spans."""
    if not isinstance(events[node.start], yaml.MappingStartEvent):
        return []
    found = []
    index = node.start + 1
    while index < node.stop - 1:
        value_at = _skip(events, index)
        stop = _skip(events, value_at)
        end = _content_end(events[value_at:stop], text)
        found.append((events[index], Node(value_at, stop, begin_of(events[value_at]), end)))
        index = stop
    return found
