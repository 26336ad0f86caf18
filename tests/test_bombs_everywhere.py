"""YAML bombs through every command, not only `check`: each is refused by the one guarded
reader (opening.open_plan) with check's own message, before anything else reads the file.

Each command runs as a real process (`python -m movekit`, through a small wrapper that also
says whether ruamel.yaml, fmt's round-trip reader, was ever imported). The timeout is only
there so that a regression cannot hang the suite; nothing here is timed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

TODAY = "2027-03-15"
TIMEOUT = 90
"""Seconds before a run counts as hung (a refusal takes a second or two on an idle machine)."""

LAUGHS = "Aliases expand to more than 100,000 values"
DEEP = "nested too deep"

WRAPPER = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('ruamel imported:', 'ruamel.yaml' in sys.modules,"
    " file=sys.stderr))\n"
    "from movekit.cli import main\n"
    "sys.argv = ['movekit', *sys.argv[1:]]\n"
    "main()\n"
)


def _laughs() -> str:
    """Billion laughs at 9 levels: 9**9 values from 10 short lines."""
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "movekit: 1\ncampaign:\n  name: Bomb\n" + "\n".join(lines) + "\n"


def _deep() -> str:
    """10,000 nested flow lists."""
    return "movekit: 1\ncampaign:\n  name: Deep\nx-deep: " + "[" * 10_000 + "]" * 10_000 + "\n"


def _anchor() -> str:
    """One mapping of 100,000 keys, anchored and used again and again."""
    keys = ", ".join(f"k{n}: {n}" for n in range(100_000))
    return f"movekit: 1\nx-big: &big {{{keys}}}\nx-use: [{', '.join(['*big'] * 50)}]\n"


BOMBS = {"laughs": (_laughs, LAUGHS), "deep": (_deep, DEEP), "anchor": (_anchor, LAUGHS)}

# command -> (arguments, expected exit code); {plan} is the bomb, {good} a valid plan
COMMANDS: dict[str, tuple[list[str], int]] = {
    "check": (["check", "{plan}", "--no-cache", "--today", TODAY], 1),
    "fmt": (["fmt", "{plan}"], 1),
    "fmt --check": (["fmt", "--check", "{plan}"], 1),
    "fmt --diff": (["fmt", "--diff", "{plan}"], 1),
    "fmt folder": (["fmt", "--check", "{folder}"], 1),
    "record": (["record", "{plan}", "petition-signatures", "5", "--date", TODAY], 2),
    "record --from": (["record", "{plan}", "--from", "{csv}", "--today", TODAY], 2),
    "record --review": (
        ["record", "{plan}", "--review", "launch", "--learned", "a", "--changes", "b"],
        2,
    ),
    "status": (["status", "{plan}", "--today", TODAY], 1),
    "render": (["render", "{plan}", "-f", "md", "-o", "{out}", "--today", TODAY], 1),
    "diff old": (["diff", "{plan}", "{good}", "--today", TODAY], 1),
    "diff new": (["diff", "{good}", "{plan}", "--today", TODAY], 1),
    "git external diff": (
        [
            *("diff", "--git-external-diff", "plan.yaml"),
            *("{good}", "1", "100644", "{plan}", "2", "100644"),
            *("--today", TODAY),
        ],
        0,
    ),
    "git textconv": (["diff", "--textconv", "{plan}"], 0),
}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    made = {}
    for name, (make, _) in BOMBS.items():
        (folder / name).mkdir()
        made[name] = folder / name / "plan.yaml"
        made[name].write_text(make(), encoding="utf-8")
    return made


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1", "MOVEKIT_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run(
        [sys.executable, "-c", WRAPPER, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize("bomb", sorted(BOMBS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_refuses_a_bomb_like_check(
    command: str, bomb: str, bombs: dict[str, Path], tmp_path: Path
) -> None:
    plan = bombs[bomb]
    before = plan.read_bytes()
    good = tmp_path / "good.yaml"
    good.write_bytes((EXAMPLES / "clean-air-streets.yaml").read_bytes())
    csv_file = tmp_path / "results.csv"
    csv_file.write_text("measure,date,value\npetition-signatures,2027-03-01,5\n", "utf-8")
    out = tmp_path / "plan.md"
    places = {"plan": plan, "good": good, "csv": csv_file, "out": out, "folder": plan.parent}
    arguments, expected = COMMANDS[command]
    args = [argument.format(**places) for argument in arguments]

    done = _run(args, tmp_path)

    output = done.stdout + done.stderr
    assert done.returncode == expected, output[-2000:]
    assert BOMBS[bomb][1] in output, output[-2000:]
    assert "MK001" in output, output[-2000:]
    assert "Traceback" not in output and "internal error" not in output, output[-2000:]
    # refused by the guarded reader, before any round trip that keeps comments
    assert "ruamel imported: False" in done.stderr, done.stderr[-2000:]
    assert plan.read_bytes() == before
    assert not out.exists()
    assert sorted(path.name for path in plan.parent.iterdir()) == ["plan.yaml"]
