"""`fmt`, `record` and `diff` keep the 0.2 additions (targets, owners, phases, dated asks,
assumptions, risks) and those for real plans (activities, stakeholders with arguments,
messages, budget and spend) byte for byte: a plan using every addition goes through them
with nothing lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from movekit.source import parse
from tests.conftest import REPO, run_cli

EVERY_ADDITION = REPO / "tests" / "data" / "every-addition.yaml"
REAL_ADDITIONS = REPO / "tests" / "data" / "real-additions.yaml"
PLANS = [EVERY_ADDITION, REAL_ADDITIONS]
NEW_SECTIONS = {
    EVERY_ADDITION: ("targets", "assumptions", "risks"),
    REAL_ADDITIONS: ("targets", "stakeholders", "messages", "activities", "spend"),
}
TODAY = "2027-03-15"
FLOW_LIST = re.compile(r"^( *)(- )?([a-z-]+): \[(.*)\]$")
KEY = re.compile(r"^( *(?:- )?)([a-z-]+): (?=\S)")


@pytest.fixture(params=PLANS, ids=lambda path: path.stem)
def original(request: pytest.FixtureRequest) -> Path:
    """A plan using every addition: those of 0.2, then those for real plans too."""
    path: Path = request.param
    return path


def copy_of(original: Path, tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(original.read_bytes())
    return plan


def messy(text: str) -> str:
    """The same plan laid out as a hurried hand would: block lists, wide gaps after keys,
    trailing spaces, doubled blank lines and needless quotes."""
    lines: list[str] = []
    for line in text.splitlines():
        found = FLOW_LIST.match(line)
        if found:
            indent, dash, key, items = found.groups()
            lines.append(f"{indent}{dash or ''}{key}:")
            pad = indent + ("  " if dash else "") + "    "
            lines += [f"{pad}-   {item}" for item in items.split(", ")]
            continue
        line = KEY.sub(r"\1\2:    ", line)
        lines.append(f"{line}  " if line.strip() else "\n")
    text = "\n".join(lines) + "\n\n"
    text = text.replace("owner:    Policy lead", "owner:    'Policy lead'")
    return text.replace("status:    open", 'status:    "open"')


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def _bounds(text: str, section: str) -> tuple[int, int]:
    """Where a top-level section starts and ends (at the blank line after it)."""
    start = text.index(f"\n{section}:\n")
    end = text.find("\n\n", start + 1)
    return start, len(text) if end == -1 else end


def outside(text: str, section: str) -> tuple[str, str]:
    """The plan's text before a top-level section and after it."""
    start, end = _bounds(text, section)
    return text[:start], text[end:]


def inside(text: str, section: str) -> str:
    """A top-level section's text."""
    start, end = _bounds(text, section)
    return text[start:end]


def test_fmt_changes_nothing_in_a_plan_using_every_addition(original: Path, tmp_path: Path) -> None:
    plan = copy_of(original, tmp_path)
    assert run_cli("fmt", "--check", str(plan)).returncode == 0
    done = run_cli("fmt", str(plan))
    assert done.returncode == 0, done.stdout + done.stderr
    assert plan.read_bytes() == original.read_bytes()


def test_fmt_of_a_messy_copy_gives_back_the_plan_byte_for_byte(
    original: Path, tmp_path: Path
) -> None:
    text = original.read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(messy(text), encoding="utf-8")
    assert plan.read_text(encoding="utf-8") != text
    assert parse(plan.read_text(encoding="utf-8")).data == parse(text).data
    assert run_cli("fmt", "--check", str(plan)).returncode == 1
    done = run_cli("fmt", str(plan))
    assert done.returncode == 0, done.stdout + done.stderr
    formatted = plan.read_text(encoding="utf-8")
    assert parse(formatted).data == parse(text).data
    assert comments(formatted) == comments(text)
    for section in NEW_SECTIONS[original]:
        assert f"\n{section}:\n" in formatted
    assert formatted == text
    assert run_cli("fmt", "--check", str(plan)).returncode == 0


def test_diff_against_itself_finds_nothing_and_writes_nothing(
    original: Path, tmp_path: Path
) -> None:
    plan = copy_of(original, tmp_path)
    done = run_cli("diff", str(plan), str(plan), "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "\nNo changes in campaign terms.\n" in done.stdout
    assert "Summary: 0 added, 0 removed, 0 changed;" in done.stdout
    assert plan.read_bytes() == original.read_bytes()


def test_record_a_result_changes_no_other_byte(original: Path, tmp_path: Path) -> None:
    plan = copy_of(original, tmp_path)
    before = plan.read_text(encoding="utf-8")
    args = ["record", str(plan), "map-lookups", "640", "--date", "2027-03-01", "--today", TODAY]
    done = run_cli(*args)
    assert done.returncode == 0, done.stdout + done.stderr
    after = plan.read_text(encoding="utf-8")
    assert outside(after, "results") == outside(before, "results")
    old_results, new_results = inside(before, "results"), inside(after, "results")
    assert new_results.startswith(old_results)
    assert "map-lookups" in new_results[len(old_results) :]
    data = parse(after).data
    assert data["results"][-1]["value"] == 640
    assert {key: data[key] for key in data if key != "results"} == {
        key: value for key, value in parse(before).data.items() if key != "results"
    }


def test_record_a_review_changes_no_other_byte(original: Path, tmp_path: Path) -> None:
    plan = copy_of(original, tmp_path)
    before = plan.read_text(encoding="utf-8")
    done = run_cli(
        "record",
        str(plan),
        "--review",
        "push",
        "--learned",
        "Pledges came after gate visits",
        "--changes",
        "Two more gate visits",
        "--date",
        "2027-03-14",
        "--today",
        TODAY,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    after = plan.read_text(encoding="utf-8")
    assert outside(after, "reviews") == outside(before, "reviews")
    assert "Pledges came after gate visits" in after
