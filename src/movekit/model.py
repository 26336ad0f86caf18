"""Pydantic models of the plan format, version 1 (see docs/plan-format.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from movekit.measuretypes import (
    MEASURE_SCHEMA_RULES,
    CountText,
    Done,
    MeasureKind,
    PlannedBaseline,
    PlannedTarget,
)
from movekit.modelbase import Section as Section
from movekit.modelpower import POSITIONS as POSITIONS
from movekit.modelpower import RATINGS as RATINGS
from movekit.modelpower import Assumption as Assumption
from movekit.modelpower import Risk as Risk
from movekit.modelpower import Target as Target
from movekit.modeltypes import LARGEST_NUMBER as LARGEST_NUMBER
from movekit.modeltypes import (
    Date,
    Dates,
    Empty,
    IdList,
    IdOf,
    RefersTo,
    StartDate,
    Texts,
)
from movekit.modeltypes import Id as Id
from movekit.modeltypes import Number as Number
from movekit.modelwork import STANCES as STANCES
from movekit.modelwork import Activity as Activity
from movekit.modelwork import Argument as Argument
from movekit.modelwork import Message as Message
from movekit.modelwork import Spend as Spend
from movekit.modelwork import Stakeholder as Stakeholder

LEVELS = ("awareness", "engagement", "action", "ownership")
"""The ladder from a moment to a movement, lowest rung first."""

Level = Literal["awareness", "engagement", "action", "ownership"]
Mode = Literal["online", "offline", "direct"]
"""direct: a call, a letter, an email or a meeting with a decision-maker (neither online nor
on the ground: the online-to-offline rules neither require nor count it)."""
OutcomeType = Literal["awareness", "attitude", "behaviour", "support", "policy"]
MechanismKind = Literal["create", "contribute", "organise", "fund", "decide"]


class Campaign(Section):
    """What the campaign is and the final real-world goal it works towards."""

    name: str = Field(description="The campaign's name, as supporters know it.")
    goal: str = Field(description="The final real-world goal: what will have changed.")
    summary: str | None = Field(None, description="One or two sentences for a newcomer.")
    owner: str | None = Field(None, description="The team or organisation that runs it.")
    starts: StartDate | None = Field(
        None, description="First day of the campaign (YYYY-MM-DD, or YYYY-MM for its first day)."
    )
    ends: Date | None = Field(
        None, description="Last day of the campaign (YYYY-MM-DD, or YYYY-MM for its last day)."
    )
    review_cadence: str | None = Field(
        None,
        alias="review-cadence",
        description="When reviews happen, if by rhythm not dates: 'at every board meeting'.",
    )
    budget: Number | None = Field(None, description="The campaign's whole budget.")
    currency: str | None = Field(
        None, description="The currency of every amount in the plan: 'GBP', 'EUR', '$'."
    )


class Measure(Section):
    """How you will know an outcome is happening: a metric with a baseline and a target."""

    model_config = ConfigDict(json_schema_extra=MEASURE_SCHEMA_RULES)

    id: Annotated[Id, IdOf("measure")] = Field(
        description="Unique id of the measure across all outcomes."
    )
    metric: str = Field(description="What is counted, in plain words.")
    kind: MeasureKind | None = Field(
        None, description="count (a number; the default) or milestone (done or not)."
    )
    unit: CountText | None = Field(None, description="The unit of the count, such as 'parents'.")
    baseline: PlannedBaseline | None = Field(
        None, description="The value when the campaign starts, or tbd (establish it first)."
    )
    target: PlannedTarget | None = Field(
        None, description="The value that means success, tbd, or a change such as '+30%'."
    )
    due: Date | None = Field(None, description="When the target should be reached.")
    done: Done | None = Field(None, description="A milestone: the date it happened.")
    source: str | None = Field(None, description="Where the numbers come from.")
    owner: str | None = Field(None, description="Who collects the numbers (a person or team).")
    tracked_in: str | None = Field(
        None,
        alias="tracked-in",
        description="Where the results are kept when not in this plan: 'Mailchimp dashboard'.",
    )


class Outcome(Section):
    """A desired outcome: a change that moves the campaign towards its goal."""

    id: Annotated[Id, IdOf("outcome")] = Field(description="Unique id of the outcome.")
    title: str = Field(description="The change you want, in one line.")
    type: OutcomeType = Field(description="awareness, attitude, behaviour, support or policy.")
    measures: Annotated[list[Measure], Empty] = Field(
        [], description="How you will measure this outcome."
    )
    owner: str | None = Field(None, description="Who is accountable for this outcome.")
    targets: Annotated[IdList, RefersTo("target")] = Field(
        [], description="Ids of the decision-makers who must decide for this outcome to happen."
    )


class Audience(Section):
    """A group of people you want to reach, and what moves them."""

    id: Annotated[Id, IdOf("audience")] = Field(description="Unique id of the audience.")
    name: str = Field(description="Who they are, in plain words.")
    size: Number | None = Field(None, description="An estimate of how many people.")
    motivations: Texts = Field([], description="What is likely to motivate them.")
    barriers: Texts = Field([], description="What stops them from acting.")
    channels: Annotated[IdList, RefersTo("channel", if_listed=True)] = Field(
        [], description="Channel ids where they can be reached."
    )


class Channel(Section):
    """A channel the campaign uses, online or on the ground."""

    id: Annotated[Id, IdOf("channel")] = Field(description="Unique id of the channel.")
    name: str | None = Field(
        None, description="Its name as readers know it: 'School gate conversations'."
    )
    mode: Mode = Field(
        description="online, offline (on the ground) or direct (calls, letters, meetings)."
    )
    owner: str | None = Field(None, description="Who runs this channel.")
    partner: str | None = Field(
        None, description="The other organisation that runs it: 'Tenants' Union newsletter'."
    )


class Cta(Section):
    """A call to action: the one thing you ask people to do at a stage."""

    id: Annotated[Id | None, IdOf("call to action", within="journey")] = Field(
        None, description="Id of the ask, unique within its journey."
    )
    ask: str = Field(description="The ask, in the words you will use.")
    mode: Mode = Field(
        description="online, offline (on the ground) or direct (a call, letter or meeting)."
    )
    measure: Annotated[Id | None, RefersTo("measure")] = Field(
        None, description="Id of the measure that counts responses."
    )
    owner: str | None = Field(None, description="Who runs this ask (a person or team).")
    date: Dates = Field(
        None,
        description="The day or days of a dated ask: an event, a deadline, a vote (YYYY-MM-DD).",
    )
    target: Annotated[Id | None, RefersTo("target")] = Field(
        None, description="Id of the decision-maker this ask puts pressure on."
    )


class Stage(Section):
    """One step of a journey, from the first message to the final goal."""

    id: Annotated[Id | None, IdOf("stage", within="journey")] = Field(
        None, description="Id of the stage, unique within its journey."
    )
    name: str | None = Field(None, description="What the person does or feels at this stage.")
    level: Level = Field(description="awareness, engagement, action or ownership.")
    phase: Annotated[Id | None, RefersTo("phase")] = Field(
        None, description="Id of the phase in which this stage's asks run."
    )
    content: Texts = Field([], description="The best types of content for this stage.")
    channels: Annotated[IdList, RefersTo("channel", if_listed=True)] = Field(
        [], description="Channel ids used at this stage."
    )
    ctas: Annotated[list[Cta], Empty] = Field([], description="The calls to action for this stage.")


class Journey(Section):
    """The path one audience takes from a first message to the final goal."""

    id: Annotated[Id, IdOf("journey")] = Field(description="Unique id of the journey.")
    audience: Annotated[Id, RefersTo("audience")] = Field(
        description="Id of the audience who takes this journey."
    )
    outcomes: Annotated[IdList, RefersTo("outcome")] = Field(
        [], description="Ids of the outcomes this journey drives."
    )
    stages: Annotated[list[Stage], Empty] = Field(description="The stages, in order.")
    owner: str | None = Field(None, description="Who looks after this journey.")


class Bridge(Section):
    """A deliberate link from an online ask to action on the ground."""

    id: Annotated[Id | None, IdOf("bridge")] = Field(None, description="Unique id of the bridge.")
    journey: Annotated[Id, RefersTo("journey")] = Field(
        description="Id of the journey the bridge belongs to."
    )
    from_: Annotated[Id, RefersTo("stage", of="journey")] = Field(
        alias="from", description="Id of the online stage it starts from."
    )
    to: Annotated[Id, RefersTo("stage", of="journey")] = Field(
        description="Id of the later, on-the-ground stage it leads to."
    )
    how: str | None = Field(None, description="How people are moved across.")


class Mechanism(Section):
    """A way for the community to create, contribute, organise, fund or decide."""

    id: Annotated[Id, IdOf("mechanism")] = Field(description="Unique id of the mechanism.")
    name: str = Field(description="Its name, as participants know it.")
    kind: MechanismKind = Field(description="create, contribute, organise, fund or decide.")
    audiences: Annotated[IdList, RefersTo("audience")] = Field(
        [], description="Ids of the audiences it is for."
    )
    description: str | None = Field(None, description="How it works, in a sentence or two.")
    tools: Texts = Field([], description="Tools or kits you offer to make it possible.")
    owner: str | None = Field(None, description="Who supports the people who run it.")
    budget: Number | None = Field(None, description="What it is expected to cost.")
    stakeholders: Annotated[IdList, RefersTo("stakeholder")] = Field(
        [], description="Ids of the allies it serves (a coalition's member groups)."
    )


class Phase(Section):
    """A period of the campaign that ends with a review."""

    id: Annotated[Id, IdOf("phase")] = Field(description="Unique id of the phase.")
    name: str = Field(description="The phase's name.")
    starts: StartDate | None = Field(None, description="First day of the phase.")
    ends: Date | None = Field(None, description="Last day of the phase.")
    review: Date | None = Field(None, description="When this phase's effectiveness is analysed.")
    owner: str | None = Field(None, description="Who leads this phase.")


class Review(Section):
    """What a review found and what the team changed because of it."""

    phase: Annotated[Id, RefersTo("phase")] = Field(description="Id of the phase reviewed.")
    date: Date = Field(description="When the review took place.")
    learned: str | None = Field(None, description="What worked and what did not.")
    changes: str | None = Field(None, description="What you changed as a result.")


class Result(Section):
    """A measured value of a measure on a date."""

    measure: Annotated[Id, RefersTo("measure")] = Field(description="Id of the measure.")
    date: Date = Field(description="When the value was measured.")
    value: Number = Field(description="The measured value.")


class Plan(Section):
    """A movekit campaign plan, format version 1."""

    movekit: Literal[1] = Field(description="The plan format version: 1.")
    campaign: Campaign = Field(description="The campaign and its final goal.")
    outcomes: Annotated[list[Outcome], Empty] = Field(
        min_length=1, description="The desired outcomes."
    )
    audiences: Annotated[list[Audience], Empty] = Field(
        min_length=1, description="Who you want to reach."
    )
    channels: list[Channel] | None = Field(
        None, description="Declared channels; when present, every channel used must be here."
    )
    targets: Annotated[list[Target], Empty] = Field(
        [], description="Decision-makers: the people who can grant your outcomes."
    )
    stakeholders: Annotated[list[Stakeholder], Empty] = Field(
        [], description="Allies, neutrals and opponents who are not decision-makers."
    )
    messages: Annotated[list[Message], Empty] = Field(
        [], description="Core messages per audience, and answers to opponents' arguments."
    )
    journeys: Annotated[list[Journey], Empty] = Field(
        [], description="One journey per audience (at least)."
    )
    bridges: Annotated[list[Bridge], Empty] = Field(
        [], description="Links from online asks to offline action."
    )
    community: Annotated[list[Mechanism], Empty] = Field(
        [], description="Ways the community owns the campaign."
    )
    activities: Annotated[list[Activity], Empty] = Field(
        [], description="What the campaign team does itself, and when."
    )
    phases: Annotated[list[Phase], Empty] = Field(
        [], description="Periods of the campaign, each with a review."
    )
    assumptions: Annotated[list[Assumption], Empty] = Field(
        [], description="What must hold for the plan to work."
    )
    risks: Annotated[list[Risk], Empty] = Field(
        [], description="What could go wrong, and what you do about it."
    )
    reviews: Annotated[list[Review], Empty] = Field(
        [], description="What each review learned and changed."
    )
    results: Annotated[list[Result], Empty] = Field([], description="Measured values over time.")
    spend: Annotated[list[Spend], Empty] = Field([], description="Money spent, as it is spent.")
