"""Say what stops each audience from acting."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, audience in enumerate(ctx.plan.audiences):
        if not audience.barriers:
            yield Problem(
                f"Audience '{audience.id}' lists no barriers",
                ("audiences", i),
                hint="Add a barriers: list saying what stops these people from acting",
            )


RULE = Rule(
    code="MK203",
    name="audience-no-barrier",
    severity=Severity.INFO,
    summary="An audience lists no barriers.",
    what=(
        "Flags every audience whose `barriers` list is missing or empty. The finding "
        "points at the audience's first line."
    ),
    why=(
        "Converting 'awareness into action' means knowing what stands in the way as well as "
        "'what is likely to motivate them'. People who care but have no time, no childcare "
        "or no confidence will not act, however good the message: naming the barriers lets "
        "you design calls to action they can actually say yes to."
    ),
    example="""\
audiences:
  - id: parents
    name: Parents at the 20 target primary schools
    motivations: [Their children's health and asthma]
""",
    fix="""\
Write down what stops them from acting, so your asks can get around it:

audiences:
  - id: parents
    name: Parents at the 20 target primary schools
    motivations: [Their children's health and asthma]
    barriers:
      - No spare time on school-run mornings
""",
    check=check,
)
