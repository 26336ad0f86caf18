"""`movekit diff`: what changed between two versions of a plan, in campaign terms.

compare.py compares two versions; entries.py turns a plan into items to compare, found by
walking its models (walk.py) and put in campaign words (words.py); report.py writes the
result; sources.py reads the versions (files or git); outline.py is git's textconv view.
"""

from __future__ import annotations

from movekit.diff.changes import Change, FieldChange, PlanDiff, Version
from movekit.diff.compare import diff_plans

__all__ = ["Change", "FieldChange", "PlanDiff", "Version", "diff_plans"]
