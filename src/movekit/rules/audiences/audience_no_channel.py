"""Say where each audience can be reached."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, audience in enumerate(ctx.plan.audiences):
        if not audience.channels:
            yield Problem(
                f"Audience '{audience.id}' lists no channels",
                ("audiences", i),
                hint="Add a channels: list naming where these people can be reached "
                "(a newsletter, a WhatsApp group, the school gate)",
            )


RULE = Rule(
    code="MK204",
    name="audience-no-channel",
    severity=Severity.INFO,
    summary="An audience lists no channels.",
    what=(
        "Flags every audience whose `channels` list is missing or empty, whether or not "
        "the plan declares a `channels` section. Channels used by the stages of the "
        "audience's journeys do not count: MK703 already asks for those to be listed on "
        "the audience. The finding points at the audience's first line."
    ),
    why=(
        "The method starts with 'who do you want to reach?' and builds 'a coordinated "
        "multi-channel campaign' to reach them. You cannot reach people you have no channel "
        "to: an audience with no channels is a wish, not a plan, and its journey has "
        "nowhere to start."
    ),
    example="""\
audiences:
  - id: parents
    name: Parents at the 20 target primary schools
""",
    fix="""\
Write down where these people can be reached (channel ids, declared under channels: if the
plan has that section):

audiences:
  - id: parents
    name: Parents at the 20 target primary schools
    channels: [school-gate, parents-whatsapp]
""",
    check=check,
)
