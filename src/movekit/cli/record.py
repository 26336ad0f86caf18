"""`movekit record`: add a result, a CSV file of results, or a review to a plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import parse_today
from movekit.errors import UsageError

EPILOG = """\
Examples:

\b
  movekit record plan.yaml councillor-pledges 14                 # dated today
  movekit record plan.yaml councillor-pledges 14 --date 2027-03-12
  movekit record plan.yaml councillor-pledges 15 --date 2027-03-12 --replace  # correct it
  movekit record plan.yaml councillor-pledges 31 --date 2027-03  # March's figure, in April
  movekit record plan.yaml --from results.csv                    # measure,date,value
  movekit record plan.yaml --from plan.xlsx                      # its Results sheet
  movekit record plan.yaml --spent 3850 --for air-report --note "Venue and printing" \\
      --date 2027-03-14                                          # money spent
  movekit record plan.yaml --from spend.csv                      # date,amount,for,note
  movekit record plan.yaml --review launch --learned "The map drove sign-ups" \\
      --changes "Film budget moved to map postcards"
  movekit record plan.yaml car-drop-offs -- -12                  # a negative value
  movekit record plan.yaml council-hearing --date 2027-03-04     # a milestone is done

A date may be a month (2027-03): it is written as typed and stands for the month's last
day. In a results CSV, a milestone with an empty value is marked done on the row's date.
A workbook's rows the plan already holds (as movekit export wrote them) are left out.
Only the new lines are added: comments, order and formatting stay as they were. Anything
wrong (an unknown measure, phase or --for, a value or amount that is not a number, a bad
date, a date after today, a second value for a measure on one day, a plan with file-level
errors) is refused and the file is left untouched. More: movekit docs review-loop.

