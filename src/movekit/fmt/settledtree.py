"""A plan's lists, mappings and values as libyaml reads them, with where each is written.

For settled.py: a small tree built from libyaml's events (as `check` reads a plan), which
raises Unsure for what the settled test does not model: anchors, aliases, tags, explicit
`---` or `...`, more than one document, a key that is not a one-line value, a key
written twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml


class Unsure(Exception):
    """Something the settled test does not model: fmt takes the slow path."""


@dataclass(frozen=True, slots=True)
class Scalar:
    """A value: its text and style ("" plain, `'`, `"`, `|`, `>`), 0-based start and end."""

    value: str
    style: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class Node:
    """A list or a mapping, and where it starts and ends."""

    mapping: bool
    flow: bool
    line: int
    column: int
    end_line: int = -1
    end_column: int = -1
    items: list[Scalar | Node] = field(default_factory=list)
    """A list's items."""
    pairs: list[tuple[Scalar, Scalar | Node]] = field(default_factory=list)
    """A mapping's keys and values."""


Item = Scalar | Node


def read(text: str) -> Node:
    """The plan's root, which must be a block mapping (raises Unsure)."""
    events = iter(yaml.parse(text, Loader=yaml.CSafeLoader))
    _expect(events, yaml.StreamStartEvent)
    if getattr(_expect(events, yaml.DocumentStartEvent), "explicit", True):
        raise Unsure("an explicit `---`")
    root = _build(next(events), events)
    if getattr(_expect(events, yaml.DocumentEndEvent), "explicit", True):
        raise Unsure("an explicit `...`")
    _expect(events, yaml.StreamEndEvent)
    if not isinstance(root, Node) or not root.mapping or root.flow:
        raise Unsure("the plan is not a block mapping")
    return root


def _expect(events: Iterator[yaml.Event], kind: type[yaml.Event]) -> yaml.Event:
    event = next(events)
    if not isinstance(event, kind):
        raise Unsure(f"{type(event).__name__} where {kind.__name__} was expected")
    return event


def _build(event: yaml.Event, events: Iterator[yaml.Event]) -> Item:
    """The tree below one event."""
    if type(event) is yaml.ScalarEvent:  # the most common case first: plans are mostly values
        if event.anchor is not None or event.tag is not None:
            raise Unsure("an anchor or a tag")
        start, end = _marks(event)
        return Scalar(event.value, event.style or "", *start, *end)
    if not isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
        raise Unsure(type(event).__name__)
    if event.anchor is not None or event.tag is not None:
        raise Unsure("an anchor or a tag")
    start, _ = _marks(event)
    node = Node(isinstance(event, yaml.MappingStartEvent), bool(event.flow_style), *start)
    keys: set[str] = set()
    while True:
        child = next(events)
        if isinstance(child, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            _, (node.end_line, node.end_column) = _marks(child)
            return node
        item = _build(child, events)
        if not node.mapping:
            node.items.append(item)
            continue
        if not isinstance(item, Scalar) or item.value in keys or item.style in ("|", ">"):
            raise Unsure("a key that is not a one-line value, or a key written twice")
        keys.add(item.value)
        node.pairs.append((item, _build(next(events), events)))


def _marks(event: yaml.Event) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where an event starts and ends: (line, column), both 0-based."""
    try:
        start, end = event.start_mark, event.end_mark
        return (start.line, start.column), (end.line, end.column)  # type: ignore[union-attr]
    except AttributeError:
        raise Unsure("no position") from None
