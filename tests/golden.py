"""Golden files: compare output with tests/golden/NAME, and rewrite them only on purpose.

`MOVEKIT_UPDATE_GOLDEN=1 pytest ...` rewrites the golden files whose output changed, and
each such test then FAILS, so that a rewrite can never pass unnoticed: read
`git diff tests/golden`, then run again. In CI (the `CI` variable set) rewriting is refused.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = "MOVEKIT_UPDATE_GOLDEN"


def _is_set(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def assert_golden(name: str, actual: str) -> None:
    """`actual` is exactly the text of tests/golden/NAME."""
    path = GOLDEN / name
    if _is_set(UPDATE):
        _rewrite(path, actual)
    assert path.exists(), f"{path} is missing: run with {UPDATE}=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


def _rewrite(path: Path, actual: str) -> None:
    if _is_set("CI"):
        pytest.fail(f"{UPDATE} is refused in CI: rewrite golden files on your own machine")
    if path.exists() and path.read_text(encoding="utf-8") == actual:
        return
    path.write_text(actual, encoding="utf-8")
    pytest.fail(f"golden file {path.name} rewritten: review `git diff tests/golden` and run again")