Exit codes: 0 recorded, 2 refused (nothing was changed).
"""

LISTED = 20
"""Results from a CSV file listed one by one after recording; the rest are counted."""


def record(
    plan: Annotated[
        Path, typer.Argument(help="The plan file to add to.", show_default=False, metavar="PLAN")
    ],
    measure: Annotated[
        str | None, typer.Argument(help="The measure's id.", show_default=False, metavar="MEASURE")
    ] = None,
    value: Annotated[
        str | None,
        typer.Argument(
            help="The measured value (a number); none for a milestone, which --date marks done.",
            show_default=False,
            metavar="VALUE",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help=(
                "The date of the result, the review, the milestone done or the money spent "
                "(default: today); a month (YYYY-MM) is written as typed."
            ),
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Correct the value a measure already has on that day, instead of adding one.",
        ),
    ] = False,
    allow_future: Annotated[
        bool,
        typer.Option("--allow-future", help="Record a date after today anyway (normally refused)."),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Take this date as today, for the default date and the future-date check.",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    from_csv: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help=(
                "Add every row of a CSV file (columns measure,date,value; - reads it piped "
                "in), or the new rows of an Excel workbook's results sheet (.xlsx)."
            ),
            metavar="FILE",
        ),
    ] = None,
    review: Annotated[
        str | None,
        typer.Option("--review", help="Record a review of this phase.", metavar="PHASE"),
    ] = None,
    learned: Annotated[
        str | None,
        typer.Option("--learned", help="What the review found (with --review).", metavar="TEXT"),
    ] = None,
    changes: Annotated[
        str | None,
        typer.Option("--changes", help="What you changed (with --review).", metavar="TEXT"),
    ] = None,
    spent: Annotated[
        str | None,
        typer.Option(
            "--spent",
            help="Record money spent: the amount (negative for a refund).",
            metavar="AMOUNT",
        ),
    ] = None,
    spent_for: Annotated[
        str | None,
        typer.Option(
            "--for",
            help="What the money was spent on: an activity's id, or any id (with --spent).",
            metavar="ID",
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="What it was, in a few words (with --spent).", metavar="TEXT"),
    ] = None,
) -> None:
    """Add results, reviews or spending to a plan, changing nothing else."""
    from movekit.printable import visible
    from movekit.review.inputs import describe
    from movekit.review.record import record_review, record_value

    _check_spent(spent, spent_for, note, measure, value, from_csv, review, replace)
    if spent is None:
        _check_combination(measure, value, date, from_csv, review, learned, changes)
    if replace and review is not None:
        raise UsageError("--replace corrects results: leave it out with --review")
    day = parse_today(today)
    if spent is not None:
        from movekit.review.record import record_spend
        from movekit.review.spendcheck import describe_spend

        spend = record_spend(
            plan, spent, date, for_=spent_for, note=note, today=day, allow_future=allow_future
        )
        typer.echo(visible(f"Recorded {describe_spend(spend)} in {plan}"))
    elif review is not None and learned is not None and changes is not None:
        done = record_review(
            plan, review, learned, changes, date, today=day, allow_future=allow_future
        )
        typer.echo(visible(f"Recorded the review of phase '{done.phase}' on {done.date} in {plan}"))
    elif from_csv is not None:
        _record_csv(plan, from_csv, day, allow_future=allow_future, replace=replace)
    elif measure is not None and value is not None:
        done_result = record_value(
            plan, measure, value, date, today=day, allow_future=allow_future, replace=replace
        )
        verb = "Corrected" if replace else "Recorded"
        typer.echo(visible(f"{verb} {describe(done_result)} in {plan}"))
    elif measure is not None:
        from movekit.review.milestone import record_done

        marked = record_done(
            plan, measure, date, today=day, allow_future=allow_future, replace=replace
        )
        from movekit.months import written

        verb = "Corrected" if marked.replaced is not None else "Recorded"
        on = written(marked.at.date)
        typer.echo(visible(f"{verb} milestone '{marked.measure}' as done on {on} in {plan}"))


def _record_csv(
    plan: Path, from_csv: Path, day: dt.date | None, *, allow_future: bool, replace: bool
) -> None:
    """Record a CSV file, then list what it recorded (the first LISTED rows)."""
    from movekit.months import written
    from movekit.printable import visible
    from movekit.review.inputs import describe
    from movekit.review.record import record_csv
    from movekit.review.spendcheck import describe_spend
    from movekit.review.xlsxfile import is_workbook

    if is_workbook(from_csv):
        _record_xlsx(plan, from_csv, day, allow_future=allow_future, replace=replace)
        return
    records = record_csv(plan, from_csv, today=day, allow_future=allow_future, replace=replace)
    lines = [
        describe(new.result) + (" (corrected)" if new.replaces is not None else "")
        for new in records.results
    ]
    lines += [
        f"milestone '{done.measure}' done on {written(done.at.date)}"
        + (" (corrected)" if done.replaced is not None else "")
        for done in records.done
    ]
    lines += [describe_spend(spend) for spend in records.spend]
    counts = (
        _count(len(records.results), "result", "results"),
        _count(len(records.done), "milestone done", "milestones done"),
        _count(len(records.spend), "spending entry", "spending entries"),
    )
    what = " and ".join(count for count in counts if count)
    typer.echo(visible(f"Recorded {what} from {from_csv} in {plan}:"))
    _list(lines)


def _record_xlsx(
    plan: Path, workbook: Path, day: dt.date | None, *, allow_future: bool, replace: bool
) -> None:
    """Record a workbook's results sheet: its new rows, listed as a CSV file's are."""
    from movekit.months import written
    from movekit.printable import visible
    from movekit.review.inputs import describe
    from movekit.review.record import record_xlsx

    found = record_xlsx(plan, workbook, today=day, allow_future=allow_future, replace=replace)
    records, source = found.records, f"sheet {found.sheet} of {workbook}"
    held = _count(found.known, "row", "rows")
    if not records.results and not records.done:
        typer.echo(visible(f"Nothing new in {source}: {plan} already holds its {held}"))
        return
    lines = [
        describe(new.result) + (" (corrected)" if new.replaces is not None else "")
        for new in records.results
    ]
    lines += [
        f"milestone '{done.measure}' done on {written(done.at.date)}" for done in records.done
    ]
    counts = (
        _count(len(records.results), "result", "results"),
        _count(len(records.done), "milestone done", "milestones done"),
    )
    what = " and ".join(count for count in counts if count)
    kept = f" ({held} already there left out)" if found.known else ""
    typer.echo(visible(f"Recorded {what} from {source} in {plan}{kept}:"))
    _list(lines)


def _list(lines: list[str]) -> None:
    """The first LISTED lines, then a count of the rest."""
    from movekit.printable import visible

    for line in lines[:LISTED]:
        typer.echo(f"  {visible(line)}")
    if len(lines) > LISTED:
        typer.echo(f"  ... and {len(lines) - LISTED} more")


def _count(number: int, one: str, many: str) -> str:
    return "" if number == 0 else f"{number} {one if number == 1 else many}"


def _check_spent(
    spent: str | None,
    spent_for: str | None,
    note: str | None,
    measure: str | None,
    value: str | None,
    from_csv: Path | None,
    review: str | None,
    replace: bool,
) -> None:
    """--spent records money on its own; --for and --note go with it."""
    if spent is None:
        if spent_for is not None or note is not None:
            raise UsageError("--for and --note go with --spent AMOUNT (money spent)")
        return
    if measure is not None or value is not None:
        raise UsageError(
            "--spent records money spent, not a result: leave out MEASURE and VALUE "
            "(record a result separately: movekit record PLAN MEASURE VALUE)"
        )
    if review is not None:
        raise UsageError("--spent records money spent: record the review separately")
    if from_csv is not None:
        raise UsageError(
            "--spent records one amount; --from reads a CSV file: use one or the other"
        )
    if replace:
        raise UsageError("--replace corrects results: leave it out with --spent")


def _check_combination(
    measure: str | None,
    value: str | None,
    date: str | None,
    from_csv: Path | None,
    review: str | None,
    learned: str | None,
    changes: str | None,
) -> None:
    """One of the three forms, complete, with nothing from the others."""
    single = measure is not None or value is not None
    if review is not None:
        if single or from_csv is not None:
            raise UsageError("--review records a review: leave out MEASURE, VALUE and --from")
        if learned is None or changes is None:
            raise UsageError("--review needs --learned TEXT and --changes TEXT")
    elif learned is not None or changes is not None:
        raise UsageError("--learned and --changes go with --review PHASE")
    elif from_csv is not None:
        if single or date is not None:
            raise UsageError(
                "--from reads measures, dates and values from the CSV file: "
                "leave out MEASURE, VALUE and --date"
            )
    elif measure is None:
        raise UsageError(
            "say what to record: MEASURE VALUE, MILESTONE --date YYYY-MM-DD, "
            "--from results.csv, --spent AMOUNT, or --review PHASE --learned TEXT "
            "--changes TEXT "
            "(see movekit record --help)"
        )
