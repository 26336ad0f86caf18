"""The models of what the team does and says, who stands with or against it, and what it
spends: activities, messages, stakeholders and spend (the plan format's additions for real
plans, movekit 0.2; docs/plan-format.md). model.py's Plan holds them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from movekit.modelbase import Section
from movekit.modeltypes import (
    About,
    Date,
    Dates,
    Empty,
    Id,
    IdList,
    IdOf,
    NamesAnything,
    Number,
    RefersTo,
    Texts,
)

Stance = Literal["ally", "neutral", "opponent"]
STANCES = ("ally", "neutral", "opponent")
"""Where a stakeholder stands, from with you to against you (as the power map reads them)."""


class Activity(Section):
    """Something the campaign team does itself: a press pitch, a report, a lobby meeting."""

    id: Annotated[Id, IdOf("activity")] = Field(description="Unique id of the activity.")
    what: str = Field(description="What the team does, in one line.")
    date: Dates = Field(
        None, description="The day or days it happens, or the month (YYYY-MM-DD or YYYY-MM)."
    )
    phase: Annotated[Id | None, RefersTo("phase")] = Field(
        None, description="Id of the phase it happens in, when it has no date yet."
    )
    owner: str | None = Field(None, description="Who does it (a person or team).")
    channels: Annotated[IdList, RefersTo("channel", if_listed=True)] = Field(
        [], description="Channel ids it uses."
    )
    serves: Annotated[About, NamesAnything()] = Field(
        [],
        description=(
            "What it serves: ids of outcomes, targets, audiences or anything else in the "
            "plan (KIND:ID when an id is used twice)."
        ),
    )
    budget: Number | None = Field(None, description="What it is expected to cost.")


class Argument(Section):
    """Something a stakeholder says, in their words, that your messages may need to answer."""

    id: Annotated[Id, IdOf("argument")] = Field(
        description="Unique id of the argument across all stakeholders."
    )
    says: str = Field(description="The argument, as they put it.")


class Stakeholder(Section):
    """An organisation or group that is not a decision-maker but stands with or against you."""

    id: Annotated[Id, IdOf("stakeholder")] = Field(description="Unique id of the stakeholder.")
    name: str = Field(description="Who they are: 'Landlords' Association of the City'.")
    stance: Stance = Field(description="ally, neutral or opponent.")
    interests: Texts = Field([], description="What they want, or fear losing.")
    arguments: Annotated[list[Argument], Empty] = Field(
        [], description="What they say about your campaign."
    )
    audiences: Annotated[IdList, RefersTo("audience")] = Field(
        [], description="Ids of the audiences they reach or organise."
    )
    owner: str | None = Field(None, description="Who keeps in touch with them.")


class Message(Section):
    """What you say: a core message for an audience, or an answer to an opponent."""

    id: Annotated[Id, IdOf("message")] = Field(description="Unique id of the message.")
    text: str = Field(description="The message, in the words you will use.")
    audiences: Annotated[IdList, RefersTo("audience")] = Field(
        [], description="Ids of the audiences it is for (none: everyone)."
    )
    answers: Annotated[IdList, RefersTo("argument")] = Field(
        [], description="Ids of the arguments it answers: a counter-message."
    )
    owner: str | None = Field(None, description="Who looks after this message.")


class Spend(Section):
    """Money spent on a date, recorded like a result."""

    date: Date = Field(description="When it was spent (or the month).")
    amount: Number = Field(description="How much, in the campaign's currency.")
    for_: Annotated[About, NamesAnything()] = Field(
        [],
        alias="for",
        description="What it was spent on: the id of an activity, a mechanism or anything else.",
    )
    note: str | None = Field(None, description="What it was, in a few words.")
