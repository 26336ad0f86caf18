"""The plan offers the community no way to own the campaign."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    if not ctx.plan.community:
        yield Problem(
            "The plan has no community mechanisms",
            ("community",),
            hint="Add a community: list with at least one way for supporters to take part",
        )


RULE = Rule(
    code="MK501",
    name="community-missing",
    severity=Severity.WARNING,
    summary="The plan has no community mechanisms.",
    what=(
        "Flags a plan whose `community` section is missing or an empty list. There is at "
        "most one finding per plan. It points at the `community:` key, or at the first "
        "line of the file when there is no `community:` key at all."
    ),
    why=(
        "The method says to 'save space for community ownership of the movement': think "
        "about how your audience 'could create something of their own', 'how they can "
        "contribute' and 'what tools or mechanisms you need to offer to facilitate that "
        "process'. A plan with no mechanisms treats supporters as an audience to be "
        "messaged, not a movement that can carry on without you."
    ),
    example="""\
movekit: 1
campaign: {name: Clean Air Streets, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Council adopts the policy, type: policy}
audiences:
  - {id: parents, name: Parents at target schools}
community: []
""",
    fix="""\
Add at least one way for your audience to organise, create, contribute, fund or decide,
and say who it is for and what you give them to make it possible:

community:
  - id: street-captains
    name: Street captain kit
    kind: organise
    audiences: [parents]
    tools: [Captain handbook, WhatsApp group template]
""",
    check=check,
)
