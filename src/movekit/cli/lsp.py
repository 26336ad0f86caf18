"""`movekit lsp`: the language server, for editors (stdio)."""

from __future__ import annotations

from typing import Annotated

import typer

from movekit.cli.options import TODAY_HELP, parse_today

EPILOG = """\
Examples:

\b
  movekit lsp                          # what an editor runs, to talk to it
  movekit lsp --today 2027-03-15       # check as of a fixed date

The server checks each open plan as you type, exactly as movekit check would (the same
config file and suppression comments), and shows the plan's outline. Run it from your
editor, beside yaml-language-server or alone: you do not run it yourself. Setting it up
in VS Code, Neovim, Helix, Zed, Sublime Text and Emacs: docs/editors.md.

Exit codes: 0 the editor closed the connection, 2 movekit could not run.
"""


def lsp(
    today: Annotated[
        str | None, typer.Option("--today", help=TODAY_HELP, metavar="YYYY-MM-DD")
    ] = None,
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help=(
                "Talk to the editor through this process's input and output "
                "(the default; editors may pass it)."
            ),
        ),
    ] = False,
) -> None:
    """Run the language server for editors: findings as you type, outline."""
    import logging
    import os
    import sys

    from movekit.lsp.server import build

    server = build(today=parse_today(today) if today else None)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    # The protocol gets its own copy of stdout (pygls closes it on exit); a stray print
    # goes to stderr instead of breaking the conversation with the editor.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    server.start_io(sys.stdin.buffer, protocol_out)
