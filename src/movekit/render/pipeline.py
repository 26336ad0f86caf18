"""Rendering one plan: check it, build its document, fill the template, write the file.

plan file -> check (findings and the Plan) -> Document (view model) -> template -> file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from movekit.errors import PlanError, UsageError
from movekit.findings import Finding, Omitted

if TYPE_CHECKING:
    from movekit.model import Plan

FORMATS = {"md": ".md", "html": ".html", "pdf": ".pdf"}
"""Output format -> file extension."""

Busy = Callable[[str], AbstractContextManager[object]]
"""Shows that a slow step is running (the CLI passes a spinner)."""


@dataclass(frozen=True)
class RenderRequest:
    """What `movekit render` was asked to do."""

    plan: Path
    today: dt.date
    output_format: str = "html"
    output: Path | None = None
    template_dir: Path | None = None
    gaps: bool = True
    gap_details: bool = True
    """The appendix with rule codes and lines, for whoever edits the plan (issue 16)."""


@dataclass(frozen=True)
class Rendered:
    """What was written, the plan's findings, and any URL the PDF maker refused to fetch."""

    path: Path
    findings: list[Finding]
    refused: list[str] = field(default_factory=list)


class UnrenderablePlan(PlanError):
    """A plan with file-level errors: there is no plan model to render."""

    def __init__(
        self, path: str, findings: list[Finding], source: str, omitted: list[Omitted]
    ) -> None:
        super().__init__(path, findings)
        self.source = source
        self.omitted = omitted
        """Findings beyond the cap of each code, counted (the report says "and N more")."""


def _quiet(_: str) -> AbstractContextManager[object]:
    return nullcontext()


def render(request: RenderRequest, busy: Busy = _quiet) -> Rendered:
    """Check the plan, build its document, write it; raises UnrenderablePlan or MovekitError."""
    from movekit.opening import STDIN, open_plan
    from movekit.render.output import prepare_output
    from movekit.writing import write_output

    if str(request.plan) == STDIN and request.output is None:
        # the document goes next to the plan by default, and standard input has no folder
        raise UsageError("-: a plan read from standard input needs -o PATH for the document")
    checked = open_plan(request.plan, today=request.today)
    if checked.plan is None:
        raise UnrenderablePlan(checked.file, checked.findings, checked.text, checked.omitted)
    target = prepare_output(request.plan, request.output, FORMATS[request.output_format])
    content, refused = _content(request, checked.plan, checked.findings, busy)
    # the default build/ folder is made only now, so a failed render leaves no empty folder
    write_output(target, content, make_folders=request.output is None)
    return Rendered(target, checked.findings, refused)


def _content(
    request: RenderRequest, plan: Plan, findings: list[Finding], busy: Busy
) -> tuple[str | bytes, list[str]]:
    from movekit.render.document import build_document
    from movekit.render.templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE, fill

    shown = findings if request.gaps else None
    document = build_document(plan, shown, request.today, request.gap_details)
    if request.output_format == "md":
        return fill(MARKDOWN_TEMPLATE, document, request.template_dir, html=False), []
    html = fill(HTML_TEMPLATE, document, request.template_dir, html=True)
    if request.output_format == "html":
        return html, []
    from movekit.render.pdf import pdf_bytes

    with busy("Making the PDF"):
        return pdf_bytes(html, request.plan.parent, request.today)
