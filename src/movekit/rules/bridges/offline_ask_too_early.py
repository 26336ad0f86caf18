"""A journey's first stage should not open with an offline ask."""

from __future__ import annotations

from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.labels import one_line
from movekit.model import Journey
from movekit.rules.base import Context, Rule

OUTREACH = ("awareness", "engagement")
"""Levels at which an offline first ask is the campaign going to people, not a big first step."""


def _offline_first(journey: Journey) -> bool:
    """True when the journey meets people where they are, then brings them online later."""
    first, later = journey.stages[0], journey.stages[1:]
    online_later = any(cta.mode == "online" for stage in later for cta in stage.ctas)
    return first.level in OUTREACH and online_later


def check(ctx: Context) -> Iterator[Problem]:
    for i, journey in enumerate(ctx.plan.journeys):
        if not journey.stages:
            continue
        ctas = journey.stages[0].ctas
        if any(cta.mode == "online" for cta in ctas) or _offline_first(journey):
            continue
        for k, cta in enumerate(ctas):
            if cta.mode == "offline":
                label = one_line(cta.id or cta.ask)
                yield Problem(
                    f"Journey '{journey.id}' opens with the offline ask '{label}' "
                    "before any online engagement",
                    ("journeys", i, "stages", 0, "ctas", k),
                    hint="Start with an online ask, and move the offline ask to a later stage",
                )
                break


RULE = Rule(
    code="MK405",
    name="offline-ask-too-early",
    severity=Severity.INFO,
    summary="A journey's first stage asks for offline action before any online engagement.",
    what=(
        "Looks at the first stage of every journey. When that stage has at least one call "
        "to action with `mode: offline` and none with `mode: online`, the journey is "
        "reported once, pointing at the first offline ask of that stage. A first stage "
        "that mixes online and offline asks, or has no asks, is not reported; direct asks "
        "(`mode: direct`) are ignored. A deliberately offline-first journey is not "
        "reported either: when the first stage is at level `awareness` or `engagement` "
        "(organisers meeting people where they already are: a court queue, a doorstep, "
        "a school gate) and a later stage has an online ask that brings them online. An "
        "offline first stage at level `action` or `ownership`, or one that never leads "
        "online, is reported."
    ),
    why=(
        "The method asks 'in what stage of their journey will it be most effective to "
        "make that call to action' to act on the ground. Asking people to turn up before "
        "they have engaged at all is a big first step; most journeys win attention online "
        "first and then bring the people who respond out onto the street. The method's "
        "'connect the online world with the real world' works both ways, though: "
        "organisers who meet people on the ground (the first rung, awareness or "
        "engagement) and then bring them into online action ask for no big first step; "
        "the connection runs from the ground to the screen instead."
    ),
    example="""\
    stages:
      - id: march
        level: action
        ctas:
          - {ask: Join the march on the town hall, mode: offline}
""",
    fix="""\
Open the journey with an online ask, and move the offline ask to a later stage:

    stages:
      - id: notice
        level: awareness
        ctas:
          - {ask: Look up your school on the air-quality map, mode: online}
      - id: march
        level: action
        ctas:
          - {ask: Join the march on the town hall, mode: offline}
""",
    check=check,
)
