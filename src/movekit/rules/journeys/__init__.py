"""Rules for the method's part: journeys."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.journeys import (
    cta_unmeasured,
    journey_no_outcome,
    journey_single_stage,
    journey_stops_at_moment,
    ladder_skips_rung,
    ladder_step_back,
    stage_no_content,
    stage_no_cta,
)

RULES: list[Rule] = [
    stage_no_cta.RULE,
    stage_no_content.RULE,
    journey_stops_at_moment.RULE,
    ladder_step_back.RULE,
    ladder_skips_rung.RULE,
    journey_no_outcome.RULE,
    cta_unmeasured.RULE,
    journey_single_stage.RULE,
]
