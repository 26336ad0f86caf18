"""A primary target that nothing in the plan puts pressure on."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import quoted_list
from movekit.rules.base import Context, Rule, TargetRef


def _problem(ref: TargetRef) -> Problem:
    audiences, target_id = ref.target.audiences, ref.target.id
    aim = f"set target: {target_id} on the asks that put pressure on them"
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


def check(ctx: Context) -> Iterator[Problem]:
    for ref in ctx.primary_targets:
        if ref.target.id in ctx.aimed_targets:
            continue
        if not any(audience in ctx.journeys_by_audience for audience in ref.target.audiences):
            yield _problem(ref)


RULE = Rule(
    code="MK803",
    name="target-unreached",
    severity=Severity.WARNING,
    summary="A primary target is moved by no audience with a journey and no ask aims at them.",
    what=(
        "Flags every target with `role: primary` when both of these hold: none of the "
        "audiences in its `audiences` list has a journey (an audience listed there but "
        "taken on no journey does not count), and no call to action in any journey names "
        "it in `target`. One of the two is enough to pass. Secondary targets are not "
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
