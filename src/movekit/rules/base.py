"""What a rule is, and the indexed view of a plan that rules read."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Literal

from movekit.about import Index
from movekit.findings import Path, Problem, Severity
from movekit.labels import bridge_label, one_line, stage_label
from movekit.model import LEVELS, Bridge, Journey, Measure, Plan, Result, Stage, Target
from movekit.progress import Status, latest_result, measure_status

Check = Callable[["Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity, documentation and check.

    Checks yield problems without a code; the engine stamps the rule's code, name and
    severity on each. tests/rule_cases/<CODE>.yaml proves `example` and `fix` right.
    """

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
    """How to fix it, in prose, then (after a blank line) the snippet that clears it."""
    check: Check | None = None
    """None for file-level codes, which the loader, validator and engine report."""
    always_on: bool = False
    """Reported whatever the settings say, always as an error (file-level codes)."""

    @property
    def group(self) -> str:
        return self.code[:3]

    @property
    def fix_parts(self) -> tuple[str, str]:
        """The fix's prose and its YAML snippet: what follows the first blank line, or ""."""
        prose, _, snippet = self.fix.partition("\n\n")
        return prose.strip(), snippet.rstrip()


@dataclass(frozen=True)
class MeasureRef:
    """A measure with the path to it (`outcomes[i].measures[j]`)."""

    path: Path
    measure: Measure


@dataclass(frozen=True)
class Standing:
    """A measure's status today and its latest result (None when it has none yet)."""

    ref: MeasureRef
    status: Status
    latest: Result | None


@dataclass(frozen=True)
class StageRef:
    """A stage with its journey and path (`journeys[i].stages[j]`)."""

    path: Path
    journey: Journey
    index: int
    stage: Stage

    @property
    def label(self) -> str:
        """`stage 2 'walk'`."""
        return stage_label(self.stage, self.index)

    @property
    def long_label(self) -> str:
        """`stage 2 'walk' in journey 'parents-journey'`."""
        return f"{self.label} in journey '{self.journey.id}'"

    @property
    def modes(self) -> set[str]:
        """The modes of the stage's calls to action."""
        return {cta.mode for cta in self.stage.ctas}


@dataclass(frozen=True)
class TargetRef:
    """A decision-maker with the path to it (`targets[i]`)."""

    path: Path
    target: Target

    @property
    def label(self) -> str:
        """`'council-leader' (Cllr Jane Ward, Leader of Stockport Council)`."""
        return f"'{self.target.id}' ({one_line(self.target.name)})"


_RANK = {level: rank for rank, level in enumerate(LEVELS)}
"""Each level's rung on the ladder, from awareness (0) up to ownership."""


@dataclass(frozen=True)
class Step:
    """Two stages next to each other in a journey, and how many rungs of the ladder it climbs."""

    previous: StageRef
    ref: StageRef

    @property
    def rise(self) -> int:
        """Rungs from the previous stage's level to this one's (negative: a step back)."""
        return _RANK[self.ref.stage.level] - _RANK[self.previous.stage.level]


@dataclass(frozen=True)
class BridgeRef:
    """A bridge with its path and the stages it joins (None when an id names no stage)."""

    path: Path
    index: int
    bridge: Bridge
    start: StageRef | None
    end: StageRef | None

    @property
    def label(self) -> str:
        """`bridge 2 'map-to-walk'`."""
        return bridge_label(self.bridge, self.index)


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
    def standings(self) -> list[Standing]:
        """Every measure's standing today, as `movekit status` shows it."""
        grouped: dict[str, list[Result]] = defaultdict(list)
        for result in self.plan.results:
            grouped[result.measure].append(result)
        starts = self.plan.campaign.starts
        return [
            Standing(
                ref,
                measure_status(ref.measure, grouped[ref.measure.id], starts, self.today),
                latest_result(grouped[ref.measure.id], self.today),
            )
            for ref in self.measures
        ]

    @cached_property
    def standing_of(self) -> dict[str, Standing]:
        """Each measure's standing by the measure's id."""
        found: dict[str, Standing] = {}
        for standing in self.standings:
            found.setdefault(standing.ref.measure.id, standing)
        return found

    @cached_property
    def about_index(self) -> Index:
        """What the `about` entries of assumptions and risks name."""
        return Index(self.plan)

    @cached_property
    def primary_targets(self) -> list[TargetRef]:
        return [
            TargetRef(("targets", i), target)
            for i, target in enumerate(self.plan.targets)
            if target.role == "primary"
        ]

    @cached_property
    def aimed_targets(self) -> set[str]:
        """Targets that at least one call to action puts pressure on (`ctas[].target`)."""
        return {cta.target for ref in self.stages for cta in ref.stage.ctas if cta.target}

    @cached_property
    def stages(self) -> list[StageRef]:
        return [
            StageRef(("journeys", i, "stages", j), journey, j, stage)
            for i, journey in enumerate(self.plan.journeys)
            for j, stage in enumerate(journey.stages)
        ]

    @cached_property
    def steps(self) -> list[Step]:
        """Each stage with the one before it in its journey."""
        return [
            Step(previous, ref)
            for previous, ref in pairwise(self.stages)
            if previous.path[:2] == ref.path[:2]  # the same journey
        ]

    @cached_property
    def bridges(self) -> list[BridgeRef]:
        by_id = {
            (ref.journey.id, ref.stage.id): ref for ref in self.stages if ref.stage.id is not None
        }
        return [
            BridgeRef(
                ("bridges", i),
                i,
                bridge,
                by_id.get((bridge.journey, bridge.from_)),
                by_id.get((bridge.journey, bridge.to)),
            )
            for i, bridge in enumerate(self.plan.bridges)
        ]

    @cached_property
    def journeys_by_audience(self) -> dict[str, list[Journey]]:
        grouped: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.plan.journeys:
            grouped[journey.audience].append(journey)
        return dict(grouped)

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


def measure_part_check(part: Literal["baseline", "target", "due"], words: str, hint: str) -> Check:
    """The check of the rules that flag every measure without its `part` (named in `words`)."""

    def check(ctx: Context) -> Iterator[Problem]:
        for ref in ctx.measures:
            if ref.measure.kind == "milestone" and part != "due":
                continue  # a milestone is done or not: it has no baseline or target
            if getattr(ref.measure, part) is None:
                yield Problem(f"Measure '{ref.measure.id}' has no {words}", ref.path, hint=hint)

    return check
