"""Reading YAML with exact source positions, at libyaml speed, under the YAML 1.2 core schema.

libyaml's event stream is fast (the composer and constructor around it are not), so the
document is built here from events: plain Python values for the model, and a parallel
tree of 1-based positions for messages. Building it ourselves is also what lets movekit
report duplicate keys, refuse alias bombs and deep nesting, and read `yes`/`no`/`on` as
text the way YAML 1.2 does, identically in every command.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from movekit.findings import Path, Problem

MAX_DEPTH = 100
"""Plans are a few levels deep; anything deeper than this is refused as hostile."""

MAX_ALIAS_EXPANSION = 100_000
"""Values that aliases may add when expanded: stops 'billion laughs' documents."""

_CORE = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_FLOATS = {
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), float("inf")),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), float("-inf")),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


@dataclass(slots=True)
class Pos:
    """Where a value sits (1-based); mappings and sequences also hold their children's."""

    line: int
    column: int
    keys: dict[str, Pos] | None = None
    values: dict[str, Pos] | None = None
    items: list[Pos] | None = None


@dataclass
class Document:
    """A parsed plan file: its values, their positions and the problems found reading it."""

    text: str
    data: Any = None
    root: Pos = field(default_factory=lambda: Pos(1, 1))
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        """True when the YAML could not be read at all (no data to validate)."""
        return any(problem.code == "MK001" for problem in self.problems)


def resolve_plain(text: str) -> Any:
    """The YAML 1.2 core schema meaning of a plain (unquoted, untagged) scalar."""
    if not text:
        return None
    if text[0] not in _MAYBE_NOT_TEXT:
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return _int(text, text, 10)
    if _OCT.match(text):
        return _int(text, text[2:], 8)
    if _HEX.match(text):
        return _int(text, text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    return _FLOATS.get(text, text)


def _int(text: str, digits: str, base: int) -> int | str:
    """An integer, or the text itself when it has more digits than Python will convert."""
    try:
        return int(digits, base)
    except ValueError:
        return text


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


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """Bytes to text: UTF-8 (with or without a BOM) or UTF-16 with a BOM."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as error:
        before = body[: error.start].decode("utf-8", errors="replace")
        line, column = line_and_column(before)
        byte = body[error.start : error.start + 1].hex()
        message = f"The file is not UTF-8 text: byte 0x{byte} cannot be decoded"
        hint = "Save the file as UTF-8 (most editors offer this under 'Save with encoding')"
        return "", Problem(message, hint=hint, line=line, column=column, code="MK001")


_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")


def line_and_column(before: str) -> tuple[int, int]:
    """The 1-based line and column just after `before`, counting line breaks as libyaml does."""
    breaks = list(_LINE_BREAK.finditer(before))
    if not breaks:
        return 1, len(before) + 1
    return len(breaks) + 1, len(before) - breaks[-1].end() + 1


def parse(text: str) -> Document:
    """Parse one YAML document into values, positions and reading problems."""
    document = Document(text=text.removeprefix("\ufeff"))
    builder = _Builder(document)
    try:
        builder.run(yaml.parse(document.text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as error:
        document.problems.append(_syntax_problem(document.text, error))
    except yaml.reader.ReaderError as error:
        document.problems.append(_reader_problem(document.text, error))
    except _Refused as refusal:
        document.problems.append(refusal.problem)
    except yaml.YAMLError as error:
        document.problems.append(Problem(f"Invalid YAML: {error}", line=1, column=1, code="MK001"))
    return document


class _Refused(Exception):
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


class _Builder:
    """Turns libyaml events into values and positions, one event at a time (no recursion)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, Pos, int]] = {}
        self.expanded = 0
        self.documents = 0
        self.done = False

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

    def start_document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            pos = _pos_of(event)
            message = "The file holds more than one YAML document (a second '---')"
            hint = "Keep one plan per file: remove the second document or move it to its own file"
            raise _Refused(Problem(message, hint=hint, line=pos.line, column=1, code="MK001"))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        pos = _pos_of(event)
        value = self._scalar_value(event, pos)
        if event.anchor:
            self.anchors[event.anchor] = (value, pos, 1)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
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
        self.document.problems.append(
            Problem(message, hint=hint, line=pos.line, column=pos.column, code="MK002")
        )

    def start_mapping(self, event: yaml.MappingStartEvent) -> None:
        self._start(event, {}, _CORE + "map", keys=True)

    def start_sequence(self, event: yaml.SequenceStartEvent) -> None:
        self._start(event, [], _CORE + "seq", keys=False)

    def _start(self, event: Any, value: dict[str, Any] | list[Any], tag: str, keys: bool) -> None:
        pos = _pos_of(event)
        if event.tag not in (None, "!", tag):
            self._tag_problem(event.tag, pos)
        if len(self.stack) >= MAX_DEPTH:
            message = f"Values are nested more than {MAX_DEPTH} levels deep"
            raise _Refused(Problem(message, line=pos.line, column=pos.column, code="MK001"))
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
        at = _pos_of(event)
        anchor = event.anchor or ""
        if anchor not in self.anchors:
            message = f"The alias *{anchor} refers to no anchor &{anchor} before it"
            hint = f"Define &{anchor} on a value above this line, or remove the alias"
            raise _Refused(
                Problem(message, hint=hint, line=at.line, column=at.column, code="MK001")
            )
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
            raise _Refused(
                Problem(message, hint=hint, line=at.line, column=at.column, code="MK001")
            )
        self._add(value, pos, size)

    def _set_key(self, frame: _Frame, key: str, pos: Pos, merge: bool = False) -> None:
        frame.key, frame.key_pos, frame.key_is_merge = key, pos, merge

    def _complex_key(self, frame: _Frame, pos: Pos) -> None:
        message = "A key must be plain text, not a list or mapping"
        hint = "Write the key as a word, such as `name:`"
        self.document.problems.append(
            Problem(message, hint=hint, line=pos.line, column=pos.column, code="MK002")
        )
        self._set_key(frame, f"<complex key at line {pos.line}>", pos)

    def _add(self, value: Any, pos: Pos, size: int) -> None:
        if not self.stack:
            self.document.data, self.document.root = value, pos
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
            self.document.problems.append(
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
            self.document.problems.append(
                Problem(message, line=pos.line, column=pos.column, code="MK002")
            )
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


def _pos_of(event: yaml.Event) -> Pos:
    mark = event.start_mark
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else Pos(1, 1)


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _excerpt(text: str, line: int) -> str:
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return ""
    shown = lines[line].strip()
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _syntax_problem(text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line if mark is not None else 0
    column = mark.column if mark is not None else 0
    reason = error.problem or error.context or "invalid YAML"
    excerpt = _excerpt(text, line)
    message = f"Invalid YAML: {reason}" + (f" in `{excerpt}`" if excerpt else "")
    hint = "Check indentation, colons and quotes on this line and the one above"
    return Problem(message, hint=hint, line=line + 1, column=column + 1, code="MK001")


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> Problem:
    # libyaml counts the position in bytes of the UTF-8 text it was given
    before = text.encode("utf-8")[: max(0, error.position)].decode("utf-8", errors="replace")
    line, column = line_and_column(before)
    character = error.character
    code = ord(character) if isinstance(character, str) else int(character)
    message = f"The file contains the control character U+{code:04X}, which YAML does not allow"
    hint = "Delete the invisible character (it often comes from copying out of a PDF or chat)"
    return Problem(message, hint=hint, line=line, column=column, code="MK001")
