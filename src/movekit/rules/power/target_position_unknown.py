"""A primary target whose stance the plan does not know."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule
from movekit.rules.unassessed import unassessed

_HINT = "Find out where they stand and set position: supports, undecided or opposes"


def check(ctx: Context) -> Iterator[Problem]:
    return unassessed(ctx.primary_targets, "Primary", _HINT)


RULE = Rule(
    code="MK804",
    name="target-position-unknown",
    severity=Severity.INFO,
    summary="A primary target's position is missing or unknown.",
    what=(
        "Flags every target with `role: primary` whose `position` is missing or is "
        "`unknown`. Any of `supports`, `undecided` or `opposes` passes. Secondary targets "
        "are not checked. The finding points at the `position:` key when it says "
        "`unknown`, and at the target's first line when there is none."
    ),
    why=(
        "Where the decision-maker stands decides what the campaign has to do: a supporter "
        "needs cover and a public moment to say yes, an undecided target needs pressure "
        "from the people they listen to, an opponent needs a bigger shift in power. The "
        "strategy chart asks for your power over the target for that reason. Not knowing "
        "their position means the plan's tactics are a guess: ask them, read their record, "
        "or ask the people around them, and write down what you find."
    ),
    example="""\
targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
    position: unknown
""",
    fix="""\
Find out where the target stands (a meeting, their voting record, what their ward
councillors say) and record it:

targets:
  - id: council-leader
    name: Cllr Jane Ward, Leader of Stockport Council
    role: primary
    position: undecided
""",
    check=check,
)
