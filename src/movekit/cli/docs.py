"""`movekit docs`: read the user docs in the terminal; they ship inside the package."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

EPILOG = """\
Examples:

\b
  movekit docs                  # list the topics
  movekit docs plan-format      # every section and key of a plan
  movekit docs yaml
  movekit docs rules > rules.md # a page as plain Markdown, to keep or print

At a terminal the page is shown formatted, one screen at a time (press q to leave); in a
pipe or a file it is plain Markdown text.

Exit codes: 0 shown, 2 no such topic (movekit suggests the closest one).
"""


def docs(
    topic: Annotated[
        str | None,
        typer.Argument(help="The topic to read (leave out to list them).", metavar="TOPIC"),
    ] = None,
) -> None:
    """Read the guide: the plan format, rules, YAML, git, CI and more."""
    from movekit.helpdocs import TOPICS, find_topic, page

    if topic is None:
        width = max(len(each.name) for each in TOPICS)
        typer.echo("Topics (read one with: movekit docs TOPIC):\n")
        for each in TOPICS:
            typer.echo(f"  {each.name:<{width}}  {each.summary}")
        typer.echo("\nOne rule in full: movekit explain MK301")
        return
    text = page(find_topic(topic))
    if sys.stdout.isatty():
        _show(text)
    else:
        typer.echo(text, nl=False)


def _show(text: str) -> None:
    """The page as formatted Markdown, through a pager as git shows long output."""
    import os

    from rich.markdown import Markdown

    from movekit.console import console
    from movekit.printable import unguarded_stdout

    # As git does: quit at once if the page fits the screen, and pass colours through.
    os.environ.setdefault("LESS", "FRX")
    screen = console()
    # the pager writes rich's output (its text neutralised, its colours kept) itself
    with unguarded_stdout(), screen.pager(styles=True):
        # soft_wrap=False: rich would crop long list items of the page, not wrap them.
        screen.print(Markdown(text), soft_wrap=False)
