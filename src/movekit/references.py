"""Ids and references: duplicate ids (MK004) and references that resolve to nothing (MK005).

Which field names which kind of item, and which refers to which, is read from the plan's
models (the IdOf and RefersTo markers of modeltypes.py), never listed here. Both checks
work on the raw YAML values, not the model, so they are reported in the same run as
schema errors elsewhere in the file. Values of the wrong type are skipped here: the
schema check reports them.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from movekit.aboutrefs import AboutChecker
from movekit.findings import Path, Problem
from movekit.idsets import Collection, Collections, names_in, unknown
from movekit.model import Plan
from movekit.modelfields import PlanField, fields_of, id_of
from movekit.modeltypes import IdOf, RefersTo
from movekit.positions import Pos, locate
from movekit.suggest import is_slug
from movekit.wrongkind import Named, wrong_kind

Scopes = dict[str, Path]
"""The enclosing item of each kind (`journey` -> `("journeys", 0)`), on the way down."""


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
    about = AboutChecker(checker.collections, checker.problems, checker.follow_ons)
    for mapping in checker.referring:
        for plan_field in mapping.shape.references:
            if plan_field.key not in mapping.values:
                continue
            if plan_field.refers_to is not None:
                checker.resolve(mapping, plan_field.key, plan_field.refers_to)
            elif plan_field.names_anything:
                about.resolve(mapping.values[plan_field.key], (*mapping.path, plan_field.key))
    return checker.problems, checker.follow_ons


class _Checker:
    def __init__(self, root: Pos) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.collections: Collections = {}
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
        collection = self.collections.setdefault((kind.kind, scope), Collection(kind.kind))
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
        for suffix, name in names_in(mapping.values[key]):
            if name in target.ids or not name.strip():
                continue  # an empty id is reported by the schema check
            if name in target.broken:
                self.follow_ons.add((*path, *suffix))
            elif not target.incomplete:
                elsewhere = wrong_kind(name, target, self.collections, self.named())
                self.problems.append(unknown(name, target, owner, (*path, *suffix), elsewhere))

    def named(self) -> Named:
        """The reference fields of every mapping that has any, by its path."""
        return {
            mapping.path: [
                (f.key, f.refers_to.kind, mapping.values[f.key])
                for f in mapping.shape.references
                if f.refers_to is not None and f.key in mapping.values
            ]
            for mapping in self.referring
        }

    def _target(self, mapping: _Mapping, refers: RefersTo, owner: str | None) -> Collection | None:
        """The collection the ids must be in; None when their owner (a bridge's journey) is
        itself unknown, which its own field reports."""
        scope: Path = ()
        if refers.of is not None and owner is not None:
            name = mapping.values.get(refers.of)
            owners = self.collections.get((owner, ()))
            if not isinstance(name, str) or owners is None or name not in owners.ids:
                return None
            scope = owners.ids[name][:-1]
        return self.collections.get((refers.kind, scope)) or Collection(refers.kind)


def _owner_kind(shape: _Shape, refers: RefersTo) -> str | None:
    """The kind of item named by the field `refers.of` (`journey` for a bridge's stages)."""
    if refers.of is None:
        return None
    return next(f.refers_to.kind for f in shape.references if f.key == refers.of and f.refers_to)
