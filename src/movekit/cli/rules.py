"""`movekit rules` and `movekit explain`: the rule catalogue, from the rules' own docs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import RenderableType

RULES_EPILOG = """\
Examples:

\b
  movekit rules
  movekit rules --format json
  movekit docs rules             # every rule's page: what, why, an example, the fix

Exit codes: 0 listed, 2 an unknown --format.
"""

EXPLAIN_EPILOG = """\
Examples:

\b
  movekit explain MK301
  movekit explain stage-no-cta

Exit codes: 0 shown, 2 no such rule (movekit suggests the closest one).
"""

COLUMNS = {"code": "code", "name": "name", "severity": "severity", "summary": "what it checks"}
"""Row key -> column heading of the rule table."""


def rules(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text or json.", metavar="FORMAT")
    ] = "text",
) -> None:
    """List every rule with its code, name and severity."""
    from movekit.rules.docs import rules_json

    if output_format == "json":
        typer.echo(rules_json())
    elif output_format == "text":
        print_rule_table()
    else:
        raise typer.BadParameter("use text or json", param_hint="--format")


def explain(
    rule: Annotated[
        str, typer.Argument(help="A rule code (MK301) or name (stage-no-cta).", metavar="RULE")
    ],
) -> None:
    """Explain a rule: what, why, an example and the fix."""
    from rich.markdown import Markdown

    from movekit.rules.docs import find_rule, rule_page

    # soft_wrap=False: rich would crop long list items of the page, not wrap them.
    _print(Markdown(rule_page(find_rule(rule))), soft_wrap=False)


def _print(renderable: RenderableType, *, soft_wrap: bool | None = None) -> None:
    """Print to a terminal as rich lays it out; in a pipe or a file, without the spaces rich
    pads every line with to the full width (`| cat -A` showed them, editors keep them)."""
    from movekit.console import console

    screen = console()
    if screen.is_terminal:
        screen.print(renderable, soft_wrap=soft_wrap)
        return
    with screen.capture() as captured:
        screen.print(renderable, soft_wrap=soft_wrap)
    screen.file.write("".join(f"{line.rstrip()}\n" for line in captured.get().splitlines()))


def print_rule_table() -> None:
    """The rule catalogue as a table, each severity in its reporters' colour."""
    from rich.table import Table
    from rich.text import Text

    from movekit.findings import Severity
    from movekit.report.lines import STYLES
    from movekit.rules.docs import rule_rows

    table = Table(box=None, header_style="bold", pad_edge=False)
    for heading in COLUMNS.values():
        table.add_column(heading)
    for row in rule_rows():
        # Text, not markup: a summary may hold brackets (MK008's `ignore[...]`).
        cells = {key: Text(row[key]) for key in COLUMNS}
        cells["severity"].stylize(STYLES[Severity(row["severity"])])
        table.add_row(*cells.values())
    _print(table)
