"""Every stage that names a channel names the same one."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    used = ctx.used_channels
    if len(used) != 1:
        return
    (only,) = used
    first = next(ref for ref in ctx.stages if ref.stage.channels)
    yield Problem(
        f"The plan's stages use only one channel, '{only}'",
        (*first.path, "channels"),
        hint="Reach people on a second channel, such as one on the ground",
    )


RULE = Rule(
    code="MK702",
    name="single-channel",
    severity=Severity.INFO,
    summary="Every stage that names a channel names the same one.",
    what=(
        "Collects the `channels` of every stage in every journey and flags the plan when "
        "together they name exactly one channel. Stages that list no channels are left "
        "out, and channels listed only by audiences or in the `channels` section do not "
        "count. When no stage lists a channel there is no finding. There is at most one "
        "finding per plan; it points at the `channels:` key of the first stage that lists "
        "channels."
    ),
    why=(
        "The method ends with 'a coordinated multi-channel campaign' and asks you to "
        "'connect the online world with the real world'. A campaign that lives on one "
        "channel reaches only the people on it, and one change of algorithm or one "
        "lost group can silence it."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - {id: notice, level: awareness, channels: [whatsapp]}
      - {id: walk, level: action, channels: [whatsapp]}
""",
    fix="""\
Use the channel that suits each stage, for example the school gate for an ask on the
ground:

    stages:
      - {id: notice, level: awareness, channels: [whatsapp]}
      - {id: walk, level: action, channels: [school-gate]}
""",
    check=check,
)
