"""A primary target that nothing in the plan puts pressure on."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import quoted_list
from movekit.rules.base import Context, Rule, TargetRef


def _problem(ref: TargetRef, has_activities: bool) -> Problem:
    audiences, target_id = ref.target.audiences, ref.target.id
    aim = f"set target: {target_id} on the asks that put pressure on them"
    if has_activities:
        aim += f", or name {target_id} in the serves: of an activity aimed at them"
    if not audiences:
        return Problem(
            f"Primary target {ref.label} is moved by no audience and no call to action aims "
            "at them",
            ref.path,
            hint=f"List the audiences who can move them under audiences:, or {aim}",
        )
    have = "has" if len(audiences) == 1 else "have"
    return Problem(
        f"Primary target {ref.label} is moved only by {quoted_list(audiences)}, which {have} "
        "no journey, and no call to action aims at them",
        ref.path,
        hint=f"Add a journey for {quoted_list(audiences)}, or {aim}",
    )


def _served_targets(ctx: Context) -> set[str]:
    """Targets an activity names in its `serves` (a lobby meeting, a briefing)."""
    entries = [entry for activity in ctx.plan.activities for entry in activity.serves]
    return {named.id for named in ctx.about_index.all_named(entries) if named.kind == "target"}


def check(ctx: Context) -> Iterator[Problem]:
    reached = ctx.aimed_targets | _served_targets(ctx)
    for ref in ctx.primary_targets:
        if ref.target.id in reached:
            continue
        if not any(audience in ctx.journeys_by_audience for audience in ref.target.audiences):
            yield _problem(ref, bool(ctx.plan.activities))


RULE = Rule(
    code="MK803",
    name="target-unreached",
    severity=Severity.WARNING,
    summary="A primary target is moved by no audience with a journey, no ask and no activity.",
    what=(
        "Flags every target with `role: primary` when all of these hold: none of the "
        "audiences in its `audiences` list has a journey (an audience listed there but "
        "taken on no journey does not count), no call to action in any journey names "
        "it in `target`, and no activity names it in `serves` (as `council-leader` or "
        "`target:council-leader`: a lobby meeting is the team's own work, not a journey "
        "for the decision-maker). One of the three is enough to pass. Secondary targets are not "
        "checked. The finding points at the target's first line."
    ),
    why=(
        "The strategy chart asks not only who decides but how you will move them: which "
        "constituents they listen to and which tactics put pressure on them. A decision-"
        "maker the plan names but never reaches is a wish, not a strategy: the journeys "
        "build people power, and only an audience that takes a journey, or an ask aimed at "
        "the target (a vote, a meeting, a petition handed in), turns that power into "
        "pressure on the person who can say yes."
    ),
    example="""\
targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
""",
    fix="""\
List the audiences who can move the target (each with a journey), or aim an ask at them
with `target:` on the call to action:

targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
    audiences: [parents]
""",
    check=check,
)
