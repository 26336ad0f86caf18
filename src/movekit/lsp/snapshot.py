"""One open plan as the server knows it at one version: its text, what `check` found, and
the newest model it could build. Every feature (diagnostics, completion, hover,
navigation, code actions) reads a Snapshot and never parses the text again itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movekit.engine import Checked
    from movekit.model import Plan


@dataclass(frozen=True)
class Snapshot:
    """An open document at one version."""

    uri: str
    text: str
    version: int | None
    checked: Checked
    """The full `check` of this text (findings, the model when valid, the positioned
    YAML document), with the config and suppressions the command line would use."""
    last_good: Plan | None
    """This text's plan when it has no file-level errors, else the newest plan of an
    earlier version that had none: completion and navigation keep working while a file is
    half typed."""

    @property
    def plan(self) -> Plan | None:
        """This version's own plan (None while it has file-level errors)."""
        return self.checked.plan
