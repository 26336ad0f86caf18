"""The "Who decides" section: each decision-maker, your power over them, and who moves them.

Plain data, as in document.py: the power map (powermap.py), its Mermaid twin (mermaid.py)
and the templates read it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from movekit.model import POSITIONS, Plan, Target
from movekit.render.formatting import stage_name
from movekit.render.stakeholders import StakeholderRow, stakeholder_rows

ROLES = ("primary", "secondary")
"""The power map's rows, top first: who can grant the outcome, then who has power over them."""


@dataclass(frozen=True)
class AimedAsk:
    """A call to action that puts pressure on a target."""

    ask: str
    mode: str
    journey: str
    """The journey's id."""
    stage: str
    """The stage's name (else its id, else `stage N`)."""
    date: dt.date | None
    """The ask's first date, for templates written before asks had several."""
    dates: tuple[dt.date, ...] = ()
    """Every date of the ask, in the plan's order."""


@dataclass(frozen=True)
class TargetRow:
    """A decision-maker: where they stand, your power over them, and what moves them."""

    number: int
    """From 1, in the plan's order: the number on the power map's dot."""
    id: str
    name: str
    role: str
    """primary or secondary."""
    position: str | None
    """supports, undecided, opposes or unknown; None when the plan does not say."""
    power: str | None
    owner: str | None
    audiences: list[str]
    """Names of the audiences who can move them."""
    asks: list[AimedAsk]
    outcomes: list[str]
    """Titles of the outcomes they must decide."""

    @property
    def placed(self) -> str:
        """The power map's column: the position, `unknown` when the plan does not say."""
        return self.position or "unknown"


@dataclass(frozen=True)
class WhoDecides:
    """Every target, and the power map's axes (positions from opposes to supports)."""

    targets: list[TargetRow]
    positions: tuple[str, ...] = POSITIONS
    roles: tuple[str, ...] = ROLES
    stakeholders: list[StakeholderRow] = field(default_factory=list)
    """Allies, neutrals and opponents beside the decision-makers (`stakeholders`)."""

    def __bool__(self) -> bool:
        """True when the section shows: the plan has targets or stakeholders."""
        return bool(self.targets or self.stakeholders)


def position_heading(position: str) -> str:
    """A power map column's heading: `Opposes`, ..., and `Not known` for `unknown`."""
    return "Not known" if position == "unknown" else position.capitalize()


def who_decides(plan: Plan) -> WhoDecides:
    """The targets in plan order; an empty list when the plan has none."""
    if not plan.targets:
        return WhoDecides([], stakeholders=stakeholder_rows(plan))
    names = {audience.id: audience.name for audience in plan.audiences}
    decides: dict[str, list[str]] = defaultdict(list)
    for outcome in plan.outcomes:
        for target_id in dict.fromkeys(outcome.targets):
            decides[target_id].append(outcome.title)
    asks = _asks(plan)
    return WhoDecides(
        [
            _target(target, number, names, asks.get(target.id, []), decides.get(target.id, []))
            for number, target in enumerate(plan.targets, start=1)
        ],
        stakeholders=stakeholder_rows(plan),
    )


def _target(
    target: Target,
    number: int,
    names: dict[str, str],
    asks: list[AimedAsk],
    outcomes: list[str],
) -> TargetRow:
    return TargetRow(
        number=number,
        id=target.id,
        name=target.name,
        role=target.role,
        position=target.position,
        power=target.power,
        owner=target.owner,
        audiences=[names.get(audience, audience) for audience in target.audiences],
        asks=asks,
        outcomes=outcomes,
    )


def _asks(plan: Plan) -> dict[str, list[AimedAsk]]:
    """The calls to action aimed at each target, by the target's id, in plan order."""
    found: dict[str, list[AimedAsk]] = defaultdict(list)
    for journey in plan.journeys:
        for index, stage in enumerate(journey.stages):
            for cta in stage.ctas:
                if cta.target is not None:
                    name = stage_name(stage, index)
                    found[cta.target].append(
                        AimedAsk(
                            cta.ask,
                            cta.mode,
                            journey.id,
                            name,
                            cta.date[0] if cta.date else None,
                            tuple(cta.date or ()),
                        )
                    )
    return found


def target_names(plan: Plan) -> dict[str, str]:
    """Target id -> name, for asks and outcomes that name a target."""
    return {target.id: target.name for target in plan.targets}
