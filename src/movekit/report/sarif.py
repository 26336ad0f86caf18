"""SARIF 2.1.0, the static-analysis format that GitHub code scanning and other tools read.

One run: movekit as the tool with every rule of the registry (so `ruleIndex` is stable),
and one result per finding at its 1-based line and column. Paths are relative to the
folder movekit runs in (`%SRCROOT%`), with forward slashes, percent-encoded as URIs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from movekit.findings import Finding, Severity
from movekit.report.base import Report, message_with_help, write_json
from movekit.report.locations import relative_posix
from movekit.rules import RULES
from movekit.rules.base import Rule
from movekit.rules.docs import GROUPS, fix_markdown
from movekit.version import __version__

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT = "%SRCROOT%"

Json = dict[str, Any]


def write(report: Report, out: TextIO) -> None:
    write_json(sarif_log(report, Path.cwd()), out)


def sarif_log(report: Report, base: Path) -> Json:
    """The whole SARIF log for `report`, with relative paths taken from `base`."""
    index = {rule.code: number for number, rule in enumerate(RULES)}
    root = base.as_uri().rstrip("/") + "/"
    run: Json = {
        "tool": {"driver": _driver()},
        "originalUriBaseIds": {ROOT: {"uri": root}},
        # libyaml counts columns in characters, not in UTF-16 code units (SARIF's default)
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index, base) for finding in report.findings],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _driver() -> Json:
    return {
        "name": "movekit",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule) for rule in RULES],
    }


def _rule(rule: Rule) -> Json:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [GROUPS[rule.group]]},
    }


def _help_text(rule: Rule) -> str:
    return f"Why it matters: {rule.why}\n\nHow to fix it: {rule.fix.rstrip()}"


def _help_markdown(rule: Rule) -> str:
    """Why and fix, the fix's snippet as a YAML block, as `movekit explain` shows them."""
    return "\n\n".join(["**Why it matters**", rule.why, "**How to fix it**", fix_markdown(rule)])


def _result(finding: Finding, index: dict[str, int], base: Path) -> Json:
    region: Json = {"startLine": max(finding.line, 1), "startColumn": max(finding.column, 1)}
    if finding.end_column is not None and finding.end_column > region["startColumn"]:
        region["endColumn"] = finding.end_column  # SARIF's end is exclusive, as ours is
    location: Json = {
        "physicalLocation": {"artifactLocation": _artifact(finding.file, base), "region": region}
    }
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path}]
    rule_index = {"ruleIndex": index[finding.code]} if finding.code in index else {}
    return {
        "ruleId": finding.code,
        **rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": message_with_help(finding)},
        "locations": [location],
    }


def _artifact(file: str, base: Path) -> Json:
    """A relative path as a URI under %SRCROOT%; a path outside `base` as a file: URI."""
    path = relative_posix(file, base)
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": ROOT}
