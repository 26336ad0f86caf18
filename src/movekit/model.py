"""Pydantic models of the plan format, version 1 (see docs/plan-format.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from movekit.modeltypes import LARGEST_NUMBER as LARGEST_NUMBER
from movekit.modeltypes import About, Date, Empty, IdList, IdOf, NamesAnything, RefersTo, Texts
from movekit.modeltypes import Id as Id
from movekit.modeltypes import Number as Number

LEVELS = ("awareness", "engagement", "action", "ownership")
"""The ladder from a moment to a movement, lowest rung first."""

Level = Literal["awareness", "engagement", "action", "ownership"]
Mode = Literal["online", "offline"]
OutcomeType = Literal["awareness", "attitude", "behaviour", "support", "policy"]
MechanismKind = Literal["create", "contribute", "organise", "fund", "decide"]
TargetRole = Literal["primary", "secondary"]
Position = Literal["supports", "undecided", "opposes", "unknown"]
AssumptionStatus = Literal["untested", "holding", "under-strain", "broken"]
Rating = Literal["low", "medium", "high"]
RiskStatus = Literal["open", "mitigated", "accepted", "closed"]

POSITIONS = ("unknown", "opposes", "undecided", "supports")
"""A target's positions as the power map draws them: not known yet, then from opposes to
supports."""
RATINGS = ("low", "medium", "high")


class Section(BaseModel):
    """Base of every mapping in a plan: unknown keys are errors (`x-` keys, the user's
    notes, are taken out before validation: validate.py, `without_notes`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Campaign(Section):
    """What the campaign is and the final real-world goal it works towards."""

    name: str = Field(description="The campaign's name, as supporters know it.")
    goal: str = Field(description="The final real-world goal: what will have changed.")
    summary: str | None = Field(None, description="One or two sentences for a newcomer.")
    owner: str | None = Field(None, description="The team or organisation that runs it.")
    starts: Date | None = Field(None, description="First day of the campaign (YYYY-MM-DD).")
    ends: Date | None = Field(None, description="Last day of the campaign (YYYY-MM-DD).")


class Measure(Section):
    """How you will know an outcome is happening: a metric with a baseline and a target."""

    id: Annotated[Id, IdOf("measure")] = Field(
        description="Unique id of the measure across all outcomes."
    )
    metric: str = Field(description="What is counted, in plain words.")
    unit: str | None = Field(None, description="The unit of the count, such as 'parents'.")
    baseline: Number | None = Field(None, description="The value when the campaign starts.")
    target: Number | None = Field(None, description="The value that means success.")
    due: Date | None = Field(None, description="When the target should be reached.")
    source: str | None = Field(None, description="Where the numbers come from.")
    owner: str | None = Field(None, description="Who collects the numbers (a person or team).")


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
    mode: Mode = Field(description="online or offline (on the ground).")
    owner: str | None = Field(None, description="Who runs this channel.")


class Cta(Section):
    """A call to action: the one thing you ask people to do at a stage."""

    id: Annotated[Id | None, IdOf("call to action", within="journey")] = Field(
        None, description="Id of the ask, unique within its journey."
    )
    ask: str = Field(description="The ask, in the words you will use.")
    mode: Mode = Field(description="online or offline (on the ground).")
    measure: Annotated[Id | None, RefersTo("measure")] = Field(
        None, description="Id of the measure that counts responses."
    )
    owner: str | None = Field(None, description="Who runs this ask (a person or team).")
    date: Date | None = Field(
        None, description="The day of a dated ask: an event, a deadline, a vote (YYYY-MM-DD)."
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


class Phase(Section):
    """A period of the campaign that ends with a review."""

    id: Annotated[Id, IdOf("phase")] = Field(description="Unique id of the phase.")
    name: str = Field(description="The phase's name.")
    starts: Date | None = Field(None, description="First day of the phase.")
    ends: Date | None = Field(None, description="Last day of the phase.")
    review: Date | None = Field(None, description="When this phase's effectiveness is analysed.")
    owner: str | None = Field(None, description="Who leads this phase.")


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
        None, alias="test-by", description="When you will know whether it holds (YYYY-MM-DD)."
    )


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
        None, alias="review-by", description="When you will look at this risk again (YYYY-MM-DD)."
    )


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
    journeys: Annotated[list[Journey], Empty] = Field(
        [], description="One journey per audience (at least)."
    )
    bridges: Annotated[list[Bridge], Empty] = Field(
        [], description="Links from online asks to offline action."
    )
    community: Annotated[list[Mechanism], Empty] = Field(
        [], description="Ways the community owns the campaign."
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
