"""A place in a plan in words: journey 'buses-journey', stage 2 'turn-up', level.

Findings carry a path such as `journeys[0].stages[1].level` for tools (JSON keeps it);
people read the same place through the plan's own ids and names, looked up in the
document's data. The data may be anything YAML can hold (the plan may be invalid), so
every step checks what it finds and falls back to a number or the key's own name.
"""

from __future__ import annotations

from typing import Any

from movekit.findings import Path
from movekit.labels import numbered_label, one_line

SEPARATOR = " \u203a "
"""Between the steps of a place: a single right-pointing angle quotation mark."""

ITEMS = {
    "outcomes": "outcome",
    "measures": "measure",
    "audiences": "audience",
    "channels": "channel",
    "journeys": "journey",
    "stages": "stage",
    "ctas": "call to action",
    "bridges": "bridge",
    "community": "community mechanism",
    "phases": "phase",
    "reviews": "review",
    "results": "result",
    "targets": "target",
    "assumptions": "assumption",
    "risks": "risk",
    "stakeholders": "stakeholder",
    "arguments": "argument",
    "messages": "message",
    "activities": "activity",
    "spend": "spending",
}
"""A list's key -> what one item of it (a mapping) is called."""

_ORDERED = {"stages": ("id", "name"), "ctas": ("id", "ask"), "bridges": ("id",)}
"""Lists whose order matters: items are numbered, then named by the first key present."""

_DATED = {"reviews": "phase", "results": "measure", "spend": "for"}
"""Lists of dated entries: `result 3 (measure 'pledges', 2027-02-01)`."""

_NAMES = ("id", "name", "title", "metric", "risk", "text", "what", "says")
"""What names an item of any other list: its id, else its first words (with its number)."""

LONGEST = 40
"""Names longer than this (an ask, a stage's name) are cut, so the place fits on a line."""


def describe(data: Any, path: Path) -> str:
    """`path` in words, reading ids and names from `data` (the plan as read from YAML)."""
    words: list[str] = []
    node: Any = data
    key = ""
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and -len(node) <= part < len(node) else None
            if words and key in ITEMS and isinstance(item, dict):
                # one step `outcome 'policy'` stands for both `outcomes` and `[0]`
                words[-1] = item_label(key, part, item)
            else:
                words.append(_scalar_item(part, item))
            node, key = item, ""
        else:
            words.append(part)
            node, key = node.get(part) if isinstance(node, dict) else None, part
    return SEPARATOR.join(words)


def item_label(key: str, index: int, item: dict[str, Any]) -> str:
    """One item of the list under `key`: `outcome 'policy'`, `stage 2 'turn-up'`, `outcome 2`."""
    kind = ITEMS[key]
    if key in _ORDERED:
        return numbered_label(kind, index, _first_name(item, _ORDERED[key]))
    if key in _DATED:
        about = _DATED[key]
        facts = [f"{about} '{_name(item.get(about))}'" if _name(item.get(about)) else ""]
        facts.append(_name(item.get("date")))
        shown = ", ".join(fact for fact in facts if fact)
        label = numbered_label(kind, index)
        return f"{label} ({shown})" if shown else label
    identifier = _name(item.get("id"))
    if identifier:
        return f"{kind} '{identifier}'"
    return numbered_label(kind, index, _first_name(item, _NAMES))


def _scalar_item(index: int, item: Any) -> str:
    """An item of a list of words or ids: `item 2 'whatsapp'`."""
    return numbered_label("item", index, _name(item))


def _first_name(item: dict[str, Any], keys: tuple[str, ...]) -> str:
    return next((name for name in (_name(item.get(key)) for key in keys) if name), "")


def _name(value: Any) -> str:
    """A value as a short name on one line, or "" for what has none (a list, a mapping)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    text = one_line(str(value))
    return text if len(text) <= LONGEST else text[: LONGEST - 1].rstrip() + "…"
