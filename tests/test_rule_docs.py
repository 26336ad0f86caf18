"""Rule docs are data (rows, Markdown); the CLI prints them, and SARIF shows the same fix."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from movekit.report.sarif import sarif_log
from movekit.rules import BY_CODE, RULES
from movekit.rules.base import Rule
from movekit.rules.docs import fix_markdown, rule_page, rule_rows
from tests.conftest import run_cli

MK301 = BY_CODE["MK301"]


def test_importing_the_rule_docs_imports_no_printing() -> None:
    script = (
        "import sys\n"
        "import movekit.rules.docs\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'rich')\n"
        "loaded += sorted(m for m in sys.modules if m.startswith(('movekit.report', "
        "'movekit.console', 'movekit.cli')))\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.stdout == "LOADED []\n", result.stdout + result.stderr


@pytest.mark.parametrize(
    ("fix", "prose", "snippet"),
    [
        ("Add an ask.", "Add an ask.", ""),
        ("Add an ask.\n\n  ctas:\n    - ask: Sign\n", "Add an ask.", "  ctas:\n    - ask: Sign"),
        ("  Add one.  \n\nid: x\n\nname: y\n\n", "Add one.", "id: x\n\nname: y"),
        ("Add an ask.\n\n \n", "Add an ask.", ""),
    ],
)
def test_a_fix_splits_into_prose_and_snippet(fix: str, prose: str, snippet: str) -> None:
    assert replace(MK301, fix=fix).fix_parts == (prose, snippet)


def test_a_fix_without_a_snippet_is_prose_alone_in_markdown() -> None:
    assert fix_markdown(replace(MK301, fix="Add an ask.\n")) == "Add an ask."
    with_snippet = replace(MK301, fix="Add an ask.\n\nctas: []\n")
    assert fix_markdown(with_snippet) == "Add an ask.\n\n```yaml\nctas: []\n```"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_sarif_and_explain_show_the_same_fix(rule: Rule) -> None:
    sarif_rules = sarif_log_rules()
    markdown = sarif_rules[rule.code]["help"]["markdown"]
    page_fix = rule_page(rule).split("### How to fix it\n\n", 1)[1]
    assert markdown.endswith("**How to fix it**\n\n" + fix_markdown(rule))
    assert page_fix == fix_markdown(rule) + "\n"


def sarif_log_rules() -> dict[str, dict[str, dict[str, str]]]:
    from movekit.report.base import Report

    log = sarif_log(Report(files=[], findings=[], sources={}), Path.cwd())
    return {entry["id"]: entry for entry in log["runs"][0]["tool"]["driver"]["rules"]}


def test_the_rule_rows_are_the_catalogue_in_json() -> None:
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert listed == rule_rows()
    assert [row["code"] for row in listed] == [rule.code for rule in RULES]
    assert {row["severity"] for row in listed} <= {"error", "warning", "info"}


def test_the_rule_table_in_a_pipe_is_plain_text_with_every_summary() -> None:
    result = run_cli("rules", env={"NO_COLOR": None})
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert result.stdout.split()[:4] == ["code", "name", "severity", "what"]
    for rule in RULES:
        line = next(line for line in result.stdout.splitlines() if line.startswith(rule.code))
        assert line.split()[1:3] == [rule.name, rule.severity.value]
    assert "`# movekit: ignore[...]`" in result.stdout  # brackets shown, not read as markup


def test_the_rule_table_colours_each_severity_when_colour_is_wanted() -> None:
    result = run_cli("rules", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "\x1b[1;31merror\x1b[0m" in result.stdout
    assert "\x1b[1;33mwarning\x1b[0m" in result.stdout
    assert "\x1b[1;36minfo\x1b[0m" in result.stdout


def test_explain_prints_the_rule_page_with_its_fix_as_yaml() -> None:
    result = run_cli("explain", "MK301", env={"NO_COLOR": None})
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    _, snippet = MK301.fix_parts
    assert snippet.splitlines()[0].strip() in result.stdout
    assert "How to fix it" in result.stdout
