"""Checking many plans at once: discovery, per-plan settings, the report and the exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from movekit.config import Settings, load_settings
from movekit.discover import discover
from movekit.engine import check_bytes, read_limited, read_plan_bytes
from movekit.findings import Finding, Severity
from movekit.report import REPORTERS, Report
from movekit.rules import BY_CODE


@dataclass(frozen=True)
class CheckRequest:
    """What `movekit check` was asked to do."""

    paths: Sequence[Path]
    today: dt.date
    select: Sequence[str] | None = None
    ignore: Sequence[str] | None = None
    strict: bool = False
    output_format: str = "text"


def exit_code(findings: Sequence[Finding], *, strict: bool) -> int:
    """0 when clean, 1 on any error (or any warning with strict)."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(finding.severity in failing for finding in findings) else 0


def run_check(request: CheckRequest, out: TextIO) -> int:
    """Check every plan the request names, write the report, and return the exit code."""
    plans = discover(request.paths)
    settings_by_folder: dict[Path, Settings] = {}
    findings: list[Finding] = []
    sources: dict[str, str] = {}
    for plan in plans:
        settings = _settings_for(plan, request, settings_by_folder)
        is_stdin = str(plan) == "-"
        raw = read_limited(sys.stdin.buffer, "<stdin>") if is_stdin else read_plan_bytes(plan)
        checked = check_bytes(raw, str(plan), today=request.today, settings=settings)
        findings.extend(checked.findings)
        if checked.findings:
            sources[str(plan)] = raw.decode("utf-8-sig", errors="replace")
    report = Report(files=[str(plan) for plan in plans], findings=findings, sources=sources)
    REPORTERS[request.output_format](report, out)
    return exit_code(findings, strict=request.strict)


def _settings_for(plan: Path, request: CheckRequest, cache: dict[Path, Settings]) -> Settings:
    folder = Path.cwd() if str(plan) == "-" else plan.parent
    if folder not in cache:
        base = load_settings(folder / "_", BY_CODE)
        cache[folder] = base.with_flags(request.select, request.ignore, BY_CODE)
    return cache[folder]
