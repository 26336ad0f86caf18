"""`movekit rules` and `movekit explain`: the rule catalogue, from the rules' own docs."""

from __future__ import annotations

from typing import Annotated

import typer

RULES_EPILOG = """\
Examples:

\b
  movekit rules
  movekit rules --format json
"""

EXPLAIN_EPILOG = """\
Examples:

\b
  movekit explain MK301
  movekit explain stage-no-cta
"""


def rules(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text or json.", metavar="FORMAT")
    ] = "text",
) -> None:
    """List every rule with its code, name and severity."""
    from movekit.rules.docs import rules_json, rules_table

    if output_format == "json":
        typer.echo(rules_json())
    elif output_format == "text":
        rules_table()
    else:
        raise typer.BadParameter("use text or json", param_hint="--format")


def explain(
    rule: Annotated[
        str, typer.Argument(help="A rule code (MK301) or name (stage-no-cta).", metavar="RULE")
    ],
) -> None:
    """Explain a rule: what, why, an example and the fix."""
    from movekit.rules.docs import explain_rule

    explain_rule(rule)
