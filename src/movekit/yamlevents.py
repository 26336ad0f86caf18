"""libyaml's event stream to plain Python values and a parallel tree of positions.

Building the document here, one event at a time (no recursion), is what lets movekit
report duplicate keys, refuse alias bombs and deep nesting, and read plain scalars under
the YAML 1.2 core schema, identically in every command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from movekit.coreschema import resolve_plain
from movekit.findings import Problem, Problems
from movekit.positions import Pos, end_of

MAX_DEPTH = 100
"""Plans are a few levels deep; anything deeper than this is refused as hostile."""

MAX_ALIAS_EXPANSION = 100_000
"""Values that aliases may add when expanded: stops 'billion laughs' documents."""

_CORE = "tag:yaml.org,2002:"


class Refused(Exception):
    """The document is hostile (too deep, alias bomb): stop building it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(slots=True)
class _Frame:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    pos: Pos
    anchor: str | None
    size: int = 1
    key: str | None = None
    key_pos: Pos | None = None
    key_is_merge: bool = False
    merges: list[tuple[dict[str, Any], Pos]] = field(default_factory=list)


SUPPRESSION_MARK = "ignore["
"""Scalars holding this text may look like suppression comments; their spans are kept."""


class Builder:
    """Turns libyaml events on `text` into values (`data`), their positions (`root`) and
    reading problems; it raises Refused, keeping what it found so far, on a hostile document.

    `text_spans` holds the (start, end) character offsets of the scalars whose text
    contains `ignore[`: a `#` inside one is part of a value, not a comment (suppress.py).
    """

    def __init__(self, text: str) -> None:
        self.data: Any = None
        self.root = Pos(1, 1)
        self.problems: list[Problem] = Problems()  # capped per code: see MAX_PER_CODE
        self.text_spans: list[tuple[int, int]] = []
        self._text, self._length = text, len(text)
        self._watch = SUPPRESSION_MARK in text
        self._end: Pos | None = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, Pos, int]] = {}
        self.expanded = 0
        self.documents = 0

    def run(self, events: Iterator[yaml.Event]) -> None:
        handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start_mapping,
            yaml.SequenceStartEvent: self.start_sequence,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.start_document,
        }
        for event in events:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def _pos_of(self, event: yaml.Event) -> Pos:
        """The event's 1-based position, always on a line that exists in the text."""
        mark = event.start_mark
        if mark is None:
            return Pos(1, 1)
        if mark.index >= self._length:
            # libyaml's end-of-stream mark: after a final line break it names a line past the end
            if self._end is None:
                self._end = end_of(self._text)
            return Pos(self._end.line, self._end.column)
        return Pos(mark.line + 1, mark.column + 1)

    def start_document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            pos = self._pos_of(event)
            message = "The file holds more than one YAML document (a second '---')"
            hint = "Keep one plan per file: remove the second document or move it to its own file"
            raise Refused(Problem(message, hint=hint, line=pos.line, column=1, code="MK001"))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        mark = event.start_mark  # _pos_of, inlined for the commonest event of a large plan
        if mark is not None and mark.index < self._length:
            pos = Pos(mark.line + 1, mark.column + 1)
        else:
            pos = self._pos_of(event)
        if self._watch and SUPPRESSION_MARK in event.value:
            start, end = event.start_mark, event.end_mark
            if start is not None and end is not None:
                self.text_spans.append((start.index, end.index))
        top = self.stack[-1] if self.stack else None
        is_key = top is not None and top.key is None and isinstance(top.value, dict)
        # a key is its text: its value is resolved only for an anchor or a tag to check
        value = self._scalar_value(event, pos) if not is_key or event.anchor or event.tag else None
        if event.anchor:
            self.anchors[event.anchor] = (value, pos, 1)
        if is_key:
            assert top is not None
            plain = event.style in ("", None) and event.tag is None
            self._set_key(top, event.value, pos, merge=plain and event.value == "<<")
        else:
            self._add(value, pos, 1)

    def _scalar_value(self, event: yaml.ScalarEvent, pos: Pos) -> Any:
        tag = event.tag
        if tag is None:
            return resolve_plain(event.value) if event.style in ("", None) else event.value
        if tag in ("!", _CORE + "str"):
            return event.value
        resolved = resolve_plain(event.value)
        expected = {_CORE + "int": int, _CORE + "float": float, _CORE + "bool": bool}
        if tag == _CORE + "null" and resolved is None:
            return None
        wanted = expected.get(tag)
        if wanted is not None and isinstance(resolved, wanted):
            return resolved
        if wanted is float and isinstance(resolved, int) and not isinstance(resolved, bool):
            return float(resolved)
        self._tag_problem(tag, pos, event.value if wanted is not None else None)
        return event.value

    def _tag_problem(self, tag: str, pos: Pos, value: str | None = None) -> None:
        shown = tag.replace(_CORE, "!!")
        message = f"The YAML tag {shown} is not allowed here"
        if value is not None:
            message = f"'{value}' is not a valid {shown}"
        hint = "Remove the tag: plans hold plain text, numbers, dates, lists and mappings"
        self.problems.append(
            Problem(message, hint=hint, line=pos.line, column=pos.column, code="MK002")
        )

    def start_mapping(self, event: yaml.MappingStartEvent) -> None:
        self._start(event, {}, _CORE + "map", keys=True)

    def start_sequence(self, event: yaml.SequenceStartEvent) -> None:
        self._start(event, [], _CORE + "seq", keys=False)

    def _start(self, event: Any, value: dict[str, Any] | list[Any], tag: str, keys: bool) -> None:
        pos = self._pos_of(event)
        if event.tag not in (None, "!", tag):
            self._tag_problem(event.tag, pos)
        if len(self.stack) >= MAX_DEPTH:
            message = f"Values are nested more than {MAX_DEPTH} levels deep"
            raise Refused(Problem(message, line=pos.line, column=pos.column, code="MK001"))
        if keys:
            pos.keys, pos.values = {}, {}
        else:
            pos.items = []
        self.stack.append(_Frame(value, pos, event.anchor))

    def end(self, event: yaml.Event) -> None:
        frame = self.stack.pop()
        if frame.merges and isinstance(frame.value, dict):
            self._merge(frame)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.value, frame.pos, frame.size)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._complex_key(top, frame.pos)
        else:
            self._add(frame.value, frame.pos, frame.size)

    def alias(self, event: yaml.AliasEvent) -> None:
        at = self._pos_of(event)
        anchor = event.anchor or ""
        if anchor not in self.anchors:
            message = f"The alias *{anchor} refers to no anchor &{anchor} before it"
            hint = f"Define &{anchor} on a value above this line, or remove the alias"
            raise Refused(Problem(message, hint=hint, line=at.line, column=at.column, code="MK001"))
        value, pos, size = self.anchors[anchor]
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            if isinstance(value, dict | list):
                self._complex_key(top, at)
            else:
                self._set_key(top, _key_text(value), at)
            return
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            message = f"Aliases expand to more than {MAX_ALIAS_EXPANSION:,} values"
            hint = "This looks like a 'billion laughs' document; write the values out instead"
            raise Refused(Problem(message, hint=hint, line=at.line, column=at.column, code="MK001"))
        self._add(value, pos, size)

    def _set_key(self, frame: _Frame, key: str, pos: Pos, merge: bool = False) -> None:
        frame.key, frame.key_pos, frame.key_is_merge = key, pos, merge

    def _complex_key(self, frame: _Frame, pos: Pos) -> None:
        message = "A key must be plain text, not a list or mapping"
        hint = "Write the key as a word, such as `name:`"
        self.problems.append(
            Problem(message, hint=hint, line=pos.line, column=pos.column, code="MK002")
        )
        self._set_key(frame, f"<complex key at line {pos.line}>", pos)

    def _add(self, value: Any, pos: Pos, size: int) -> None:
        if not self.stack:
            self.data, self.root = value, pos
            return
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.value, list):
            frame.value.append(value)
            assert frame.pos.items is not None
            frame.pos.items.append(pos)
            return
        key, key_pos = frame.key or "", frame.key_pos or pos
        frame.key = None
        if frame.key_is_merge:
            self._collect_merge(frame, value, pos)
            return
        keys, values = frame.pos.keys, frame.pos.values
        assert keys is not None and values is not None
        if key in frame.value:
            first = keys[key]
            message = f"The key '{key}' appears twice in this mapping (first at line {first.line})"
            hint = "Keep one of them: YAML would silently drop the other"
            self.problems.append(
                Problem(message, hint=hint, line=key_pos.line, column=key_pos.column, code="MK006")
            )
            return
        frame.value[key] = value
        keys[key], values[key] = key_pos, pos

    def _collect_merge(self, frame: _Frame, value: Any, pos: Pos) -> None:
        sources = [(value, pos)] if isinstance(value, dict) else []
        if isinstance(value, list) and pos.items is not None:
            sources = list(zip(value, pos.items, strict=True))
        if not sources or not all(isinstance(source, dict) for source, _ in sources):
            message = "A merge key (<<) needs a mapping or a list of mappings"
            self.problems.append(Problem(message, line=pos.line, column=pos.column, code="MK002"))
            return
        frame.merges.extend(sources)

    def _merge(self, frame: _Frame) -> None:
        assert isinstance(frame.value, dict)
        keys, values = frame.pos.keys, frame.pos.values
        assert keys is not None and values is not None
        for source, source_pos in frame.merges:
            for key, value in source.items():
                if key not in frame.value and source_pos.keys and source_pos.values:
                    frame.value[key] = value
                    keys[key], values[key] = source_pos.keys[key], source_pos.values[key]


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
