"""GitLab fingerprints rest on the rule, the file and the ids of the items, never on lines
or list positions: moving things around a finding leaves its fingerprint as it was, so a
merge request does not show it as fixed and new (docs/ci.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from movekit.report.gitlab import stable_place
from movekit.where import SEPARATOR
from tests.conftest import EXAMPLE_TODAY, EXAMPLES, run_cli

GAPS = (EXAMPLES / "gaps" / "plan.yaml").read_text(encoding="utf-8")
"""A plan with findings of many rules, on items with and without ids."""

NEW_JOURNEY = """\
  - id: extra-journey
    audience: young-families
    outcomes: [people-know]
    stages:
      - {id: glance, level: awareness, content: [flyer], channels: [facebook]}
"""
NEW_STAGE = """\
      - id: first-look
        level: awareness
        content: [poster]
        channels: [facebook]
        ctas:
          - {ask: Read the post, mode: online, measure: page-reach}
"""


def _journeys(text: str) -> tuple[str, str, str, str]:
    """The text before the journeys, each of the two journeys, and the text after them."""
    start = text.index("  - id: users-journey")
    middle = text.index("  - id: families-journey")
    end = text.index("\nphases:")
    return text[:start], text[start:middle], text[middle:end], text[end:]


def comment_lines_above(text: str) -> str:
    return "# A note at the top\n# and another\n" + text.replace(
        "\njourneys:\n", "\n# the journeys, with a note\njourneys:\n"
    )


def journey_inserted_above(text: str) -> str:
    return text.replace("journeys:\n", "journeys:\n" + NEW_JOURNEY, 1)


def stage_inserted_above(text: str) -> str:
    return text.replace(
        "    stages:\n      - id: hear\n", "    stages:\n" + NEW_STAGE + "      - id: hear\n"
    )


def journeys_reordered(text: str) -> str:
    before, first, second, after = _journeys(text)
    return before + second.rstrip("\n") + "\n\n" + first.rstrip("\n") + after


def result_inserted_above(text: str) -> str:
    extra = "  - measure: page-reach\n    date: 2027-02-01\n    value: 1500\n"
    return text.replace("results:\n", "results:\n" + extra)


MOVES: dict[str, Callable[[str], str]] = {
    "comment lines above": comment_lines_above,
    "a journey inserted above": journey_inserted_above,
    "a stage inserted above": stage_inserted_above,
    "the journeys reordered": journeys_reordered,
    "a result inserted above": result_inserted_above,
}


def fingerprints(tmp_path: Path, text: str) -> dict[str, str]:
    """Fingerprint -> the finding's code and message, from `check --format gitlab`."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    done = run_cli(
        "check", "--no-cache", "--today", EXAMPLE_TODAY, "--format", "gitlab", "plan.yaml",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    issues = json.loads(done.stdout)
    found = {
        issue["fingerprint"]: issue["check_name"] + ": " + issue["description"] for issue in issues
    }
    assert len(found) == len(issues), "two findings share a fingerprint"
    return found


@pytest.mark.parametrize("move", sorted(MOVES))
def test_a_finding_keeps_its_fingerprint_when_things_move_around_it(
    tmp_path: Path, move: str
) -> None:
    moved_text = MOVES[move](GAPS)
    assert moved_text != GAPS
    before = fingerprints(tmp_path, GAPS)
    after = fingerprints(tmp_path, moved_text)
    lost = {print_: words for print_, words in before.items() if print_ not in after}
    assert lost == {}, f"{move}: these findings got new fingerprints"
    assert len(before) > 25  # the plan has findings on many kinds of item


def test_messages_that_name_lines_keep_their_fingerprint(tmp_path: Path) -> None:
    """`Duplicate ... id 'x' (first used at line 14)`: the line is not part of the print."""
    broken = GAPS.replace("      - id: respond\n", "      - id: hear\n").replace(
        "    name: Consultation period\n", "    name: Consultation period\n    name: Again\n"
    )
    before = fingerprints(tmp_path, broken)
    assert any("first used at line" in words for words in before.values())
    assert any("first at line" in words for words in before.values())
    assert set(before) <= set(fingerprints(tmp_path, comment_lines_above(broken)))


def test_findings_alike_on_items_without_ids_get_distinct_fingerprints(tmp_path: Path) -> None:
    text = GAPS.replace("      - id: respond\n", "      - name: respond\n").replace(
        "      - id: rally\n", "      - name: respond\n"
    )
    assert len(fingerprints(tmp_path, text)) == len(fingerprints(tmp_path, GAPS))


@pytest.mark.parametrize(
    ("where", "stable"),
    [
        ("journey 'j' > stage 2 'walk' > level", "journey 'j' > stage 'walk' > level"),
        ("journey 'j' > stage 3", "journey 'j' > stage"),
        ("result 3 (measure 'm', 2027-02-01)", "result (measure 'm', 2027-02-01)"),
        ("outcome 'phase-2' > measure 'm-10'", "outcome 'phase-2' > measure 'm-10'"),
        ("channels > item 2 'leaflets'", "channels > item 'leaflets'"),
        ("community mechanism 2 > call to action 1", "community mechanism > call to action"),
    ],
)
def test_the_place_keeps_ids_and_loses_positions(where: str, stable: str) -> None:
    assert stable_place(where.replace(" > ", SEPARATOR)) == stable.replace(" > ", SEPARATOR)
