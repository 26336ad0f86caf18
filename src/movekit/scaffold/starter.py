"""Starting plans: the teaching skeleton (filled from answers) and the worked examples."""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

from movekit.errors import UsageError
from movekit.scaffold.answers import (
    Answers,
    AudienceAnswer,
    OutcomeAnswer,
    StageAnswer,
)

__all__ = [
    "STARTERS",
    "Answers",
    "AudienceAnswer",
    "OutcomeAnswer",
    "StageAnswer",
    "example_plan",
    "skeleton_plan",
    "slug",
]

MAX_ID = 40  # characters in an id made from a name
MODELINE = "# yaml-language-server: $schema=.movekit/plan.schema.json\n"

STARTERS = {
    "skeleton": "every section with a comment from the method, ready to fill in",
    "clean-air-streets": "worked example: a local School Streets campaign",
    "warm-homes-now": "worked example: a national fundraising and policy campaign",
}


def slug(text: str, taken: set[str], fallback: str) -> str:
    """A unique id from text, cut at a word boundary, at most 40 characters long."""
    head = text.split(":", 1)[0] or text  # "Parents: at the gate" -> "parents"
    base = ""
    for word in re.sub(r"[^a-z0-9]+", " ", head.lower()).split():
        longer = f"{base}-{word}" if base else word
        if len(longer) > MAX_ID:
            base = base or word[:MAX_ID]
            break
        base = longer
    base = base or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def skeleton_plan(answers: Answers) -> str:
    """The teaching skeleton, rendered from answers and laid out as `movekit fmt` lays it out."""
    from movekit.fmt import format_text
    from movekit.fmt.format import FormatError
    from movekit.templating import environment

    template = environment().get_template("init/plan.yaml.j2")
    text = template.render(modeline=MODELINE, **plan_context(answers))
    try:
        return format_text(text)
    except FormatError:  # never lose the answers: the plan as the template wrote it
        return text


def plan_context(answers: Answers) -> dict[str, Any]:
    """What the skeleton's template needs: the answers with an id for everything."""
    filled = answers.with_defaults()
    outcome_ids: set[str] = set()
    measure_ids: set[str] = set()
    channel_ids: set[str] = set()
    audience_ids: set[str] = set()
    phase_ids: set[str] = set()
    channels = {c.name: (slug(c.name, channel_ids, "channel"), c) for c in filled.channels}
    outcomes: list[dict[str, Any]] = [
        {
            "answer": outcome,
            "id": slug(outcome.title, outcome_ids, "outcome"),
            "measures": [(slug(m.metric, measure_ids, "measure"), m) for m in outcome.measures()],
        }
        for outcome in filled.outcomes
    ]
    first = filled.first_offline_ask() if filled.risk else None
    audiences: list[dict[str, Any]] = []
    for number, audience in enumerate(filled.audiences):
        stage_ids: set[str] = set()
        stages = [(slug(s.name, stage_ids, "stage"), s, "") for s in audience.stages]
        if first and first[0] == number:  # the ask the risk is about needs an id to name it
            stage_id, stage, _ = stages[first[1]]
            stages[first[1]] = (stage_id, stage, slug(stage.ask, stage_ids, "ask"))
        chosen = range(len(outcomes)) if audience.outcomes is None else audience.outcomes
        bridge = audience.bridge
        audiences.append(
            {
                "answer": audience,
                "id": slug(audience.name, audience_ids, "audience"),
                "stages": stages,
                "outcomes": [outcomes[number]["id"] for number in chosen],
                "channels": [channels[name][0] for name in audience.channels if name in channels],
                "bridge": (stages[bridge.source][0], stages[bridge.to][0], bridge.how)
                if bridge
                else None,
            }
        )
    return {
        "answers": filled,
        "outcomes": outcomes,
        "audiences": audiences,
        "channels": list(channels.values()),
        "channel_ids": {name: value[0] for name, value in channels.items()},
        "measure_ids": [m[0] for outcome in outcomes for m in outcome["measures"]],
        "phases": [(slug(p.name, phase_ids, "phase"), p) for p in filled.phases],
        "community_id": slug(filled.community.name, set(), "community") if filled.community else "",
        "target": _target(filled, [audience["id"] for audience in audiences]),
        "risk": _risk(filled, audiences, first),
    }


def _target(answers: Answers, audience_ids: list[str]) -> dict[str, Any] | None:
    """The primary target with an id (from the name before any comma) and its audiences."""
    target = answers.target
    if target is None:
        return None
    chosen = range(len(audience_ids)) if target.audiences is None else target.audiences
    return {
        "answer": target,
        "id": slug(target.name.split(",", 1)[0], set(), "target"),
        "audiences": [audience_ids[number] for number in chosen],
    }


def _risk(
    answers: Answers, audiences: list[dict[str, Any]], first: tuple[int, int] | None
) -> dict[str, Any] | None:
    """The risk with an id, about the first offline ask as JOURNEY/ASK."""
    if answers.risk is None or first is None:
        return None
    audience = audiences[first[0]]
    ask_id = audience["stages"][first[1]][2]
    return {
        "answer": answers.risk,
        "id": slug(answers.risk.risk, set(), "risk"),
        "about": f"{audience['id']}-journey/{ask_id}",
    }


def example_plan(name: str, campaign_name: str | None, goal: str | None) -> str:
    """A shipped example as a starter, with the modeline and, if given, a new name and goal."""
    if name not in STARTERS or name == "skeleton":
        choices = ", ".join(STARTERS)
        raise UsageError(f"--starter: no starter '{name}'; choose one of {choices}")
    text = (files("movekit.examples") / f"{name}.yaml").read_text(encoding="utf-8")
    if campaign_name or goal:
        from movekit.edit import dump, load

        data = load(text)
        if campaign_name:
            data["campaign"]["name"] = _as_fmt_writes(campaign_name)
        if goal:
            data["campaign"]["goal"] = _as_fmt_writes(goal)
        text = dump(data)
    return MODELINE + text


def _as_fmt_writes(text: str) -> str:
    """Text that ruamel.yaml writes plain or double-quoted, as `movekit fmt` would."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

    from movekit.yamltext import plain_is_safe

    style = PlainScalarString if plain_is_safe(text, flow=False) else DoubleQuotedScalarString
    styled: str = style(text)
    return styled
