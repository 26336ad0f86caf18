"""MK402 bridge-missing: a journey with online and offline asks needs a bridge between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.model import Bridge, Journey
from movekit.rules.base import Context, Rule, modes


def _connects(bridge: Bridge, journey: Journey, positions: dict[str, int]) -> bool:
    """True when the bridge runs from an online stage to a later offline one."""
    start, end = positions.get(bridge.from_), positions.get(bridge.to)
    if start is None or end is None or start >= end:
        return False
    return "online" in modes(journey.stages[start]) and "offline" in modes(journey.stages[end])


def check(ctx: Context) -> Iterator[Problem]:
    bridges: dict[str, list[Bridge]] = defaultdict(list)
    for bridge in ctx.plan.bridges:
        bridges[bridge.journey].append(bridge)
    for i, journey in enumerate(ctx.plan.journeys):
        used = {mode for stage in journey.stages for mode in modes(stage)}
        if used != {"online", "offline"}:
            continue
        positions = ctx.stage_positions.get(journey.id, {})
        if not any(_connects(bridge, journey, positions) for bridge in bridges[journey.id]):
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
        "Journeys with only online or only offline asks are left to MK401. The finding "
        "points at the journey's first line."
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
