"""The `movekit init` wizard at a real pseudo-terminal, as a campaign lead meets it.

Each answer is typed only once its question is on the screen (no sleeps): a full sensible
session gives a plan that `check --strict` and `fmt --check` pass; blank answers skip
cleanly; Ctrl-C writes nothing and says so on a line of its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
TIMEOUT = 60
READ_SYSCALLS = ("0", "63")
"""The number of read(2) in /proc/PID/syscall on x86-64 and on ARM64."""


def _await_a_blocked_read(pid: int) -> None:
    """Wait until the program sits in read(), waiting for the answer (Linux's /proc shows it).

    The question is on the screen a moment before Python calls read(): a Ctrl-C in that
    moment is noted but, with nothing left to interrupt, Python then waits in read() for
    ever. People never type that fast; a test does. No event says "now reading", so this
    looks at the process's state until it does (elsewhere it carries on at once).
    """
    syscall = Path(f"/proc/{pid}/syscall")
    deadline = time.monotonic() + TIMEOUT
    while syscall.exists() and time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if syscall.read_text().split()[0] in READ_SYSCALLS:
                return
        os.sched_yield()


class Terminal:
    """`movekit init` running at a pseudo-terminal, with what it has printed so far."""

    def __init__(self, folder: Path) -> None:
        master, slave = os.openpty()
        env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "movekit", "init", str(folder), "--no-git"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.master = master
        self.output = ""
        self.seen = 0
        """How much of the output the questions awaited so far have used up."""

    def read(self) -> bool:
        """Read what is printed; False once the program has closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], TIMEOUT)
        assert ready, f"the wizard went quiet; it printed:\n{self.output}"
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # the terminal closes when the program exits
            return False
        self.output += chunk.decode(errors="replace")
        return bool(chunk)

    def answer(self, question: str, text: str) -> None:
        """Wait for question, then type text and Enter."""
        while question not in self.output[self.seen :]:
            assert self.read(), f"the wizard ended before asking {question!r}:\n{self.output}"
        self.seen = self.output.index(question, self.seen) + len(question)
        os.write(self.master, text.encode() + b"\r")

    def interrupt_at(self, question: str) -> None:
        """Wait for question, then press Ctrl-C."""
        while question not in self.output[self.seen :]:
            assert self.read(), f"the wizard ended before asking {question!r}:\n{self.output}"
        self.seen = self.output.index(question, self.seen) + len(question)
        _await_a_blocked_read(self.process.pid)
        os.write(self.master, b"\x03")

    def finish(self) -> int:
        """Read to the end and return the exit code."""
        while self.read():
            pass
        os.close(self.master)
        return self.process.wait(timeout=TIMEOUT)

    def after(self) -> str:
        """What was printed after the last question awaited."""
        return self.output[self.seen :]


