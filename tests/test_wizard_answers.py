"""What the wizard makes of answers: ids from names, and "none" where a default is offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from movekit.scaffold.starter import slug
from tests.conftest import run_cli
from tests.test_init import codes


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Turn up at the depot on Friday", "turn-up-at-the-depot-on-friday"),
        # at most 40 characters, cut where a word ends
        (
            "Regular bus users on route 42 who turn up every day",
            "regular-bus-users-on-route-42-who-turn",
        ),
        ("Parents: at the 20 schools", "parents"),
        (
            "Supercalifragilisticexpialidocious-and-then-some-more",
            "supercalifragilisticexpialidocious-and",
        ),
        ("A" * 50, "a" * 40),
        ("!!!", "stage"),
    ],
)
def test_ids_come_from_names_cut_at_a_word_boundary(name: str, expected: str) -> None:
    made = slug(name, set(), "stage")
    assert made == expected
    assert len(made) <= 40


def test_ids_made_from_names_are_unique() -> None:
    taken: set[str] = set()
    assert [slug("Sees the map", taken, "stage") for _ in range(3)] == [
        "sees-the-map",
        "sees-the-map-2",
        "sees-the-map-3",
    ]


def test_none_skips_a_question_that_has_a_default(tmp_path: Path) -> None:
    answers = [
        *["C", "G", "", ""],  # name, goal, no dates
        *["Council agrees", "policy", "", ""],  # one outcome, no measure; no second outcome
        *["Parents", "", "", ""],  # an audience: no motivations, barriers or channels
        *["Sees the map", "", "", "Look it up", "online"],  # stage 1
        *["Walks together", "action", "", "Walk on Friday", "offline"],  # stage 2
        "",  # no stage 3
        "none",  # where the journey moves to the ground: not said yet
        *["", "", ""],  # no audience 2, community or phases
    ]
    stdin = "\n".join(answers) + "\n"
    result = run_cli("init", str(tmp_path), "--interactive", "--no-git", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "To which later stage" not in result.stdout
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\nbridges: []\n" in text
    assert "MK402" in codes(tmp_path / "plan.yaml")
