"""`movekit check --format sarif|github|concise`, `-o FILE` and `--plans-only`, through the CLI."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
import yaml

from movekit.report.github import escape_data, escape_property
from tests.conftest import REPO, VALID_PLAN, run_cli
from tests.golden import assert_golden

SMALL_GAPS = "tests/data/small-gaps.yaml"
TODAY = ("--today", "2027-03-01")
SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
HOSTILE_KEY = "evil\\r\\n::error file=x::pwned %0A, a:b"
"""A key (in YAML double-quote escapes) that tries to end an annotation and start another."""
HOSTILE_PLAN = VALID_PLAN.replace("  goal:", f'  "{HOSTILE_KEY}": 1\n  goal:')
GITHUB_LINE = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)")
ALL_FORMATS = ("text", "json", "concise", "github", "gitlab", "sarif")


@functools.cache
def findings_of(*args: str, cwd: Path = REPO) -> list[dict[str, Any]]:
    """The findings of `movekit check ARGS --format json`: what every format must report."""
    findings: list[dict[str, Any]] = json.loads(
        run_cli("check", *args, "--format", "json", cwd=cwd).stdout
    )["findings"]
    assert findings, "each test here needs findings to compare"
    return findings


@functools.cache
def sarif_validators() -> list[Any]:
    """The schema's own dialect (draft 4), and draft 7 so that its `uri-reference` formats
    (unknown to draft 4) are checked too."""
    assert jsonschema.validators.validator_for(SARIF_SCHEMA) is jsonschema.Draft4Validator
    validators = []
    for validator in (jsonschema.Draft4Validator, jsonschema.Draft7Validator):
        validator.check_schema(SARIF_SCHEMA)
        checker = validator.FORMAT_CHECKER
        assert "uri" in checker.checkers, "pip install rfc3986-validator (in the test extra)"
        validators.append(validator(SARIF_SCHEMA, format_checker=checker))
    return validators


def validate_sarif(document: dict[str, Any]) -> None:
    for validator in sarif_validators():
        validator.validate(document)


def sarif_of(*args: str, cwd: Path = REPO) -> dict[str, Any]:
    result = run_cli("check", *args, "--format", "sarif", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    validate_sarif(document)
    return document


# the table of formats


def test_every_format_names_a_module_with_a_writer() -> None:
    import importlib

    from movekit.report import FORMATS, REPORTERS

    assert list(REPORTERS) == list(FORMATS) == list(ALL_FORMATS)
    for module in FORMATS.values():
        assert callable(importlib.import_module(module).write), module


@pytest.mark.parametrize("output_format", ALL_FORMATS)
def test_check_imports_only_its_own_reporter_and_no_rich_without_colour(
    output_format: str,
) -> None:
    script = (
        "import sys\n"
        "from movekit.cli import main\n"
        f"sys.argv = ['movekit', 'check', {SMALL_GAPS!r}, *{TODAY!r}, '-f', {output_format!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert done.code == 1, done.code\n"
        "from movekit.report import FORMATS\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'rich')\n"
        "loaded += sorted(f for f, m in FORMATS.items() if m in sys.modules)\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, "NO_COLOR": "1"},
    )
    # concise and github end with the text format's summary line, so they load it too
    uses_text = ["text"] if output_format in ("concise", "github") else []
    expected = sorted({output_format, *uses_text})
    assert f"LOADED {expected}" in result.stderr, result.stderr


def test_a_message_with_help_puts_the_hint_on_its_own_line() -> None:
    from movekit.findings import Finding, Severity
    from movekit.report.base import message_with_help

    finding = Finding("MK301", "stage-no-cta", Severity.ERROR, "No ask", "plan.yaml", 3, 5)
    assert message_with_help(finding) == "No ask"
    hinted = replace(finding, hint="Add one")
    assert message_with_help(hinted) == "No ask\nhelp: Add one"


# SARIF


def test_sarif_is_valid_and_has_one_result_per_finding() -> None:
    document = sarif_of(SMALL_GAPS, *TODAY)
    [run] = document["runs"]
    assert document["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO.as_uri() + "/"
    levels = {"error": "error", "warning": "warning", "info": "note"}
    expected = findings_of(SMALL_GAPS, *TODAY)
    assert len(run["results"]) == len(expected)
    for result, finding in zip(run["results"], expected, strict=True):
        assert result["ruleId"] == finding["code"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == f"{finding['message']}\nhelp: {finding['hint']}"
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": SMALL_GAPS, "uriBaseId": "%SRCROOT%"}
        region = physical["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        # a finding at a value or key also says where it ends (just after it, as SARIF counts)
        assert set(region) <= {"startLine", "startColumn", "endColumn"}
        assert region.get("endColumn", finding["column"] + 1) > finding["column"]
        assert location["logicalLocations"] == [{"fullyQualifiedName": finding["path"]}]


def test_sarif_lists_every_rule_with_its_docs() -> None:
    from movekit.rules import RULES

    document = sarif_of(SMALL_GAPS, *TODAY)
    driver = document["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("movekit", "0.1.0")
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for entry, rule in zip(driver["rules"], RULES, strict=True):
        assert entry["name"] == rule.name
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["fullDescription"]["text"] == rule.what
        assert rule.why in entry["help"]["text"] and rule.why in entry["help"]["markdown"]
        assert rule.fix.split("\n\n")[0].strip() in entry["help"]["markdown"]
        assert entry["defaultConfiguration"]["level"] == levels[rule.severity.value]
    for result in document["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_for_a_clean_plan_and_for_file_level_errors(
    write_plan: Callable[..., Path],
) -> None:
    clean = sarif_of(str(write_plan(VALID_PLAN)), "--ignore", "MK")
    assert clean["runs"][0]["results"] == []
    broken = sarif_of(str(write_plan("movekit: 1\ncampaign: [\n", "broken.yaml")))
    [result] = broken["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("MK001", "error")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2  # the ['s line


def test_sarif_paths_are_relative_forward_slashed_uris(tmp_path: Path) -> None:
    folder = tmp_path / "my plans"
    folder.mkdir()
    (folder / "a plan, 50%#1.yaml").write_text(VALID_PLAN)
    relative = sarif_of("my plans", "--select", "MK202", cwd=tmp_path)
    location = relative["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    uri = location["artifactLocation"]["uri"]
    assert uri == "my%20plans/a%20plan%2C%2050%25%231.yaml"
    assert unquote(uri) == "my plans/a plan, 50%#1.yaml"
    # an absolute path under the folder movekit runs in is made relative too
    absolute = sarif_of(str(folder), "--select", "MK202", cwd=tmp_path)
    assert (
        absolute["runs"][0]["results"][0]["locations"]
        == relative["runs"][0]["results"][0]["locations"]
    )
    # outside it, the path stays absolute, as a file: URI
    outside = sarif_of(str(folder), "--select", "MK202", cwd=REPO)
    artifact = outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert artifact["artifactLocation"] == {"uri": (folder / "a plan, 50%#1.yaml").as_uri()}


# GitHub annotations


def unescape(text: str) -> str:
    for code, character in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n")):
        text = text.replace(code, character)
    return text.replace("%25", "%")


def parse_annotations(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    """Each `::command props::message` line as GitHub reads it; the last line is the summary."""
    *commands, summary = stdout.splitlines()
    assert summary.startswith(("Found ", "All checks passed!"))
    parsed = []
    for line in commands:
        match = GITHUB_LINE.fullmatch(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match.group(2).split(","))
        parsed.append(
            (
                match.group(1),
                {name: unescape(value) for name, value in properties.items()},
                unescape(match.group(3)),
            )
        )
    return parsed


def test_github_annotations_match_the_golden_file() -> None:
    result = run_cli("check", SMALL_GAPS, *TODAY, "--format", "github", cwd=REPO)
    assert result.returncode == 1
    assert_golden("check-small-gaps-github.txt", result.stdout)


def test_github_annotations_carry_every_finding() -> None:
    stdout = run_cli("check", SMALL_GAPS, *TODAY, "--format", "github", cwd=REPO).stdout
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    expected = findings_of(SMALL_GAPS, *TODAY)
    for (command, properties, message), finding in zip(
        parse_annotations(stdout), expected, strict=True
    ):
        assert command == commands[finding["severity"]]
        assert properties == {
            "file": SMALL_GAPS,
            "line": str(finding["line"]),
            "col": str(finding["column"]),
            "title": f"{finding['code']} {finding['rule']}",
        }
        assert message == f"{finding['message']}\nhelp: {finding['hint']}"


def test_github_escaping_keeps_hostile_text_inside_one_annotation(tmp_path: Path) -> None:
    name = "a,b:c 50%\nline=9.yaml"
    (tmp_path / name).write_text(HOSTILE_PLAN)
    args = (name, "--select", "MK0")
    result = run_cli("check", *args, "--format", "github", cwd=tmp_path)
    expected = findings_of(*args, cwd=tmp_path)
    assert any("\r\n::error file=x::pwned %0A, a:b" in f["message"] for f in expected)
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected) + 1  # no line break got through
    for (_, properties, message), finding in zip(
        parse_annotations(result.stdout), expected, strict=True
    ):
        assert properties["file"] == name
        assert message == f"{finding['message']}\nhelp: {finding['hint']}"


def test_github_annotations_written_to_a_file_carry_no_bidi_controls(tmp_path: Path) -> None:
    # `-o` writes past the terminal guard: the annotation itself must be harmless
    bidi = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    key = "".join(f"\\u{ord(character):04X}" for character in bidi)
    (tmp_path / "plan.yaml").write_text(VALID_PLAN.replace("  goal:", f'  "x{key}y": 1\n  goal:'))
    args = ("plan.yaml", "--select", "MK003")
    result = run_cli("check", *args, "--format", "github", "-o", "out.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert not re.search(f"[{bidi}]", written)
    assert "x" + "\ufffd" * len(bidi) + "y" in written
    [finding] = findings_of(*args, cwd=tmp_path)
    assert bidi in finding["message"]  # the data itself (JSON) keeps them


@pytest.mark.parametrize(
    ("text", "data", "property_value"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),
        ("bell\x07", "bell\ufffd", "bell\ufffd"),
        ("abc\u202edef\u2066", "abc\ufffddef\ufffd", "abc\ufffddef\ufffd"),
    ],
)
def test_github_escaping_rules(text: str, data: str, property_value: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == property_value


@pytest.mark.parametrize(
    ("environment", "arguments", "expected"),
    [
        ({"GITHUB_ACTIONS": "true"}, (), "github"),
        ({"GITHUB_ACTIONS": "true"}, ("--format", "text"), "text"),
        ({"GITHUB_ACTIONS": "false"}, (), "text"),
        ({}, (), "text"),
    ],
)
def test_github_is_the_default_inside_github_actions(
    environment: dict[str, str | None], arguments: tuple[str, ...], expected: str
) -> None:
    result = run_cli("check", SMALL_GAPS, *TODAY, *arguments, env=environment, cwd=REPO)
    assert result.returncode == 1
    is_github = result.stdout.startswith("::")
    assert is_github == (expected == "github")


# concise


def test_concise_matches_the_golden_file() -> None:
    result = run_cli("check", SMALL_GAPS, *TODAY, "--format", "concise", cwd=REPO)
    assert result.returncode == 1
    assert_golden("check-small-gaps-concise.txt", result.stdout)


def test_concise_is_one_line_per_finding_then_the_summary(tmp_path: Path) -> None:
    name = "odd\nname.yaml"
    (tmp_path / name).write_text(HOSTILE_PLAN)
    result = run_cli("check", name, "--select", "MK0", "--format", "concise", cwd=tmp_path)
    expected = findings_of(name, "--select", "MK0", cwd=tmp_path)
    *lines, summary = result.stdout.splitlines()
    assert summary == "Found 1 error in 1 file."  # the unknown key
    for line, finding in zip(lines, expected, strict=True):
        # line breaks and other control characters in names and messages become U+FFFD
        place = f"odd\ufffdname.yaml:{finding['line']}:{finding['column']}"
        assert line.startswith(f"{place}: {finding['code']} [{finding['severity']}] ")


def test_concise_for_a_clean_plan_is_the_summary_alone(write_plan: Callable[..., Path]) -> None:
    result = run_cli("check", str(write_plan(VALID_PLAN)), "--ignore", "MK", "--format", "concise")
    assert (result.returncode, result.stdout) == (0, "All checks passed! (1 file checked)\n")


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run_cli("check", SMALL_GAPS, "--format", "xml", cwd=REPO)
    assert result.returncode == 2
    assert (
        "'xml' is not a format; use one of text, json, concise, github, gitlab, sarif"
        in result.stderr
    )


# GitLab code quality


def gitlab_of(*args: str, cwd: Path = REPO) -> list[dict[str, Any]]:
    result = run_cli("check", *args, "--format", "gitlab", cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    issues: list[dict[str, Any]] = json.loads(result.stdout)
    return issues


def test_gitlab_code_quality_has_gitlabs_required_fields() -> None:
    issues = gitlab_of(SMALL_GAPS, *TODAY)
    expected = findings_of(SMALL_GAPS, *TODAY)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, finding in zip(issues, expected, strict=True):
        assert issue["type"] == "issue"
        assert issue["check_name"] == f"{finding['code']} {finding['rule']}"
        assert issue["description"] == f"{finding['message']}\nhelp: {finding['hint']}"
        assert issue["severity"] == severities[finding["severity"]]
        assert issue["location"] == {"path": SMALL_GAPS, "lines": {"begin": finding["line"]}}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_gitlab_fingerprints_survive_lines_moving(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(VALID_PLAN)
    before = gitlab_of("plan.yaml", cwd=tmp_path)
    plan.write_text("# a comment\n# and another\n" + VALID_PLAN)
    after = gitlab_of("plan.yaml", cwd=tmp_path)
    assert [issue["fingerprint"] for issue in after] == [issue["fingerprint"] for issue in before]
    lines = [issue["location"]["lines"]["begin"] for issue in before]
    assert [issue["location"]["lines"]["begin"] for issue in after] == [n + 2 for n in lines]


def test_gitlab_fingerprints_differ_for_identical_findings() -> None:
    from movekit.findings import Finding, Severity
    from movekit.report import Report
    from movekit.report.gitlab import issues

    finding = Finding("MK301", "stage-no-cta", Severity.ERROR, "No ask", "plan.yaml", 3, 5)
    report = Report(files=["plan.yaml"], findings=[finding, finding], sources={})
    first, second = issues(report, REPO)
    assert first["fingerprint"] != second["fingerprint"]


# -o FILE


@pytest.mark.parametrize("output_format", ["sarif", "github", "text"])
def test_output_file_gets_the_report_and_the_terminal_the_summary(
    tmp_path: Path, output_format: str
) -> None:
    args = ("check", SMALL_GAPS, *TODAY, "--format", output_format)
    to_stdout = run_cli(*args, cwd=REPO)
    report = tmp_path / "reports" / "nested" / f"movekit.{output_format}"
    to_file = run_cli(*args, "-o", str(report), cwd=REPO)
    assert to_file.returncode == to_stdout.returncode == 1
    # among them: the policy outcome names no decision-maker (MK801) and no owner (MK810)
    assert to_file.stdout == "Found 1 error, 4 warnings and 5 info in 1 file.\n"
    assert report.read_text() == to_stdout.stdout
    assert [path.name for path in report.parent.iterdir()] == [report.name]  # no temporary


def test_output_file_is_plain_text_even_when_colour_is_forced(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    colour = {"FORCE_COLOR": "1", "NO_COLOR": None}
    result = run_cli("check", SMALL_GAPS, *TODAY, "-o", str(report), env=colour, cwd=REPO)
    assert "\x1b[" in result.stdout  # the summary on the terminal may be coloured
    text = report.read_text()
    assert "\x1b" not in text
    assert text == run_cli("check", SMALL_GAPS, *TODAY, cwd=REPO).stdout


def test_output_file_replaces_an_old_report_and_keeps_its_permissions(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    report = tmp_path / "findings.sarif"
    report.write_text("old report")
    report.chmod(0o640)
    plan = write_plan(VALID_PLAN)
    result = run_cli("check", str(plan), "--ignore", "MK", "-f", "sarif", "--output", str(report))
    assert (result.returncode, result.stdout) == (0, "All checks passed! (1 file checked)\n")
    validate_sarif(json.loads(report.read_text()))
    assert report.stat().st_mode & 0o777 == 0o640


def test_output_file_never_replaces_a_plan_being_checked(write_plan: Callable[..., Path]) -> None:
    plan = write_plan(VALID_PLAN)
    result = run_cli("check", str(plan), "-f", "json", "-o", str(plan))
    assert result.returncode == 2
    assert "that is a plan being checked" in result.stderr
    assert plan.read_text() == VALID_PLAN


def test_output_file_that_cannot_be_written_is_a_clean_failure(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    plan = write_plan(VALID_PLAN)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = run_cli("check", str(plan), "-o", str(blocker / "report.json"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {blocker}")
    assert "Traceback" not in result.stderr


def test_no_output_file_when_movekit_cannot_run(tmp_path: Path) -> None:
    report = tmp_path / "report.sarif"
    result = run_cli("check", str(tmp_path / "missing.yaml"), "-f", "sarif", "-o", str(report))
    assert result.returncode == 2
    assert not report.exists()


# --plans-only


def test_plans_only_skips_named_files_that_are_not_plans(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(VALID_PLAN)
    (tmp_path / "other.yaml").write_text("name: a workflow, not a plan\n")
    names = ("plan.yaml", "other.yaml", "--select", "MK0", "--format", "concise")
    without = run_cli("check", *names, cwd=tmp_path)
    assert without.returncode == 1
    assert "other.yaml:1:1: MK007 [error]" in without.stdout
    only_plans = run_cli("check", *names, "--plans-only", cwd=tmp_path)
    assert (only_plans.returncode, only_plans.stdout) == (
        0,
        "All checks passed! (1 file checked)\n",
    )
    nothing = run_cli("check", "other.yaml", "--plans-only", cwd=tmp_path)
    assert (nothing.returncode, nothing.stdout) == (0, "All checks passed! (0 files checked)\n")


def test_plans_only_still_checks_broken_plans(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("# a plan\nmovekit: 1\ncampaign: [\n")
    result = run_cli("check", "plan.yaml", "--plans-only", "-f", "concise", cwd=tmp_path)
    assert result.returncode == 1
    # the unclosed [ is reported where it opens
    assert result.stdout.startswith("plan.yaml:3:11: MK001 [error]")


# docs/ci.md: its examples are real output and its CI set-ups really run

CI_DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def ci_doc_yaml() -> list[Any]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", CI_DOC, re.S)]


def test_ci_doc_output_examples_are_real_output() -> None:
    match = re.search(
        r"For example, `(movekit check [^`]+)`\nprints:\n\n```text\n(.*?)```", CI_DOC, re.S
    )
    assert match is not None
    args = match.group(1).split()[1:]
    assert run_cli(*args, cwd=REPO).stdout == match.group(2)
    github = re.search(r"and with `--format github`:\n\n```text\n(.*?)```", CI_DOC, re.S)
    assert github is not None
    args = [*args[: args.index("--format")], "--format", "github"]
    assert run_cli(*args, cwd=REPO).stdout == github.group(1)


def run_shell(command: str, cwd: Path, env: dict[str, str] | None = None) -> int:
    """A CI script line, run by bash with this Python's movekit first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    environment = {**os.environ, "PATH": path, "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(env or {})
    done = subprocess.run(["bash", "-c", command], cwd=cwd, env=environment, check=False)
    return done.returncode


