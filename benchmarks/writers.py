"""The comparisons for the commands that write plans: `fmt` beside `check`, and `record --from`.

Run through benchmarks/run.py (`--only fmt`, `--only record`), which has the helpers.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from generate import generate, parse_size
from run import PYTHON, RUAMEL, Contender, _verdict, compare, table, tool


def formatting(sizes: list[str], repeat: int, folder: Path) -> tuple[str, list[str]]:
    """`fmt --check` beside `check` on the same generated (already formatted) plans."""
    movekit = tool("movekit")
    assert movekit is not None
    text, verdicts, medians = "", [], {}
    for size in sizes:
        plan = folder / f"fmt-{size}.yaml"
        plan.write_text(generate(parse_size(size)), encoding="utf-8")
        contenders = [
            Contender(
                f"movekit check --no-cache ({size})",
                [movekit, "check", str(plan), "--today", "2027-02-03", "--no-cache"],
            ),
            Contender(f"movekit fmt --check ({size})", [movekit, "fmt", "--check", str(plan)]),
            Contender("ruamel.yaml round-trip load alone", [PYTHON, "-c", RUAMEL, str(plan)]),
        ]
        compare(f"fmt {size}", contenders, repeat)
        medians[size] = contenders[1].median
        text += table(f"Formatting a generated {size} plan", contenders) + "\n"
        ratio = contenders[1].median / contenders[0].median
        verdicts.append(_verdict(f"{size}: fmt --check <= 5x check", ratio <= 5.0, f"{ratio:.2f}x"))
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        growth = medians[last] / medians[first]
        allowed = 1.1 * parse_size(last) / parse_size(first)
        verdicts.append(
            _verdict(
                f"fmt: {last} takes <= {allowed:.1f}x {first}", growth <= allowed, f"{growth:.2f}x"
            )
        )
    return text, verdicts


def recording(rows: int, size: str, repeat: int, folder: Path) -> tuple[str, list[str]]:
    """`record --from` a CSV of `rows` results into a generated plan (a fresh copy each run)."""
    movekit = tool("movekit")
    assert movekit is not None
    plan, copy, results = folder / "record.yaml", folder / "record-copy.yaml", folder / "r.csv"
    text = generate(parse_size(size))
    plan.write_text(text, encoding="utf-8")
    measures = min(40, text.count("      - id: measure-"))
    first = dt.date(2000, 1, 1)
    with results.open("w", encoding="utf-8") as out:
        out.write("measure,date,value\n")
        for row in range(rows):  # up to 40 measures, one result a day each
            day = first + dt.timedelta(days=row // measures)
            out.write(f"measure-{row % measures},{day},{row}\n")
    record = f"cp {plan} {copy} && {movekit} record {copy} --from {results} --today 2027-12-31"
    subprocess.run(["sh", "-c", record], check=True, capture_output=True)
    after = folder / "recorded.yaml"  # the plan as record leaves it, which it reads back
    shutil.copyfile(copy, after)
    contenders = [
        Contender(
            f"movekit check --no-cache (the {size} plan)",
            [movekit, "check", str(plan), "--no-cache"],
        ),
        Contender(
            "movekit check --no-cache (the plan after recording)",
            [movekit, "check", str(after), "--no-cache"],
        ),
        Contender(f"movekit record --from ({rows} rows)", ["sh", "-c", record]),
    ]
    compare("record --from", contenders, repeat)
    # record reads the plan, checks every row, then reads what it wrote back: about two checks
    ratio = contenders[2].median / contenders[1].median
    verdict = _verdict(
        f"record --from {rows} rows <= 3x check of the plan it writes", ratio <= 3, f"{ratio:.2f}x"
    )
    title = f"Recording {rows} results from a CSV file into a {size} plan"
    return table(title, contenders), [verdict]
