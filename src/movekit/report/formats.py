"""The output formats: one table of names and the modules that write them.

A reporter's module is imported only when its format is used, so `movekit check -f json`
never imports rich (which the text format may need) and starts quickly.
"""

from __future__ import annotations

import importlib
from typing import TextIO

from movekit.report.base import Report, Reporter

FORMATS = {
    "text": "movekit.report.text",
    "json": "movekit.report.json",
    "concise": "movekit.report.concise",
    "github": "movekit.report.github",
    "gitlab": "movekit.report.gitlab",
    "sarif": "movekit.report.sarif",
}
"""Output format name -> the module whose `write(report, out)` writes it."""


def lazy_reporter(module: str) -> Reporter:
    """A reporter that imports `module` on first use and calls its `write`."""

    def write(report: Report, out: TextIO) -> None:
        importlib.import_module(module).write(report, out)

    return write


REPORTERS: dict[str, Reporter] = {name: lazy_reporter(module) for name, module in FORMATS.items()}
"""Output format name -> reporter."""
