"""`movekit schema`: the JSON Schema of the plan format, for editors and CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

EPILOG = """\
Examples:

\b
  movekit schema > plan.schema.json
  movekit schema -o .movekit/plan.schema.json
  movekit schema --check .movekit/plan.schema.json   # exit 1 if out of date

Editors such as VS Code (with its YAML extension) use the schema to complete keys and
underline mistakes as you type. FILE is written safely: an old FILE stays until the new
one is complete.

Exit codes: 0 printed, written or current, 1 FILE is missing or out of date (with
--check), 2 movekit could not run (FILE cannot be written).
"""


def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to FILE.", metavar="FILE"),
    ] = None,
    check: Annotated[
        Path | None,
        typer.Option(
            "--check", help="Exit 1 unless FILE holds the current schema.", metavar="FILE"
        ),
    ] = None,
) -> None:
    """Print the JSON Schema that lets editors check a plan as you type."""
    from movekit.schema import schema_text
    from movekit.writing import is_standard_output, write_output

    text = schema_text()
    if check is not None:
        typer.echo(_check(check, text))
        raise typer.Exit(0 if _current(check, text) else 1)
    if output is not None:
        write_output(output, text)
        if not is_standard_output(output):
            typer.echo(f"wrote {output}")
        return
    typer.echo(text, nl=False)


def _current(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _check(path: Path, text: str) -> str:
    if _current(path, text):
        return f"{path}: the schema is current"
    if not path.exists():
        return f"{path}: missing; write it with: movekit schema -o {path}"
    return f"{path}: out of date; update it with: movekit schema -o {path}"
