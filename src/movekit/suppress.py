"""Inline suppressions: `# movekit: ignore[MK302]` on a finding's line or alone above it.

Only a real YAML comment suppresses. libyaml does not report comments, so the text is
searched for the comment's shape, and a match that lies inside a value (a quoted or block
scalar the parser saw: `text_spans` from yamlevents.py) is that value's text, not a comment.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from movekit.codes import ALWAYS_ON
from movekit.yamltext import LINE_BREAK

_SPACE = r"[^\S\r\n\x85\u2028\u2029]*"
"""Spaces inside one line: a suppression never runs onto the next line."""

_COMMENT = re.compile(
    rf"(?:^|(?<=\s))#{_SPACE}movekit:{_SPACE}ignore\[([^\]\r\n\x85\u2028\u2029]*)\]"
)


@dataclass
class Suppression:
    """One suppression comment and which of its codes silenced something."""

    line: int
    column: int
    codes: tuple[str, ...]
    target_line: int
    used: set[str] = field(default_factory=set)

    def silences(self, code: str, line: int) -> bool:
        if line != self.target_line or code in ALWAYS_ON:
            return False
        for entry in self.codes:
            if code.startswith(entry):
                self.used.add(entry)
                return True
        return False

    @property
    def unused(self) -> list[str]:
        return [code for code in self.codes if code not in self.used]


def find_suppressions(text: str, text_spans: Sequence[tuple[int, int]] = ()) -> list[Suppression]:
    """Every suppression comment in a plan's text, skipping look-alikes inside values.

    `text_spans` are the (start, end) character offsets of the values that might hold
    such text, in order and not overlapping (as the parser reports them).
    """
    if "ignore[" not in text:
        return []
    span_starts = [start for start, _ in text_spans]
    line_starts: list[int] = []
    found = []
    for match in _COMMENT.finditer(text):
        at = match.start()
        index = bisect_right(span_starts, at) - 1
        if index >= 0 and at < text_spans[index][1]:
            continue  # a `#` inside a value is text
        if not line_starts:  # counted once, and only when a comment is there
            line_starts = [0, *(end.end() for end in LINE_BREAK.finditer(text))]
        number = bisect_right(line_starts, at)
        start = line_starts[number - 1]
        codes = tuple(
            code.strip().upper() for code in re.split(r"[,\s]+", match.group(1)) if code.strip()
        )
        alone = not text[start:at].strip()
        target = number + 1 if alone else number
        found.append(Suppression(number, at - start + 1, codes, target))
    return found
