"""The typer application: every command, with its help and options."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand

from movekit.cli import check as check_command
from movekit.cli import diff as diff_command
from movekit.cli import docs as docs_command
from movekit.cli import export as export_command
from movekit.cli import fmt as fmt_command
from movekit.cli import init as init_command
from movekit.cli import lsp as lsp_command
from movekit.cli import preview as preview_command
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
        "  movekit explain MK301\n"
        "  movekit docs plan-format\n\n"
        "Help on one command: movekit COMMAND --help. The guide (plan format, rules, YAML, "
        "documents, the review loop, git, CI) is built in: run movekit docs.\n\n"
        "Exit codes: 0 done, 1 the plan has problems (each command's help says which), "
        "2 movekit could not run (a bad option, a missing file), 130 stopped with Ctrl-C."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class PlainHelpCommand(TyperCommand):
    """A command whose help names its arguments in words (PLAN, PATH...), never by type."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """The Arguments and Options sections, without typer's `<list[Path]>` labels."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """`[OPTIONS] PLAN [MEASURE]`: optional arguments in brackets, lists with `...`."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def _argument_name(argument: TyperArgument) -> str:
    name = argument.metavar or (argument.name or "").upper()
    return f"{name}..." if argument.nargs != 1 else name


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
        bool,
        typer.Option("--debug", help="Show the details of an internal error, for a bug report."),
    ] = False,
) -> None:
    """Plan campaigns that turn moments into movements."""
    if debug:
        os.environ["MOVEKIT_DEBUG"] = "1"


def _add(name: str, command: Callable[..., None], epilog: str) -> None:
    """Register a command; its docstring's first line is its whole line in `movekit --help`."""
    short = (command.__doc__ or "").strip().splitlines()[0]
    app.command(name, epilog=epilog, short_help=short, cls=PlainHelpCommand)(command)


_add("init", init_command.init, init_command.EPILOG)
_add("check", check_command.check, check_command.EPILOG)
_add("rules", rules_command.rules, rules_command.RULES_EPILOG)
_add("explain", rules_command.explain, rules_command.EXPLAIN_EPILOG)
_add("docs", docs_command.docs, docs_command.EPILOG)
_add("schema", schema_command.schema, schema_command.EPILOG)
_add("record", record_command.record, record_command.EPILOG)
_add("render", render_command.render, render_command.EPILOG)
_add("status", status_command.status, status_command.EPILOG)
_add("export", export_command.export, export_command.EPILOG)
_add("fmt", fmt_command.fmt, fmt_command.EPILOG)
_add("diff", diff_command.diff, diff_command.EPILOG)
_add("lsp", lsp_command.lsp, lsp_command.EPILOG)
_add("preview", preview_command.preview, preview_command.EPILOG)
