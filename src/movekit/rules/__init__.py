"""The rule registry: every rule movekit knows, in code order, in one explicit list.

A new rule is one module under a group package (its check and its `RULE`) and one line
below. tests/test_registry.py fails when a rule module is left out or codes are out of
order; scripts/gen_rules_doc.py regenerates codes.py and docs/rules.md from this list.
"""

from __future__ import annotations

from movekit.rules import file_level
from movekit.rules.audiences import (
    audience_no_barrier,
    audience_no_channel,
    audience_no_journey,
    audience_no_motivation,
)
from movekit.rules.base import Rule
from movekit.rules.bridges import (
    bridge_backwards,
    bridge_missing,
    bridge_mode_mismatch,
    journey_offline_missing,
    offline_ask_too_early,
)
from movekit.rules.channels import (
    audience_channel_mismatch,
    channel_no_owner,
    channel_unused,
    single_channel,
)
from movekit.rules.community import (
    community_missing,
    content_creator_only,
    mechanism_no_tools,
    ownership_without_mechanism,
)
from movekit.rules.iterate import (
    duplicate_result,
    measure_no_results,
    measure_off_track,
    no_review_plan,
    result_in_future,
    review_in_future,
    review_overdue,
    spend_out_of_step,
    target_missed,
)
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
from movekit.rules.power import (
    argument_unanswered,
    assumption_under_strain,
    assumption_untested,
    dated_ask_outside_campaign,
    no_owner,
    no_primary_target,
    offline_ask_no_safety,
    policy_outcome_no_target,
    risk_no_mitigation,
    risk_review_overdue,
    secondary_position_unknown,
    stage_phases_backwards,
    target_position_unknown,
    target_unreached,
)
from movekit.rules.strategy import (
    awareness_only_strategy,
    measure_due_outside_campaign,
    measure_no_baseline,
    measure_no_due_date,
    measure_no_target,
    measure_target_to_be_set,
    no_interim_checkpoint,
    outcome_no_measure,
    outcome_unreached,
)

RULES: tuple[Rule, ...] = (
    file_level.YAML_SYNTAX,
    file_level.SCHEMA,
    file_level.UNKNOWN_KEY,
    file_level.DUPLICATE_ID,
    file_level.UNKNOWN_REFERENCE,
    file_level.DUPLICATE_KEY,
    file_level.UNSUPPORTED_VERSION,
    file_level.UNUSED_SUPPRESSION,
    outcome_no_measure.RULE,
    measure_no_target.RULE,
    measure_no_due_date.RULE,
    measure_no_baseline.RULE,
    outcome_unreached.RULE,
    awareness_only_strategy.RULE,
    measure_due_outside_campaign.RULE,
    measure_target_to_be_set.RULE,
    no_interim_checkpoint.RULE,
    audience_no_motivation.RULE,
    audience_no_journey.RULE,
    audience_no_barrier.RULE,
    audience_no_channel.RULE,
    stage_no_cta.RULE,
    stage_no_content.RULE,
    journey_stops_at_moment.RULE,
    ladder_step_back.RULE,
    ladder_skips_rung.RULE,
    journey_no_outcome.RULE,
    cta_unmeasured.RULE,
    journey_single_stage.RULE,
    journey_offline_missing.RULE,
    bridge_missing.RULE,
    bridge_backwards.RULE,
    bridge_mode_mismatch.RULE,
    offline_ask_too_early.RULE,
    community_missing.RULE,
    mechanism_no_tools.RULE,
    content_creator_only.RULE,
    ownership_without_mechanism.RULE,
    no_review_plan.RULE,
    review_overdue.RULE,
    measure_off_track.RULE,
    measure_no_results.RULE,
    target_missed.RULE,
    result_in_future.RULE,
    duplicate_result.RULE,
    review_in_future.RULE,
    spend_out_of_step.RULE,
    channel_no_owner.RULE,
    single_channel.RULE,
    audience_channel_mismatch.RULE,
    channel_unused.RULE,
    policy_outcome_no_target.RULE,
    no_primary_target.RULE,
    target_unreached.RULE,
    target_position_unknown.RULE,
    assumption_untested.RULE,
    assumption_under_strain.RULE,
    risk_no_mitigation.RULE,
    risk_review_overdue.RULE,
    offline_ask_no_safety.RULE,
    no_owner.RULE,
    stage_phases_backwards.RULE,
    dated_ask_outside_campaign.RULE,
    secondary_position_unknown.RULE,
    argument_unanswered.RULE,
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
