"""MK005 for `about` entries (`ID`, `KIND:ID`, `JOURNEY/ID`) that name nothing, or more
than one item, on the raw plan: references.py collects the ids, this module reads the
entries against them (about.py is the one reading of an entry's form)."""

from __future__ import annotations

from typing import Any

from movekit.about import split
from movekit.findings import Path, Problem
from movekit.idsets import Collection, Collections, names_in, unknown
from movekit.modeltypes import ABOUT_KINDS
from movekit.suggest import closest, is_slug
from movekit.wrongkind import wrong_kind

IN_JOURNEYS = ("stage", "call to action")
"""The kinds named as JOURNEY/ID, never as KIND:ID."""
_IN_JOURNEY_WORDS = {"stage", "stages", "cta", "ctas", "ask", "asks", "call-to-action"}

_EVERY_KIND_HINT = (
    "Use the id of an outcome, measure, audience, channel, journey, target, mechanism, "
    "phase, stakeholder, argument, message or activity, or JOURNEY/ID for a stage or a "
    "call to action"
)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


class AboutChecker:
    """Reads `about` entries against the ids references.py collected."""

    def __init__(self, collections: Collections, problems: list[Problem], follow_ons: set[Path]):
        self.collections = collections
        self.problems = problems
        self.follow_ons = follow_ons

    def resolve(self, value: Any, path: Path) -> None:
        """MK005 for each entry of an `about` value that names nothing or several items."""
        for suffix, name in names_in(value):
            if not _well_formed(name):
                continue  # the schema check says how to write it
            problem = self._about(name, (*path, *suffix))
            if problem is not None:
                self.problems.append(problem)

    def _collection(self, kind: str, scope: Path = ()) -> Collection:
        return self.collections.get((kind, scope)) or Collection(kind)

    def _about(self, name: str, path: Path) -> Problem | None:
        kind, journey, item_id = split(name)
        if journey is not None:
            return self._in_journey(name, journey, item_id, path)
        if kind is None:
            return self._one_of(list(ABOUT_KINDS), name, item_id, path)
        if kind in _IN_JOURNEY_WORDS:
            return self._stage_or_ask_by_kind(kind, item_id, path)
        if kind not in ABOUT_KINDS:
            message = f"'{kind}' is not a kind of item that about can name"
            close = closest(kind, list(ABOUT_KINDS))
            if close is not None:
                message += f": did you mean '{close[0]}:{item_id}'?"
            hint = f"Write KIND:ID with one of these kinds: {', '.join(ABOUT_KINDS)}"
            return Problem(message, path, hint, at_value=True, code="MK005")
        return self._one_of([kind], name, item_id, path)

    def _one_of(self, kinds: list[str], name: str, item_id: str, path: Path) -> Problem | None:
        """MK005 unless exactly one collection of `kinds` has `item_id`."""
        collections = [self._collection(kind) for kind in kinds]
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
            return self._not_that_kind(kinds[0], item_id, path)
        everything = {i: c.kind for c in reversed(collections) for i in c.ids}
        message = f"'{name}' names nothing in the plan"
        close = closest(item_id, list(everything))
        if close is not None:
            message += f": did you mean '{close[0]}' ({_a(everything[close[0]])})?"
        return Problem(message, path, _EVERY_KIND_HINT, at_value=True, code="MK005")

    def _not_that_kind(self, kind: str, item_id: str, path: Path) -> Problem:
        """MK005 for KIND:ID where no `kind` has the id: an item of another kind may."""
        others = [k for k in ABOUT_KINDS if k != kind and item_id in self._collection(k).ids]
        if not others:
            return unknown(item_id, self._collection(kind), None, path)
        message = (
            f"{kind.capitalize()} '{item_id}' does not exist, but '{item_id}' is {_a(others[0])}:"
            f" did you mean '{others[0]}:{item_id}'?"
        )
        hint = f"Write the kind of the item before its id: '{others[0]}:{item_id}'"
        return Problem(message, path, hint, at_value=True, code="MK005")

    def _stage_or_ask_by_kind(self, kind: str, item_id: str, path: Path) -> Problem:
        """MK005 for `stage:ID` and the like: stages and asks are named within a journey."""
        journeys = [
            journey
            for journey, id_path in sorted(self._collection("journey").ids.items())
            if any(item_id in self._collection(k, id_path[:-1]).ids for k in IN_JOURNEYS)
        ]
        message = f"A {'call to action' if kind != 'stage' else 'stage'} is named with its journey"
        if journeys:
            message += f": did you mean '{journeys[0]}/{item_id}'?"
        hint = "Write JOURNEY/ID, such as 'parents-journey/walk', for a stage or a call to action"
        return Problem(message, path, hint, at_value=True, code="MK005")

    def _in_journey(self, name: str, journey: str, item_id: str, path: Path) -> Problem | None:
        """MK005 unless `journey` has exactly one stage or call to action `item_id`."""
        journeys = self._collection("journey")
        if journey not in journeys.ids:
            if journey in journeys.broken:
                self.follow_ons.add(path)
                return None
            if journeys.incomplete:
                return None
            elsewhere = wrong_kind(journey, journeys, self.collections, {})
            return unknown(journey, journeys, None, path, elsewhere)
        parts = [self._collection(kind, journeys.ids[journey][:-1]) for kind in IN_JOURNEYS]
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
