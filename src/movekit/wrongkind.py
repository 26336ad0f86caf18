"""When a reference names no item of the kind its field wants, but an item of another kind:
"'rebny' is a stakeholder, not an argument; its arguments: rents-rise". The item's own
arguments, audience or outcome are what the writer most likely meant, so they are named."""

from __future__ import annotations

from typing import Any

from movekit.findings import Path
from movekit.idsets import Collection, Collections, names_in, plural

Named = dict[Path, list[tuple[str, str, Any]]]
"""For the path of each mapping: (field, kind it refers to, raw value) of its reference fields."""

_SHOWN = 6


def a(kind: str) -> str:
    """`an audience`, `a journey`."""
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def wrong_kind(name: str, wanted: Collection, collections: Collections, named: Named) -> str | None:
    """Why `name` names no `wanted` item when an item of another kind has that id, else None."""
    other = next((c for c in collections.values() if c.kind != wanted.kind and name in c.ids), None)
    if other is None:
        return None
    said = f"'{name}' is {a(other.kind)}, not {a(wanted.kind)}"
    meant = _related(other.ids[name][:-1], wanted, named)
    return f"{said}; {meant}" if meant else said


def _related(item: Path, wanted: Collection, named: Named) -> str | None:
    """The `wanted` items the item at `item` sits in, names, or holds: `its audience is 'x'`."""
    inside = [i for i, at in wanted.ids.items() if item[: len(at) - 1] == at[:-1]]
    fields = [value for _, kind, value in named.get(item, []) if kind == wanted.kind]
    one = [value for value in fields if isinstance(value, str) and value in wanted.ids]
    if inside or one:
        return f"its {wanted.kind} is '{(inside or one)[0]}'"
    held = [i for i, at in wanted.ids.items() if at[: len(item)] == item]
    held += [i for value in fields for _, i in names_in(value) if i in wanted.ids]
    if held:
        return f"its {plural(wanted.kind)}: {', '.join(list(dict.fromkeys(held))[:_SHOWN])}"
    return None
