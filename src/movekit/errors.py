"""The one exception family: raised when movekit cannot do its job (exit code 2)."""

from __future__ import annotations


class MovekitError(Exception):
    """Movekit could not do what was asked; the message says why and how to fix it."""


class UsageError(MovekitError):
    """A bad option, path or argument on the command line."""


class ConfigError(MovekitError):
    """A `movekit.toml` or `[tool.movekit]` table that cannot be used."""


class FileAccessError(MovekitError):
    """A plan file that is missing, unreadable or not a file."""
