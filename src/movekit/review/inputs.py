"""What `movekit record` is given, checked against the plan: measures, numbers, dates, and
whether a result is new or corrects one already recorded for its day.

Checks return messages instead of raising, so that a CSV file is checked row by row and
every bad row is reported at once, before anything is written (csvfile.py).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from movekit.errors import UsageError
from movekit.model import LARGEST_NUMBER, Plan, Result, Review
from movekit.months import is_month, month_day, written
from movekit.progress import format_number

MAX_SHOWN = 20
"""Bad CSV rows listed in one message; the rest are counted."""

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_number(text: str) -> tuple[int | float | None, str | None]:
    """A measured value typed by a person: the number, or why it is not one."""
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        return None, f"'{text}' is not a number{_number_hint(cleaned)}"
    value: int | float = int(cleaned) if _INTEGER.fullmatch(cleaned) else float(cleaned)
    if not math.isfinite(value) or abs(value) > LARGEST_NUMBER:
        return None, f"'{text}' is too large for a campaign number"
    return value, None


def _number_hint(text: str) -> str:
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        return f": write it without thousands separators, such as {text.replace(',', '')}"
    if re.fullmatch(r"[-+]?\d+,\d+", text):
        return f": use a point for decimals, such as {text.replace(',', '.')}"
    if text.endswith("%") and _NUMBER.fullmatch(text[:-1].strip()):
        return f": write percentages without the % sign, such as {text[:-1].strip()}"
    return ": write digits, with a point for decimals, such as 14 or 12.5"


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    """An ISO date typed by a person, or a month (`2027-03`, standing for its last day and
    written back as typed): the date, or why it is not one."""
    cleaned = text.strip()
    if _DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned), None
        except ValueError:
            return None, f"'{text}' is not a date in the calendar"
    month = month_day(cleaned, first=False)
    if month is not None:
        return month, None
    return None, f"'{text}' is not a date: write it as YYYY-MM-DD, such as 2027-03-15"


def unknown_id(name: str, known: Sequence[str], kind: str) -> str | None:
    """None when `name` is one of `known`, else a message with a "did you mean"."""
    if name in known:
        return None
    if not known:
        return f"'{name}' is not a {kind}: the plan has no {kind}s yet"
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"'{name}' is not a {kind} in the plan; did you mean '{close[0]}'?"
    shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
    return f"'{name}' is not a {kind} in the plan (its {kind}s: {shown})"


def measure_ids(plan: Plan) -> list[str]:
    return [measure.id for outcome in plan.outcomes for measure in outcome.measures]


class Measures:
    """The plan's measure ids with a set for look-ups, built once for many CSV rows."""

    def __init__(self, plan: Plan) -> None:
        self.ids = measure_ids(plan)
        self.known = frozenset(self.ids)
        self.milestones = frozenset(
            measure.id
            for outcome in plan.outcomes
            for measure in outcome.measures
            if measure.kind == "milestone"
        )

    def unknown(self, name: str) -> str | None:
        """None when `name` is a measure of the plan, else a message with a "did you mean"."""
        if name in self.milestones:
            return (
                f"'{name}' is a milestone: it has no value to record; record the day it "
                f"happened with `movekit record PLAN {name} --date YYYY-MM-DD`"
            )
        return None if name in self.known else unknown_id(name, self.ids, "measure")


@dataclass(frozen=True)
class Options:
    """The day `record` takes for today, and what its options allow."""

    today: dt.date
    allow_future: bool = False
    """--allow-future: a date after today is recorded anyway."""
    replace: bool = False
    """--replace: a value for a day that already has a result corrects that result."""


@dataclass(frozen=True)
class NewResult:
    """A result to write, and the index in the plan's results of the one it corrects."""

    result: Result
    replaces: int | None = None
    """None when the result is added at the end of `results:`."""


_FUTURE = {
    "result": "a result is recorded once it has been measured",
    "milestone": "a milestone is marked done once it has happened",
    "review": "a review is recorded once it has been held (plan it with the phase's review: date)",
    "spending": "money is recorded once it has been spent",
}


def future_date(date: dt.date | None, options: Options, kind: str) -> str | None:
    """Why a date after today is refused (None when it is not, or --allow-future is on)."""
    if date is None or date <= options.today or options.allow_future:
        return None
    if is_month(date):
        return (
            f"{date:%Y-%m} stands for its last day, {date.isoformat()}, which is after today "
            f"({options.today}): record the month's figure once the month is over, or give "
            "the day (YYYY-MM-DD), or add --allow-future to record it anyway"
        )
    return (
        f"{date} is after today ({options.today}): {_FUTURE[kind]}; correct the date, "
        "or add --allow-future to record it anyway"
    )


def check_result(
    plan: Plan | Measures, measure: str, on: str, value: str, options: Options
) -> tuple[Result | None, list[str]]:
    """A new result, or every reason it cannot be recorded."""
    result, problems = check_result_cells(plan, measure, on, value, options)
    return result, [problem for _, problem in problems]


