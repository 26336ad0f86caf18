"""The public API: check a plan or load its model from Python."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from movekit.errors import PlanError

if TYPE_CHECKING:
    from movekit.config import Settings
    from movekit.findings import Finding
    from movekit.model import Plan


def check_plan(
    path: str | Path, *, today: dt.date | None = None, settings: Settings | None = None
) -> list[Finding]:
    """Every finding for the plan at `path`, with the settings of its nearest config file."""
    from movekit.opening import open_plan

    return open_plan(Path(path), today=today, settings=settings).findings


def load_plan(path: str | Path) -> Plan:
    """The validated plan at `path`; raises PlanError when the file has file-level errors."""
    from movekit.opening import open_plan

    checked = open_plan(Path(path), lint=False)
    if checked.plan is None:
        raise PlanError(str(path), checked.findings)
    return checked.plan
