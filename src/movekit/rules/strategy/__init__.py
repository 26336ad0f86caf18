"""Rules for the method's part: strategy."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.strategy import (
    awareness_only_strategy,
    measure_due_outside_campaign,
    measure_no_baseline,
    measure_no_due_date,
    measure_no_target,
    outcome_no_measure,
    outcome_unreached,
)

RULES: list[Rule] = [
    outcome_no_measure.RULE,
    measure_no_target.RULE,
    measure_no_due_date.RULE,
    measure_no_baseline.RULE,
    outcome_unreached.RULE,
    awareness_only_strategy.RULE,
    measure_due_outside_campaign.RULE,
]
