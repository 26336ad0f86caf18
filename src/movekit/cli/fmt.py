"""`movekit fmt`: rewrite plans in the canonical layout, keeping every comment."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

EPILOG = """\
Examples:

\b
  movekit fmt plan.yaml
  movekit fmt plans/                   # every plan in the folder
  movekit fmt --check plan.yaml        # change nothing; exit 1 if it would change
  movekit fmt --diff plan.yaml         # show the changes as a unified diff
  movekit fmt - < plan.yaml > tidy.yaml
  movekit fmt - --stdin-filename plan.yaml < plan.yaml   # for editors
  movekit docs git                     # fmt, diff and plans in git

The layout: 2-space indentation, `- ` items, [a, b] for short lists, quotes only where
needed, one blank line between top-level sections. Comments, the order of keys and
what the plan means never change. A plan is rewritten safely: the old file stays until
the new one is complete. A plan that cannot be read (errors MK0xx) is left as it is.

Exit codes: 0 done, 1 a plan has file-level errors (or would change, with --check),
2 movekit could not run or could not format a plan safely.
"""


def fmt(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Plan files, folders to search for plans, or - to read a plan typed or piped in.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if any plan would change.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Show the changes line by line (a unified diff) instead of writing."
        ),
    ] = False,
    plans_only: Annotated[
        bool,
        typer.Option(
            "--plans-only",
            help="Skip named files that are not plans (for pre-commit, which passes every "
            "YAML file).",
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help="For editors that pipe a plan in as -: its real file name, for messages "
            "(the plan goes back to the editor; nothing is written to the file).",
            metavar="NAME",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Rewrite plans in one canonical layout, keeping every comment."""
    from movekit.fmt.runner import FmtRequest, run_fmt

    request = FmtRequest(
        paths=paths, check=check, diff=diff, plans_only=plans_only, stdin_filename=stdin_filename
    )
    raise typer.Exit(run_fmt(request, sys.stdout, sys.stderr))
