"""What an `about`-style entry (`serves`, `for`) names, in the plan's own words: an outcome's
title, a target's or an audience's name, an activity's line (about.Index finds the item)."""

from __future__ import annotations

from movekit.about import Index, Named

_WORDS = ("title", "name", "what", "metric", "says", "text")
"""The field each kind of item is called by, in the order they are tried."""


def named_words(index: Index, entries: list[str]) -> list[str]:
    """Each entry as the item it names is called; an entry that names nothing as written."""
    return [_words(index, index.named(entry), entry) for entry in entries]


def _words(index: Index, named: Named | None, entry: str) -> str:
    if named is None:
        return entry
    if named.cta is not None:
        return named.cta.ask
    if named.stage is not None:
        return named.stage.name or named.id
    item: object = index.plan
    for step in named.path:
        item = item[step] if isinstance(step, int) else getattr(item, step)  # type: ignore[index]
    for field in _WORDS:
        value = getattr(item, field, None)
        if isinstance(value, str) and value:
            return value
    return named.id
