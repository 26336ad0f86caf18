"""Where a measure stands against its straight line from baseline to target.

One function decides a measure's status for the rules MK603 to MK605 and for
`movekit status`, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from enum import StrEnum

from movekit.model import Measure, Result


class Status(StrEnum):
    """A measure's standing on a given day."""

    ON_TRACK = "on-track"
    BEHIND = "behind"
    MISSED = "missed"
    MET = "met"
    NO_DATA = "no-data"


def latest_result(results: Sequence[Result], today: dt.date) -> Result | None:
    """The most recent result dated on or before today (the later one in the file on a tie)."""
    latest: Result | None = None
    for result in results:
        if result.date <= today and (latest is None or result.date >= latest.date):
            latest = result
    return latest


def expected_value(
    measure: Measure, starts: dt.date | None, on: dt.date, results: Sequence[Result] = ()
) -> float | None:
    """The value on the straight line from baseline (at `starts`) to target (at `due`).

    When the baseline, the target and the measure's `results` are all whole numbers (counts
    of people), the value is rounded to the nearest whole number: "6 expected", not 6.02.
    This is the one place that rounds, so status, rule messages and documents agree, and a
    result of 6 is on track against it.
    """
    baseline, target, due = measure.baseline, measure.target, measure.due
    if baseline is None or target is None or due is None or starts is None:
        return None
    if on >= due or due <= starts:
        return float(target)
    if on <= starts:
        return float(baseline)
    share = (on - starts).days / (due - starts).days
    value = baseline + (target - baseline) * share
    return float(math.floor(value + 0.5)) if is_whole(measure, results) else value


def is_whole(measure: Measure, results: Sequence[Result]) -> bool:
    """True when the baseline, the target and the measure's own results are whole numbers."""
    values = [measure.baseline, measure.target]
    values += [result.value for result in results if result.measure == measure.id]
    return all(value is None or float(value).is_integer() for value in values)


def _rising(measure: Measure) -> bool:
    """Most targets go up; a target below its baseline (fewer car trips) goes down."""
    return measure.baseline is None or measure.target is None or measure.target >= measure.baseline


def is_short_of(value: float, goal: float, measure: Measure) -> bool:
    """True when `value` has not yet reached `goal` in the measure's direction."""
    return value < goal if _rising(measure) else value > goal


def measure_status(
    measure: Measure, results: Sequence[Result], starts: dt.date | None, today: dt.date
) -> Status:
    """Classify a measure on `today` from its results (any order).

    The latest result is compared with what the line expects *today*, not on the day it
    was measured: a count that was on track in January and has not been updated since is
    not known to be on track in March.
    """
    latest = latest_result(results, today)
    if latest is None:
        return Status.NO_DATA
    if measure.target is None:
        return Status.ON_TRACK
    if not is_short_of(latest.value, measure.target, measure):
        return Status.MET
    if measure.due is not None and today > measure.due:
        return Status.MISSED
    expected = expected_value(measure, starts, today, results)
    if expected is not None and is_short_of(latest.value, expected, measure):
        return Status.BEHIND
    return Status.ON_TRACK


def progress_share(measure: Measure, value: float) -> float | None:
    """How far `value` has come from baseline to target: 0 at the baseline, 1 at the target.

    Not clamped (overshooting gives more than 1, sliding back less than 0); None without a
    baseline and a target. Works for targets below their baseline too.
    """
    baseline, target = measure.baseline, measure.target
    if baseline is None or target is None:
        return None
    if target == baseline:
        return 0.0 if is_short_of(value, target, measure) else 1.0
    return (value - baseline) / (target - baseline)


def format_number(value: float) -> str:
    """A count as people write it: `1,640`, `12.5`, `0.33` (at most two decimals)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
