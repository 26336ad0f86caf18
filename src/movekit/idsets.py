"""The ids of one kind of item, as references.py and aboutrefs.py collect and resolve them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from movekit.findings import Path, Problem
from movekit.suggest import closest


@dataclass
class Collection:
    """The ids of one kind of item in one scope, with the path of each id's first use."""

    kind: str
    ids: dict[str, Path] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    """Ids that are no valid id: references to them follow from that one mistake."""
    incomplete: bool = False
    """An item has no usable id, so a reference that resolves to nothing may mean it."""


Collections = dict[tuple[str, Path], Collection]
"""Every collection by (kind, scope): the scope is the path of the enclosing item (a
journey's, for its stages and asks), or () for kinds whose ids are unique in the plan."""


def names_in(value: Any) -> list[tuple[Path, str]]:
    """A string or list of strings, each with its path suffix."""
    if isinstance(value, str):
        return [((), value)]
    if isinstance(value, list):
        return [((index,), item) for index, item in enumerate(value) if isinstance(item, str)]
    return []


def plural(kind: str) -> str:
    """`activities`, `calls to action`, `arguments`."""
    if kind == "call to action":
        return "calls to action"
    return f"{kind[:-1]}ies" if kind.endswith("y") else f"{kind}s"


def unknown(
    name: str, target: Collection, owner: str | None, path: Path, elsewhere: str | None = None
) -> Problem:
    """MK005 for an id that names no item of `target`: `elsewhere` says what it names instead
    (wrongkind.py), else the closest id is suggested."""
    message = f"{target.kind.capitalize()} '{name}' does not exist"
    close = closest(name, list(target.ids))
    if elsewhere is not None:
        message = elsewhere
    elif close is not None:
        message += f": did you mean '{close[0]}'?"
    known = ", ".join(sorted(target.ids)[:6]) or "none yet"
    hint = f"Use an id declared under {plural(target.kind)} (known: {known})"
    if owner is not None:
        hint = f"Use the id of a {target.kind} in that {owner} (known: {known})"
    return Problem(message, path, hint, at_value=True, code="MK005")
