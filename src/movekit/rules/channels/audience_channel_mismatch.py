"""A stage uses a channel its audience is not on."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import capitalised
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    reachable = ctx.audience_channels
    for ref in ctx.stages:
        audience = ref.journey.audience
        if audience not in reachable:
            continue
        seen: set[str] = set()
        for k, channel in enumerate(ref.stage.channels):
            if channel in reachable[audience] or channel in seen:
                continue
            seen.add(channel)
            yield Problem(
                f"{capitalised(ref.long_label)} uses channel '{channel}' "
                f"that audience '{audience}' does not list",
                (*ref.path, "channels", k),
                hint=f"Add '{channel}' to the channels: of audience '{audience}', "
                "or use one they are on",
            )


RULE = Rule(
    code="MK703",
    name="audience-channel-mismatch",
    severity=Severity.WARNING,
    summary="A stage uses a channel that its journey's audience does not list.",
    what=(
        "For every stage, checks each channel in its `channels` against the `channels` of "
        "the journey's audience, and flags each one the audience does not list. An "
        "audience with no `channels` lists none, so every channel its stages use is "
        "flagged. A channel named twice in one stage is reported once. Journeys whose "
        "audience is unknown are skipped (MK005 reports those). Each finding points at "
        "the channel's entry in the stage's list, or at the stage's `channels:` key when "
        "it is written as a single name."
    ),
    why=(
        "The method asks 'who do you want to reach?' before anything else. Your audience "
        "list says where those people can be reached; a stage that speaks on another "
        "channel is talking to somebody else, and that step of the journey is lost."
    ),
    example="""\
audiences:
  - {id: parents, name: Parents, channels: [whatsapp, school-gate]}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness, channels: [tiktok]}
""",
    fix="""\
Use a channel the audience is on, or, if you know they are there, add the channel to
the audience:

audiences:
  - {id: parents, name: Parents, channels: [whatsapp, school-gate]}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness, channels: [whatsapp]}
""",
    check=check,
)
