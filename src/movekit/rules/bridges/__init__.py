"""Rules for the method's part: bridges."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.bridges import (
    bridge_backwards,
    bridge_missing,
    bridge_mode_mismatch,
    journey_offline_missing,
    offline_ask_too_early,
)

RULES: list[Rule] = [
    journey_offline_missing.RULE,
    bridge_missing.RULE,
    bridge_backwards.RULE,
    bridge_mode_mismatch.RULE,
    offline_ask_too_early.RULE,
]
