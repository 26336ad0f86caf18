"""Whether a list or mapping fits on one line in flow style (`[a, b]`), for restyle.py.

Finding out means writing it out, which ruamel.yaml does slowly: a count of characters
that any writing of it has settles long values first, so fmt's work grows with the plan,
and the width of short ones made only of plain words and whole numbers is added up.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import PlainScalarString

from movekit.edit import round_trip
from movekit.yamltext import plain_is_safe

LINE_WIDTH = 100
"""A flow list or mapping is kept on its line only if the line fits in this many columns."""


def fits(value: CommentedMap | CommentedSeq, start: int, flow_copy: Callable[[Any], Any]) -> bool:
    """Whether `value`, written in flow style from column `start`, ends within the line
    width; `flow_copy` gives the copy of it that would be written."""
    if surely_longer(value, LINE_WIDTH - start):
        return False  # never written out: a long list would be written at every level
    copy = flow_copy(value)
    width = plain_width(copy)
    if width is not None:
        return start + width <= LINE_WIDTH
    return start + written_width(copy) <= LINE_WIDTH


def written_width(copy: Any) -> int:
    """How wide ruamel.yaml writes a flow copy (a huge number if it takes several lines)."""
    out = io.StringIO()
    _writer().dump(copy, out)
    text = out.getvalue().rstrip("\n")
    return len(text) if "\n" not in text else 1 << 30


def plain_width(copy: Any, depth: int = 0) -> int | None:
    """The width of a flow copy, two levels deep at most, whose every text is written plain
    and every number is a plain int, as ruamel.yaml writes it (`[a, b]`, `{k: v, l: [w]}`);
    None for anything else, which is written out to be measured (ruamel.yaml has quirks:
    `[k: v]` for a mapping of one key in a list, a space in `[[ [a]]]`)."""
    if isinstance(copy, CommentedSeq | CommentedMap):
        if depth > 1 or (isinstance(copy, CommentedSeq) and any(map(_one_pair, copy))):
            return None
        parts = [
            _pair_width(key, copy[key], depth)
            if isinstance(copy, CommentedMap)
            else plain_width(key, depth + 1)
            for key in copy  # a mapping's keys, a list's items
        ]
        if None in parts:
            return None
        return 2 + sum(part for part in parts if part is not None) + 2 * max(len(parts) - 1, 0)
    if type(copy) is int:
        return len(str(copy))
    if type(copy) in (str, PlainScalarString) and plain_is_safe(copy, flow=True):
        return len(copy)
    return None


def _one_pair(item: Any) -> bool:
    return isinstance(item, CommentedMap) and len(item) == 1


def _pair_width(key: Any, value: Any, depth: int) -> int | None:
    """`key: value` in a flow mapping."""
    if isinstance(key, CommentedMap | CommentedSeq):
        return None
    key_width, value_width = plain_width(key), plain_width(value, depth + 1)
    if key_width is None or value_width is None:
        return None
    return key_width + 2 + value_width


@functools.cache
def _writer() -> YAML:
    """One writer for every trial: setting one up costs more than writing a short list."""
    return round_trip(faithful=True)


def surely_longer(value: Any, room: int) -> bool:
    """Whether the flow form of `value` is certainly longer than `room` columns.

    It counts what any writing of it has (brackets, separators, the characters of every
    text and key) and stops as soon as it is over, so each call costs at most about `room`
    steps beyond the value's own keys: fmt stays linear in the size of the plan, aliases
    included.
    """
    total = 0
    stack: list[Any] = [value]
    while stack and total <= room:
        node = stack.pop()
        if isinstance(node, CommentedMap | CommentedSeq):
            total += 2 * len(node)  # the brackets, and ", " between items (or ": " in {})
            if isinstance(node, CommentedMap):
                total += sum(len(str(key)) for key in node)
                stack.extend(node.values())
            else:
                stack.extend(node)
        elif isinstance(node, str):
            total += len(node)  # quotes and escapes only add
        elif node is not None:
            total += 1  # numbers and booleans: at least one character
    return total > room
