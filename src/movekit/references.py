"""Ids and references: duplicate ids (MK004) and references that resolve to nothing (MK005).

Which field names which kind of item, and which refers to which, is read from the plan's
models (the IdOf and RefersTo markers of modeltypes.py), never listed here. Both checks
work on the raw YAML values, not the model, so they are reported in the same run as
schema errors elsewhere in the file. Values of the wrong type are skipped here: the
schema check reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from movekit.about import split
from movekit.findings import Path, Problem
from movekit.model import Plan
from movekit.modelfields import PlanField, fields_of, id_of
from movekit.modeltypes import ABOUT_KINDS, IdOf, RefersTo
from movekit.positions import Pos, locate
from movekit.suggest import closest, is_slug

Scopes = dict[str, Path]
"""The enclosing item of each kind (`journey` -> `("journeys", 0)`), on the way down."""


@dataclass
class _Collection:
    """The ids of one kind of item in one scope, with the path of each id's first use."""

    kind: str
    ids: dict[str, Path] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    """Ids that are no valid id: references to them follow from that one mistake."""
    incomplete: bool = False
    """An item has no usable id, so a reference that resolves to nothing may mean it."""


class _Shape(NamedTuple):
    """What the walk needs to know of a model, read once from its fields."""

    id_of: IdOf | None
    id_required: bool
    children: tuple[tuple[str, type[BaseModel], bool], ...]
    """(key, model, many) of each field that holds a model or a list of them."""
    references: tuple[PlanField, ...]


@cache
def _shape(model: type[BaseModel]) -> _Shape:
    fields = fields_of(model).values()
    return _Shape(
        id_of(model),
        "id" in model.model_fields and model.model_fields["id"].is_required(),
        tuple((f.key, f.model, f.many) for f in fields if f.model is not None),
        tuple(f for f in fields if f.refers_to is not None or f.names_anything),
    )


class _Mapping(NamedTuple):
    """A mapping of the plan, the shape of its model and where it is."""

    shape: _Shape
    values: dict[str, Any]
    path: Path
    scopes: Scopes


def check_references(data: Any, root: Pos) -> tuple[list[Problem], set[Path]]:
    """MK004 and MK005 problems for a loaded plan (any shape), and the paths of references
    whose own problems follow from a bad or missing id reported elsewhere."""
    checker = _Checker(root)
    if isinstance(data, dict):
        checker.walk(_shape(Plan), data, (), {})
    for mapping in checker.referring:
        for plan_field in mapping.shape.references:
            if plan_field.key not in mapping.values:
                continue
            if plan_field.refers_to is not None:
                checker.resolve(mapping, plan_field.key, plan_field.refers_to)
            elif plan_field.names_anything:
                checker.resolve_about(mapping, plan_field.key)
    return checker.problems, checker.follow_ons


def _names(value: Any) -> list[tuple[Path, str]]:
    """A string or list of strings, each with its path suffix."""
    if isinstance(value, str):
        return [((), value)]
    if isinstance(value, list):
        return [((index,), item) for index, item in enumerate(value) if isinstance(item, str)]
    return []


