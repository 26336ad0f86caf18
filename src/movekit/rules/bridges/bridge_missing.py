"""A journey with online and offline asks needs a bridge between them."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.rules.base import BridgeRef, Context, Rule


def _connects(ref: BridgeRef) -> bool:
    """True when the bridge runs from an online stage to a later offline one."""
    start, end = ref.start, ref.end
    if start is None or end is None or start.index >= end.index:
        return False
    return "online" in start.modes and "offline" in end.modes


def check(ctx: Context) -> Iterator[Problem]:
    connected = {ref.bridge.journey for ref in ctx.bridges if _connects(ref)}
    for i, journey in enumerate(ctx.plan.journeys):
        used = {cta.mode for stage in journey.stages for cta in stage.ctas}
        if {"online", "offline"} <= used and journey.id not in connected:
            yield Problem(
                f"Journey '{journey.id}' has online and offline asks but no bridge "
                "from an online stage to a later offline one",
                ("journeys", i),
                hint="Add a bridges: item from a stage with an online ask to a later offline one",
            )


RULE = Rule(
    code="MK402",
    name="bridge-missing",
    severity=Severity.WARNING,
    summary="A journey has online and offline asks but no bridge connects them.",
    what=(
        "Looks at every journey that has at least one call to action with `mode: online` "
        "and at least one with `mode: offline` (in any stages). The journey is flagged "
        "unless some item of `bridges` with `journey:` set to its id runs `from` a stage "
        "that has an online ask `to` a later stage (further down the journey) that has "
        "an offline ask. Bridges that go backwards or join the wrong kinds of stage do "
        "not count (MK403 and MK404 report them). A journey whose offline asks all come "
        "before its online ones is flagged too, since no bridge can connect them. "
        "Journeys with only online or only offline asks are left to MK401. Direct asks "
        "(`mode: direct`) are neither: they are ignored, as if the stage did not have them. "
        "The finding points at the journey's first line."
    ),
    why=(
        "The method says to 'connect the online world with the real world' and to decide "
        "'in what stage of their journey will it be most effective to make that call to "
        "action'. Having online and offline asks in the same journey is not enough: "
        "without a deliberate hand-over (an SMS invite, a map pin, a named organiser) "
        "people who click online rarely turn up on the ground."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: notice
        level: awareness
        ctas:
          - {ask: Look up your school on the air-quality map, mode: online}
      - id: walk
        level: action
        ctas:
          - {ask: Join the Friday walking bus, mode: offline}
""",
    fix="""\
Add a bridge that says how people who act online are moved to the offline ask:

bridges:
  - id: map-to-walk
    journey: parents-journey
    from: notice
    to: walk
    how: Map users get an SMS invite to the walking bus nearest their school
""",
    check=check,
)
