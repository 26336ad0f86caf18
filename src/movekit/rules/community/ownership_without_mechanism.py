"""A journey reaches ownership with no mechanism for it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def _served(ctx: Context) -> set[str]:
    """Audiences a mechanism lists, and those organised by an ally a mechanism serves."""
    reach = {s.id: s.audiences for s in ctx.plan.stakeholders if s.stance == "ally"}
    via_allies = {
        audience
        for mechanism in ctx.plan.community
        for ally in mechanism.stakeholders
        for audience in reach.get(ally, [])
    }
    return ctx.served_audiences | via_allies


def _hint(ctx: Context, audience: str) -> str:
    hint = f"List '{audience}' in the audiences: of a community mechanism"
    allies = [s.id for s in ctx.plan.stakeholders if s.stance == "ally" and audience in s.audiences]
    if allies:
        hint += f", or list the ally '{allies[0]}' in a mechanism's stakeholders:"
    return hint


def check(ctx: Context) -> Iterator[Problem]:
    served = _served(ctx)
    for i, journey in enumerate(ctx.plan.journeys):
        reaches_ownership = any(stage.level == "ownership" for stage in journey.stages)
        if reaches_ownership and journey.audience not in served:
            yield Problem(
                f"Journey '{journey.id}' reaches ownership but no community mechanism "
                f"serves audience '{journey.audience}'",
                ("journeys", i),
                hint=_hint(ctx, journey.audience),
            )


RULE = Rule(
    code="MK504",
    name="ownership-without-mechanism",
    severity=Severity.WARNING,
    summary="A journey reaches ownership but no community mechanism serves its audience.",
    what=(
        "Flags every journey that has at least one stage at `level: ownership` when no "
        "community mechanism serves the journey's audience: a mechanism serves it when it "
        "lists the audience in its `audiences`, or lists in its `stakeholders` an ally "
        "(`stance: ally`) whose `audiences` include it (a coalition gives its member groups "
        "the tools, the groups give their members the ownership). A mechanism with neither "
        "serves nobody in particular and does not count. The finding "
        "points at the journey's first line."
    ),
    why=(
        "Ownership means 'giving the community ownership' of the movement, and the method "
        "asks 'what tools or mechanisms you need to offer to facilitate that process'. A "
        "journey that promises ownership with nothing for that audience to own, run or "
        "create ends in a stage that exists only on paper."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: walk, level: action, ctas: [{ask: Join the walking bus, mode: offline}]}
      - {id: lead, level: ownership, ctas: [{ask: Captain your street, mode: offline}]}
community:
  - {id: banner-makers, name: Banner makers, kind: create, audiences: [teachers]}
""",
    fix="""\
Add the journey's audience to a mechanism that gives them something to own:

community:
  - {id: banner-makers, name: Banner makers, kind: create, audiences: [teachers]}
  - id: street-captains
    name: Street captain kit
    kind: organise
    audiences: [parents]
    tools: [Captain handbook]
""",
    check=check,
)
