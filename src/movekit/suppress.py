"""Inline suppressions: `# movekit: ignore[MK302]` on a finding's line or alone above it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from movekit.codes import ALWAYS_ON

_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*movekit:\s*ignore\[([^\]\n]*)\]")


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


def find_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment in a plan's text."""
    if "ignore[" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT.search(line)
        if match is None:
            continue
        codes = tuple(
            code.strip().upper() for code in re.split(r"[,\s]+", match.group(1)) if code.strip()
        )
        alone = not line[: match.start()].strip()
        target = number + 1 if alone else number
        found.append(Suppression(number, match.start() + 1, codes, target))
    return found
