"""Reporters: turn findings into text for people or formats for machines."""

from __future__ import annotations

from movekit.report.base import Report, Reporter
from movekit.report.formats import FORMATS, REPORTERS

__all__ = ["FORMATS", "REPORTERS", "Report", "Reporter"]
