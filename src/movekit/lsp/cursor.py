"""Where the cursor is in a plan's text, read from the text alone: which key's value is being
typed, inside which sections, and what is typed so far. Completion needs this while the file
is half typed and will not parse, so it never asks the YAML parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY_LINE = re.compile(r"^(\s*)(?:-\s+)*([A-Za-z][\w-]*)\s*:(?:\s+(.*))?$")
"""`  - key: value` (value may be missing): the key and its column."""
_DASH = re.compile(r"^(\s*)-(?:\s+|$)")
_BLOCK_VALUE = re.compile(r"^(\s*)(?:-\s+)*([A-Za-z][\w-]*)\s*:\s+([\w:/-]*)$")
_LIST_ITEM = re.compile(r"^(\s*)-\s+([\w:/-]*)$")
_TYPED = re.compile(r"[\w:/-]*$")
_FLOW_PAIR = re.compile(r"([A-Za-z][\w-]*)\s*:\s*([^,{}\[\]]*)")
_FLOW_KEY = re.compile(r"([A-Za-z][\w-]*)\s*:\s*$")


@dataclass(frozen=True)
class Spot:
    """What is at the cursor."""

    key: str
    """The key whose value is being typed (`audience`), or "" where a key or an item goes."""
    parents: tuple[str, ...]
    """The keys of the sections around it, outermost first: ('journeys', 'stages')."""
    typed: str
    """The part of the value typed so far (replaced by the completion)."""
    start: int
    """The column (a character index) where `typed` starts."""
    siblings: dict[str, str] = field(default_factory=dict)
    """Other `key: value` pairs of the same item (a bridge's `journey:`)."""
    indent: int = 0
    """The column a new key or item would start at (an item's: its dash)."""
    item: bool = False
    """The cursor is just after a block list's `- `: where a new item goes."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def spot(lines: list[str], row: int, column: int) -> Spot:
    """What is at `column` (a character index) of line `row`."""
    line = lines[row] if row < len(lines) else ""
    prefix = line[:column]
    inline = _inline(prefix)
    if inline is not None:
        key, opened, typed, pairs = inline
        outer = parent_keys(lines, row, _indent(line))
        return Spot(key, (*outer, *opened), typed, column - len(typed), pairs, _indent(line))
    if match := _BLOCK_VALUE.match(prefix):
        key_column = match.start(2)
        typed = match.group(3)
        parents = parent_keys(lines, row, key_column)
        siblings = _siblings(lines, row, key_column)
        return Spot(match.group(2), parents, typed, column - len(typed), siblings, key_column)
    if match := _LIST_ITEM.match(prefix):
        dash = len(match.group(1))
        typed = match.group(2)
        owner = _list_owner(lines, row, dash)
        if owner is None:
            return Spot("", (), typed, column - len(typed), {}, dash)
        owner_row, owner_key, owner_column = owner
        parents = parent_keys(lines, owner_row, owner_column)
        siblings = _siblings(lines, owner_row, owner_column)
        start = column - len(typed)
        return Spot(owner_key, parents, typed, start, siblings, dash, item=True)
    if not prefix.strip():
        parents = parent_keys(lines, row, column)
        return Spot("", parents, "", column, {}, column)
    found = _TYPED.search(prefix)
    word = found.group(0) if found else ""
    return Spot("", (), word, column - len(word), {}, _indent(line))


def _inline(prefix: str) -> tuple[str, tuple[str, ...], str, dict[str, str]] | None:
    """Inside `[...]` or `{...}` on this line: (key, keys of the open brackets, typed,
    the open mapping's other pairs); None when the cursor is in no open bracket."""
    stack: list[tuple[str, int]] = []
    quote = ""
    for index, char in enumerate(prefix):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (index == 0 or prefix[index - 1] in " [{,:"):
            quote = char
        elif char in "[{":
            stack.append((char, index))
        elif char in "]}" and stack:
            stack.pop()
    if not stack:
        return None
    keys = []
    for _, at in stack:
        found = _FLOW_KEY.search(prefix[:at])
        keys.append(found.group(1) if found else "")
    bracket, at = stack[-1]
    inside = prefix[at + 1 :]
    tail = re.split(r"[,\[{]", inside)[-1]
    if bracket == "[":
        typed = tail.strip()
        return keys[-1], tuple(key for key in keys[:-1] if key), typed, {}
    pairs = {key: value.strip() for key, value in _FLOW_PAIR.findall(inside)}
    current = re.match(r"\s*([A-Za-z][\w-]*)\s*:\s*([\w:/-]*)$", tail)
    opened = tuple(key for key in keys if key)
    if current is None:
        word = _TYPED.search(tail)
        return "", opened, word.group(0) if word else "", pairs
    pairs.pop(current.group(1), None)
    return current.group(1), opened, current.group(2), pairs


def parent_keys(lines: list[str], row: int, column: int) -> tuple[str, ...]:
    """The keys of the block sections around a key at (row, column), outermost first: read
    from indentation alone (completion here, hover in a half-typed file: lsp/locate.py)."""
    found: list[str] = []
    limit, keys_at_limit = column, False
    for above in range(row - 1, -1, -1):
        line = lines[above]
        if not _meaningful(line):
            continue
        indent = _indent(line)
        if indent > limit or (indent == limit and not keys_at_limit):
            continue
        if _DASH.match(line):
            if indent < limit:
                limit, keys_at_limit = indent, True
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            continue
        found.append(match.group(2))
        limit, keys_at_limit = indent, False
        if indent == 0:
            break
    return tuple(reversed(found))


def _siblings(lines: list[str], row: int, column: int) -> dict[str, str]:
    """`key: value` pairs at `column` in the item that holds line `row`."""
    first = row
    while first > 0:
        line = lines[first]
        dash = _DASH.match(line)
        if dash and len(dash.group(1)) < column:
            break
        if _meaningful(line) and _indent(line) < column and not dash:
            return {}
        first -= 1
    found: dict[str, str] = {}
    for index in range(first, len(lines)):
        line = lines[index]
        if index > first and _meaningful(line) and _indent(line) < column:
            break
        match = _KEY_LINE.match(line)
        if match and match.start(2) == column and index != row:
            found[match.group(2)] = (match.group(3) or "").split("#")[0].strip()
    return found


def _list_owner(lines: list[str], row: int, dash: int) -> tuple[int, str, int] | None:
    """The key a `- ` item at column `dash` belongs to: (row, key, its column)."""
    for above in range(row - 1, -1, -1):
        line = lines[above]
        if not _meaningful(line):
            continue
        indent = _indent(line)
        if indent > dash or (indent == dash and _DASH.match(line)):
            continue
        match = _KEY_LINE.match(line)
        if match is None or indent > dash:
            return None
        return above, match.group(2), match.start(2)
    return None
