"""Every finding code, known without importing the rules (and so without Pydantic).

Settings are validated against these before a plan is read, and a cached result can be
reported without loading the rules at all. tests/test_rules_cli.py keeps this list equal
to the registry in rules/__init__.py.
"""

from __future__ import annotations

CODES: tuple[str, ...] = (
    *(f"MK00{n}" for n in range(1, 9)),
    *(f"MK10{n}" for n in range(1, 8)),
    *(f"MK20{n}" for n in range(1, 4)),
    *(f"MK30{n}" for n in range(1, 9)),
    *(f"MK40{n}" for n in range(1, 6)),
    *(f"MK50{n}" for n in range(1, 5)),
    *(f"MK60{n}" for n in range(1, 6)),
    *(f"MK70{n}" for n in range(1, 5)),
)