SENSIBLE = [
    ("Campaign name", "Save our bus route 42"),
    ("final real-world goal", "The council keeps route 42 running past 2027"),
    ("When does the campaign start?", "2027-01-11"),
    ("When does it end?", "2027-07-31"),
    ("Outcome 1", "Council votes to keep route 42 running for every rider in town"),
    ("What kind of change", "policy"),
    ("Who is accountable", "Transport campaign team"),
    ("How will you measure it", "Councillors pledged to vote yes"),
    ("Baseline", "3"),
    ("Target", "32"),
    ("Due date", "2027-05-31"),
    ("Another measure", ""),
    ("Outcome 2", "Riders sign the petition"),
    ("What kind of change", "Behaviour"),  # any case
    ("Who is accountable", "Petition lead"),
    ("How will you measure it", "Petition signatures"),
    ("Baseline", "don't know"),
    ("Target", "5,000"),
    ("Due date", "2027-04-30"),
    ("Another measure", ""),
    ("Outcome 3", ""),
    ("Audience 1", "Regular bus users"),
    ("motivate them", "getting to work, seeing family"),
    ("What stops them", "no spare time, doubt it will work"),
    ("Where can you reach them", "WhatsApp, bus stops"),
    ("Is 'WhatsApp' online", "online"),
    ("Who runs 'WhatsApp'", "Digital team"),
    ("Is 'bus stops' online", "offline"),
    ("Who runs 'bus stops'", "Stop captains"),
    ("Which outcomes does their journey drive?", "1, 2"),
    ("Stage 1", "Sees the route map"),
    ("Level", ""),  # the next rung: awareness
    ("best content", "map, film"),
    ("Call to action", "Sign the petition online"),
    ("Online, on the ground", "online"),
    ("Through which channels?", ""),  # WhatsApp: the online one
    ("Which measure counts", "2"),
    ("Stage 2", "Talks to neighbours"),
    ("Level", ""),  # engagement
    ("best content", "conversation guide"),
    ("Call to action", "Share the petition with a neighbour"),
    ("Online, on the ground", ""),
    ("Through which channels?", ""),
    ("Which measure counts", "2"),
    ("Stage 3", "Turns up at the depot rally"),
    ("Level", "action"),
    ("best content", "leaflet"),
    ("Call to action", "Come to the rally at the depot"),
    ("Online, on the ground", "offline"),
    ("Through which channels?", ""),  # bus stops
    ("Which measure counts", ""),
    ("Stage 4", "Runs a street stall"),
    ("Level", ""),  # ownership
    ("best content", "stall kit"),
    ("Call to action", "Run a stall on your street"),
    ("Online, on the ground", "offline"),
    ("Through which channels?", ""),
    ("Which measure counts", ""),
    ("Stage 5", ""),
    ("From which online stage?", "2"),
    ("To which later stage", ""),
    ("How do people get", "Sharers get a text invite to the rally"),
    ("Audience 2", ""),
    ("One way they could", "Bus stop captains"),
    ("What kind is it?", "organise"),
    ("What tools", "captain handbook, banner kit"),
    ("Who supports the people who run it?", "Organising team"),
    ("Phase 1", "Launch"),
    ("Starts", "2027-01-11"),
    ("Ends", "2027-03-31"),
    ("Review date", "2027-04-07"),
    ("Phase 2", ""),
    ("The primary target", "Cllr Pat Hale, Chair of the Transport Committee"),
    ("Where do they stand", "undecided"),
    ("What power do you have over them", "Her ward is on route 42"),
    ("What could go wrong at 'Come to the rally at the depot'", "Buses pulling out of the depot"),
    ("How likely", ""),  # medium
    ("How bad", "high"),
    ("What will you do to prevent it", "Stewards keep people behind the depot line"),
]


