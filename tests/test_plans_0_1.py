"""Plans written for movekit 0.1 mean what they meant: the same findings, on every date,
apart from the rules of the 0.2 additions that read plans without them (MK801, MK809,
MK810). The plans and their 0.1.0 findings are in tests/data/plans-0.1 (see its README)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_text

FOLDER = Path(__file__).parent / "data" / "plans-0.1"
EXPECTED: dict[str, dict[str, list[list[object]]]] = json.loads(
    (FOLDER / "findings.json").read_text("utf-8")
)
NEW_ON_OLD_PLANS = {"MK801", "MK809", "MK810"}


@pytest.mark.parametrize(
    ("plan", "today"),
    [(plan, today) for plan, dates in EXPECTED.items() for today in dates],
)
def test_old_plans_keep_their_findings(plan: str, today: str) -> None:
    path = FOLDER / f"{plan}.yaml"
    found = check_text(
        path.read_text("utf-8"), str(path), today=dt.date.fromisoformat(today), settings=Settings()
    )
    kept = [[f.code, f.line, f.column, f.message] for f in found if f.code not in NEW_ON_OLD_PLANS]
    assert kept == EXPECTED[plan][today]


def test_every_old_plan_is_compared() -> None:
    assert sorted(EXPECTED) == sorted(path.stem for path in FOLDER.glob("*.yaml"))
