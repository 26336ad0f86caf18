"""Rules for the method's part: iterate."""

from __future__ import annotations

from movekit.rules.base import Rule
from movekit.rules.iterate import (
    measure_no_results,
    measure_off_track,
    no_review_plan,
    review_overdue,
    target_missed,
)

RULES: list[Rule] = [
    no_review_plan.RULE,
    review_overdue.RULE,
    measure_off_track.RULE,
    measure_no_results.RULE,
    target_missed.RULE,
]
