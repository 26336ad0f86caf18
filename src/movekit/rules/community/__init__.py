"""Rules for the method's part: community."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.community import (
    community_missing,
    content_creator_only,
    mechanism_no_tools,
    ownership_without_mechanism,
)

RULES: list[Rule] = [
    community_missing.RULE,
    mechanism_no_tools.RULE,
    content_creator_only.RULE,
    ownership_without_mechanism.RULE,
]
