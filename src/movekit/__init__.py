"""movekit: plan campaigns that turn moments into movements.

The core is usable as a library::

    from movekit import load_plan, check_plan

    plan = load_plan("examples/clean-air-streets.yaml")
    findings = check_plan("examples/gaps/plan.yaml")
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["PlanError", "__version__", "check_plan", "load_plan"]

if TYPE_CHECKING:
    from movekit.config import Settings
    from movekit.findings import Finding
    from movekit.model import Plan

from movekit.errors import MovekitError


class PlanError(MovekitError):
    """A plan with file-level errors; `findings` lists them."""

    def __init__(self, path: str, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(f"{path}:{first.line}:{first.column}: {first.code} {first.message}")
        self.findings = findings


def check_plan(
    path: str | Path, *, today: dt.date | None = None, settings: Settings | None = None
) -> list[Finding]:
    """Every finding for the plan at `path`, with the settings of its nearest config file."""
    from movekit.config import load_settings
    from movekit.engine import check_bytes
    from movekit.files import read_plan_bytes
    from movekit.rules import BY_CODE

    plan_path = Path(path)
    chosen = settings if settings is not None else load_settings(plan_path, BY_CODE)
    raw = read_plan_bytes(plan_path)
    day = today or dt.date.today()
    return check_bytes(raw, str(path), today=day, settings=chosen).findings


def load_plan(path: str | Path) -> Plan:
    """The validated plan at `path`; raises PlanError when the file has file-level errors."""
    from movekit.config import Settings
    from movekit.engine import check_bytes
    from movekit.files import read_plan_bytes

    raw = read_plan_bytes(Path(path))
    checked = check_bytes(raw, str(path), today=dt.date.today(), settings=Settings(select=()))
    if checked.plan is None:
        raise PlanError(str(path), checked.findings)
    return checked.plan
