"""A declared channel is used by no stage and no activity."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    used = ctx.used_channels | {c for activity in ctx.plan.activities for c in activity.channels}
    unused_by = "no stage and no activity" if ctx.plan.activities else "no stage"
    for i, channel in enumerate(ctx.plan.channels or []):
        if channel.id not in used:
            yield Problem(
                f"Channel '{channel.id}' is used by {unused_by}",
                ("channels", i),
                hint="List it in the channels: of a stage that uses it, or remove it",
            )


RULE = Rule(
    code="MK704",
    name="channel-unused",
    severity=Severity.INFO,
    summary="A declared channel is used by no stage and no activity.",
    what=(
        "Flags every channel in the `channels` section that no stage of any journey and "
        "no activity lists in its `channels` (a channel the team uses only for its own "
        "work, such as the press for a report launch, is used). Listing the channel on an "
        "audience does not count as using it. The finding points at the channel's first line."
    ),
    why=(
        "In 'a coordinated multi-channel campaign' every channel has a job in someone's "
        "journey. A channel you declared but never use at any stage is either a gap in "
        "a journey (you meant to reach people there) or effort with no plan behind it."
    ),
    example="""\
channels:
  - {id: whatsapp, mode: online, owner: Digital team}
  - {id: school-gate, mode: offline, owner: Volunteer coordinators}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness, channels: [whatsapp]}
""",
    fix="""\
Give the channel a stage where it does its job, or remove it from the plan:

    stages:
      - {id: notice, level: awareness, channels: [whatsapp]}
      - {id: walk, level: action, channels: [school-gate]}
""",
    check=check,
)
