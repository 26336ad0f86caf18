"""The models of who decides and what must hold: targets, assumptions and risks (the plan
format's additions of movekit 0.2; docs/plan-format.md). model.py's Plan holds them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from movekit.modelbase import Section
from movekit.modeltypes import About, Date, Id, IdList, IdOf, NamesAnything, RefersTo

TargetRole = Literal["primary", "secondary"]
Position = Literal["supports", "undecided", "opposes", "unknown"]
AssumptionStatus = Literal["untested", "holding", "under-strain", "broken"]
Rating = Literal["low", "medium", "high"]
RiskStatus = Literal["open", "mitigated", "accepted", "closed"]

POSITIONS = ("unknown", "opposes", "undecided", "supports")
"""A target's positions as the power map draws them: not known yet, then from opposes to
supports."""
RATINGS = ("low", "medium", "high")
LIVE_RISKS = ("open", "accepted")
"""Risk statuses still to be watched (mitigated and closed ones are dealt with)."""


class Target(Section):
    """A decision-maker: a person who can grant an outcome, and your power over them."""

    id: Annotated[Id, IdOf("target")] = Field(description="Unique id of the target.")
    name: str = Field(
        description="A person, with their role (not an institution): 'Cllr Jane Ward, Leader'."
    )
    role: TargetRole = Field(
        description="primary (can grant the outcome) or secondary (has power over a primary)."
    )
    position: Position | None = Field(
        None, description="Where they stand today: supports, undecided, opposes or unknown."
    )
    power: str | None = Field(None, description="The power you have over them, in plain words.")
    audiences: Annotated[IdList, RefersTo("audience")] = Field(
        [], description="Ids of the audiences who can move this target."
    )
    owner: str | None = Field(None, description="Who leads the work on this target.")


class Assumption(Section):
    """Something that must hold for the plan to work, and how you will know it does."""

    id: Annotated[Id, IdOf("assumption")] = Field(description="Unique id of the assumption.")
    text: str = Field(description="What must hold, in one sentence.")
    about: Annotated[About, NamesAnything()] = Field(
        [],
        description=(
            "What it is about: ids in the plan, JOURNEY/ID for a stage or an ask, "
            "KIND:ID when an id is used twice."
        ),
    )
    evidence: str | None = Field(None, description="What you know so far, and from where.")
    status: AssumptionStatus | None = Field(
        None, description="untested (the default), holding, under-strain or broken."
    )
    test_by: Date | None = Field(
        None, alias="test-by", description="When you will know whether it holds (day or month)."
    )

    @property
    def current_status(self) -> AssumptionStatus:
        """The status, `untested` when the plan gives none (as MK805, status and render read it)."""
        return self.status or "untested"

    def test_overdue(self, today: dt.date) -> bool:
        """Still untested after its test-by date (strictly before today: MK805)."""
        return self.current_status == "untested" and _before(self.test_by, today)


class Risk(Section):
    """Something that could go wrong, how likely and how bad, and what you do about it."""

    id: Annotated[Id, IdOf("risk")] = Field(description="Unique id of the risk.")
    risk: str = Field(description="What could go wrong, in one sentence.")
    about: Annotated[About, NamesAnything()] = Field(
        [],
        description=(
            "What it is about: ids in the plan, JOURNEY/ID for a stage or an ask, "
            "KIND:ID when an id is used twice."
        ),
    )
    likelihood: Rating | None = Field(None, description="low, medium or high.")
    impact: Rating | None = Field(None, description="low, medium or high.")
    mitigation: str | None = Field(
        None, description="What you do to make it less likely or less bad."
    )
    owner: str | None = Field(None, description="Who watches this risk.")
    status: RiskStatus | None = Field(
        None, description="open (the default), mitigated, accepted or closed."
    )
    review_by: Date | None = Field(
        None, alias="review-by", description="When you will review this risk (day or month)."
    )

    @property
    def current_status(self) -> RiskStatus:
        """The status, `open` when the plan gives none (as MK808, status and render read it)."""
        return self.status or "open"

    @property
    def live(self) -> bool:
        """Open or accepted: a risk that can still hurt the campaign and is watched."""
        return self.current_status in LIVE_RISKS

    def review_overdue(self, today: dt.date) -> bool:
        """Live and past its review-by date (strictly before today: MK808)."""
        return self.live and _before(self.review_by, today)


def _before(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day < today