def test_a_full_session_gives_a_plan_with_no_error_and_no_warning(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    for question, text in SENSIBLE:
        terminal.answer(question, text)
    assert terminal.finish() == 0, terminal.output
    plan = tmp_path / "plan.yaml"
    strict = run_cli("check", "--strict", "--today", "2027-01-01", str(plan))
    assert strict.returncode == 0, strict.stdout
    assert "warning" not in strict.stdout and "error" not in strict.stdout
    fmt = run_cli("fmt", "--check", str(plan))
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
    text = plan.read_text(encoding="utf-8")
    for expected in (
        "starts: 2027-01-11\n  ends: 2027-07-31",
        # cut at a word boundary, at most 40 characters
        "- id: council-votes-to-keep-route-42-running\n",
        "        baseline: 3\n        target: 32\n",
        "- id: petition-signatures\n        metric: Petition signatures\n        target: 5000",
        "barriers: [no spare time, doubt it will work]",
        "channels: [whatsapp, bus-stops]",
        "  - id: bus-stops\n    name: bus stops\n    mode: offline\n    owner: Stop captains",
        "outcomes: [council-votes-to-keep-route-42-running, riders-sign-the-petition]",
        "from: talks-to-neighbours\n    to: turns-up-at-the-depot-rally\n",
        "kind: organise\n    audiences: [regular-bus-users]\n",
        "review: 2027-04-07",
        "type: policy\n    owner: Transport campaign team\n    targets: [cllr-pat-hale]\n",
        "kind: organise\n    audiences: [regular-bus-users]\n"
        "    tools: [captain handbook, banner kit]\n    owner: Organising team\n",
        "  - id: cllr-pat-hale\n    name: Cllr Pat Hale, Chair of the Transport Committee\n"
        "    role: primary\n    position: undecided\n    power: Her ward is on route 42\n"
        "    audiences: [regular-bus-users]\n",
        "          - id: come-to-the-rally-at-the-depot\n",
        "  - id: buses-pulling-out-of-the-depot\n    risk: Buses pulling out of the depot\n"
        "    about: [regular-bus-users-journey/come-to-the-rally-at-the-depot]\n"
        "    likelihood: medium\n    impact: high\n"
        "    mitigation: Stewards keep people behind the depot line\n",
    ):
        assert expected in text, expected
    assert "baseline" not in text.split("petition-signatures", 1)[1].split("due:")[0]


def test_each_journey_drives_only_the_outcomes_chosen(tmp_path: Path) -> None:
    answers = [
        ("Campaign name", "C"),
        ("final real-world goal", "G"),
        ("start?", ""),
        ("end?", ""),
        ("Outcome 1", "First"),
        ("What kind", "policy"),
        ("Who is accountable", ""),
        ("How will you measure it", ""),
        ("Outcome 2", "Second"),
        ("What kind", ""),
        ("Who is accountable", ""),
        ("How will you measure it", ""),
        ("Outcome 3", ""),
        ("Audience 1", "Parents"),
        ("motivate", ""),
        ("stops them", ""),
        ("reach them", ""),
        ("Which outcomes", "2"),
        ("Stage 1", ""),
        ("Audience 2", ""),
        ("One way they could", ""),
        ("Phase 1", ""),
        ("The primary target", ""),
    ]
    terminal = Terminal(tmp_path)
    for question, text in answers:
        terminal.answer(question, text)
    assert terminal.finish() == 0, terminal.output
    assert "    outcomes: [second]\n" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")


def test_blank_answers_skip_cleanly(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    for question in ("Campaign name", "goal", "start?", "end?", "Outcome 1"):
        terminal.answer(question, "")
    for question, text in [
        ("Audience 1", "Parents"),
        ("motivate", ""),
        ("stops them", ""),
        ("reach them", ""),
        ("Stage 1", "Sees the map"),
        ("Level", ""),
        ("best content", ""),
        ("Call to action", ""),
    ]:
        terminal.answer(question, text)
    terminal.answer("Stage 2", "")  # a blank call to action asks nothing more
    assert "Online, on the ground" not in terminal.output
    assert "direct means" not in terminal.output  # explained only where a mode is asked
    for question in ("Audience 2", "One way they could", "Phase 1", "The primary target"):
        terminal.answer(question, "")
    assert terminal.finish() == 0, terminal.output
    plan = tmp_path / "plan.yaml"
    assert run_cli("fmt", "--check", str(plan)).returncode == 0
    check = run_cli("check", str(plan))
    assert "MK00" not in check.stdout, check.stdout  # an unfinished plan, never a broken one


def _own_terminal() -> None:
    """Make the pseudo-terminal the program's own, so that Ctrl-C there interrupts it."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


BEFORE_OUTCOMES = [("Campaign name", "Bus 42"), ("goal", "Keep it"), ("start?", ""), ("end?", "")]
BEFORE_LEVEL = [
    *BEFORE_OUTCOMES,
    ("Outcome 1", ""),
    ("Audience 1", "Riders"),
    ("motivate", ""),
    ("stops them", ""),
    ("reach them", ""),
    ("Stage 1", "Sees it"),
]


BEFORE_POSITION = [
    *BEFORE_OUTCOMES,
    *[("Outcome 1", ""), ("Audience 1", ""), ("One way they could", ""), ("Phase 1", "")],
    ("The primary target", "Cllr Pat Hale, Chair of Transport"),
]


@pytest.mark.parametrize(
    ("question", "before"),
    [
        ("Campaign name", []),
        ("Outcome 1", BEFORE_OUTCOMES),
        ("Level", BEFORE_LEVEL),
        ("Where do they stand", BEFORE_POSITION),
    ],
)
def test_ctrl_c_writes_nothing_and_says_so(
    tmp_path: Path, question: str, before: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "campaign"
    terminal = Terminal(folder)
    for asked, text in before:
        terminal.answer(asked, text)
    terminal.interrupt_at(question)
    assert terminal.finish() == 130, terminal.output
    lines = [line.strip() for line in terminal.after().splitlines()]
    assert "Stopped: nothing written." in lines, terminal.output
    assert "^C" not in terminal.output
    assert "Traceback" not in terminal.output and "Aborted" not in terminal.output
    assert not folder.exists()
