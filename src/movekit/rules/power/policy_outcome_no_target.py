"""A policy outcome that names nobody who can grant it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule

_SHOWN = 5
"""Target ids a hint lists at most."""


def _hint(ctx: Context) -> str:
    targets = [target.id for target in ctx.plan.targets]
    if not targets:
        return (
            "Name the person who can grant it under targets:, "
            "then add targets: [their-id] to this outcome"
        )
    if len(targets) == 1:
        return f"Add targets: [{targets[0]}] to this outcome if they can grant it"
    more = ", ..." if len(targets) > _SHOWN else ""
    listed = ", ".join(targets[:_SHOWN]) + more
    return f"Add targets: to this outcome with the ids of those who can grant it ({listed})"


def check(ctx: Context) -> Iterator[Problem]:
    hint = ""
    for i, outcome in enumerate(ctx.plan.outcomes):
        if outcome.type == "policy" and not outcome.targets:
            hint = hint or _hint(ctx)
            yield Problem(
                f"Policy outcome '{outcome.id}' names no decision-maker: who can grant it?",
                ("outcomes", i),
                hint=hint,
            )


RULE = Rule(
    code="MK801",
    name="policy-outcome-no-target",
    severity=Severity.WARNING,
    summary="An outcome of type policy names no decision-maker in `targets`.",
    what=(
        "Flags every outcome with `type: policy` whose `targets` list is missing or empty. "
        "Any entry of the plan's `targets` section counts as a decision-maker, primary or "
        "secondary: one id in the outcome's `targets` is enough to pass. Outcomes of other "
        "types are not checked. The finding points at the outcome's first line."
    ),
    why=(
        "A policy changes only when someone with the power to change it decides to. The "
        "campaign strategy chart asks 'who has the power to give you what you want?' and "
        "answers that a primary target is always a person, never an institution: not 'the "
        "council' but the council leader who can put the policy to the vote. Until the plan "
        "names that person, its journeys and asks cannot be aimed at the one decision that "
        "wins the outcome, and nobody can say whether the campaign has the power to move "
        "them."
    ),
    example="""\
outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
""",
    fix="""\
Name the person who can grant the outcome in a `targets` section (with your power over
them) and list their id in the outcome's `targets`:

outcomes:
  - id: policy
    title: Council adopts the School Streets policy
    type: policy
    targets: [council-leader]
targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
    position: undecided
    power: Her majority rests on three wards around the target schools
""",
    check=check,
)
