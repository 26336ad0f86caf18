"""`movekit record MILESTONE --date D`: set a milestone's `done:` date, changing nothing else.

The date is spliced into the measure's own mapping (donetext.py), read back with movekit's
own loader and compared with the old plan plus exactly that date before anything is written
(record.write_changes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from movekit.errors import UsageError
from movekit.model import Plan
from movekit.review.donecheck import NewDone, done_problem, find_measure, new_done
from movekit.review.inputs import Measures, Options, future_date, parse_date, refusal
from movekit.review.record import Changes, _locked, load_for_writing, write_changes


def record_done(
    path: Path,
    name: str,
    on: str | None = None,
    *,
    today: dt.date | None = None,
    allow_future: bool = False,
    replace: bool = False,
) -> NewDone:
    """Set the `done:` date of the milestone `name` (today unless `on` is given)."""
    options = Options(today or dt.date.today(), allow_future, replace)
    with _locked(path):
        file = load_for_writing(path)
        found = find_measure(file.plan, name.strip())
        if found is None or found[2].kind != "milestone":
            raise UsageError(_not_a_milestone(file.plan, name))
        date, bad_date = parse_date(on or options.today.isoformat())
        problems = [p for p in (bad_date, future_date(date, options, "milestone")) if p]
        if problems or date is None:
            raise UsageError(refusal(problems))
        problem = done_problem(found[2], date, replace)
        if problem is not None:
            raise UsageError(problem)
        done = new_done(found, date)
        write_changes(file, Changes("results", done=[done.at]))
    return done


def _not_a_milestone(plan: Plan, name: str) -> str:
    if find_measure(plan, name.strip()) is None:
        return Measures(plan).unknown(name.strip()) or f"'{name}' is not a measure"
    return (
        f"'{name}' counts something: give the value to record, such as "
        f"`movekit record PLAN {name} 14` (only a milestone is recorded with a date alone)"
    )
