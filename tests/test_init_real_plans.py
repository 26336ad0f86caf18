"""`movekit init` teaches the keys that real plans need (docs/plan-format.md, "Additions for
real plans"): in the skeleton's comments, whether made with or without the wizard."""

from __future__ import annotations

import json
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
    "# budget:",
    "# currency:",
    "stance: opponent",
    "arguments: [{id: ..., says: ...}]",
    "answers: [...]",
    "stakeholders: [...]",
    "budget: 5000",
    "what: ..., date: 2027-03",
    "serves: [...]",
    "amount: 3850, for: ...",
)
REAL_PLAN_SECTIONS = ("stakeholders", "messages", "activities", "spend")


@pytest.mark.parametrize("interactive", [False, True])
def test_the_skeleton_teaches_the_keys_for_real_plans(tmp_path: Path, interactive: bool) -> None:
    args = ["--interactive"] if interactive else ["--no-input"]
    stdin = WIZARD_ANSWERS if interactive else None
    assert run_cli("init", str(tmp_path), *args, "--no-git", stdin=stdin).returncode == 0
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for key in REAL_PLAN_KEYS:
        assert key in comments, key
    for section in REAL_PLAN_SECTIONS:
        assert f"\n{section}: []\n" in text, section


def test_the_review_cadence_comment_works_once_uncommented(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--no-input", "--no-git").returncode == 0
    plan = tmp_path / "plan.yaml"
    assert "MK601" in codes(plan)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("  # review-cadence:", "  review-cadence:"), encoding="utf-8")
    found = codes(plan)
    assert "MK601" not in found
    assert not {code for code in found if code.startswith("MK00")}


def test_the_budget_comments_work_once_uncommented(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path), "--no-input", "--no-git").returncode == 0
    plan = tmp_path / "plan.yaml"
    before = codes(plan)
    text = plan.read_text(encoding="utf-8")
    for key in ("budget", "currency"):
        assert text.count(f"  # {key}: ") == 1, key
        text = text.replace(f"  # {key}: ", f"  {key}: ")
    plan.write_text(text, encoding="utf-8")
    status = run_cli("status", str(plan), "--format", "json")
    assert status.returncode == 0, status.stderr
    budget = json.loads(status.stdout)["budget"]
    assert (budget["total"], budget["currency"]) == (24000, "EUR")
    assert codes(plan) == before
