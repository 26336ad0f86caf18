"""`movekit render`: the plan as a document in Markdown, HTML or PDF."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from movekit.cli.options import parse_format, parse_today

if TYPE_CHECKING:
    from movekit.render.pipeline import UnrenderablePlan

EPILOG = """\
Examples:

\b
  movekit render plan.yaml                      # build/plan.html next to the plan
  movekit render plan.yaml --pdf                # build/plan.pdf
  movekit render plan.yaml -f md -o PLAN.md     # GitHub Markdown with Mermaid diagrams
  movekit render plan.yaml --template my-look/  # your templates replace built-in ones
  movekit render plan.yaml --today 2027-03-15 --no-gaps
  movekit docs render                           # templates, PDF, what goes in the document

Exit codes: 0 written, 1 the plan has file-level errors (shown), 2 movekit could not run
(such as an -o name that does not end in .md, .html or .pdf: nothing is written).
"""

ALSO_KNOWN = {".markdown": "md", ".htm": "html"}
"""Other extensions people give these formats."""

NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF"}

TODAY_HELP = "The date of the document's data (YYYY-MM-DD): results, statuses and gaps as of then."


def render(
    plan: Annotated[
        Path, typer.Argument(help="The plan file to render.", show_default=False, metavar="PLAN")
    ],
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="md, html or pdf (default: from the -o file's extension, else html).",
            metavar="FORMAT",
            show_default=False,
        ),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Short for --format pdf.")] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=(
                "Write here (default: build/PLAN.html next to the plan). The name must end "
                "in .md, .markdown, .html, .htm or .pdf: that chooses the format."
            ),
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A folder whose templates replace the built-in ones of the same name.",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
    gaps: Annotated[
        bool,
        typer.Option(
            "--gaps/--no-gaps",
            help="Include or leave out the open gaps (check findings). Default: include.",
            show_default=False,
        ),
    ] = True,
    no_gap_details: Annotated[
        bool,
        typer.Option(
            "--no-gap-details",
            help="Leave out the appendix for whoever edits the plan (rule codes, lines).",
        ),
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help=TODAY_HELP, metavar="YYYY-MM-DD")
    ] = None,
) -> None:
    """Render the plan as a document: Markdown, HTML or PDF."""
    from movekit.console import console
    from movekit.opening import label_of
    from movekit.printable import visible
    from movekit.render.pipeline import FORMATS, RenderRequest, UnrenderablePlan
    from movekit.render.pipeline import render as render_plan

    chosen = _format(output_format, pdf, output, FORMATS)
    request = RenderRequest(
        plan, parse_today(today), chosen, output, template, gaps, not no_gap_details
    )
    spinner = console(stderr=True)
    try:
        rendered = render_plan(request, busy=lambda message: spinner.status(message))
    except UnrenderablePlan as error:
        name = label_of(plan)  # the name the findings carry: `<stdin>` for -
        _report(error, name)
        typer.echo(f"error: {visible(name)}: fix the errors above, then render again", err=True)
        raise typer.Exit(1) from None
    for url in rendered.refused:
        message = f"did not fetch {url}: only files in the plan's folder are read"
        typer.echo(f"warning: {visible(message)}", err=True)
    from movekit.writing import is_standard_output

    if not is_standard_output(rendered.path):  # `-o /dev/stdout`: the document alone
        typer.echo(f"wrote {visible(str(rendered.path))}")


def _format(chosen: str | None, pdf: bool, output: Path | None, formats: dict[str, str]) -> str:
    """--format, --pdf, or the output file's extension; html when nothing says.

    An -o file must end in an extension of its format: writing HTML into `plan.docx`
    would give a file that no program opens correctly.
    """
    if pdf and chosen not in (None, "pdf"):
        raise typer.BadParameter(f"--pdf and --format {chosen} disagree", param_hint="--pdf")
    named = "pdf" if pdf else None if chosen is None else parse_format(chosen, tuple(formats))
    if output is None:
        return named or "html"
    by_extension = {**{ext: name for name, ext in formats.items()}, **ALSO_KNOWN}
    suffix = output.suffix.lower()
    from_name = by_extension.get(suffix)
    if from_name is None and (named is None or suffix):
        what = f"movekit cannot write {output.suffix} files" if suffix else "no extension"
        raise typer.BadParameter(
            f"{output.name}: {what}; end the name in .md or .markdown (Markdown), "
            f".html or .htm (HTML) or .pdf (PDF), e.g. -o {output.with_suffix('.html').name}",
            param_hint="-o",
        )
    if named is not None and from_name is not None and named != from_name:
        option = "--pdf" if pdf else f"--format {named}"
        raise typer.BadParameter(
            f"{output.name} ends in {output.suffix}, but {option} writes {NAMES[named]}: change "
            f"one of them, e.g. -o {output.with_suffix(formats[named]).name}",
            param_hint="-o",
        )
    return named or from_name or "html"


def _report(error: UnrenderablePlan, name: str) -> None:
    """The file-level errors, shown as `movekit check` shows them."""
    from movekit.report import REPORTERS, Report

    report = Report([name], error.findings, {name: error.source}, error.omitted)
    REPORTERS["text"](report, sys.stderr)
