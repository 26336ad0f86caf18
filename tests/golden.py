"""Golden files: compare output with tests/golden/NAME; MOVEKIT_UPDATE_GOLDEN=1 rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MOVEKIT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with MOVEKIT_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")
