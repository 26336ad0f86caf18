"""Snippets for new items (a stage, a call to action, a bridge, ...) and the plain text of the
keys a rule asks for, in the plan's own indentation.

A snippet is written for an item starting at the list's dash: its lines are given with
relative indentation (two spaces a level) and re-indented to the plan's step."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Snippet:
    """A new list item: where it goes (the list's key), its label and its lines."""

    label: str
    lists: tuple[str, ...]
    """The keys whose items it makes (`stages`): offered there and at the top of an item."""
    body: tuple[str, ...]
    """The item's lines; the first follows `- `, the others are indented one level more
    than the dash per leading pair of spaces, and `${n:...}` are tab stops."""


SNIPPETS = (
    Snippet(
        "new stage",
        ("stages",),
        (
            "id: ${1:stage-id}",
            "name: ${2:What the person does or feels}",
            "level: ${3|awareness,engagement,action,ownership|}",
            "ctas:",
            "  - ask: ${4:The ask, in the words you will use}",
            "    mode: ${5|online,offline,direct|}",
        ),
    ),
    Snippet(
        "new call to action",
        ("ctas",),
        ("ask: ${1:The ask, in the words you will use}", "mode: ${2|online,offline,direct|}"),
    ),
    Snippet(
        "new bridge",
        ("bridges",),
        (
            "journey: ${1:journey-id}",
            "from: ${2:online-stage-id}",
            "to: ${3:offline-stage-id}",
            "how: ${4:How people are moved across}",
        ),
    ),
    Snippet(
        "new mechanism",
        ("community",),
        (
            "id: ${1:mechanism-id}",
            "name: ${2:Its name, as participants know it}",
            "kind: ${3|create,contribute,organise,fund,decide|}",
        ),
    ),
    Snippet(
        "new phase",
        ("phases",),
        (
            "id: ${1:phase-id}",
            "name: ${2:The phase's name}",
            "starts: ${3:YYYY-MM-DD}",
            "ends: ${4:YYYY-MM-DD}",
            "review: ${5:YYYY-MM-DD}",
        ),
    ),
    Snippet(
        "new result",
        ("results",),
        ("measure: ${1:measure-id}", "date: ${2:YYYY-MM-DD}", "value: ${3:0}"),
    ),
    Snippet(
        "new activity",
        ("activities",),
        ("id: ${1:activity-id}", "what: ${2:What the team does}", "date: ${3:YYYY-MM-DD}"),
    ),
    Snippet(
        "new stakeholder",
        ("stakeholders",),
        (
            "id: ${1:stakeholder-id}",
            "name: ${2:Who they are}",
            "stance: ${3|ally,neutral,opponent|}",
        ),
    ),
    Snippet(
        "new message",
        ("messages",),
        ("id: ${1:message-id}", "text: ${2:The message, in the words you will use}"),
    ),
)


@dataclass(frozen=True)
class Layout:
    """How a plan indents: the step of a mapping, and where a list's dashes go."""

    step: int = 2
    dash: int = 2
    """Spaces from a key to its list's dashes (0: `key:` then `- item` below it)."""
    newline: str = "\n"


_LIST_START = re.compile(r"^( *)[A-Za-z][\w-]*:\s*(?:#.*)?$")


def layout_of(text: str) -> Layout:
    """The plan's indentation, from its first block list and nested mapping."""
    lines = text.splitlines()
    newline = "\r\n" if "\r\n" in text else "\n"
    dash, step = 2, 2
    found_dash = found_step = False
    for index, line in enumerate(lines[:-1]):
        opener = _LIST_START.match(line)
        if opener is None:
            continue
        below = lines[index + 1]
        depth = len(below) - len(below.lstrip(" "))
        offset = depth - len(opener.group(1))
        if below.lstrip(" ").startswith("- ") and not found_dash and offset >= 0:
            dash, found_dash = offset, True
        elif not found_step and offset > 0 and not below.lstrip().startswith(("-", "#")):
            step, found_step = offset, True
        if found_dash and found_step:
            break
    return Layout(step, dash, newline)


def item_text(body: tuple[str, ...], dash_column: int, layout: Layout) -> str:
    """An item's lines after `- ` at `dash_column`: later lines re-indented."""
    content = dash_column + 2
    lines = [body[0]]
    for line in body[1:]:
        pairs = (len(line) - len(line.lstrip(" "))) // 2
        lines.append(" " * (content + pairs * layout.step) + line.lstrip(" "))
    return layout.newline.join(lines)


def plain(snippet_text: str) -> str:
    """A snippet's text with tab stops replaced by their placeholder (for a TextEdit)."""
    text = re.sub(r"\$\{\d+\|([^,|]*)[^}]*\}", r"\1", snippet_text)
    return re.sub(r"\$\{\d+:([^}]*)\}", r"\1", text)


def review_date(today: dt.date) -> str:
    """A review date to start from: four weeks on."""
    return (today + dt.timedelta(days=28)).isoformat()
