"""`movekit status` output: the dashboard as rich text for people or JSON for tools."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from movekit.console import console
from movekit.opening import open_plan
from movekit.printable import json_escaped, visible
from movekit.progress import Status, baseline_words, format_number, target_words
from movekit.report import REPORTERS, Report
from movekit.review.cells import date_cell, days, new_table, plain
from movekit.review.register_lines import assumption_lines, risk_lines
from movekit.review.status import Dashboard, MeasureRow, PhaseRow, build_dashboard
from movekit.review.work_lines import activity_lines, budget_lines

FORMATS = ("text", "json")
STYLES = {
    Status.ON_TRACK: "green",
    Status.MET: "bold green",
    Status.BEHIND: "bold yellow",
    Status.MISSED: "bold red",
    Status.NO_DATA: "dim",
}
BAR_CELLS = 8
_EIGHTHS = " ▏▎▍▌▋▊▉"


def run_status(path: Path, today: dt.date, output_format: str, out: TextIO) -> int:
    """Show the status of the plan at `path` ("-" for stdin); 1 if it has file-level errors."""
    checked = open_plan(path, today=today, lint=False)
    name = checked.file
    if checked.plan is None:
        report = Report([name], checked.findings, {name: checked.text}, checked.omitted)
        REPORTERS[output_format](report, out)
        sys.stderr.write(
            f"movekit status needs a plan without file-level errors: fix {visible(name)}\n"
        )
        return 1
    dashboard = build_dashboard(checked.plan, today)
    if output_format == "json":
        out.write(json_escaped(json.dumps(dashboard.to_json(), indent=2, ensure_ascii=False)))
        out.write("\n")
    else:
        write_text(dashboard, console(out))
    return 0


def write_text(dashboard: Dashboard, screen: Console) -> None:
    """The dashboard for people: measures, assumptions and risks, phases, the asks to rework."""
    screen.print(
        Text.assemble((visible(dashboard.campaign), "bold"), f": status on {dashboard.today}")
    )
    screen.print()
    if dashboard.measures:
        screen.print(measures_table(dashboard))
        screen.print(measures_summary(dashboard))
    else:
        screen.print("No measures yet: add them under outcomes[].measures.")
    for note in future_lines(dashboard):
        screen.print(note)
    parts = (budget_lines(dashboard), assumption_lines(dashboard), risk_lines(dashboard))
    for part in (*parts, activity_lines(dashboard)):
        if part:  # a plan without assumptions, risks, money or activities shows no heading
            screen.print()
            screen.print(*part, sep="\n")
    screen.print()
    for line in phase_lines(dashboard):
        screen.print(line)
    screen.print()
    for line in rework_lines(dashboard):
        screen.print(line)


def measures_table(dashboard: Dashboard) -> Table:
    table = new_table()
    table.add_column("Measure", overflow="fold", min_width=8)
    for heading in ("Baseline", "Target"):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("Due", no_wrap=True, min_width=10)
    for heading in ("Latest", "Expected"):  # numbers are never cut
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Progress", no_wrap=True)
    for row in dashboard.measures:
        table.add_row(*_measure_cells(row))
    return table


def _measure_cells(row: MeasureRow) -> tuple[str | Text, ...]:
    measure = row.measure
    latest = "" if row.latest is None else format_number(row.latest.value)
    return (
        plain(measure.id),
        plain(baseline_words(measure)),
        plain(target_words(measure)),
        date_cell(measure.due),
        latest,
        _number(row.expected),
        _status_cell(row),
        progress_bar(row.share),
    )


def _status_cell(row: MeasureRow) -> Text:
    """The status, or where the results are kept when the plan holds none of them."""
    if row.milestone is not None:
        return Text(row.milestone, STYLES[row.status])
    if row.tracked_elsewhere is not None:
        return Text(f"tracked in {visible(row.tracked_elsewhere)}", "dim")
    return Text(row.status.value, STYLES[row.status])


def _number(value: float | None) -> str:
    return "" if value is None else format_number(value)


def progress_bar(share: float | None) -> Text:
    """`████▌░░░░░  45%`: the latest result's way from baseline to target."""
    if share is None:
        return Text("")
    clamped = min(max(share, 0.0), 1.0)
    eighths = round(clamped * BAR_CELLS * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (_EIGHTHS[part] if part else "")
    empty = "░" * (BAR_CELLS - len(bar))
    return Text.assemble((bar, "cyan"), (empty, "dim"), f" {round(share * 100):>3}%")


def measures_summary(dashboard: Dashboard) -> Text:
    """`16 measures: 12 on track, 2 met, 1 behind, 1 missed, 0 with no data.`"""
    counts = dashboard.counts()
    total = len(dashboard.measures)
    text = Text(f"{total} measure{'' if total == 1 else 's'}: ")
    labels = {Status.NO_DATA: "with no data"}
    for index, status in enumerate(Status):
        if index:
            text.append(", ")
        label = labels.get(status, status.value.replace("-", " "))
        text.append(f"{counts[status]} {label}", STYLES[status] if counts[status] else "")
    elsewhere = sum(row.tracked_elsewhere is not None for row in dashboard.measures)
    if elsewhere:
        text.append(f" ({elsewhere} of them tracked outside the plan)")
    text.append(".")
    return text


def future_lines(dashboard: Dashboard) -> list[Text]:
    """Results and reviews dated after today, which `movekit check` flags (MK606, MK608)."""
    lines = []
    results = [
        f"{visible(result.measure)} on {date_cell(result.date)}"
        for result in dashboard.future_results
    ]
    if results:
        lines.append(
            Text.assemble(
                ("Results dated after today, left out until then: ", "bold yellow"),
                f"{', '.join(results)} (`movekit check` reports them: MK606)",
            )
        )
    reviews = [
        f"{visible(review.phase)} on {date_cell(review.date)}"
        for review in dashboard.future_reviews
    ]
    if reviews:
        lines.append(
            Text.assemble(
                ("Reviews dated after today: ", "bold yellow"),
                f"{', '.join(reviews)} (`movekit check` reports them: MK608)",
            )
        )
    return lines


def phase_lines(dashboard: Dashboard) -> list[Text | Table]:
    """The phases table, then the current phase, the next review and overdue reviews."""
    rows = dashboard.phases
    cadence = _cadence_lines(dashboard)
    if not rows:
        if cadence:
            return [Text("No phases yet."), *cadence]
        return [Text("No phases yet: add phases with review dates to plan, review and adjust.")]
    table = new_table()
    for heading in ("Phase", "Name", "Starts", "Ends", "Review", "State"):
        table.add_column(heading, overflow="fold")
    for row in rows:
        phase = row.phase
        dates = (date_cell(phase.starts), date_cell(phase.ends), date_cell(phase.review))
        name = plain(phase.name)
        table.add_row(plain(phase.id), name, *dates, _phase_state(row, dashboard.today))
    return [table, *_phase_summary(rows, dashboard.today), *cadence]


def _cadence_lines(dashboard: Dashboard) -> list[Text]:
    """`Reviews: at every board meeting`, when the plan reviews on a rhythm (MK601 accepts it)."""
    cadence = (dashboard.review_cadence or "").strip()
    return [Text.assemble(("Reviews: ", "bold"), visible(cadence))] if cadence else []


def _phase_state(row: PhaseRow, today: dt.date) -> Text:
    parts: list[tuple[str, str]] = []
    if row.current:
        parts.append(("current", "bold"))
    if row.reviewed:
        parts.append(("reviewed", "green"))
    if row.review_overdue:
        parts.append(("review overdue", "bold yellow"))
    if row.next_review and row.phase.review is not None:
        parts.append((f"review in {days(row.phase.review, today)}", ""))
    text = Text()
    for index, (label, style) in enumerate(parts):
        text.append(", " if index else "")
        text.append(label, style)
    return text


def _phase_summary(rows: list[PhaseRow], today: dt.date) -> list[Text]:
    current = [f"{row.phase.id} ({visible(row.phase.name)})" for row in rows if row.current]
    upcoming = [row for row in rows if row.next_review]
    overdue = [row.phase for row in rows if row.review_overdue]
    lines = [Text.assemble(("Current phase: ", "bold"), ", ".join(current) or "none today")]
    next_text = "none planned"
    if upcoming and upcoming[0].phase.review is not None:
        day = upcoming[0].phase.review
        when = "today" if day == today else f"in {days(day, today)}"
        next_text = f"{date_cell(day)} for {upcoming[0].phase.id} ({when})"
    lines.append(Text.assemble(("Next review: ", "bold"), next_text))
    late = ", ".join(f"{phase.id} (due {date_cell(phase.review)})" for phase in overdue)
    style = "bold yellow" if overdue else ""
    lines.append(Text.assemble(("Reviews overdue: ", "bold"), (late or "none", style)))
    return lines


def rework_lines(dashboard: Dashboard) -> list[Text | Table]:
    """The calls to action whose measures are behind or missed: the asks to rethink first."""
    title = Text("Calls to action to rework (their measures are behind or missed)", "bold")
    if not dashboard.ctas:
        return [title, Text("None: no measured call to action is behind.")]
    table = new_table()
    for heading in ("Journey", "Stage", "Ask", "Measure", "Status"):
        table.add_column(heading, overflow="fold")
    for cta in dashboard.ctas:
        status = Text(cta.status.value, STYLES[cta.status])
        cells = (plain(cta.journey), plain(cta.stage), plain(cta.ask), plain(cta.measure))
        table.add_row(*cells, status)
    return [title, table]
