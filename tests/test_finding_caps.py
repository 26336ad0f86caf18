"""At most MAX_PER_CODE findings of one code per file, with an "and N more" line (issue 13,
item 12): a million duplicate keys cost a hundred findings, not gigabytes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from movekit.checker import exit_code
from movekit.config import Settings
from movekit.engine import check_document, check_text
from movekit.findings import MAX_PER_CODE, Severity, count_by_severity
from movekit.source import parse
from tests.conftest import VALID_PLAN, run_cli

DUPLICATES = 200_000
TODAY = ("--today", "2027-03-01")
MORE = re.compile(r"and ([\d,]+) more (MK\d+) findings? in (\S+)")


def duplicate_keys(tmp_path: Path, count: int = DUPLICATES) -> Path:
    """A 1 MB plan of `count` copies of one key: count - 1 duplicates."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("movekit: 1\n" + "a: 1\n" * count, encoding="utf-8")
    return plan


def audiences(count: int, *, silenced: int = 0) -> str:
    """A valid plan whose audiences (`count` more) each lack motivations (MK201); the
    first `silenced` of them carry a suppression comment."""
    lines = [
        f"  - {{id: a{index}, name: A{index}}}"
        + ("  # movekit: ignore[MK201]" if index < silenced else "")
        for index in range(count)
    ]
    return VALID_PLAN + "\n".join(lines) + "\n"


def total_errors(report: str) -> int:
    """The number of errors in the summary line `Found 200,003 errors in 1 file.`."""
    found = re.search(r"^Found ([\d,]+) errors? in", report, flags=re.MULTILINE)
    assert found is not None, report
    return int(found.group(1).replace(",", ""))


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("check", "--no-cache", *TODAY, *args)


def test_the_reader_keeps_a_hundred_duplicate_keys_and_counts_the_rest() -> None:
    document = parse("movekit: 1\n" + "a: 1\n" * 5_000)
    assert Counter(problem.code for problem in document.problems) == {"MK006": MAX_PER_CODE}
    assert document.problems.omitted == {"MK006": 4_999 - MAX_PER_CODE}  # type: ignore[attr-defined]


def test_the_text_report_lists_a_hundred_then_says_how_many_more(tmp_path: Path) -> None:
    plan = duplicate_keys(tmp_path)
    done = check(str(plan))
    assert done.returncode == 1  # the cap never changes the exit code
    headers = re.findall(r"^MK006 \[error\]", done.stdout, flags=re.MULTILINE)
    assert len(headers) == MAX_PER_CODE
    more = MORE.findall(done.stdout)
    assert more == [(f"{DUPLICATES - 1 - MAX_PER_CODE:,}", "MK006", str(plan))]
    assert total_errors(done.stdout) >= DUPLICATES - 1  # the real total, not a hundred
    assert len(done.stdout) < 100_000  # was 45 MB


def test_json_lists_a_hundred_and_its_summary_counts_them_all(tmp_path: Path) -> None:
    done = check(str(duplicate_keys(tmp_path)), "--format", "json")
    document = json.loads(done.stdout)
    assert set(document) == {"movekit", "files", "findings", "summary"}  # the fixed contract
    codes = Counter(finding["code"] for finding in document["findings"])
    assert codes["MK006"] == MAX_PER_CODE
    assert document["summary"]["error"] == DUPLICATES - 1 + sum(codes.values()) - MAX_PER_CODE
    assert done.returncode == 1


@pytest.mark.parametrize("output_format", ["concise", "github"])
def test_line_formats_end_with_the_count_of_the_rest(tmp_path: Path, output_format: str) -> None:
    plan = duplicate_keys(tmp_path, 1_000)
    done = check(str(plan), "--format", output_format)
    assert done.stdout.count("MK006") == MAX_PER_CODE + 1  # a hundred, then "and 899 more"
    assert MORE.findall(done.stdout) == [("899", "MK006", str(plan))]
    assert done.returncode == 1


@pytest.mark.parametrize("output_format", ["sarif", "gitlab"])
def test_code_host_formats_list_a_hundred(tmp_path: Path, output_format: str) -> None:
    done = check(str(duplicate_keys(tmp_path, 1_000)), "--format", output_format)
    assert done.stdout.count("MK006") <= 2 * MAX_PER_CODE  # ruleId and a rule list entry
    assert done.returncode == 1


