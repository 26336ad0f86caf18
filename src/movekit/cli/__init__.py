"""The command line: one small module per command; the error boundary is cli/main.py."""

from __future__ import annotations

from movekit.cli.main import main

__all__ = ["main"]
