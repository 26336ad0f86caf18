"""`movekit init`: start a campaign folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

EPILOG = """\
Examples:

\b
  movekit init clean-air                  # a new folder, a starter plan, git
  movekit init --name "Clean Air Streets" --goal "Council adopts School Streets"
  movekit init --starter clean-air-streets demo   # a worked example
  movekit init --no-input --no-git .      # no questions, no git (for scripts)
  movekit init --editor helix clean-air   # also .helix/languages.toml for `movekit lsp`
  movekit docs plan-format                # what a plan holds, section by section

Starters: skeleton (default, an outline to fill in), clean-air-streets and
warm-homes-now (worked examples).

Editors (--editor): helix (.helix/languages.toml), vscode (.vscode/settings.json, for
the Generic LSP Client extension), neovim (.nvim.lua), zed (.zed/settings.json). An
existing settings file is never replaced.

Exit codes: 0 created, 2 nothing written (a file exists and --force was not given,
an unknown starter or editor, a folder that cannot be written).
"""


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The campaign folder, created if missing (default: the current folder).",
            metavar="DIR",
            show_default=False,
        ),
    ] = Path(),
    name: Annotated[
        str | None,
        typer.Option("--name", help="The campaign's name.", metavar="TEXT", show_default=False),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--goal", help="The final real-world goal.", metavar="TEXT", show_default=False
        ),
    ] = None,
    starter: Annotated[
        str,
        typer.Option(
            "--starter",
            help="What to start from (see below; default: skeleton).",
            metavar="NAME",
            show_default=False,
        ),
    ] = "skeleton",
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-input",
            help="Ask the method's questions, or not (default: ask when typing at a terminal).",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        bool,
        typer.Option(
            "--git/--no-git",
            help="Start a git repository there, unless already in one (default: --git).",
            show_default=False,
        ),
    ] = True,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files that already exist.")
    ] = False,
    editor: Annotated[
        str | None,
        typer.Option(
            "--editor",
            help="Also write this editor's settings for `movekit lsp` (see below).",
            metavar="EDITOR",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Start a campaign folder with a plan to fill in."""
    from rich.text import Text

    from movekit.console import console
    from movekit.printable import visible
    from movekit.scaffold.folder import PLAN_FILE, InitRequest, create

    screen = console()
    if editor is not None:
        from movekit.errors import UsageError
        from movekit.scaffold.editors import EDITORS

        if editor not in EDITORS:
            choices = ", ".join(EDITORS)
            raise UsageError(f"--editor: no editor '{editor}'; choose one of {choices}")
    asking = sys.stdin.isatty() if interactive is None else interactive
    answers = None
    if asking and starter == "skeleton":
        from movekit.scaffold.wizard import run_wizard

        answers = run_wizard(screen, name, goal)
    request = InitRequest(folder, starter, name, goal, answers, git, force)
    result = create(request)
    # Text, not markup: a folder named `[bold]` is a name, not a style
    for path in result.written:
        screen.print(Text.assemble(("created", "green"), f" {visible(str(path))}"))
    if editor is not None:
        from movekit.scaffold.editors import write_editor_settings

        path, written = write_editor_settings(folder, editor)
        shown = visible(str(path))
        if written:
            screen.print(Text.assemble(("created", "green"), f" {shown}"))
        else:
            screen.print(Text(f"kept {shown}: it exists already, so it was not changed"))
    screen.print(Text(visible(result.git)))
    plan = visible(str(folder / PLAN_FILE))
    screen.print(
        Text.assemble(
            f"\nNext: open {plan} in your editor, then run ", (f"movekit check {plan}", "bold")
        )
    )
