"""What a rule is, and the indexed view of a plan that rules read."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from movekit.findings import Path, Problem, Severity
from movekit.model import Journey, Measure, Plan, Result, Stage

Check = Callable[["Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity, documentation and check; the engine stamps the severity."""

    code: str
    name: str
    severity: Severity
    summary: str
    """One line for `movekit rules`."""
    what: str
    """What exactly is checked, edge cases included, and where the finding points."""
    why: str
    """The campaigning reason, in the method's words."""
    example: str
    """A YAML snippet that triggers the rule."""
    fix: str
    """How to fix it, in prose, followed by the fixed snippet when there is one."""
    check: Check | None = None
    """None for file-level codes (MK0xx), which the loader and validator report."""

    @property
    def group(self) -> str:
        return self.code[:3]


@dataclass(frozen=True)
class MeasureRef:
    """A measure with the path to it (`outcomes[i].measures[j]`)."""

    path: Path
    measure: Measure


@dataclass(frozen=True)
class StageRef:
    """A stage with its journey and path (`journeys[i].stages[j]`)."""

    path: Path
    journey: Journey
    index: int
    stage: Stage


class Context:
    """A validated plan, today's date, and indexes built once so no rule is quadratic."""

    def __init__(self, plan: Plan, today: dt.date) -> None:
        self.plan = plan
        self.today = today

    @cached_property
    def measures(self) -> list[MeasureRef]:
        return [
            MeasureRef(("outcomes", i, "measures", j), measure)
            for i, outcome in enumerate(self.plan.outcomes)
            for j, measure in enumerate(outcome.measures)
        ]

    @cached_property
    def results_by_measure(self) -> dict[str, list[Result]]:
        grouped: dict[str, list[Result]] = defaultdict(list)
        for result in self.plan.results:
            grouped[result.measure].append(result)
        return dict(grouped)

    @cached_property
    def stages(self) -> list[StageRef]:
        return [
            StageRef(("journeys", i, "stages", j), journey, j, stage)
            for i, journey in enumerate(self.plan.journeys)
            for j, stage in enumerate(journey.stages)
        ]

    @cached_property
    def journeys_by_audience(self) -> dict[str, list[Journey]]:
        grouped: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.plan.journeys:
            grouped[journey.audience].append(journey)
        return dict(grouped)

    @cached_property
    def stage_positions(self) -> dict[str, dict[str, int]]:
        """For each journey id, the index of each stage id within it."""
        return {
            journey.id: {stage.id: j for j, stage in enumerate(journey.stages) if stage.id}
            for journey in self.plan.journeys
        }

    @cached_property
    def served_audiences(self) -> set[str]:
        """Audiences that at least one community mechanism is for."""
        return {audience for mechanism in self.plan.community for audience in mechanism.audiences}

    @cached_property
    def reviewed_phases(self) -> set[str]:
        return {review.phase for review in self.plan.reviews}

    @cached_property
    def audience_channels(self) -> dict[str, set[str]]:
        return {audience.id: set(audience.channels) for audience in self.plan.audiences}

    @cached_property
    def used_channels(self) -> set[str]:
        return {channel for ref in self.stages for channel in ref.stage.channels}


def stage_label(stage: Stage, index: int) -> str:
    """How messages name a stage: its id, else its name on one line, else `#n` (1-based)."""
    return stage.id or " ".join((stage.name or "").split()) or f"#{index + 1}"


def modes(stage: Stage) -> set[str]:
    """The modes of a stage's calls to action."""
    return {cta.mode for cta in stage.ctas}