@pytest.fixture
def repository_with_gaps(tmp_path: Path) -> Path:
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "campaigns" / "plan.yaml").write_text(
        (REPO / "examples/gaps/plan.yaml").read_text()
    )
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("name: not a plan\n")
    return tmp_path


def test_ci_doc_github_workflows_run(repository_with_gaps: Path) -> None:
    workflows = [block for block in ci_doc_yaml() if isinstance(block, dict) and "jobs" in block]
    assert len(workflows) == 2
    for workflow in workflows:
        steps = workflow["jobs"]["plans"]["steps"]
        runs = [step["run"] for step in steps if step.get("run", "").startswith("movekit ")]
        assert len(runs) == 1
        status = run_shell(runs[0], repository_with_gaps, {"GITHUB_ACTIONS": "true"})
        assert status == 1  # the gaps plan has errors: the job fails
        uploads = [step for step in steps if "upload-sarif" in step.get("uses", "")]
        for upload in uploads:
            report = repository_with_gaps / upload["with"]["sarif_file"]
            document = json.loads(report.read_text())
            validate_sarif(document)
            assert document["runs"][0]["results"]


def test_ci_doc_gitlab_job_runs(repository_with_gaps: Path) -> None:
    [job] = [block["movekit"] for block in ci_doc_yaml() if "movekit" in block]
    *reports, last = job["script"]
    for command in reports:
        assert run_shell(command, repository_with_gaps) == 0
    assert run_shell(last, repository_with_gaps) == 1
    for name in job["artifacts"]["paths"]:
        assert (repository_with_gaps / name).exists()
    quality = repository_with_gaps / job["artifacts"]["reports"]["codequality"]
    issues = json.loads(quality.read_text())
    assert issues and {issue["location"]["path"] for issue in issues} == {"campaigns/plan.yaml"}
    validate_sarif(json.loads((repository_with_gaps / "movekit.sarif").read_text()))
