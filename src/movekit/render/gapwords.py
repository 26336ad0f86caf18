"""A finding's message in the document's words: names for ids, dates as in the tables.

Rules write for whoever edits the plan (`Measure 'page-reach' ... 2027-03-15`); a board
reads the document, where the same measure is "People reached by our Facebook page" and the
day is "15 Mar 2027". The place of each id comes from the word before it (`measure
'page-reach'`), else from the only kind of thing with that id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from movekit.model import Plan
from movekit.progress import format_number
from movekit.render.formatting import short_date, stage_name
from movekit.render.names import channel_name, journey_names

_QUOTED = re.compile(r"(?:\b([A-Za-z]+)(?: \d+)? )?'([A-Za-z0-9][\w./-]{0,99})'")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG_DECIMAL = re.compile(r"\b\d{1,3}(?:,\d{3})+\.\d+\b|\b\d{3,}\.\d+\b")
_KINDS = (
    "measure",
    "outcome",
    "audience",
    "channel",
    "phase",
    "target",
    "mechanism",
    "stakeholder",
    "risk",
    "assumption",
    "activity",
    "journey",
    "argument",
    "message",
)
"""Kinds of things in the order an id without a kind word is looked up."""

_WORD_KINDS = {"action": "action", "ask": "action", "argues": "argument"}
"""The word before an id in a rule's message -> the kind of thing (`call to action 'talk'`,
`the offline ask 'rally'`, `argues 'too-costly'`)."""


def plan_names(plan: Plan) -> dict[str, dict[str, str]]:
    """Kind -> id -> the name the document shows for it."""
    return {
        "measure": {m.id: m.metric for o in plan.outcomes for m in o.measures},
        "outcome": {outcome.id: outcome.title for outcome in plan.outcomes},
        "audience": {audience.id: audience.name for audience in plan.audiences},
        "channel": {c.id: channel_name(c, c.id) for c in plan.channels or ()},
        "phase": {phase.id: phase.name for phase in plan.phases},
        "target": {target.id: target.name for target in plan.targets},
        "mechanism": {mechanism.id: mechanism.name for mechanism in plan.community},
        "stakeholder": {item.id: item.name for item in plan.stakeholders},
        "risk": {risk.id: risk.risk for risk in plan.risks},
        "assumption": {item.id: item.text for item in plan.assumptions},
        "activity": {activity.id: activity.what for activity in plan.activities},
        "argument": {a.id: a.says for item in plan.stakeholders for a in item.arguments},
        "message": {message.id: message.text for message in plan.messages},
        "journey": journey_names(plan),
        "ask": {cta.ask: cta.ask for j in plan.journeys for st in j.stages for cta in st.ctas},
        # polish after review (issue 16): a call to action, a bridge by its own words
        "action": {
            k: v for index in range(len(plan.journeys)) for k, v in ask_names(plan, index).items()
        },
        "bridge": _bridge_names(plan),
    }


def ask_names(plan: Plan, journey_index: int | None) -> dict[str, str]:
    """Call to action id -> its ask, in one journey (ids are unique only within it)."""
    if journey_index is None or not 0 <= journey_index < len(plan.journeys):
        return {}
    stages = plan.journeys[journey_index].stages
    return {cta.id: " ".join(cta.ask.split()) for st in stages for cta in st.ctas if cta.id}


def _bridge_names(plan: Plan) -> dict[str, str]:
    """Bridge id -> `from “Sees the map” to “Walks with the bus”`."""
    names = {}
    for bridge in plan.bridges:
        journey = next((j for j in plan.journeys if j.id == bridge.journey), None)
        stages = {} if journey is None else stage_names(plan, plan.journeys.index(journey))
        start, end = stages.get(bridge.from_), stages.get(bridge.to)
        if bridge.id and start and end:
            names[bridge.id] = f"from “{start}” to “{end}”"
    return names


def stage_names(plan: Plan, journey_index: int | None) -> dict[str, str]:
    """Stage id -> name in one journey (stage ids are unique only within their journey)."""
    if journey_index is None or not 0 <= journey_index < len(plan.journeys):
        return {}
    stages = plan.journeys[journey_index].stages
    return {stage.id: stage_name(stage, i) for i, stage in enumerate(stages) if stage.id}


def in_words(message: str, names: dict[str, dict[str, str]], stages: dict[str, str]) -> str:
    """`message` with ids replaced by names, ISO dates by `15 Mar 2027`, `6,034.48` rounded."""
    for ask in names["ask"]:  # an ask may hold an apostrophe: quote it before the ids
        message = message.replace(f"'{ask}'", f"“{ask}”")
    text = _QUOTED.sub(_replacer(names, stages), message)
    text = _ISO_DAY.sub(_day, text)
    text = _LONG_DECIMAL.sub(
        lambda match: format_number(round(float(match[0].replace(",", "")))), text
    )
    text = _without_echo(text)
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _replacer(
    names: dict[str, dict[str, str]], stages: dict[str, str]
) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        word, identifier = match[1] or "", match[2]
        kind = _kind(word.lower(), identifier, names, stages)
        if kind is None:
            return match[0]
        if kind == "journey" and word.lower() == "journey":
            journey = f"the journey for {names['journey'][identifier]}"
            return journey[0].upper() + journey[1:] if word[0].isupper() else journey
        name = stages[identifier] if kind == "stage" else names[kind][identifier]
        if kind == "bridge":  # `Bridge 2 (from “A” to “B”)`: the bridge has no name
            return match[0][: match.start(2) - match.start(0) - 1] + f"({name})"
        return match[0][: match.start(2) - match.start(0) - 1] + f"“{name}”"

    return replace


def _kind(
    word: str, identifier: str, names: dict[str, dict[str, str]], stages: dict[str, str]
) -> str | None:
    if word == "stage":
        return "stage" if identifier in stages else None
    word = _WORD_KINDS.get(word, word)
    if word in names:
        return word if identifier in names[word] else None
    return next((kind for kind in _KINDS if identifier in names[kind]), None)


def _day(match: re.Match[str]) -> str:
    try:
        return short_date(dt.date(int(match[1]), int(match[2]), int(match[3])))
    except ValueError:
        return match[0]


def _rounded(match: re.Match[str]) -> str:
    """`6,034.48` -> `6,034`: a count nobody reads to the hundredth."""
    return format_number(round(float(match[0].replace(",", ""))))


def _without_echo(text: str) -> str:
    """`“Cllr Lowe” (Cllr Lowe)` -> `“Cllr Lowe”`: a rule's gloss that the name now repeats."""
    return re.sub(r"“([^”]+)” \(\1\)", r"“\1”", text)
