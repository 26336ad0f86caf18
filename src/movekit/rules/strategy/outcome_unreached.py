"""Every outcome should be driven by at least one journey."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.model import Outcome
from movekit.rules.base import Context, Rule


def _served(ctx: Context) -> set[tuple[str, str]]:
    """(kind, id) of what the team's activities serve (`activities[].serves`)."""
    entries = [entry for activity in ctx.plan.activities for entry in activity.serves]
    return {(named.kind, named.id) for named in ctx.about_index.all_named(entries)}


def _driven_by_activity(outcome: Outcome, served: set[tuple[str, str]]) -> bool:
    """An activity serves the outcome, one of its measures or one of its decision-makers."""
    named = {("outcome", outcome.id)}
    named |= {("measure", measure.id) for measure in outcome.measures}
    named |= {("target", target) for target in outcome.targets}
    return bool(named & served)


def check(ctx: Context) -> Iterator[Problem]:
    reached = {outcome for journey in ctx.plan.journeys for outcome in journey.outcomes}
    served = _served(ctx) if ctx.plan.activities else set()
    for i, outcome in enumerate(ctx.plan.outcomes):
        if outcome.id in reached or _driven_by_activity(outcome, served):
            continue
        hint = f"Add '{outcome.id}' to the outcomes: list of the journey that works towards it"
        if ctx.plan.activities:
            hint += ", or to the serves: of the activity of your team that brings it about"
        yield Problem(
            f"Outcome '{outcome.id}' is not driven by any journey", ("outcomes", i), hint=hint
        )


RULE = Rule(
    code="MK105",
    name="outcome-unreached",
    severity=Severity.WARNING,
    summary="No journey lists the outcome in its outcomes, and no activity serves it.",
    what=(
        "Flags every outcome whose id appears in no journey's `outcomes` list. This "
        "includes plans with no journeys at all. An outcome that one of the team's own "
        "activities serves (`activities[].serves` naming the outcome, one of its measures or "
        "one of its `targets`) is driven by that work and is not reported: a report, a "
        "lobby meeting or a press launch can bring about a decision no audience's journey "
        "leads to. The finding points at the outcome's first line."
    ),
    why=(
        "The journeys are how people are led 'to the final goal': each one should drive at "
        "least one of your desired outcomes. An outcome no journey works towards is a wish, "
        "not a plan: no audience is being asked to do anything that would bring it about."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness}
""",
    fix="""\
Name the outcome in the journey (or journeys) that works towards it:

journeys:
  - id: parents-journey
    audience: parents
    outcomes: [policy]
    stages:
      - {id: notice, level: awareness}
""",
    check=check,
)