def test_a_silenced_finding_never_hides_one_that_is_not(tmp_path: Path) -> None:
    settings, today = Settings(), dt.date(2027, 3, 1)
    loud = check_text(audiences(150), today=today, settings=settings)
    assert sum(finding.code == "MK201" for finding in loud) == MAX_PER_CODE
    quiet = check_text(audiences(150, silenced=60), today=today, settings=settings)
    # 151 audiences lack motivations, 60 are silenced: the other 91 are all listed
    assert sum(finding.code == "MK201" for finding in quiet) == 91


def test_the_count_of_the_rest_survives_the_cache(tmp_path: Path) -> None:
    plan = duplicate_keys(tmp_path, 1_000)
    env = {"MOVEKIT_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("check", *TODAY, str(plan), env=env)
    again = run_cli("check", *TODAY, str(plan), env=env)
    assert "and 899 more MK006 findings" in first.stdout
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


def test_capping_keeps_the_first_of_each_code_the_severities_and_the_exit_code() -> None:
    audiences = "".join(f"  - {{id: a{n}, name: Audience {n}}}\n" for n in range(250))
    text = (
        "movekit: 1\ncampaign: {name: Many, goal: Many audiences}\n"
        "outcomes:\n  - {id: o, title: O, type: policy}\naudiences:\n" + audiences
    )
    settings = Settings(select=("MK201", "MK202"))
    checked = check_document(parse(text), "plan.yaml", today=dt.date(2027, 1, 1), settings=settings)
    lines = [finding.line for finding in checked.findings if finding.code == "MK201"]
    assert lines == list(range(6, 106))  # the first hundred audiences, in file order
    assert all(finding.where for finding in checked.findings)  # listed ones in full
    assert [(item.code, item.severity, item.count) for item in checked.omitted] == [
        ("MK201", Severity.WARNING, 150),
        ("MK202", Severity.ERROR, 150),
    ]
    assert count_by_severity(checked.findings, checked.omitted) == {
        "error": 250,
        "warning": 250,
        "info": 0,
    }
    assert exit_code(checked.findings, strict=False) == 1  # the listed errors still fail


def test_capping_of_warnings_alone_keeps_the_strict_exit_code() -> None:
    audiences = "".join(f"  - {{id: a{n}, name: Audience {n}}}\n" for n in range(150))
    text = (
        "movekit: 1\ncampaign: {name: Many, goal: Many audiences}\n"
        "outcomes:\n  - {id: o, title: O, type: policy}\naudiences:\n" + audiences
    )
    settings = Settings(select=("MK201",))
    checked = check_document(parse(text), "plan.yaml", today=dt.date(2027, 1, 1), settings=settings)
    assert len(checked.findings) == MAX_PER_CODE
    assert [(exit_code(checked.findings, strict=s)) for s in (False, True)] == [0, 1]


def test_a_million_duplicate_keys_are_checked_in_bounded_memory(tmp_path: Path) -> None:
    plan = duplicate_keys(tmp_path, 1_000_000)  # 5 MB
    script = (
        "import resource, sys\n"
        "from movekit.cli import main\n"
        "sys.argv = ['movekit', 'check', '--no-cache', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    print('PEAK_KB', peak, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(plan)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    peak = int(done.stderr.split("PEAK_KB")[1].split()[0]) / 1024
    assert peak < 200  # was 2,850 MB
    assert len(done.stdout) < 100_000


def test_status_on_a_broken_plan_says_how_many_more_too(tmp_path: Path) -> None:
    plan = duplicate_keys(tmp_path, 1_000)
    done = run_cli("status", str(plan))
    assert MORE.findall(done.stdout) == [("899", "MK006", str(plan))]
    assert total_errors(done.stdout) >= 999


def test_render_on_a_broken_plan_says_how_many_more_too(tmp_path: Path) -> None:
    plan = duplicate_keys(tmp_path, 1_000)
    done = run_cli("render", str(plan), "-f", "md", "-o", str(tmp_path / "plan.md"))
    assert done.returncode == 1
    assert MORE.findall(done.stderr) == [("899", "MK006", str(plan))]
    assert total_errors(done.stderr) >= 999
    assert not (tmp_path / "plan.md").exists()
