"""A journey with online and offline asks needs a bridge between them."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.model import Journey
from movekit.rules.base import BridgeRef, Context, Rule
from movekit.rules.bridges.offline_ask_too_early import OUTREACH


def _connects(ref: BridgeRef) -> bool:
    """True when the bridge runs from an online stage to a later offline one."""
    start, end = ref.start, ref.end
    if start is None or end is None or start.index >= end.index:
        return False
    return "online" in start.modes and "offline" in end.modes


def _online_then_offline(journey: Journey) -> bool:
    """True when some stage with an online ask comes before a stage with an offline ask."""
    online_seen = False
    for stage in journey.stages:
        modes = {cta.mode for cta in stage.ctas}
        if online_seen and "offline" in modes:
            return True
        online_seen = online_seen or "online" in modes
    return False


def _offline_first(journey: Journey) -> bool:
    """True when the first stage with online or offline asks is offline outreach (as in MK405)."""
    for stage in journey.stages:
        modes = {cta.mode for cta in stage.ctas} - {"direct"}
        if modes:
            return modes == {"offline"} and stage.level in OUTREACH
    return False


def _needs_bridge(journey: Journey) -> bool:
    """True when the journey's online and offline asks call for an online-to-offline bridge."""
    used = {cta.mode for stage in journey.stages for cta in stage.ctas}
    if not {"online", "offline"} <= used:
        return False
    # Offline first, by design: the hand-over runs from the ground to the screen, which a
    # bridge cannot express; only an online ask followed by a later offline one needs one.
    return not _offline_first(journey) or _online_then_offline(journey)


def check(ctx: Context) -> Iterator[Problem]:
    connected = {ref.bridge.journey for ref in ctx.bridges if _connects(ref)}
    for i, journey in enumerate(ctx.plan.journeys):
        if _needs_bridge(journey) and journey.id not in connected:
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
        "before its online ones is flagged too, since no bridge can connect them, unless "
        "it is offline first by design (as MK405 sees it): its first stage with asks has "
        "only offline ones and is at level `awareness` or `engagement` (organisers meeting "
        "people in a court queue, on a doorstep, at a school gate). Such a journey is "
        "flagged only when it also has a stage with an online ask followed by a later "
        "stage with an offline ask (people brought online, then asked out again) and no "
        "bridge between them. Journeys with only online or only offline asks are left to "
        "MK401. Direct asks (`mode: direct`) are neither: they are ignored, as if the stage "
        "did not have them. The finding points at the journey's first line."
    ),
    why=(
        "The method says to 'connect the online world with the real world' and to decide "
        "'in what stage of their journey will it be most effective to make that call to "
        "action'. Having online and offline asks in the same journey is not enough: "
        "without a deliberate hand-over (an SMS invite, a map pin, a named organiser) "
        "people who click online rarely turn up on the ground. A journey that starts on "
        "the ground and then brings people online has already made its connection face to "
        "face: the organiser who met them is the hand-over, so there is no online-to-"
        "offline gap to bridge until it asks them back out onto the street."
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
