"""A journey should ask for action on the ground."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    for i, journey in enumerate(ctx.plan.journeys):
        modes = {cta.mode for stage in journey.stages for cta in stage.ctas}
        if "offline" not in modes and modes != {"direct"}:
            yield Problem(
                f"Journey '{journey.id}' has no offline call to action",
                ("journeys", i),
                hint="Add an ask with mode: offline, something people do on the ground",
            )


RULE = Rule(
    code="MK401",
    name="journey-offline-missing",
    severity=Severity.WARNING,
    summary="No call to action in a journey asks for action on the ground.",
    what=(
        "Flags every journey in which no call to action, in any stage, has "
        "`mode: offline`. A journey with no calls to action at all (or no stages) is "
        "flagged too. A journey whose asks are all `mode: direct` (calls, letters and "
        "meetings with decision-makers) is not flagged: it is a lobbying track, neither "
        "online nor on the ground; direct asks never count as offline, so a journey of "
        "online and direct asks is still flagged. The finding points at the journey's "
        "first line."
    ),
    why=(
        "'In order to make your strategy effective, you need to focus in connecting the "
        "online efforts with the on-the-ground ones. Decide what call to action will "
        "engage your target audience to act on the ground.' A journey that stays online "
        "collects clicks and likes; change usually needs people to turn up somewhere."
    ),
    example="""\
    stages:
      - id: notice
        level: awareness
        ctas:
          - ask: Look up your school on the air-quality map
            mode: online
      - id: share
        level: engagement
        ctas:
          - ask: Share the map with your class WhatsApp group
            mode: online
""",
    fix="""\
Add a stage (or an ask) where people act in the real world:

      - id: walk
        level: action
        ctas:
          - ask: Walk your child to school with the Friday walking bus
            mode: offline
""",
    check=check,
)
