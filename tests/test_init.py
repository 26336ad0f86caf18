"""`movekit init`: a campaign folder in one command, never overwriting anything."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from movekit.schema import schema_text
from tests.conftest import EXAMPLES, run_cli

FILES = ["plan.yaml", "movekit.toml", ".gitignore", ".pre-commit-config.yaml"]
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def check_json(plan: Path, *args: str) -> dict[str, object]:
    result = run_cli("check", str(plan), "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def codes(plan: Path) -> set[str]:
    findings = check_json(plan)["findings"]
    assert isinstance(findings, list)
    return {finding["code"] for finding in findings}


@needs_git
def test_init_creates_the_folder_and_a_git_repository(tmp_path: Path) -> None:
    folder = tmp_path / "clean-air"
    result = run_cli("init", str(folder), "--no-input")
    assert result.returncode == 0, result.stderr
    for name in [*FILES, ".movekit/plan.schema.json"]:
        assert (folder / name).is_file(), name
    assert (folder / ".git").is_dir()
    assert "created a new repository" in result.stdout
    log = subprocess.run(["git", "-C", str(folder), "log"], capture_output=True, check=False)
    assert log.returncode != 0  # no commit was made
    assert (folder / ".movekit" / "plan.schema.json").read_text() == schema_text()
    assert "build/" in (folder / ".gitignore").read_text()
    assert "movekit check" in (folder / ".pre-commit-config.yaml").read_text()


@needs_git
def test_init_inside_a_repository_makes_no_nested_one(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run_cli("init", str(tmp_path / "plans"), "--no-input")
    assert result.returncode == 0
    assert not (tmp_path / "plans" / ".git").exists()
    assert "already inside a repository" in result.stdout


def test_no_git(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--no-input", "--no-git")
    assert result.returncode == 0
    assert not (tmp_path / ".git").exists()


def test_the_starter_plan_teaches_and_has_no_file_level_errors(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--no-input", "--no-git").returncode == 0
    plan = tmp_path / "plan.yaml"
    text = plan.read_text()
    assert text.startswith("# yaml-language-server: $schema=.movekit/plan.schema.json\n")
    for section in ("campaign", "outcomes", "audiences", "channels", "journeys", "bridges"):
        assert f"\n{section}:" in text
    for section in ("community", "phases", "reviews", "results"):
        assert f"\n{section}:" in text
    for question in ("desired outcomes", "measure", "motivate", "call to action", "community"):
        assert question in text
    for section in ("targets", "assumptions", "risks"):  # the strategy chart's additions
        assert f"\n{section}: []\n" in text
    for teaching in ("Who decides?", "accountable", "(phase: launch)", "a date", "test-by"):
        assert teaching in text
    assert "safety plan" in text and "review-by" in text
    found = codes(plan)
    assert not {code for code in found if code.startswith("MK00")}
    assert not {code for code in found if code.startswith("MK8")}  # nothing there to aim at
    # the findings are the to-do list: measures, a call to action, beyond awareness ...
    assert {"MK101", "MK301", "MK303", "MK501", "MK601"} <= found


def test_name_and_goal_fill_the_campaign(tmp_path: Path) -> None:
    goal = "Council adopts: School Streets by July"
    result = run_cli(
        "init", str(tmp_path), "--no-input", "--no-git", "--name", "Clean Air", "--goal", goal
    )
    assert result.returncode == 0
    text = (tmp_path / "plan.yaml").read_text()
    assert "  name: Clean Air\n" in text
    assert f'  goal: "{goal}"\n' in text
    assert not {code for code in codes(tmp_path / "plan.yaml") if code.startswith("MK00")}


@pytest.mark.parametrize("starter", ["clean-air-streets", "warm-homes-now"])
def test_worked_example_starters(tmp_path: Path, starter: str) -> None:
    result = run_cli("init", str(tmp_path), "--starter", starter, "--no-input", "--no-git")
    assert result.returncode == 0
    text = (tmp_path / "plan.yaml").read_text()
    example = (EXAMPLES / f"{starter}.yaml").read_text()
    assert text == "# yaml-language-server: $schema=.movekit/plan.schema.json\n" + example
    assert check_json(tmp_path / "plan.yaml", "--today", "2027-03-15")["findings"] == []


def test_a_worked_example_can_be_renamed_keeping_its_comments(tmp_path: Path) -> None:
    args = ["--starter", "clean-air-streets", "--name", "Clean Air Leeds", "--no-input", "--no-git"]
    assert run_cli("init", str(tmp_path), *args).returncode == 0
    text = (tmp_path / "plan.yaml").read_text()
    assert "  name: Clean Air Leeds\n" in text
    example = (EXAMPLES / "clean-air-streets.yaml").read_text()
    comments = [line for line in example.splitlines() if line.lstrip().startswith("#")]
    assert all(comment in text for comment in comments)


def test_an_unknown_starter_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--starter", "nope", "--no-input")
    assert result.returncode == 2
    assert "skeleton, clean-air-streets, warm-homes-now" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("movekit: 1\n# mine\n")
    result = run_cli("init", str(tmp_path), "--no-input", "--no-git")
    assert result.returncode == 2
    assert "would overwrite plan.yaml" in result.stderr
    assert "--force" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]
    assert (tmp_path / "plan.yaml").read_text() == "movekit: 1\n# mine\n"


def test_any_existing_file_stops_it(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.pdf\n")
    result = run_cli("init", str(tmp_path), "--no-input", "--no-git")
    assert result.returncode == 2
    assert not (tmp_path / "plan.yaml").exists()


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("old\n")
    result = run_cli("init", str(tmp_path), "--no-input", "--no-git", "--force")
    assert result.returncode == 0
    assert (tmp_path / "plan.yaml").read_text().startswith("# yaml-language-server")
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]


def test_a_file_in_the_way_of_the_folder_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("x")
    result = run_cli("init", str(tmp_path / "taken"), "--no-input")
    assert result.returncode == 2
    assert "not a folder" in result.stderr


WIZARD_ANSWERS = "\n".join(
    [
        "Clean Air Streets",  # name
        "Council adopts School Streets by July 2027",  # goal
        "2027-01-11",  # starts
        "2027-07-31",  # ends
        "Councillors back the policy",  # outcome 1
        "policy",
        "Policy lead",  # who is accountable for it
        "Councillors pledged",  # measure 1
        "lots",  # baseline: not a number, so asked again
        "3",
        "32",  # target
        "2027-05-31",  # due
        "",  # measure 2: finish
        "",  # outcome 2: finish
        "Parents: at the 20 schools",  # audience 1
        "Their children's health, asthma",  # motivations
        "No spare time",  # barriers
        "",  # channels: none (and one outcome, so no question which it drives)
        "Sees the air map",  # stage 1
        "",  # level: default awareness
        "air map",  # content
        "Look up your school",
        "online",
        "",  # which measure counts who responds: none
        "Joins a walking bus",  # stage 2
        "action",
        "",  # content
        "Walk on Friday: bring a banner",
        "offline",
        "1",  # counted by the councillors' pledges
        "",  # stage 3: finish
        "",  # bridge from stage 1 (the default)
        "",  # to stage 2 (the default)
        "The map links to the walking bus sign-up",
        "",  # audience 2: finish
        "",  # community: skip
        "",  # phases: none
        "Cllr Jane Ward, Leader of Stockport Council",  # the primary target
        "",  # where they stand: the default, unknown
        "Her majority rests on three wards",  # our power over them
        "Children walking in traffic",  # a risk for the walking bus (the first offline ask)
        "",  # how likely: the default, medium
        "high",  # how bad
        "Marshals at every crossing",
        "",
    ]
)


def test_the_wizard_asks_the_method_questions(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--interactive", "--no-git", stdin=WIZARD_ANSWERS)
    assert result.returncode == 0, result.stderr
    for question in (
        "final real-world goal",
        "How will you measure it",
        "motivate",
        "Call to action",
        "Who is accountable",
        "The primary target",
        "What could go wrong at 'Walk on Friday: bring a banner'",
    ):
        assert question in result.stdout
    assert "'lots' is not a number" in result.stdout
    text = (tmp_path / "plan.yaml").read_text()
    for expected in (
        "name: Clean Air Streets",
        "- id: councillors-back-the-policy",
        "target: 32",
        "due: 2027-05-31",
        '- id: parents\n    name: "Parents: at the 20 schools"',
        "motivations: [Their children's health, asthma]",
        "barriers: [No spare time]",
        "starts: 2027-01-11",
        "from: sees-the-air-map\n    to: joins-a-walking-bus\n",
        "level: action",
        'ask: "Walk on Friday: bring a banner"',
        "mode: offline",
        "    owner: Policy lead\n    targets: [cllr-jane-ward]\n",
        "targets:\n  - id: cllr-jane-ward\n    name: Cllr Jane Ward, Leader of Stockport Council\n"
        "    role: primary\n    position: unknown\n    power: Her majority rests on three wards\n"
        "    audiences: [parents]\n",
        '          - id: walk-on-friday\n            ask: "Walk on Friday: bring a banner"',
        "risks:\n  - id: children-walking-in-traffic\n"
        "    risk: Children walking in traffic\n"
        "    about: [parents-journey/walk-on-friday]\n"
        "    likelihood: medium\n    impact: high\n    mitigation: Marshals at every crossing\n",
    ):
        assert expected in text
    found = codes(tmp_path / "plan.yaml")
    assert not {code for code in found if code.startswith("MK00")}
    assert "MK101" not in found and "MK303" not in found and "MK401" not in found
    assert "MK402" not in found and "MK104" not in found and "MK203" not in found
    # the strategy chart's gaps are filled: a target for the policy, a safety plan, owners
    assert not found & {"MK005", "MK801", "MK802", "MK803", "MK807", "MK809", "MK810"}


def test_the_wizard_stops_cleanly_when_input_ends(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--interactive", stdin="Clean Air\n")
    assert result.returncode == 2
    assert "--no-input" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_input_never_prompts(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--no-input", "--no-git", stdin="should not be read\n")
    assert result.returncode == 0
    assert "?" not in result.stdout.split("created")[0]


def test_piped_input_without_a_flag_does_not_prompt(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path), "--no-git", stdin="should not be read\n")
    assert result.returncode == 0
    assert "Campaign name" not in result.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_the_wizard_runs_without_a_flag(tmp_path: Path) -> None:
    master, slave = os.openpty()
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "movekit", "init", str(tmp_path), "--no-git"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    os.write(master, WIZARD_ANSWERS.encode())
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the child exits
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert process.wait(timeout=30) == 0, output.decode(errors="replace")
    assert b"Campaign name" in output
    assert "target: 32" in (tmp_path / "plan.yaml").read_text()
