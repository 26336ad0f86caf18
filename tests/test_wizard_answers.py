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
        *["Council agrees", "policy", "", "", ""],  # one outcome, no owner or measure; no second
        *["Parents", "", "", ""],  # an audience: no motivations, barriers or channels
        *["Sees the map", "", "", "Look it up", "online"],  # stage 1
        *["Walks together", "action", "", "Walk on Friday", "offline"],  # stage 2
        "",  # no stage 3
        "none",  # where the journey moves to the ground: not said yet
        *["", "", ""],  # no audience 2, community or phases
        *["", ""],  # no target, no risk for the walk
    ]
    stdin = "\n".join(answers) + "\n"
    result = run_cli("init", str(tmp_path), "--interactive", "--no-git", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "To which later stage" not in result.stdout
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\nbridges: []\n" in text
    assert "MK402" in codes(tmp_path / "plan.yaml")


def wizard(folder: Path, answers: list[str]) -> tuple[str, str]:
    """Run the wizard with these answers typed in; return what it asked and the plan."""
    stdin = "\n".join(answers) + "\n"
    result = run_cli("init", str(folder), "--interactive", "--no-git", stdin=stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, (folder / "plan.yaml").read_text(encoding="utf-8")


TWO_AUDIENCES = [
    *["C", "G", "", ""],
    *["Council agrees", "policy", "Policy lead", "", ""],
    *["Parents", "", "", "", "Walks together", "action", "", "Walk on Friday", "offline", ""],
    *["Drivers", "", "", "", "Hears of it", "", "", "", ""],
    *["", "", ""],  # no audience 3, community or phases
]


def test_the_target_and_risk_take_their_defaults(tmp_path: Path) -> None:
    asked, text = wizard(
        tmp_path,
        [
            *TWO_AUDIENCES,
            *["Cllr Jane Ward, Leader", "", "", ""],  # default position, no power, both
            *["Cars at the school gate", "", "", ""],  # medium, medium, no mitigation
        ],
    )
    assert "Which audiences can move them?" in asked
    assert "What could go wrong at 'Walk on Friday'?" in asked
    assert (
        "targets:\n  - id: cllr-jane-ward\n    name: Cllr Jane Ward, Leader\n    role: primary\n"
        "    position: unknown\n    audiences: [parents, drivers]\n\n" in text
    )
    assert "    type: policy\n    owner: Policy lead\n    targets: [cllr-jane-ward]\n" in text
    assert (
        "risks:\n  - id: cars-at-the-school-gate\n    risk: Cars at the school gate\n"
        "    about: [parents-journey/walk-on-friday]\n    likelihood: medium\n"
        "    impact: medium\n\n" in text
    )
    found = codes(tmp_path / "plan.yaml")
    assert not found & {"MK005", "MK801", "MK803", "MK809"}
    assert "MK804" in found  # where the target stands is still to find out


def test_the_target_answers_are_kept_as_typed(tmp_path: Path) -> None:
    _, text = wizard(
        tmp_path,
        [
            *TWO_AUDIENCES,
            *["Mayor: Ann Lee", "Opposes", "Her 2026 pledge on cleaner air", "2"],
            *["Drivers shout at walkers", "high", "low", "Stewards in hi-vis"],
        ],
    )
    assert '    name: "Mayor: Ann Lee"\n    role: primary\n    position: opposes\n' in text
    assert "    power: Her 2026 pledge on cleaner air\n    audiences: [drivers]\n" in text
    assert "likelihood: high\n    impact: low\n    mitigation: Stewards in hi-vis\n" in text
    assert "- id: mayor\n" in text


def test_blank_target_and_risk_leave_the_sections_to_fill_in(tmp_path: Path) -> None:
    asked, text = wizard(tmp_path, [*TWO_AUDIENCES, "", ""])
    assert "Where do they stand" not in asked and "How likely" not in asked
    assert "\ntargets: []\n" in text and "\nrisks: []\n" in text
    assert "- id: walk-on-friday" not in text  # an ask gets an id only for a risk to name it
    found = codes(tmp_path / "plan.yaml")
    assert {"MK801", "MK809"} <= found  # the to-do list: who decides, a safety plan
    assert not {code for code in found if code.startswith("MK00")}


def test_no_offline_ask_means_no_risk_question(tmp_path: Path) -> None:
    answers = [
        *["C", "G", "", ""],
        *["More riders", "behaviour", "", "", ""],
        *["Riders", "", "", "", "Sees the map", "", "", "Look it up", "online", ""],
        *["", "", ""],
        "",  # no target
    ]
    asked, text = wizard(tmp_path, answers)
    assert "What could go wrong" not in asked
    assert "\nrisks: []\n" in text


def test_an_ask_and_a_channel_can_be_direct_contact(tmp_path: Path) -> None:
    asked, text = wizard(
        tmp_path,
        [
            *["C", "G", "", ""],
            *["Council agrees", "policy", "", "", ""],
            *["Tenants", "", "", "letters to councillors"],  # no motivations or barriers
            *["Direct", ""],  # the channel's mode (any case), no one runs it yet
            *["Writes to the councillor", "action", "", "Write to Cllr Ward", "direct"],
            "",  # through the letters: the default, as its mode matches
            "",  # no stage 2
            *["", "", ""],  # no audience 2, community or phases
            "",  # no target (and no risk question: a letter is not on the ground)
        ],
    )
    assert asked.count("direct means a call, a letter or a meeting") == 1
    assert "Online, on the ground (offline) or direct? (online, offline, direct)" in asked
    assert "What could go wrong" not in asked
    channel = "  - id: letters-to-councillors\n    name: letters to councillors\n    mode: direct\n"
    assert channel in text
    assert "          - ask: Write to Cllr Ward\n            mode: direct\n" in text
    assert "        channels: [letters-to-councillors]\n" in text
    found = codes(tmp_path / "plan.yaml")
    assert not {code for code in found if code.startswith("MK00")}
    assert not found & {"MK401", "MK402", "MK809"}  # direct contact is not asked to go offline
