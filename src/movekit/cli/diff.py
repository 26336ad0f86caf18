"""`movekit diff`: what changed between two versions of a plan, in campaign terms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import TODAY_HELP, parse_format, parse_today

EPILOG = """\
Examples:

\b
  movekit diff old.yaml plan.yaml
  movekit diff plan.yaml                  # against the last commit (HEAD)
  movekit diff plan.yaml --rev main       # against another branch or commit
  movekit diff plan.yaml --rev HEAD~3 --format md > comment.md
  movekit diff --textconv plan.yaml       # the outline git's textconv shows

Shows outcomes, measures, audiences, channels, targets, journeys, stages, calls to
action, bridges, community, phases, assumptions, risks, reviews and results added,
removed or changed ("risk 'walker-safety': status open -> mitigated"), and the findings
that appeared or disappeared. To make `git diff` show this: movekit docs git.

Exit codes: 0 compared, 1 either version has file-level errors (the report is still
written and lists them), 2 movekit could not run (a missing file, not a git repository,
an unknown revision).
"""

FORMATS = ("text", "json", "md")


def diff(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="OLD NEW: two plan files; or one PLAN to compare with its last commit.",
            show_default=False,
            metavar="PLAN",
        ),
    ],
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Compare PLAN with its version at this branch, tag or commit "
            "(default: HEAD, the last commit).",
            metavar="REV",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.", metavar="FORMAT"
        ),
    ] = "text",
    today: Annotated[
        str | None, typer.Option("--today", help=TODAY_HELP, metavar="YYYY-MM-DD")
    ] = None,
    textconv: Annotated[
        bool,
        typer.Option(
            "--textconv",
            help="Print one plan's outline (for git's textconv setting; see movekit docs git).",
        ),
    ] = False,
    git_external_diff: Annotated[
        bool,
        typer.Option(
            "--git-external-diff",
            help="Take the 7 arguments git passes to an external diff tool (see movekit docs git).",
        ),
    ] = False,
) -> None:
    """Show what changed between two versions of a plan, in plain words."""
    from movekit.diff import sources as differ

    parse_format(output_format, FORMATS)
    day = parse_today(today)
    if textconv:
        if len(paths) != 1:
            raise typer.BadParameter("--textconv takes one file", param_hint="PLAN")
        raise typer.Exit(differ.run_textconv(Path(paths[0]), sys.stdout))
    if git_external_diff:
        raise typer.Exit(differ.run_external(paths, day, sys.stdout))
    request = differ.DiffRequest(
        [Path(path) for path in paths], day, revision=rev, output_format=output_format
    )
    raise typer.Exit(differ.run_diff(request, sys.stdout))
