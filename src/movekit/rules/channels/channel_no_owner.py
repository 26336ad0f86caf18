"""A declared channel has nobody responsible for it."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, channel in enumerate(ctx.plan.channels or []):
        if not (channel.owner or "").strip() and not (channel.partner or "").strip():
            yield Problem(
                f"Channel '{channel.id}' has no owner",
                ("channels", i),
                hint="Add owner: naming the team or person who runs this channel, or "
                "partner: naming the organisation that runs it if it is not yours",
            )


RULE = Rule(
    code="MK701",
    name="channel-no-owner",
    severity=Severity.INFO,
    summary="A declared channel has no owner.",
    what=(
        "Flags every channel in the `channels` section whose `owner` is missing or blank, "
        "unless its `partner` names the organisation that runs it (a partner's newsletter, "
        "a network's forum). Channels named only in audiences or stages, in a plan without "
        "a `channels` section, are not checked. The finding points at the channel's first "
        "line."
    ),
    why=(
        "A 'coordinated multi-channel campaign' needs someone to coordinate each channel. "
        "A channel nobody owns is the one where posts go out late, replies go unanswered "
        "and the call to action of the week never arrives. A channel another organisation "
        "runs already has somebody running it: you coordinate with the partner, you do not "
        "staff it, so naming the partner is enough."
    ),
    example="""\
channels:
  - id: whatsapp
    mode: online
""",
    fix="""\
Name the team or person who runs the channel:

channels:
  - id: whatsapp
    mode: online
    owner: Digital team
""",
    check=check,
)
