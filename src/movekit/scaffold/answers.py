"""The wizard's answers: what the skeleton plan is filled from (defaults make the starter)."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class PhaseAnswer:
    """One phase of the campaign and when it is reviewed."""

    name: str
    starts: str = ""
    ends: str = ""
    review: str = ""


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

    def with_defaults(self) -> Answers:
        """These answers, with a placeholder outcome and audience where none was given."""
        outcomes = self.outcomes or [
            OutcomeAnswer("First outcome: what must change for the goal to happen", "behaviour")
        ]
        audiences = self.audiences or [
            AudienceAnswer(
                "First audience: the people we most need to act",
                stages=[StageAnswer("Hears about the campaign", "awareness", "", "online")],
            )
        ]
        return Answers(
            self.name,
            self.goal,
            outcomes,
            audiences,
            self.starts,
            self.ends,
            self.channels,
            self.community,
            self.phases,
        )
