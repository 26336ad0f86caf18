"""The one place that sets up ruamel.yaml, for commands that write plans back.

Its round trip keeps every comment, the order of keys and the layout of the plan; the
settings below match the layout of movekit's own plans and examples.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML


def round_trip() -> YAML:
    """A ruamel.yaml instance that reads and writes plans without losing anything."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap long lines
    yaml.preserve_quotes = True
    return yaml


def load(text: str) -> Any:
    """A plan's text as ruamel's commented mappings and sequences."""
    return round_trip().load(text)


def dump(data: Any) -> str:
    """Commented data back to text."""
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()
