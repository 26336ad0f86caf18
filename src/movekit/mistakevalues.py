"""Recognisers for mistakes inside a line: a `: ` in text, a missing space, a key under a value."""

from __future__ import annotations

import re

from movekit.lookalikes import character_name
from movekit.mistakeshapes import (
    Failure,
    Found,
    content_before,
    indent_of,
    key_and_value,
    quoted,
    without_comment,
)

_CURLY = "\u201c\u201d\u2018\u2019\uff02\u201e\u201a"
_NO_SPACE = re.compile(r"^[ \t]*(?:- +)?(?P<key>[\w-]+):(?P<value>[^\s:/].*)$")
_STARTERS = {
    "@": ("`@`", "YAML keeps it for future use"),
    "`": ("a backtick (`)", "YAML keeps it for future use"),
    "%": ("`%`", "it starts a directive in YAML"),
    "*": ("`*`", "it makes the value a reference to an anchor"),
    "&": ("`&`", "it makes the value an anchor"),
    "!": ("`!`", "it makes the value a tag"),
    "|": ("`|`", "it starts a block of text"),
    ">": ("`>`", "it starts a block of text"),
}


def missing_space(failure: Failure) -> Found | None:
    """`name:Bus`: no space after the colon, so the line is text and the next key fails."""
    if "mapping values" not in failure.problem:
        return None
    previous = content_before(failure.lines, failure.line)
    if previous is None:
        return None
    match = _NO_SPACE.match(without_comment(failure.lines[previous]).rstrip())
    if match is None or ": " in failure.lines[previous]:
        return None
    fixed = f"{match.group('key')}: {match.group('value')}"
    message = f"`{match.group('key')}:` has no space after its colon, so YAML reads it as text"
    return Found(message, f"Add a space after the colon: `{fixed}`", previous, match.start("value"))


def colon_missing_above(failure: Failure) -> Found | None:
    """`- id riders` then `name: Riders`: the line above lacks its colon, so it runs on."""
    if "mapping values" not in failure.problem:
        return None
    previous = content_before(failure.lines, failure.line)
    line = failure.text(failure.line)
    if previous is None or ":" in line[: failure.column]:
        return None
    above = without_comment(failure.lines[previous])
    words = above.strip().removeprefix("- ").split(" ", 1)
    if ":" in above or len(words) != 2 or indent_of(line) <= indent_of(above):
        return None
    fixed = f"{words[0]}: {words[1].strip()}"
    shown = above.strip().removeprefix("- ")
    message = f"`{shown}` has no colon: YAML cannot tell the key from its value"
    column = above.index(words[0]) + len(words[0])
    return Found(message, f"Put a colon after the key: `{fixed}`", previous, column)


def colon_in_text(failure: Failure) -> Found | None:
    """`goal: Council adopts: School Streets`: the second `: ` would start another key."""
    if "mapping values" not in failure.problem:
        return None
    line = failure.text(failure.line)
    key, value = key_and_value(line[: failure.column])
    if not key or not value:
        return None
    start = line.index(":", line.index(key)) + 1
    value = without_comment(line[start:]).strip()
    if value[0] in _CURLY:
        message = (
            f"The text of `{key}` starts with {character_name(value[0])}, which YAML does not "
            "treat as a quote, so the `: ` inside it starts a new key"
        )
        inner = value.strip(_CURLY)
        hint = f"Use straight quotes: `{key}: {quoted(inner)}`"
        return Found(message, hint, failure.line, line.index(value[0], start))
    message = f"The text of `{key}` contains `: ` (a colon and a space), which starts a new key"
    hint = f"Put the text in quotes: `{key}: {quoted(value)}`"
    return Found(message, hint, failure.line, failure.column)


def key_under_value(failure: Failure) -> Found | None:
    """A key indented under a key that already has a value on its own line."""
    if "mapping values" not in failure.problem:
        return None
    previous = content_before(failure.lines, failure.line)
    if previous is None:
        return None
    line, above = failure.text(failure.line), failure.lines[previous]
    parent, value = key_and_value(without_comment(above))
    key, _ = key_and_value(line)
    if not parent or not value or not key:
        return None
    if indent_of(line) <= indent_of(above.replace("- ", "  ")):
        return None
    message = f"`{key}` is indented under `{parent}`, but `{parent}` already has a value ({value})"
    hint = (
        f"Line `{key}:` up with `{parent}:`, or, if `{key}` belongs inside `{parent}`, "
        f"delete `{value}` after `{parent}:`"
    )
    return Found(message, hint, failure.line, indent_of(line))


def bad_start(failure: Failure) -> Found | None:
    """A plain value starting with a character YAML reserves: `@team`, `*bold*`, `& co`."""
    marks = ((failure.context_line, failure.context_column), (failure.line, failure.column))
    for line, column in marks:
        char = failure.char(line, column)
        if char in _STARTERS and ("block scalar" in failure.context or char not in "|>"):
            break
    else:
        return None
    key, value = key_and_value(failure.text(line))
    name, why = _STARTERS[char]
    message = f"A value cannot start with {name} unless it is in quotes: {why}"
    hint = "Put the value in quotes"
    if char in "|>":
        hint = "Start the text on the next line, indented under the key, or put it in quotes"
    elif key:
        hint += f": `{key}: {quoted(without_comment(value).strip())}`"
    return Found(message, hint, line, column)


def key_indent(failure: Failure) -> Found | None:
    """A key indented so it lines up with no key above it."""
    if "expected key" not in failure.problem:
        return None
    line = failure.text(failure.line)
    key, _ = key_and_value(line)
    previous = content_before(failure.lines, failure.line)
    if not key or previous is None or failure.column != indent_of(line):
        return None
    above = failure.lines[previous]
    width = indent_of(above.replace("- ", "  "))
    sibling, _ = key_and_value(above)
    spaces = _spaces(indent_of(line))
    message = f"`{key}` is indented by {spaces}, which lines it up with no key above it"
    hint = (
        f"Indent it like the keys it belongs with "
        f"(`{sibling or above.strip()}` on line {previous + 1} uses {_spaces(width)})"
    )
    return Found(message, hint, failure.line, indent_of(line))


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"
