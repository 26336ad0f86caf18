"""The team's own work on the document's timeline: dated activities by date, undated ones
under their phase, each with its owner and what it serves (in words)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from movekit.about import Index
from movekit.model import Plan
from movekit.modelwork import Activity
from movekit.render.named import named_words


@dataclass(frozen=True)
class ActivityRow:
    """One activity: what the team does, when, who does it, and what it serves."""

    id: str
    what: str
    dates: tuple[dt.date, ...]
    phase: str | None
    """The name of its phase, when the plan gives one."""
    owner: str | None
    serves: list[str]
    """What it serves, in words: outcome titles, target and audience names."""
    channels: list[str]


@dataclass(frozen=True)
class PhaseActivities:
    """The undated activities of one phase (`phase` None: neither dated nor in a phase)."""

    phase: str | None
    activities: list[ActivityRow]


@dataclass(frozen=True)
class Activities:
    """Dated activities in date order, then the undated ones by phase."""

    dated: list[ActivityRow]
    undated: list[PhaseActivities]

    def __bool__(self) -> bool:
        return bool(self.dated or self.undated)

    @property
    def marks(self) -> list[tuple[dt.date, str]]:
        """Every date of every dated activity, with what happens: the timeline's marks."""
        return sorted((day, row.what) for row in self.dated for day in row.dates)


def activities(plan: Plan) -> Activities:
    """The plan's activities; empty when it has none."""
    index = Index(plan)
    phases = {phase.id: phase.name for phase in plan.phases}
    rows = [_row(index, phases, activity) for activity in plan.activities]
    dated = sorted((row for row in rows if row.dates), key=lambda row: min(row.dates))
    undated: list[PhaseActivities] = []
    order = [*(phase.name for phase in plan.phases), None]
    for name in dict.fromkeys([*order, *(row.phase for row in rows)]):
        found = [row for row in rows if not row.dates and row.phase == name]
        if found:
            undated.append(PhaseActivities(name, found))
    return Activities(dated, undated)


def _row(index: Index, phases: dict[str, str], activity: Activity) -> ActivityRow:
    phase = None if activity.phase is None else phases.get(activity.phase, activity.phase)
    return ActivityRow(
        id=activity.id,
        what=activity.what,
        dates=tuple(activity.date or ()),
        phase=phase,
        owner=activity.owner,
        serves=named_words(index, activity.serves),
        channels=list(activity.channels),
    )
