"""Who else stands with or against the campaign (stakeholders), and what it says (messages):
plain data for the power section and the Messages section, as in document.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from movekit.model import Plan
from movekit.modelwork import STANCES, Message, Stakeholder


@dataclass(frozen=True)
class ArgumentRow:
    """What a stakeholder says, and the messages that answer it (their texts)."""

    id: str
    says: str
    stakeholder: str
    """The name of the stakeholder who says it."""
    stance: str
    answers: list[str]


@dataclass(frozen=True)
class StakeholderRow:
    """An ally, a neutral or an opponent: what they want, whom they reach, what they say."""

    id: str
    name: str
    stance: str
    interests: list[str]
    audiences: list[str]
    """Names of the audiences they reach or organise."""
    owner: str | None
    arguments: list[ArgumentRow]


@dataclass(frozen=True)
class MessageRow:
    """A message in the words the campaign will use."""

    id: str
    text: str
    owner: str | None


@dataclass(frozen=True)
class AudienceMessages:
    """The core messages for one audience (`audience` None: for everyone)."""

    audience: str | None
    messages: list[MessageRow]


@dataclass(frozen=True)
class Messages:
    """Core messages by audience, then every argument that is answered or needs an answer."""

    core: list[AudienceMessages]
    counters: list[ArgumentRow]
    """Arguments of opponents, and any argument a message answers, in the plan's order."""

    def __bool__(self) -> bool:
        return bool(self.core or self.counters)


def stakeholder_rows(plan: Plan) -> list[StakeholderRow]:
    """Allies, then neutrals, then opponents, each in the plan's order."""
    answers = _answers(plan)
    audiences = {audience.id: audience.name for audience in plan.audiences}
    ordered = sorted(plan.stakeholders, key=lambda item: STANCES.index(item.stance))
    return [_stakeholder(item, audiences, answers) for item in ordered]


def messages(plan: Plan) -> Messages:
    """The Messages section; empty when the plan has no messages."""
    if not plan.messages:
        return Messages([], [])
    counters = [
        argument
        for row in stakeholder_rows(plan)
        for argument in row.arguments
        if argument.answers or row.stance == "opponent"
    ]
    return Messages(_core(plan), counters)


def _core(plan: Plan) -> list[AudienceMessages]:
    core = [message for message in plan.messages if not message.answers]
    groups = [AudienceMessages(None, [_message(m) for m in core if not m.audiences])]
    for audience in plan.audiences:
        found = [_message(m) for m in core if audience.id in m.audiences]
        groups.append(AudienceMessages(audience.name, found))
    return [group for group in groups if group.messages]


def _message(message: Message) -> MessageRow:
    return MessageRow(message.id, message.text, message.owner)


def _answers(plan: Plan) -> dict[str, list[str]]:
    """Argument id -> the texts of the messages that answer it, in the plan's order."""
    found: dict[str, list[str]] = defaultdict(list)
    for message in plan.messages:
        for argument in dict.fromkeys(message.answers):
            found[argument].append(message.text)
    return found


def _stakeholder(
    item: Stakeholder, audiences: dict[str, str], answers: dict[str, list[str]]
) -> StakeholderRow:
    return StakeholderRow(
        id=item.id,
        name=item.name,
        stance=item.stance,
        interests=list(item.interests),
        audiences=[audiences.get(audience, audience) for audience in item.audiences],
        owner=item.owner,
        arguments=[
            ArgumentRow(a.id, a.says, item.name, item.stance, answers.get(a.id, []))
            for a in item.arguments
        ],
    )
