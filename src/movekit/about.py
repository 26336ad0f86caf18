"""What an assumption's or a risk's `about` names: the one reading of `ID`, `KIND:ID` and
`JOURNEY/ID` (docs/plan-format.md, "Additions in movekit 0.2").

`split` reads an entry's form; references.py reports the entries that name nothing or
more than one thing (MK005) on the raw plan, and `Index` finds the items of a valid plan
for rules, `status` and `render`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from movekit.findings import Path
from movekit.model import Cta, Journey, Plan, Stage
from movekit.modeltypes import ABOUT_KINDS


class Entry(NamedTuple):
    """One `about` entry, split: `kind` for `KIND:ID`, `journey` for `JOURNEY/ID`."""

    kind: str | None
    journey: str | None
    id: str


def split(entry: str) -> Entry:
    """`outcome:policy` -> (outcome, None, policy); `walkers/walk` -> (None, walkers, walk)."""
    head, colon, tail = entry.partition(":")
    if colon:
        return Entry(head, None, tail)
    journey, slash, rest = entry.partition("/")
    return Entry(None, journey, rest) if slash else Entry(None, None, entry)


@dataclass(frozen=True)
class Named:
    """An item an `about` entry names: its kind (`stage`, `call to action` or a key of
    ABOUT_KINDS), its id, where it is, and for a stage or an ask its journey and stage."""

    kind: str
    id: str
    path: Path
    journey: Journey | None = None
    stage: Stage | None = None
    cta: Cta | None = None


class Index:
    """Every item of a valid plan that `about` can name, by kind and id."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def by_kind(self) -> dict[str, dict[str, Named]]:
        plan = self.plan
        found: dict[str, dict[str, Named]] = defaultdict(dict)

        def add(kind: str, item_id: str | None, path: Path) -> None:
            if item_id is not None:
                found[kind].setdefault(item_id, Named(kind, item_id, path))

        for i, outcome in enumerate(plan.outcomes):
            add("outcome", outcome.id, ("outcomes", i))
            for j, measure in enumerate(outcome.measures):
                add("measure", measure.id, ("outcomes", i, "measures", j))
        for i, audience in enumerate(plan.audiences):
            add("audience", audience.id, ("audiences", i))
        for i, channel in enumerate(plan.channels or []):
            add("channel", channel.id, ("channels", i))
        for i, journey in enumerate(plan.journeys):
            add("journey", journey.id, ("journeys", i))
        for i, target in enumerate(plan.targets):
            add("target", target.id, ("targets", i))
        for i, mechanism in enumerate(plan.community):
            add("mechanism", mechanism.id, ("community", i))
        for i, phase in enumerate(plan.phases):
            add("phase", phase.id, ("phases", i))
        for i, stakeholder in enumerate(plan.stakeholders):
            add("stakeholder", stakeholder.id, ("stakeholders", i))
            for j, argument in enumerate(stakeholder.arguments):
                add("argument", argument.id, ("stakeholders", i, "arguments", j))
        for i, message in enumerate(plan.messages):
            add("message", message.id, ("messages", i))
        for i, activity in enumerate(plan.activities):
            add("activity", activity.id, ("activities", i))
        return dict(found)

    @cached_property
    def in_journeys(self) -> dict[tuple[str, str], list[Named]]:
        """Stages and asks by (journey id, their id): more than one when ids clash."""
        found: dict[tuple[str, str], list[Named]] = defaultdict(list)
        for i, journey in enumerate(self.plan.journeys):
            for j, stage in enumerate(journey.stages):
                path: Path = ("journeys", i, "stages", j)
                if stage.id is not None:
                    found[journey.id, stage.id].append(
                        Named("stage", stage.id, path, journey, stage)
                    )
                for k, cta in enumerate(stage.ctas):
                    if cta.id is not None:
                        found[journey.id, cta.id].append(
                            Named("call to action", cta.id, (*path, "ctas", k), journey, stage, cta)
                        )
        return dict(found)

    def named(self, entry: str) -> Named | None:
        """The one item `entry` names, or None (references.py reports why)."""
        kind, journey, item_id = split(entry)
        if journey is not None:
            matches = self.in_journeys.get((journey, item_id), [])
            return matches[0] if len(matches) == 1 else None
        if kind is not None:
            return self.by_kind.get(kind, {}).get(item_id) if kind in ABOUT_KINDS else None
        matches = [items[item_id] for items in self.by_kind.values() if item_id in items]
        return matches[0] if len(matches) == 1 else None

    def all_named(self, entries: list[str]) -> list[Named]:
        """The items a list of entries names, in order, leaving out what names nothing."""
        return [named for named in map(self.named, entries) if named is not None]


def measures_of(named: Named, plan: Plan) -> list[str]:
    """The ids of an item's measures, as rules.md fixes them for MK806 and `status`: a
    measure is itself, an outcome has its measures, an ask its `measure`, a stage its asks'
    measures, a journey its asks' measures (not its outcomes'); other kinds have none."""
    if named.kind == "measure":
        return [named.id]
    if named.kind == "outcome":
        return [measure.id for measure in plan.outcomes[_place(named.path)].measures]
    if named.kind == "call to action" and named.cta is not None:
        ctas = [named.cta]
    elif named.kind == "stage" and named.stage is not None:
        ctas = named.stage.ctas
    elif named.kind == "journey":
        ctas = [cta for stage in plan.journeys[_place(named.path)].stages for cta in stage.ctas]
    else:
        return []
    return [cta.measure for cta in ctas if cta.measure is not None]


def _place(path: Path) -> int:
    """An item's place in its top-level list: `outcomes[2]` -> 2."""
    place = path[1]
    assert isinstance(place, int)
    return place
