"""A community mechanism offers no tools to make it happen."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, mechanism in enumerate(ctx.plan.community):
        if not any(tool.strip() for tool in mechanism.tools):
            yield Problem(
                f"Community mechanism '{mechanism.id}' lists no tools",
                ("community", i),
                hint="Add a tools: list naming the kits, templates or guides you will offer",
            )


RULE = Rule(
    code="MK502",
    name="mechanism-no-tools",
    severity=Severity.WARNING,
    summary="A community mechanism lists no tools to facilitate it.",
    what=(
        "Flags every community mechanism whose `tools` list is missing, empty, or holds "
        "only blank entries. The finding points at the mechanism's first line."
    ),
    why=(
        "The method asks 'what tools or mechanisms you need to offer to facilitate that "
        "process'. Inviting people to organise or create without a handbook, a template "
        "or a kit leaves the hard part to them, and most will not start."
    ),
    example="""\
community:
  - id: street-captains
    name: Street captain kit
    kind: organise
    audiences: [parents]
""",
    fix="""\
Name what you will hand people so they can do it themselves:

community:
  - id: street-captains
    name: Street captain kit
    kind: organise
    audiences: [parents]
    tools: [Captain handbook, WhatsApp group template, banner design kit]
""",
    check=check,
)
