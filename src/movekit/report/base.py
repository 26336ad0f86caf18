"""What every reporter shares: the report it receives, the help line and the JSON layout."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from movekit.findings import Finding, Omitted
from movekit.printable import json_escaped

HELP = "help"
"""The label in front of a finding's hint, in every format that shows hints."""


@dataclass(frozen=True)
class Report:
    """What every reporter receives: the files checked, their findings and their text."""

    files: Sequence[str]
    findings: Sequence[Finding]
    sources: dict[str, str]
    """File name -> text, for showing source lines."""
    omitted: Sequence[Omitted] = field(default_factory=tuple)
    """Findings left out of `findings` (beyond MAX_PER_CODE of a code in a file), counted."""


Reporter = Callable[[Report, TextIO], None]


def message_with_help(finding: Finding) -> str:
    """The message, then `help: <hint>` on a line of its own when the finding has a hint."""
    return f"{finding.message}\n{HELP}: {finding.hint}" if finding.hint else finding.message


def write_json(document: Any, out: TextIO) -> None:
    """A JSON document for tools: indented, non-ASCII kept as is, one final newline."""
    # control and bidi characters as \uXXXX escapes: the same data, harmless in a terminal
    out.write(json_escaped(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
