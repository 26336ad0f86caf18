"""The rule registry: every rule movekit knows, in code order, in one explicit list."""

from __future__ import annotations

from movekit.rules import (
    audiences,
    bridges,
    channels,
    community,
    file_level,
    iterate,
    journeys,
    strategy,
)
from movekit.rules.base import Rule

RULES: list[Rule] = [
    *file_level.RULES,
    *strategy.RULES,
    *audiences.RULES,
    *journeys.RULES,
    *bridges.RULES,
    *community.RULES,
    *iterate.RULES,
    *channels.RULES,
]

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
