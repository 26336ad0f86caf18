"""Reporters: turn findings into text for people or formats for machines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from movekit.findings import Finding


@dataclass(frozen=True)
class Report:
    """What every reporter receives: the files checked, their findings and their text."""

    files: Sequence[str]
    findings: Sequence[Finding]
    sources: dict[str, str]
    """File name -> text, for showing source lines."""


Reporter = Callable[[Report, TextIO], None]


def _text(report: Report, out: TextIO) -> None:
    from movekit.report.text import write

    write(report, out)


def _json(report: Report, out: TextIO) -> None:
    from movekit.report.json import write

    write(report, out)


def _concise(report: Report, out: TextIO) -> None:
    from movekit.report.concise import write

    write(report, out)


def _github(report: Report, out: TextIO) -> None:
    from movekit.report.github import write

    write(report, out)


def _gitlab(report: Report, out: TextIO) -> None:
    from movekit.report.gitlab import write

    write(report, out)


def _sarif(report: Report, out: TextIO) -> None:
    from movekit.report.sarif import write

    write(report, out)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "concise": _concise,
    "github": _github,
    "gitlab": _gitlab,
    "sarif": _sarif,
}
"""Output format name -> reporter; each imports its module only when used."""
