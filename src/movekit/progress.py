"""Where a measure stands against its straight line from baseline to target.

One function decides a measure's status for the rules MK603 to MK605 and for
`movekit status`, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from enum import StrEnum

from movekit.measuretypes import relative_share
from movekit.model import Measure, Result


class Status(StrEnum):
    """A measure's standing on a given day."""

    ON_TRACK = "on-track"
    BEHIND = "behind"
    MISSED = "missed"
    MET = "met"
    NO_DATA = "no-data"


def baseline_value(measure: Measure) -> float | None:
    """The baseline as a number; None when missing or still `tbd`."""
    baseline = measure.baseline
    return None if baseline is None or isinstance(baseline, str) else float(baseline)


def target_value(measure: Measure) -> float | None:
    """The target as a number: `+30%` on a baseline of 1,000 is 1,300 (at most two decimals).

    None when missing or still `tbd`. Every reader of a target goes through here, so a
    relative target means the same number to the rules, `status` and documents.
    """
    target = measure.target
    if target is None or not isinstance(target, str):
        return None if target is None else float(target)
    share, baseline = relative_share(target), baseline_value(measure)
    if share is None or baseline is None:
        return None
    return round(baseline * (1 + share), 2)


def target_words(measure: Measure) -> str:
    """The target as status and documents show it: `1,300`, `+30% (1,300)`, `tbd` or ``."""
    value = target_value(measure)
    if isinstance(measure.target, str):
        if value is None:
            return measure.target
        return f"{measure.target} ({format_number(relative_shown(measure, value))})"
    return "" if value is None else format_number(value)


def relative_shown(measure: Measure, value: float) -> float:
    """A worked-out relative target as people read it: whole when the baseline is (`+15%` of
    1,234 people is 1,419 people, not 1,419.1), else as target_value gives it (two decimals)."""
    baseline = baseline_value(measure)
    return (
        float(math.floor(value + 0.5)) if baseline is not None and baseline.is_integer() else value
    )


def baseline_words(measure: Measure) -> str:
    """The baseline as status and documents show it: `1,000`, `tbd` or ``."""
    baseline = measure.baseline
    if baseline is None or isinstance(baseline, str):
        return baseline or ""
    return format_number(baseline)


def milestone_words(measure: Measure, status: Status, write: Callable[[dt.date], str] = str) -> str:
    """A milestone's standing in words: `done on 2027-03-04`, `missed`, `due 2027-05-31`
    (documents `write` the dates their own way)."""
    if status is Status.MET and measure.done is not None:
        return f"done on {write(measure.done)}"
    if status is Status.MISSED:
        return "missed"
    return "not done yet" if measure.due is None else f"due {write(measure.due)}"


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
    baseline, target, due = baseline_value(measure), target_value(measure), measure.due
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
    values = [baseline_value(measure), target_value(measure)]
    values += [result.value for result in results if result.measure == measure.id]
    return all(value is None or float(value).is_integer() for value in values)


def _rising(measure: Measure) -> bool:
    """Most targets go up; a target below its baseline (fewer car trips) goes down."""
    baseline, target = baseline_value(measure), target_value(measure)
    return baseline is None or target is None or target >= baseline


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
    if measure.kind == "milestone":
        return milestone_status(measure, today)
    latest, target = latest_result(results, today), target_value(measure)
    if latest is None:
        return Status.NO_DATA
    if target is None:
        return Status.ON_TRACK
    if not is_short_of(latest.value, target, measure):
        return Status.MET
    if measure.due is not None and today > measure.due:
        return Status.MISSED
    expected = expected_value(measure, starts, today, results)
    if expected is not None and is_short_of(latest.value, expected, measure):
        return Status.BEHIND
    return Status.ON_TRACK


def milestone_status(measure: Measure, today: dt.date) -> Status:
    """Done on or before today: met; not done and its due date passed: missed.

    Otherwise on track (not due yet): a milestone has no numbers, so it is never behind
    and never without data (a `done` date after today is not done yet).
    """
    if measure.done is not None and measure.done <= today:
        return Status.MET
    if measure.due is not None and today > measure.due:
        return Status.MISSED
    return Status.ON_TRACK


def progress_share(measure: Measure, value: float) -> float | None:
    """How far `value` has come from baseline to target: 0 at the baseline, 1 at the target.

    Not clamped (overshooting gives more than 1, sliding back less than 0); None without a
    baseline and a target. Works for targets below their baseline too.
    """
    baseline, target = baseline_value(measure), target_value(measure)
    if baseline is None or target is None:
        return None
    if target == baseline:
        return 0.0 if is_short_of(value, target, measure) else 1.0
    return (value - baseline) / (target - baseline)


def whole_or_not(value: float) -> int | float:
    """6034.0 -> 6034: a whole number is written as one (in JSON and spreadsheets)."""
    return int(value) if float(value).is_integer() else value


def format_number(value: float) -> str:
    """A count as people write it: `1,640`, `12.5`, `0.33` (at most two decimals)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
