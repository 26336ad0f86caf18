"""Every id of an open plan and every reference to one, with the exact range of its text.

Read from the positioned YAML (Checked.document) by walking the models' markers
(modelfields.py: IdOf, RefersTo, NamesAnything), as references.py does for MK004 and
MK005, so each kind of reference is covered once, never listed here. An `about` entry
holds up to two: `walkers/walk` refers to the journey `walkers` and to its stage `walk`.
Definition, references, rename and hover read this index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from movekit.about import split
from movekit.aboutrefs import IN_JOURNEYS
from movekit.findings import Path
from movekit.model import Plan
from movekit.modelfields import PlanField, fields_of, id_of
from movekit.modeltypes import ABOUT_KINDS
from movekit.positions import Pos
from movekit.source import Document
from movekit.suggest import is_slug
from movekit.yamltext import LINE_BREAK


@dataclass(frozen=True)
class Symbol:
    """One item's id: its kind (as IdOf names it), the path of the item its ids are unique
    within (a journey's, for stages and asks; () for the others) and the id."""

    kind: str
    scope: Path
    id: str


@dataclass(frozen=True)
class Occurrence:
    """Where an id is written: 0-based line, and start and end columns in characters."""

    symbol: Symbol
    line: int
    start: int
    end: int
    path: Path
    """The value holding it in the plan: `("journeys", 0, "stages", 1, "id")`."""
    definition: bool
    bare: bool = False
    """An `about` entry written as the id alone: it depends on no other kind having it."""

    def covers(self, line: int, character: int) -> bool:
        """Whether a cursor there is on this id (or just after its last character)."""
        return line == self.line and self.start <= character <= self.end


@dataclass
class IdIndex:
    """The ids and references of one document, in file order."""

    occurrences: list[Occurrence] = field(default_factory=list)
    items: dict[Path, type[BaseModel]] = field(default_factory=dict)
    """Each item that has an id, by its path, with its model (hover reads it)."""

    def at(self, line: int, character: int) -> Occurrence | None:
        """The id under a cursor (0-based line, character in code points)."""
        return next((o for o in self.occurrences if o.covers(line, character)), None)

    def definition(self, symbol: Symbol) -> Occurrence | None:
        """Where the item is declared (its first `id:` when it is declared twice)."""
        return next((o for o in self.occurrences if o.definition and o.symbol == symbol), None)

    def uses(self, symbol: Symbol) -> list[Occurrence]:
        """Every place the id is written: its declaration and every reference."""
        return [o for o in self.occurrences if o.symbol == symbol]

    def taken(self, kind: str, scope: Path) -> set[str]:
        """The ids declared in one collection (the stages of one journey, the audiences)."""
        return {
            o.symbol.id
            for o in self.occurrences
            if o.definition and o.symbol.kind == kind and o.symbol.scope == scope
        }


def index(document: Document | None) -> IdIndex:
    """The ids and references of a parsed plan (empty when it could not be read)."""
    found = IdIndex()
    if document is None or not isinstance(document.data, dict):
        return found
    walker = _Walker(LINE_BREAK.split(document.text), found)
    walker.walk(Plan, document.data, document.root, (), {})
    for plan_field, values, at, path in walker.pending:
        walker.resolve(plan_field, values, at, path)
    found.occurrences.sort(key=lambda o: (o.line, o.start))
    return found


_Pending = tuple[PlanField, dict[str, Any], Pos, Path]


class _Walker:
    def __init__(self, lines: list[str], found: IdIndex) -> None:
        self.lines, self.found = lines, found
        self.pending: list[_Pending] = []
        """Fields holding references, resolved once every id is known."""
        self.declared: dict[Symbol, Path] = {}

    def walk(
        self,
        model: type[BaseModel],
        values: dict[str, Any],
        pos: Pos,
        path: Path,
        scopes: dict[str, Path],
    ) -> None:
        marker = id_of(model)
        if marker is not None:
            self.found.items[path] = model
            scope = scopes.get(marker.within, ()) if marker.within else ()
            item_id = values.get("id")
            if isinstance(item_id, str) and is_slug(item_id):
                self._declare(Symbol(marker.kind, scope, item_id), pos, path)
            scopes = {**scopes, marker.kind: path}
        for key, plan_field in fields_of(model).items():
            if key not in values or pos.values is None or key not in pos.values:
                continue
            value, at = values[key], pos.values[key]
            if plan_field.model is not None:
                self._children(plan_field.model, value, at, (*path, key), scopes)
            elif plan_field.refers_to is not None or plan_field.names_anything:
                self.pending.append((plan_field, values, at, (*path, key)))

    def _children(
        self, model: type[BaseModel], value: Any, at: Pos, path: Path, scopes: dict[str, Path]
    ) -> None:
        if isinstance(value, list) and at.items is not None:
            for number, (item, item_at) in enumerate(zip(value, at.items, strict=False)):
                if isinstance(item, dict):
                    self.walk(model, item, item_at, (*path, number), scopes)
        elif isinstance(value, dict):
            self.walk(model, value, at, path, scopes)

    def _declare(self, symbol: Symbol, pos: Pos, path: Path) -> None:
        if pos.values is None or "id" not in pos.values:
            return
        self.declared.setdefault(symbol, path)
        self._add(symbol, pos.values["id"], symbol.id, 0, (*path, "id"), definition=True)

    def _add(
        self,
        symbol: Symbol,
        at: Pos,
        written: str,
        offset: int,
        path: Path,
        *,
        definition: bool,
        bare: bool = False,
    ) -> None:
        """Note `symbol` at `offset` in the scalar `written` at `at`, when the text there
        is that scalar as written (not an alias, an escape or a folded line)."""
        if not 0 < at.line <= len(self.lines):
            return
        line = self.lines[at.line - 1]
        start = at.column - 1
        if line[start : start + 1] in ("'", '"'):
            start += 1
        if line[start : start + len(written)] != written:
            return
        start += offset
        end = start + len(symbol.id)
        self.found.occurrences.append(
            Occurrence(symbol, at.line - 1, start, end, path, definition, bare)
        )

    def resolve(self, plan_field: PlanField, values: dict[str, Any], at: Pos, path: Path) -> None:
        """The occurrences of a field holding one id, a list of them, or `about` entries."""
        entries: list[tuple[str, Pos, Path]] = []
        value = values[plan_field.key]
        if isinstance(value, str):
            entries.append((value, at, path))
        elif isinstance(value, list) and at.items is not None:
            for number, (item, item_at) in enumerate(zip(value, at.items, strict=False)):
                if isinstance(item, str):
                    entries.append((item, item_at, (*path, number)))
        for written, item_at, item_path in entries:
            if plan_field.names_anything:
                self._about(written, item_at, item_path)
            elif plan_field.refers_to is not None and is_slug(written):
                refers = plan_field.refers_to
                scope: Path | None = ()
                if refers.of is not None:
                    scope = self._journey_path(values.get(refers.of))
                if scope is not None:
                    symbol = Symbol(refers.kind, scope, written)
                    self._add(symbol, item_at, written, 0, item_path, definition=False)

    def _journey_path(self, journey: Any) -> Path | None:
        return self.declared.get(Symbol("journey", (), journey)) if is_slug(journey) else None

    def _about(self, written: str, at: Pos, path: Path) -> None:
        """`ID`, `KIND:ID` or `JOURNEY/ID`: the item it names, and the journey too."""
        kind, journey, item_id = split(written)
        if not is_slug(item_id):
            return
        if journey is not None:
            journey_path = self._journey_path(journey)
            if journey_path is None:
                return
            self._add(Symbol("journey", (), journey), at, written, 0, path, definition=False)
            kinds = [k for k in IN_JOURNEYS if Symbol(k, journey_path, item_id) in self.declared]
            if len(kinds) == 1:
                symbol = Symbol(kinds[0], journey_path, item_id)
                self._add(symbol, at, written, len(journey) + 1, path, definition=False)
            return
        if kind is not None:
            if kind in ABOUT_KINDS:
                symbol = Symbol(kind, (), item_id)
                self._add(symbol, at, written, len(kind) + 1, path, definition=False)
            return
        kinds = [k for k in ABOUT_KINDS if Symbol(k, (), item_id) in self.declared]
        if len(kinds) == 1:
            symbol = Symbol(kinds[0], (), item_id)
            self._add(symbol, at, written, 0, path, definition=False, bare=True)
