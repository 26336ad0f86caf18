"""`movekit check`: validate and lint plans.

The command's parameters are built from the option table in check_options.py, the one
place check's options are defined (the fast parser in fast.py reads the same table).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from movekit.cli.check_options import (
    OPTIONS,
    PATHS,
    PATHS_HELP,
    PATHS_METAVAR,
    Kind,
    Option,
    check_request,
)
from movekit.cli.options import OptionError, bad_parameter

EPILOG = """\
Examples:

\b
  movekit check plan.yaml
  movekit check examples/ --today 2027-03-15
  movekit check plan.yaml --select MK3,MK4 --ignore MK307
  movekit check plan.yaml --format json > findings.json
  movekit check plans/ --format sarif -o movekit.sarif
  movekit check plan.yaml --format concise
  movekit check - --stdin-filename plan.yaml < plan.yaml   # for editors

Formats: text (for people), concise (file:line:col: CODE [severity] message), json,
github (annotations; the default when GITHUB_ACTIONS=true), gitlab (code quality) and
sarif (SARIF 2.1.0, for code scanning). With -o the report goes to FILE and only the
summary line is printed.

Set-ups for GitHub Actions, GitLab CI and pre-commit: movekit docs ci. Every rule:
movekit docs rules, or movekit explain CODE for one.

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 movekit could not run.
"""


def check(**values: Any) -> None:
    """Check plans for errors and the gaps the method warns about."""
    from movekit.checker import run_check

    try:
        request = check_request(values)
    except OptionError as error:
        raise bad_parameter(error) from None
    raise typer.Exit(run_check(request, sys.stdout))


def _paths_parameter() -> inspect.Parameter:
    argument = typer.Argument(help=PATHS_HELP, show_default=False, metavar=PATHS_METAVAR)
    return inspect.Parameter(
        PATHS, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[list[Path], argument]
    )


def _parameter(option: Option) -> inspect.Parameter:
    """The typer parameter for one row of the table."""
    info = typer.Option(*option.flags, help=option.help, metavar=option.metavar, show_default=False)
    annotation: object
    default: object = None
    if option.kind is Kind.FLAG:
        annotation, default = Annotated[bool, info], False
    elif option.kind is Kind.REPEATABLE:
        annotation = Annotated[list[str] | None, info]
    else:
        annotation = Annotated[str | None, info]
    return inspect.Parameter(
        option.dest, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


# typer reads a command's parameters from its signature and type hints: give `check` the
# ones the table describes.
_SIGNATURE = inspect.Signature(
    [_paths_parameter(), *map(_parameter, OPTIONS)], return_annotation=None
)
check.__signature__ = _SIGNATURE  # type: ignore[attr-defined]
check.__annotations__ = {
    **{name: parameter.annotation for name, parameter in _SIGNATURE.parameters.items()},
    "return": None,
}
