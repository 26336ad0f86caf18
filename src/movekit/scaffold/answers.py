"""The wizard's answers: what the skeleton plan is filled from (defaults make the starter)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Number = float | int


@dataclass
class MeasureAnswer:
    """One way to tell whether an outcome is happening."""

    metric: str
    target: Number | None = None
    due: str = ""
    baseline: Number | None = None
    """None when the lead does not know it yet: the plan then leaves it out."""


@dataclass
class OutcomeAnswer:
    """One desired outcome and how it will be measured."""

    title: str
    type: str
    metric: str = ""
    target: Number | None = None
    due: str = ""
    baseline: Number | None = None
    more_measures: list[MeasureAnswer] = field(default_factory=list)
    owner: str = ""
    """Who is accountable for it (a person or team)."""

    def measures(self) -> list[MeasureAnswer]:
        """Every measure: the first one asked, then the others."""
        first = [MeasureAnswer(self.metric, self.target, self.due, self.baseline)]
        return (first if self.metric else []) + self.more_measures


@dataclass
class StageAnswer:
    """One stage of a journey, as the wizard asked it."""

    name: str
    level: str
    ask: str
    mode: str
    content: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    """The names of the audience's channels this stage uses."""
    measure: int | None = None
    """The measure counting who responds to the ask, by number among all measures."""


@dataclass
class BridgeAnswer:
    """Where a journey moves from online to the ground: stage numbers, counted from 0."""

    source: int
    to: int
    how: str = ""


@dataclass
class AudienceAnswer:
    """One audience, what moves and stops them, and the stages of their journey."""

    name: str
    motivations: list[str] = field(default_factory=list)
    stages: list[StageAnswer] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    outcomes: list[int] | None = None
    """The outcomes (by number, from 0) their journey drives; None means every outcome."""
    bridge: BridgeAnswer | None = None


@dataclass
class ChannelAnswer:
    """A channel an audience uses, and whether it is online or on the ground."""

    name: str
    mode: str
    owner: str = ""


@dataclass
class CommunityAnswer:
    """One way supporters can own the campaign (it serves every audience)."""

    name: str
    kind: str
    tools: list[str] = field(default_factory=list)
    owner: str = ""


@dataclass
class PhaseAnswer:
    """One phase of the campaign and when it is reviewed."""

    name: str
    starts: str = ""
    ends: str = ""
    review: str = ""


@dataclass
class TargetAnswer:
    """The primary target: the person who can grant the outcome, and your power over them."""

    name: str
    position: str = "unknown"
    power: str = ""
    audiences: list[int] | None = None
    """The audiences (by number, from 0) who can move them; None means every audience."""


@dataclass
class RiskAnswer:
    """One risk for the first offline ask: what could go wrong for people on the ground."""

    risk: str
    likelihood: str = "medium"
    impact: str = "medium"
    mitigation: str = ""


@dataclass
class Answers:
    """Everything the skeleton needs; the defaults make the starter skeleton."""

    name: str = "Our campaign"
    goal: str = "The real-world change we want, and by when"
    outcomes: list[OutcomeAnswer] = field(default_factory=list)
    audiences: list[AudienceAnswer] = field(default_factory=list)
    starts: str = ""
    ends: str = ""
    channels: list[ChannelAnswer] = field(default_factory=list)
    community: CommunityAnswer | None = None
    phases: list[PhaseAnswer] = field(default_factory=list)
    target: TargetAnswer | None = None
    risk: RiskAnswer | None = None
    """A risk for the first offline ask (see `first_offline_ask`)."""

    def first_offline_ask(self) -> tuple[int, int] | None:
        """The first offline ask, as (audience, stage) numbers from 0: the first at action or
        ownership level (where people on the ground most need a safety plan), else the first."""
        offline = [
            (number, step, stage.level)
            for number, audience in enumerate(self.audiences)
            for step, stage in enumerate(audience.stages)
            if stage.ask and stage.mode == "offline"
        ]
        acting = [ask for ask in offline if ask[2] in ("action", "ownership")]
        return next(((number, step) for number, step, _ in acting + offline), None)

    def with_defaults(self) -> Answers:
        """These answers, with a placeholder outcome and audience where none was given."""
        outcomes = self.outcomes or [
            OutcomeAnswer(
                "First outcome: what must change for the goal to happen",
                "behaviour",
                owner="Who is accountable for it: a person or team",
            )
        ]
        audiences = self.audiences or [
            AudienceAnswer(
                "First audience: the people we most need to act",
                stages=[StageAnswer("Hears about the campaign", "awareness", "", "online")],
            )
        ]
        return replace(self, outcomes=outcomes, audiences=audiences)
