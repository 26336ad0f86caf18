"""`movekit fmt`: rewrite plans in one canonical layout, keeping every comment.

format.py formats one plan's text and verifies it; runner.py runs the command over files.
"""

from __future__ import annotations

from movekit.fmt.format import FormatError, format_text, verify

__all__ = ["FormatError", "format_text", "verify"]