class _Checker:
    def __init__(self, root: Pos) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.collections: dict[tuple[str, Path], _Collection] = {}
        self.listed: set[str] = set()
        """Kinds of item the plan has a list of (even an empty one)."""
        self.follow_ons: set[Path] = set()
        self.referring: list[_Mapping] = []
        """The mappings with fields that refer to ids, in file order."""

    def walk(self, shape: _Shape, values: dict[str, Any], path: Path, scopes: Scopes) -> None:
        """Collect the ids of this mapping and of every mapping inside it, in file order."""
        if shape.references:
            self.referring.append(_Mapping(shape, values, path, scopes))
        if shape.id_of is not None:
            self.collect(shape.id_of, shape.id_required, values.get("id"), path, scopes)
            scopes = {**scopes, shape.id_of.kind: path}
        for key, model, many in shape.children:
            value, inner = values.get(key), _shape(model)
            if many and isinstance(value, list):
                if inner.id_of is not None:
                    self.listed.add(inner.id_of.kind)
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        self.walk(inner, item, (*path, key, index), scopes)
                    elif inner.id_of is not None:  # an item that is no mapping has no id
                        self.collect(inner.id_of, True, None, path, scopes)
            elif not many and isinstance(value, dict):
                self.walk(inner, value, (*path, key), scopes)
            elif value is not None and inner.id_of is not None:  # a list that is not one
                self.collect(inner.id_of, True, None, path, scopes)

    def collect(self, kind: IdOf, required: bool, value: Any, path: Path, scopes: Scopes) -> None:
        """Note an item's id in its collection: MK004 if it is there already."""
        scope = scopes.get(kind.within, ()) if kind.within else ()
        collection = self.collections.setdefault((kind.kind, scope), _Collection(kind.kind))
        if not is_slug(value):
            if isinstance(value, str):
                collection.broken.add(value)
            collection.incomplete |= required or value is not None
            return
        id_path = (*path, "id")
        if value not in collection.ids:
            collection.ids[value] = id_path
            return
        first, _ = locate(self.root, collection.ids[value])
        message = f"Duplicate {kind.kind} id '{value}' (first used at line {first.line})"
        hint = f"Give each {kind.kind} its own id"
        self.problems.append(Problem(message, id_path, hint=hint, at_value=True, code="MK004"))

    def resolve(self, mapping: _Mapping, key: str, refers: RefersTo) -> None:
        """MK005 for each id in the field that names no item of the kind it refers to."""
        if refers.if_listed and refers.kind not in self.listed:
            return
        owner = _owner_kind(mapping.shape, refers)
        target = self._target(mapping, refers, owner)
        if target is None:
            return
        path = (*mapping.path, key)
        for suffix, name in _names(mapping.values[key]):
            if name in target.ids or not name.strip():
                continue  # an empty id is reported by the schema check
            if name in target.broken:
                self.follow_ons.add((*path, *suffix))
            elif not target.incomplete:
                self.problems.append(_unknown(name, target, owner, (*path, *suffix)))

    def _target(self, mapping: _Mapping, refers: RefersTo, owner: str | None) -> _Collection | None:
        """The collection the ids must be in; None when their owner (a bridge's journey) is
        itself unknown, which its own field reports."""
        scope: Path = ()
        if refers.of is not None and owner is not None:
            name = mapping.values.get(refers.of)
            owners = self.collections.get((owner, ()))
            if not isinstance(name, str) or owners is None or name not in owners.ids:
                return None
            scope = owners.ids[name][:-1]
        return self.collections.get((refers.kind, scope)) or _Collection(refers.kind)

    def resolve_about(self, mapping: _Mapping, key: str) -> None:
        """MK005 for each `about` entry that names nothing, or more than one thing."""
        path = (*mapping.path, key)
        for suffix, name in _names(mapping.values[key]):
            if not _well_formed(name):
                continue  # the schema check says how to write it
            problem = self._about(name, (*path, *suffix))
            if problem is not None:
                self.problems.append(problem)

    def _about(self, name: str, path: Path) -> Problem | None:
        kind, journey, item_id = split(name)
        if journey is not None:
            return self._in_journey(name, journey, item_id, path)
        if kind is not None:
            if kind not in ABOUT_KINDS:
                message = f"'{kind}' is not a kind of item that about can name"
                close = closest(kind, list(ABOUT_KINDS))
                if close is not None:
                    message += f": did you mean '{close[0]}:{item_id}'?"
                hint = f"Write KIND:ID with one of these kinds: {', '.join(ABOUT_KINDS)}"
                return Problem(message, path, hint, at_value=True, code="MK005")
            return self._one_of([kind], name, item_id, path)
        return self._one_of(list(ABOUT_KINDS), name, item_id, path)

    def _one_of(self, kinds: list[str], name: str, item_id: str, path: Path) -> Problem | None:
        """MK005 unless exactly one collection of `kinds` has `item_id`."""
        collections = [self.collections.get((kind, ())) or _Collection(kind) for kind in kinds]
        found = [c.kind for c in collections if item_id in c.ids]
        if len(found) == 1:
            return None
        if len(found) > 1:
            choices = ", ".join(f"{kind}:{item_id}" for kind in found)
            message = f"'{name}' names more than one item ({choices})"
            hint = f"Write KIND:ID to say which one, such as '{found[0]}:{item_id}'"
            return Problem(message, path, hint, at_value=True, code="MK005")
        if any(item_id in c.broken for c in collections):
            self.follow_ons.add(path)
            return None
        if any(c.incomplete for c in collections):
            return None
        if len(kinds) == 1:
            return _unknown(item_id, collections[0], None, path)
        everything = {i: c.kind for c in reversed(collections) for i in c.ids}
        message = f"'{name}' names nothing in the plan"
        close = closest(item_id, list(everything))
        if close is not None:
            kind = everything[close[0]]
            article = "an" if kind[0] in "aeiou" else "a"
            message += f": did you mean '{close[0]}' ({article} {kind})?"
        hint = (
            "Use the id of an outcome, measure, audience, channel, journey, target, "
            "mechanism or phase, or JOURNEY/ID for a stage or a call to action"
        )
        return Problem(message, path, hint, at_value=True, code="MK005")

    def _in_journey(self, name: str, journey: str, item_id: str, path: Path) -> Problem | None:
        """MK005 unless `journey` has exactly one stage or call to action `item_id`."""
        journeys = self.collections.get(("journey", ())) or _Collection("journey")
        if journey not in journeys.ids:
            if journey in journeys.broken:
                self.follow_ons.add(path)
                return None
            return None if journeys.incomplete else _unknown(journey, journeys, None, path)
        scope = journeys.ids[journey][:-1]
        parts = [
            self.collections.get((kind, scope)) or _Collection(kind)
            for kind in ("stage", "call to action")
        ]
        found = [part.kind for part in parts if item_id in part.ids]
        if len(found) == 1:
            return None
        if found:
            message = f"'{name}' names both a stage and a call to action in journey '{journey}'"
            hint = "Give the stage or the call to action another id"
            return Problem(message, path, hint, at_value=True, code="MK005")
        if any(item_id in part.broken for part in parts):
            self.follow_ons.add(path)
            return None
        if any(part.incomplete for part in parts):
            return None
        known_ids = sorted({i for part in parts for i in part.ids})
        message = f"Journey '{journey}' has no stage or call to action '{item_id}'"
        close = closest(item_id, known_ids)
        if close is not None:
            message += f": did you mean '{journey}/{close[0]}'?"
        known = ", ".join(known_ids[:6]) or "none with an id yet"
        hint = f"Use JOURNEY/ID with the id of a stage or an ask in that journey (known: {known})"
        return Problem(message, path, hint, at_value=True, code="MK005")


def _well_formed(entry: str) -> bool:
    """An entry whose parts are ids (an unknown kind is MK005's to report)."""
    _, journey, item_id = split(entry)
    return all(is_slug(part) for part in (journey, item_id) if part is not None)


def _owner_kind(shape: _Shape, refers: RefersTo) -> str | None:
    """The kind of item named by the field `refers.of` (`journey` for a bridge's stages)."""
    if refers.of is None:
        return None
    return next(f.refers_to.kind for f in shape.references if f.key == refers.of and f.refers_to)


def _unknown(name: str, target: _Collection, owner: str | None, path: Path) -> Problem:
    message = f"{target.kind.capitalize()} '{name}' does not exist"
    close = closest(name, list(target.ids))
    if close is not None:
        message += f": did you mean '{close[0]}'?"
    known = ", ".join(sorted(target.ids)[:6]) or "none yet"
    hint = f"Use an id declared under {target.kind}s (known: {known})"
    if owner is not None:
        hint = f"Use the id of a {target.kind} in that {owner} (known: {known})"
    return Problem(message, path, hint, at_value=True, code="MK005")
