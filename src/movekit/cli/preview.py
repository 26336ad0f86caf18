"""`movekit preview`: the plan's HTML document in the browser, redrawn on every save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from movekit.cli.options import parse_today

EPILOG = """\
Examples:

\b
  movekit preview plan.yaml                  # prints http://127.0.0.1:8765/ to open
  movekit preview plan.yaml --open           # and opens it in your browser
  movekit preview plans/                     # a page listing every plan in the folder
  movekit preview plan.yaml --port 9000 --today 2027-03-15
  movekit preview plan.yaml --template my-look/   # also redrawn when a template changes

Save the plan and the page redraws itself; a plan with errors keeps the last good
document under a banner listing them. Ctrl-C stops the preview.

Exit codes: 0 stopped with Ctrl-C, 2 movekit could not run (a missing plan, a --port in
use: leave --port out to use the next free one).
"""

TODAY_HELP = "The date of the document's data (YYYY-MM-DD): results, statuses and gaps as of then."


def preview(
    target: Annotated[
        Path,
        typer.Argument(
            help="The plan file, or a folder of plans (then a page lists them).",
            show_default=False,
            metavar="PLAN",
        ),
    ],
    port: Annotated[
        int | None,
        typer.Option(
            "--port",
            help="The port to serve on (default: 8765, or the next free one).",
            metavar="N",
            show_default=False,
            min=1,
            max=65535,
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help=(
                "The address to serve on. Default 127.0.0.1: only this computer. Any other "
                "lets others on the network read the plan."
            ),
            metavar="ADDRESS",
            show_default=False,
        ),
    ] = "127.0.0.1",
    today: Annotated[
        str | None, typer.Option("--today", help=TODAY_HELP, metavar="YYYY-MM-DD")
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in your default browser.")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A folder whose templates replace the built-in ones (watched too).",
            metavar="DIR",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Show the plan's document in your browser, redrawn on every save."""
    from movekit.preview.server import is_loopback
    from movekit.preview.session import PreviewRequest, run

    if not is_loopback(host):
        typer.echo(
            f"warning: serving on {host}: anyone who can reach this computer on the network "
            "can read the plan",
            err=True,
        )
    request = PreviewRequest(target, parse_today(today), host, port, template, open_browser)
    run(request, _say, lambda line: typer.echo(line, err=True))


def _say(line: str) -> None:
    typer.echo(line)
    import sys

    sys.stdout.flush()
