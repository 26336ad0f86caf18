"""An offline ask at action or ownership level needs a risk that covers it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from movekit.findings import Path, Problem, Severity
from movekit.labels import one_line
from movekit.model import Cta, Journey
from movekit.rules.base import Context, Rule, StageRef

ACTING_LEVELS = frozenset({"action", "ownership"})
"""The rungs where people act on the ground, so where a safety plan matters."""


def _covered(ctx: Context) -> tuple[set[str], set[Path]]:
    """The journeys (by id) and the stages and asks (by path) that some risk is about."""
    journeys: set[str] = set()
    places: set[Path] = set()
    for risk in ctx.plan.risks:
        for named in ctx.about_index.all_named(risk.about):
            if named.kind == "journey":
                journeys.add(named.id)
            elif named.kind in ("stage", "call to action"):
                places.add(named.path)
    return journeys, places


def _about_hint(ctx: Context, ref: StageRef, cta: Cta, ids: Counter[str]) -> str:
    """The most precise `about` entry that names the ask, its stage or its journey alone;
    `ids` counts the ids of the journey's stages and asks (they may share one)."""
    journey = ref.journey.id
    for item in (cta.id, ref.stage.id):
        if item is not None and ids[item] == 1:
            return f"{journey}/{item}"
    # a bare id names more than one thing when another kind shares it
    return journey if ctx.about_index.named(journey) is not None else f"journey:{journey}"


def _ids_in(journey: Journey) -> Counter[str]:
    """How many stages and asks of the journey have each id."""
    ids = Counter(stage.id for stage in journey.stages if stage.id is not None)
    ids.update(cta.id for stage in journey.stages for cta in stage.ctas if cta.id is not None)
    return ids


def check(ctx: Context) -> Iterator[Problem]:
    journeys, places = _covered(ctx)
    ids: dict[str, Counter[str]] = {}
    for ref in ctx.stages:
        if ref.stage.level not in ACTING_LEVELS:
            continue
        if ref.journey.id in journeys or ref.path in places:
            continue
        for k, cta in enumerate(ref.stage.ctas):
            path = (*ref.path, "ctas", k)
            if cta.mode != "offline" or path in places:
                continue
            if ref.journey.id not in ids:
                ids[ref.journey.id] = _ids_in(ref.journey)
            about = _about_hint(ctx, ref, cta, ids[ref.journey.id])
            yield Problem(
                f"Offline call to action '{cta.id or one_line(cta.ask)}' at {ref.long_label} "
                "is covered by no risk",
                path,
                hint=f"Add a risk with about: {about} and a mitigation "
                "that keeps the people who turn up safe",
            )


RULE = Rule(
    code="MK809",
    name="offline-ask-no-safety",
    severity=Severity.INFO,
    summary="An offline call to action at action or ownership level is covered by no risk.",
    what=(
        "Flags every call to action with `mode: offline` in a stage whose `level` is "
        "`action` or `ownership` when no risk in `risks` covers it. A risk covers the ask "
        "when its `about` names the ask itself (`JOURNEY/ASK`), its stage "
        "(`JOURNEY/STAGE`) or its journey (`JOURNEY` or `journey:JOURNEY`); an ask with "
        "no id can still be covered through its stage or its journey. Any risk covers, "
        "whatever its status, likelihood or impact (MK807 and MK808 look after those). A "
        "risk about the ask's audience or outcome does not cover it: it says nothing "
        "about the people at this event. A plan with no `risks` section has every such "
        "ask flagged. Direct asks (`mode: direct`: a call, a letter, a meeting with a "
        "decision-maker) and online asks are not flagged. The finding points at the call "
        "to action's first line. An everyday ask that people do at home or on their own "
        "errands (put the recycling box out, switch to a refillable bottle) puts nobody on "
        "the ground for the campaign, and movekit cannot tell it from a street action by "
        "its keys: silence the finding on that ask with `# movekit: ignore[MK809]` and say "
        "why in the same comment, as examples/real/islington-recycling-2017.yaml does."
    ),
    why=(
        "An offline ask puts people on the ground: on a street, at a school gate, in a "
        "council chamber. The campaign that asks them to turn up owes them a safety plan "
        "(traffic, a hostile crowd, a child who gets lost, a volunteer alone at night), "
        "and an organiser who has written one down can brief marshals, reassure parents "
        "and answer a journalist's question. Naming the risk in the plan is how that "
        "duty gets an owner and a review date."
    ),
    example="""\
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - id: walk
        level: action
        ctas:
          - id: walking-bus
            ask: Walk your child to school with the Friday walking bus
            mode: offline
""",
    fix="""\
Add a risk about the ask (or its stage or journey) that says what could go wrong for the
people who turn up and what you do about it:

risks:
  - id: walker-safety
    risk: Children walking in traffic before the street is closed
    about: parents-journey/walking-bus
    likelihood: low
    impact: high
    mitigation: Marshals in hi-vis at every crossing; route risk-assessed
    owner: Volunteer coordinators
""",
    check=check,
)
