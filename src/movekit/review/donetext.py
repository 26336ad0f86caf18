"""Setting a milestone's `done:` date in a plan's text, every other character kept: a new
`done:` line in the style of the measure's other keys, or the old date's characters replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from movekit.errors import MovekitError
from movekit.review.append import _after_line, _splice
from movekit.review.spans import Node, children, events_of, pairs_of, top_level
from movekit.yamltext import Value, scalar


@dataclass(frozen=True)
class DoneAt:
    """A milestone to mark done: its outcome's and its own index, and the date."""

    outcome: int
    measure: int
    date: dt.date


def set_done(text: str, outcome: int, measure: int, date: Value) -> str:
    """`text` with the measure's `done:` set to `date`, every other character kept."""
    try:
        events = events_of(text)
        node = _measure_node(events, text, outcome, measure)
    except (StopIteration, IndexError) as error:
        raise MovekitError("movekit could not find where to write `done:`") from error
    pairs = pairs_of(events, node, text)
    for key, value in pairs:
        if isinstance(key, yaml.ScalarEvent) and key.value == "done":
            return text[: value.begin] + scalar(date) + text[value.end :]
    first = events[node.start]
    if not pairs:
        raise MovekitError("the measure has no keys to add `done:` beside")
    if isinstance(first, yaml.MappingStartEvent) and first.flow_style:
        return _splice(text, pairs[-1][1].end, f", done: {scalar(date, flow=True)}")
    # A line after a block scalar (`|`, `>`) could join its text (at the end of the file,
    # its last line break): go after the last value that ends on its own line instead.
    last = [value for _, value in pairs if _ends_its_line(events[value.start])][-1]
    key_begin = pairs[0][0].start_mark.index if pairs[0][0].start_mark is not None else 0
    line_start = text.rfind("\n", 0, key_begin) + 1
    indent = " " * (key_begin - line_start)
    offset, newline = _after_line(text, last.end)
    return _splice(text, offset, f"{newline}{indent}done: {scalar(date, flow=False)}\n")


def _ends_its_line(event: yaml.Event) -> bool:
    """A plain or quoted scalar, or a flow collection: nothing of it follows its last line."""
    if isinstance(event, yaml.ScalarEvent):
        return event.style not in ("|", ">")
    return isinstance(event, yaml.CollectionStartEvent) and bool(event.flow_style)


def _measure_node(events: list[yaml.Event], text: str, outcome: int, measure: int) -> Node:
    entry = next(e for e in top_level(events, text) if e.key.value == "outcomes")
    outcome_node = children(events, entry.value, text)[outcome]
    measures = next(
        value
        for key, value in pairs_of(events, outcome_node, text)
        if isinstance(key, yaml.ScalarEvent) and key.value == "measures"
    )
    return children(events, measures, text)[measure]
