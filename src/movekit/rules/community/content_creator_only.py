"""No mechanism lets the audience create something of its own."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    if not any(mechanism.kind == "create" for mechanism in ctx.plan.community):
        yield Problem(
            "No community mechanism lets the audience create something of their own",
            ("community",),
            hint="Add a community mechanism with kind: create",
        )


RULE = Rule(
    code="MK503",
    name="content-creator-only",
    severity=Severity.INFO,
    summary="No community mechanism lets the audience create something of their own.",
    what=(
        "Flags a plan in which no community mechanism has `kind: create`. This also fires "
        "when the plan has no community mechanisms at all (MK501 reports that too). There "
        "is at most one finding per plan. It points at the `community:` key, or at the "
        "first line of the file when there is no `community:` key."
    ),
    why=(
        "The method asks 'whether and how your target audience could create something of "
        "their own, within the context of your campaign' and 'how you can be not only a "
        "content-creator, but also a context-creator'. When only your team makes the "
        "content, the campaign stays yours; when supporters make their own posters, "
        "stories or events, it becomes theirs and travels further."
    ),
    example="""\
community:
  - id: street-captains
    name: Street captain kit
    kind: organise
    tools: [Captain handbook]
""",
    fix="""\
Add a way for supporters to make something of their own, and give them the kit:

community:
  - id: street-captains
    name: Street captain kit
    kind: organise
    tools: [Captain handbook]
  - id: banner-makers
    name: Design your street's banner
    kind: create
    tools: [Banner design kit]
""",
    check=check,
)
