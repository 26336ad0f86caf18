"""What is at a position of an open plan: a key, an id (declared or referred to), or the
value of a key. Navigation and hover ask here, never the text themselves.

The API, all positions 0-based with characters counted in code points (`server_position`
converts the client's units):

- `spot_at(snapshot, line, character) -> Spot | None`: from the positioned YAML
  (Checked.document) when the text could be read, else from the line's text and the lines
  above it (a half-typed file: the keys are found by their indentation).
- `Spot.field`: the model field of the key there (its description, its id markers).
- `Spot.occurrence`: the id there, when there is one (idindex.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsprotocol import types
from pydantic import BaseModel

from movekit.findings import Path
from movekit.lsp.cursor import parent_keys
from movekit.lsp.idindex import IdIndex, Occurrence, index
from movekit.lsp.places import Places
from movekit.model import Plan
from movekit.modelfields import PlanField, fields_of
from movekit.positions import Pos
from movekit.yamltext import LINE_BREAK

if TYPE_CHECKING:
    from movekit.lsp.snapshot import Snapshot


@dataclass(frozen=True)
class Spot:
    """What a cursor is on."""

    path: Path
    """The key's path (`("journeys", 0, "audience")`); read from the text alone (a
    half-typed file), it holds the keys only (`("journeys", "audience")`)."""
    on_key: bool
    """On the key itself (`audience`), not on its value."""
    field: PlanField | None
    """The model's field for the key, when the plan format has that key there."""
    occurrence: Occurrence | None = None
    """The id under the cursor, declared or referred to."""


def lines_of(text: str) -> list[str]:
    """The text's lines as libyaml counts them (positions are on these lines)."""
    return LINE_BREAK.split(text)


def server_position(encoding: str, text: str, position: types.Position) -> tuple[int, int]:
    """A client's position as (libyaml's 0-based line, character index in that line)."""
    return Places(text, encoding).yaml_index(position)


def client_range(encoding: str, text: str, line: int, start: int, end: int) -> types.Range:
    """A range on one of libyaml's lines, from character indexes to the client's units."""
    places = Places(text, encoding)
    return types.Range(places.at_yaml_index(line, start), places.at_yaml_index(line, end))


MAX_INDEXED = 32
"""Indexes kept at once (one per open plan)."""
_indexed: dict[str, tuple[Snapshot, IdIndex]] = {}
"""The index of each open plan's newest snapshot, made once for all the requests on it."""


def ids_of(snapshot: Snapshot) -> IdIndex:
    """The ids and references of this version (none while it cannot be read as YAML)."""
    cached = _indexed.get(snapshot.uri)
    if cached is not None and cached[0] is snapshot:
        return cached[1]
    document = snapshot.checked.document
    found = index(document if document is not None and not document.fatal else None)
    if len(_indexed) >= MAX_INDEXED:
        _indexed.clear()  # plans closed long ago: their indexes are not wanted again
    _indexed[snapshot.uri] = (snapshot, found)
    return found


def field_at(path: Path) -> PlanField | None:
    """The model field a key path ends in (`("journeys", 0, "audience")`: Journey.audience)."""
    model: type[BaseModel] | None = Plan
    found = None
    for part in path:
        if isinstance(part, int):
            continue
        if model is None or part not in fields_of(model):
            return None
        found = fields_of(model)[part]
        model = found.model
    return found


def spot_at(snapshot: Snapshot, line: int, character: int) -> Spot | None:
    """What is at (line, character), or None on a blank, a comment or outside the plan."""
    document = snapshot.checked.document
    if document is None or document.fatal or not isinstance(document.data, dict):
        return spot_in_text(snapshot.text, line, character)
    occurrence = ids_of(snapshot).at(line, character)
    path = _key_at(document.root, line, character)
    if occurrence is not None:
        key_path = occurrence.path[: _last_key(occurrence.path) + 1]
        return Spot(key_path, False, field_at(key_path), occurrence)
    if path is None:
        return None
    on_key, key_path = path
    return Spot(key_path, on_key, field_at(key_path))


def _last_key(path: Path) -> int:
    """Where the last key of a path is (an `about` entry's path ends in its place)."""
    return max(number for number, part in enumerate(path) if isinstance(part, str))


def _key_at(root: Pos, line: int, character: int) -> tuple[bool, Path] | None:
    """(on the key, the key's path) for the key or scalar value under the cursor."""
    best: tuple[bool, Path] | None = None
    stack: list[tuple[Pos, Path]] = [(root, ())]
    while stack:
        pos, path = stack.pop()
        for key, key_pos in (pos.keys or {}).items():
            value_pos = (pos.values or {})[key]
            if key_pos.line - 1 == line:
                if key_pos.column - 1 <= character <= key_pos.column - 1 + len(key):
                    return True, (*path, key)
                if value_pos.line - 1 == line and character >= value_pos.column - 1:
                    best = (False, (*path, key))
            stack.append((value_pos, (*path, key)))
        for number, item in enumerate(pos.items or []):
            if item.line - 1 == line and character >= item.column - 1 and not item.keys:
                best = (False, path)
            stack.append((item, (*path, number)))
    return best


_KEY_LINE = re.compile(r"(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*)\s*:(?=\s|$)")


def spot_in_text(text: str, line: int, character: int) -> Spot | None:
    """What is at a position of a half-typed plan, read from indentation alone."""
    lines = lines_of(text)
    if not 0 <= line < len(lines):
        return None
    here = _KEY_LINE.match(lines[line])
    if here is None:
        body = lines[line]
        path: Path = parent_keys(lines, line, len(body) - len(body.lstrip()))
        if not path:
            return None
        return Spot(path, False, field_at(path))
    path = (*parent_keys(lines, line, here.start("key")), here.group("key"))
    on_key = here.start("key") <= character <= here.end("key")
    return Spot(path, on_key, field_at(path))
