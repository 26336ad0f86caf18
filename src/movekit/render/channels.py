"""The channel plan: which channel carries which journey stage, rung by rung of the ladder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from movekit.model import LEVELS, Plan
from movekit.render.formatting import stage_name
from movekit.render.names import channel_name, journey_names


@dataclass(frozen=True)
class ChannelRef:
    """A channel by id, with its mode, owner and partner when the plan declares it."""

    id: str
    mode: str | None
    owner: str | None
    partner: str | None = None
    """The other organisation that runs it: shown as "run by PARTNER"."""
    name: str = ""
    """What the document calls it: its `name`, else its id made readable (`School gate`)."""


@dataclass(frozen=True)
class ChannelUse:
    """A journey stage that uses a channel."""

    journey: str
    stage_number: int
    stage: str
    journey_name: str = ""
    """What the document calls the journey: its audience's name."""


@dataclass(frozen=True)
class ChannelRow:
    """One channel and its stages, one cell per level of the ladder (in LEVELS order)."""

    channel: ChannelRef
    cells: list[list[ChannelUse]]


@dataclass(frozen=True)
class ActivityChannel:
    """A channel that only the team's activities use, and what they are."""

    channel: ChannelRef
    activities: list[str]
    """The activities' `what`."""


@dataclass(frozen=True)
class ChannelPlan:
    """Channels by level: the multi-channel coordination at a glance."""

    levels: tuple[str, ...]
    rows: list[ChannelRow]
    activities_only: list[ActivityChannel] = field(default_factory=list)
    """Channels no stage or audience uses, only the team's activities: listed under the
    table, not as empty rows (polish after review, issue 16)."""


def channel_refs(plan: Plan, ids: Iterable[str]) -> list[ChannelRef]:
    """The channels named by `ids`, with what the plan declares about them."""
    declared = {channel.id: channel for channel in plan.channels or ()}
    refs = []
    for channel_id in ids:
        channel = declared.get(channel_id)
        mode = None if channel is None else channel.mode
        owner = None if channel is None else channel.owner
        partner = None if channel is None else channel.partner
        name = channel_name(channel, channel_id)
        refs.append(ChannelRef(channel_id, mode, owner, partner, name))
    return refs


def _all_channel_ids(plan: Plan) -> list[str]:
    """Declared channels in order, then any used without a declaration, as first named."""
    ids = [channel.id for channel in plan.channels or ()]
    named = [c for audience in plan.audiences for c in audience.channels]
    named += [c for journey in plan.journeys for stage in journey.stages for c in stage.channels]
    for channel_id in named:
        if channel_id not in ids:
            ids.append(channel_id)
    return ids


def channel_plan(plan: Plan) -> ChannelPlan:
    """Every channel with the stages that use it, grouped by the stages' levels."""
    rows = []
    journeys = journey_names(plan)
    for ref in channel_refs(plan, _all_channel_ids(plan)):
        cells: list[list[ChannelUse]] = [[] for _ in LEVELS]
        for journey in plan.journeys:
            for index, stage in enumerate(journey.stages):
                if ref.id in stage.channels:
                    name = journeys[journey.id]
                    use = ChannelUse(journey.id, index + 1, stage_name(stage, index), name)
                    cells[LEVELS.index(stage.level)].append(use)
        rows.append(ChannelRow(ref, cells))
    by_activity = _activities_only(plan, [row for row in rows if not any(row.cells)])
    rows = [row for row in rows if row.channel.id not in {a.channel.id for a in by_activity}]
    return ChannelPlan(LEVELS, rows, by_activity)


def _activities_only(plan: Plan, empty: list[ChannelRow]) -> list[ActivityChannel]:
    """The empty rows' channels that no audience lists and some activity uses."""
    listed = {c for audience in plan.audiences for c in audience.channels}
    found = []
    for row in empty:
        uses = [a.what for a in plan.activities if row.channel.id in a.channels]
        if uses and row.channel.id not in listed:
            found.append(ActivityChannel(row.channel, uses))
    return found
