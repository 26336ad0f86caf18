"""Plans without the 0.2 additions render exactly as movekit 0.1 rendered them.

The plans of tests/data/plans-0.1 are rendered without their gaps (the rules of the
additions may add findings to them, MK801, MK809 and MK810, and nothing else may change).
The golden files were made by the renderer before the 0.2 sections existed; never
regenerate them to make a change pass: a diff here means an old plan's document changed.
Issue 16 changed every document on purpose (the same look and markup for old plans too:
phone layout, landmarks, as-of cut-off, summary, charts), so these files were rewritten
then; what still holds is that a plan without the 0.2 additions gets none of their sections.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, REPO, run_cli
from tests.golden import assert_golden

OLD_PLANS = Path(__file__).parent / "data" / "plans-0.1"


@pytest.mark.parametrize("name", ["clean-air-streets", "warm-homes-now", "gaps"])
@pytest.mark.parametrize("extension", ["md", "html"])
def test_an_old_plan_renders_as_before(name: str, extension: str, tmp_path: Path) -> None:
    output = tmp_path / f"{name}.{extension}"
    plan = str(OLD_PLANS / f"{name}.yaml")
    args = ("render", plan, "--today", EXAMPLE_TODAY, "--no-gaps", "-o", str(output))
    result = run_cli(*args, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert_golden(f"render-0.1-{name}.{extension}", output.read_text(encoding="utf-8"))
