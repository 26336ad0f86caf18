"""Shared helpers: run the real CLI, write plans to temporary folders."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests import forkrun

pytest_plugins = ["tests.browser"]

# The fuzz suite's size: `pytest --hypothesis-profile=long` tries far more inputs.
_FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default", max_examples=150, **_FUZZ)
settings.register_profile("long", max_examples=20_000, **_FUZZ)
settings.load_profile("default")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
EXAMPLE_TODAY = "2027-03-15"

VALID_PLAN = """\
movekit: 1
campaign:
  name: Clean Air Streets
  goal: Council adopts School Streets
outcomes:
  - id: policy
    title: Policy adopted
    type: policy
audiences:
  - id: parents
    name: Parents
"""

SMALL_PLAN = """\
movekit: 1
campaign: {name: Clean Air, goal: Council adopts School Streets}
outcomes:
  - {id: policy, title: Policy adopted, type: policy}
audiences:
  - {id: parents, name: Parents}
journeys:
  - id: parents-journey
    audience: parents
    stages:
      - level: awareness
        ctas:
          - {ask: Look up your school, mode: online}
"""
"""A valid plan in flow style, small enough to mutate."""


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str | None] | None = None,
    fresh: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run `movekit ARGS` through the real entry point, in its own process, without colour.

    `env` adds variables; a value of None removes one. The process is forked from this
    worker where the system allows (tests/forkrun.py says why), else, or with `fresh` (for
    tests about start-up, PYTHONPATH, or locks this process holds), a fresh interpreter.
    """
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "MOVEKIT_DEBUG"):
        environment.pop(name, None)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    if forkrun.AVAILABLE and not fresh:
        return forkrun.run_forked(
            list(args), cwd=cwd, stdin=stdin, environment=environment, timeout=60
        )
    return subprocess.run(
        [sys.executable, "-m", "movekit", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


_CACHES = itertools.count()


@pytest.fixture(scope="session", autouse=True)
def _no_user_cache_in_this_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module- and session-scoped fixtures cache findings in this run, never in ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        _own_cache(patch, tmp_path_factory, "session")
        yield


@pytest.fixture(autouse=True)
def _empty_cache_per_test(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test starts with an empty findings cache of its own.

    A finding cached by an earlier test (or by the user's own checks) would skip the code
    a test means to run; subprocesses inherit the variable, in-process runs read it.
    """
    _own_cache(monkeypatch, tmp_path_factory, str(next(_CACHES)))


def _own_cache(patch: pytest.MonkeyPatch, factory: pytest.TempPathFactory, name: str) -> None:
    # a folder not made yet is an empty cache; movekit makes it when it stores a finding
    patch.setenv("MOVEKIT_CACHE_DIR", str(factory.getbasetemp() / "findings-caches" / name))
    patch.delenv("MOVEKIT_NO_CACHE", raising=False)  # the cache's own tests need it on


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[..., Path]:
    """Write text to a plan file in a temporary folder and return its path."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def template_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    """A user's template folder (`render --template`) holding `files`, name to text."""
    folder = tmp_path / "my-templates"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
