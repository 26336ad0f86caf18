"""What a reference may name: the plan's ids of each kind, each with its title or name, and
the allowed values of each choice (level, mode, ...) with what each means."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movekit.model import Plan


@dataclass(frozen=True)
class Named:
    """One id a reference may use, and what it names."""

    id: str
    kind: str
    detail: str


REFERENCE_KINDS = {
    "audience": "audience",
    "audiences": "audience",
    "outcomes": "outcome",
    "channels": "channel",
    "measure": "measure",
    "journey": "journey",
    "phase": "phase",
    "target": "target",
    "targets": "target",
    "answers": "argument",
    "stakeholders": "stakeholder",
    "from": "stage",
    "to": "stage",
    "about": "anything",
    "serves": "anything",
    "for": "anything",
}
"""The keys whose value names an item, and the kind of item (below a top-level section:
`outcomes:` at the top declares outcomes, inside a journey it names them)."""

CHOICES: dict[str, dict[str, str]] = {
    "level": {
        "awareness": "They hear about the issue and the campaign.",
        "engagement": "They take a first, small step: sign, share, reply.",
        "action": "They do something that costs them time or effort.",
        "ownership": "They lead: organise others, run part of the campaign.",
    },
    "mode": {
        "online": "On the internet: a web page, a post, an email.",
        "offline": "On the ground: a meeting, a stall, an event.",
        "direct": "One to one: a call, a letter, a meeting with a decision-maker.",
    },
    "type": {
        "awareness": "People know about the issue.",
        "attitude": "People think or feel differently about it.",
        "behaviour": "People do something differently.",
        "support": "People back the campaign: sign, join, give.",
        "policy": "A decision-maker changes a rule, budget or law.",
    },
    "role": {
        "primary": "The decision-maker who can grant the outcome.",
        "secondary": "Someone who can move the primary target.",
    },
    "position": {
        "supports": "They are for what you ask.",
        "undecided": "They have not made up their mind.",
        "opposes": "They are against what you ask.",
        "unknown": "You do not know yet.",
    },
    "stance": {
        "ally": "They are on your side.",
        "neutral": "They take no side (yet).",
        "opponent": "They work against the campaign.",
    },
    "likelihood": {
        "low": "Unlikely to happen.",
        "medium": "Could well happen.",
        "high": "Likely to happen.",
    },
    "impact": {
        "low": "A small setback if it happens.",
        "medium": "A real setback if it happens.",
        "high": "It would put the campaign's goal at risk.",
    },
}
"""Each choice key's values and their meaning (the ones whose meaning does not depend on
the section: `kind` and `status` are in `choices_for`)."""

_MEASURE_KINDS = {
    "count": "A number counted over time (the default).",
    "milestone": "Done or not: the date it happened.",
}
_MECHANISM_KINDS = {
    "create": "People make things: content, art, tools.",
    "contribute": "People add to something shared: stories, data, time.",
    "organise": "People organise others: groups, events, meetings.",
    "fund": "People give or raise money.",
    "decide": "People take part in the campaign's decisions.",
}
_ASSUMPTION_STATUS = {
    "untested": "Not checked yet.",
    "holding": "Checked, and it holds.",
    "under-strain": "Signs that it may not hold.",
    "broken": "It does not hold: the plan must change.",
}
_RISK_STATUS = {
    "open": "Could still happen, and is being watched.",
    "mitigated": "What you did has made it smaller.",
    "accepted": "You live with it and do nothing more.",
    "closed": "It can no longer happen.",
}


def choices_for(key: str, parents: tuple[str, ...]) -> dict[str, str]:
    """The values a choice key allows where it is, with their meaning ({} for other keys)."""
    if key == "kind":
        return _MECHANISM_KINDS if "community" in parents else _MEASURE_KINDS
    if key == "status":
        return _ASSUMPTION_STATUS if "assumptions" in parents else _RISK_STATUS
    if key == "type" and parents[:1] != ("outcomes",):
        return {}
    return CHOICES.get(key, {})


def named(plan: Plan, kind: str, journey: str | None = None) -> list[Named]:
    """The ids of `kind` in the plan (stages: of `journey`, or of every journey)."""
    if kind == "anything":
        return _anything(plan)
    if kind == "stage":
        return [
            Named(stage.id, "stage", stage.name or f"{stage.level} stage of {trip.id}")
            for trip in plan.journeys
            if journey is None or trip.id == journey
            for stage in trip.stages
            if stage.id
        ]
    return _simple(plan).get(kind, [])


def _simple(plan: Plan) -> dict[str, list[Named]]:
    audiences = {audience.id: audience.name for audience in plan.audiences}
    channels = [Named(c.id, "channel", c.name or f"{c.mode} channel") for c in plan.channels or []]
    if plan.channels is None:  # undeclared: the ids used anywhere
        used = {cid for a in plan.audiences for cid in a.channels}
        used |= {cid for j in plan.journeys for s in j.stages for cid in s.channels}
        channels = [Named(cid, "channel", "channel used in the plan") for cid in sorted(used)]
    return {
        "outcome": [Named(o.id, "outcome", o.title) for o in plan.outcomes],
        "measure": [Named(m.id, "measure", m.metric) for o in plan.outcomes for m in o.measures],
        "audience": [Named(key, "audience", name) for key, name in audiences.items()],
        "channel": channels,
        "journey": [
            Named(j.id, "journey", f"journey of {audiences.get(j.audience, j.audience)}")
            for j in plan.journeys
        ],
        "target": [Named(t.id, "target", t.name) for t in plan.targets],
        "mechanism": [Named(m.id, "mechanism", m.name) for m in plan.community],
        "phase": [Named(p.id, "phase", p.name) for p in plan.phases],
        "stakeholder": [Named(s.id, "stakeholder", s.name) for s in plan.stakeholders],
        "argument": [
            Named(a.id, "argument", f"{s.name}: {a.says}")
            for s in plan.stakeholders
            for a in s.arguments
        ],
        "message": [Named(m.id, "message", m.text) for m in plan.messages],
        "activity": [Named(a.id, "activity", a.what) for a in plan.activities],
    }


def _anything(plan: Plan) -> list[Named]:
    """Every item `about:`, `serves:` and `for:` may name: ID when only one item has it,
    KIND:ID always, JOURNEY/ID for stages."""
    every = [item for items in _simple(plan).values() for item in items]
    uses: dict[str, int] = {}
    for item in every:
        uses[item.id] = uses.get(item.id, 0) + 1
    found = [item for item in every if uses[item.id] == 1]
    found += [Named(f"{item.kind}:{item.id}", item.kind, item.detail) for item in every]
    found += [
        Named(f"{trip.id}/{stage.id}", "stage", stage.name or f"{stage.level} stage")
        for trip in plan.journeys
        for stage in trip.stages
        if stage.id
    ]
    return found
