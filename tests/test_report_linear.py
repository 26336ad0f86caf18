"""Every reporter costs time in proportion to its findings and bytes (issue 13, item 10):
16,000 duplicate keys on one line once took 21.6 s as text against 0.9 s as JSON, because
the text report made the whole line visible again for every finding.

Costs are counted (characters scanned, calls made), never timed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest

import movekit.report.text as text_report
import movekit.spans as spans
from movekit.config import Settings
from movekit.engine import check_text
from movekit.findings import MAX_PER_CODE, Finding, Severity
from movekit.report.base import Report
from tests.conftest import run_cli

KEYS = 16_000
ALL_FORMATS = ("text", "json", "concise", "github", "gitlab", "sarif")


def one_long_line(keys: int) -> str:
    """A plan whose second line is a mapping of `keys` copies of one key (6 bytes each)."""
    return "movekit: 1\nx: {" + ", ".join(["a: 1"] * keys) + "}\n"


def findings_on_line_two(text: str, count: int) -> list[Finding]:
    line = text.splitlines()[1]
    columns = [index + 1 for index in range(len(line)) if line.startswith("a:", index)]
    return [
        Finding("MK006", "duplicate-key", Severity.ERROR, "twice", "plan.yaml", 2, column)
        for column in columns[:count]
    ]


def counting(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, size: Callable[..., int]
) -> list[int]:
    """Replace `module.name` by a wrapper that records `size(*args, result)` of each call."""
    original = getattr(module, name)
    sizes: list[int] = []

    def wrapper(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)
        sizes.append(size(*args, result))
        return result

    monkeypatch.setattr(module, name, wrapper)
    return sizes


def test_the_text_report_makes_each_source_line_visible_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = one_long_line(4_000)
    findings = findings_on_line_two(text, 4_000)  # more than a check lists: the reporter alone
    scanned = counting(monkeypatch, text_report, "visible", lambda shown, _: len(shown))
    report = Report(files=["plan.yaml"], findings=findings, sources={"plan.yaml": text})
    out = io.StringIO()
    text_report.write(report, out)
    assert out.getvalue().count("MK006") == len(findings)
    # the long line (24 KB) once, then a message and a place per finding
    assert sum(scanned) < 2 * len(text) + 200 * len(findings)  # was 4,000 x 2 x 24 KB


def test_the_end_of_a_value_is_found_without_scanning_the_rest_of_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    outcomes = ", ".join(f"{{id: o{index}, title: T, type: bogus}}" for index in range(2_000))
    plan = (
        "movekit: 1\ncampaign: {name: C, goal: G}\n"
        f"outcomes: [{outcomes}]\naudiences: [{{id: p, name: P}}]\n"
    )
    scanned = counting(monkeypatch, spans, "scalar_end", lambda _, start, end: end - start)
    findings = check_text(plan, today=dt.date(2027, 3, 1), settings=Settings())
    assert [finding.end_column for finding in findings[:1]] == [findings[0].column + 5]
    assert len(scanned) <= MAX_PER_CODE  # only the listed findings are placed
    assert sum(scanned) <= len("bogus") * len(scanned)  # each scan stops at its value's end


@pytest.mark.parametrize("output_format", ALL_FORMATS)
def test_every_format_stays_small_for_sixteen_thousand_findings_on_one_line(
    tmp_path: Path, output_format: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(one_long_line(KEYS), encoding="utf-8")  # 96 KB
    done = run_cli("check", "--no-cache", str(plan), "--format", output_format)
    assert done.returncode == 1
    # a hundred findings of a few hundred bytes each (the text format shows a 100-character
    # window of the line), not 16,000 (5 to 68 MB before the cap)
    assert len(done.stdout) < 150_000 + 2_000 * MAX_PER_CODE