def check_result_cells(
    plan: Plan | Measures, measure: str, on: str, value: str, options: Options
) -> tuple[Result | None, list[tuple[str, str]]]:
    """A new result, or every reason it cannot be recorded, each with its column."""
    measures = plan if isinstance(plan, Measures) else Measures(plan)
    unknown = measures.unknown(measure.strip())
    date, bad_date = parse_date(on)
    future = future_date(date, options, "result")
    number, bad_number = parse_number(value)
    found = (("measure", unknown), ("date", bad_date), ("date", future), ("value", bad_number))
    problems = [(column, problem) for column, problem in found if problem is not None]
    if problems or date is None or number is None:
        return None, problems
    return Result(measure=measure.strip(), date=date, value=number), []


class ResultsByDay:
    """The plan's results found by measure and day through a dict built once, so that
    placing each of many CSV rows costs the same however many results the plan has."""

    def __init__(self, results: Sequence[Result]) -> None:
        self.results = results
        self.days: dict[tuple[str, dt.date], list[int]] = {}
        for index, old in enumerate(results):
            self.days.setdefault((old.measure, old.date), []).append(index)

    def on(self, measure: str, date: dt.date) -> list[int]:
        """The indexes of the results `measure` has on `date`."""
        return self.days.get((measure, date), [])


def place(
    results: Sequence[Result] | ResultsByDay, result: Result, replace: bool
) -> tuple[int | None, str | None]:
    """Where a checked result goes: the index of the result it corrects (None: added at the
    end), or why it cannot be recorded. One result per measure and day (MK607)."""
    found = results if isinstance(results, ResultsByDay) else ResultsByDay(results)
    same_day = found.on(result.measure, result.date)
    if not same_day:
        return None, None
    values = [format_number(found.results[i].value) for i in same_day]
    if len(same_day) > 1:
        return None, (
            f"{result.measure} already has {len(same_day)} results on {result.date} "
            f"({', '.join(values)}): delete all but one of them by hand first"
        )
    if found.results[same_day[0]].value == result.value:
        return None, f"{describe(result)} is already recorded in the plan"
    if not replace:
        return None, (
            f"{result.measure} already has a result on {result.date} ({values[0]}): "
            f"to correct it to {format_number(result.value)}, add --replace"
        )
    return same_day[0], None


def new_result(plan: Plan, measure: str, value: str, on: str, options: Options) -> NewResult:
    """One result from the command line, or a UsageError that says what is wrong."""
    result, problems = check_result(plan, measure, on, value, options)
    if result is None:
        raise UsageError(refusal(problems))
    index, problem = place(plan.results, result, options.replace)
    if problem is not None:
        raise UsageError(problem)
    if options.replace and index is None:
        raise UsageError(
            f"--replace corrects a result already recorded, but {result.measure} has no "
            f"result on {result.date}: check the date, or leave out --replace to add it"
        )
    return NewResult(result, index)


def new_review(
    plan: Plan, phase: str, learned: str, changes: str, on: str, options: Options
) -> Review:
    """One review from the command line, or a UsageError that says what is wrong."""
    problems = [unknown_id(phase, [known.id for known in plan.phases], "phase")]
    date, bad_date = parse_date(on)
    problems.extend((bad_date, future_date(date, options, "review")))
    asks = {"--learned": "what the review found", "--changes": "what you changed"}
    for option, text in (("--learned", learned), ("--changes", changes)):
        if not text.strip():
            problems.append(f"{option} is empty: say in a sentence {asks[option]}")
        elif any(0xD800 <= ord(character) <= 0xDFFF for character in text):
            # what Python makes of command-line bytes that are not UTF-8
            problems.append(f"{option} is not UTF-8 text: check your terminal's encoding")
    shown = [problem for problem in problems if problem is not None]
    if shown or date is None:
        raise UsageError(refusal(shown))
    return Review(phase=phase, date=date, learned=learned, changes=changes)


def refusal(problems: Sequence[str], source: str = "") -> str:
    """One problem as it is; several as a list under a count. Either way, nothing is written."""
    if len(problems) == 1 and not source:
        return problems[0]
    count = len(problems)
    shown = list(problems[:MAX_SHOWN])
    if count > MAX_SHOWN:
        shown.append(f"... and {count - MAX_SHOWN} more")
    noun = "problem" if count == 1 else "problems"
    where = f"{source}: " if source else ""
    return f"{where}{count} {noun}, so nothing was recorded:\n  " + "\n  ".join(shown)


def describe(result: Result) -> str:
    """`councillor-pledges = 14 on 2027-03-12`."""
    value = result.value
    shown = repr(value) if isinstance(value, float) else str(value)
    return f"{result.measure} = {shown} on {written(result.date)}"
