"""A journey's stages should run in phases that go forwards in time."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.model import Phase
from movekit.rules.base import Context, Rule, StageRef


def _order(phases: list[Phase]) -> dict[str, int]:
    """Each dated phase's place: by `starts`, then file order; undated phases have none."""
    dated = sorted(
        (phase.starts, index, phase.id)
        for index, phase in enumerate(phases)
        if phase.starts is not None
    )
    return {phase_id: place for place, (_, _, phase_id) in enumerate(dated)}


def _phase_words(phase: Phase) -> str:
    return f"phase '{phase.id}' (starts {phase.starts})"


def check(ctx: Context) -> Iterator[Problem]:
    order = _order(ctx.plan.phases)
    by_id = {phase.id: phase for phase in ctx.plan.phases}
    previous: StageRef | None = None  # the nearest earlier stage in a dated phase
    for ref in ctx.stages:
        if previous is not None and previous.path[:2] != ref.path[:2]:
            previous = None  # a new journey starts
        phase = ref.stage.phase
        if phase is None or phase not in order:
            continue
        before = previous.stage.phase if previous is not None else None
        if previous is not None and before is not None and order[phase] < order[before]:
            yield Problem(
                f"{capitalised(ref.long_label)} runs in {_phase_words(by_id[phase])}, which "
                f"comes before {_phase_words(by_id[before])} of {previous.label}",
                (*ref.path, "phase"),
                hint="Put the stages in the order people move through them, or give this "
                f"stage phase: {before} or a later one",
            )
        previous = ref


RULE = Rule(
    code="MK811",
    name="stage-phases-backwards",
    severity=Severity.WARNING,
    summary="A stage runs in an earlier phase than the stage before it.",
    what=(
        "Puts the phases in order by their `starts` date (phases that start on the same "
        "day keep their order in the file), then walks each journey's stages and compares "
        "the `phase` of each stage with the phase of the nearest earlier stage in the "
        "same journey that has one. The stage is flagged when its phase comes before "
        "that one; staying in the same phase, or moving to a later one, is fine. Stages "
        "with no `phase` are skipped, so a stage without one can sit between two stages "
        "that have one. A phase with no `starts` date has no place in the order: stages "
        "in it are skipped in the same way (neither flagged nor compared with), and the "
        "stage after them is compared with the nearest earlier stage whose phase has a "
        "`starts` date. "
        "The finding points at the stage's `phase` key."
    ),
    why=(
        "A journey is the order in which people move, from the first message to the "
        "final goal, and phases are the order in which the team does the work. A stage "
        "that runs in an earlier phase than the stage before it asks people for the next "
        "step before the campaign has given them the first: the walking bus is launched "
        "before anyone has seen the map that was meant to recruit for it. Either the "
        "stages or the phases are in the wrong order, and a team working to the plan "
        "will trip over it."
    ),
    example="""\
    stages:
      - id: notice
        level: awareness
        phase: push
      - id: walk
        level: action
        phase: launch
""",
    fix="""\
Give each stage the phase in which its asks really run, so the journey goes forwards in
time (or put the stages in the order people move through them):

    stages:
      - id: notice
        level: awareness
        phase: launch
      - id: walk
        level: action
        phase: push
""",
    check=check,
)
