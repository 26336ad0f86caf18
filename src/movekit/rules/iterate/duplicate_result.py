"""One measure, one day, one result."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from movekit.findings import Problem, Severity
from movekit.progress import format_number
from movekit.rules.base import Context, Rule


def check(ctx: Context) -> Iterator[Problem]:
    same_day: dict[tuple[str, object], list[int]] = defaultdict(list)
    for i, result in enumerate(ctx.plan.results):
        same_day[(result.measure, result.date)].append(i)
    for (measure, date), indexes in same_day.items():
        if len(indexes) < 2:
            continue
        values = [format_number(ctx.plan.results[i].value) for i in indexes]
        count = "two" if len(indexes) == 2 else str(len(indexes))
        last = indexes[-1]
        yield Problem(
            f"Measure '{measure}' has {count} results on {date} ({', '.join(values)}): "
            f"only this one, the last in the file ({values[-1]}), is counted",
            ("results", last),
            hint="Keep one result per day: delete the wrong line. To correct a value later, "
            f"use movekit record PLAN {measure} VALUE --date {date} --replace",
        )


RULE = Rule(
    code="MK607",
    name="duplicate-result",
    severity=Severity.WARNING,
    summary="Two results of one measure share a date (the later one in the file is used).",
    what=(
        "Flags every measure that has two or more entries in `results` with the same "
        "`date`, whatever their values (the same value twice is still a copy to delete). "
        "Only the last of them in the file counts, in `movekit check` and `movekit status` "
        "alike; the others are ignored. One finding per measure and date, pointing at the "
        "first line of that last result, the one that counts."
    ),
    why=(
        "To 'analyse the accuracy and effectiveness of your past efforts' the numbers have "
        "to be trusted. Two values for one day usually mean a correction was added instead "
        "of made, or a count was pasted twice: either way, someone reading the plan cannot "
        "tell which one is true."
    ),
    example="""\
results:
  - {measure: councillor-pledges, date: 2027-03-01, value: 14}
  - {measure: councillor-pledges, date: 2027-03-01, value: 41}
""",
    fix="""\
Keep the right value and delete the other. Next time, correct a value in place with
`movekit record ... --replace` instead of adding a second one:

results:
  - {measure: councillor-pledges, date: 2027-03-01, value: 14}
""",
    check=check,
)
