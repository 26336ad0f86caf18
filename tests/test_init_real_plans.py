"""`movekit init` teaches the keys that real plans need (docs/plan-format.md, "Additions for
real plans"): in the skeleton's comments, whether made with or without the wizard."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_init import WIZARD_ANSWERS, codes

REAL_PLAN_KEYS = (
    "mode: direct",
    "due: 2027-06 means by 30 June",
    "kind: milestone",
    "done: 2027-03-04",
    "target: tbd",
    'target: "+30%"',
    "tracked-in:",
    "# review-cadence:",
    "partner:",
)


@pytest.mark.parametrize("interactive", [False, True])
def test_the_skeleton_teaches_the_keys_for_real_plans(tmp_path: Path, interactive: bool) -> None:
    args = ["--interactive"] if interactive else ["--no-input"]
    stdin = WIZARD_ANSWERS if interactive else None
    assert run_cli("init", str(tmp_path), *args, "--no-git", stdin=stdin).returncode == 0
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for key in REAL_PLAN_KEYS:
        assert key in comments, key


def test_the_review_cadence_comment_works_once_uncommented(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--no-input", "--no-git").returncode == 0
    plan = tmp_path / "plan.yaml"
    assert "MK601" in codes(plan)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  # review-cadence:", "  review-cadence:"), encoding="utf-8")
    found = codes(plan)
    assert "MK601" not in found
    assert not {code for code in found if code.startswith("MK00")}
