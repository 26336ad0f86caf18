"""Shared helpers: run the real CLI, write plans to temporary folders."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The fuzz suite's size: `pytest --hypothesis-profile=long` tries far more inputs.
_FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default", max_examples=150, **_FUZZ)
settings.register_profile("long", max_examples=20_000, **_FUZZ)
settings.load_profile("default")

REPO = Path(__file__).resolve().parent.parent

# Every movekit the tests start (in-process or as a subprocess) caches findings in a
# folder of this test run, never in the user's ~/.cache.
os.environ["MOVEKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="movekit-test-cache-")
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
) -> subprocess.CompletedProcess[str]:
    """Run `python -m movekit ARGS` (the real entry point) without colour.

    `env` adds variables; a value of None removes one.
    """
    environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "MOVEKIT_DEBUG"):
        environment.pop(name, None)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
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


@pytest.fixture
def write_plan(tmp_path: Path) -> Callable[..., Path]:
    """Write text to a plan file in a temporary folder and return its path."""

    def write(text: str, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
