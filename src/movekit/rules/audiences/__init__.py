"""Rules for the method's part: audiences."""

from __future__ import annotations

from movekit.rules.audiences import audience_no_barrier, audience_no_journey, audience_no_motivation
from movekit.rules.base import Rule

RULES: list[Rule] = [
    audience_no_motivation.RULE,
    audience_no_journey.RULE,
    audience_no_barrier.RULE,
]
