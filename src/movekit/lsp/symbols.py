"""The plan's outline (textDocument/documentSymbol): the campaign and each section's items,
named as the plan names them, for the editor's outline view and breadcrumbs.

Read from the positioned YAML, not the model, so the outline stays while a key is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types

from movekit.findings import Path
from movekit.lsp.places import Places
from movekit.lsp.server import MovekitServer
from movekit.positions import Pos
from movekit.spans import end_column
from movekit.yamltext import LINE_BREAK

Kind = types.SymbolKind


@dataclass(frozen=True)
class Shape:
    """How one kind of item is named and what it holds."""

    kind: Kind
    names: tuple[str, ...]
    """The keys that name it, first present wins (then its id)."""
    details: tuple[str, ...] = ()
    children: dict[str, Shape] = field(default_factory=dict)


_ASK = Shape(Kind.Event, ("ask", "id"), ("mode",))
_STAGE = Shape(Kind.Struct, ("name", "id", "level"), ("level",), {"ctas": _ASK})
SECTIONS: dict[str, Shape] = {
    "outcomes": Shape(
        Kind.Object, ("title", "id"), ("type",), {"measures": Shape(Kind.Field, ("metric", "id"))}
    ),
    "audiences": Shape(Kind.Object, ("name", "id")),
    "channels": Shape(Kind.Object, ("name", "id"), ("mode",)),
    "targets": Shape(Kind.Object, ("name", "id"), ("role",)),
    "stakeholders": Shape(Kind.Object, ("name", "id"), ("stance",)),
    "messages": Shape(Kind.Object, ("id",), ("text",)),
    "journeys": Shape(Kind.Object, ("id",), ("audience",), {"stages": _STAGE}),
    "bridges": Shape(Kind.Interface, ("id", "how"), ("journey",)),
    "community": Shape(Kind.Object, ("name", "id"), ("kind",)),
    "activities": Shape(Kind.Object, ("what", "id"), ("date",)),
    "phases": Shape(Kind.Object, ("name", "id"), ("starts",)),
    "assumptions": Shape(Kind.Object, ("id",), ("text",)),
    "risks": Shape(Kind.Object, ("id",), ("risk",)),
}


class _Outline:
    """Builds the symbols of one document."""

    def __init__(self, text: str, root: Pos, places: Places) -> None:
        self.text, self.root, self.places = text, root, places
        self.lines = LINE_BREAK.split(text.removeprefix("\ufeff"))

    def offset(self, pos: Pos) -> int:
        return self.places.yaml_offset(pos.line, pos.column)

    def before(self, start: int, end: int) -> int:
        """Where the item that starts at `start` ends when the next starts at `end`."""
        index = end
        while index > start:
            char = self.text[index - 1]
            dash = char == "-" and index - 2 >= start and self.text[index - 2].isspace()
            if not (char.isspace() or char == "," or dash):
                break
            index -= 1
        return index

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.places.position(start), self.places.position(max(start, end)))

    def selection(self, path: Path, pos: Pos, start: int, end: int) -> types.Range:
        """The name's own range, inside the item's (else the item's first character)."""
        at = self.offset(pos)
        column = end_column(self.lines, self.root, path, pos)
        stop = at + (column - pos.column) if column else at
        if not start <= at <= stop <= end:
            at = stop = start
        return self.range(at, stop)

    def symbol(
        self, name: str, detail: str | None, kind: Kind, span: tuple[int, int], at: tuple[Path, Pos]
    ) -> types.DocumentSymbol:
        start, end = span
        return types.DocumentSymbol(
            name=name or "?",
            detail=detail,
            kind=kind,
            range=self.range(start, end),
            selection_range=self.selection(*at, start, end),
        )

    def items(
        self, data: Any, pos: Pos, path: Path, shape: Shape, end: int
    ) -> list[types.DocumentSymbol]:
        """The symbols of a list of items, each ending where the next begins."""
        if not isinstance(data, list) or pos.items is None:
            return []
        starts = [self.offset(item) for item in pos.items] + [end]
        symbols = []
        for index, (item, item_pos) in enumerate(zip(data, pos.items, strict=False)):
            if isinstance(item, dict) and item_pos.values is not None:
                span = (starts[index], self.before(starts[index], starts[index + 1]))
                symbols.append(self.item(item, item_pos, (*path, index), shape, span))
        return symbols

    def item(
        self, data: dict[Any, Any], pos: Pos, path: Path, shape: Shape, span: tuple[int, int]
    ) -> types.DocumentSymbol:
        key = next((k for k in shape.names if _text(data.get(k))), None)
        name = _text(data.get(key)) if key else ""
        detail = " · ".join(
            _text(data.get(k)) for k in ((*shape.details, "id")) if k != key and _text(data.get(k))
        )
        assert pos.values is not None
        where = ((*path, key), pos.values[key]) if key in pos.values else (path, pos)
        symbol = self.symbol(name, detail or None, shape.kind, span, where)
        children: list[types.DocumentSymbol] = []
        for child, child_shape in shape.children.items():
            if child in pos.values:
                value = data.get(child)
                children += self.items(
                    value, pos.values[child], (*path, child), child_shape, span[1]
                )
        symbol.children = children or None
        return symbol

    def document(self, data: dict[Any, Any]) -> list[types.DocumentSymbol]:
        keys, values = self.root.keys or {}, self.root.values or {}
        order = sorted((self.offset(pos), key) for key, pos in keys.items() if isinstance(key, str))
        ends = [start for start, _ in order[1:]] + [len(self.text)]
        symbols = []
        for (start, key), next_start in zip(order, ends, strict=True):
            span = (start, self.before(start, next_start))
            if key == "campaign" and isinstance(data.get(key), dict):
                campaign = data[key]
                name = _text(campaign.get("name")) or "campaign"
                at = values[key].values or {}
                where = ((key, "name"), at["name"]) if "name" in at else ((key,), keys[key])
                symbols.append(
                    self.symbol(name, _text(campaign.get("goal")), Kind.Module, span, where)
                )
            elif key in SECTIONS:
                section = self.symbol(key, None, Kind.Namespace, span, ((key,), keys[key]))
                section.children = (
                    self.items(data.get(key), values[key], (key,), SECTIONS[key], span[1]) or None
                )
                symbols.append(section)
        return symbols


def _text(value: Any) -> str:
    """A scalar as the plan writes it (dates and numbers too); nothing for lists or maps."""
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).strip().splitlines()[0] if str(value).strip() else ""


def outline(text: str, root: Pos, data: Any, encoding: str) -> list[types.DocumentSymbol]:
    """The document's symbols (none when it is not a mapping of sections)."""
    if not isinstance(data, dict):
        return []
    return _Outline(text, root, Places(text, encoding)).document(data)


def register(server: MovekitServer) -> None:
    """textDocument/documentSymbol."""

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        snapshot = server.snapshot(params.text_document.uri)
        if snapshot is None or snapshot.checked.document is None:
            return []
        document = snapshot.checked.document
        return outline(snapshot.text, document.root, document.data, server.encoding)
