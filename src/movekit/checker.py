"""Checking many plans at once: discovery, per-plan settings, the report and the exit code."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from movekit.codes import CODES
from movekit.config import Settings, load_settings
from movekit.discover import discover, looks_like_plan
from movekit.errors import UsageError
from movekit.findings import Finding, Omitted, Severity
from movekit.opening import STDIN, STDIN_NAME, open_plan, read_source
from movekit.report import REPORTERS, Report
from movekit.writing import is_standard_output, write_output

_STYLES = re.compile(r"\x1b\[[0-9;]*m")
"""The terminal escapes rich writes for colour and bold."""


@dataclass(frozen=True)
class CheckRequest:
    """What `movekit check` was asked to do."""

    paths: Sequence[Path]
    today: dt.date
    select: Sequence[str] | None = None
    ignore: Sequence[str] | None = None
    strict: bool = False
    output_format: str = "text"
    output: Path | None = None
    """Write the report here, and only the summary line to the terminal."""
    plans_only: bool = False
    """Skip named files that are not plans instead of reporting them (for pre-commit)."""
    cache: bool = True
    """Reuse the findings of plans that have not changed (see cache.py), unless
    MOVEKIT_NO_CACHE turns the cache off."""
    stdin_filename: str | None = None
    """The real name of the plan read from standard input: for the report and for finding
    its settings (editors pass it); nothing is read from or written to it."""


def choose_format(requested: str | None, environ: Mapping[str, str]) -> str:
    """The format asked for; without one, `github` inside GitHub Actions and `text` elsewhere."""
    if requested is not None:
        return requested
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def exit_code(findings: Sequence[Finding], *, strict: bool) -> int:
    """0 when clean, 1 on any error (or any warning with strict)."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(finding.severity in failing for finding in findings) else 0


def run_check(request: CheckRequest, out: TextIO) -> int:
    """Check every plan the request names, write the report, and return the exit code."""
    plans = _plans(request)
    settings_by_folder: dict[Path, Settings] = {}
    findings: list[Finding] = []
    omitted: list[Omitted] = []
    sources: dict[str, str] = {}
    for plan in plans:
        settings = _settings_for(plan, request, settings_by_folder)
        raw = read_source(plan)
        found, left_out = _findings(raw, _name(plan, request), request, settings)
        findings.extend(found)
        omitted.extend(left_out)
        if found:
            sources[_name(plan, request)] = raw.decode("utf-8-sig", errors="replace")
    names = [_name(plan, request) for plan in plans]
    report = Report(files=names, findings=findings, sources=sources, omitted=omitted)
    _write_report(report, request, out)
    return exit_code(findings, strict=request.strict)


def _findings(
    raw: bytes, name: str, request: CheckRequest, settings: Settings
) -> tuple[list[Finding], list[Omitted]]:
    """The plan's findings (and counts of those left out), from the cache when it has not
    changed since the last check."""
    from movekit import cache

    use = request.cache and cache.enabled()
    entry = cache.key(raw, name, request.today, settings) if use else None
    remembered = cache.load(entry, name) if entry else None
    if remembered is not None:
        return remembered
    checked = open_plan(raw, name=name, today=request.today, settings=settings)
    if entry:
        cache.store(entry, checked.findings, checked.omitted)
    return checked.findings, checked.omitted


def _name(plan: Path, request: CheckRequest) -> str:
    """The plan's name in the report: its path, or what standard input goes by."""
    if str(plan) == STDIN:
        return request.stdin_filename or STDIN_NAME
    return str(plan)


def _plans(request: CheckRequest) -> list[Path]:
    if request.stdin_filename is not None and any(str(p) != STDIN for p in request.paths):
        raise UsageError(
            "--stdin-filename names the plan piped in as -: check that plan alone "
            "(e.g. movekit check - --stdin-filename plan.yaml < plan.yaml)"
        )
    plans = discover(request.paths)
    if request.plans_only:
        plans = [plan for plan in plans if str(plan) == STDIN or looks_like_plan(plan)]
    if request.output is not None:
        _refuse_overwriting_a_plan(request.output, plans)
    return plans


def _refuse_overwriting_a_plan(output: Path, plans: Sequence[Path]) -> None:
    # Checked before any work, so a slip like `-o plan.yaml` can never replace a plan.
    if any(str(plan) != STDIN and plan.resolve() == output.resolve() for plan in plans):
        raise UsageError(f"-o {output}: that is a plan being checked; write the report elsewhere")


def _write_report(report: Report, request: CheckRequest, out: TextIO) -> None:
    reporter = REPORTERS[request.output_format]
    if request.output is None:
        reporter(report, out)
        return
    buffer = io.StringIO()
    reporter(report, buffer)
    # rich styles even a buffer when FORCE_COLOR is set (as some CI systems do); a report
    # file stays plain text. Plan text cannot hold escapes: the reporters neutralise them.
    write_output(request.output, _STYLES.sub("", buffer.getvalue()), make_folders=True)
    if is_standard_output(request.output):
        return  # `-o /dev/stdout`: the report alone, so it can be piped on
    from movekit.report.lines import write_lines
    from movekit.report.text import summary

    write_lines([summary(report)], out)


def _settings_for(plan: Path, request: CheckRequest, cache: dict[Path, Settings]) -> Settings:
    folder = Path.cwd() if str(plan) == STDIN else plan.parent
    if str(plan) == STDIN and request.stdin_filename is not None:
        folder = Path(request.stdin_filename).parent  # its settings, as ruff finds them
    if folder not in cache:
        base = load_settings(folder / "_", CODES)
        cache[folder] = base.with_flags(request.select, request.ignore, CODES)
    return cache[folder]
