"""The typer application: every command, with its help and options."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from movekit.cli import check as check_command
from movekit.cli import diff as diff_command
from movekit.cli import fmt as fmt_command
from movekit.cli import init as init_command
from movekit.cli import record as record_command
from movekit.cli import render as render_command
from movekit.cli import rules as rules_command
from movekit.cli import schema as schema_command
from movekit.cli import status as status_command
from movekit.version import __version__

app = typer.Typer(
    name="movekit",
    help=(
        "Plan campaigns that turn moments into movements.\n\n"
        "A plan is one YAML file in git. movekit checks it against the moments-to-movements "
        "method: outcomes and how you measure them, a journey per audience with a call to "
        "action at every stage, bridges from online to on-the-ground action, community "
        "ownership and regular reviews."
    ),
    epilog=(
        "Examples:\n\n"
        "\b\n"
        "  movekit init my-campaign\n"
        "  movekit check plan.yaml\n"
        "  movekit check examples/ --format json\n"
        "  movekit explain MK301\n\n"
        "Docs: README.md and docs/ in the movekit repository."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"movekit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Plan campaigns that turn moments into movements."""
    if debug:
        os.environ["MOVEKIT_DEBUG"] = "1"


app.command("init", epilog=init_command.EPILOG)(init_command.init)
app.command("check", epilog=check_command.EPILOG)(check_command.check)
app.command("rules", epilog=rules_command.RULES_EPILOG)(rules_command.rules)
app.command("explain", epilog=rules_command.EXPLAIN_EPILOG)(rules_command.explain)
app.command("schema", epilog=schema_command.EPILOG)(schema_command.schema)
app.command("record", epilog=record_command.EPILOG)(record_command.record)
app.command("render", epilog=render_command.EPILOG)(render_command.render)
app.command("status", epilog=status_command.EPILOG)(status_command.status)
app.command("fmt", epilog=fmt_command.EPILOG)(fmt_command.fmt)
app.command("diff", epilog=diff_command.EPILOG)(diff_command.diff)
