"""`movekit docs`: the user docs, read from the package, in a pipe and at a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import tomllib
from importlib.resources import files

import pytest

from movekit.helpdocs import PACKAGE, TOPICS
from tests.conftest import REPO, run_cli

DOCS = REPO / "docs"
COLOUR = re.compile(r"\x1b\[[\d;]*(3\d|9\d)[;m]")
ESCAPE = re.compile(r"\x1b\[[\d;?]*[A-Za-z]")


def test_the_list_names_every_topic_with_its_line() -> None:
    result = run_cli("docs")
    assert result.returncode == 0, result.stderr
    for topic in TOPICS:
        assert re.search(rf"^  {topic.name} +{re.escape(topic.summary)}$", result.stdout, re.M)
    assert max(map(len, result.stdout.splitlines())) <= 80  # one line each on any terminal


def test_the_brief_s_topics_are_all_there() -> None:
    names = {topic.name for topic in TOPICS}
    assert names == {"plan-format", "rules", "yaml", "render", "review-loop", "git", "ci"}


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.name)
def test_a_page_in_a_pipe_is_the_doc_itself(topic: object) -> None:
    name, file = topic.name, topic.file  # type: ignore[attr-defined]
    result = run_cli("docs", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (DOCS / file).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("asked", "file"),
    [("Plan", "plan-format.md"), ("yaml.md", "yaml.md"), ("review", "review-loop.md")],
)
def test_names_aliases_and_case_all_find_the_page(asked: str, file: str) -> None:
    result = run_cli("docs", asked)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (DOCS / file).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("asked", "hint"),
    [
        ("yml", "did you mean yaml?"),
        ("plan-fromat", "did you mean plan-format?"),
        ("MK301", "movekit explain MK301"),
        ("zzz", "the topics are: plan-format, rules, yaml"),
    ],
)
def test_an_unknown_topic_exits_2_with_a_suggestion(asked: str, hint: str) -> None:
    result = run_cli("docs", asked)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"no docs topic '{asked}'" in result.stderr and hint in result.stderr
    assert "Traceback" not in result.stderr


def test_every_page_is_package_data() -> None:
    shipped = files(PACKAGE)
    for topic in TOPICS:
        assert shipped.joinpath(topic.file).read_text(encoding="utf-8")
    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert PACKAGE in config["packages"]
    assert config["package-dir"][PACKAGE] == "docs"  # one copy: docs/ itself ships
    assert config["package-data"][PACKAGE] == ["*.md"]


def _at_a_terminal(*args: str, no_color: bool) -> str:
    """Run `movekit ARGS` with a pseudo-terminal as its output; what the terminal showed."""
    environment = {**os.environ, "PAGER": "cat", "TERM": "xterm-256color", "COLUMNS": "80"}
    environment.pop("NO_COLOR", None)
    environment.pop("FORCE_COLOR", None)
    if no_color:
        environment["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "movekit", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=environment,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_at_a_terminal_the_page_is_formatted_markdown() -> None:
    shown = _at_a_terminal("docs", "yaml", no_color=False)
    assert "# How movekit reads YAML" not in shown  # the heading is styled, not raw Markdown
    assert "How movekit reads YAML" in shown
    assert COLOUR.search(shown)
    # rich wraps long list items instead of cropping them at the screen's edge
    words = " ".join(ESCAPE.sub("", shown).split())
    assert "0x1F are numbers; 1_000 is text." in words


def test_at_a_terminal_no_color_means_no_colour() -> None:
    shown = _at_a_terminal("docs", "yaml", no_color=True)
    assert "How movekit reads YAML" in shown
    assert not COLOUR.search(shown)
