"""One plan's HTML document, or the errors that stop it from being drawn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from movekit.errors import MovekitError
from movekit.findings import Finding, Severity

if TYPE_CHECKING:
    from movekit.model import Plan


@dataclass(frozen=True)
class Problem:
    """An error shown in the banner: what, and where in the plan when movekit knows."""

    message: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Built:
    """A fresh document (html), or None with the problems; the findings for the index."""

    html: str | None
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    name: str = ""
    goal: str = ""
    statuses: dict[str, int] = field(default_factory=dict)


def build(plan: Path, today: dt.date, template_dir: Path | None) -> Built:
    """Check and render the plan; file-level errors and template mistakes become problems."""
    from movekit.opening import open_plan

    try:
        checked = open_plan(plan, today=today)
        if checked.plan is None:
            shown = [f for f in checked.findings if f.severity == Severity.ERROR]
            problems = [Problem(f.message, f.line, f.column) for f in shown or checked.findings]
            return Built(None, problems, checked.findings)
        html, statuses = _html(checked.plan, checked.findings, today, template_dir)
    except MovekitError as error:
        return Built(None, [Problem(str(error))])
    except Exception as error:  # a bug must not stop the preview: it is shown, and kept
        summary = " ".join(str(error).split())[:200]
        bug = f"internal error: {type(error).__name__}: {summary}"
        return Built(None, [Problem(f"{bug} (a bug in movekit: please report it)")])
    campaign = checked.plan.campaign
    return Built(html, [], checked.findings, campaign.name, campaign.goal, statuses)


def _html(
    plan: Plan, findings: list[Finding], today: dt.date, templates: Path | None
) -> tuple[str, dict[str, int]]:
    """The document, and how many of its measures are on track, behind, missed, met or
    without data (for a folder's index: read off the document, not worked out again)."""
    from movekit.render.document import build_document
    from movekit.render.templates import HTML_TEMPLATE, fill

    document = build_document(plan, findings, today, True)
    counts: dict[str, int] = {}
    for outcome in document.outcomes:
        for measure in outcome.measures:
            counts[measure.status] = counts.get(measure.status, 0) + 1
    return fill(HTML_TEMPLATE, document, templates, html=True), counts
