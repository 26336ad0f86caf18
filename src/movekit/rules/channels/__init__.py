"""Rules for the method's part: channels."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.channels import (
    audience_channel_mismatch,
    channel_no_owner,
    channel_unused,
    single_channel,
)

RULES: list[Rule] = [
    channel_no_owner.RULE,
    single_channel.RULE,
    audience_channel_mismatch.RULE,
    channel_unused.RULE,
]
