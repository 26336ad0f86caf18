"""The one exception family: raised when movekit cannot do its job (exit code 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movekit.findings import Finding


class MovekitError(Exception):
    """Movekit could not do what was asked; the message says why and how to fix it."""


class UsageError(MovekitError):
    """A bad option, path or argument on the command line."""


class ConfigError(MovekitError):
    """A `movekit.toml` or `[tool.movekit]` table that cannot be used."""


class FileAccessError(MovekitError):
    """A plan file that is missing, unreadable or not a file."""


class PlanError(MovekitError):
    """A plan with file-level errors; `findings` lists them."""

    def __init__(self, path: str, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(f"{path}:{first.line}:{first.column}: {first.code} {first.message}")
        self.findings = findings
